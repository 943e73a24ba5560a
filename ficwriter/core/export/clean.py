"""A chapter cleaned for export: what every target writes, decided once.

Cleaning takes the notes out (beginning and end notes are kept aside for archives that have
fields for them), drops comments and scene metadata unless asked to keep them, applies
typography and whitespace options, and cuts paragraphs into styled segments with the one
inline scanner. Targets only choose how to write the result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ficwriter.core.chapter import (
    BlockQuote,
    Chapter,
    Comment,
    Form,
    ListBlock,
    Note,
    NotePosition,
    Paragraph,
    SceneBreak,
    SceneMeta,
    format_meta,
)
from ficwriter.core.export.options import ExportOptions
from ficwriter.core.export.typography import typeset
from ficwriter.core.importers.draft import HEADER_PREFIX, read_header
from ficwriter.core.inline import Segment, segments
from ficwriter.core.names import chapter_title

CleanParagraph = tuple[Segment, ...]


@dataclass(frozen=True)
class CleanBreak:
    """A scene break; the target writes it in its own style or the one the options give."""


@dataclass(frozen=True)
class CleanNote:
    """A note inside the story (kept in place when notes are kept)."""

    paragraphs: tuple[CleanParagraph, ...]


@dataclass(frozen=True)
class CleanComment:
    """A comment or scene metadata, kept only when ``drop_comments`` is off."""

    text: str


@dataclass(frozen=True)
class CleanQuote:
    """A block quote inside the story (a letter, a message, a poem): its paragraphs."""

    paragraphs: tuple[CleanParagraph, ...]


@dataclass(frozen=True)
class CleanList:
    """A list inside the story: numbered from ``start`` when ``ordered``, else bulleted."""

    ordered: bool
    start: int
    items: tuple[CleanParagraph, ...]

    def marker(self, k: int) -> str:
        """The ``k``-th item's marker as plain text writes it (``3.`` or ``-``)."""
        return f"{self.start + k}." if self.ordered else "-"


CleanItem = CleanParagraph | CleanBreak | CleanNote | CleanComment | CleanQuote | CleanList


@dataclass(frozen=True)
class CleanChapter:
    title: str | None  # the chapter's own (from its header comment)
    summary: tuple[CleanParagraph, ...]
    beginning_notes: tuple[CleanParagraph, ...]
    body: tuple[CleanItem, ...]
    end_notes: tuple[CleanParagraph, ...]
    file_title: str = "Chapter"  # the chapter's file name read as a title

    @property
    def document_title(self) -> str:
        """What a document that must be called something is called (a web page's
        ``<title>``): the chapter's title, else its file's name as the window shows it."""
        return self.title or self.file_title


def clean_paragraph(text: str, options: ExportOptions) -> CleanParagraph:
    return tuple(typeset(segments(text), options))


def _note_paragraph(paragraph: Paragraph, options: ExportOptions) -> CleanParagraph:
    """A note paragraph; a list item in a note keeps its number or bullet as text (notes go
    to archives' notes fields, written as paragraphs)."""
    cleaned = clean_paragraph(paragraph.text, options)
    if cleaned and paragraph.form is Form.ORDERED:
        return (Segment(f"{paragraph.number}. "), *cleaned)
    if cleaned and paragraph.form is Form.BULLET:
        return (Segment("• "), *cleaned)
    return cleaned


def _note_paragraphs(note: Note, options: ExportOptions) -> tuple[CleanParagraph, ...]:
    return tuple(p for p in (_note_paragraph(x, options) for x in note.paragraphs) if p)


def _cleaned(paragraphs: tuple[Paragraph, ...], options: ExportOptions) -> tuple[CleanParagraph, ...]:
    return tuple(p for p in (clean_paragraph(x.text, options) for x in paragraphs) if p)


