"""The status line: words in the chapter, in the selection and written this session,
the checkers' state and whether the chapter is saved."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget


class StatusBar(QStatusBar):
    wordsShown = Signal(str)  # "1,522 words · +120 this session", for focus mode's line

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self.chapter_words = QLabel()
        self.selection_words = QLabel()
        self.session_words = QLabel()
        self.checker = QLabel()
        self.saved = QLabel()
        for label in (self.chapter_words, self.selection_words, self.session_words):
            self.addWidget(label)
        self.checker.setMaximumWidth(360)
        self.addPermanentWidget(self.checker)
        self.addPermanentWidget(self.saved)
        self.show_words(0, 0, 0)
        self.set_chapter_open(False)

    def set_chapter_open(self, open_: bool) -> None:
        """Word counts mean something only with a chapter open."""
        self.chapter_words.setVisible(open_)
        self.session_words.setVisible(open_)
        if not open_:
            self.selection_words.hide()

    def show_words(self, chapter: int, selection: int, session: int) -> None:
        self.chapter_words.setText(f"{chapter:,} words")
        self.selection_words.setText(f"{selection:,} selected" if selection else "")
        self.selection_words.setVisible(bool(selection))
        sign = "+" if session >= 0 else "\u2212"
        self.session_words.setText(f"{sign}{abs(session):,} this session")
        self.wordsShown.emit(f"{self.chapter_words.text()} \u00b7 {self.session_words.text()}")

    def show_checker(self, text: str, tooltip: str = "") -> None:
        self.checker.setText(text)
        self.checker.setToolTip(tooltip)

    def show_saved(self, text: str) -> None:
        self.saved.setText(text)
