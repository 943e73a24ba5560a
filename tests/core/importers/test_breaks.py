from __future__ import annotations

import pytest

from ficwriter.core.importers.breaks import FORCED_BREAK, is_break_line, split_blocks
from ficwriter.core.importers.draft import Break, Para


@pytest.mark.parametrize(
    "line",
    ["***", "* * *", "~~~", "xXx", "oOo", "-o-", "---", "   #", "<hr>", "<HR />", "~*~*~",
     "o0o", "=====", "§", "- x -"],
)  # fmt: skip
def test_symbol_lines_are_breaks(line: str) -> None:
    assert is_break_line(line)


@pytest.mark.parametrize(
    "line", ["...", "**", "xxx", "Oh.", "-", "I", "#hashtag", "\"...\"", "OK", "x"]
)
def test_words_and_short_marks_are_not_breaks(line: str) -> None:
    assert not is_break_line(line)


def _kinds(blocks) -> list[str]:
    return [b.text if isinstance(b, Para) else "|" for b in blocks]


def test_blank_separated_text_two_blank_lines_are_a_break() -> None:
    lines = "One.\n\nTwo\nstill two.\n\n\nThree.\n\n\n\n\nFour.".split("\n")
    assert _kinds(split_blocks(lines, join_lines=True)) == [
        "One.", "Two\nstill two.", "|", "Three.", "|", "Four."
    ]  # fmt: skip


def test_one_newline_paragraphs_any_blank_line_is_a_break() -> None:
    long = "and the paragraph goes on well past any width a hard-wrapping editor would use"
    text = "\n".join(f"Line {n} of the scene, {long}." for n in range(8))
    text += "\n\n" + "\n".join(f"Second scene line {n}." for n in range(4))
    blocks = split_blocks(text.split("\n"), join_lines=True)
    assert sum(isinstance(b, Para) for b in blocks) == 12
    assert [k for k, b in enumerate(blocks) if isinstance(b, Break)] == [8]


def test_hard_wrapped_text_joins_lines_into_paragraphs() -> None:
    para = ["This paragraph was wrapped at a fixed width long ago, as e-mail"] * 5 + ["did."]
    lines = para + [""] + para + [""] + para
    blocks = split_blocks(lines, join_lines=True)
    assert len(blocks) == 3 and all(isinstance(b, Para) for b in blocks)


def test_forced_and_symbol_breaks_never_doubled_or_at_the_ends() -> None:
    lines = [FORCED_BREAK, "A.", "", "***", "", FORCED_BREAK, "B.", "~~~"]
    assert _kinds(split_blocks(lines, join_lines=False)) == ["A.", "|", "B."]
