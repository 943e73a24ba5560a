"""The word counts of focus mode: the chapter's and this session's, dimmed, under the text.

Focus mode hides the status bar, but a writer in a sprint still wants to see the count
grow; a quiet line of its own under the editor keeps that without the rest of the window
and without covering a line of the text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class FocusWords(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("focuswords")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hide()

    def show_words(self, text: str) -> None:
        """The status bar's counts as they change (kept while hidden, for the next time)."""
        self.setText(text)