def clean(chapter: Chapter, options: ExportOptions, name: str = "chapter") -> CleanChapter:
    """The parts of ``chapter`` an export writes, under ``options``; ``name`` is its file's
    (without suffix), the title of a chapter without one."""
    header = read_header(chapter)
    beginning: list[CleanParagraph] = []
    ending: list[CleanParagraph] = []
    body: list[CleanItem] = []
    for block in chapter.blocks:
        if isinstance(block, Paragraph):
            if paragraph := clean_paragraph(block.text, options):
                body.append(paragraph)
        elif isinstance(block, BlockQuote):
            if quoted := _cleaned(block.paragraphs, options):
                body.append(CleanQuote(quoted))
        elif isinstance(block, ListBlock):
            if items := _cleaned(block.paragraphs, options):
                body.append(CleanList(block.ordered, block.start, items))
        elif isinstance(block, SceneBreak):
            if body and not isinstance(body[-1], CleanBreak):
                body.append(CleanBreak())
        elif isinstance(block, Note):
            if not options.keep_notes:
                continue
            if block.position is NotePosition.BEGINNING:
                beginning.extend(_note_paragraphs(block, options))
            elif block.position is NotePosition.END:
                ending.extend(_note_paragraphs(block, options))
            else:
                body.append(CleanNote(_note_paragraphs(block, options)))
        elif not options.drop_comments:
            if isinstance(block, SceneMeta):
                body.append(CleanComment(format_meta(block.fields)))
            elif isinstance(block, Comment) and not block.text.startswith(HEADER_PREFIX):
                body.append(CleanComment(block.text))
    while body and isinstance(body[-1], CleanBreak):
        body.pop()
    summary = header.get("summary", "")
    return CleanChapter(
        title=header.get("title"),
        summary=tuple(clean_paragraph(line, options) for line in summary.splitlines() if line),
        beginning_notes=tuple(beginning),
        body=tuple(body),
        end_notes=tuple(ending),
        file_title=chapter_title(name),
    )


def body_lines(
    body: tuple[CleanItem, ...],
    *,
    paragraph: Callable[[CleanParagraph], str],
    scene_break: str,
    note: Callable[[tuple[CleanParagraph, ...]], list[str]],
    quote: Callable[[CleanQuote], list[str]],
    listing: Callable[[CleanList], list[str]],
    comment: Callable[[str], list[str]] = lambda text: [],
) -> list[str]:
    """The body as lines of a text target: each target says how it writes each kind."""
    lines: list[str] = []
    for item in body:
        if isinstance(item, CleanQuote):
            lines.extend(quote(item))
        elif isinstance(item, CleanList):
            lines.extend(listing(item))
        elif isinstance(item, CleanBreak):
            lines.append(scene_break)
        elif isinstance(item, CleanNote):
            lines.extend(note(item.paragraphs))
        elif isinstance(item, CleanComment):
            lines.extend(comment(item.text))
        else:
            lines.append(paragraph(item))
    return lines


def framed_lines(
    chapter: CleanChapter,
    *,
    paragraph: Callable[[CleanParagraph], str],
    scene_break: str,
    note: Callable[[tuple[CleanParagraph, ...]], list[str]],
    quote: Callable[[CleanQuote], list[str]],
    listing: Callable[[CleanList], list[str]],
    comment: Callable[[str], list[str]] = lambda text: [],
    note_separator: str | None = None,
) -> list[str]:
    """Beginning notes, the body, end notes (for targets without notes fields).

    ``note_separator`` is a line set between the notes and the story, if the target wants one.
    """
    top = note(chapter.beginning_notes) if chapter.beginning_notes else []
    bottom = note(chapter.end_notes) if chapter.end_notes else []
    separator = [note_separator] if note_separator else []
    body = body_lines(
        chapter.body,
        paragraph=paragraph,
        scene_break=scene_break,
        note=note,
        quote=quote,
        listing=listing,
        comment=comment,
    )
    return [*top, *(separator if top else []), *body, *(separator if bottom else []), *bottom]
