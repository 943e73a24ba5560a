"""The marked corpus reads back as the stories and spans it claims, and covers what it must."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.checks.quality_corpus import (
    ERROR_KINDS,
    marked_corpus,
    marked_dictionary,
    read_marked,
)


def test_marks_are_stripped_to_the_plain_text_with_their_spans() -> None:
    text, marks = read_marked('"Come {{on Sam=>on, Sam|vocative-comma}}." She {{lay|trap}} down.')
    assert text == '"Come on Sam." She lay down.'
    assert [(text[m.start : m.end], m.fix, m.kind) for m in marks] == [
        ("on Sam", "on, Sam", "vocative-comma"),
        ("lay", None, "trap"),
    ]
    assert not marks[0].debatable and marks[1].is_trap


def test_a_question_mark_makes_a_mark_debatable() -> None:
    _, marks = read_marked("The group of them {{were=>was|agreement?}} loud.")
    assert marks[0].debatable and marks[0].kind == "agreement"


@pytest.mark.parametrize(
    "source",
    [
        "an {{error|spelling}} without a fix",
        "a {{kind=>kinds|unknown-kind}}",
        "a {{trap=>with a fix|trap}}",
        "a stray {{ brace",
        "and a stray }} one",
    ],
)
def test_a_malformed_mark_is_an_error_naming_the_file(source: str) -> None:
    with pytest.raises(ValueError, match="story.md"):
        read_marked(source, "story.md")


@pytest.fixture(scope="module")
def corpus():  # type: ignore[no-untyped-def]
    return marked_corpus()


def test_the_corpus_is_long_varied_and_in_both_dialects(corpus) -> None:  # type: ignore[no-untyped-def]
    assert len(corpus) >= 20
    assert sum(story.chapter.story_words for story in corpus.values()) >= 20_000
    assert {story.language for story in corpus.values()} == {"en-US", "en-GB"}
    texts = [story.text for story in corpus.values()]
    assert len(set(texts)) == len(texts)
    # texting and letters are among the stories
    assert any("**Kit:**" in t for t in texts) and any("*Dearest Harriet,*" in t for t in texts)


def test_every_class_has_several_cases_and_the_traps_are_there(corpus) -> None:  # type: ignore[no-untyped-def]
    errors = [m for story in corpus.values() for m in story.errors]
    kinds = Counter(m.kind for m in errors)
    for kind in set(ERROR_KINDS) - {"grammar"}:
        assert kinds[kind] >= 2, kind
    traps = {m.text.lower() for story in corpus.values() for m in story.traps}
    for trap in ("had had", "that that", "her her", "lay", "i-i", "mmm", "hah", "--"):
        assert trap in traps, trap
    debatable = [m for story in corpus.values() for m in story.marks if m.debatable]
    assert any(m.kind == "agreement" for m in debatable)


def test_marks_stand_where_they_say_in_the_story_and_in_notes(corpus) -> None:  # type: ignore[no-untyped-def]
    in_notes = 0
    for story in corpus.values():
        chapter = story.chapter
        for mark in story.marks:
            assert story.text[mark.start : mark.end] == mark.text
            assert chapter.paragraph_at(mark.start) is not None, (story.name, mark.text)
            in_notes += story.in_note(mark)
    assert in_notes >= 4


def test_the_dictionary_holds_names_the_stories_use(corpus) -> None:  # type: ignore[no-untyped-def]
    everything = "\n".join(story.text for story in corpus.values())
    words = marked_dictionary()
    assert "Nat" in words and "Anna-Sofia" in words
    assert all(word in everything for word in words)
