"""The history panel: the chapter's revisions, a coloured diff, restore and snapshots.

Everything comes from ``history.store.HistoryStore`` and ``history.diff``; the panel only
lists, renders and asks. The diff shows the changed paragraphs of the chosen revision
against the editor's current text (or against another revision), insertions and deletions
coloured.
"""

from __future__ import annotations

import html
from datetime import date, datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ficwriter.gui.theme import LIGHT, Theme
from ficwriter.history.diff import TextDiff, diff_texts
from ficwriter.history.store import HistoryStore, Revision

_ID = Qt.ItemDataRole.UserRole
CURRENT = -1
WORDS_TIP = ("Story words added and removed since the chapter's previous revision. "
             "Author's notes, their ::: note lines, comments and scene metadata are not "
             "counted, as in the word count and in Progress.")
LIST_HEIGHT = 130  # px: the header and about five revisions
SOURCE_LABELS = {
    "save": "Saved",
    "external": "On disk",
    "import": "Imported",
    "restore": "Restored",
    "recovery": "Recovered",
    "conflict": "Mine (conflict)",  # the editor's text when the file changed under it
}


def when(created: str) -> str:
    """A revision time in local time, short: ``18:20`` today, else ``24 Nov 18:20``."""
    moment = datetime.fromisoformat(created).astimezone()
    if moment.date() == datetime.now().astimezone().date():
        return moment.strftime("%H:%M:%S")
    return moment.strftime("%d %b %Y %H:%M")


def diff_html(diff: TextDiff, theme: Theme) -> str:
    """The changed paragraphs, with deletions struck through and insertions highlighted."""
    if diff.unchanged:
        return f"<p style='color:{theme.muted}'>No differences.</p>"
    parts = [
        f"<p style='color:{theme.muted}'>+{diff.words_added:,} words, "
        f"\u2212{diff.words_removed:,} words · {diff.paragraphs_changed} changed, "
        f"{diff.paragraphs_inserted} added, {diff.paragraphs_deleted} removed paragraphs</p>"
    ]
    inserted = f"color:{theme.text}; background-color:{theme.inserted};"
    deleted = f"color:{theme.text}; background-color:{theme.deleted}; text-decoration: line-through;"
    for paragraph in diff.paragraphs:
        label = {"inserted": "Added", "deleted": "Removed", "changed": "Changed"}[paragraph.kind]
        number = paragraph.new_index if paragraph.new_index is not None else paragraph.old_index
        spans = []
        for run in paragraph.runs:
            if run.kind == "equal":
                spans.append(html.escape(run.new_text))
                continue
            if run.old_text:
                spans.append(f"<span style='{deleted}'>{html.escape(run.old_text)}</span>")
            if run.new_text:
                spans.append(f"<span style='{inserted}'>{html.escape(run.new_text)}</span>")
        body = "".join(spans).replace("\n", "<br>")
        parts.append(
            f"<p style='margin-top:14px; color:{theme.muted}; font-size:small'>"
            f"{label} · paragraph {(number or 0) + 1}</p><p>{body}</p>"
        )
    return "".join(parts)


