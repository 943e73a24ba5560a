"""What the chapter-command tests share: answering the dialogs a command opens, choosing in
a menu as with the keys, and the project's chapters as file names."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMenu, QMessageBox

from ficwriter.core.project import open_project

CTRL = Qt.KeyboardModifier.ControlModifier


def later(qtbot, act) -> None:
    """Run ``act(dialog)`` on the modal dialog about to open (it blocks the caller)."""
    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, run)
            return
        act(dialog)
    QTimer.singleShot(0, run)


def type_into_input(qtbot, text: str):
    def act(dialog) -> None:
        assert isinstance(dialog, QInputDialog)
        edit = dialog.findChild(QLineEdit)
        edit.selectAll()
        qtbot.keyClicks(edit, text)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    return act


def answer_yes(dialog) -> None:
    assert isinstance(dialog, QMessageBox)
    dialog.button(QMessageBox.StandardButton.Yes).click()


def choose(qtbot, menu: QMenu, text: str) -> None:
    """Pick ``text`` in the menu as with the arrow keys and Enter."""
    menu.popup(QPoint(10, 10))
    qtbot.waitUntil(menu.isVisible)
    action = next(a for a in menu.actions() if a.text() == text)
    assert action.isEnabled(), f"{text} is disabled"
    menu.setActiveAction(action)
    qtbot.keyClick(menu, Qt.Key.Key_Return)


def chapter_item(window, number: int):
    return window.outline.tree.topLevelItem(number - 1)


def names(root: Path) -> list[str]:
    return [p.name for p in open_project(root).chapters()]


def back_to_window(window, qtbot) -> None:
    """The window active again, as the desktop makes it when a dialog closes (offscreen,
    nothing does; the window's shortcuts need it)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
