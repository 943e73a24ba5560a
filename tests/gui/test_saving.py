"""Saving as the writer sees it: the status bar tells a save from an autosave, the title
marks unsaved text, and the restore dialog says which revision it puts back."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


def _type(window, qtbot, text: str) -> None:
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.editor, text)


def test_ctrl_s_says_saved_and_the_title_marks_unsaved_text(opened, qtbot) -> None:
    window = opened
    assert "*" not in window.windowTitle().replace("[*]", "") and not window.isWindowModified()
    _type(window, qtbot, " More.")
    assert window.isWindowModified()
    assert window.status.saved.text() == "Edited"
    qtbot.keyClick(window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.status.saved.text() == "Saved"
    assert not window.isWindowModified()


def test_the_autosave_says_autosaved_with_the_time(opened, qtbot) -> None:
    window = opened
    window.settings.autosave_seconds = 1
    window.apply_autosave_interval()
    _type(window, qtbot, " Left to the timer.")
    qtbot.waitUntil(lambda: not window.session.dirty, timeout=5000)
    assert re.fullmatch(r"Autosaved \d\d:\d\d", window.status.saved.text())
    assert "Left to the timer." in window.session.path.read_text(encoding="utf-8")


def test_the_restore_dialog_names_the_revision_it_puts_back(opened, qtbot) -> None:
    window = opened
    _type(window, qtbot, " First version.")
    qtbot.keyClick(window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    window.history_actions.create_snapshot("Sent to beta")
    _type(window, qtbot, " Second version.")
    qtbot.keyClick(window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    window.history.show()
    qtbot.waitUntil(lambda: window.history.list.topLevelItemCount() >= 2)
    window.history.list.setCurrentItem(window.history.list.topLevelItem(1))
    asked: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.No).click()

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(window.history.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(asked))
    text = asked[0]
    assert "Saved at" in text and "words" in text and "\u201cSent to beta\u201d" in text
    assert window.session.path.name in text
    assert "Second version." in window.editor.text()  # "No" put nothing back
