"""Where a reader's change lands: from the returned document to the sent revision, and
from the sent revision to the chapter as it is now.

Three maps, each of which may say "not here any more" (``None``) but never guesses:

- ``Aligner``: offsets in the returned document's original text to offsets in the sent
  revision's plain text. Paragraphs are matched by their text (typographic quotes, dashes
  and spacing an export may have changed are compared as typed), then characters within
  a matched pair, so the same words are found wherever the export or the reader moved them.
- ``PlainStream``: the plain text of a chapter's paragraphs (story and notes, as the Word
  export writes them) and where each character stands in the chapter file.
- ``Carrier``: offsets in the sent revision to offsets in the current text, through
  history's word diff: text the writer left alone moves with the edits around it; text the
  writer changed has no place in the new text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from ficwriter.beta.reader import SEP
from ficwriter.core.chapter import Chapter, Paragraph
from ficwriter.core.inline import PlainText, plain_text
from ficwriter.history.diff import diff_texts

Side = Literal["start", "end"]
_TYPED = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2014": "-", "\u2013": "-",
    "\u2026": ".", "\u00a0": " ", "\t": " ",
})
_SIMILAR = 0.6  # paragraphs this alike (difflib ratio) are one paragraph, edited


def typed(text: str) -> str:
    """``text`` as compared across the export: plain quotes, dashes, spaces."""
    return " ".join(text.translate(_TYPED).split())


class PlainStream:
    """A chapter's paragraphs as plain text, each followed by ``SEP``."""

    def __init__(self, chapter: Chapter) -> None:
        self.paragraphs: list[Paragraph] = chapter.paragraphs(notes=True)
        self.plains: list[PlainText] = [plain_text(p.text, p.span.start) for p in self.paragraphs]
        self.starts: list[int] = []
        parts: list[str] = []
        position = 0
        for plain in self.plains:
            self.starts.append(position)
            parts.append(plain.text + SEP)
            position += len(plain.text) + 1
        self.text = "".join(parts)

    def _paragraph(self, offset: int) -> int:
        return max(bisect_right(self.starts, offset) - 1, 0)

    def source_start(self, offset: int) -> int:
        """The file offset where a span starting at plain ``offset`` starts."""
        if not self.paragraphs:
            return 0
        j = self._paragraph(offset)
        local = min(offset - self.starts[j], len(self.plains[j].text))
        return self.plains[j].offsets[local]

    def source_end(self, offset: int) -> int:
        """The file offset where a span ending at plain ``offset`` (exclusive) ends."""
        if not self.paragraphs:
            return 0
        j = self._paragraph(offset)
        local = offset - self.starts[j]
        if local == 0:  # just past a separator: the paragraph's text starts here
            return self.paragraphs[j].span.start
        local = min(local, len(self.plains[j].text))
        return self.plains[j].offsets[local - 1] + 1


@dataclass(frozen=True)
class _Segment:
    a_start: int
    a_end: int
    b_start: int


class _SegmentMap:
    """Offsets of text A to text B through stretches known to be the same characters."""

    def __init__(self, segments: list[_Segment]) -> None:
        segments.sort(key=lambda s: s.a_start)
        self._segments = segments
        self._starts = [s.a_start for s in segments]

    def point(self, offset: int, side: Side) -> int | None:
        """Where ``offset`` stands in B; ``side`` says which neighbour a boundary belongs
        to: a span's start goes with the text after it, its end with the text before."""
        k = bisect_right(self._starts, offset) - 1
        candidates = [s for s in self._segments[max(k - 1, 0) : k + 2]
                      if s.a_start <= offset <= s.a_end]
        if not candidates:
            return None
        if side == "start":
            inside = [s for s in candidates if offset < s.a_end] or candidates
            segment = inside[-1]
        else:
            inside = [s for s in candidates if offset > s.a_start] or candidates
            segment = inside[0]
        return segment.b_start + offset - segment.a_start


