"""The find bar: one row where the editor is wide, two where it is narrow; its messages
never move its buttons; Esc closes it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

from ficwriter.gui.editor.find_bar import FindBar


def _bar(qtbot, width: int) -> FindBar:
    editor = QPlainTextEdit("The gate was shut. The gate was old.")
    qtbot.addWidget(editor)
    bar = FindBar(editor)
    qtbot.addWidget(bar)
    bar.resize(width, bar.heightForWidth(width))
    bar.show()
    QApplication.processEvents()
    return bar


def test_wide_it_is_one_row_narrow_it_wraps_replacing_onto_a_second(qtbot) -> None:
    wide = _bar(qtbot, 1100)
    assert wide.find_row.y() == wide.replace_row.y()
    narrow = _bar(qtbot, 500)
    assert narrow.replace_row.y() > narrow.find_row.y() + narrow.find_row.height() - 1
    assert narrow.height() > wide.height()
    # every button stays inside the bar: nothing is cut off
    for bar in (wide, narrow):
        for row in (bar.find_row, bar.replace_row):
            assert bar.rect().contains(row.geometry())
            for child in row.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
                assert row.rect().contains(child.geometry())
    # and it asks for far less width than its one row would take
    assert narrow.minimumSizeHint().width() < 300


def test_a_message_shows_in_the_find_field_and_moves_nothing(qtbot) -> None:
    bar = _bar(qtbot, 500)
    before = (bar.height(), bar.find_row.geometry(), bar.replace_row.geometry())
    bar.find_edit.setText("dragon")
    assert not bar.find_next()
    assert bar.status.text() == "Not found" and bar.status.isVisible()
    bar.find_edit.setText("(unclosed")
    bar.regex.setChecked(True)
    bar.find_next()
    QApplication.processEvents()
    assert bar.status.text() == "Bad pattern"  # the reason does not fit beside the text
    assert bar.status.toolTip().startswith("Bad pattern: ")  # it is in the tooltip
    assert (bar.height(), bar.find_row.geometry(), bar.replace_row.geometry()) == before
    qtbot.keyClicks(bar.find_edit, "x")  # a new search: the old message goes
    assert bar.status.text() == ""


def test_esc_closes_the_bar_and_gives_the_editor_back(window, chapter_file: Path, qtbot) -> None:
    window.open_path(chapter_file)
    window.find_bar.open()
    assert window.find_bar.find_edit.hasFocus()
    qtbot.keyClick(window.find_bar.find_edit, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert window.editor.hasFocus()
