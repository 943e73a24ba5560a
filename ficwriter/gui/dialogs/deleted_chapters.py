"""File → Deleted Chapters…: the project's trash, to put a chapter back with its history.

The dialog lists ``core.chapters.list_trash`` (the latest deleted first) and says which
one to restore; the restore itself is ``actions.chapter_actions``' work.
"""

from __future__ import annotations

from datetime import datetime

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

from ficwriter.core.chapters import TrashEntry


def _when(iso: str) -> str:
    return datetime.fromisoformat(iso).astimezone().strftime("%d %b %Y, %H:%M")


class DeletedChaptersDialog(QDialog):
    def __init__(self, entries: list[TrashEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Deleted chapters")
        self.list = QListWidget()
        for entry in entries:
            item = QListWidgetItem(f"{entry.title}\n{entry.words:,} words · deleted "
                                   f"{_when(entry.deleted)} · was {entry.name}")
            item.setData(Qt.ItemDataRole.UserRole, entry.number)
            self.list.addItem(item)
        empty = QLabel("No chapter has been deleted." if not entries else
                       "A restored chapter goes back to its place, with its whole history.")
        empty.setObjectName("muted")
        empty.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = self.buttons.addButton(
            "&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.currentRowChanged.connect(
            lambda row: self.restore_button.setEnabled(row >= 0))
        self.list.itemActivated.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(empty)
        layout.addWidget(self.buttons)
        self.resize(460, 320)
        if entries:
            self.list.setCurrentRow(0)

    def chosen(self) -> int | None:
        """The chosen entry's number in the trash list."""
        item = self.list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))
