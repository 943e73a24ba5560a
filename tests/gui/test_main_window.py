"""The window on small screens: a 1366 x 768 laptop, half of a 2048 px screen.

No panel, bar or toolbar may make the window wider than it was asked to be, opening or
closing the find bar never changes its size, and the outline stays readable.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ficwriter.gui.main_window import MainWindow
from ficwriter.history.database import database_path
from ficwriter.history.store import HistoryStore
from tests.faults import fill, tmpfs

SMALLEST_SCREEN_WIDTH = 1024  # half of a 2048 px screen


def _settle(qtbot) -> None:
    """Let the window's layout run (it is requested by posted events)."""
    QApplication.processEvents()
    qtbot.wait(50)


def _everything_shown(window, qtbot) -> None:
    """The widest the window gets: project issues with their long labels, history, find bar."""
    window.issues.set_scope("project")
    qtbot.waitUntil(lambda: len(window.issues.project.by_chapter()) == 1, timeout=15000)
    window.history.show()


@pytest.mark.parametrize("size", [(1024, 700), (1280, 800), (1366, 768)])
def test_the_window_fits_a_small_screen_with_every_panel_and_the_find_bar(opened, qtbot, size) -> None:
    window = opened
    _everything_shown(window, qtbot)
    window.resize(*size)
    _settle(qtbot)
    before = window.size()
    assert before.width() <= size[0] and before.height() <= size[1]
    window.find_bar.open(replace=True)
    _settle(qtbot)
    assert window.size() == before
    assert window.minimumSizeHint().width() <= SMALLEST_SCREEN_WIDTH
    assert window.outline.width() >= 160
    assert window.history.width() >= 240
    # made smaller than the 1400 px it opened at, the panels gave way too, not the text alone
    assert window.centralWidget().width() >= 0.4 * size[0]
    window.find_bar.close_bar()
    _settle(qtbot)
    assert window.size() == before
    assert window.outline.width() >= 160


def test_the_start_page_does_not_count_once_a_chapter_is_open(opened, qtbot) -> None:
    """The start page's row of buttons is wide: beside three panels it alone took 440 px of
    a 1024 px window, with the editor hardly narrower than that."""
    window = opened
    start_page_width = window.start_page.minimumSizeHint().width()
    window.history.show()
    _settle(qtbot)
    assert window.centralWidget().minimumSizeHint().width() < start_page_width / 2
    window.close_project()  # on the start page its width counts again
    _settle(qtbot)
    assert window.centralWidget().minimumSizeHint().width() >= start_page_width


def test_a_new_window_fits_its_screen(qtbot, app_settings) -> None:
    window = MainWindow(app_settings)
    qtbot.addWidget(window)
    room = window.screen().availableGeometry()
    assert window.width() <= room.width() and window.height() <= room.height()
    window.close()


def _three_chapters(tmp_path: Path) -> Path:
    from ficwriter.core.project import create_project

    root = create_project(tmp_path / "Places", "Places").root
    for name, text in (("01-a.md", "Alpha one.\n\n* * *\n\nAlpha two.\n"), ("02-b.md", "Beta.\n")):
        (root / "chapters" / name).write_text(text, encoding="utf-8")
    return root


def test_each_chapter_reopens_where_the_writer_left_it_also_in_a_new_window(
    window, tmp_path: Path, qtbot, app_settings
) -> None:
    root = _three_chapters(tmp_path)
    first, second = root / "chapters" / "01-a.md", root / "chapters" / "02-b.md"
    window.open_path(first)
    cursor = window.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)
    qtbot.keyClick(window.editor, Qt.Key.Key_Left)  # one before the end
    left_at = window.editor.textCursor().position()
    window.open_chapter(second, root)
    assert window.editor.textCursor().position() == 0  # never visited: the top
    window.open_chapter(first, root)
    assert window.editor.textCursor().position() == left_at
    window.close()
    again = MainWindow(app_settings)
    qtbot.addWidget(again)
    again.open_path(first)
    assert again.editor.textCursor().position() == left_at
    again.close()


def test_the_outline_follows_the_cursor_to_the_scene_it_is_in(window, tmp_path: Path, qtbot) -> None:
    root = _three_chapters(tmp_path)
    window.open_path(root / "chapters" / "01-a.md")
    qtbot.waitUntil(lambda: window.outline.scene_item(root / "chapters" / "01-a.md", 1) is not None)
    second = window.outline.scene_item(root / "chapters" / "01-a.md", 1)
    qtbot.keyClick(window.editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.outline.tree.currentItem() is second)
    qtbot.keyClick(window.editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    first = window.outline.scene_item(root / "chapters" / "01-a.md", 0)
    qtbot.waitUntil(lambda: window.outline.tree.currentItem() is first)
    assert window.focusWidget() is window.editor  # following never takes the focus


def test_a_project_on_a_disk_with_no_room_is_not_opened_and_its_history_stays(
    window, sample_project: Path, tmp_path: Path, monkeypatch
) -> None:
    complaints: list[str] = []
    monkeypatch.setattr(window, "complain", complaints.append)
    with tmpfs(tmp_path / "disk", size="4m") as disk:
        root = Path(shutil.copytree(sample_project, disk / "Starfall"))
        with HistoryStore.open(root) as store:
            store.record("chapters/01-the-long-walk.md", "Walking.\n", "external")
        kept = sorted(p.name for p in database_path(root).parent.iterdir())
        fill(disk, leave=0)
        assert not window.open_path(root)
        assert complaints == ["Cannot open the project Starfall: disk full: history not updated"]
        assert sorted(p.name for p in database_path(root).parent.iterdir()) == kept
        (disk / "filler").unlink()
