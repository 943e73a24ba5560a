"""The real main window, offscreen, on a copy of the sample project in tmp_path."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from ficwriter import paths
from ficwriter.gui.app_settings import AppSettings
from ficwriter.gui.threads.gc_guard import collect_on_gui_thread
from ficwriter.gui.threads.gc_guard import release as release_collection
from ficwriter.gui.main_window import MainWindow


@pytest.fixture
def app_settings(tmp_path: Path) -> AppSettings:
    """Settings in a file of the test's own, so tests never touch the user's settings."""
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def sample_project(tmp_path: Path) -> Path:
    source = paths.sample_project()
    if not source.is_dir():
        pytest.skip("the sample project has not landed in this tree")
    return paths.copy_sample_project(tmp_path / "Starfall")


@pytest.fixture
def window(qtbot, qapp, app_settings: AppSettings):
    """The main window as ``ficwriter`` makes it (garbage collected on the GUI thread only,
    as the app does; other tests get automatic collection back afterwards)."""
    collected = gc.isenabled()
    collect_on_gui_thread(qapp)
    win = MainWindow(app_settings)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    release_collection()  # frozen Qt wrappers must not wait for the interpreter's exit
    if not collected:
        gc.disable()


@pytest.fixture
def chapter_file(tmp_path: Path) -> Path:
    """A small chapter with every kind of structure, in a loose folder."""
    folder = tmp_path / "loose"
    folder.mkdir()
    path = folder / "chapter.md"
    path.write_text(
        "::: note\nThanks for reading!\n:::\n\n"
        '<!-- scene: title="Gate"; pov=Wren -->\n'
        "Wren walked *slowly* to the gate.\n\n"
        "The gate was shut.\n\n* * *\n\n"
        "Morning came, and **nobody** spoke.\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def opened(window, sample_project: Path, qtbot):
    """The window on the sample project's first chapter, checked by every fast engine (a
    long check also delivers part-way results: the first underline is not the last)."""
    assert window.open_path(sample_project)
    qtbot.waitUntil(lambda: len(window.issue_layer) > 0 and window.checks.idle(), timeout=15000)
    return window


def underlined(window) -> list[str]:
    """The words the editor underlines right now, in order."""
    return [shown.cursor.selectedText() for shown in window.issue_layer.shown]


def shown_on(window, word: str):
    return next(s for s in window.issue_layer.shown if s.cursor.selectedText() == word)
