"""Counting words the way writers and archives count them.

"didn't", "Mount-Weather" and "Lexa's" are one word each; numbers are words; punctuation,
emphasis markers and scene-break ornaments are not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

WORD_RE = re.compile(r"\w+(?:['\u2019\-]\w+)*")


def iter_words(text: str) -> Iterator[re.Match[str]]:
    """Every word of ``text`` with its position (offsets are indices into ``text``)."""
    return WORD_RE.finditer(text)


def words(text: str) -> list[str]:
    """The words of ``text`` in order."""
    return WORD_RE.findall(text)


def count_words(text: str) -> int:
    """How many words ``text`` holds."""
    return sum(1 for _ in WORD_RE.finditer(text))
