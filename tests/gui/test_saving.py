"""Saving as the writer sees it: the status bar tells a save from an autosave, the title
marks unsaved text, the restore dialog says which revision it puts back, and a full disk
is said on the bar while the chapter file is still saved where it fits."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ficwriter.history.database import database_path
from tests.faults import fill, tmpfs


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


@pytest.fixture
def on_small_disk(window, sample_project: Path, tmp_path: Path, qtbot):
    """The window on the sample project copied onto a small tmpfs of its own."""
    with tmpfs(tmp_path / "disk", size="4m") as disk:
        root = Path(shutil.copytree(sample_project, disk / "Starfall"))
        assert window.open_path(root)
        qtbot.waitUntil(lambda: window.checks.idle(), timeout=15000)
        yield window, disk
        window.close_project()


def _state_files(window) -> list[str]:
    return sorted(p.name for p in database_path(window.workspace.root).parent.iterdir())


def test_a_save_on_a_full_disk_writes_the_chapter_and_the_bar_says_history_missed_it(
    on_small_disk, qtbot
) -> None:
    window, disk = on_small_disk
    before = _state_files(window)
    fill(disk, leave=16384)  # room for the chapter file, not for history's pages
    _type(window, qtbot, " Written on a full disk.")
    qtbot.keyClick(window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "Written on a full disk." in window.session.path.read_text(encoding="utf-8")
    assert not window.isWindowModified()
    assert window.status.saved.text() == "Saved; disk full: history not updated"
    qtbot.waitUntil(lambda: window.history_trouble.showing)
    assert window.bar.label.text().startswith("Disk full: history not updated.")
    assert _state_files(window) == before  # nothing set aside, no stray files
    (disk / "filler").unlink()
    _type(window, qtbot, " And with room.")
    qtbot.keyClick(window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.status.saved.text() == "Saved"
    assert window.bar.isHidden()
    store, rel = window.workspace.store, window.workspace.relative(window.session.path)
    texts = [store.text(r.id) for r in store.revisions(rel)[:2]]
    assert texts[0].rstrip().endswith("full disk. And with room.")
    assert texts[1].rstrip().endswith("full disk.")  # the save history missed, caught up


def test_a_save_on_a_disk_with_no_room_says_so_and_keeps_the_text(
    on_small_disk, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, disk = on_small_disk
    on_disk = window.session.path.read_bytes()
    complaints: list[str] = []
    monkeypatch.setattr(window, "complain", complaints.append)
    fill(disk, leave=0)
    _type(window, qtbot, " No room for this.")
    qtbot.keyClick(window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(complaints) == 1 and "the disk is full" in complaints[0]
    assert window.session.path.read_bytes() == on_disk
    assert window.isWindowModified() and "No room for this." in window.editor.text()
    qtbot.waitUntil(lambda: window.history_trouble.showing)  # the journal could not keep it
    assert not [n for n in _state_files(window) if "damaged" in n]
    (disk / "filler").unlink()


def test_the_journal_on_a_full_disk_says_it_once_and_never_fails_a_pause(
    on_small_disk, qtbot, caplog: pytest.LogCaptureFixture
) -> None:
    window, disk = on_small_disk
    caplog.set_level(logging.WARNING)
    fill(disk, leave=0)
    for pause in range(3):  # each typing pause hands the unsaved text to the journal
        _type(window, qtbot, f" Pause {pause}.")
        window.disk.write_journal()
        window.disk.flush_journal()
    qtbot.waitUntil(lambda: window.history_trouble.showing)
    said = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(said) == 1 and said[0].startswith("disk full: history not updated")
    assert window.isWindowModified() and "Pause 2." in window.editor.text()
    (disk / "filler").unlink()
