"""Find and replace under the editor: plain or regular-expression search, wrap-around.

The bar is one row where the editor is wide and wraps to two (find, then replace) where it
is narrow: opening it never makes the window wider.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ficwriter.gui.flow_layout import FlowLayout


class _FindField(QLineEdit):
    """The search field, with the outcome of the last search ("Not found", "3 replaced")
    small at its right end: a message then takes no room in the bar, so it never moves the
    buttons or adds a row."""

    def __init__(self) -> None:
        super().__init__(placeholderText="Find")
        self.note = QLabel(self)
        self.note.setObjectName("muted")
        self._message = ("", "")

    def say(self, message: str, detail: str = "") -> None:
        """Show ``message`` (short: it always shows) and ``detail`` after it where it fits."""
        self._message = (message, detail)
        self._place_note()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._place_note()

    def _place_note(self) -> None:
        """The message in up to half the field, its detail only if that fits too (the whole
        of it in the tooltip), and the typed text kept clear of it."""
        message, detail = self._message
        whole = f"{message}: {detail}" if detail else message
        metrics = self.note.fontMetrics()
        room = max(self.width() // 2, metrics.horizontalAdvance(message))
        shown = whole if metrics.horizontalAdvance(whole) <= room else message
        self.note.setText(shown)
        self.note.setToolTip(whole if shown != whole else "")
        width = metrics.horizontalAdvance(shown) + 4 if shown else 0
        self.setTextMargins(0, 0, width + 4 if shown else 0, 0)
        self.note.setGeometry(self.width() - width - 8, 0, width, self.height())


class FindBar(QFrame):
    closed = Signal()

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findbar")
        self._editor = editor
        self.find_edit = _FindField()
        self.status = self.find_edit.note
        self.replace_edit = QLineEdit(placeholderText="Replace with")
        self.regex = QCheckBox("Regex")
        self.case = QCheckBox("Match case")
        previous = QPushButton("Previous")
        following = QPushButton("Next")
        replace = QPushButton("Replace")
        replace_all = QPushButton("Replace all")
        done = QPushButton("Done")
        # finding and replacing each stay on one row; where the editor is narrow, replacing
        # moves to a second row instead of making the window wider. Done goes with
        # replacing: the fields take the room left, so it ends either row at the right
        layout = FlowLayout(self, margins=(12, 6, 12, 6))
        self.find_row = layout.add_group([self.find_edit, self.regex, self.case, previous, following])
        self.replace_row = layout.add_group([self.replace_edit, replace, replace_all, done])
        for field in (self.find_edit, self.replace_edit):
            field.setMinimumWidth(150)
        self.find_edit.returnPressed.connect(self.find_next)
        self.find_edit.textEdited.connect(lambda: self.find_edit.say(""))  # about the old text
        self.replace_edit.returnPressed.connect(self.replace_one)
        previous.clicked.connect(self.find_previous)
        following.clicked.connect(self.find_next)
        replace.clicked.connect(self.replace_one)
        replace_all.clicked.connect(self.replace_all)
        done.clicked.connect(self.close_bar)

    def open(self, *, replace: bool = False) -> None:
        self.show()
        selected = self._editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_edit.setText(selected)
        (self.replace_edit if replace and self.find_edit.text() else self.find_edit).setFocus()
        self.find_edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self._editor.setFocus()
        self.closed.emit()

    def event(self, event: QEvent) -> bool:
        """Esc belongs to the bar while it has the focus, even where the window has an Esc
        shortcut of its own (leaving focus mode)."""
        if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_Escape:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    def _pattern(self) -> QRegularExpression | str:
        text = self.find_edit.text()
        if not self.regex.isChecked():
            return text
        options = QRegularExpression.PatternOption.NoPatternOption
        if not self.case.isChecked():
            options |= QRegularExpression.PatternOption.CaseInsensitiveOption
        return QRegularExpression(text, options)

    def _flags(self, backward: bool = False) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.case.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        return flags

    def _valid(self) -> bool:
        pattern = self._pattern()
        if isinstance(pattern, QRegularExpression) and not pattern.isValid():
            self.find_edit.say("Bad pattern", pattern.errorString())
            return False
        return bool(self.find_edit.text())

    def _find(self, backward: bool) -> bool:
        if not self._valid():
            return False
        document = self._editor.document()
        pattern = self._pattern()
        start = self._editor.textCursor()
        found = document.find(pattern, start, self._flags(backward))
        if found.isNull():
            wrap = QTextCursor(document)
            if backward:
                wrap.movePosition(QTextCursor.MoveOperation.End)
            found = document.find(pattern, wrap, self._flags(backward))
        if found.isNull() or not found.hasSelection():
            self.find_edit.say("Not found")
            return False
        self.find_edit.say("")
        self._editor.setTextCursor(found)
        self._editor.centerCursor()
        return True

    def find_next(self) -> bool:
        return self._find(backward=False)

    def find_previous(self) -> bool:
        return self._find(backward=True)

    def _replacement(self, matched: str) -> str:
        pattern = self._pattern()
        if isinstance(pattern, QRegularExpression):
            match = pattern.match(matched)
            replacement = self.replace_edit.text()
            for group in range(pattern.captureCount(), -1, -1):
                replacement = replacement.replace(f"\\{group}", match.captured(group))
            return replacement
        return self.replace_edit.text()

    def _selection_matches(self) -> bool:
        cursor = self._editor.textCursor()
        if not cursor.hasSelection():
            return False
        probe = QTextCursor(cursor)
        probe.setPosition(cursor.selectionStart())
        found = self._editor.document().find(self._pattern(), probe, self._flags())
        return (found.selectionStart(), found.selectionEnd()) == (
            cursor.selectionStart(),
            cursor.selectionEnd(),
        )

    def replace_one(self) -> None:
        if not self._valid():
            return
        if self._selection_matches():
            cursor = self._editor.textCursor()
            cursor.insertText(self._replacement(cursor.selectedText()))
        self.find_next()

    def replace_all(self) -> int:
        """Replace every match as one undo step; returns how many were replaced."""
        if not self._valid():
            return 0
        document = self._editor.document()
        pattern = self._pattern()
        cursor = QTextCursor(document)
        edit = QTextCursor(document)
        edit.beginEditBlock()
        count = 0
        while True:
            cursor = document.find(pattern, cursor, self._flags())
            if cursor.isNull() or not cursor.hasSelection():
                break
            cursor.insertText(self._replacement(cursor.selectedText()))
            count += 1
        edit.endEditBlock()
        self.find_edit.say(f"{count:,} replaced")
        return count
