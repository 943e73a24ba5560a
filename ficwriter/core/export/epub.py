"""EPUB 3: the whole work as one e-book, built with ebooklib.

ebooklib writes the package (OPF with dc:identifier, dc:title, dc:language, dc:creator and
dcterms:modified, the navigation document, an NCX for older readers, the zip in the order
EPUB wants); ficwriter gives it one XHTML file per chapter in reading order, a title page
and a small stylesheet. Emphasis is ``<em>``/``<strong>``, scene breaks a styled
``<hr class="scene"/>`` (or a centred line when the options ask for break text), notes a
``<div class="note">`` where the options keep them. docs/architecture.md says why ebooklib.
"""

from __future__ import annotations

import html
import io
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from ebooklib import epub

from ficwriter.core.export.clean import (
    CleanBreak,
    CleanChapter,
    CleanComment,
    CleanList,
    CleanNote,
    CleanQuote,
)
from ficwriter.core.export.markup import break_text, html_blocks, html_inline, wants_rule
from ficwriter.core.export.options import ExportOptions

COVER_TYPES = {b"\x89PNG\r\n\x1a\n": ".png", b"\xff\xd8\xff": ".jpg", b"GIF8": ".gif"}
_STYLE = b"""body { margin: 0 5%; font-family: serif; line-height: 1.5; }
h1, h2 { font-weight: normal; text-align: center; margin: 2em 0 1em; }
p { margin: 0; text-indent: 1.5em; }
h2 + p, hr + p, div.note + p, p.break + p, blockquote + p { text-indent: 0; }
hr.scene { border: 0; height: 1.5em; margin: 1em 0; text-align: center; }
hr.scene::after { content: "* * *"; letter-spacing: 0.5em; }
p.break { text-align: center; text-indent: 0; margin: 1em 0; }
div.note { font-size: 0.9em; border-left: 2px solid #999; padding-left: 1em; margin: 1.5em 0; }
div.note p { text-indent: 0; margin: 0.5em 0; }
blockquote { margin: 1em 2em; }
blockquote p { text-indent: 0; }
section.title { text-align: center; margin-top: 20%; }
section.title p { text-indent: 0; margin: 0.5em 0; }
"""
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class BookInfo:
    """What the e-book says about itself, from the project's ``ficwriter.toml``."""

    title: str
    author: str = ""
    fandom: str = ""
    language: str = "en-US"
    summary: str = ""

    @property
    def identifier(self) -> str:
        """A stable ``urn:uuid``: the same work exported again is the same book to a reader's
        library (it replaces the old copy instead of standing beside it)."""
        return uuid.uuid5(uuid.NAMESPACE_URL, f"ficwriter:{self.title}\n{self.author}").urn


def cover_suffix(data: bytes) -> str | None:
    """``".jpg"``, ``".png"`` or ``".gif"`` for an image EPUB readers show, else None."""
    return next((suffix for magic, suffix in COVER_TYPES.items() if data.startswith(magic)), None)


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


def _p(segments, css: str = "") -> str:
    attribute = f' class="{css}"' if css else ""
    return f"<p{attribute}>{_xml_text(html_inline(segments, br='<br/>'))}</p>"


def _note(paragraphs) -> str:
    return '<div class="note">' + "".join(_p(p) for p in paragraphs) + "</div>"


def chapter_xhtml(chapter: CleanChapter, options: ExportOptions) -> str:
    """One chapter's body: its heading, notes where kept, the story."""
    if wants_rule(options.scene_break):
        scene_break = '<hr class="scene"/>'
    else:
        text = html.escape(break_text(options.scene_break), quote=False)
        scene_break = f'<p class="break">{_xml_text(text)}</p>'
    parts = [f"<h2>{html.escape(_xml_text(chapter.document_title), quote=False)}</h2>"]
    if chapter.beginning_notes:
        parts.append(_note(chapter.beginning_notes))
    quote, listing = html_blocks(lambda p: _xml_text(html_inline(p, br="<br/>")))
    for item in chapter.body:
        if isinstance(item, CleanQuote):
            parts.extend(quote(item))
        elif isinstance(item, CleanList):
            parts.extend(listing(item))
        elif isinstance(item, CleanBreak):
            parts.append(scene_break)
        elif isinstance(item, CleanNote):
            parts.append(_note(item.paragraphs))
        elif not isinstance(item, CleanComment):  # comments are the writer's, not the reader's
            parts.append(_p(item))
    if chapter.end_notes:
        parts.append(_note(chapter.end_notes))
    return "\n".join(parts)


def _title_page(info: BookInfo) -> str:
    lines = [f"<h1>{html.escape(_xml_text(info.title), quote=False)}</h1>"]
    for text in (f"by {info.author}" if info.author else "", info.fandom):
        if text:
            lines.append(f"<p>{html.escape(_xml_text(text), quote=False)}</p>")
    lines += [f"<p>{html.escape(_xml_text(p), quote=False)}</p>"
              for p in info.summary.split("\n\n") if p.strip()]  # fmt: skip
    return '<section class="title">' + "\n".join(lines) + "</section>"


def render_epub(
    info: BookInfo,
    chapters: Sequence[CleanChapter],
    options: ExportOptions,
    cover: bytes | None = None,
) -> bytes:
    """The e-book's bytes: title page, table of contents, ``chapters`` in the order given.

    ``cover`` is a JPEG, PNG or GIF image (``cover_suffix`` tells); ``ValueError`` otherwise.
    """
    book = epub.EpubBook()
    book.set_identifier(info.identifier)
    book.set_title(info.title)
    book.set_language(info.language)
    if info.author:
        book.add_author(info.author)
    if info.fandom:
        book.add_metadata("DC", "subject", info.fandom)
    if info.summary:
        book.add_metadata("DC", "description", info.summary)
    if cover is not None:
        suffix = cover_suffix(cover)
        if suffix is None:
            raise ValueError("the cover is not a JPEG, PNG or GIF image")
        book.set_cover(f"cover{suffix}", cover)
    style = epub.EpubItem(uid="style", file_name="style.css", media_type="text/css",
                          content=_STYLE)
    book.add_item(style)
    title_page = epub.EpubHtml(title=info.title, file_name="title.xhtml", lang=info.language)
    title_page.content = _title_page(info)
    title_page.add_item(style)
    book.add_item(title_page)
    items = []
    for number, chapter in enumerate(chapters, 1):
        item = epub.EpubHtml(title=chapter.document_title, file_name=f"chapter-{number:03d}.xhtml",
                             lang=info.language)
        item.content = chapter_xhtml(chapter, options)
        item.add_item(style)
        book.add_item(item)
        items.append(item)
    book.toc = items
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav(title="Contents"))
    book.spine = [*(["cover"] if cover is not None else []), title_page, "nav", *items]
    out = io.BytesIO()
    epub.write_epub(out, book)
    return out.getvalue()