class Aligner(_SegmentMap):
    """The returned document's original text (``a``) onto the sent revision's plain text."""

    def __init__(self, a: str, b: str) -> None:
        a_pars, b_pars = a.split(SEP)[:-1], b.split(SEP)[:-1]
        a_starts, b_starts = _starts(a_pars), _starts(b_pars)
        matcher = SequenceMatcher(None, [typed(p) for p in a_pars], [typed(p) for p in b_pars],
                                  autojunk=False)
        segments: list[_Segment] = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                pairs = list(zip(range(i1, i2), range(j1, j2)))
            elif tag == "replace":
                pairs = _similar_pairs(a_pars, b_pars, range(i1, i2), range(j1, j2))
            else:
                continue
            for i, j in pairs:
                segments.extend(_characters(a_pars[i], b_pars[j], a_starts[i], b_starts[j]))
        super().__init__(segments)


def _starts(paragraphs: list[str]) -> list[int]:
    starts, position = [], 0
    for paragraph in paragraphs:
        starts.append(position)
        position += len(paragraph) + 1
    return starts


def _similar_pairs(a: list[str], b: list[str], rows: range, columns: range) -> list[tuple[int, int]]:
    """Paragraphs of a changed stretch paired in order with the first alike enough."""
    pairs, next_column = [], columns.start
    for i in rows:
        for j in range(next_column, columns.stop):
            matcher = SequenceMatcher(None, a[i], b[j], autojunk=False)
            if matcher.real_quick_ratio() >= _SIMILAR and matcher.ratio() >= _SIMILAR:
                pairs.append((i, j))
                next_column = j + 1
                break
    return pairs


def _characters(a: str, b: str, a_base: int, b_base: int) -> list[_Segment]:
    """Stretches of two matched paragraphs that are the same characters (a quote the
    export curled counts as the same), and the separator after them."""
    tail = _Segment(a_base + len(a), a_base + len(a) + 1, b_base + len(b))
    if a == b:
        return [_Segment(a_base, a_base + len(a) + 1, b_base)]
    out = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1
                              and typed(a[i1:i2]) == typed(b[j1:j2])):
            out.append(_Segment(a_base + i1, a_base + i2, b_base + j1))
    return [*out, tail]


class Carrier:
    """Offsets of the sent revision (``old``) onto the current text (``new``)."""

    def __init__(self, old: str, new: str) -> None:
        self.old, self.new = old, new
        self.identity = old == new
        changes = [] if self.identity else [
            (run.old_start, run.old_end, run.new_start, run.new_end)
            for paragraph in diff_texts(old, new).paragraphs
            for run in paragraph.runs
            if run.kind != "equal"
        ]
        changes.sort()
        self._changes = changes
        self._starts = [c[0] for c in changes]

    def point(self, offset: int, side: Side) -> int | None:
        if self.identity:
            return offset
        k = bisect_right(self._starts, offset) - 1
        if k < 0:
            return offset
        old_start, old_end, new_start, new_end = self._changes[k]
        if old_start < offset < old_end:
            return None  # inside words the writer changed
        if offset == old_start:
            if old_end == old_start:  # the writer inserted words just here
                return new_end if side == "start" else new_start
            if side == "start":
                return None  # the span starts with words the writer changed
            previous = self._changes[k - 1] if k else None
            shift = (previous[3] - previous[1]) if previous else 0
            return offset + shift
        return offset + new_end - old_end

    def near_change(self, start: int, end: int) -> bool:
        """Whether the writer changed anything in ``old[start:end]`` (or right at its ends)."""
        if self.identity:
            return False
        k = bisect_right(self._starts, end) - 1
        return k >= 0 and self._changes[k][1] >= start

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """Where ``old[start:end]`` is in the new text, if the writer left it as it was."""
        if start == end:
            point = self.point(start, "end")
            return None if point is None else (point, point)
        new_start, new_end = self.point(start, "start"), self.point(end, "end")
        if new_start is None or new_end is None:
            return None
        if self.new[new_start:new_end] != self.old[start:end]:
            return None
        return new_start, new_end


def first_index(offsets: tuple[int, ...], source: int) -> int:
    """How many plain characters of a paragraph stand before file offset ``source``."""
    return bisect_left(offsets, source, 0, len(offsets) - 1)
