"""The Qt binding itself: a long writing session must not wear away Python's None.

PySide6-Essentials 6.12.0 drops a reference to None on every Qt call that returns nothing
(``setEnabled``, ``processEvents``, ...). On Python 3.12+ None is immortal and nothing
happens; before that the count reaches zero after a few hours of typing and the
interpreter aborts ("none_dealloc"), taking the writer's unsaved text with it.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget


def test_qt_calls_that_return_nothing_leave_none_alone(qapp) -> None:
    widget = QWidget()
    before = sys.getrefcount(None)
    for _ in range(10_000):
        widget.setEnabled(True)
        qapp.processEvents()
    assert sys.getrefcount(None) - before > -1_000  # 6.12.0 loses 20,000 here
