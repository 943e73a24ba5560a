"""Emphasis markers: hidden from checks and exports, kept in place for the editor."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ficwriter.core.inline import Segment, markup_positions, plain_text, segments, styled_ranges


def test_plain_text_drops_markers_and_maps_back_to_the_source() -> None:
    source = "She *did not* turn **back**."
    plain = plain_text(source, base=100)
    assert plain.text == "She did not turn back."
    start = plain.text.index("did not")
    a, b = plain.source_span(start, start + len("did not"))
    assert source[a - 100 : b - 100] == "did not"


def test_segments_carry_italic_bold_and_both() -> None:
    assert segments("a ***b*** *c* **d**") == [
        Segment("a "),
        Segment("b", italic=True, bold=True),
        Segment(" "),
        Segment("c", italic=True),
        Segment(" "),
        Segment("d", bold=True),
    ]


def test_lone_stars_underscores_in_words_and_escapes_are_text() -> None:
    assert plain_text("2 * 3 = 6").text == "2 * 3 = 6"
    assert plain_text("snake_case_name").text == "snake_case_name"
    assert plain_text(r"a \*literal\* star").text == "a *literal* star"
    assert segments("_quiet_ word") == [Segment("quiet", italic=True), Segment(" word")]


def test_unclosed_emphasis_stays_text() -> None:
    assert plain_text("an *unclosed star").text == "an *unclosed star"
    assert styled_ranges("an *unclosed star") == ()


def test_styled_ranges_exclude_the_markers() -> None:
    (rng,) = styled_ranges("x *yes* z")
    assert (rng.start, rng.end, rng.italic, rng.bold) == (3, 6, True, False)
    assert markup_positions("x *yes* z") == frozenset({2, 6})


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab *_\\\n>-1.", max_size=30), st.integers(0, 5000))
def test_plain_text_is_the_source_minus_markup(source: str, base: int) -> None:
    plain = plain_text(source, base)
    hidden = markup_positions(source)
    assert plain.text == "".join(c for i, c in enumerate(source) if i not in hidden)
    assert "".join(s.text for s in segments(source)) == plain.text
    assert list(plain.offsets) == [base + i for i in range(len(source)) if i not in hidden] + [
        base + len(source)
    ]
