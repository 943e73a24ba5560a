"""Starting the window: ``ficwriter`` (start page) and ``ficwriter PATH``.

``FICWRITER_QUIT_WHEN_SHOWN=1`` prints ``shown`` and quits as soon as the window is on
screen with its chapter open; the start-up benchmark times a real start up to that line.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ficwriter.gui.app_settings import AppSettings
from ficwriter.gui.gc_guard import collect_on_gui_thread
from ficwriter.gui.main_window import MainWindow
from ficwriter.gui.theme import apply_theme, theme_named

QUIT_WHEN_SHOWN = "FICWRITER_QUIT_WHEN_SHOWN"


def application() -> QApplication:
    """The running QApplication, created with ficwriter's names if there is none yet."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setOrganizationName("ficwriter")
    app.setApplicationName("ficwriter")
    app.setApplicationDisplayName("ficwriter")
    collect_on_gui_thread(app)
    return app


def _announce_and_quit(app: QApplication) -> None:
    print("shown", flush=True)
    QTimer.singleShot(0, app.quit)


def run(paths: list[str]) -> int:
    app = application()
    settings = AppSettings()
    apply_theme(app, theme_named(settings.theme))
    window = MainWindow(settings)
    window.restore_layout()
    if paths:
        window.open_path(Path(paths[0]))
    if os.environ.get(QUIT_WHEN_SHOWN):
        window.shown.connect(lambda: _announce_and_quit(app))
    window.show()
    return app.exec()
