"""Starting the window: ``ficwriter`` (start page) and ``ficwriter PATH``.

``FICWRITER_QUIT_WHEN_SHOWN=1`` prints ``shown`` and quits as soon as the window is on
screen with its chapter open; the start-up benchmark times a real start up to that line.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

import ficwriter
from ficwriter import paths
from ficwriter.gui.app_settings import AppSettings
from ficwriter.gui.threads.gc_guard import collect_on_gui_thread
from ficwriter.gui.threads.gc_guard import release as release_collection
from ficwriter.gui.main_window import MainWindow
from ficwriter.gui.theme import apply_theme, theme_named
from ficwriter.logs import start_log_file

QUIT_WHEN_SHOWN = "FICWRITER_QUIT_WHEN_SHOWN"
# How long a thread may hold the interpreter before another one gets a turn. The checker's
# threads run Python (the fiction rules, putting results together) while the writer types;
# at Python's default of 5 ms each return of the GUI thread from Qt waits up to that long,
# several times a keystroke. Measured with bench_gui's paced run, 4 sets of 3 runs each
# way taken in turn (2 cores): at 5 ms 3-9 freezes >= 50 ms a run, the longest 241-354 ms,
# p99 keystroke to repaint 19-38 ms; at 1 ms 0-5 a run, 98-238 ms, 7-15 ms; the first
# check took as long.
SWITCH_INTERVAL = 0.001


def application() -> QApplication:
    """The running QApplication, created with ficwriter's names and icon if there is none yet.

    The desktop file name lets Wayland compositors match the window to the installed
    ``.desktop`` entry and its icon; the window icon covers X11, Windows and the bundle.
    """
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setOrganizationName("ficwriter")
    app.setApplicationName("ficwriter")
    app.setApplicationDisplayName("ficwriter")
    app.setApplicationVersion(ficwriter.__version__)
    app.setDesktopFileName(paths.APP_ID)
    app.setWindowIcon(app_icon())
    collect_on_gui_thread(app)
    sys.setswitchinterval(SWITCH_INTERVAL)
    return app


def app_icon() -> QIcon:
    """The icon from its rendered PNG sizes: PNG needs no image plugin, so it shows anywhere."""
    icon = QIcon()
    for png in sorted((paths.resources_dir() / "icons").glob(f"{paths.APP_ID}-*.png")):
        icon.addFile(str(png))
    return icon


def _announce_and_quit(app: QApplication) -> None:
    print("shown", flush=True)
    QTimer.singleShot(0, app.quit)


def run(arguments: list[str]) -> int:
    start_log_file()
    app = application()
    settings = AppSettings()
    apply_theme(app, theme_named(settings.theme))
    window = MainWindow(settings)
    window.restore_layout()
    if arguments:
        window.open_path(Path(arguments[0]))
    if os.environ.get(QUIT_WHEN_SHOWN):
        window.shown.connect(lambda: _announce_and_quit(app))
    window.show()
    code = app.exec()
    release_collection()
    return code
