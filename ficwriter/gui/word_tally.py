"""The status bar's word counts: the open chapter's, the selection's, and this session's.

"This session" adds up, over every chapter opened since the window started, its words now
minus its words when it was first opened, so switching chapters neither loses nor counts
twice what was written. The chapter's count is taken from the re-parsed chapter after
typing pauses; the selection is counted once it has settled, never per keystroke.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QTimer

from ficwriter.core.chapter import Chapter
from ficwriter.core.words import count_words
from ficwriter.gui.word_counts import chapter_words

if TYPE_CHECKING:
    from ficwriter.gui.editor.editor import ChapterEditor
    from ficwriter.gui.editor.session import ChapterSession
    from ficwriter.gui.status_bar import StatusBar


class TallyWindow(Protocol):
    """The window as the word tally use it: the collaborators asked for, never the window
    class itself (``MainWindow`` is one)."""

    session: ChapterSession | None
    editor: ChapterEditor
    status: StatusBar


class WordTally:
    def __init__(self, window: TallyWindow) -> None:
        self.window = window
        self._words: dict[Path, tuple[int, int]] = {}  # path -> (words at open, now)
        self._selection_timer = QTimer(window, singleShot=True, interval=120)
        self._selection_timer.timeout.connect(self.show)

    def selection_changed(self) -> None:
        self._selection_timer.start()

    def chapter_reparsed(self, path: Path, chapter: Chapter) -> None:
        words = chapter_words(chapter)
        at_open, _ = self._words.get(path, (words, words))
        self._words[path] = (at_open, words)
        self.show()

    @property
    def session_words(self) -> int:
        """Words written since the window started, over every chapter opened."""
        return sum(now - start for start, now in self._words.values())

    def show(self) -> None:
        window = self.window
        if window.session is None:
            return
        _, chapter = self._words.get(window.session.path, (0, 0))
        selected = window.editor.textCursor().selectedText().replace("\u2029", "\n")
        session = self.session_words
        window.status.show_words(chapter, count_words(selected) if selected else 0, session)
