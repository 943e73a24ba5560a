"""After a chapter's first check, its names are offered for the project dictionary."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ficwriter.gui.actions.name_offer import ADD_ALL, NOT_NOW, REVIEW, NamesDialog

from tests.gui.conftest import underlined


@pytest.fixture
def no_dictionary(sample_project: Path) -> Path:
    """The sample project as a writer starts it: no names in its dictionary yet."""
    (sample_project / "dictionary.txt").write_text("", encoding="utf-8")
    return sample_project


def test_the_names_bar_adds_every_name_and_their_flags_go(window, no_dictionary: Path, qtbot) -> None:
    assert window.open_path(no_dictionary)
    qtbot.waitUntil(lambda: window.bar.isVisible() and ADD_ALL in window.bar.buttons,
                    timeout=20000)
    text = window.bar.label.text()
    assert "look like names" in text and "Wren" in text
    assert set(window.bar.buttons) == {ADD_ALL, REVIEW, NOT_NOW}
    words = list(window.name_offer.words)
    qtbot.mouseClick(window.bar.buttons[ADD_ALL], Qt.MouseButton.LeftButton)
    assert not window.bar.isVisible()
    dictionary = (no_dictionary / "dictionary.txt").read_text(encoding="utf-8").split()
    assert set(words) <= set(dictionary)
    qtbot.waitUntil(lambda: window.checks.idle(), timeout=20000)
    assert not set(words) & set(underlined(window))


def test_review_lets_the_writer_untick_what_is_no_name(window, no_dictionary: Path, qtbot) -> None:
    assert window.open_path(no_dictionary)
    qtbot.waitUntil(lambda: window.bar.isVisible() and REVIEW in window.bar.buttons,
                    timeout=20000)
    words = list(window.name_offer.words)
    assert len(words) >= 2
    refused = words[0]

    def untick_first_and_accept() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NamesDialog):
            QTimer.singleShot(20, untick_first_and_accept)
            return
        item = dialog.list.item(0)
        assert item.text() == refused and item.checkState() == Qt.CheckState.Checked
        dialog.list.setCurrentItem(item)
        QTest.keyClick(dialog.list, Qt.Key.Key_Space)  # Space ticks and unticks the current row
        assert item.checkState() == Qt.CheckState.Unchecked
        dialog.accept()

    QTimer.singleShot(0, untick_first_and_accept)
    qtbot.mouseClick(window.bar.buttons[REVIEW], Qt.MouseButton.LeftButton)
    dictionary = (no_dictionary / "dictionary.txt").read_text(encoding="utf-8").split()
    assert refused not in dictionary and set(words[1:]) <= set(dictionary)


def test_names_are_offered_once_per_chapter(window, no_dictionary: Path, qtbot) -> None:
    assert window.open_path(no_dictionary)
    qtbot.waitUntil(lambda: window.bar.isVisible() and NOT_NOW in window.bar.buttons,
                    timeout=20000)
    window.bar.buttons[NOT_NOW].click()
    window.checks.recheck()
    qtbot.waitUntil(lambda: window.checks.idle(), timeout=20000)
    qtbot.wait(200)
    assert not window.bar.isVisible()
