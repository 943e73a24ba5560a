"""Offsets: issue spans stay inside their paragraph and follow their text through edits."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ficwriter.checks.harper_engine import HarperEngine
from ficwriter.checks.scheduler import Checker
from ficwriter.core.chapter import parse

SENTENCES = [
    "Clarke didn't turned around.",
    "She *recieve* the letter from Zoë.",
    "Teh 😀 night was cold, and **teh** fire was small.",
    "Lexa 🐉🐉 waited by teh river with Ch\u0101ra.",
    "He handed her her food and walked off.",
    "They was late again.",
    "The wind moved the leaves.",
    "An apple and a orange sat on teh table.",
]
paragraph = st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3).map(" ".join)


@pytest.fixture(scope="module")
def checker():
    # Name candidates change with the chapter's words by design; spans are the point here.
    checker = Checker([HarperEngine()], find_names=False)
    yield checker
    checker.close()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    paragraphs=st.lists(paragraph, min_size=2, max_size=6),
    data=st.data(),
)
def test_spans_inside_paragraph_and_stable_under_unrelated_edits(checker, paragraphs, data):
    text = "\n\n".join(paragraphs) + "\n"
    chapter = parse(text)
    result = checker.check_chapter(chapter)
    story = chapter.paragraphs(notes=True)
    for issue in result.issues:
        span = story[issue.paragraph].span
        assert span.start <= issue.start < issue.end <= span.end

    edit_at = data.draw(st.integers(0, len(paragraphs) - 1), label="edited paragraph")
    new_text = data.draw(paragraph, label="new paragraph text")
    edited_paragraphs = list(paragraphs)
    edited_paragraphs[edit_at] = new_text
    edited = "\n\n".join(edited_paragraphs) + "\n"
    after = checker.check_chapter(parse(edited))
    edited_span = parse(edited).paragraphs()[edit_at].span
    old_span = story[edit_at].span
    delta = edited_span.end - old_span.end
    expected = {
        (i.rule_id, text[i.start : i.end], i.start if i.start < old_span.start else i.start + delta)
        for i in result.issues
        if i.paragraph != edit_at
    }
    got = {
        (i.rule_id, edited[i.start : i.end], i.start)
        for i in after.issues
        if i.paragraph != edit_at
    }
    assert expected == got
