"""AO3: fragments for the HTML boxes of AO3's chapter form.

AO3 keeps a fixed set of elements (DESIGN.md lists them) and has separate fields for the
chapter's summary, beginning notes and end notes, so each goes to its own file to paste.
All text is HTML-escaped; a line break inside a paragraph is ``<br />``; block quotes and
lists inside the story are ``<blockquote>`` and ``<ol>``/``<ul>``; scene breaks are
``<hr />`` or a centred paragraph (``align`` is one of the attributes AO3 keeps). AO3's
limits are checked on what it would count: the text with its markup.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from ficwriter.core.export.clean import (
    CleanBreak,
    CleanChapter,
    CleanItem,
    CleanParagraph,
    body_lines,
)
from ficwriter.core.export.markup import break_text, html_blocks, html_inline, wants_rule
from ficwriter.core.export.options import ExportOptions
from ficwriter.core.export.target import Rendered, Target

TEXT_LIMIT = 500_000
NOTES_LIMIT = 5_000
SUMMARY_LIMIT = 1_250
TITLE_LIMIT = 255


def _paragraphs(paragraphs: Iterable[CleanParagraph]) -> list[str]:
    return [f"<p>{html_inline(p)}</p>" for p in paragraphs]


def _scene_break(options: ExportOptions) -> str:
    if wants_rule(options.scene_break):
        return "<hr />"
    return f'<p align="center">{html.escape(break_text(options.scene_break), False)}</p>'


def _lines(body: tuple[CleanItem, ...], options: ExportOptions) -> list[str]:
    quote, listing = html_blocks(html_inline)
    return body_lines(
        body,
        paragraph=lambda p: f"<p>{html_inline(p)}</p>",
        scene_break=_scene_break(options),
        note=lambda ps: ["<blockquote>" + "".join(_paragraphs(ps)) + "</blockquote>"],
        quote=quote,
        listing=listing,
    )  # comments are left out: AO3 strips them, and they would count against the limit


def scene_lengths(chapter: CleanChapter, options: ExportOptions) -> tuple[list[int], int]:
    """The characters each scene's HTML takes in the chapter text, and what one scene break
    between two of them adds: enough to say where a chapter too long for AO3 can be split
    (the parts' lengths are exact)."""
    scenes: list[list[CleanItem]] = [[]]
    for item in chapter.body:
        if isinstance(item, CleanBreak):
            scenes.append([])
        else:
            scenes[-1].append(item)
    lengths = [len("\n".join(_lines(tuple(scene), options))) for scene in scenes]
    return lengths, len(_scene_break(options)) + 2


def fields(chapter: CleanChapter, options: ExportOptions) -> dict[str, str]:
    """The text of each AO3 field by file suffix (empty where the chapter has none)."""
    return {
        ".html": "\n".join(_lines(chapter.body, options)),
        "-summary.html": "\n".join(_paragraphs(chapter.summary)),
        "-beginning-notes.html": "\n".join(_paragraphs(chapter.beginning_notes)),
        "-end-notes.html": "\n".join(_paragraphs(chapter.end_notes)),
    }


def _limit(name: str, text: str, limit: int) -> list[str]:
    if len(text) > limit:
        return [f"AO3 {name} is {len(text):,} characters; AO3 accepts {limit:,}"]
    return []


def render(chapter: CleanChapter, options: ExportOptions) -> Rendered:
    parts = fields(chapter, options)
    warnings = _limit("chapter text (with markup)", parts[".html"], TEXT_LIMIT)
    warnings += _limit("summary", parts["-summary.html"], SUMMARY_LIMIT)
    warnings += _limit("beginning notes", parts["-beginning-notes.html"], NOTES_LIMIT)
    warnings += _limit("end notes", parts["-end-notes.html"], NOTES_LIMIT)
    warnings += _limit("chapter title", chapter.title or "", TITLE_LIMIT)
    files = {suffix: (text + "\n").encode("utf-8") for suffix, text in parts.items() if text}
    files.setdefault(".html", b"\n")
    return Rendered(dict(sorted(files.items(), key=lambda kv: kv[0] != ".html")), warnings)


TARGET = Target("ao3", "AO3 HTML fragments (text, summary, beginning and end notes)", render)