class HistoryDock(QDockWidget):
    restoreRequested = Signal(int)  # revision id
    snapshotRequested = Signal()
    opened = Signal()  # shown (menu, shortcut, a revision asked for), even behind a tab

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not event.spontaneous():
            self.opened.emit()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("History", parent)
        self.setObjectName("history")
        self.store: HistoryStore | None = None
        self.path: str | None = None
        self._current_text = ""
        self._theme = LIGHT
        self._revisions: list[Revision] = []
        self._pinned: dict[int, list[str]] = {}  # revision id -> names of its snapshots

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(8, 4, 8, 8)
        self.list = QTreeWidget()
        self.list.setHeaderLabels(["Time", "Source", "Words", "+/\u2212", "Snapshot"])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.headerItem().setToolTip(3, WORDS_TIP)
        # Time, words and +/- take what they need; the source ("Chapters: Move Chapter")
        # and the snapshot names share the rest, elided, so every column stays inside a
        # narrow panel (their whole text is in the tooltip). Without snapshots the source
        # has it all.
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)

        compare = QHBoxLayout()
        compare.addWidget(QLabel("Compare with"))
        self.against = QComboBox()
        # revision labels are long: the closed box elides them rather than widen the panel
        self.against.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.against.setMinimumContentsLength(12)
        compare.addWidget(self.against, 1)
        self.diff_view = QTextBrowser()
        self.diff_view.setOpenLinks(False)
        lower = QWidget()
        lower_column = QVBoxLayout(lower)
        lower_column.setContentsMargins(0, 0, 0, 0)
        lower_column.addLayout(compare)
        lower_column.addWidget(self.diff_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.list)
        splitter.addWidget(lower)
        # the list shows a handful of rows; the diff, what the writer reads, gets the rest
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([LIST_HEIGHT, 4 * LIST_HEIGHT])
        column.addWidget(splitter, 1)

        buttons = QHBoxLayout()
        self.restore_button = QPushButton("Restore…")
        self.snapshot_button = QPushButton("Create snapshot…")
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.snapshot_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.setWidget(body)

        # a diff of a long chapter takes a moment: once per turn of the event loop, and only
        # while the panel is on screen
        self._diff_timer = QTimer(self, singleShot=True, interval=0)
        self._diff_timer.timeout.connect(self._render_diff)
        self.list.currentItemChanged.connect(lambda *_: self.show_diff())
        self.against.activated.connect(lambda *_: self.show_diff())
        self.restore_button.clicked.connect(self._restore_clicked)
        self.snapshot_button.clicked.connect(self.snapshotRequested)
        self._update_buttons()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.show_diff()

    def set_chapter(self, store: HistoryStore | None, path: str | None) -> None:
        """Follow this chapter's history (read now if the panel shows, else when shown)."""
        self.store, self.path = store, path
        if self.isVisible():
            self.refresh()
        else:
            self.list.clear()
            self.diff_view.clear()

    def describe(self, revision_id: int) -> str:
        """The revision as the writer saw it in the list, in words: for a dialog that must
        say which one it means (``r12, Saved at 14:02:10, 1,522 words, snapshot “Draft”``)."""
        revision = next((r for r in self._revisions if r.id == revision_id), None)
        if revision is None:
            return f"r{revision_id}"
        source = SOURCE_LABELS.get(revision.source, revision.source)
        parts = [f"{revision.label}, {source} at {when(revision.created)}",
                 f"{revision.words:,} words"]
        names = self._pinned.get(revision_id, [])
        if names:
            label = "snapshot" if len(names) == 1 else "snapshots"
            parts.append(f"{label} " + ", ".join(f"\u201c{name}\u201d" for name in names))
        return ", ".join(parts)

    def set_current_text(self, text: str) -> None:
        """The editor's text, what a revision is compared with by default."""
        self._current_text = text
        if self.against.currentData() == CURRENT:
            self.show_diff()

    def refresh(self) -> None:
        """Reload the list of revisions (after a save, an external change, a restore)."""
        selected = self.selected_id()
        self.list.clear()
        self._revisions = self.store.revisions(self.path) if self.store and self.path else []
        pinned: dict[int, list[str]] = {}
        if self.store is not None and self.path is not None:
            for snapshot in self.store.snapshots():
                revision = snapshot.revisions.get(self.path)
                if revision is not None:
                    pinned.setdefault(revision, []).append(snapshot.name)
        self._pinned = pinned
        self.list.setColumnHidden(4, not pinned)
        for revision in self._revisions:
            item = QTreeWidgetItem([
                when(revision.created),
                SOURCE_LABELS.get(revision.source, revision.source),
                f"{revision.words:,}",
                f"+{revision.added:,} \u2212{revision.removed:,}",
                ", ".join(pinned.get(revision.id, [])),
            ])
            item.setData(0, _ID, revision.id)
            item.setToolTip(0, f"{revision.label} · {revision.created}")
            item.setToolTip(1, item.text(1))
            item.setToolTip(3, WORDS_TIP)
            item.setToolTip(4, item.text(4))
            self.list.addTopLevelItem(item)
        self.against.blockSignals(True)
        previous = self.against.currentData()
        self.against.clear()
        self.against.addItem("Current text", CURRENT)
        for revision in self._revisions:
            self.against.addItem(f"{revision.label} · {when(revision.created)}", revision.id)
        self.against.setCurrentIndex(max(0, self.against.findData(previous)))
        self.against.blockSignals(False)
        if selected is not None:
            self.select(selected)
        elif self._revisions:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self._update_buttons()
        self.show_diff()

    def mark_day(self, day: date) -> None:
        """Show the revisions of ``day`` (local date) in bold, the rest as they are."""
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            revision = self._revisions[row]
            on_day = datetime.fromisoformat(revision.created).astimezone().date() == day
            for column in range(self.list.columnCount()):
                font = item.font(column)
                font.setBold(on_day)
                item.setFont(column, font)

    def select(self, revision_id: int) -> None:
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            if item.data(0, _ID) == revision_id:
                self.list.setCurrentItem(item)
                return

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(0, _ID))

    def compare_with(self, other: int) -> None:
        """Compare the selected revision with revision ``other`` (or ``CURRENT``)."""
        self.against.setCurrentIndex(max(0, self.against.findData(other)))
        self.show_diff()

    def show_diff(self) -> None:
        """Show the selected revision's diff (soon, and only while the panel shows)."""
        self._update_buttons()
        self._diff_timer.start()

    def _render_diff(self) -> None:
        if not self.isVisible():
            return  # shown again later: MainWindow refreshes the panel then
        chosen = self.selected_id()
        if self.store is None or chosen is None:
            self.diff_view.setHtml("")
            return
        other = self.against.currentData()
        old = self.store.text(chosen)
        new = self._current_text if other in (None, CURRENT) else self.store.text(other)
        self.diff_view.setHtml(diff_html(diff_texts(old, new), self._theme))

    def _update_buttons(self) -> None:
        chosen = self.selected_id() is not None
        self.restore_button.setEnabled(chosen)
        self.snapshot_button.setEnabled(self.store is not None and self.path is not None)

    def _restore_clicked(self) -> None:
        chosen = self.selected_id()
        if chosen is not None:
            self.restoreRequested.emit(chosen)
