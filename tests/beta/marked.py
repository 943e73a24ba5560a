"""A reader's marked-up document described as data, for both kinds of test file.

A paragraph is a list of pieces: ``str`` (text as sent), ``Italic(text)``, ``Ins``,
``Del``, ``MoveFrom``/``MoveTo``, ``Fmt`` (a formatting change), ``Note`` (a comment on
some text, with replies), and a paragraph may end with ``MARK_INSERTED`` or
``MARK_DELETED`` (the reader split it or joined it with the next one).
"""

from __future__ import annotations

from dataclasses import dataclass, field

DATE = "2026-12-01T10:00:00Z"


@dataclass(frozen=True)
class Italic:
    text: str


@dataclass(frozen=True)
class Ins:
    text: str
    author: str = "Mia"
    italic: bool = False


@dataclass(frozen=True)
class Del:
    text: str
    author: str = "Mia"
    italic: bool = False


@dataclass(frozen=True)
class MoveFrom:
    text: str
    author: str = "Mia"


@dataclass(frozen=True)
class MoveTo:
    text: str
    author: str = "Mia"


@dataclass(frozen=True)
class Fmt:
    """Text the reader made italic (``italic=True``) or plain (``italic=False``)."""

    text: str
    italic: bool = True
    author: str = "Mia"


@dataclass(frozen=True)
class Note:
    text: str
    body: str
    author: str = "Mia"
    replies: tuple[tuple[str, str], ...] = field(default=())  # (author, text)


MARK_INSERTED = "<mark inserted>"
MARK_DELETED = "<mark deleted>"

Piece = str | Italic | Ins | Del | MoveFrom | MoveTo | Fmt | Note
