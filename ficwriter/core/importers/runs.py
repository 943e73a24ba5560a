"""Styled runs from Word and HTML, written as ficwriter's inline markup.

Word and HTML say "this run is italic"; the chapter file says ``*this*``. Literal ``*``, ``_``
and ``\\`` in the source are escaped so the inline scanner reads them as text, and markers go
inside the run's surrounding spaces, where the scanner accepts them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

_SPECIAL = re.compile(r"([\\*_])")


def escape(text: str) -> str:
    """``text`` with the characters the inline scanner treats as markup escaped."""
    return _SPECIAL.sub(r"\\\1", text)


def join_runs(
    runs: Iterable[tuple[str, bool, bool]], escape: Callable[[str], str] = escape
) -> str:
    """``(text, italic, bold)`` runs as one string of inline markup (text passed through
    ``escape``; exporters writing plain text pass one that changes nothing)."""
    merged: list[list] = []
    for text, italic, bold in runs:
        if not text:
            continue
        style = (italic, bold) if text.strip() else None
        if merged and (merged[-1][1] == style or style is None):
            merged[-1][0] += text
        else:
            merged.append([text, style])
    out: list[str] = []
    for text, style in merged:
        italic, bold = style or (False, False)
        marker = ("*" if italic else "") + ("**" if bold else "")
        if not marker:
            out.append(escape(text))
            continue
        core = text.strip()
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        out.append(f"{lead}{marker}{escape(core)}{marker[::-1]}{trail}")
    return "".join(out)
