"""The issues panel: every open issue of the chapter in a table, to walk through fast.

Rows are the issues the editor underlines (``IssueLayer``), so the panel and the text never
disagree. Each action is one key on the selected row: Enter jumps, A applies the first
suggestion, D dismisses, R dismisses the rule, W adds the word to the dictionary; after an
action the next row is selected. The table refreshes on a short timer, never per keystroke.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ficwriter.checks.issue import Category
from ficwriter.gui.checking import engine_label
from ficwriter.gui.issue_layer import IssueLayer, ShownIssue
from ficwriter.gui.theme import LIGHT, Theme

COLUMNS = ("Category", "Message", "Text", "Engine", "Scene")
_CONTEXT = 28
_ANY = ""


def context_of(shown: ShownIssue) -> str:
    """The flagged words with a little of their line around them: ``…gate [recieved] the…``."""
    block = shown.cursor.document().findBlock(shown.start)
    line = block.text()
    start = shown.start - block.position()
    end = min(len(line), shown.end - block.position())
    before = line[max(0, start - _CONTEXT) : start]
    after = line[end : end + _CONTEXT]
    lead = "…" if start > _CONTEXT else ""
    tail = "…" if end + _CONTEXT < len(line) else ""
    return f"{lead}{before}[{line[start:end]}]{after}{tail}"


_SORT_KEYS = {
    0: lambda s: (s.issue.category.value, s.start),
    1: lambda s: (s.issue.message, s.start),
    2: lambda s: s.start,
    3: lambda s: (s.issue.engine, s.start),
    4: lambda s: (-1 if s.issue.scene is None else s.issue.scene, s.start),
}


class IssuesModel(QAbstractTableModel):
    """Rows of shown issues, sorted here (a Python key sort, not a comparison per call)."""

    def __init__(self, theme: Theme = LIGHT) -> None:
        super().__init__()
        self._rows: list[ShownIssue] = []
        self._contexts: dict[int, str] = {}  # row -> context, computed when first shown
        self._theme = theme
        self._sort = (2, Qt.SortOrder.AscendingOrder)

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def set_rows(self, rows: list[ShownIssue]) -> bool:
        """Show ``rows``; False (and nothing redrawn) when they are the rows shown already."""
        rows = self._sorted(rows)
        if len(rows) == len(self._rows) and all(a is b for a, b in zip(rows, self._rows)):
            return False
        self.beginResetModel()
        self._rows = rows
        self._contexts = {}
        self.endResetModel()
        return True

    def _sorted(self, rows: list[ShownIssue]) -> list[ShownIssue]:
        column, order = self._sort
        return sorted(rows, key=_SORT_KEYS[column], reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in _SORT_KEYS:
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._rows = self._sorted(self._rows)
        self._contexts = {}
        self.layoutChanged.emit()

    def shown(self, row: int) -> ShownIssue:
        return self._rows[row]

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
                    return f"{issue.message}\n{issue.rule_name} ({issue.rule_id})"
                return issue.message
            if column == 2:
                row = index.row()
                if row not in self._contexts:
                    self._contexts[row] = context_of(shown)
                return self._contexts[row]
            if column == 3:
                return ", ".join(engine_label(e) for e in issue.engines)
            if column == 4:
                return "" if issue.scene is None else str(issue.scene + 1)
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return QColor(self._theme.category_color(issue.category))
        return None


class IssuesFilter(QSortFilterProxyModel):
    """Filters rows; sorting is left to ``IssuesModel`` (the proxy keeps its order)."""

    def __init__(self) -> None:
        super().__init__()
        self.category = _ANY
        self.engine = _ANY
        self.rule = _ANY

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    def set_filter(self, *, category: str | None = None, engine: str | None = None,
                   rule: str | None = None) -> None:
        if category is not None:
            self.category = category
        if engine is not None:
            self.engine = engine
        if rule is not None:
            self.rule = rule
        self.invalidateRowsFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        assert isinstance(model, IssuesModel)
        issue = model.shown(row).issue
        return (
            (not self.category or issue.category.value == self.category)
            and (not self.engine or self.engine in issue.engines)
            and (not self.rule or issue.rule_id == self.rule)
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


class IssuesDock(QDockWidget):
    jumpRequested = Signal(object)  # ShownIssue
    stopLanguageToolRequested = Signal()
    applyRequested = Signal(object, str)  # ShownIssue, suggestion
    dismissRequested = Signal(object)
    dismissRuleRequested = Signal(object)
    addWordRequested = Signal(str)

    def __init__(self, layer: IssueLayer, parent: QWidget | None = None) -> None:
        super().__init__("Issues", parent)
        self.setObjectName("issues")
        self.layer = layer
        self.model = IssuesModel()
        self.proxy = IssuesFilter()
        self.proxy.setSourceModel(self.model)
        self.rules = RulesModel()

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(8, 4, 8, 8)
        filters = QHBoxLayout()
        self.category_box = QComboBox()
        self.engine_box = QComboBox()
        for box in (self.category_box, self.engine_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.group_box = QCheckBox("Group by rule")
        filters.addWidget(self.category_box)
        filters.addWidget(self.engine_box)
        filters.addWidget(self.group_box)
        filters.addStretch(1)
        column.addLayout(filters)
        self.apply_button = QPushButton("Apply (A)")
        self.dismiss_button = QPushButton("Dismiss (D)")
        self.rule_button = QPushButton("Dismiss rule (R)")
        self.word_button = QPushButton("Add to dictionary (W)")
        for button in (self.apply_button, self.dismiss_button, self.rule_button, self.word_button):
            filters.addWidget(button)

        self.rules_view = QTableView()
        self.rules_view.setModel(self.rules)
        self.rules_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rules_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rules_view.verticalHeader().hide()
        self.rules_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.rules_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.rules_view.hide()

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 100)
        header.resizeSection(3, 110)
        header.resizeSection(4, 60)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.rules_view)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 900])
        column.addWidget(splitter, 1)

        self.status = QLabel("")
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        self.stop_lt_button = QPushButton("Don't wait for LanguageTool")
        self.stop_lt_button.setToolTip("Check with the other engines for the rest of this session")
        self.stop_lt_button.hide()
        self.stop_lt_button.clicked.connect(self.stopLanguageToolRequested)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.stop_lt_button)
        column.addLayout(status_row)
        self.setWidget(body)

        self._refresh_timer = QTimer(self, singleShot=True, interval=150)
        self._refresh_timer.timeout.connect(self.refresh)
        layer.changed.connect(self._refresh_timer.start)
        self.category_box.activated.connect(self._filters_changed)
        self.engine_box.activated.connect(self._filters_changed)
        self.group_box.toggled.connect(self._group_toggled)
        self.rules_view.selectionModel().selectionChanged.connect(self._rule_selected)
        self.table.doubleClicked.connect(lambda _: self.act("jump"))
        self.apply_button.clicked.connect(lambda: self.act("apply"))
        self.dismiss_button.clicked.connect(lambda: self.act("dismiss"))
        self.rule_button.clicked.connect(lambda: self.act("rule"))
        self.word_button.clicked.connect(lambda: self.act("word"))
        for key, what in (("Return", "jump"), ("Enter", "jump"), ("A", "apply"),
                          ("D", "dismiss"), ("R", "rule"), ("W", "word")):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda w=what: self.act(w))
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.refresh()

    def set_theme(self, theme: Theme) -> None:
        self.model.set_theme(theme)

    # -- content --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Rebuild rows from the editor's issues, keeping the selected row where it was."""
        current = self.table.currentIndex().row()
        rows = self.layer.shown
        if not self.model.set_rows(rows):
            return
        self.rules.set_counts(Counter((s.issue.rule_id, s.issue.rule_name) for s in rows))
        self._fill_filter_boxes(rows)
        if self.proxy.rowCount():
            row = min(max(current, 0), self.proxy.rowCount() - 1)
            self.table.selectRow(row)
        self.setWindowTitle(f"Issues ({len(rows)})" if rows else "Issues")
        self._update_buttons()

    def _fill_filter_boxes(self, rows: list[ShownIssue]) -> None:
        categories = Counter(s.issue.category.value for s in rows)
        engines = Counter(e for s in rows for e in s.issue.engines)
        self._fill_box(self.category_box, "All categories", self.proxy.category,
                       [(c.value, f"{c.value.capitalize()} ({categories[c.value]})")
                        for c in Category if categories[c.value] or c.value == self.proxy.category])
        self._fill_box(self.engine_box, "All engines", self.proxy.engine,
                       [(e, f"{engine_label(e)} ({n})") for e, n in sorted(engines.items())])

    @staticmethod
    def _fill_box(box: QComboBox, everything: str, current: str, items: list[tuple[str, str]]) -> None:
        box.blockSignals(True)
        box.clear()
        box.addItem(everything, _ANY)
        for value, label in items:
            box.addItem(label, value)
        index = box.findData(current)
        box.setCurrentIndex(max(index, 0))
        box.blockSignals(False)

    def _filters_changed(self) -> None:
        self.proxy.set_filter(category=self.category_box.currentData() or _ANY,
                              engine=self.engine_box.currentData() or _ANY)
        if self.proxy.rowCount():
            self.table.selectRow(0)
        self._update_buttons()

    def _group_toggled(self, on: bool) -> None:
        self.rules_view.setVisible(on)
        if not on:
            self.rules_view.clearSelection()
            self.proxy.set_filter(rule=_ANY)

    def _rule_selected(self) -> None:
        rows = self.rules_view.selectionModel().selectedRows()
        self.proxy.set_filter(rule=self.rules.rule(rows[0].row()) if rows else _ANY)
        if self.proxy.rowCount():
            self.table.selectRow(0)

    def set_checker_status(self, short: str, full: str, *, languagetool_busy: bool = False) -> None:
        self.status.setText(full.replace("\n", " · "))
        self.status.setToolTip(full)
        self.stop_lt_button.setVisible(languagetool_busy)

    # -- actions --------------------------------------------------------------------------------
    def selected(self) -> ShownIssue | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.shown(self.proxy.mapToSource(index).row())

    def _update_buttons(self, *_args) -> None:
        shown = self.selected()
        self.apply_button.setEnabled(bool(shown and shown.issue.suggestions))
        self.dismiss_button.setEnabled(shown is not None)
        self.rule_button.setEnabled(shown is not None)
        self.word_button.setEnabled(bool(shown and shown.issue.category is Category.SPELLING))
        if shown and shown.issue.suggestions:
            self.apply_button.setText(f"Apply \u201c{shown.issue.suggestions[0]}\u201d (A)")
        else:
            self.apply_button.setText("Apply (A)")

    def act(self, what: str) -> None:
        """Do ``what`` (jump/apply/dismiss/rule/word) to the selected issue."""
        shown = self.selected()
        if shown is None:
            return
        if what == "jump":
            self.jumpRequested.emit(shown)
            return
        if what == "apply" and shown.issue.suggestions:
            self.applyRequested.emit(shown, shown.issue.suggestions[0])
        elif what == "dismiss":
            self.dismissRequested.emit(shown)
        elif what == "rule":
            self.dismissRuleRequested.emit(shown)
        elif what == "word" and shown.issue.category is Category.SPELLING:
            self.addWordRequested.emit(shown.cursor.selectedText())
        else:
            return
        self.refresh()
        self.table.setFocus()
