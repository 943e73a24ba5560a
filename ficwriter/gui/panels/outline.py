"""The scene outline: the project's chapters and each chapter's scenes.

Rows are ``core.stats.outline`` of the chapter model, computed on a thread of their own
after typing pauses (guessing a point of view reads every scene, too slow for the GUI
thread on a long chapter). Dragging a scene does not move rows itself: it asks for the text
edit (``sceneMoved``), and the rows follow from the re-parsed chapter, so the outline can
never disagree with the file.
"""

from __future__ import annotations

from collections import Counter
import threading
from dataclasses import dataclass, replace
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

from ficwriter.core.chapter import Chapter, parse
from ficwriter.core.chapters import heading, listed_title
from ficwriter.core.project import open_project
from ficwriter.core.stats import OutlineRow, outline
from ficwriter.core.textfile import UnreadableFile, read_text
from ficwriter.gui.threads.latest_only import LatestOnly
from ficwriter.gui.threads.relay import on_gui_thread
from ficwriter.gui.panels.scene_edits import scene_start

STATUSES = ("draft", "revised", "final")
_PATH = Qt.ItemDataRole.UserRole
_SCENE = Qt.ItemDataRole.UserRole + 1
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 2
MINIMUM_WIDTH = 180  # a scene's title and its "POV · status · words · issues" line stay readable


@dataclass(frozen=True)
class SceneRow:
    """What the outline shows for one scene: ``core.stats.outline``'s row plus status and issues."""

    title: str  # numbered label, as shown
    name: str  # the metadata title, if any
    pov: str
    pov_guessed: bool
    words: int
    issues: int
    status: str


class OutlineCache:
    """``core.stats.outline`` rows remembered per scene text.

    Guessing a scene's point of view reads the whole chapter, so ``outline`` of a long
    chapter takes a second; after an edit only the edited scene needs it again. (A cached
    guess does not notice a name becoming a lower-case word in another scene; the next
    edit of the scene refreshes it.)
    """

    def __init__(self) -> None:
        self._rows: dict[Path, dict[str, OutlineRow]] = {}
        self._lock = threading.Lock()

    def rows(self, path: Path, chapter: Chapter) -> list[OutlineRow]:
        with self._lock:
            known = self._rows.get(path, {})
        fresh: dict[str, OutlineRow] = {}
        rows = []
        for scene in chapter.scenes:
            start = scene_start(scene)
            key = chapter.text[start : scene.span.end]
            row = known.get(key)
            if row is None:
                row = outline(replace(chapter, scenes=(scene,)))[0]
            row = replace(row, index=scene.index, start=start)
            fresh[key] = row
            rows.append(row)
        with self._lock:
            self._rows[path] = fresh
        return rows


def _read_chapter(path: Path) -> Chapter | None:
    """The chapter in the file at ``path``; None when it cannot be read."""
    try:
        return parse(read_text(path).text)
    except (OSError, UnreadableFile):
        return None


def scene_rows(chapter: Chapter, rows: list[OutlineRow], issue_scenes: Counter[int]) -> list[SceneRow]:
    return [
        SceneRow(
            title=f"{row.index + 1}. {row.label}",
            name=scene.title or "",
            pov=row.pov or "",
            pov_guessed=row.pov_guessed,
            words=row.words,
            issues=issue_scenes.get(row.index, 0),
            status=scene.status or "",
        )
        for scene, row in zip(chapter.scenes, rows)
    ]


