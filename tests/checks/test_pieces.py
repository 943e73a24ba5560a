"""Long paragraphs go to the engines in pieces cut at sentence ends, mapped back exactly."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ficwriter.checks.harper_engine import HarperEngine
from ficwriter.checks.pieces import pieces
from ficwriter.checks.scheduler import Checker
from ficwriter.core.chapter import parse
from ficwriter.core.inline import plain_text

SENTENCES = [
    "Clarke didn't turned around.",
    "She *recieve* the letter from Zoë.",
    "Teh 😀 night was cold, and **teh** fire was small.",
    "\u201cWhere were you?\u201d she asked.",
    "He handed her her food and walked off!",
    "They was late again\u2026",
    "An apple and a orange sat on teh table.",
    "The wind moved the leaves",
]
prose = st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab .!?\u201d\n", max_size=400) | prose, st.integers(1, 120))
def test_pieces_are_the_text_in_order_and_none_is_too_long(text: str, limit: int) -> None:
    cut = pieces(text, limit)
    assert "".join(piece for _, piece in cut) == text
    assert all(len(piece) <= limit for _, piece in cut)
    assert [at for at, _ in cut] == [sum(len(p) for _, p in cut[:k]) for k in range(len(cut))]


def test_a_piece_ends_at_the_last_sentence_end_that_fits() -> None:
    text = "One two. Three four five! Six seven eight nine ten eleven."
    cut = [piece for _, piece in pieces(text, 30)]
    assert cut[0] == "One two. Three four five! "
    assert "".join(cut) == text


def test_a_question_in_dialogue_is_no_sentence_end() -> None:
    text = "\u201cWhere were you?\u201d she asked. \u201cOut.\u201d"
    assert [p for _, p in pieces(text, 30)][0] == "\u201cWhere were you?\u201d she asked. "


def test_without_a_sentence_end_a_piece_ends_at_a_space_else_at_the_limit() -> None:
    assert [p for _, p in pieces("aaaa bbbb cccc", 10)] == ["aaaa bbbb ", "cccc"]
    assert [p for _, p in pieces("x" * 25, 10)] == ["x" * 10, "x" * 10, "x" * 5]


def test_a_short_paragraph_is_one_piece() -> None:
    assert pieces("She left.", 100) == [(0, "She left.")]


@pytest.fixture(scope="module")
def harper() -> HarperEngine:
    return HarperEngine()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=prose, long=prose, after=prose, limit=st.integers(60, 400))
def test_what_harper_finds_in_a_piece_is_underlined_on_those_very_letters(
    harper: HarperEngine, before: str, long: str, after: str, limit: int
) -> None:
    text = f"{before}\n\n{long}\n\n{after}\n"
    chapter = parse(text)
    checker = Checker([harper], find_names=False, piece_chars=limit)
    try:
        got = {(i.start, i.end, i.rule_id) for i in checker.check_chapter(chapter).issues}
    finally:
        checker.close(close_engines=False)
    expected = set()
    for paragraph in chapter.paragraphs():
        plain = plain_text(paragraph.text)
        for at, piece in pieces(plain.text, limit):
            for f in harper.check(piece):
                assert plain.text[at + f.start : at + f.end] == piece[f.start : f.end]
                a, b = plain.source_span(at + f.start, at + f.end)
                expected.add((paragraph.span.start + a, paragraph.span.start + b, f.rule_id))
    assert got == expected
    for word in ("teh", "Teh", "recieve"):  # every misspelling, exactly on its letters
        at = text.find(word)
        while at >= 0:
            assert any(i[:2] == (at, at + len(word)) for i in got)
            at = text.find(word, at + 1)
