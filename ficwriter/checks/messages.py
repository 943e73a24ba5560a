"""Issue messages as a writer reads them.

Engines write messages for programmers: Harper quotes words in Markdown backticks
(``Did you mean `their`?``). The window and the text output show the quoted words as
words, in curly quotes (and in italics where the text can be styled).
"""

from __future__ import annotations

import html
import re

_CODE = re.compile(r"`([^`\n]+)`")


def readable(message: str) -> str:
    """``Did you mean `their`?`` -> ``Did you mean “their”?`` (plain text)."""
    return _CODE.sub("\u201c\\1\u201d", message)


def message_html(message: str) -> str:
    """The same message as HTML, the quoted words in italics (for tooltips)."""
    parts = _CODE.split(message)
    return "".join(
        f"<i>\u201c{html.escape(part)}\u201d</i>" if odd else html.escape(part)
        for odd, part in ((i % 2 == 1, p) for i, p in enumerate(parts))
    )
