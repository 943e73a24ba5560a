"""The scene outline: the project's chapters and each chapter's scenes.

Rows are rebuilt from the chapter model after typing pauses (never per keystroke). Dragging
a scene does not move rows itself: it asks for the text edit (``sceneMoved``), and the rows
follow from the re-parsed chapter, so the outline can never disagree with the file.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QInputDialog,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ficwriter.core.chapter import Chapter, Scene
from ficwriter.gui.word_counts import scene_words

STATUSES = ("draft", "revised", "final")
_PATH = Qt.ItemDataRole.UserRole
_SCENE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class SceneRow:
    title: str
    pov: str
    words: int
    issues: int
    status: str


def scene_title(scene: Scene, words: int = 6) -> str:
    """The scene's title, else its first words."""
    if scene.title:
        return scene.title
    first = scene.paragraphs[0].text if scene.paragraphs else ""
    head = first.replace("*", "").split()
    return " ".join(head[:words]) + ("…" if len(head) > words else "")


def chapter_title(path: Path) -> str:
    """``01-the-long-walk.md`` -> ``1. The long walk``."""
    stem = path.stem
    number, _, rest = stem.partition("-")
    if number.isdigit() and rest:
        return f"{int(number)}. {rest.replace('-', ' ').capitalize()}"
    return stem.replace("-", " ").replace("_", " ")


def scene_rows(chapter: Chapter, issue_scenes: Counter[int] | None = None) -> list[SceneRow]:
    counts = issue_scenes or Counter()
    return [
        SceneRow(
            title=f"{scene.index + 1}. {scene_title(scene)}",
            pov=scene.pov or "",
            words=scene_words(scene),
            issues=counts.get(scene.index, 0),
            status=scene.status or "",
        )
        for scene in chapter.scenes
    ]


class _Tree(QTreeWidget):
    """A tree whose drops only report which scene went where."""

    dropped = Signal(int, int)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        source = self.currentItem()
        target = self.itemAt(event.position().toPoint())
        event.ignore()
        if source is None or target is None or source.parent() is None:
            return
        if target.parent() is not source.parent():
            return
        from_index = source.data(0, _SCENE)
        to_index = target.data(0, _SCENE)
        if from_index != to_index:
            self.dropped.emit(from_index, to_index)


class OutlineDock(QDockWidget):
    chapterActivated = Signal(Path)
    sceneActivated = Signal(Path, int)
    sceneMoved = Signal(int, int)  # in the open chapter
    sceneFieldEdited = Signal(int, str, str)  # scene, key, value (empty = remove)
    sceneBreakRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Outline", parent)
        self.setObjectName("outline")
        self.tree = _Tree()
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels(["Scene", "POV", "Words", "Issues", "Status"])
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setWidget(self.tree)
        self._chapters: dict[Path, QTreeWidgetItem] = {}
        self._current: Path | None = None
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        self.tree.dropped.connect(self.sceneMoved)
        self.tree.customContextMenuRequested.connect(self._menu)

    # -- content ----------------------------------------------------------------------------
    def set_chapters(self, chapters: dict[Path, Chapter | None], current: Path) -> None:
        """The project's chapters (parsed where known) with ``current`` open."""
        self.tree.clear()
        self._chapters = {}
        for path, chapter in chapters.items():
            item = QTreeWidgetItem([chapter_title(path)])
            item.setData(0, _PATH, str(path))
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDragEnabled & ~Qt.ItemFlag.ItemIsDropEnabled)
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            self.tree.addTopLevelItem(item)
            self._chapters[path] = item
            if chapter is not None:
                self._fill(item, path, chapter, None)
        self.set_current(current)

    def set_current(self, path: Path) -> None:
        self._current = path
        for chapter_path, item in self._chapters.items():
            item.setExpanded(chapter_path == path)

    def update_chapter(self, path: Path, chapter: Chapter, issue_scenes: Counter[int] | None) -> None:
        item = self._chapters.get(path)
        if item is not None:
            self._fill(item, path, chapter, issue_scenes)

    def _fill(self, item: QTreeWidgetItem, path: Path, chapter: Chapter,
              issue_scenes: Counter[int] | None) -> None:
        rows = scene_rows(chapter, issue_scenes)
        item.setText(2, f"{sum(r.words for r in rows):,}")
        item.setText(3, str(sum(r.issues for r in rows) or ""))
        while item.childCount() > len(rows):
            item.removeChild(item.child(item.childCount() - 1))
        for index, row in enumerate(rows):
            child = item.child(index) if index < item.childCount() else QTreeWidgetItem(item)
            values = [row.title, row.pov, f"{row.words:,}", str(row.issues or ""), row.status]
            for column, value in enumerate(values):
                if child.text(column) != value:
                    child.setText(column, value)
            child.setData(0, _PATH, str(path))
            child.setData(0, _SCENE, index)
            for column in (2, 3):
                child.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            flags = child.flags() | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
            if path != self._current:
                flags &= ~Qt.ItemFlag.ItemIsDragEnabled
            if flags != child.flags():  # setFlags is costly: it tells every view
                child.setFlags(flags)
        for column in (2, 3):
            item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def scene_item(self, path: Path, index: int) -> QTreeWidgetItem | None:
        item = self._chapters.get(path)
        if item is None or index >= item.childCount():
            return None
        return item.child(index)

    # -- interaction ------------------------------------------------------------------------
    def _clicked(self, item: QTreeWidgetItem) -> None:
        path = Path(item.data(0, _PATH))
        if item.parent() is None:
            self.chapterActivated.emit(path)
        else:
            self.sceneActivated.emit(path, int(item.data(0, _SCENE)))

    def _menu(self, point: QPoint) -> None:
        item = self.tree.itemAt(point)
        if item is None or item.parent() is None or Path(item.data(0, _PATH)) != self._current:
            return
        index = int(item.data(0, _SCENE))
        menu = QMenu(self)
        menu.addAction("Rename…", lambda: self._ask(index, "title", "Scene title:", item.text(0)))
        menu.addAction("Set POV…", lambda: self._ask(index, "pov", "Point of view:", item.text(1)))
        status = menu.addMenu("Status")
        for value in STATUSES:
            status.addAction(value, lambda v=value: self.sceneFieldEdited.emit(index, "status", v))
        status.addAction("(none)", lambda: self.sceneFieldEdited.emit(index, "status", ""))
        menu.addSeparator()
        menu.addAction("Add scene break at cursor", self.sceneBreakRequested)
        menu.exec(self.tree.viewport().mapToGlobal(point))

    def _ask(self, index: int, key: str, label: str, current: str) -> None:
        if key == "title":
            current = current.split(". ", 1)[-1].rstrip("…")
        value, ok = QInputDialog.getText(self, "Scene", label, text=current)
        if ok:
            self.sceneFieldEdited.emit(index, key, value.strip())
