"""The chapter model: a chapter file read into notes, scenes and paragraphs, with spans.

The file is the truth. Parsing never changes it: every block keeps its exact source text and
its character span, so checks and the editor can map anything they find back to the file.
Building a chapter (importers, the outline's reorder) goes through ``ChapterBuilder``, which
writes the canonical form; a canonical file parses and serializes back byte for byte.

Canonical form (docs/architecture.md has the full grammar):

    ::: note
    Beginning note.
    :::

    <!-- scene: title="The cave"; pov=Lexa -->
    First paragraph of scene one.

    * * *

    First paragraph of scene two.

    > A letter, a text message or a poem: a block quote,
    > one ``> `` line per line.

    1. A numbered list item
    2. and the next (``- `` items make a bulleted list).

Blocks are separated by one blank line and the file ends with one newline. Text is LF-only;
reading a file (``ficwriter.core.textfile``) converts other line ends first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache

from ficwriter.core.words import count_words

SCENE_BREAK = "* * *"
_paragraph_words = lru_cache(maxsize=65536)(count_words)
"""Counts remembered per paragraph text: after an edit only changed paragraphs are counted."""
_BREAK_RE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_FENCE_OPEN_RE = re.compile(r"^:{3,}[ \t]*\{?[ \t]*\.?([A-Za-z][\w-]*)[ \t]*\}?[ \t]*$")
_FENCE_CLOSE_RE = re.compile(r"^:{3,}[ \t]*$")
_META_RE = re.compile(r"^<!--[ \t]*scene:(.*?)-->[ \t]*$")
_COMMENT_OPEN = "<!--"
_COMMENT_CLOSE = "-->"
_QUOTE_RE = re.compile(r"^ {0,3}>")
_ITEM_RE = re.compile(r"^ {0,3}(?:([-*+])|(\d{1,3})([.)]))[ \t]+\S")
_META_FIELD_RE = re.compile(r'\s*([A-Za-z_][\w-]*)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)\s*(?:;|$)')


@dataclass(frozen=True, order=True)
class Span:
    """Characters ``start:end`` of the chapter text (Python string indices)."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, offset: int) -> bool:
        return self.start <= offset <= self.end


class Form(str, Enum):
    """What in-story block a paragraph stands in: a block quote or a list item."""

    QUOTE = "quote"
    BULLET = "bullet"
    ORDERED = "ordered"


class NotePosition(str, Enum):
    """Where a note stands: archives keep beginning and end notes in their own fields."""

    BEGINNING = "beginning"
    END = "end"
    INLINE = "inline"


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: its exact source text (single newlines kept) and where it is."""

    text: str
    span: Span
    note: str | None = None  # the fenced div's class ("note") for note text, else None
    form: Form | None = None  # set for a block quote's paragraph or a list item

    @property
    def is_story(self) -> bool:
        return self.note is None

    @property
    def word_count(self) -> int:
        """Words of the paragraph; a list item's number is a marker, not a word."""
        return _paragraph_words(self.text) - (self.form is Form.ORDERED)

    @property
    def number(self) -> int | None:
        """An ordered list item's number as written (``3.`` -> 3)."""
        found = _ITEM_RE.match(self.text) if self.form is Form.ORDERED else None
        return int(found.group(2)) if found else None


@dataclass(frozen=True)
class SceneBreak:
    span: Span
    marker: str


@dataclass(frozen=True)
class Note:
    """A fenced div (``::: note`` … ``:::``): author's notes, disclaimers, anything not story."""

    kind: str
    paragraphs: tuple[Paragraph, ...]
    span: Span
    position: NotePosition = NotePosition.INLINE

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)


@dataclass(frozen=True)
class Comment:
    """An HTML comment on its own; kept in the file, dropped by cleaned exports."""

    text: str
    span: Span


@dataclass(frozen=True)
class SceneMeta:
    """``<!-- scene: key=value; ... -->``: metadata for the scene that starts here."""

    fields: Mapping[str, str]
    span: Span


@dataclass(frozen=True)
class BlockQuote:
    """``> `` lines: a letter, a message, a poem inside the story; ``>`` alone between its
    paragraphs. Each paragraph's text keeps its markers (the inline scanner hides them)."""

    paragraphs: tuple[Paragraph, ...]
    span: Span


