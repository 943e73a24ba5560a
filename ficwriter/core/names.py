"""Chapter titles and the file names that stand for them, both ways.

``slugify`` makes a file name from a title (an import's ``chapters/NN-slug.md``);
``chapter_title`` reads a title back from a file name, for wherever a chapter without a
title of its own must still be called something (the window's lists, an HTML page's title).
"""

from __future__ import annotations

import re
import unicodedata

NUMBERED = re.compile(r"^(\d+)-")
"""The reading-order number ficwriter puts at the front of a chapter file's name."""


def slugify(text: str, fallback: str = "chapter") -> str:
    """``"Chapter 1: The Long Walk!"`` -> ``"chapter-1-the-long-walk"`` (ASCII, ≤ 48 chars)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:48].rstrip("-") or fallback


def chapter_title(stem: str) -> str:
    """A file name (without its suffix) as a title: ``01-the-long-walk`` -> ``1. The long
    walk``; a name without a number only loses its dashes and underscores."""
    number, _, rest = stem.partition("-")
    if number.isdigit() and rest:
        return f"{int(number)}. {rest.replace('-', ' ').capitalize()}"
    return stem.replace("-", " ").replace("_", " ")
