"""The quality corpus: its error list holds, and the fiction rules catch what it says they do."""

from __future__ import annotations

import pytest

from ficwriter.checks.fiction import RULES, FictionSettings
from ficwriter.core.chapter import parse
from tests.checks.quality_corpus import corpus_dictionary, corpus_files, fiction_flags, known_errors


@pytest.fixture(scope="module")
def chapters() -> dict:  # type: ignore[type-arg]
    return {name: parse(p.read_text(encoding="utf-8")) for name, p in corpus_files().items()}


def test_the_written_corpus_is_long_enough_and_every_error_is_placed(chapters: dict) -> None:  # type: ignore[type-arg]
    written = [c for name, c in chapters.items() if name.startswith("tests/checks/corpus/")]
    assert sum(c.story_words for c in written) >= 3000
    errors = known_errors()
    assert len(errors) >= 40
    for error in errors:
        assert chapters[error.file].text[error.start : error.end] == error.error
        assert chapters[error.file].paragraph_at(error.start) is not None
    kinds = {e.kind for e in errors}
    assert {"spelling", "grammar", "confused-word", "epithet", "name-spelling"} <= kinds


def test_fiction_rules_catch_every_error_listed_for_them(chapters: dict) -> None:  # type: ignore[type-arg]
    settings = FictionSettings(rules={rule: True for rule in RULES}, names=tuple(corpus_dictionary()))
    flags = {name: fiction_flags(chapter, settings) for name, chapter in chapters.items()}
    missed = [
        e
        for e in known_errors()
        if "fiction" in e.engines
        and not any(s < e.end and e.start < t for s, t, _ in flags[e.file])
    ]
    assert missed == []


def test_default_fiction_rules_rarely_flag_anything_else(chapters: dict) -> None:  # type: ignore[type-arg]
    errors = known_errors()
    settings = FictionSettings(names=tuple(corpus_dictionary()))
    other = [
        (name, chapter.text[s:t], rule)
        for name, chapter in chapters.items()
        for s, t, rule in fiction_flags(chapter, settings)
        if not any(e.file == name and s < e.end and e.start < t for e in errors)
    ]
    words = sum(c.story_words for c in chapters.values())
    assert 1000 * len(other) / words < 1.0, other