class _RowDelegate(QStyledItemDelegate):
    """Two lines per row: the title, and a muted line of POV, status, words and issues."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        title, option.text = option.text, ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        rect = option.rect.adjusted(6, 3, -6, -3)
        detail = index.data(DETAIL_ROLE) or ""
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
    """A tree whose drops only report which scene, or which chapter, went where."""

    dropped = Signal(int, int)
    chapterDropped = Signal(int, int)  # from, to: places in the reading order (0-based)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        source = self.currentItem()
        target = self.itemAt(event.position().toPoint())
        event.ignore()
        if source is None or target is None:
            return
        if source.parent() is None:  # a chapter, dropped on a chapter or one of its scenes
            chapter = target if target.parent() is None else target.parent()
            here, there = self.indexOfTopLevelItem(source), self.indexOfTopLevelItem(chapter)
            if here != there:
                self.chapterDropped.emit(here, there)
            return
        if target.parent() is not source.parent():
            return
        from_index = source.data(0, _SCENE)
        to_index = target.data(0, _SCENE)
        if from_index != to_index:
            self.dropped.emit(from_index, to_index)


def _detail(row: SceneRow) -> str:
    pov = f"{row.pov}?" if row.pov and row.pov_guessed else (row.pov or "no POV")
    parts = [pov, row.status or "no status", f"{row.words:,} words"]
    if row.issues:
        parts.append(f"{row.issues} issue{'s' if row.issues != 1 else ''}")
    return " · ".join(parts)


class OutlineDock(QDockWidget):
    chapterActivated = Signal(Path)
    sceneActivated = Signal(Path, int)
    sceneMoved = Signal(int, int)  # in the open chapter
    sceneFieldEdited = Signal(int, str, str)  # scene, key, value (empty = remove)
    sceneBreakRequested = Signal()
    # the chapter commands (actions.chapter_actions answers them)
    chapterRenameRequested = Signal(Path)
    chapterMoveRequested = Signal(Path, int)  # chapter, its new place (1-based)
    chapterMergeRequested = Signal(Path)  # with the next one
    chapterDeleteRequested = Signal(Path)
    chapterSplitRequested = Signal(Path, int)  # chapter, the scene that starts the new one
    rowsReady = Signal(Path)  # the rows of this chapter are up to date

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
        self.setMinimumWidth(MINIMUM_WIDTH)
        self._chapters: dict[Path, QTreeWidgetItem] = {}
        self._rows: dict[Path, list[SceneRow]] = {}
        self._outlines: dict[Path, tuple[Chapter, list[OutlineRow]]] = {}
        self._issues: dict[Path, Counter[int]] = {}
        self._current: Path | None = None
        self._cache = OutlineCache()
        self._open_worker = LatestOnly("ficwriter-outline")  # the open chapter, newest text
        self._project_worker = LatestOnly("ficwriter-outline-project")  # all chapters at once
        self._closed = False
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        self.tree.dropped.connect(self.sceneMoved)
        self.tree.chapterDropped.connect(
            lambda here, there: self.chapterMoveRequested.emit(self.chapter_paths()[here],
                                                               there + 1))
        self.tree.customContextMenuRequested.connect(self._menu)

    # -- content ----------------------------------------------------------------------------
    def show_project(self, root: Path, current: Path) -> None:
        """Read and show the chapters of the project at ``root``, with ``current`` open."""
        chapters: dict[Path, Chapter | None] = {}
        for path in open_project(root).chapters():
            # the open chapter's rows follow the editor (update_chapter)
            chapters[path] = None if path == current else _read_chapter(path)
        chapters.setdefault(current, None)
        self.set_chapters(chapters, current)

    def reload_chapter(self, path: Path) -> None:
        """Another chapter of the project changed on disk: its rows follow."""
        chapter = _read_chapter(path)
        if chapter is not None:
            self.update_chapter(path, chapter)

    def set_chapters(self, chapters: dict[Path, Chapter | None], current: Path) -> None:
        """The project's chapters (parsed where readable) with ``current`` open; call
        ``update_chapter`` for the open one."""
        self.tree.clear()
        self._chapters = {}
        self._rows = {}
        self._outlines = {p: o for p, o in self._outlines.items() if p in chapters}
        self._current = current
        for number, (path, chapter) in enumerate(chapters.items(), 1):
            title = heading(path, chapter) if chapter is not None else None
            item = QTreeWidgetItem([f"{number}. {title}" if title else listed_title(path)])
            item.setData(0, _PATH, str(path))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsDragEnabled
                          | Qt.ItemFlag.ItemIsDropEnabled)  # chapters reorder by drag
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            self.tree.addTopLevelItem(item)
            self._chapters[path] = item
            if path in self._outlines:
                self._fill(path)
        self.set_current(current)
        # the open chapter's rows come from update_chapter (newest text); the others from here
        others = [(path, chapter) for path, chapter in chapters.items()
                  if chapter is not None and path != current]
        self._project_worker.submit(lambda: self._compute_all(others))

    def _compute_all(self, chapters: list[tuple[Path, Chapter]]) -> None:
        for path, chapter in chapters:
            self._computed(path, chapter, self._cache.rows(path, chapter))

    def _computed(self, path: Path, chapter: Chapter, rows: list[OutlineRow]) -> None:
        """From a worker thread: show the rows on the GUI thread."""
        on_gui_thread(lambda: self._outline_computed(path, chapter, rows))

    def close_workers(self) -> None:
        """Stop computing rows (the window is closing); late results are ignored."""
        self._closed = True
        self._open_worker.close()
        self._project_worker.close()

    def set_current(self, path: Path) -> None:
        self._current = path
        for chapter_path, item in self._chapters.items():
            item.setExpanded(chapter_path == path)

    def rows(self, path: Path) -> list[SceneRow]:
        """What the outline shows for the scenes of ``path``."""
        return list(self._rows.get(path, []))

    def update_chapter(self, path: Path, chapter: Chapter) -> None:
        """The chapter changed: its rows are computed again, off the GUI thread."""
        self._open_worker.submit(
            lambda: self._computed(path, chapter, self._cache.rows(path, chapter))
        )

    def set_issues(self, issues: dict[Path, Counter[int]]) -> None:
        """Open issues per scene of each chapter whose issues are known; a chapter left out
        shows no count at all, since not checked is not the same as clean ("no issues")."""
        before, self._issues = self._issues, dict(issues)
        for path in self._chapters:
            if before.get(path) != self._issues.get(path) and path in self._outlines:
                self._fill(path)  # the rows are there: no outline to compute

    def _outline_computed(self, path: Path, chapter: Chapter, rows: list[OutlineRow]) -> None:
        if self._closed or path not in self._chapters:
            return  # the window or the project closed meanwhile
        self._outlines[path] = (chapter, rows)
        self._fill(path)
        self.rowsReady.emit(path)

    def _fill(self, path: Path) -> None:
        item = self._chapters[path]
        chapter, core_rows = self._outlines[path]
        rows = scene_rows(chapter, core_rows, self._issues.get(path, Counter()))
        self._rows[path] = rows
        # the title line as it is now (the open chapter's, as typed)
        title = f"{list(self._chapters).index(path) + 1}. {heading(path, chapter)}"
        if item.text(0) != title:
            item.setText(0, title)
        summary = [f"{len(rows)} scene{'s' if len(rows) != 1 else ''}",
                   f"{sum(r.words for r in rows):,} words"]
        if path in self._issues:
            issues = sum(r.issues for r in rows)
            summary.append(f"{issues} issue{'s' if issues != 1 else ''}" if issues else "no issues")
        item.setData(0, DETAIL_ROLE, " · ".join(summary))
        while item.childCount() > len(rows):
            item.removeChild(item.child(item.childCount() - 1))
        for index, row in enumerate(rows):
            child = item.child(index) if index < item.childCount() else QTreeWidgetItem(item)
            if child.text(0) != row.title:
                child.setText(0, row.title)
            detail = _detail(row)
            if child.data(0, DETAIL_ROLE) != detail:
                child.setData(0, DETAIL_ROLE, detail)
            child.setData(0, _PATH, str(path))
            child.setData(0, _SCENE, index)
            flags = child.flags() | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
            if path != self._current:
                flags &= ~Qt.ItemFlag.ItemIsDragEnabled
            if flags != child.flags():  # setFlags is costly: it tells every view
                child.setFlags(flags)

    def show_scene(self, path: Path, index: int) -> None:
        """Select the scene the writer is in (the cursor's), without opening anything."""
        item = self.scene_item(path, index)
        if item is not None and self.tree.currentItem() is not item:
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)

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

    def chapter_paths(self) -> list[Path]:
        """The chapters listed, in reading order."""
        return list(self._chapters)

    def _menu(self, point: QPoint) -> None:
        item = self.tree.itemAt(point)
        menu = self.menu_for(item) if item is not None else None
        if menu is not None:
            menu.exec(self.tree.viewport().mapToGlobal(point))
            menu.deleteLater()

    def menu_for(self, item: QTreeWidgetItem) -> QMenu | None:
        """The right-click menu of a chapter row, or of a scene row of the open chapter."""
        path = Path(item.data(0, _PATH))
        if item.parent() is None:
            return self._chapter_menu(path)
        if path != self._current:
            return None
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
        split = menu.addAction("Split chapter at this scene",
                               lambda: self.chapterSplitRequested.emit(path, index))
        split.setEnabled(index > 0)
        return menu

    def _chapter_menu(self, path: Path) -> QMenu:
        paths = self.chapter_paths()
        place = paths.index(path) + 1
        menu = QMenu(self)
        menu.addAction("Rename…", lambda: self.chapterRenameRequested.emit(path))
        up = menu.addAction("Move up", lambda: self.chapterMoveRequested.emit(path, place - 1))
        up.setEnabled(place > 1)
        down = menu.addAction("Move down", lambda: self.chapterMoveRequested.emit(path, place + 1))
        down.setEnabled(place < len(paths))
        menu.addSeparator()
        merge = menu.addAction("Merge with next", lambda: self.chapterMergeRequested.emit(path))
        merge.setEnabled(place < len(paths))
        menu.addSeparator()
        menu.addAction("Delete…", lambda: self.chapterDeleteRequested.emit(path))
        return menu

    def _ask(self, index: int, key: str, label: str, current: str) -> None:
        value, ok = QInputDialog.getText(self, "Scene", label, text=current)
        if ok:
            self.sceneFieldEdited.emit(index, key, value.strip())
