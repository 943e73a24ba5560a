"""An accepted review item as one edit of the chapter text.

The paragraphs an item touches are read as styled characters (``core.inline``), the
change is made there (characters inserted with the reader's italics and bold, deleted, or
restyled), and the paragraphs are written back as inline markup (``core.importers.runs``).
Only the stretch that differs is replaced, so an accept is one small edit: one undo step in
the window, and the markup around it stays as the writer typed it. Deleting a paragraph
mark joins two paragraphs only where nothing but blank lines stood between them; a scene
break, a note fence or a comment between them stays.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from ficwriter.beta.anchor import first_index
from ficwriter.beta.reader import SEP, StyledRun
from ficwriter.core.chapter import Chapter, ChapterBuilder, Comment, Paragraph, parse
from ficwriter.core.importers.runs import join_runs
from ficwriter.core.inline import plain_text, segments

_MARKUP = re.compile(r"[\\*]|(?<![^\W_])_|_(?![^\W_])")  # "_" inside a word is a letter


class Applicable(Protocol):
    """What an edit needs of a review item (``review.ReviewItem`` has it)."""

    kind: str
    start: int | None
    end: int | None
    runs: tuple[StyledRun, ...]
    italic: bool | None
    bold: bool | None


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str

    def apply(self, text: str) -> str:
        return text[: self.start] + self.replacement + text[self.end :]


@dataclass
class _Separator:
    between: str  # the file's text between the two paragraphs ("\n\n" for a new one)
    after: int | None = None  # the paragraph of the region that follows it; None: a new one


_Char = tuple[str, bool, bool]


def _escape(text: str) -> str:
    return _MARKUP.sub(lambda m: "\\" + m.group(), text)


def edit_for(text: str, item: Applicable, chapter: Chapter | None = None) -> Edit | None:
    """The edit accepting ``item`` makes to ``text``; ``None`` for a comment, an item that
    no longer applies, or one that would change nothing."""
    if item.kind == "comment" or item.start is None or item.end is None:
        return None
    chapter = chapter if chapter is not None else parse(text)
    return _edit(text, chapter.paragraphs(notes=True), [item])


def apply_items(text: str, items: Iterable[Applicable]) -> tuple[str, list[Applicable]]:
    """``text`` with every applicable item accepted, and the items that were."""
    applied: list[Applicable] = []
    for edit, group in edits_for(text, items):
        text = edit.apply(text)
        applied.extend(group)
    return text, applied


def edits_for(text: str, items: Iterable[Applicable]) -> list[tuple[Edit, list[Applicable]]]:
    """The edits accepting ``items`` make, from the end of the text backwards (apply them
    in this order: none moves another's offsets), each with the items it makes.

    Items in the same paragraphs are one edit, so no item's offsets are moved by another's;
    each edit is only the stretch that differs, so text between edits is left untouched.
    """
    chapter = parse(text)
    paragraphs = chapter.paragraphs(notes=True)
    wanted = [i for i in items if i.kind != "comment" and i.start is not None and i.end is not None]
    groups: list[list[Applicable]] = []
    bounds: list[tuple[int, int]] = []
    for item in sorted(wanted, key=lambda i: (i.start, i.end)):
        first, last = _region(paragraphs, item.start, item.end)  # type: ignore[arg-type]
        if bounds and first <= bounds[-1][1]:
            groups[-1].append(item)
            bounds[-1] = (bounds[-1][0], max(bounds[-1][1], last))
        else:
            groups.append([item])
            bounds.append((first, last))
    found = []
    for group in reversed(groups):
        edit = _edit(text, paragraphs, group)
        if edit is not None:
            found.append((edit, group))
    return found


def comment_edit(text: str, start: int, end: int, note: str) -> Edit:
    """A reader's comment kept as an author's comment: an HTML comment block after the
    block (paragraph or note) holding ``text[start:end]``; cleaned exports leave it out."""
    chapter = parse(text)
    block_end = len(text.rstrip("\n"))
    for block in chapter.blocks:
        if block.span.start <= start <= block.span.end and not isinstance(block, Comment):
            block_end = block.span.end
            break
    body = " ".join(note.replace("--", "\u2013").split())
    return Edit(block_end, block_end, f"\n\n<!-- {body} -->")


def _region(paragraphs: Sequence[Paragraph], start: int, end: int) -> tuple[int, int]:
    starts = [p.span.start for p in paragraphs]
    first = max(bisect_right(starts, start) - 1, 0)
    last = max(bisect_right(starts, end) - 1, first)
    return first, last


def _edit(text: str, paragraphs: Sequence[Paragraph], items: Sequence[Applicable]) -> Edit | None:
    if not paragraphs:
        return None
    first = min(_region(paragraphs, i.start, i.end)[0] for i in items)  # type: ignore[arg-type]
    last = max(_region(paragraphs, i.start, i.end)[1] for i in items)  # type: ignore[arg-type]
    region = paragraphs[first : last + 1]
    tokens: list[_Char | _Separator] = []
    bases: list[int] = []
    offsets = []
    for k, paragraph in enumerate(region):
        if k:
            tokens.append(_Separator(text[region[k - 1].span.end : paragraph.span.start], k))
        bases.append(len(tokens))
        offsets.append(plain_text(paragraph.text, paragraph.span.start).offsets)
        tokens.extend((c, s.italic, s.bold) for s in segments(paragraph.text) for c in s.text)

    def index(source: int) -> int:
        for k, paragraph in enumerate(region):
            if source <= paragraph.span.end:
                if source < paragraph.span.start:
                    return bases[k]
                return bases[k] + first_index(offsets[k], source)
        return len(tokens)

    # from the end backwards, so earlier items' indices stay right
    for item in sorted(items, key=lambda i: (i.start, i.end), reverse=True):
        a, b = index(item.start), index(item.end)  # type: ignore[arg-type]
        if item.kind == "insertion":
            tokens[a:a] = [
                _Separator("\n\n") if char == SEP else (char, italic, bold)
                for run_text, italic, bold in item.runs
                for char in run_text
            ]
        elif item.kind == "deletion":
            tokens[a:b] = [t for t in tokens[a:b] if isinstance(t, _Separator) and t.between.strip()]
        elif item.kind == "format":
            tokens[a:b] = [
                t if isinstance(t, _Separator) else (
                    t[0],
                    t[1] if item.italic is None else item.italic,
                    t[2] if item.bold is None else item.bold,
                )
                for t in tokens[a:b]
            ]
    old = text[region[0].span.start : region[-1].span.end]
    new = _render(tokens, [p.text for p in region])
    return smallest_edit(old, new, region[0].span.start)


def _render(tokens: list[_Char | _Separator], originals: list[str]) -> str:
    """Styled characters and separators as the chapter's text: each paragraph as inline
    markup, except that a paragraph left as it was keeps its text as the writer wrote it.
    A paragraph emptied by a deletion goes with the blank line before it."""
    pieces: list[tuple[str, str]] = []  # (separator before, paragraph)
    chars: list[_Char] = []
    before: str = ""
    number: int | None = 0

    def flush() -> None:
        original = originals[number] if number is not None else None
        if original is not None and _same(original, chars):
            written = original
        else:
            written = join_runs(chars, _escape)
            if written.strip():
                written = ChapterBuilder().paragraph(written).text().rstrip("\n")
        pieces.append((before, written))
        chars.clear()

    for token in tokens:
        if isinstance(token, _Separator):
            flush()
            before, number = token.between, token.after
        else:
            chars.append(token)
    flush()
    kept = [(sep, par) for sep, par in pieces if par.strip() or sep.strip()]
    if not kept:
        return ""
    out = [kept[0][1]]
    out.extend(sep + par for sep, par in kept[1:])
    return "".join(out)


def _same(original: str, chars: list[_Char]) -> bool:
    return [(c, s.italic, s.bold) for s in segments(original) for c in s.text] == chars


def smallest_edit(old: str, new: str, base: int = 0) -> Edit | None:
    """The one edit turning ``old`` (at offset ``base``) into ``new``; ``None`` if equal."""
    if old == new:
        return None
    head = 0
    limit = min(len(old), len(new))
    while head < limit and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < limit - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return Edit(base + head, base + len(old) - tail, new[head : len(new) - tail])
