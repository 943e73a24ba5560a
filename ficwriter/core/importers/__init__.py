"""Import chapters from the files writers already have into ficwriter's chapter format.

``import_file(path)`` reads ``.txt``, ``.md``, ``.docx`` and ``.html`` (including AO3's
"Download → HTML") in any common encoding and returns the canonical chapter text with what
the source said about it. Import never drops text: what it cannot place stays story text.
``import_would_add_structure`` tells whether a text file opened as it is would gain by it.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from ficwriter.core.chapter import ChapterBuilder, SceneMeta, parse
from ficwriter.core.importers.docx import read_docx
from ficwriter.core.importers.draft import (
    Break,
    CommentBlock,
    Draft,
    ImportResult,
    ListItems,
    MetaBlock,
    NoteBlock,
    Para,
    QuoteBlock,
    header_comment,
    read_header,
)
from ficwriter.core.importers.html import read_html
from ficwriter.core.importers.markdown import read_markdown
from ficwriter.core.importers.notes import is_sure_note, says_note, split_notes
from ficwriter.core.importers.txt import read_txt
from ficwriter.core.textfile import UnreadableFile, decode_bytes

__all__ = [
    "FORMATS",
    "IMPORT_ONLY",
    "ImportResult",
    "import_chapters",
    "import_file",
    "import_would_add_structure",
    "read_header",
]

FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "markdown",
    ".markdown": "markdown",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
"""File extensions and the importer that reads them; other files are sniffed."""
IMPORT_ONLY = frozenset(s for s, kind in FORMATS.items() if kind in ("docx", "html"))
"""Extensions of files that are never chapters as they are: Word documents and web pages."""
_TEXT_READERS: dict[str, Callable[[str], list[tuple[Draft, bool]]]] = {
    "txt": lambda text: [(read_txt(text), True)],
    "markdown": lambda text: [read_markdown(text)],
    "html": lambda text: [(draft, True) for draft in read_html(text)],
}
"""Each text format's reader: its drafts, each with whether to detect unmarked notes."""


def finish(draft: Draft, *, detect_notes: bool = True) -> ImportResult:
    """Detect unmarked notes at either end and write the canonical chapter."""
    blocks = list(draft.blocks)
    found_beginning: list[str] = []
    found_end: list[str] = []
    if detect_notes:
        # An AO3 chapter's text is its userstuff div: the archive keeps notes apart, so
        # there only a paragraph that says it is a note is one.
        is_note = says_note if draft.metadata.get("source") == "ao3" else is_sure_note
        found_beginning, blocks, found_end = split_notes(blocks, is_note)
    builder = ChapterBuilder()
    header = header_comment(draft.title, draft.summary)
    if header:
        builder.comment(header)
    builder.note(draft.beginning_notes + found_beginning)
    for block in blocks:
        if isinstance(block, Para):
            builder.paragraph(block.text)
        elif isinstance(block, Break):
            builder.scene_break()
        elif isinstance(block, NoteBlock):
            builder.note(block.paragraphs, block.kind)
        elif isinstance(block, MetaBlock):
            builder.scene_meta(block.fields)
        elif isinstance(block, CommentBlock):
            builder.comment(block.text)
        elif isinstance(block, QuoteBlock):
            builder.quote(block.paragraphs)
        elif isinstance(block, ListItems):
            builder.list(block.items, ordered=block.ordered, start=block.start)
    builder.note(found_end + draft.end_notes)
    warnings = list(draft.warnings)
    if found_beginning or found_end:
        warnings.append(
            f"read {len(found_beginning)} paragraph(s) at the top and {len(found_end)} at the "
            "end as author's notes"
        )
    return ImportResult(
        text=builder.text(),
        title=draft.title,
        summary=draft.summary,
        metadata=dict(draft.metadata),
        warnings=tuple(warnings),
    )


def _sniff(path: Path, data: bytes) -> str:
    """The format by extension, else by content (a zip is Word, a page is HTML)."""
    if path.suffix.lower() in FORMATS:
        return FORMATS[path.suffix.lower()]
    if zipfile.is_zipfile(path):
        return "docx"
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "txt"


def _drafts(kind: str, data: bytes) -> tuple[list[tuple[Draft, bool]], dict[str, str]]:
    if kind == "docx":
        return [(read_docx(data), True)], {"format": kind}
    decoded = decode_bytes(data)
    newline = {"\n": "LF", "\r\n": "CRLF", "\r": "CR"}[decoded.newline]
    info = {"format": kind, "encoding": decoded.encoding, "newline": newline}
    return _TEXT_READERS[kind](decoded.text), info


def import_chapters(path: Path | str) -> list[ImportResult]:
    """Every chapter in ``path`` (an AO3 download may hold several; other files hold one).

    Raises ``OSError`` when the file cannot be read and ``UnreadableFile`` when it is binary,
    undecodable or a broken ``.docx``.
    """
    source = Path(path)
    data = source.read_bytes()
    kind = _sniff(source, data)
    drafts, info = _drafts(kind, data)
    results = []
    for draft, detect_notes in drafts:
        draft.metadata = {**info, **draft.metadata}
        if draft.title is None and len(drafts) == 1:
            draft.metadata.setdefault("file_title", source.stem)
        results.append(finish(draft, detect_notes=detect_notes))
    if not any(r.text.strip() for r in results):
        raise UnreadableFile("the file holds no text")
    return results


def import_file(path: Path | str) -> ImportResult:
    """The chapter in ``path``; for a multi-chapter AO3 download, the first (with a warning).

    ``import_chapters`` returns them all; ``project.import_chapters_into_project`` writes
    them all.
    """
    results = import_chapters(path)
    first = results[0]
    if len(results) > 1:
        warning = f"the file holds {len(results)} chapters; this is the first"
        first = ImportResult(
            first.text, first.title, first.summary, first.metadata, (*first.warnings, warning)
        )
    return first


def import_would_add_structure(text: str, suffix: str) -> bool:
    """Whether a text chapter (``text`` as read from a ``suffix`` file) is worth importing
    rather than editing as it is.

    It is when parsing finds none of ficwriter's own marks (fenced notes, scene metadata:
    a file with them is a ficwriter chapter already) and the importer finds what parsing
    does not: author's notes, or more scene breaks (blank-line gaps, ``~~~``, ``xXx``…).
    Both read the text in memory, in milliseconds even for a long chapter.
    """
    own = parse(text)
    if own.notes or any(isinstance(block, SceneMeta) for block in own.blocks):
        return False
    kind = FORMATS.get(suffix.lower(), "txt")
    drafts = _TEXT_READERS[kind if kind in _TEXT_READERS else "txt"](text)
    imported = [finish(draft, detect_notes=detect).chapter for draft, detect in drafts]
    if len(imported) != 1:
        return True  # a page holding several chapters
    return bool(imported[0].notes) or len(imported[0].scenes) > len(own.scenes)
