"""What a writer must be able to trust across closing and reopening: no false recovery
offer, a project open in another window said so plainly, and history working after any
number of closes and reopens."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import Qt

from ficwriter.gui.main_window import MainWindow


def _type_at_end(window, qtbot, text: str) -> None:
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.editor, text)


def _reopen(qtbot, app_settings, project: Path) -> MainWindow:
    again = MainWindow(app_settings)
    qtbot.addWidget(again)
    again.show()
    assert again.open_path(project)
    return again


def test_undoing_back_to_the_saved_text_leaves_nothing_to_recover(
        opened, sample_project: Path, qtbot, app_settings) -> None:
    window = opened
    _type_at_end(window, qtbot, " Typed, then taken back.")
    window.disk.write_journal()  # the journal's timer fired while the text was unsaved
    window.disk.flush_journal()
    while window.session.dirty:
        qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    window.close()
    again = _reopen(qtbot, app_settings, sample_project)
    assert "Recover it" not in again.bar.buttons or not again.bar.isVisible()
    again.close()


def test_saving_leaves_nothing_to_recover(opened, sample_project: Path, qtbot, app_settings) -> None:
    window = opened
    _type_at_end(window, qtbot, " Typed and saved.")
    window.disk.write_journal()
    qtbot.keyClick(window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.session.dirty
    window.close()
    again = _reopen(qtbot, app_settings, sample_project)
    assert not (again.bar.isVisible() and "Recover it" in again.bar.buttons)
    again.close()


def test_a_project_open_in_another_window_says_so_and_offers_no_recovery(
        window, sample_project: Path, qtbot) -> None:
    chapter = sorted((sample_project / "chapters").glob("*.md"))[0]
    first = MainWindow(window.settings)
    qtbot.addWidget(first)
    assert first.open_path(sample_project)
    _type_at_end(first, qtbot, " Unsaved in the first window.")
    first.disk.write_journal()
    first.disk.flush_journal()
    first.session.mark_saved()
    try:
        assert window.open_path(sample_project)
        text = window.bar.label.text()
        assert "Open in another ficwriter window: read-only." in text
        assert "Recover it" not in window.bar.buttons
        assert window.editor.isReadOnly()
        assert not window.menus.act_save.isEnabled()
        assert not window.history.restore_button.isEnabled()
        assert chapter.read_text(encoding="utf-8") == window.editor.text()
    finally:
        first.close()


def test_closing_and_reopening_a_project_five_times_keeps_history_working(
        window, sample_project: Path, qtbot, caplog) -> None:
    caplog.set_level(logging.WARNING)
    window.open_path(sample_project)
    window.history.show()  # the panel a writer left open stays open across the closes
    for round_ in range(5):
        assert window.open_path(sample_project)
        qtbot.waitUntil(lambda: window.history.list.topLevelItemCount() > 0)
        _type_at_end(window, qtbot, f" Round {round_}.")
        qtbot.keyClick(window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        rel = window.workspace.relative(window.session.path)
        assert window.workspace.store.latest(rel).source == "save"
        assert f"Round {round_}." in window.workspace.store.text(window.workspace.store.latest(rel).id)
        window.menus.act_close.trigger()
        assert window.workspace is None
    bad = [r for r in caplog.records
           if r.levelno >= logging.ERROR and r.name.startswith("ficwriter")]
    assert not bad, [r.getMessage() for r in bad]


def test_closing_the_window_ends_its_journal_thread_after_the_last_write(
        opened, sample_project: Path, qtbot, app_settings) -> None:
    window = opened
    _type_at_end(window, qtbot, " Unsaved words.")
    window.disk.write_journal()
    before = {t for t in threading.enumerate() if t.name == "ficwriter-journal"}
    window.session.mark_saved()  # close without the save question
    window.close()
    assert not any(t.is_alive() for t in before)  # one thread per window would pile up
