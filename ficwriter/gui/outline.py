"""The scene outline: the project's chapters and each chapter's scenes.

Rows are rebuilt from the chapter model after typing pauses (never per keystroke). Dragging
a scene does not move rows itself: it asks for the text edit (``sceneMoved``), and the rows
follow from the re-parsed chapter, so the outline can never disagree with the file.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import QDropEvent, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QInputDialog,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ficwriter.core.chapter import Chapter, Scene
from ficwriter.gui.word_counts import scene_words

STATUSES = ("draft", "revised", "final")
_PATH = Qt.ItemDataRole.UserRole
_SCENE = Qt.ItemDataRole.UserRole + 1
_DETAIL = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class SceneRow:
    title: str  # numbered, as shown
    name: str  # the metadata title, if any
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
            name=scene.title or "",
            pov=scene.pov or "",
            words=scene_words(scene),
            issues=counts.get(scene.index, 0),
            status=scene.status or "",
        )
        for scene in chapter.scenes
    ]


class _RowDelegate(QStyledItemDelegate):
    """Two lines per row: the title, and a muted line of POV, status, words and issues."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        title, option.text = option.text, ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        rect = option.rect.adjusted(6, 3, -6, -3)
        detail = index.data(_DETAIL) or ""
        painter.save()
        painter.setFont(option.font)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        metrics = QFontMetrics(option.font)
        top = rect.adjusted(0, 0, 0, -rect.height() // 2)
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(title, Qt.TextElideMode.ElideRight, top.width()))
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.88))
        small.setBold(False)
        painter.setFont(small)
        painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        bottom = rect.adjusted(0, rect.height() // 2, 0, 0)
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(small).elidedText(detail, Qt.TextElideMode.ElideRight, bottom.width()))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802 (Qt's name)
        height = QFontMetrics(option.font).height()
        return QSize(200, int(height * 2.5) + 4)


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


def _detail(row: SceneRow) -> str:
    parts = [row.pov or "no POV", row.status or "no status", f"{row.words:,} words"]
    if row.issues:
        parts.append(f"{row.issues} issue{'s' if row.issues != 1 else ''}")
    return " · ".join(parts)


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
        self.tree.setColumnCount(1)
        self.tree.setHeaderHidden(True)
        self.tree.setItemDelegate(_RowDelegate(self.tree))
        self.tree.setRootIsDecorated(True)
        self.tree.setIndentation(14)
        self.tree.setUniformRowHeights(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setWidget(self.tree)
        self._chapters: dict[Path, QTreeWidgetItem] = {}
        self._rows: dict[Path, list[SceneRow]] = {}
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
        self._current = current
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

    def rows(self, path: Path) -> list[SceneRow]:
        """What the outline shows for the scenes of ``path``."""
        return list(self._rows.get(path, []))

    def update_chapter(self, path: Path, chapter: Chapter, issue_scenes: Counter[int] | None) -> None:
        item = self._chapters.get(path)
        if item is not None:
            self._fill(item, path, chapter, issue_scenes)

    def _fill(self, item: QTreeWidgetItem, path: Path, chapter: Chapter,
              issue_scenes: Counter[int] | None) -> None:
        rows = scene_rows(chapter, issue_scenes)
        self._rows[path] = rows
        issues = sum(r.issues for r in rows)
        summary = [f"{len(rows)} scene{'s' if len(rows) != 1 else ''}",
                   f"{sum(r.words for r in rows):,} words"]
        if issues:
            summary.append(f"{issues} issue{'s' if issues != 1 else ''}")
        item.setData(0, _DETAIL, " · ".join(summary))
        while item.childCount() > len(rows):
            item.removeChild(item.child(item.childCount() - 1))
        for index, row in enumerate(rows):
            child = item.child(index) if index < item.childCount() else QTreeWidgetItem(item)
            if child.text(0) != row.title:
                child.setText(0, row.title)
            detail = _detail(row)
            if child.data(0, _DETAIL) != detail:
                child.setData(0, _DETAIL, detail)
            child.setData(0, _PATH, str(path))
            child.setData(0, _SCENE, index)
            flags = child.flags() | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
            if path != self._current:
                flags &= ~Qt.ItemFlag.ItemIsDragEnabled
            if flags != child.flags():  # setFlags is costly: it tells every view
                child.setFlags(flags)

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
        row = self._rows[self._current][index]
        menu = QMenu(self)
        menu.addAction("Rename…", lambda: self._ask(index, "title", "Scene title:", row.name))
        menu.addAction("Set POV…", lambda: self._ask(index, "pov", "Point of view:", row.pov))
        status = menu.addMenu("Status")
        for value in STATUSES:
            status.addAction(value, lambda v=value: self.sceneFieldEdited.emit(index, "status", v))
        status.addAction("(none)", lambda: self.sceneFieldEdited.emit(index, "status", ""))
        menu.addSeparator()
        menu.addAction("Add scene break at cursor", self.sceneBreakRequested)
        menu.exec(self.tree.viewport().mapToGlobal(point))

    def _ask(self, index: int, key: str, label: str, current: str) -> None:
        value, ok = QInputDialog.getText(self, "Scene", label, text=current)
        if ok:
            self.sceneFieldEdited.emit(index, key, value.strip())
