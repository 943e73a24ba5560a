"""The chapter editor: the chapter file's text, edited directly, with its structure shown.

The document holds exactly the file's text (the file is the truth); nothing is hidden or
rewritten. Structure is drawn on top: the highlighter styles each line, and this widget
paints what a character format cannot — note shading across the column, the "Note" label
and the centred scene-break ornament — for the visible lines only. The text sits in a
centred column of readable width.
"""

from __future__ import annotations

import html

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QGuiApplication,
    QHelpEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QToolTip, QWidget

from ficwriter.checks.issue import Category
from ficwriter.checks.messages import message_html, readable
from ficwriter.gui.editor import formatting
from ficwriter.gui.editor.paste import FICWRITER_MIME, plain_paste, rich_paste
from ficwriter.gui.editor.highlighter import NOTE_KINDS, ChapterHighlighter, LineKind, line_kind
from ficwriter.gui.editor.issue_layer import IssueLayer, ShownIssue
from ficwriter.gui.editor.positions import QtPositions
from ficwriter.gui.theme import LIGHT, Theme, editor_font

ORNAMENT = "\u2042"  # ⁂
_OPENING_LINES = frozenset({LineKind.NOTE_OPEN, LineKind.SCENE_META})
DEFAULT_COLUMN_CHARS = 70


