"""Qt counts text positions in UTF-16 code units, ficwriter in Python characters.

They differ only after characters outside the Basic Multilingual Plane (emoji), which
Qt counts twice. ``QtPositions`` converts between the two for one text; for the usual
text without such characters both directions are the identity and cost nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class QtPositions:
    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_qt = [index + k for k, index in enumerate(self._astral)]

    def to_qt(self, index: int) -> int:
        """The Qt position of Python index ``index``."""
        if not self._astral:
            return index
        return index + bisect_left(self._astral, index)

    def from_qt(self, position: int) -> int:
        """The Python index of Qt position ``position``."""
        if not self._astral:
            return position
        return position - bisect_left(self._astral_qt, position)
