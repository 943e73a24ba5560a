"""The issues panel's table models: its rows, their filter, and the rules they come from.

Kept apart from the dock widget (``issues_dock``) because they are the panel's data, not its
controls: what a row shows and in what order (``IssuesModel``), which rows the writer's
filters let through (``IssuesFilter``), and how many issues each rule raised
(``RulesModel``, the "Group by rule" list). A row is the open chapter's live ``ShownIssue``
or another chapter's ``ChapterIssue`` (the "Whole project" scope).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from ficwriter.checks.messages import readable
from ficwriter.core.chapters import listed_title
from ficwriter.gui.background.checking import engine_label
from ficwriter.gui.editor.issue_layer import ShownIssue
from ficwriter.gui.panels.project_issues import ChapterIssue, ProjectIssues
from ficwriter.gui.theme import LIGHT, Theme

COLUMNS = ("Category", "Message", "Text", "Engine", "Chapter", "Scene")
CHAPTER_COLUMN = 4
ANY = ""  # a filter that lets every row through
_CONTEXT = 28

Row = ShownIssue | ChapterIssue  # the open chapter's (live) or another chapter's issue


def _around(line: str, start: int, end: int) -> str:
    end = min(len(line), end)
    before = line[max(0, start - _CONTEXT) : start]
    after = line[end : end + _CONTEXT]
    lead = "…" if start > _CONTEXT else ""
    tail = "…" if end + _CONTEXT < len(line) else ""
    return f"{lead}{before}[{line[start:end]}]{after}{tail}"


def context_of(row: Row) -> str:
    """The flagged words with a little of their line around them: ``…gate [recieved] the…``."""
    if isinstance(row, ChapterIssue):
        text = row.chapter.text
        first = text.rfind("\n", 0, row.start) + 1
        last = text.find("\n", row.start)
        line = text[first : last if last >= 0 else len(text)]
        return _around(line, row.start - first, row.end - first)
    block = row.cursor.document().findBlock(row.start)
    return _around(block.text(), row.start - block.position(), row.end - block.position())


def flagged_text(row: Row) -> str:
    return row.text if isinstance(row, ChapterIssue) else row.cursor.selectedText()


class IssuesModel(QAbstractTableModel):
    """Rows of issues, sorted here (a Python key sort, not a comparison per call).

    Rows of several chapters sort in reading order first (``ProjectIssues.order``), so
    sorting by position or by chapter walks the project from its first chapter.
    """

    def __init__(self, project: ProjectIssues, theme: Theme = LIGHT) -> None:
        super().__init__()
        self.project = project
        self._rows: list[Row] = []
        self._contexts: dict[int, str] = {}  # row -> context, computed when first shown
        self._theme = theme
        self._sort = (2, Qt.SortOrder.AscendingOrder)

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def set_rows(self, rows: list[Row]) -> bool:
        """Show ``rows``; False (and nothing redrawn) when they are the rows shown already."""
        rows = self._sorted(rows)
        if len(rows) == len(self._rows) and all(a is b for a, b in zip(rows, self._rows)):
            return False
        self.beginResetModel()
        self._rows = rows
        self._contexts = {}
        self.endResetModel()
        return True

    def path_of(self, row: Row) -> Path | None:
        return row.path if isinstance(row, ChapterIssue) else self.project.current

    def _place(self, row: Row) -> tuple[int, int]:
        return self.project.order(self.path_of(row)), row.start

    def _sort_key(self, column: int):
        place = self._place
        keys = {
            0: lambda r: (r.issue.category.value, place(r)),
            1: lambda r: (r.issue.message, place(r)),
            2: place,
            3: lambda r: (r.issue.engine, place(r)),
            4: place,
            5: lambda r: (-1 if r.issue.scene is None else r.issue.scene, place(r)),
        }
        return keys[column]

    def _sorted(self, rows: list[Row]) -> list[Row]:
        column, order = self._sort
        return sorted(rows, key=self._sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._rows = self._sorted(self._rows)
        self._contexts = {}
        self.layoutChanged.emit()

    def shown(self, row: int) -> Row:
        return self._rows[row]

    def row_of(self, item: Row) -> int:
        """The row showing ``item``, -1 if none does."""
        return next((k for k, row in enumerate(self._rows) if row is item), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        shown = self._rows[index.row()]
        issue = shown.issue
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return issue.category.value.capitalize()
            if column == 1:
                if role == Qt.ItemDataRole.ToolTipRole:
                    return f"{readable(issue.message)}\n{issue.rule_name} ({issue.rule_id})"
                return readable(issue.message)
            if column == 2:
                row = index.row()
                if row not in self._contexts:
                    self._contexts[row] = context_of(shown)
                return self._contexts[row]
            if column == 3:
                return ", ".join(engine_label(e) for e in issue.engines)
            if column == 4:
                path = self.path_of(shown)
                return listed_title(path) if path is not None else ""
            if column == 5:
                return "" if issue.scene is None else str(issue.scene + 1)
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return QColor(self._theme.category_color(issue.category))
        return None


class IssuesFilter(QSortFilterProxyModel):
    """Filters rows; sorting is left to ``IssuesModel`` (the proxy keeps its order)."""

    def __init__(self) -> None:
        super().__init__()
        self.category = ANY
        self.engine = ANY
        self.rule = ANY
        self.chapter = ANY  # a chapter's path as text (project scope)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    def set_filter(self, *, category: str | None = None, engine: str | None = None,
                   rule: str | None = None, chapter: str | None = None) -> None:
        self._begin_filter_change()
        if category is not None:
            self.category = category
        if engine is not None:
            self.engine = engine
        if rule is not None:
            self.rule = rule
        if chapter is not None:
            self.chapter = chapter
        self._end_filter_change()

    # Qt 6.10 replaced invalidateRowsFilter() with a begin/end pair; the project still
    # runs on 6.6, where only the former exists.
    def _begin_filter_change(self) -> None:
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()

    def _end_filter_change(self) -> None:
        if hasattr(self, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        assert isinstance(model, IssuesModel)
        shown = model.shown(row)
        issue = shown.issue
        return (
            (not self.category or issue.category.value == self.category)
            and (not self.engine or self.engine in issue.engines)
            and (not self.rule or issue.rule_id == self.rule)
            and (not self.chapter or str(model.path_of(shown)) == self.chapter)
        )


class RulesModel(QAbstractTableModel):
    """Issues grouped by rule: one row per rule with how many issues it raised."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[tuple[str, str, int]] = []  # rule id, rule name, count

    def set_counts(self, counts: Counter[tuple[str, str]]) -> None:
        self.beginResetModel()
        self._rows = [(rule, name, n) for (rule, name), n in counts.most_common()]
        self.endResetModel()

    def rule(self, row: int) -> str:
        return self._rows[row][0]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return ("Rule", "Issues")[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        rule, name, count = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{name}" if index.column() == 0 else str(count)
        if role == Qt.ItemDataRole.ToolTipRole:
            return rule
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