class ChapterEditor(QPlainTextEdit):
    """A plain-text editor for one chapter, with a centred column and painted structure."""

    applyRequested = Signal(object, str)  # ShownIssue, replacement
    dismissRequested = Signal(object)  # ShownIssue
    dismissRuleRequested = Signal(object)  # ShownIssue
    addWordRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None, theme: Theme = LIGHT) -> None:
        super().__init__(parent)
        self.issue_layer = IssueLayer(self, theme)
        self._theme = theme
        self._column_chars = DEFAULT_COLUMN_CHARS
        self.setObjectName("editor")
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setCenterOnScroll(False)
        self.document().setDocumentMargin(24)
        self.highlighter = ChapterHighlighter(self.document(), theme)
        self.set_editor_font(editor_font())
        self.set_theme(theme)

    # -- appearance -------------------------------------------------------------------
    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.setStyleSheet(
            f"QPlainTextEdit#editor {{ background: {theme.paper}; color: {theme.text};"
            f" selection-background-color: {theme.selection}; selection-color: {theme.text};"
            " border: none; }"
        )
        self.highlighter.set_theme(theme)
        self.issue_layer.set_theme(theme)
        self.viewport().update()

    @property
    def theme(self) -> Theme:
        return self._theme

    def set_editor_font(self, font: QFont) -> None:
        self.setFont(font)
        self.document().setDefaultFont(font)
        metrics = QFontMetricsF(font)
        self.setTabStopDistance(metrics.horizontalAdvance(" ") * 4)
        self.highlighter.set_theme(self._theme)
        self._update_margins()

    def set_column_chars(self, chars: int) -> None:
        self._column_chars = max(30, chars)
        self._update_margins()

    def column_width(self) -> int:
        metrics = QFontMetricsF(self.font())
        margin = 2 * self.document().documentMargin()
        return int(metrics.averageCharWidth() * self._column_chars * 1.08 + margin)

    def _update_margins(self) -> None:
        spare = max(0, self.width() - self.verticalScrollBar().sizeHint().width() - self.column_width())
        side = spare // 2
        self.setViewportMargins(side, 0, spare - side, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        self._update_margins()  # before Qt lays the text out again for the new width
        super().resizeEvent(event)

    # -- text and positions -----------------------------------------------------------
    def text(self) -> str:
        """The document as ficwriter text: LF line ends, every character kept (NBSP too)."""
        return self.document().toRawText().replace("\u2029", "\n").replace("\u2028", "\n")

    def positions(self) -> QtPositions:
        return QtPositions(self.text())

    def select_range(self, start: int, end: int) -> None:
        """Select Qt positions ``start:end`` and bring them into view."""
        cursor = self.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()

    def go_to(self, position: int) -> None:
        """Put the cursor at Qt position ``position``, centred in view, and focus the text."""
        cursor = self.textCursor()
        cursor.setPosition(max(0, min(position, self.document().characterCount() - 1)))
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus()

    def replace_range(self, start: int, end: int, text: str) -> None:
        """Replace Qt positions ``start:end`` by ``text`` as one undo step."""
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text)
        cursor.endEditBlock()

    # -- writing: Enter, formatting, paste -----------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Enter ends the paragraph (a blank line in the file, as the format has it);
        Shift+Enter is a line break inside it (verse, a letter, a text message)."""
        key, mods = event.key(), event.modifiers()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        plain = not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                            | Qt.KeyboardModifier.MetaModifier)
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
            return
        if event.matches(QKeySequence.StandardKey.Redo):
            self.redo()
            return
        if enter and plain and not self.isReadOnly():
            cursor = self.textCursor()
            if mods & Qt.KeyboardModifier.ShiftModifier:
                cursor.insertText("\n")
            else:
                # on a line that is empty already one more line end makes the blank line; a
                # note's opening fence and a scene's metadata line stand right above their
                # text, so after them it is a line end too
                block = cursor.block()
                opens = line_kind(block.userState()) in _OPENING_LINES
                at_end = cursor.position() == block.position() + block.length() - 1
                single = not block.text().strip() or (opens and at_end)
                cursor.insertText("\n" if single else "\n\n")
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
            return
        super().keyPressEvent(event)

    def undo(self) -> None:
        """Undo one step and put the cursor where that step changed the text: Qt leaves it
        where the step's edit block began (the top, for Replace All or a reload)."""
        self._step(super().undo)

    def redo(self) -> None:
        self._step(super().redo)

    def _step(self, step: Callable[[], None]) -> None:
        changes: list[tuple[int, int]] = []

        def note(position: int, _removed: int, added: int) -> None:
            changes.append((position, added))

        document = self.document()
        document.contentsChange.connect(note)
        try:
            step()
        finally:
            document.contentsChange.disconnect(note)
        if changes:
            position, added = changes[0]
            cursor = self.textCursor()
            cursor.setPosition(min(position + added, document.characterCount() - 1))
            self.setTextCursor(cursor)
            self.ensureCursorVisible()

    def _apply(self, edit_for: Callable[[str, int, int], formatting.Edit]) -> None:
        """Compute an edit from the text and the selection; apply it as one undo step."""
        if self.isReadOnly():
            return
        text, positions, cursor = self.text(), self.positions(), self.textCursor()
        start = positions.from_qt(cursor.selectionStart())
        end = positions.from_qt(cursor.selectionEnd())
        edit = edit_for(text, start, end)
        self.replace_range(positions.to_qt(edit.start), positions.to_qt(edit.end), edit.text)
        after = self.positions()
        self.select_range(after.to_qt(edit.select[0]), after.to_qt(edit.select[1]))

    def toggle_italic(self) -> None:
        self._apply(lambda text, a, b: formatting.toggle_emphasis(text, a, b, formatting.ITALIC))

    def toggle_bold(self) -> None:
        self._apply(lambda text, a, b: formatting.toggle_emphasis(text, a, b, formatting.BOLD))

    def toggle_block_quote(self) -> None:
        self._apply(formatting.toggle_block_quote)

    def insert_author_note(self) -> None:
        self._apply(formatting.author_note)

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 (Qt's name)
        """A copy carries the chapter text exactly (notes, breaks and all) for pasting here
        again, and the same as plain text for other programs (never the highlighter's
        colours as rich text)."""
        selected = self.textCursor().selectedText().replace("\u2029", "\n").replace("\u2028", "\n")
        data = QMimeData()
        data.setText(selected)
        data.setData(FICWRITER_MIME, selected.encode("utf-8"))
        return data

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 (Qt's name)
        """Paste: ficwriter's own text as it is; rich text with only italic, bold,
        paragraphs and breaks kept; plain text with its paragraphs (see ``paste``)."""
        if source.hasFormat(FICWRITER_MIME):
            text = bytes(source.data(FICWRITER_MIME).data()).decode("utf-8")
        elif source.hasHtml():
            text = rich_paste(source.html(), source.text())
        elif source.hasText():
            text = plain_paste(source.text())
        else:
            return
        self._insert(text)

    def _insert(self, text: str) -> None:
        cursor = self.textCursor()
        cursor.insertText(text)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def paste_plain(self) -> None:
        """Ctrl+Shift+V: the clipboard's plain text, paragraphs kept, never its formatting."""
        source = QGuiApplication.clipboard().mimeData()
        if source is None or not source.hasText() or self.isReadOnly():
            return
        self._insert(plain_paste(source.text()))

    # -- issues under the pointer --------------------------------------------------------------
    def issue_at_point(self, point) -> ShownIssue | None:
        return self.issue_layer.issue_at(self.cursorForPosition(point).position())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)):
            # Ctrl+Z goes to the window's Undo, which decides between the text and the
            # chapter commands (actions.edit_undo); with no such shortcut it comes back
            # here as a key press (keyPressEvent)
            event.ignore()
            return True
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            shown = self.issue_at_point(self.viewport().mapFromGlobal(event.globalPos()))
            if shown is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), issue_tooltip(shown), self)
            return True
        return super().event(event)

    def fill_issue_menu(self, shown: ShownIssue, menu: QMenu) -> None:
        """The issue's actions: its suggestions first, then Dismiss, Dismiss rule, Add word."""
        for suggestion in shown.issue.suggestions[:6]:
            action = menu.addAction(suggestion if suggestion.strip() else "(remove)")
            action.triggered.connect(lambda _=False, s=suggestion: self.applyRequested.emit(shown, s))
            font = action.font()
            font.setBold(True)
            action.setFont(font)
        if not shown.issue.suggestions:
            menu.addAction(readable(shown.issue.message)).setEnabled(False)
        menu.addSeparator()
        menu.addAction("Dismiss", lambda: self.dismissRequested.emit(shown))
        menu.addAction(
            f"Dismiss rule \u201c{shown.issue.rule_name}\u201d",
            lambda: self.dismissRuleRequested.emit(shown),
        )
        if shown.issue.category is Category.SPELLING:
            word = shown.cursor.selectedText()
            menu.addAction(
                f"Add \u201c{word}\u201d to dictionary", lambda: self.addWordRequested.emit(word)
            )

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt's name)
        standard = self.createStandardContextMenu(event.pos())
        shown = self.issue_at_point(event.pos())
        menu = standard
        if shown is not None:
            menu = QMenu(self)
            self.fill_issue_menu(shown, menu)
            menu.addSeparator()
            menu.addActions(standard.actions())
        menu.exec(event.globalPos())
        menu.deleteLater()
        standard.deleteLater()

    # -- painting ---------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        visible = list(self._visible_blocks(event.rect()))
        painter = QPainter(self.viewport())
        note_brush = QColor(self._theme.note_background)
        width = self.viewport().width()
        for block, rect in visible:
            if line_kind(block.userState()) in NOTE_KINDS:
                painter.fillRect(QRectF(0, rect.top(), width, rect.height()), note_brush)
        painter.end()
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for block, rect in visible:
            kind = line_kind(block.userState())
            if kind is LineKind.SCENE_BREAK:
                self._paint_ornament(painter, rect)
            elif kind is LineKind.NOTE_OPEN:
                self._paint_note_label(painter, rect)
            elif kind is LineKind.QUOTE:
                self._paint_quote_rule(painter, rect)
        painter.end()

    def _visible_blocks(self, area: QRect):
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        bottom = area.bottom()
        while block.isValid():
            rect = self.blockBoundingGeometry(block).translated(offset)
            if rect.top() > bottom:
                break
            if block.isVisible() and rect.bottom() >= area.top():
                yield block, rect
            block = block.next()

    def _paint_ornament(self, painter: QPainter, rect: QRectF) -> None:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)
        painter.setFont(font)
        painter.setPen(QColor(self._theme.muted))
        painter.drawText(
            QRectF(0, rect.top(), self.viewport().width(), rect.height()),
            Qt.AlignmentFlag.AlignCenter,
            f"{ORNAMENT}",
        )

    def _paint_quote_rule(self, painter: QPainter, rect: QRectF) -> None:
        """A block quote's rule in the margin, as a reader sees a quoted letter set off."""
        left = self.document().documentMargin() / 2
        painter.fillRect(QRectF(left, rect.top(), 3, rect.height()), QColor(self._theme.muted))

    def _paint_note_label(self, painter: QPainter, rect: QRectF) -> None:
        font = QFont(self.parentWidget().font() if self.parentWidget() else self.font())
        font.setFamilies(["Inter", "Cantarell", "Noto Sans", "DejaVu Sans", "sans-serif"])
        font.setPointSizeF(8)
        font.setWeight(QFont.Weight.DemiBold)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
        painter.setFont(font)
        label = "NOTE"
        metrics = QFontMetricsF(font)
        w = metrics.horizontalAdvance(label) + 14
        h = metrics.height() + 4
        margin = self.document().documentMargin()
        box = QRectF(self.viewport().width() - margin - w, rect.top() + (rect.height() - h) / 2, w, h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self._theme.accent))
        painter.drawRoundedRect(box, h / 2, h / 2)
        painter.setPen(QColor(self._theme.paper))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)


def issue_tooltip(shown: ShownIssue) -> str:
    issue = shown.issue
    engines = ", ".join(issue.engines)
    suggestion = (
        f"<br>Suggestion: <i>{html.escape(issue.suggestions[0])}</i>" if issue.suggestions else ""
    )
    return (
        f"<b>{message_html(issue.message)}</b>{suggestion}"
        f"<br><small>{html.escape(issue.rule_name)} ({html.escape(issue.rule_id)}) · {engines}</small>"
    )
