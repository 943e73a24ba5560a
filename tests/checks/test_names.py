"""Name candidates: a project's names are known without being typed into the dictionary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ficwriter.checks.cache import CheckCache
from ficwriter.checks.dictionary import ProjectDictionary, silenced_at
from ficwriter.checks.issue import Category
from ficwriter.checks.names import (
    _mid_sentence,
    looks_like_name,
    name_candidates,
    project_name_candidates,
)
from ficwriter.core.chapter import parse

STORY = (
    "Odessa Vane walked to the market with Corrin. She bought bread for Corrin's mother.\n\n"
    '"Where is Odessa?" asked the baker. "Gone home," said Corrin, and Odessa laughed.\n\n'
    "The Home Guard met on Tuesdays. Home was far. Home was warm. They went home.\n\n"
    "Suddenly it rained. Suddenly it stopped. Bellhaven lay to the north.\n"
)


def test_names_used_mid_sentence_twice_are_candidates_and_possessives_count() -> None:
    words = [c.word for c in name_candidates([parse(STORY)])]
    assert words[:2] == ["Corrin", "Odessa"]
    corrin = name_candidates([parse(STORY)])[0]
    assert (corrin.mid_sentence, corrin.uses) == (3, 3)  # "Corrin's" is Corrin


def test_sentence_starts_lowercase_words_and_single_uses_are_not_candidates() -> None:
    words = {c.word for c in name_candidates([parse(STORY)])}
    assert "Suddenly" not in words  # only ever opens a sentence
    assert "Home" not in words  # also written "home"
    assert "Bellhaven" not in words  # used once


def test_a_name_typed_in_lowercase_in_a_text_message_is_still_a_name() -> None:
    chat = (
        "**Kit:** who took my charger\n\n**Priya:** ask kit, it's always kit\n\n"
        "Jojo laughed and kicked Kit under the table, so Kit gave it back.\n\n"
        "Home was far; they went home.\n"
    )
    words = {c.word for c in name_candidates([parse(chat)])}
    assert "Kit" in words  # "kit" in a text is the name typed fast
    chat += "\nShe packed a first-aid kit.\n"
    assert "Kit" not in {c.word for c in name_candidates([parse(chat)])}  # a word in prose


def test_a_scenes_point_of_view_character_is_a_candidate() -> None:
    text = '<!-- scene: title="Rooftops"; pov=Marcus -->\nMarcus hated heights.\n'
    found = name_candidates([parse(text)])
    assert [(c.word, c.mid_sentence) for c in found] == [("Marcus", 0)]
    assert name_candidates([parse(text)], not_names=["Marcus"]) == []


def test_the_dictionary_and_the_writers_no_remove_a_candidate() -> None:
    chapter = parse(STORY)
    assert [c.word for c in name_candidates([chapter], known=["Corrin"])] == ["Odessa"]
    assert [c.word for c in name_candidates([chapter], not_names=["Odessa"])] == ["Corrin"]


def test_candidates_gather_across_the_chapters_of_a_project(tmp_path: Path) -> None:
    (tmp_path / "ficwriter.toml").write_text('title = "T"\n[checks]\nnot_names = ["Mira"]\n')
    chapters = tmp_path / "chapters"
    chapters.mkdir()
    (chapters / "01-a.md").write_text("They met Tovan at dawn. Mira waved at Mira.\n")
    (chapters / "02-b.md").write_text("She thanked Tovan and left.\n")
    (tmp_path / "dictionary.txt").write_text("Lexa\n")
    assert [c.word for c in project_name_candidates(tmp_path)] == ["Tovan"]


def test_a_projects_candidates_are_read_back_until_a_chapter_or_the_dictionary_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ficwriter.checks.names as names

    chapters = tmp_path / "chapters"
    chapters.mkdir()
    (chapters / "01-a.md").write_text("They met Tovan at dawn and Corrin at noon.\n")
    (chapters / "02-b.md").write_text("She thanked Tovan and Corrin and left.\n")
    searched = []
    search = names.name_candidates
    monkeypatch.setattr(names, "name_candidates", lambda *a: searched.append(1) or search(*a))

    def found() -> list[str]:
        cache = CheckCache(tmp_path)
        try:
            return [c.word for c in project_name_candidates(tmp_path, cache)]
        finally:
            cache.close()

    assert found() == ["Corrin", "Tovan"] and len(searched) == 1
    assert found() == ["Corrin", "Tovan"] and len(searched) == 1  # a new session, unchanged
    (chapters / "02-b.md").write_text("She thanked Tovan and left.\n")
    assert found() == ["Tovan"] and len(searched) == 2
    (tmp_path / "dictionary.txt").write_text("Tovan\n")
    assert found() == [] and len(searched) == 3


def test_a_candidate_silences_spelling_until_the_dictionary_changes() -> None:
    dictionary = ProjectDictionary(["Anna-Sofia"])
    generation = dictionary.generation
    dictionary.set_names(["Tovan"])
    assert dictionary.generation > generation
    assert dictionary.silences(Category.SPELLING, "Tovan's")
    assert dictionary.silences(Category.SPELLING, "Sofia")  # half of a hyphenated name
    assert dictionary.silences(Category.SPELLING, "TOVAN")  # on a sign
    assert not dictionary.silences(Category.GRAMMAR, "Tovan")
    assert dictionary.silences(Category.GRAMMAR, "Tovan", "OrthographicConsistency")


def test_a_dictionary_name_is_not_respelt_as_an_acronym() -> None:
    dictionary = ProjectDictionary(["Nat"])
    assert dictionary.silences(Category.GRAMMAR, "Nat", "OrthographicConsistency")
    assert not dictionary.silences(Category.GRAMMAR, "Nat", "AnA")


def test_neighbours_mark_a_single_use_as_a_name() -> None:
    known = ProjectDictionary(["Ashby"])

    def at(text: str, word: str) -> bool:
        start = text.index(word)
        return looks_like_name(text, start, start + len(word), known)

    assert at("She asked Mrs. Okonjo for the key.", "Okonjo")
    assert at("They lived on Fennick Street for years.", "Fennick")
    assert at("He cast a Wardlight charm.", "Wardlight")
    assert at("A girl called Isla Dunmore was asleep.", "Dunmore")
    assert at("She had a room in Pimlico.", "Pimlico")
    assert at("Miss Delphine Ashby ran it.", "Delphine")
    assert at('"Go on, Devvy. I\'m not getting any younger."', "Devvy")  # addressed
    assert at("People have died everywhere, Marn.", "Marn")
    assert at('"Thank you, Señora Reyes."', "Señora")  # a title is part of the name
    assert at('"Nana!"', "Nana")
    assert not at("Tuesdya was wet.", "Tuesdya")
    assert not at("We met, Tuesdya and I, at noon.", "Tuesdya")
    assert not at("It was a Grat day.", "Grat")
    assert silenced_at(known, "A room in Pimlico.", 10, 17, Category.SPELLING, "SpellCheck")
    assert not silenced_at(known, "A room in Pimlico.", 10, 17, Category.GRAMMAR, "AnA")


# What "mid-sentence" means, written as patterns over everything before the word: the
# checker looks back only over the few characters that matter, and must agree.
_SPEC_ABBREVIATION = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Mt|Prof|Capt|Lt|Sgt|Col|Gen|Rev)\.\s*$")
_SPEC_OPENS = re.compile(r"(?:^|[.!?…:;]|--|—)[\s\"'“”‘’*_)(\[\]]*$")
_SPEC_QUOTE = re.compile(r"[\"“‘']\s*$")


def _spec_mid_sentence(before: str) -> bool:
    if _SPEC_ABBREVIATION.search(before):
        return True
    if _SPEC_OPENS.search(before):
        return False
    if _SPEC_QUOTE.search(before):
        return before.rstrip()[:-1].rstrip().endswith(",")
    return bool(before.strip())


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["Mr.", "Dr", "Prof.", "said", ",", ".", "?", "--", "—", "-",
                                 " ", "\n", '"', "“", "'", "*", "(", "]", ":", "xMr.", "a"]),
                max_size=12).map("".join))
def test_a_word_is_mid_sentence_exactly_when_the_text_before_it_says_so(before: str) -> None:
    assert _mid_sentence(before + "Maren went.", len(before)) == _spec_mid_sentence(before)
