"""Offering the chapter's names for the project dictionary, once its first check is done.

Out of the box most spelling flags on a fanfiction chapter are its characters' and places'
names. Rather than have the writer add them one by one, after a chapter's first check a bar
lists the capitalised words the dictionary lacks that are used like names (several times,
capitalised in mid-sentence: ``checks.dictionary.suggested_words``), with *Add all to the
project dictionary* and *Review…* (the same words with check boxes). Asked once per chapter
per session; "Not now" is remembered until the window closes. A loose file's folder (no
``ficwriter.toml``) is not offered: nothing is written beside a file the writer has not
made a project of.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ficwriter.core.chapter import parse
from ficwriter.core.project import CONFIG_NAME
from ficwriter.gui.threads.relay import on_gui_thread

if TYPE_CHECKING:
    from ficwriter.gui.background.checking import CheckController
    from ficwriter.gui.editor.message_bar import MessageBar
    from ficwriter.gui.editor.session import ChapterSession

ADD_ALL = "Add all to the project dictionary"
REVIEW = "Review…"
NOT_NOW = "Not now"
SHOWN_IN_BAR = 6  # names written out in the bar; the rest are counted


class WordAdder(Protocol):
    def add_words(self, words: list[str]) -> None: ...


class NameOfferWindow(Protocol):
    """The window as the names offer uses it (``MainWindow`` is one; it is also the review
    dialog's parent)."""

    session: ChapterSession | None
    project_root: Path | None
    checks: CheckController | None
    bar: MessageBar
    issue_actions: WordAdder


class NameOffer:
    def __init__(self, window: NameOfferWindow) -> None:
        self.window = window
        self.asked: set[Path] = set()  # chapters offered already this session
        self.words: list[str] = []  # what the bar offers now

    def check_finished(self, checking: bool) -> None:
        """The open chapter's check ended: offer its names the first time."""
        window = self.window
        session, checks = window.session, window.checks
        if checking or session is None or checks is None or session.path in self.asked:
            return
        root = window.project_root
        if root is None or not (root / CONFIG_NAME).is_file():
            return  # a loose file's folder: nothing is written beside it unasked
        # the text as it is, parsed on the names' thread: typing since the last parse would
        # make current_chapter() parse a long chapter here, a freeze at the check's end
        path, text = session.path, window.editor.text()
        checker = checks.checker
        self.asked.add(path)

        def find() -> None:
            words = checker.suggested_words(parse(text))
            if words:
                on_gui_thread(lambda: self._offer(path, words))

        threading.Thread(target=find, name="ficwriter-names", daemon=True).start()

    def _offer(self, path: Path, words: list[str]) -> None:
        window = self.window
        if window.session is None or window.session.path != path or not window.bar.isHidden():
            return  # another chapter, or a message that matters more (recovery, disk)
        self.words = words
        shown = ", ".join(words[:SHOWN_IN_BAR])
        more = f" and {len(words) - SHOWN_IN_BAR} more" if len(words) > SHOWN_IN_BAR else ""
        window.bar.show_message(
            f"{len(words)} words here look like names and are not in the project dictionary: "
            f"{shown}{more}. Their spelling flags go once they are in it.",
            [(ADD_ALL, lambda: self.add(self.words)), (REVIEW, self.review),
             (NOT_NOW, window.bar.dismiss)],
        )

    def add(self, words: list[str]) -> None:
        self.window.bar.dismiss()
        if words:
            self.window.issue_actions.add_words(words)

    def review(self) -> None:
        dialog = NamesDialog(self.words, self.window if isinstance(self.window, QWidget) else None)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add(dialog.chosen())


class NamesDialog(QDialog):
    """The offered names with check boxes (all ticked): untick what is not a name."""

    def __init__(self, words: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Names for the project dictionary")
        column = QVBoxLayout(self)
        column.addWidget(QLabel("Tick the words to add to the project dictionary "
                                "(a name's spelling is then never flagged):"))
        self.list = QListWidget()
        for word in words:
            item = QListWidgetItem(word)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        column.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Add to dictionary")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)

    def chosen(self) -> list[str]:
        items = (self.list.item(i) for i in range(self.list.count()))
        return [item.text() for item in items if item.checkState() == Qt.CheckState.Checked]
