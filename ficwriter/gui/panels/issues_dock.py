"""The issues panel: every open issue of the chapter, or of the project, in a table.

Rows of the open chapter are the issues the editor underlines (``IssueLayer``), so the panel
and the text never disagree. In the "Whole project" scope the other chapters' issues join
them (``ProjectIssues`` checks those chapters in the background) with a Chapter column.
Each action is one key on the selected row: Enter jumps (opening another chapter first),
A applies the first suggestion (open chapter only: a suggestion is applied in the editor,
where it can be undone), D dismisses, R dismisses the rule, W adds the word to the
dictionary; after an action the next row is selected. The table refreshes on a short
timer, never per keystroke. What the rows show and which pass the filters is
``issues_model``'s; this module is the panel's controls.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ficwriter.checks.issue import Category
from ficwriter.core.chapters import listed_title
from ficwriter.gui.app_settings import AppSettings
from ficwriter.gui.background.checking import engine_label
from ficwriter.gui.flow_layout import FlowLayout
from ficwriter.gui.editor.issue_layer import IssueLayer, ShownIssue
from ficwriter.gui.panels.issues_model import (
    ANY,
    CHAPTER_COLUMN,
    IssuesFilter,
    IssuesModel,
    Row,
    RulesModel,
    flagged_text,
)
from ficwriter.gui.panels.project_issues import ChapterIssue, ProjectIssues
from ficwriter.gui.theme import Theme

SCOPES = (("chapter", "This chapter"), ("project", "Whole project"))
APPLY_ELSEWHERE = "Apply: open chapter first"
LONG_STATUS = 60  # characters: a checker's state this long is a reason, shown last
SUGGESTION_CHARS = 12  # of a suggestion shown on the Apply button; longer ones are cut


def _apply_label(suggestion: str | None) -> str:
    if suggestion is None:
        return "Apply (A)"
    if len(suggestion) > SUGGESTION_CHARS:
        suggestion = suggestion[: SUGGESTION_CHARS - 1] + "\u2026"
    return f"Apply \u201c{suggestion}\u201d (A)"


def _reader(row: Row | None) -> str | None:
    """The beta reader behind a row, ``None`` for a checker's issue."""
    if isinstance(row, ShownIssue) and row.review is not None:
        return engine_label(row.issue.engine)
    return None


