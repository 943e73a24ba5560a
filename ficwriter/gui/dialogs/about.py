"""Help → About: the version and the places a bug report needs.

The version comes from ``ficwriter.__version__`` (pyproject.toml is its one source), so the
About box, ``ficwriter --version`` and the bundle's metadata always agree.
"""

from __future__ import annotations

import platform
from html import escape

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

import ficwriter
from ficwriter import paths
from ficwriter.logs import log_file


def about_text() -> str:
    """The About box's rich text: what ficwriter is, its version and where its files live."""
    rows = [
        ("Settings", str(paths.settings_dir())),
        ("Log", str(log_file())),
        ("Built with", f"Python {platform.python_version()}, Qt {qVersion()}, "
                       f"PySide6 {PySide6.__version__}"),
    ]  # fmt: skip
    table = "".join(
        f"<tr><td style='padding-right:12px; color:gray'>{escape(label)}</td>"
        f"<td>{escape(value)}</td></tr>"
        for label, value in rows
    )
    return (
        f"<h3>ficwriter {escape(ficwriter.__version__)}</h3>"
        "<p>Write chapters, see spelling, grammar and style problems as you type, keep every "
        "version of every chapter, and export a cleaned chapter for AO3, FanFiction.net or a "
        "reader.</p>"
        f"<table>{table}</table>"
    )


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, "About ficwriter", about_text())
