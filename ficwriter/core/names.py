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


_SLUG_LENGTH = 48
_WINDOWS_RESERVED = re.compile(r"^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$")


def _slug_char(char: str) -> str:
    """A letter, digit or combining mark stays (any script); anything else separates."""
    return char if unicodedata.category(char)[0] in "LNM" else "-"


def slugify(text: str, fallback: str = "chapter") -> str:
    """``"Chapter 1: The Long Walk!"`` -> ``"chapter-1-the-long-walk"``; ``"第一章 雨"`` ->
    ``"第一章-雨"``, ``"Глава 1"`` -> ``"глава-1"`` (≤ 48 characters).

    The title's letters are kept in every script, lower-cased and in NFC (the form macOS,
    Windows and Linux all keep as written); punctuation, spaces and symbols become dashes,
    so no character a file system refuses (``<>:"/\\|?*``, controls) remains. A name
    Windows reserves (``con``, ``nul``…) or a title with no letters falls back.
    """
    normal = unicodedata.normalize("NFC", unicodedata.normalize("NFKC", text).lower())
    slug = re.sub(r"-+", "-", "".join(map(_slug_char, normal))).strip("-")
    slug = slug[:_SLUG_LENGTH].rstrip("-")
    if not slug or _WINDOWS_RESERVED.match(slug):
        return fallback if not slug else f"{slug}-{fallback}"
    return slug


def chapter_title(stem: str) -> str:
    """A file name (without its suffix) as a title: ``01-the-long-walk`` -> ``1. The long
    walk``; a name without a number only loses its dashes and underscores."""
    number, _, rest = stem.partition("-")
    if number.isdigit() and rest:
        return f"{int(number)}. {rest.replace('-', ' ').capitalize()}"
    return stem.replace("-", " ").replace("_", " ")
