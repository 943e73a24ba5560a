"""The Format menu's edits, computed on the chapter text: emphasis, block quotes, notes.

The file is the truth, so formatting is markup in the text: ``*italic*``, ``**bold**``,
``> `` before each line of a quoted paragraph, a ``::: note`` fence around an author's
note. Each function takes the text and a selection (Python offsets) and returns one
``Edit``: the replacement the editor applies as a single undo step, and the selection to
leave afterwards. Nothing here knows Qt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ITALIC = "*"
BOLD = "**"
QUOTE = "> "
NOTE_OPEN = "::: note"
NOTE_CLOSE = ":::"
_WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True)
class Edit:
    """Replace ``start:end`` by ``text``; then select ``select`` (offsets after the edit)."""

    start: int
    end: int
    text: str
    select: tuple[int, int]


def _stars_before(text: str, at: int) -> int:
    count = 0
    while at - count > 0 and text[at - count - 1] == "*":
        count += 1
    return count


def _stars_after(text: str, at: int) -> int:
    count = 0
    while at + count < len(text) and text[at + count] == "*":
        count += 1
    return count


def _has(marker: str, stars: int) -> bool:
    """Whether ``stars`` asterisks on both sides hold ``marker``'s emphasis (``***`` is both)."""
    return stars in (1, 3) if marker == ITALIC else stars >= 2


def word_at(text: str, offset: int) -> tuple[int, int] | None:
    """The word touching ``offset`` (letters, digits, apostrophes, hyphens), if any."""
    for match in _WORD.finditer(text):
        if match.start() <= offset <= match.end():
            return match.start(), match.end()
        if match.start() > offset:
            break
    return None


def toggle_emphasis(text: str, start: int, end: int, marker: str) -> Edit:
    """Italic (``*``) or bold (``**``) on the selection, or the word at the cursor: added,
    or taken away where the selection already has it (markers inside or just around it).
    With no word at the cursor, an empty pair is inserted with the cursor between."""
    if start == end:
        word = word_at(text, start)
        if word is None:
            return Edit(start, end, marker * 2, (start + len(marker),) * 2)
        start, end = word
    selected = text[start:end]
    trimmed = selected.strip()
    start += len(selected) - len(selected.lstrip())
    end = start + len(trimmed)
    size = len(marker)
    inside = min(_stars_after(text, start), _stars_before(text, end))
    if end - start > 2 * inside and _has(marker, inside):  # markers selected with the words
        inner = text[start + size : end - size]
        return Edit(start, end, inner, (start, start + len(inner)))
    around = min(_stars_before(text, start), _stars_after(text, end))
    if _has(marker, around):
        return Edit(start - size, end + size, text[start:end],
                    (start - size, end - size))
    lines = text[start:end].split("\n")  # emphasis never runs across a line end
    wrapped = "\n".join(f"{marker}{line}{marker}" if line.strip() else line for line in lines)
    if len(lines) == 1:
        return Edit(start, end, wrapped, (start + size, end + size))
    return Edit(start, end, wrapped, (start, start + len(wrapped)))


def _line_span(text: str, start: int, end: int) -> tuple[int, int]:
    """From the start of ``start``'s line to the end of ``end``'s line."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return first, len(text) if last == -1 else last


def _paragraph_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The lines of the paragraphs the selection touches (up to the blank lines around)."""
    first = text.rfind("\n\n", 0, start)
    first = 0 if first == -1 else first + 2
    last = text.find("\n\n", end)
    return first, len(text) if last == -1 else last


def toggle_block_quote(text: str, start: int, end: int) -> Edit:
    """``> `` before every line of the paragraphs under the selection, or taken away when
    they all have it already."""
    first, last = _paragraph_span(text, start, end)
    lines = text[first:last].split("\n")
    quoted = [line for line in lines if line.strip()]
    if quoted and all(line.startswith(">") for line in quoted):
        new = [line[2:] if line.startswith(QUOTE) else line[1:] if line.startswith(">")
               else line for line in lines]
    else:
        new = [QUOTE + line if line.strip() else line for line in lines]
    body = "\n".join(new)
    return Edit(first, last, body, (first, first + len(body)))


def author_note(text: str, start: int, end: int) -> Edit:
    """The lines under the selection fenced as an author's note; with no selection, an
    empty note where the cursor is (the cursor inside it, ready to type)."""
    if start == end:
        before = text[:start].rstrip(" \t")
        after = text[start:].lstrip(" \t")
        lead = _lead(before)
        trail = _trail(after)
        block = f"{lead}{NOTE_OPEN}\n\n{NOTE_CLOSE}{trail}"
        cursor = len(before) + len(lead) + len(NOTE_OPEN) + 1
        return Edit(len(before), len(text) - len(after), block, (cursor, cursor))
    first, last = _line_span(text, start, end)
    body = text[first:last].strip("\n")
    lead, trail = _lead(text[:first]), _trail(text[last:])
    block = f"{lead}{NOTE_OPEN}\n{body}\n{NOTE_CLOSE}{trail}"
    inner = first + len(lead) + len(NOTE_OPEN) + 1
    return Edit(first, last, block, (inner, inner + len(body)))


def _lead(before: str) -> str:
    """What goes before a new block so a blank line stands between it and the text before."""
    if not before or before.endswith("\n\n"):
        return ""
    return "\n" if before.endswith("\n") else "\n\n"


def _trail(after: str) -> str:
    """What goes after a new block so a blank line stands between it and the text after."""
    if not after:
        return "\n"
    if after.startswith("\n\n"):
        return ""
    return "\n" if after.startswith("\n") else "\n\n"

