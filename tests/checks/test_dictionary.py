"""The project dictionary: load, add atomically, silence names, suggest names."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficwriter.checks.dictionary import ProjectDictionary, suggested_words
from ficwriter.checks.harper_engine import HarperEngine
from ficwriter.checks.issue import Category
from ficwriter.checks.scheduler import Checker
from ficwriter.core.chapter import parse

SEED_NAMES = ["Clarke", "Lexa", "Bellamy", "Octavia", "Jaha", "Tondc", "Abby", "Raven"]


def test_load_and_add_rewrites_the_file(tmp_path: Path):
    path = tmp_path / "dictionary.txt"
    path.write_text("\ufeffLexa\n\n# places\nTonDC\n", encoding="utf-8")
    dictionary = ProjectDictionary.for_project(tmp_path)
    assert dictionary.words == {"Lexa", "TonDC"}
    dictionary.add("abby")
    dictionary.add("Lexa")  # already there: nothing changes
    assert path.read_text(encoding="utf-8-sig") == "Lexa\n\n# places\nTonDC\nabby\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dictionary.txt"]  # no temp files
    assert ProjectDictionary.for_project(tmp_path).words == {"Lexa", "TonDC", "abby"}


def test_bad_word_is_refused_and_file_untouched(tmp_path: Path):
    path = tmp_path / "dictionary.txt"
    path.write_text("Lexa\n")
    dictionary = ProjectDictionary.for_project(tmp_path)
    for bad in ("", "two words"):
        with pytest.raises(ValueError):
            dictionary.add(bad)
    assert path.read_text() == "Lexa\n"


def test_matching_rules():
    dictionary = ProjectDictionary(words=["Lexa", "TonDC", "grounder"])
    assert dictionary.silences(Category.SPELLING, "Lexa")
    assert dictionary.silences(Category.SPELLING, "Lexa's")
    assert dictionary.silences(Category.SPELLING, "Grounder")
    assert not dictionary.silences(Category.SPELLING, "Tondc")  # a variant stays visible
    assert dictionary.silences(Category.SPELLING, "lexa's")  # a name in a text message
    assert not dictionary.silences(Category.SPELLING, "lexx")
    assert not dictionary.silences(Category.GRAMMAR, "Lexa")


def test_suggestions_are_names_used_three_times_mid_sentence():
    text = (
        "Clarke ran. Then Clarke stopped, and Clarke sat.\n\n"
        "Eventually it rained. Eventually it stopped. Eventually it dried.\n\n"
        "Lexa waited for Lexa's scouts.\n"
    )
    assert suggested_words(parse(text)) == ["Clarke"]
    assert suggested_words(parse(text), ProjectDictionary(words=["Clarke"])) == []


def test_seed_names_are_suggested(seed_text: str):
    suggested = suggested_words(parse(seed_text))
    assert {"Clarke", "Lexa", "Bellamy"} <= set(suggested)
    assert "She" not in suggested and "The" not in suggested


def test_seed_names_not_flagged_once_in_dictionary(seed_text: str, tmp_path: Path):
    chapter = parse(seed_text)
    engine = HarperEngine()
    # Without a dictionary the names the chapter uses mid-sentence are name candidates;
    # a writer who says they are not names gets them checked.
    plain = Checker([engine])
    candidates = Checker([engine], not_names=("Lexa", "Tondc", "Jaha"))
    try:
        unflagged = {seed_text[i.start : i.end] for i in plain.check_chapter(chapter).issues
                     if i.category is Category.SPELLING}
        flagged = {seed_text[i.start : i.end] for i in candidates.check_chapter(chapter).issues
                   if i.category is Category.SPELLING}
    finally:
        plain.close()
        candidates.close()
    assert not {"Lexa", "Tondc", "Jaha"} & unflagged
    assert "Lexa" in flagged  # (the others stand after a title or "in": names by position)
    (tmp_path / "dictionary.txt").write_text("\n".join(SEED_NAMES) + "\n")
    checker = Checker([engine], dictionary=ProjectDictionary.for_project(tmp_path))
    try:
        result = checker.check_chapter(chapter)
        still = {seed_text[i.start : i.end] for i in result.issues if i.category is Category.SPELLING}
        assert not {"Lexa", "Lexa's", "Tondc", "Jaha", "Clarke"} & still
        turned = [i for i in result.issues if seed_text[i.start : i.end] == "turned"]
        assert turned and turned[0].rule_id == "DidPast"  # "didn't turned", offline
    finally:
        checker.close()
