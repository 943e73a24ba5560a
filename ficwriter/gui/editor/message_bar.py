"""A bar above the editor that says something and offers a few buttons, without a dialog.

Used when the disk and the editor disagree and after a crash: the writer can keep typing
while deciding.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class MessageBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bar")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(16, 8, 12, 8)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self._layout.addWidget(self.label, 1)
        self.buttons: dict[str, QPushButton] = {}
        self.hide()

    def show_message(self, text: str, actions: list[tuple[str, Callable[[], None]]]) -> None:
        for button in self.buttons.values():
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        self.label.setText(text)
        for label, callback in actions:
            button = QPushButton(label)
            button.clicked.connect(callback)
            self._layout.addWidget(button)
            self.buttons[label] = button
        self.show()

    def dismiss(self) -> None:
        self.hide()
