"""Styled segments written as HTML or as plain text with emphasis marks."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from ficwriter.core.importers.runs import join_runs
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


def marked_inline(segments: Iterable[Segment], *, markdown: bool) -> str:
    """Segments as text with ``*italic*``/``**bold**``; Markdown also escapes its specials."""
    runs = ((s.text, s.italic, s.bold) for s in segments)
    return join_runs(runs, escape=_markdown_escape if markdown else str)


def _markdown_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def break_text(scene_break: str | None, default: str = "* * *") -> str:
    """The text of a scene-break line in targets without rules (``"hr"`` means default)."""
    return default if scene_break in (None, "hr") else scene_break


def wants_rule(scene_break: str | None) -> bool:
    """Whether an HTML-like target should write the break as a rule."""
    return scene_break in (None, "hr")