@dataclass(frozen=True)
class ListBlock:
    """``1.`` (ordered) or ``-`` (bulleted) items inside the story, one paragraph each."""

    ordered: bool
    paragraphs: tuple[Paragraph, ...]
    span: Span

    @property
    def start(self) -> int:
        """The first item's number (1 for a bulleted list)."""
        first = self.paragraphs[0].number if self.ordered and self.paragraphs else None
        return first if first is not None else 1


Block = Paragraph | SceneBreak | Note | Comment | SceneMeta | BlockQuote | ListBlock
Story = Paragraph | BlockQuote | ListBlock
"""Blocks of story text: their paragraphs are what checks read and scenes hold."""


@dataclass(frozen=True)
class Scene:
    """A run of story between scene breaks."""

    index: int
    paragraphs: tuple[Paragraph, ...]
    span: Span
    meta: Mapping[str, str] = field(default_factory=dict)
    meta_span: Span | None = None

    @property
    def title(self) -> str | None:
        return self.meta.get("title")

    @property
    def pov(self) -> str | None:
        return self.meta.get("pov")

    @property
    def status(self) -> str | None:
        return self.meta.get("status")

    @property
    def word_count(self) -> int:
        return sum(p.word_count for p in self.paragraphs)


@dataclass(frozen=True)
class Chapter:
    """A parsed chapter. ``text`` is the source; every span indexes into it."""

    text: str
    blocks: tuple[Block, ...]
    scenes: tuple[Scene, ...]

    @property
    def notes(self) -> tuple[Note, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Note))

    def notes_at(self, position: NotePosition) -> tuple[Note, ...]:
        return tuple(n for n in self.notes if n.position is position)

    def paragraphs(self, *, notes: bool = False) -> list[Paragraph]:
        """Story paragraphs in order; with ``notes=True`` note paragraphs too, in file order."""
        out: list[Paragraph] = []
        for block in self.blocks:
            if isinstance(block, Paragraph):
                out.append(block)
            elif isinstance(block, (BlockQuote, ListBlock)):
                out.extend(block.paragraphs)
            elif notes and isinstance(block, Note):
                out.extend(block.paragraphs)
        return out

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph (story or note) whose span holds ``offset``, if any."""
        for paragraph in self.paragraphs(notes=True):
            if paragraph.span.contains(offset):
                return paragraph
        return None

    def scene_at(self, offset: int) -> Scene | None:
        """The scene holding ``offset``, or the last scene starting before it."""
        found: Scene | None = None
        for scene in self.scenes:
            start = scene.meta_span.start if scene.meta_span else scene.span.start
            if start <= offset:
                found = scene
        return found

    @property
    def story_words(self) -> int:
        return sum(p.word_count for p in self.paragraphs())

    @property
    def note_words(self) -> int:
        return sum(p.word_count for n in self.notes for p in n.paragraphs)


@dataclass(frozen=True)
class _Line:
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    pos = 0
    for raw in text.split("\n"):
        lines.append(_Line(raw, pos))
        pos += len(raw) + 1
    return lines


def _is_structure(line: str) -> bool:
    """Lines that end a paragraph: scene breaks and div fences."""
    return bool(
        _BREAK_RE.match(line) or _FENCE_OPEN_RE.match(line) or _FENCE_CLOSE_RE.match(line)
    )


def _opens_block(line: str) -> bool:
    """Lines that start an in-story block: a quote line or a list item."""
    return bool(_QUOTE_RE.match(line) or _ITEM_RE.match(line))


def _item_kind(line: str) -> str | None:
    """A list item line's marker kind (``-``, ``*``, ``+``, ``.`` or ``)``), else None.

    Items of one kind make one list; a different bullet or delimiter starts another, as in
    CommonMark.
    """
    found = _ITEM_RE.match(line)
    if not found or _BREAK_RE.match(line):  # "* * *" is a scene break, not an item
        return None
    return found.group(1) or found.group(3)


def parse_meta(body: str) -> dict[str, str]:
    """``title="The cave"; pov=Lexa`` -> {"title": "The cave", "pov": "Lexa"}."""
    fields: dict[str, str] = {}
    for match in _META_FIELD_RE.finditer(body):
        key, value = match.group(1), match.group(2).strip()
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = re.sub(r"\\(.)", r"\1", value[1:-1])
        fields[key] = value
    return fields


def format_meta(fields: Mapping[str, str]) -> str:
    """The comment line for ``fields``; values with spaces or separators are quoted."""
    parts = []
    for key, value in fields.items():
        if not re.fullmatch(r"[A-Za-z_][\w-]*", key):
            raise ValueError(f"scene metadata key {key!r} is not a simple name")
        if value == "" or re.search(r'[\s;"=\\]|-->', value):
            value = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        parts.append(f"{key}={value}")
    return f"<!-- scene: {'; '.join(parts)} -->"


def _paragraph_end(lines: list[_Line], i: int, stop_at_fence_close: bool) -> int:
    """Index one past the last line of the paragraph starting at line ``i``."""
    j = i + 1
    while j < len(lines):
        line = lines[j].text
        if lines[j].blank or _is_structure(line) or _META_RE.match(line) or _opens_block(line):
            break
        if stop_at_fence_close and _FENCE_CLOSE_RE.match(line):
            break
        j += 1
    return j


def _span_of(lines: list[_Line], i: int, j: int) -> Span:
    return Span(lines[i].start, lines[j - 1].end)


def _parse_note(text: str, lines: list[_Line], i: int, kind: str) -> tuple[Note, int]:
    paragraphs: list[Paragraph] = []
    j = i + 1
    while j < len(lines) and not _FENCE_CLOSE_RE.match(lines[j].text):
        if lines[j].blank:
            j += 1
            continue
        block, j = _story_block(text, lines, j, note=kind)
        paragraphs.extend(block.paragraphs if not isinstance(block, Paragraph) else [block])
    last = min(j, len(lines) - 1)  # an unclosed div runs to the end and keeps every word
    return Note(kind, tuple(paragraphs), Span(lines[i].start, lines[last].end)), last + 1


def _parse_quote(text: str, lines: list[_Line], i: int, note: str | None) -> tuple[BlockQuote, int]:
    """The block quote starting at line ``i``: ``>`` lines, plus lazy continuation lines (a
    plain line right after a quote paragraph's line continues it, as in CommonMark)."""
    paragraphs: list[Paragraph] = []
    j = i
    first: int | None = None  # first line of the quote paragraph being read

    def flush(end: int) -> None:
        nonlocal first
        if first is not None:
            span = _span_of(lines, first, end)
            paragraphs.append(Paragraph(text[span.start : span.end], span, note, Form.QUOTE))
            first = None

    while j < len(lines):
        line = lines[j].text
        if _QUOTE_RE.match(line):
            if not line.strip()[1:].strip():  # ">" alone: between the quote's paragraphs
                flush(j)
            elif first is None:
                first = j
        elif first is None or lines[j].blank or _is_structure(line) or _META_RE.match(line):
            break
        elif _ITEM_RE.match(line):
            break
        j += 1
    flush(j)
    return BlockQuote(tuple(paragraphs), _span_of(lines, i, j)), j


def _parse_list(text: str, lines: list[_Line], i: int, note: str | None) -> tuple[ListBlock, int]:
    """The list starting at line ``i``: items of one marker kind, each running to the next
    item, a blank line or structure; one blank line between items keeps the list going."""
    kind = _item_kind(lines[i].text)
    items: list[Paragraph] = []
    form = Form.ORDERED if kind in (".", ")") else Form.BULLET
    j = i
    last = i
    while j < len(lines) and _item_kind(lines[j].text) == kind:
        end = j + 1
        while end < len(lines):
            line = lines[end].text
            if lines[end].blank or _is_structure(line) or _META_RE.match(line):
                break
            if _opens_block(line) or line.lstrip().startswith(_COMMENT_OPEN):
                break
            end += 1
        span = _span_of(lines, j, end)
        items.append(Paragraph(text[span.start : span.end], span, note, form))
        last = end
        j = end
        if j + 1 < len(lines) and lines[j].blank and _item_kind(lines[j + 1].text) == kind:
            j += 1
    return ListBlock(form is Form.ORDERED, tuple(items), _span_of(lines, i, last)), last


def _story_block(
    text: str, lines: list[_Line], i: int, note: str | None = None
) -> tuple[Story, int]:
    """The paragraph, block quote or list starting at line ``i``, and the line after it."""
    line = lines[i].text
    if _QUOTE_RE.match(line):
        return _parse_quote(text, lines, i, note)
    if _ITEM_RE.match(line):
        return _parse_list(text, lines, i, note)
    end = _paragraph_end(lines, i, stop_at_fence_close=note is not None)
    span = _span_of(lines, i, end)
    return Paragraph(text[span.start : span.end], span, note), end


def _parse_comment(text: str, lines: list[_Line], i: int) -> tuple[Comment, int]:
    j = i
    while j < len(lines) and _COMMENT_CLOSE not in lines[j].text[
        (len(_COMMENT_OPEN) if j == i else 0) :
    ]:
        j += 1
    last = min(j, len(lines) - 1)
    span = Span(lines[i].start, lines[last].end)
    return Comment(text[span.start : span.end], span), last + 1


def _blocks(text: str) -> Iterator[Block]:
    lines = _lines(text)
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.blank:
            i += 1
            continue
        if opened := _FENCE_OPEN_RE.match(line.text):
            note, i = _parse_note(text, lines, i, opened.group(1))
            yield note
        elif _BREAK_RE.match(line.text):
            yield SceneBreak(Span(line.start, line.end), line.text)
            i += 1
        elif meta := _META_RE.match(line.text):
            yield SceneMeta(parse_meta(meta.group(1)), Span(line.start, line.end))
            i += 1
        elif line.text.lstrip().startswith(_COMMENT_OPEN):
            comment, i = _parse_comment(text, lines, i)
            yield comment
        else:
            block, i = _story_block(text, lines, i)
            yield block


def _place_notes(blocks: list[Block]) -> list[Block]:
    story = [
        k for k, b in enumerate(blocks) if isinstance(b, (Paragraph, BlockQuote, ListBlock, SceneMeta))
    ]
    first = story[0] if story else len(blocks)
    last = story[-1] if story else -1
    placed: list[Block] = []
    for k, block in enumerate(blocks):
        if isinstance(block, Note):
            if k < first:
                position = NotePosition.BEGINNING
            elif k > last:
                position = NotePosition.END
            else:
                position = NotePosition.INLINE
            block = Note(block.kind, block.paragraphs, block.span, position)
        placed.append(block)
    return placed


def _scenes(blocks: Iterable[Block]) -> tuple[Scene, ...]:
    scenes: list[Scene] = []
    paragraphs: list[Paragraph] = []
    meta: SceneMeta | None = None

    def flush() -> None:
        nonlocal paragraphs, meta
        if paragraphs or meta:
            first = meta.span if meta else paragraphs[0].span
            last = paragraphs[-1].span if paragraphs else first
            scenes.append(
                Scene(
                    index=len(scenes),
                    paragraphs=tuple(paragraphs),
                    span=Span(first.start, last.end),
                    meta=dict(meta.fields) if meta else {},
                    meta_span=meta.span if meta else None,
                )
            )
        paragraphs, meta = [], None

    for block in blocks:
        if isinstance(block, SceneBreak):
            flush()
        elif isinstance(block, SceneMeta):
            if paragraphs or meta:
                flush()  # metadata always opens a scene
            meta = block
        elif isinstance(block, Paragraph):
            paragraphs.append(block)
        elif isinstance(block, (BlockQuote, ListBlock)):
            paragraphs.extend(block.paragraphs)
    flush()
    return tuple(scenes)


def parse(text: str) -> Chapter:
    """Read chapter text (LF line ends) into the model. Never fails; never drops text."""
    blocks = _place_notes(list(_blocks(text)))
    return Chapter(text=text, blocks=tuple(blocks), scenes=_scenes(blocks))


class ChapterBuilder:
    """Writes a chapter in canonical form, block by block.

    Importers describe what they found (notes, paragraphs, breaks) and the builder takes care
    of the file format, escaping any paragraph line that would otherwise read as structure.
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._pending_meta: str | None = None
        # the marker kind of the last in-story part, with the part count just after it
        self._last_kind: tuple[str | None, int] | None = None

    def note(self, paragraphs: Iterable[str], kind: str = "note") -> ChapterBuilder:
        body = [_clean_paragraph(p) for p in paragraphs]
        body = [p for p in body if p]
        if body:
            self._flush_meta()
            self._parts.append(f"::: {kind}\n" + "\n\n".join(body) + "\n:::")
        return self

    def paragraph(self, text: str) -> ChapterBuilder:
        cleaned = _clean_paragraph(text)
        if cleaned:
            self._story(cleaned, None)
        return self

    def scene_break(self) -> ChapterBuilder:
        self._flush_meta()
        if self._parts and self._parts[-1] != SCENE_BREAK:
            self._parts.append(SCENE_BREAK)
        return self

    def scene_meta(self, fields: Mapping[str, str]) -> ChapterBuilder:
        self._flush_meta()
        if fields:
            self._pending_meta = format_meta(fields)
        return self

    def quote(self, paragraphs: Iterable[str]) -> ChapterBuilder:
        """A block quote of ``paragraphs`` (a letter, a message, a poem), as ``> `` lines."""
        body = [_clean_paragraph(p) for p in paragraphs]
        body = ["\n".join("> " + line for line in p.split("\n")) for p in body if p]
        if body:
            self._story("\n>\n".join(body), "quote")
        return self

    def list(self, items: Iterable[str], *, ordered: bool, start: int = 1) -> ChapterBuilder:
        """A list: ``1.``, ``2.``… items (``ordered``, numbered from ``start``) or ``-`` items.

        Continuation lines (line breaks inside an item) are indented under its text. A list
        right after another of the same kind takes the other marker (``*`` for ``-``, ``)``
        for ``.``), or the two would read back as one.
        """
        kind = "." if ordered else "-"
        follows = self._pending_meta is None and self._last_kind == (kind, len(self._parts))
        if follows:
            kind = ")" if ordered else "*"
        lines = []
        for number, item in enumerate((p for p in map(_clean_paragraph, items) if p), start):
            marker = f"{number}{kind} " if ordered else f"{kind} "
            first, *rest = item.split("\n")
            lines.append(marker + first)
            lines.extend(" " * len(marker) + line for line in rest)
        if lines:
            self._story("\n".join(lines), kind)
        return self

    def _story(self, part: str, kind: str | None) -> None:
        """Add an in-story block, after any pending scene metadata."""
        if self._pending_meta is not None:
            part = self._pending_meta + "\n" + part
            self._pending_meta = None
        self._parts.append(part)
        self._last_kind = (kind, len(self._parts))

    def comment(self, text: str) -> ChapterBuilder:
        self._flush_meta()
        self._parts.append(text.strip())
        return self

    def _flush_meta(self) -> None:
        if self._pending_meta is not None:
            self._parts.append(self._pending_meta)
            self._pending_meta = None

    def text(self) -> str:
        self._flush_meta()
        parts = list(self._parts)
        while parts and parts[-1] == SCENE_BREAK:
            parts.pop()
        return "\n\n".join(parts) + "\n" if parts else ""


def _clean_paragraph(text: str) -> str:
    """One paragraph: no blank lines inside, no indents, structure-like lines escaped.

    Indents go because four spaces would make a Markdown code block; a line that would read
    as a scene break, a fence, a comment, a quote or a list item gets a backslash, which
    Markdown shows as nothing.
    """
    out = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        if item := _ITEM_RE.match(line):
            if item.group(2):  # "12. x" -> "12\. x": a backslash before a digit is text
                cut = item.end(2)
                line = line[:cut] + "\\" + line[cut:]
            else:
                line = "\\" + line
        elif _is_structure(line) or _META_RE.match(line) or line.startswith(_COMMENT_OPEN):
            line = "\\" + line
        elif _QUOTE_RE.match(line):
            line = "\\" + line
        out.append(line)
    return "\n".join(out)


def serialize(chapter: Chapter) -> str:
    """The canonical text of ``chapter``; equal to ``chapter.text`` for a canonical file."""
    builder = ChapterBuilder()
    for block in chapter.blocks:
        if isinstance(block, Paragraph):
            builder.paragraph(block.text)
        elif isinstance(block, SceneBreak):
            builder.scene_break()
        elif isinstance(block, Note):
            builder.note([p.text for p in block.paragraphs], block.kind)
        elif isinstance(block, SceneMeta):
            builder.scene_meta(block.fields)
        elif isinstance(block, BlockQuote):
            builder.quote(block_content(p) for p in block.paragraphs)
        elif isinstance(block, ListBlock):
            items = (block_content(p) for p in block.paragraphs)
            builder.list(items, ordered=block.ordered, start=block.start)
        else:
            builder.comment(block.text)
    return builder.text()


_LINE_MARKER_RE = re.compile(r"^[ \t]*(?:> ?)?")


def block_content(paragraph: Paragraph) -> str:
    """A quote paragraph's or list item's text without its markers (``> ``, ``1. ``) and
    continuation indents: what the builder takes. Other paragraphs are returned as they are."""
    if paragraph.form is None:
        return paragraph.text
    lines = paragraph.text.split("\n")
    if paragraph.form is Form.QUOTE:
        return "\n".join(_LINE_MARKER_RE.sub("", line, count=1) for line in lines)
    found = _ITEM_RE.match(lines[0])
    first = lines[0][found.end() - 1 :] if found else lines[0]
    return "\n".join([first, *(line.lstrip() for line in lines[1:])])
