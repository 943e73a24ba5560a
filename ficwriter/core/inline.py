"""Inline emphasis in a paragraph: which characters are markup and which are words.

Checks need the words without the `*` markers but with every character's place in the file,
the editor needs the styled ranges, and exporters need styled segments. One scanner serves
all three so that they never disagree about what is emphasis.

Block markers are markup too: a block quote's ``> `` at the start of each line, a list
item's ``1. `` or ``- `` at the start of its first line, and the indent of continuation
lines. The chapter parser never leaves such a line start in a paragraph that is not a quote
or a list item (it escapes it or starts the block there), so the text alone tells.

The rules follow CommonMark's delimiter runs closely enough for prose: a run of `*` (or `_`)
opens when the next character is not a space, closes when the previous one is not a space,
and `_` inside a word (snake_case) is a letter, not markup. `\\*` is a literal star.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

_FIRST_LINE_START = re.compile(r"[ \t]*(?:> ?|(?:[-*+]|\d{1,3}[.)])[ \t]+(?=\S))?")
_LINE_START = re.compile(r"[ \t]*(?:> ?)?")
_BLOCK_STARTS = frozenset(" \t>-*+0123456789")
_ESCAPABLE = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_MARKS = re.compile(r"[*_\\]")  # the only characters the scanner stops at


@dataclass(frozen=True)
class Segment:
    """A piece of text with one style, as exporters write it."""

    text: str
    italic: bool = False
    bold: bool = False


@dataclass(frozen=True)
class StyledRange:
    """Characters ``start:end`` (source offsets) are shown italic and/or bold."""

    start: int
    end: int
    italic: bool
    bold: bool


@dataclass(frozen=True)
class PlainText:
    """A paragraph's words without markup, and where each character came from.

    ``offsets[i]`` is the source offset of ``text[i]``; ``offsets[len(text)]`` is the offset
    just past the paragraph, so a plain span ``[a, b)`` maps to ``[offsets[a], offsets[b-1]+1)``.
    Without markup (most paragraphs) ``offsets`` is a ``range``; with it, a compact ``array``:
    a pasted 10 MB paragraph must not cost a Python int per character.
    """

    text: str
    offsets: Sequence[int]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the plain-text span ``[start, end)`` to the source span it covers."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside plain text of {len(self.text)}")
        if start == end:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass
class _Run:
    char: str
    start: int  # source offset of the run's first remaining character
    length: int
    can_open: bool
    can_close: bool


@dataclass(frozen=True)
class _Markup:
    """What the scanner found: characters that are markup, and the styled ranges."""

    hidden: frozenset[int]
    ranges: tuple[StyledRange, ...]


def _flanking(text: str, start: int, end: int) -> tuple[bool, bool]:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    char = text[start]
    can_open = not after.isspace()
    can_close = not before.isspace()
    if char == "_":
        can_open = can_open and not before.isalnum()
        can_close = can_close and not after.isalnum()
    return can_open, can_close


def _line_markers(text: str, hidden: set[int]) -> None:
    """Hide the block markers and indents at line starts (see the module docstring)."""
    start = 0
    while True:
        found = _FIRST_LINE_START.match(text) if start == 0 else _LINE_START.match(text, start)
        hidden.update(range(start, found.end()))
        newline = text.find("\n", start)
        if newline < 0:
            return
        start = newline + 1


def _scan(text: str) -> _Markup:
    hidden: set[int] = set()
    if text[:1] in _BLOCK_STARTS or "\n" in text:
        _line_markers(text, hidden)
    ranges: list[StyledRange] = []
    stack: list[_Run] = []
    i = 0
    n = len(text)
    while i < n:
        found = _MARKS.search(text, i)  # nothing else can be markup: skip to it in C
        if found is None:
            break
        i = found.start()
        if i in hidden:
            i += 1
            continue
        ch = text[i]
        if ch == "\\" and i + 1 < n and text[i + 1] in _ESCAPABLE:
            hidden.add(i)
            i += 2
            continue
        if ch not in "*_":
            i += 1
            continue
        j = i
        while j < n and text[j] == ch:
            j += 1
        can_open, can_close = _flanking(text, i, j)
        run = _Run(ch, i, j - i, can_open, can_close)
        if can_close:
            _close(run, stack, hidden, ranges)
        if run.length and run.can_open:
            stack.append(run)
        i = j
    ranges.sort(key=lambda r: (r.start, r.end))
    return _Markup(frozenset(hidden), tuple(ranges))


def _close(run: _Run, stack: list[_Run], hidden: set[int], ranges: list[StyledRange]) -> None:
    """Match ``run`` against openers on the stack, innermost first, as far as it reaches."""
    while run.length:
        k = len(stack) - 1
        while k >= 0 and stack[k].char != run.char:
            k -= 1
        if k < 0:
            return
        opener = stack[k]
        del stack[k + 1 :]  # openers inside an unclosed pair can no longer match
        used = 2 if opener.length >= 2 and run.length >= 2 else 1
        open_end = opener.start + opener.length
        hidden.update(range(open_end - used, open_end))
        hidden.update(range(run.start, run.start + used))
        ranges.append(StyledRange(open_end, run.start, italic=used == 1, bold=used == 2))
        opener.length -= used
        run.start += used
        run.length -= used
        if opener.length == 0:
            stack.pop()


def plain_text(text: str, base: int = 0) -> PlainText:
    """The words of ``text`` without emphasis markers; offsets are ``base`` + source index."""
    hidden = _scan(text).hidden
    if not hidden:
        return PlainText(text, range(base, base + len(text) + 1))
    kept: list[range] = []  # source index runs between markers, copied in slices
    start = 0
    for index in sorted(hidden):
        if index > start:
            kept.append(range(start, index))
        start = index + 1
    if start < len(text):
        kept.append(range(start, len(text)))
    offsets = array("q", chain.from_iterable(range(base + r.start, base + r.stop) for r in kept))
    offsets.append(base + len(text))
    return PlainText("".join(text[r.start : r.stop] for r in kept), offsets)


def styled_ranges(text: str) -> tuple[StyledRange, ...]:
    """The italic and bold ranges of ``text``, in source offsets (markers excluded)."""
    return _scan(text).ranges


def markup_positions(text: str) -> frozenset[int]:
    """Source offsets of the characters that are markup (emphasis markers, escapes)."""
    return _scan(text).hidden


def segments(text: str) -> list[Segment]:
    """``text`` cut into runs of one style each, markers removed, for exporters.

    The text is cut only where a style starts or ends and around each marker, and copied
    in slices between the cuts: a whole work's export calls this for every paragraph.
    """
    markup = _scan(text)
    italic: dict[int, int] = {}
    bold: dict[int, int] = {}
    for r in markup.ranges:
        target = italic if r.italic else bold
        target[r.start] = target.get(r.start, 0) + 1
        target[r.end] = target.get(r.end, 0) - 1
    hidden = markup.hidden
    cuts = sorted({0, len(text), *italic, *bold, *hidden, *(h + 1 for h in hidden)})
    out: list[Segment] = []
    depth_i = depth_b = 0
    for start, end in zip(cuts, cuts[1:]):
        depth_i += italic.get(start, 0)
        depth_b += bold.get(start, 0)
        if start in hidden or start >= len(text):
            continue  # a marker: one character, cut on both sides
        style = (depth_i > 0, depth_b > 0)
        if out and (out[-1].italic, out[-1].bold) == style:
            out[-1] = Segment(out[-1].text + text[start:end], *style)
        else:
            out.append(Segment(text[start:end], *style))
    return out
