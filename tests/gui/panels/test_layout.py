"""The panels' layout: focus mode (F11: everything but the text goes, a brief note says how
to come back, Esc comes back too, the word counts stay), the sizes a laptop screen gives
each panel, and panels locked in place until the writer unlocks them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget


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


def test_focus_mode_keeps_the_word_counts_dimmed_at_the_bottom(opened, qtbot) -> None:
    from PySide6.QtCore import Qt

    window = opened
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_F11)
    words = window.focus_words
    assert not window.statusBar().isVisible() and words.isVisible()
    editor = window.editor.geometry()
    assert words.geometry().top() >= editor.bottom()  # under the text, covering none of it
    assert words.geometry().bottom() >= window.centralWidget().height() - 40
    before = words.text()
    assert "words" in before and "this session" in before
    qtbot.keyClick(window.editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.editor, " Three more words")
    qtbot.waitUntil(lambda: words.text() != before and "+3 this session" in words.text())
    qtbot.keyClick(window.editor, Qt.Key.Key_Escape)
    assert not words.isVisible() and window.statusBar().isVisible()


def _rows_shown(table) -> float:
    return table.viewport().height() / table.verticalHeader().defaultSectionSize()


def _all_panels_on_a(window, qtbot, size) -> None:
    window.resize(*size)
    window.history.show()
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(30)


@pytest.mark.parametrize("size", [(1366, 768), (1024, 700)])
def test_a_laptop_screen_shows_eight_issue_rows_and_a_one_line_status(opened, qtbot, size) -> None:
    window = opened
    _all_panels_on_a(window, qtbot, size)
    window.issues.set_checker_status("", "LanguageTool unavailable: could not download it. " * 6)
    QApplication.processEvents()
    status = window.issues.status
    assert _rows_shown(window.issues.table) >= 8
    assert status.height() < 2 * status.fontMetrics().lineSpacing()
    assert status.text().endswith("\u2026") and "LanguageTool" in status.toolTip()


def _history_misfit(window) -> str | None:
    """What of the history panel is out of sight: fewer than twelve diff lines, a clipped
    column of the revision list; None when it all fits."""
    if window.history.visibleRegion().isEmpty():
        return "history is behind another panel"
    diff = window.history.diff_view
    lines = diff.viewport().height() / diff.fontMetrics().lineSpacing()
    if lines < 12:
        return f"{lines:.1f} diff lines"
    tree = window.history.list
    header = tree.header()
    for column in range(header.count()):
        if header.isSectionHidden(column):
            continue
        if header.sectionPosition(column) + header.sectionSize(column) > tree.viewport().width():
            return f"column {column} runs past the panel's edge"
        if column in ELIDED_HISTORY_COLUMNS:
            continue
        needed = max(tree.sizeHintForColumn(column), header.sectionSizeHint(column))
        if header.sectionSize(column) < needed:
            return f"column {column} is {header.sectionSize(column)} px of {needed}"
    return None


ELIDED_HISTORY_COLUMNS = (1, 4)  # source and snapshot names: elided, whole in the tooltip


def _history_fits(window, qtbot) -> None:
    """Twelve lines of diff and every column of the revision list in sight, once the
    layout has settled (a loaded machine delivers the resize events late). The history
    holds the longest source the window writes ("Chapters: Move Chapter")."""
    window.chapter_actions.move_chapter_by(window.session.path, 1)
    qtbot.waitUntil(lambda: any(
        "Move Chapter" in window.history.list.topLevelItem(k).text(1)
        for k in range(window.history.list.topLevelItemCount())))
    try:
        qtbot.waitUntil(lambda: _history_misfit(window) is None, timeout=5000)
    except qtbot.TimeoutError:
        raise AssertionError(_history_misfit(window)) from None


@pytest.mark.parametrize("size", [(1366, 768), (1024, 700)])
def test_the_history_diff_shows_twelve_lines_and_every_column_on_a_laptop(opened, qtbot, size) -> None:
    _all_panels_on_a(opened, qtbot, size)
    _history_fits(opened, qtbot)
    assert _rows_shown(opened.issues.table) >= 8


@pytest.mark.parametrize("size", [(1366, 768), (1024, 700)])
def test_a_window_that_starts_small_fits_every_panel(window, sample_project: Path, qtbot, size) -> None:
    window.resize(*size)
    assert window.open_path(sample_project)
    window.history.toggleViewAction().trigger()  # View -> History, as the writer opens it
    _history_fits(window, qtbot)
    assert _rows_shown(window.issues.table) >= 8


def test_on_a_small_window_history_is_a_tab_beside_the_outline_and_moves_out_when_wide(
        opened, qtbot) -> None:
    window = opened
    _all_panels_on_a(window, qtbot, (1024, 700))
    assert window.outline in window.tabifiedDockWidgets(window.history)
    qtbot.waitUntil(lambda: window.outline.visibleRegion().isEmpty())  # history in front
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: not window.tabifiedDockWidgets(window.history))
    assert window.dockWidgetArea(window.history) == Qt.DockWidgetArea.RightDockWidgetArea
    qtbot.waitUntil(lambda: not window.outline.visibleRegion().isEmpty()
                    and not window.history.visibleRegion().isEmpty())  # both in sight again


def test_panels_are_locked_until_the_writer_unlocks_them(opened, qtbot) -> None:
    window = opened
    movable = QDockWidget.DockWidgetFeature.DockWidgetMovable
    floatable = QDockWidget.DockWidgetFeature.DockWidgetFloatable
    for dock in (window.outline, window.issues, window.history):
        assert not dock.features() & (movable | floatable)
    # a drag on the title bar does not tear the panel off
    title = window.issues.mapTo(window, window.issues.rect().topLeft()) + QPoint(60, 10)
    QTest.mousePress(window, Qt.MouseButton.LeftButton, pos=title)
    QTest.mouseMove(window, title + QPoint(200, -300))
    QTest.mouseRelease(window, Qt.MouseButton.LeftButton, pos=title + QPoint(200, -300))
    assert not window.issues.isFloating()
    window.menus.act_unlock_panels.trigger()
    assert window.issues.features() & movable and window.issues.features() & floatable
