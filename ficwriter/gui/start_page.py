"""What the window shows before a chapter is open: recent projects and ways to begin."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class StartPage(QWidget):
    newStoryRequested = Signal()
    openRequested = Signal(Path)
    openFolderRequested = Signal()
    openFileRequested = Signal()
    importRequested = Signal()
    sampleRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startpage")
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(1)
        title = QLabel("ficwriter")
        title.setObjectName("heading")
        subtitle = QLabel("Write, review and keep every version of your chapters.")
        subtitle.setObjectName("subheading")
        column.addWidget(title)
        column.addWidget(subtitle)
        column.addSpacing(24)

        actions = QHBoxLayout()
        actions.setSpacing(8)
        self.new_story = QPushButton("New story…")
        self.new_story.setObjectName("primary")
        self.open_folder = QPushButton("Open folder…")
        self.open_file = QPushButton("Open file…")
        self.import_button = QPushButton("Import…")
        self.sample = QPushButton("Open sample project")
        for button in (self.new_story, self.open_folder, self.open_file, self.import_button,
                       self.sample):
            button.setMinimumHeight(34)
            actions.addWidget(button)
        column.addLayout(actions)
        column.addSpacing(28)

        recent_label = QLabel("Recent projects")
        recent_label.setObjectName("muted")
        column.addWidget(recent_label)
        self.recent = QListWidget()
        self.recent.setObjectName("recent")
        self.recent.setFrameShape(QFrame.Shape.NoFrame)
        self.recent.setMinimumHeight(220)
        self.recent.setMinimumWidth(560)
        self.recent.setSpacing(2)
        column.addWidget(self.recent)
        self.empty = QLabel("No recent projects yet. Start a new story, or open a folder, a chapter file or the sample.")
        self.empty.setObjectName("muted")
        column.addWidget(self.empty)
        column.addStretch(2)
        outer.addLayout(column)
        outer.addStretch(1)

        self.new_story.clicked.connect(self.newStoryRequested)
        self.open_folder.clicked.connect(self.openFolderRequested)
        self.open_file.clicked.connect(self.openFileRequested)
        self.import_button.clicked.connect(self.importRequested)
        self.sample.clicked.connect(self.sampleRequested)
        self.recent.itemActivated.connect(self._activated)
        self.recent.itemClicked.connect(self._activated)

    def set_recent(self, paths: list[Path]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{path.name}\n{_short(path.parent)}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.recent.addItem(item)
        self.recent.setVisible(bool(paths))
        self.empty.setVisible(not paths)

    def _activated(self, item: QListWidgetItem) -> None:
        self.openRequested.emit(Path(item.data(Qt.ItemDataRole.UserRole)))


def _short(folder: Path) -> str:
    """``/home/me/Documents`` as ``~/Documents``."""
    try:
        return "~/" + folder.relative_to(Path.home()).as_posix()
    except ValueError:
        return str(folder)
