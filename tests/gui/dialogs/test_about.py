"""Help → About and the app's identity: version, icon, and where a bug report's files are."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

import ficwriter
from ficwriter import paths
from ficwriter.gui.app import application
from ficwriter.logs import log_file


def test_about_box_shows_the_version_and_the_log_and_settings_places(window, qtbot) -> None:
    shown: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        shown.append(box.text())
        box.accept()

    QTimer.singleShot(0, read_and_close)
    window.menus.act_about.trigger()
    assert shown, "no About box appeared"
    text = shown[0]
    assert f"ficwriter {ficwriter.__version__}" in text
    assert str(log_file()) in text
    assert str(paths.settings_dir()) in text
    assert window.menus.menu_help.actions() == [window.menus.act_about]


def test_the_app_has_its_icon_and_version(qapp) -> None:
    app = application()
    assert app.applicationVersion() == ficwriter.__version__
    assert app.desktopFileName() == paths.APP_ID
    sizes = {size.width() for size in app.windowIcon().availableSizes()}
    assert {16, 32, 48, 256} <= sizes
