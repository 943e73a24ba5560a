"""Carrying a check result's issue spans through the edits typed since it was asked for."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ficwriter.gui.editor.session import Edit, EditLog, fold


def walked(edits: list[Edit], version: int, start: int, end: int) -> tuple[int, int] | None:
    """The span walked through every edit one by one: how the window placed issues before
    the edits were folded (the reference the folded map must agree with)."""
    for edit in edits:
        if edit.version <= version:
            continue
        if edit.position + edit.removed < start:
            delta = edit.added - edit.removed
            start, end = start + delta, end + delta
        elif edit.position > end:
            continue
        else:
            return None
    return start, end


@st.composite
def typing_session(draw):
    """A text length, edits a writer could make to it (typing mostly in one place, with
    deletions, pastes and jumps elsewhere), and issue spans in the original text."""
    length = draw(st.integers(1, 400))
    edits: list[Edit] = []
    place = draw(st.integers(0, length))
    for version in range(1, draw(st.integers(0, 60)) + 1):
        if draw(st.integers(0, 9)) == 0:  # a jump elsewhere
            place = draw(st.integers(0, length))
        place = min(place, length)
        removed = draw(st.sampled_from([0, 0, 0, 1, 3])) if place < length else 0
        removed = min(removed, length - place)
        added = draw(st.sampled_from([1, 1, 1, 0, 5]))
        edits.append(Edit(version, place, removed, added))
        length += added - removed
        place += added
    spans = draw(st.lists(st.tuples(st.integers(0, 400), st.integers(0, 12)), max_size=40))
    return edits, [(start, start + size) for start, size in spans]


@settings(max_examples=400, deadline=None)
@given(typing_session(), st.integers(0, 60))
def test_folded_edits_place_every_issue_where_walking_the_edits_does(session, asked_at) -> None:
    edits, spans = session
    log = EditLog()
    for edit in edits:
        log.append(edit)
        if edit.version == asked_at:  # a partial result on the way: brought up to date later
            log.rebase(0)
    position_map = log.rebase(0)
    for start, end in spans:
        assert position_map.map_range(start, end) == walked(edits, 0, start, end)


@settings(max_examples=200, deadline=None)
@given(typing_session(), st.integers(0, 60))
def test_a_later_version_is_carried_only_through_the_edits_after_it(session, version) -> None:
    edits, spans = session
    log = EditLog()
    for edit in edits:
        log.append(edit)
    since = fold(log.between(version, len(edits)))
    now = log.rebase(version)
    for start, end in spans:
        expected = walked(edits, version, start, end)
        assert now.map_range(start, end) == expected
        assert since.map_range(start, end) == expected


def test_typing_next_to_an_issue_drops_it_and_typing_before_moves_it() -> None:
    log = EditLog()
    log.append(Edit(1, 10, 0, 1))  # a key typed right after the word at 5:10
    log.append(Edit(2, 0, 0, 3))  # three keys at the start of the text
    position_map = log.rebase(0)
    assert position_map.map_range(5, 10) is None
    assert position_map.map_range(20, 24) == (24, 28)
    assert position_map.map_range(0, 2) is None
