"""A returned Word file as review items on the chapter as it is now (``take``).

Each of the reader's marks is placed against the text it was made on (the revision that
was sent; for a file ``send`` did not make, the current chapter, found by its words), then
carried through history's diff onto the current text. A mark whose words the writer has
changed since is kept, with its context, as "no longer applies": it is never applied
blindly. A mark the chapter already holds (accepted on an earlier take) is not listed again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ficwriter.beta.anchor import Aligner, Carrier, PlainStream, typed
from ficwriter.beta.edits import edit_for
from ficwriter.beta.reader import SEP, Mark, ReaderDocument, StyledRun
from ficwriter.core.chapter import Chapter, parse

_CONTEXT = 40  # characters of context either side, cut at a word
_CHECK = 24  # characters either side that must match to call a mark already accepted
JSON_KEYS = ("kind", "author", "date", "text", "comment", "context", "start", "end")


@dataclass(frozen=True)
class ReviewItem:
    """One change or comment, placed in the current chapter (``start``/``end`` are offsets
    into its text; both ``None`` when the change no longer applies)."""

    kind: str  # "insertion" | "deletion" | "format" | "comment"
    author: str
    date: str | None
    text: str
    comment: str | None
    context: str
    start: int | None
    end: int | None
    runs: tuple[StyledRun, ...] = ()
    italic: bool | None = None
    bold: bool | None = None

    @property
    def applies(self) -> bool:
        return self.start is not None

    @property
    def summary(self) -> str:
        """What the item does, in a few words (the issues panel's row, the CLI's line)."""
        text = self.text.replace("\n", " ⏎ ").strip() or "⏎"
        if self.kind == "insertion":
            return f"insert “{text}”"
        if self.kind == "deletion":
            return f"delete “{text}”"
        if self.kind == "format":
            return f"{self.comment} “{text}”"
        return f"“{self.comment}” on “{text}”" if text else f"“{self.comment}”"

    def as_json(self) -> dict[str, object]:
        return {key: getattr(self, key) for key in JSON_KEYS}


@dataclass(frozen=True)
class Review:
    items: tuple[ReviewItem, ...]
    base_revision: int | None  # the revision the file was made from; None: compared by text
    accepted_before: int  # marks the chapter already holds

    @property
    def readers(self) -> list[str]:
        seen: dict[str, int] = {}
        for item in self.items:
            seen[item.author] = seen.get(item.author, 0) + 1
        return sorted(seen, key=lambda a: -seen[a])

    def as_json(self) -> dict[str, object]:
        base = f"r{self.base_revision}" if self.base_revision is not None else None
        return {"base_revision": base, "items": [item.as_json() for item in self.items]}


def take(
    document: ReaderDocument, current: str, base: str | None = None,
    base_revision: int | None = None,
) -> Review:
    """Review items for ``document`` on the chapter text ``current``; ``base`` is the text
    of the revision it was sent as (``None``: a file ``send`` did not make)."""
    base_text = current if base is None else base
    base_chapter = parse(base_text)
    stream = PlainStream(base_chapter)
    aligner = Aligner(document.original, stream.text)
    carrier = Carrier(base_text, current)
    items: list[ReviewItem] = []
    accepted = 0
    for mark in document.marks:
        placed = _place(mark, aligner, stream, document.original)
        if placed is None:
            items.append(_item(mark, None, _context(document.original.replace(SEP, "\n"),
                                                    mark.start, mark.end)))
            continue
        at_base = _item(mark, placed, "")
        if carrier.near_change(placed[0] - _CHECK, placed[1] + _CHECK) and _already_accepted(
            at_base, base_text, base_chapter, carrier
        ):
            accepted += 1
            continue
        span = carrier.span(*placed)
        if span is None and mark.kind == "comment":
            point = carrier.point(placed[0], "start")
            span = None if point is None else (point, point)
        if span is not None:
            items.append(replace(at_base, start=span[0], end=span[1],
                                 context=_context(current, *span)))
        else:
            items.append(replace(at_base, start=None, end=None,
                                 context=_context(base_text, *placed)))
    return Review(tuple(items), base_revision if base is not None else None, accepted)


def _place(mark: Mark, aligner: Aligner, stream: PlainStream, original: str) -> tuple[int, int] | None:
    """The mark's span in the sent text's file offsets; ``None`` if its words are not there."""
    start = aligner.point(mark.start, "start")
    end = start if mark.start == mark.end else aligner.point(mark.end, "end")
    if start is None or end is None or end < start:
        return None
    if typed(stream.text[start:end]) != typed(original[mark.start : mark.end]):
        return None
    source_start = stream.source_start(start)
    source_end = source_start if start == end else stream.source_end(end)
    return source_start, max(source_end, source_start)


def _item(mark: Mark, span: tuple[int, int] | None, context: str) -> ReviewItem:
    comment = mark.comment
    if mark.kind == "format":
        comment = _format_words(mark)
    start, end = span if span is not None else (None, None)
    return ReviewItem(mark.kind, mark.author, mark.date, mark.text.replace(SEP, "\n"),
                      comment, context, start, end, mark.runs, mark.italic, mark.bold)


def _format_words(mark: Mark) -> str:
    words = []
    for name, value in (("italic", mark.italic), ("bold", mark.bold)):
        if value is not None:
            words.append(f"made {name}" if value else f"{name} removed")
    return ", ".join(words)


def _already_accepted(item: ReviewItem, base: str, chapter: Chapter, carrier: Carrier) -> bool:
    """The chapter now reads as the sent text would with ``item`` accepted, around it."""
    if item.kind == "comment":
        return False
    edit = edit_for(base, item, chapter)
    if edit is None:
        return False
    before = max(edit.start - _CHECK, 0)
    after = min(edit.end + _CHECK, len(base))
    start, end = carrier.point(before, "start"), carrier.point(after, "end")
    if start is None or end is None:
        return False
    return carrier.new[start:end] == base[before : edit.start] + edit.replacement + base[edit.end : after]


_SPACES = re.compile(r"\s+")


def _context(text: str, start: int, end: int) -> str:
    """The words around ``text[start:end]`` within its paragraph, on one line."""
    left = text.rfind("\n\n", 0, start)
    right = text.find("\n\n", end)
    left = 0 if left < 0 else left + 2
    right = len(text) if right < 0 else right
    a = max(left, start - _CONTEXT)
    b = min(right, end + _CONTEXT)
    if a > left:
        a = text.find(" ", a, start) + 1 or a
    if b < right:
        cut = text.rfind(" ", end, b)
        b = cut if cut > end else b
    snippet = _SPACES.sub(" ", text[a:b]).strip()
    return ("…" if a > left else "") + snippet + ("…" if b < right else "")
