"""Where a scene ends in text that was not written for ficwriter.

Writers mark scene breaks in many ways: a line of symbols (``***``, ``* * *``, ``~~~``,
``---``), letter ornaments (``xXx``, ``oOo``, ``-o-``), a centred ``#``, an ``<hr>`` pasted as
text, or simply extra blank lines. This module decides which lines are breaks and cuts a list
of lines into paragraphs and breaks, for the text, Word and HTML importers alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ficwriter.core.importers.draft import Break, Para, RawBlock

_HR_TEXT = re.compile(r"<hr\s*/?>", re.IGNORECASE)
_SYMBOLS = "*~=_+#§°^•·◇◆❦✦★☆-–—"
_SYMBOL_LINE = re.compile(f"[{re.escape(_SYMBOLS)}]+")
_ORNAMENT = re.compile(
    f"[{re.escape(_SYMBOLS)}]*(?:(?:xXx|XxX|oOo|OoO|o0o|0o0)+)[{re.escape(_SYMBOLS)}]*"
    f"|[{re.escape(_SYMBOLS)}]+[xXoO0][{re.escape(_SYMBOLS)}]+"
)
# Single symbols that are breaks on their own; other symbols need a run of three ("**" is
# more likely an unfinished emphasis than a break).
_SINGLE_BREAKS = {"#", "§", "❦", "✦", "★", "☆", "◇", "◆"}

# Gaps (blank lines) between text lines: a file that separates paragraphs with blank lines
# has them between most lines; one with one-newline paragraphs has them rarely.
_BLANK_SEPARATED_SHARE = 0.25
_SENTENCE_ENDS = tuple(".!?\"'”’…:-—)*_~")
_WRAPPED_SENTENCE_END_SHARE = 0.5


def is_break_line(line: str) -> bool:
    """True when ``line`` on its own is a scene-break ornament rather than words."""
    compact = "".join(line.split())
    if not compact:
        return False
    if _HR_TEXT.fullmatch(compact):
        return True
    if compact in _SINGLE_BREAKS:
        return True
    if _SYMBOL_LINE.fullmatch(compact):
        return len(compact) >= 3
    return bool(_ORNAMENT.fullmatch(compact))


FORCED_BREAK = "\ue000"
"""A line holding only this is a break the source made explicit (a page or section break)."""


def _gaps(lines: Sequence[str]) -> list[int]:
    """Blank lines between each pair of consecutive text lines."""
    gaps: list[int] = []
    blank = 0
    seen_text = False
    for line in lines:
        if line.strip():
            if seen_text:
                gaps.append(blank)
            seen_text = True
            blank = 0
        else:
            blank += 1
    return gaps


def _hard_wrapped(lines: Sequence[str]) -> bool:
    """Lines cut at a fixed width (old e-mail style): blank lines are then the separators.

    A paragraph ends a sentence; a wrapped line mostly stops mid-sentence.
    """
    texts = [line.rstrip() for line in lines if line.strip()]
    if len(texts) < 5:
        return False
    ends = sum(1 for line in texts if line.endswith(_SENTENCE_ENDS))
    return ends / len(texts) < _WRAPPED_SENTENCE_END_SHARE


def blank_separated(lines: Sequence[str], *, wrapped_lines_join: bool) -> bool:
    """Whether blank lines separate paragraphs (else every line is a paragraph)."""
    gaps = _gaps(lines)
    if not gaps:
        return True
    share = sum(1 for gap in gaps if gap) / len(gaps)
    if share >= _BLANK_SEPARATED_SHARE:
        return True
    return wrapped_lines_join and _hard_wrapped(lines)


def split_blocks(
    lines: Sequence[str | RawBlock], *, join_lines: bool, blank_breaks: bool = True
) -> list[RawBlock]:
    """Cut ``lines`` into paragraphs and scene breaks.

    ``join_lines``: consecutive text lines belong to one paragraph when blank lines separate
    paragraphs (plain text); when False each line is a paragraph of its own (Word, HTML).
    In a blank-separated source two or more blank lines are a scene break, as in the
    fanfiction archives' plain-text style; where paragraphs follow each other without blank
    lines, any blank line is a break. Symbol lines and forced breaks are breaks everywhere.
    ``blank_breaks=False`` (HTML, where paragraphs are explicit): blank lines are only space.
    Blocks already made (an HTML quote or list) stand among the lines and pass through.
    """
    texts = [line for line in lines if isinstance(line, str)]
    separated = blank_separated(texts, wrapped_lines_join=join_lines)
    break_gap = (2 if separated else 1) if blank_breaks else len(lines) + 1
    blocks: list[RawBlock] = []
    current: list[str] = []
    blank = 0

    def end_paragraph() -> None:
        if current:
            blocks.append(Para("\n".join(current)))
            current.clear()

    for line in lines:
        if not isinstance(line, str):
            end_paragraph()
            blocks.append(line)
            blank = 0
            continue
        if not line.strip():
            blank += 1
            continue
        if blank:
            end_paragraph()
            if blank >= break_gap and blocks:
                blocks.append(Break())
        blank = 0
        if line.strip() == FORCED_BREAK or is_break_line(line):
            end_paragraph()
            blocks.append(Break())
            continue
        if not (join_lines and separated):
            end_paragraph()
        current.append(line)
    end_paragraph()
    return _tidy_breaks(blocks)


def _tidy_breaks(blocks: list[RawBlock]) -> list[RawBlock]:
    """No break at either end and never two in a row: they would hold no scene."""
    tidy: list[RawBlock] = []
    for block in blocks:
        if isinstance(block, Break) and (not tidy or isinstance(tidy[-1], Break)):
            continue
        tidy.append(block)
    while tidy and isinstance(tidy[-1], Break):
        tidy.pop()
    return tidy