class OneLineLabel(QLabel):
    """A label of one line that cuts what does not fit with an ellipsis (the whole text is
    in its tooltip): the checkers' state must not take three rows from the issues table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight,
                                                   max(self.width(), 40)))


class IssuesDock(QDockWidget):
    jumpRequested = Signal(object)  # ShownIssue
    openIssueRequested = Signal(object)  # ChapterIssue: open its chapter, then jump
    stopLanguageToolRequested = Signal()
    applyRequested = Signal(object, str)  # ShownIssue, suggestion
    dismissRequested = Signal(object)  # ShownIssue (another chapter's: dismissed here)
    dismissRuleRequested = Signal(object)  # Row
    addWordRequested = Signal(str)
    betaAcceptRequested = Signal(object)  # ShownIssue of a beta reader's item
    betaRejectRequested = Signal(object)
    betaAcceptAllRequested = Signal(str)  # the reader's name
    betaRejectAllRequested = Signal(str)

    def __init__(self, layer: IssueLayer, parent: QWidget | None = None,
                 settings: AppSettings | None = None) -> None:
        super().__init__("Issues", parent)
        self.setObjectName("issues")
        self.layer = layer
        self.settings = settings
        self.scope = "chapter"
        self.project = ProjectIssues(self)
        self.model = IssuesModel(self.project)
        self.proxy = IssuesFilter()
        self.proxy.setSourceModel(self.model)
        self.rules = RulesModel()

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(8, 4, 8, 8)
        self.scope_box = QComboBox()
        for value, label in SCOPES:
            self.scope_box.addItem(label, value)
        self.scope_box.setToolTip("Issues of the open chapter, of every chapter in the project, "
                                  "or of one chapter")
        self.category_box = QComboBox()
        self.engine_box = QComboBox()
        self._box_contents: dict[int, tuple[object, str]] = {}  # what ``_refill`` put in
        self._fill_filter_boxes([])  # "All categories" / "All engines" before any result
        for box in (self.category_box, self.engine_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # chapter titles can be long: the closed box elides them, its list shows them whole
        self.scope_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.scope_box.setMinimumContentsLength(16)
        self.group_box = QCheckBox("Group by rule")
        self.apply_button = QPushButton()
        # as wide as its longest label (a suggestion is cut to fit), so that choosing another
        # row never moves the buttons or wraps them onto another row
        widths = []
        for label in (APPLY_ELSEWHERE, _apply_label("x" * SUGGESTION_CHARS)):
            self.apply_button.setText(label)
            widths.append(self.apply_button.sizeHint().width())
        self.apply_button.setMinimumWidth(max(widths))
        self.apply_button.setText(_apply_label(None))
        self.dismiss_button = QPushButton("Dismiss (D)")
        self.rule_button = QPushButton("Dismiss rule (R)")
        self.word_button = QPushButton("Add to dictionary (W)")
        # a beta reader's row: Accept/Reject (A/D) on the buttons above, and all of one reader
        self.accept_all_button = QPushButton("Accept all")
        self.reject_all_button = QPushButton("Reject all")
        for button in (self.accept_all_button, self.reject_all_button):
            button.hide()
        # filters on the left, actions on the right; where the panel is narrow the actions
        # wrap onto a row of their own (and each group wraps inside only when it must)
        toolbar = FlowLayout()
        self.filter_row = toolbar.add_group(
            [self.scope_box, self.category_box, self.engine_box, self.group_box])
        toolbar.add_stretch()
        self.action_row = toolbar.add_group(
            [self.apply_button, self.dismiss_button, self.rule_button, self.word_button,
             self.accept_all_button, self.reject_all_button])
        column.addLayout(toolbar)

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
        # rows as tall as the text needs and no taller: a laptop's panel shows 8 of them
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 100)
        header.resizeSection(3, 110)
        header.resizeSection(CHAPTER_COLUMN, 150)
        header.resizeSection(5, 60)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.rules_view)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 900])
        column.addWidget(splitter, 1)

        self.progress = QLabel("")
        self.status = OneLineLabel()
        self.status.setObjectName("muted")
        self.stop_lt_button = QPushButton("Don't wait for LanguageTool")
        self.stop_lt_button.setToolTip("Check with the other engines for the rest of this session")
        self.stop_lt_button.hide()
        self.stop_lt_button.clicked.connect(self.stopLanguageToolRequested)
        status_row = QHBoxLayout()
        status_row.addWidget(self.progress)
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.stop_lt_button)
        column.addLayout(status_row)
        self.setWidget(body)

        self._refresh_timer = QTimer(self, singleShot=True, interval=150)
        self._refresh_timer.timeout.connect(self.refresh)
        layer.changed.connect(self._refresh_timer.start)
        self.project.changed.connect(self._refresh_timer.start)
        self.scope_box.activated.connect(self._scope_chosen)
        self.category_box.activated.connect(self._filters_changed)
        self.engine_box.activated.connect(self._filters_changed)
        self.group_box.toggled.connect(self._group_toggled)
        self.rules_view.selectionModel().selectionChanged.connect(self._rule_selected)
        self.table.doubleClicked.connect(lambda _: self.act("jump"))
        self.apply_button.clicked.connect(lambda: self.act("apply"))
        self.dismiss_button.clicked.connect(lambda: self.act("dismiss"))
        self.rule_button.clicked.connect(lambda: self.act("rule"))
        self.word_button.clicked.connect(lambda: self.act("word"))
        self.accept_all_button.clicked.connect(lambda: self.act("accept all"))
        self.reject_all_button.clicked.connect(lambda: self.act("reject all"))
        for key, what in (("Return", "jump"), ("Enter", "jump"), ("A", "apply"),
                          ("D", "dismiss"), ("R", "rule"), ("W", "word")):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda w=what: self.act(w))
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.set_scope(settings.issues_scope if settings is not None else "chapter")

    def set_theme(self, theme: Theme) -> None:
        self.model.set_theme(theme)

    # -- scope ----------------------------------------------------------------------------------
    def set_scope(self, scope: str) -> None:
        """Show the open chapter's issues (``"chapter"``) or every chapter's (``"project"``);
        the choice is remembered in the app settings."""
        self.scope = scope if scope in dict(SCOPES) else "chapter"
        project = self.scope == "project"
        self.table.setColumnHidden(CHAPTER_COLUMN, not project)
        if not project:
            self.proxy.set_filter(chapter=ANY)
        if self.settings is not None:
            self.settings.issues_scope = self.scope
        self.project.set_active(project)
        self._fill_scope_box()
        self.refresh()

    def _scope_chosen(self) -> None:
        """The scope box also lists the project's chapters: choosing one shows the project
        scope filtered to that chapter."""
        value = self.scope_box.currentData()
        chapter = ANY if value in dict(SCOPES) else value
        self.proxy.set_filter(chapter=chapter)
        self.set_scope("project" if chapter else value)
        if self.proxy.rowCount():
            self.table.selectRow(0)

    # -- content --------------------------------------------------------------------------------
    def rows(self) -> list[Row]:
        """The open chapter's issues, and in project scope every other chapter's."""
        rows: list[Row] = list(self.layer.shown)
        if self.scope == "project":
            rows.extend(self.project.rows())
        return rows

    def refresh(self) -> None:
        """Rebuild rows, keeping the selected issue selected (else the row where it was)."""
        self._show_progress()
        selected = self.selected()
        current = self.table.currentIndex().row()
        rows = self.rows()
        if not self.model.set_rows(rows):
            return
        self.rules.set_counts(Counter((s.issue.rule_id, s.issue.rule_name) for s in rows))
        self._fill_filter_boxes(rows)
        if self.proxy.rowCount():
            kept = self.model.row_of(selected) if selected is not None else -1
            row = self.proxy.mapFromSource(self.model.index(kept, 0)).row() if kept >= 0 else -1
            self.table.selectRow(row if row >= 0 else min(max(current, 0), self.proxy.rowCount() - 1))
        where = " in the project" if self.scope == "project" else ""
        self.setWindowTitle(f"Issues ({len(rows)}{where})" if rows else "Issues")
        self._update_buttons()

    def _show_progress(self) -> None:
        progress = self.project.progress() if self.scope == "project" else None
        if progress is None:
            self.progress.setText("")
        else:
            k, n, path = progress
            what = f"{k} of {n} chapters" if n > 1 else listed_title(path)
            self.progress.setText(f"Checking {what}\u2026")
        self.progress.setVisible(progress is not None)

    def _fill_filter_boxes(self, rows: list[Row]) -> None:
        categories = Counter(s.issue.category.value for s in rows)
        engines = Counter(e for s in rows for e in s.issue.engines)
        self._fill_scope_box(rows)
        self._fill_box(self.category_box, "All categories", self.proxy.category,
                       [(c.value, f"{c.value.capitalize()} ({categories[c.value]})")
                        for c in Category if categories[c.value] or c.value == self.proxy.category])
        self._fill_box(self.engine_box, "All engines", self.proxy.engine,
                       [(e, f"{engine_label(e)} ({n})") for e, n in sorted(engines.items())])

    def _fill_scope_box(self, rows: list[Row] | None = None) -> None:
        """This chapter / Whole project, with counts; in project scope each chapter with issues."""
        rows = self.rows() if rows is None else rows
        here = sum(1 for row in rows if not isinstance(row, ChapterIssue))
        items: list[tuple[str, str] | None] = [("chapter", f"This chapter ({here})")]
        if self.scope == "project":
            chapters = Counter(self.model.path_of(row) for row in rows)
            if self.proxy.chapter:
                chapters[Path(self.proxy.chapter)] += 0  # the chosen one, even once it is clean
            items.append(("project", f"Whole project ({len(rows)})"))
            items.append(None)
            items += [(str(path), f"{listed_title(path)} ({n})")
                      for path, n in sorted(chapters.items(), key=lambda i: self.project.order(i[0]))
                      if path is not None]
        else:
            items.append(("project", "Whole project"))
        if self._refill(self.scope_box, items, self.proxy.chapter or self.scope):
            view = self.scope_box.view()
            view.setMinimumWidth(view.sizeHintForColumn(0) + 24)

    def _fill_box(self, box: QComboBox, everything: str, current: str,
                  items: list[tuple[str, str]]) -> None:
        self._refill(box, [(ANY, everything), *items], current)

    def _refill(self, box: QComboBox, items: list[tuple[str, str] | None], current: str) -> bool:
        """Put ``items`` ((data, label), ``None`` for a separator) in ``box`` with
        ``current`` chosen; whether anything changed. A box as it was is left alone: the
        panel refreshes on every checker result, and refilling re-lays out its toolbar."""
        wanted = (tuple(items), current)
        if self._box_contents.get(id(box)) == wanted:
            return False
        self._box_contents[id(box)] = wanted
        box.blockSignals(True)
        box.clear()
        for item in items:
            if item is None:
                box.insertSeparator(box.count())
            else:
                box.addItem(item[1], item[0])
        box.setCurrentIndex(max(box.findData(current), 0))
        box.blockSignals(False)
        return True

    def _filters_changed(self) -> None:
        self.proxy.set_filter(category=self.category_box.currentData() or ANY,
                              engine=self.engine_box.currentData() or ANY)
        if self.proxy.rowCount():
            self.table.selectRow(0)
        self._update_buttons()

    def _group_toggled(self, on: bool) -> None:
        self.rules_view.setVisible(on)
        if not on:
            self.rules_view.clearSelection()
            self.proxy.set_filter(rule=ANY)

    def _rule_selected(self) -> None:
        rows = self.rules_view.selectionModel().selectedRows()
        self.proxy.set_filter(rule=self.rules.rule(rows[0].row()) if rows else ANY)
        if self.proxy.rowCount():
            self.table.selectRow(0)

    def set_checker_status(self, short: str, full: str, *, languagetool_busy: bool = False) -> None:
        # one line: the short states first ("Harper ready"), a long reason last, where the
        # ellipsis may cut it (the tooltip has it whole)
        parts = sorted(full.split("\n"), key=lambda part: len(part) > LONG_STATUS)
        self.status.set_full_text(" · ".join(parts))
        self.status.setToolTip(full)
        self.stop_lt_button.setVisible(languagetool_busy)

    # -- actions --------------------------------------------------------------------------------
    def selected(self) -> Row | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.shown(self.proxy.mapToSource(index).row())

    def _update_buttons(self, *_args) -> None:
        shown = self.selected()
        reader = _reader(shown)
        self.rule_button.setVisible(reader is None)
        self.word_button.setVisible(reader is None)
        self.accept_all_button.setVisible(reader is not None)
        self.reject_all_button.setVisible(reader is not None)
        if reader is not None:
            assert isinstance(shown, ShownIssue)
            comment = shown.issue.rule_id == "beta.comment"
            self.apply_button.setEnabled(True)
            self.apply_button.setText("Keep as comment (A)" if comment else "Accept (A)")
            self.apply_button.setToolTip(
                "Keep the reader's comment in the chapter as an author's comment (exports "
                "leave it out)" if comment else "Make this change in the text (Undo takes it back)")
            self.dismiss_button.setText("Reject (D)")
            self.accept_all_button.setText(f"Accept all from {reader}")
            self.reject_all_button.setText(f"Reject all from {reader}")
            return
        self.dismiss_button.setText("Dismiss (D)")
        elsewhere = isinstance(shown, ChapterIssue)
        suggestion = shown.issue.suggestions[0] if shown and shown.issue.suggestions else None
        self.apply_button.setEnabled(suggestion is not None and not elsewhere)
        self.dismiss_button.setEnabled(shown is not None)
        self.rule_button.setEnabled(shown is not None)
        self.word_button.setEnabled(bool(shown and shown.issue.category is Category.SPELLING))
        if suggestion is not None and elsewhere:
            self.apply_button.setText(APPLY_ELSEWHERE)
            self.apply_button.setToolTip("Suggestions are applied in the editor, where Undo can "
                                         "take them back: Enter or a double-click opens the chapter")
        else:
            self.apply_button.setText(_apply_label(suggestion))
            self.apply_button.setToolTip(f"Apply \u201c{suggestion}\u201d" if suggestion else "")

    def act(self, what: str) -> None:
        """Do ``what`` (jump/apply/dismiss/rule/word) to the selected issue."""
        shown = self.selected()
        if shown is None:
            return
        elsewhere = isinstance(shown, ChapterIssue)
        if what == "jump":
            (self.openIssueRequested if elsewhere else self.jumpRequested).emit(shown)
            return
        reader = _reader(shown)
        if reader is not None:
            signal, argument = {
                "apply": (self.betaAcceptRequested, shown),
                "dismiss": (self.betaRejectRequested, shown),
                "accept all": (self.betaAcceptAllRequested, reader),
                "reject all": (self.betaRejectAllRequested, reader),
            }.get(what, (None, None))
            if signal is None:
                return
            signal.emit(argument)
            self.refresh()
            self.table.setFocus()
            return
        if what == "apply" and shown.issue.suggestions and not elsewhere:
            self.applyRequested.emit(shown, shown.issue.suggestions[0])
        elif what == "dismiss" and elsewhere:
            self.project.dismiss(shown)
        elif what == "dismiss":
            self.dismissRequested.emit(shown)
        elif what == "rule":
            self.dismissRuleRequested.emit(shown)
        elif what == "word" and shown.issue.category is Category.SPELLING:
            self.addWordRequested.emit(flagged_text(shown))
        else:
            return
        self.refresh()
        self.table.setFocus()
