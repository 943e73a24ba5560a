"""The history panel's width: readable when it first shows, never forcing a wide window."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def test_history_asks_little_width_and_first_shows_at_a_share_of_the_window(opened, qtbot) -> None:
    window = opened
    window.resize(1024, 700)
    QApplication.processEvents()
    window.history.show()
    QApplication.processEvents()
    qtbot.wait(50)
    assert window.history.minimumSizeHint().width() < 300  # it was a fixed 380
    assert 240 <= window.history.width() <= 380
    # a long revision label in "Compare with" is cut, not a reason to widen the panel
    window.history.against.addItem("Saved · a very long snapshot name for the beta readers " * 3)
    assert window.history.minimumSizeHint().width() < 300
