"""The status line: words in the chapter, in the selection and written this session,
today's and the chapter's words against their targets (a thin bar each, shown only when
the project sets that target), the checkers' state and whether the chapter is saved."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QVBoxLayout, QWidget


class GoalMeter(QWidget):
    """Words against a target: a short label over a thin bar."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(4)
        self.bar.setMinimumWidth(110)
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 0, 6, 1)
        column.setSpacing(1)
        column.addWidget(self.label)
        column.addWidget(self.bar)
        self.hide()

    def show_words(self, words: int, target: int | None) -> None:
        """``words`` of ``target``; hidden without a target."""
        self.setVisible(bool(target))
        if not target:
            return
        self.label.setText(f"{self.name} {words:,} / {target:,}")
        self.bar.setRange(0, target)
        self.bar.setValue(max(0, min(words, target)))
        self.setToolTip(f"{self.name}: {words:,} of {target:,} words "
                        f"({max(words, 0) * 100 // target}%)")  # fmt: skip

    def show_countdown(self, left_s: int, total_s: int, words: int) -> None:
        """A sprint: time left (the bar fills as it runs) and the words written in it."""
        self.show()
        self.label.setText(f"{self.name} {left_s // 60}:{left_s % 60:02d} left · {words:+,} words")
        self.bar.setRange(0, total_s)
        self.bar.setValue(total_s - left_s)
        self.setToolTip(f"{self.name}: {words:+,} words so far, {left_s // 60} min "
                        f"{left_s % 60} s to go")  # fmt: skip


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
        self.today_goal = GoalMeter("Today")
        self.chapter_goal = GoalMeter("Chapter")
        self.session_goal = GoalMeter("Session")
        for widget in (self.chapter_words, self.selection_words, self.session_words,
                       self.session_goal, self.today_goal, self.chapter_goal):  # fmt: skip
            self.addWidget(widget)
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
            self.today_goal.hide()
            self.chapter_goal.hide()
            self.session_goal.hide()

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
