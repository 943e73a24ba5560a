"""What an importer found, before it becomes a canonical chapter.

Importers only describe a source (paragraphs in ficwriter's inline markup, breaks, notes
the source marked as such, title, summary); ``importers.finish`` detects the author's notes
the source did not mark and writes the chapter with ``ChapterBuilder``, so every importer
produces the same file format. The chapter header comment keeps a source's title and summary.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ficwriter.core.chapter import Chapter, parse, parse_meta
from ficwriter.core.chapter import Comment as ChapterComment


@dataclass(frozen=True)
class Para:
    """A paragraph found by an importer, in ficwriter's inline markup."""

    text: str


@dataclass(frozen=True)
class Break:
    """A scene break found by an importer."""


@dataclass(frozen=True)
class NoteBlock:
    """Non-story text the source itself marked (a fenced div, an archive's notes field)."""

    paragraphs: tuple[str, ...]
    kind: str = "note"


@dataclass(frozen=True)
class MetaBlock:
    """Scene metadata for the scene that starts here."""

    fields: Mapping[str, str]


@dataclass(frozen=True)
class CommentBlock:
    text: str


@dataclass(frozen=True)
class QuoteBlock:
    """An in-story block quote (a letter, a message, a poem): its paragraphs."""

    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class ListItems:
    """An in-story list: its items, numbered from ``start`` when ``ordered``."""

    items: tuple[str, ...]
    ordered: bool
    start: int = 1


RawBlock = Para | Break | NoteBlock | MetaBlock | CommentBlock | QuoteBlock | ListItems


@dataclass
class Draft:
    """A chapter as an importer read it, before notes are detected and the file is built."""

    blocks: list[RawBlock]
    title: str | None = None
    summary: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    beginning_notes: list[str] = field(default_factory=list)
    end_notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ImportResult:
    """An imported chapter: its canonical text and what the source said about it."""

    text: str
    title: str | None
    summary: str | None
    metadata: Mapping[str, str]
    warnings: tuple[str, ...]

    @property
    def chapter(self) -> Chapter:
        return parse(self.text)


HEADER_PREFIX = "<!-- chapter:"


def header_comment(title: str | None, summary: str | None) -> str | None:
    """``<!-- chapter: title="…"; summary="…" -->``: the source's title and summary.

    Kept as a comment at the top of the chapter file, so they travel with the file, survive
    other editors and are left out of cleaned exports (which read them back separately).
    """
    fields = {"title": title, "summary": summary}
    parts = [f'{key}="{_escape(value)}"' for key, value in fields.items() if value]
    return f"{HEADER_PREFIX} {'; '.join(parts)} -->" if parts else None


def _escape(value: str) -> str:
    flat = "\n".join(line.strip() for line in value.strip().splitlines() if line.strip())
    return flat.replace("\\", "\\\\").replace('"', '\\"').replace("-->", "--\\>")


def read_header(chapter: Chapter) -> dict[str, str]:
    """The title and summary recorded by ``header_comment``, if the chapter has one."""
    for block in chapter.blocks:
        if isinstance(block, ChapterComment) and block.text.startswith(HEADER_PREFIX):
            return parse_meta(block.text[len(HEADER_PREFIX) : -len("-->")])
    return {}
