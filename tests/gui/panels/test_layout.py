"""Focus mode (F11): everything but the text goes, a brief note says how to come back, and
Esc comes back too, except while the find bar has Esc for itself."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt


def test_focus_mode_says_how_to_leave_and_esc_leaves(window, chapter_file: Path, qtbot) -> None:
    window.open_path(chapter_file)
    hint = window.panels.focus_hint
    assert not hint.isVisible()
    qtbot.keyClick(window.editor, Qt.Key.Key_F11)
    assert not window.menuBar().isVisible()
    assert hint.isVisible() and "F11" in hint.text() and "Esc" in hint.text()
    assert hint.geometry().top() < 40  # small, at the top of the page
    assert hint.width() < window.width() / 2
    assert abs(hint.geometry().center().x() - window.centralWidget().width() / 2) <= 2
    qtbot.keyClick(window.editor, Qt.Key.Key_Escape)
    assert window.menuBar().isVisible() and window.outline.isVisible()
    assert not hint.isVisible()
    assert not window.menus.act_focus.isChecked()


def test_the_focus_note_fades_away_by_itself(window, chapter_file: Path, qtbot) -> None:
    window.open_path(chapter_file)
    window.panels.toggle_focus_mode(True)
    assert window.panels.focus_hint.isVisible()
    qtbot.waitUntil(lambda: not window.panels.focus_hint.isVisible(), timeout=10000)
    assert not window.menuBar().isVisible()  # still in focus mode


def test_esc_in_the_find_bar_closes_only_the_find_bar(window, chapter_file: Path, qtbot) -> None:
    window.open_path(chapter_file)
    window.panels.toggle_focus_mode(True)
    window.find_bar.open()
    qtbot.keyClick(window.find_bar.find_edit, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert not window.menuBar().isVisible()  # still in focus mode
    qtbot.keyClick(window.editor, Qt.Key.Key_Escape)
    assert window.menuBar().isVisible()


def test_esc_does_nothing_outside_focus_mode(window, chapter_file: Path, qtbot) -> None:
    window.open_path(chapter_file)
    qtbot.keyClick(window.editor, Qt.Key.Key_Escape)
    assert window.menuBar().isVisible() and window.outline.isVisible()
    assert not window.panels.focus_hint.isVisible()
