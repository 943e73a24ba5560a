from __future__ import annotations

import pytest

from ficwriter.core.export.options import ExportOptions
from ficwriter.core.export.typography import curl_quotes, dashes_and_ellipses, typeset
from ficwriter.core.inline import Segment, segments


@pytest.mark.parametrize(
    ("straight", "curly"),
    [
        ('"Hello," she said.', "“Hello,” she said."),
        ("It's Lexa's.", "It’s Lexa’s."),
        ("the girls' room", "the girls’ room"),
        ("back in '95, 'em", "back in ’95, ’em"),
        ("'Run,' he said ('now').", "‘Run,’ he said (‘now’)."),
        ('"\'Twas," she said.', "“’Twas,” she said."),
    ],
)
def test_curl_quotes(straight: str, curly: str) -> None:
    assert curl_quotes(straight, quotes=True, apostrophes=True) == curly
    assert len(curl_quotes(straight, quotes=True, apostrophes=True)) == len(straight)


def test_apostrophes_only_leave_quotes_straight() -> None:
    assert curl_quotes("\"Don't\"", quotes=False, apostrophes=True) == "\"Don’t\""


def test_dashes_and_ellipses() -> None:
    text = "Wait--no. Pages 3 - 5. Well... and . . . so"
    assert dashes_and_ellipses(text, dashes=True, ellipses=True) == (
        "Wait—no. Pages 3 – 5. Well… and … so"
    )
    assert dashes_and_ellipses(text, dashes=False, ellipses=False) == text


def test_quotes_decided_across_emphasis() -> None:
    options = ExportOptions().with_typography(True)
    out = typeset(segments('"*No*," she said.'), options)
    assert out == [Segment("“"), Segment("No", italic=True), Segment(",” she said.")]


def test_whitespace_normalised_across_segments() -> None:
    out = typeset(segments("  Two   spaces *and*   more \nnext  "), ExportOptions())
    assert "".join(s.text for s in out) == "Two spaces and more\nnext"
    kept = typeset(segments("a  b"), ExportOptions(normalize_whitespace=False))
    assert "".join(s.text for s in kept) == "a  b"
