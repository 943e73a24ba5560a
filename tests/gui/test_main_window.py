"""The window on small screens: a 1366 x 768 laptop, half of a 2048 px screen.

No panel, bar or toolbar may make the window wider than it was asked to be, opening or
closing the find bar never changes its size, and the outline stays readable.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from ficwriter.gui.main_window import MainWindow

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
