"""Shows a chapter's structure in the editor, one text block (one line) at a time.

Qt re-highlights only the block that changed (and the following ones while the carried
state changes), so a keystroke costs one line however long the chapter is. Which kind a
line is comes from ``core.chapter.parse`` of that line, and emphasis from ``core.inline``,
so the editor never disagrees with checks or exporters about what is a note or italic.
The kind is kept in the block's user state for the editor's painting (note shading, the
scene-break ornament, the "Note" label, the rule beside a block quote). Block markers
(``> ``, ``1. ``, ``- ``) are markup to the inline scanner, so they are dimmed like ``*``.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from ficwriter.core.chapter import (
    BlockQuote,
    Comment,
    ListBlock,
    Note,
    Paragraph,
    SceneBreak,
    SceneMeta,
    parse,
)
from ficwriter.core.inline import markup_positions, styled_ranges
from ficwriter.gui.theme import LIGHT, Theme

_CARRY_MASK = 0b11
_IN_NOTE = 0b01
_IN_COMMENT = 0b10
_KIND_SHIFT = 2


class LineKind(IntEnum):
    TEXT = 0
    BLANK = 1
    SCENE_BREAK = 2
    SCENE_META = 3
    COMMENT = 4
    NOTE_OPEN = 5
    NOTE_TEXT = 6
    NOTE_CLOSE = 7
    QUOTE = 8  # a block quote's line: markers dimmed, a rule painted beside it
    LIST_ITEM = 9  # a list item's first line: its number or bullet dimmed


NOTE_KINDS = frozenset({LineKind.NOTE_OPEN, LineKind.NOTE_TEXT, LineKind.NOTE_CLOSE})


def line_kind(state: int) -> LineKind:
    """The kind of a highlighted block from its ``userState()`` (TEXT before highlighting)."""
    if state < 0:
        return LineKind.TEXT
    return LineKind(state >> _KIND_SHIFT)


def _classify(line: str, carried: int) -> tuple[LineKind, int]:
    """The line's kind and the state carried to the next line."""
    if carried & _IN_COMMENT:
        return LineKind.COMMENT, 0 if "-->" in line else _IN_COMMENT
    if not line.strip():
        return (LineKind.NOTE_TEXT if carried & _IN_NOTE else LineKind.BLANK), carried
    if carried & _IN_NOTE:
        note = parse("::: note\n" + line).notes[0]
        if not note.paragraphs:
            return LineKind.NOTE_CLOSE, 0
        return LineKind.NOTE_TEXT, _IN_NOTE
    block = parse(line).blocks[0]
    if isinstance(block, SceneBreak):
        return LineKind.SCENE_BREAK, 0
    if isinstance(block, SceneMeta):
        return LineKind.SCENE_META, 0
    if isinstance(block, Note):
        return LineKind.NOTE_OPEN, _IN_NOTE
    if isinstance(block, Comment):
        return LineKind.COMMENT, 0 if "-->" in line[line.index("<!--") + 4 :] else _IN_COMMENT
    if isinstance(block, BlockQuote):
        return LineKind.QUOTE, 0
    if isinstance(block, ListBlock):
        return LineKind.LIST_ITEM, 0
    assert isinstance(block, Paragraph)
    return LineKind.TEXT, 0


_PROSE = frozenset({LineKind.TEXT, LineKind.NOTE_TEXT, LineKind.QUOTE, LineKind.LIST_ITEM})
_MARKS = frozenset(" \t>-+0123456789")  # first characters of block markers and indents


class ChapterHighlighter(QSyntaxHighlighter):
    """Emphasis shown italic/bold with dimmed markers; metadata and fences small and grey."""

    def __init__(self, document: QTextDocument, theme: Theme = LIGHT) -> None:
        super().__init__(document)
        self._formats: dict[str, QTextCharFormat] = {}
        self.set_theme(theme, rehighlight=False)

    def set_theme(self, theme: Theme, *, rehighlight: bool = True) -> None:
        muted = QColor(theme.muted)
        small = QTextCharFormat()
        small.setForeground(muted)
        small.setFontPointSize(max(7.0, self.document().defaultFont().pointSizeF() * 0.78))
        marker = QTextCharFormat()
        marker.setForeground(muted)
        hidden = QTextCharFormat()
        hidden.setForeground(QColor(0, 0, 0, 0))
        italic = QTextCharFormat()
        italic.setFontItalic(True)
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        both = QTextCharFormat(italic)
        both.merge(bold)
        self._formats = {"small": small, "marker": marker, "hidden": hidden}
        self._styles = {1: italic, 2: bold, 3: both}
        if rehighlight:
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        previous = self.previousBlockState()
        carried = previous & _CARRY_MASK if previous >= 0 else 0
        kind, carry = _classify(text, carried)
        self.setCurrentBlockState(carry | (kind << _KIND_SHIFT))
        if kind in (LineKind.SCENE_META, LineKind.COMMENT, LineKind.NOTE_OPEN, LineKind.NOTE_CLOSE):
            self.setFormat(0, len(text), self._formats["small"])
        elif kind is LineKind.SCENE_BREAK:
            self.setFormat(0, len(text), self._formats["hidden"])
        elif kind in _PROSE and text:
            self._emphasis(text)

    def _emphasis(self, text: str) -> None:
        if "*" not in text and "_" not in text and "\\" not in text and text[0] not in _MARKS:
            return
        style = [0] * len(text)  # bit 1 italic, bit 2 bold, so nesting combines
        for styled in styled_ranges(text):
            bit = 2 if styled.bold else 1
            for position in range(styled.start, styled.end):
                style[position] |= bit
        run_start = 0
        for position in range(1, len(text) + 1):
            if position == len(text) or style[position] != style[run_start]:
                if style[run_start]:
                    self.setFormat(run_start, position - run_start, self._styles[style[run_start]])
                run_start = position
        for position in markup_positions(text):
            self.setFormat(position, 1, self._formats["marker"])
