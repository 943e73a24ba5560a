"""Styled segments written as HTML or as plain text with emphasis marks."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable

from ficwriter.core.importers.runs import join_runs
from ficwriter.core.export.clean import CleanList, CleanParagraph, CleanQuote
from ficwriter.core.inline import Segment

_MD_SPECIAL = re.compile(r"([\\*_`<\[\]])")


def html_inline(segments: Iterable[Segment], br: str = "<br />") -> str:
    """Segments as escaped HTML with ``<em>``/``<strong>``; a newline becomes ``br``."""
    out: list[str] = []
    for segment in segments:
        text = html.escape(segment.text, quote=False).replace("\n", br)
        if segment.bold:
            text = f"<strong>{text}</strong>"
        if segment.italic:
            text = f"<em>{text}</em>"
        out.append(text)
    return "".join(out)


def html_blocks(
    inline: Callable[[CleanParagraph], str],
) -> tuple[Callable[[CleanQuote], list[str]], Callable[[CleanList], list[str]]]:
    """How HTML targets write in-story blocks: ``<blockquote>`` around the quote's
    ``<p>`` paragraphs, ``<ol>``/``<ul>`` with one ``<li>`` per item (``inline`` writes a
    paragraph's content). A list numbered from elsewhere than 1 says so with ``start``."""

    def quote(block: CleanQuote) -> list[str]:
        return ["<blockquote>", *(f"<p>{inline(p)}</p>" for p in block.paragraphs), "</blockquote>"]

    def listing(block: CleanList) -> list[str]:
        tag = "ol" if block.ordered else "ul"
        start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
        items = [f"<li>{inline(item)}</li>" for item in block.items]
        return [f"<{tag}{start}>", *items, f"</{tag}>"]

    return quote, listing


def marked_inline(segments: Iterable[Segment], *, markdown: bool) -> str:
    """Segments as text with ``*italic*``/``**bold**``; Markdown also escapes its specials."""
    runs = ((s.text, s.italic, s.bold) for s in segments)
    return join_runs(runs, escape=_markdown_escape if markdown else str)


def _markdown_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


_MD_LINE_START = re.compile(r"^([ \t]*)(?:([-+>#])|(\d{1,9})([.)]))(?=[ \t]|$)")


def escape_line_start(line: str) -> str:
    """A Markdown line that would read as a list item, quote or heading, escaped to text
    (``- x`` -> ``\\- x``, ``1. x`` -> ``1\\. x``)."""
    found = _MD_LINE_START.match(line)
    if not found:
        return line
    if found.group(2):
        return found.group(1) + "\\" + line[found.end(1) :]
    return line[: found.end(3)] + "\\" + line[found.end(3) :]


def break_text(scene_break: str | None, default: str = "* * *") -> str:
    """The text of a scene-break line in targets without rules (``"hr"`` means default)."""
    return default if scene_break in (None, "hr") else scene_break


def wants_rule(scene_break: str | None) -> bool:
    """Whether an HTML-like target should write the break as a rule."""
    return scene_break in (None, "hr")
