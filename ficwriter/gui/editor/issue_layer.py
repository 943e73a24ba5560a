"""Issues drawn in the editor as wavy underlines that follow the text as it is edited.

Each shown issue holds a ``QTextCursor`` over its characters, so Qt itself moves every
underline when text is inserted or removed before it: a keystroke costs no Python work per
issue. An edit that touches an issue's characters drops that issue at once (no stale
underline on changed text) until the checker has looked at the paragraph again. The
underlines are the editor's extra selections, rebuilt only when the set of issues changes;
each issue's selection is made once, and only the issues on and near the screen are handed
to the editor (again as it scrolls): Qt lays out every paragraph an extra selection is in,
~0.1 ms each, so handing it the thousands of a long chapter froze the window for 60-90 ms.
For the same reason an issue's cursor is placed inside an (empty) edit block, which spares
Qt laying out its paragraph to find the cursor's x.

A check result reaches the layer as a ``ResultDiff`` (worked out off the GUI thread against
the keys the shown issues were placed under): the repeated issues keep their cursors, only
the new ones are placed, so a result costs what it changed.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from ficwriter.checks.issue import Category, Issue, Severity
from ficwriter.gui.editor.rebase import PositionMap
from ficwriter.gui.editor.result_diff import EMPTY, Placement, ResultDiff, issue_key
from ficwriter.gui.theme import Theme

_LOOKBACK = 4000  # no issue is longer than this; bounds the search for touched issues
_MARGIN_SCREENS = 1  # underlines handed to the editor this many screenfuls above and below


@dataclass
class ShownIssue:
    """An issue and the live Qt range of its characters in the editor; ``review`` is a beta
    reader's item behind it (``actions.beta_actions.Placed``), ``None`` for a checker's."""

    issue: Issue
    cursor: QTextCursor
    review: Any = None
    selection: QTextEdit.ExtraSelection | None = None  # its underline, made when first drawn

    @property
    def start(self) -> int:
        return self.cursor.selectionStart()

    @property
    def end(self) -> int:
        return self.cursor.selectionEnd()


def _start(shown: ShownIssue) -> int:
    return shown.cursor.selectionStart()


class IssueLayer(QObject):
    """The issues underlined in one editor, in document order."""

    changed = Signal()  # the set of shown issues changed (new results, an edit, a dismissal)

    def __init__(self, editor: QPlainTextEdit, theme: Theme) -> None:
        super().__init__(editor)
        self._editor = editor
        self._theme = theme
        self._checked: list[ShownIssue] = []  # the checker's, replaced by each result
        self._review: list[ShownIssue] = []  # a beta reader's items, until acted on
        self._shown: list[ShownIssue] = []  # both, in document order
        self._placement = EMPTY
        self._handed: list[ShownIssue] = []  # the ones the editor has as extra selections
        editor.document().contentsChange.connect(self._on_change)
        editor.updateRequest.connect(lambda _rect, _dy: self._hand_visible())

    # -- setting and reading --------------------------------------------------------------
    @property
    def placement(self) -> Placement:
        """The keys the checker's shown issues were placed under (a worker compares the
        next result with them)."""
        return self._placement

    def set_issues(self, placed: Iterable[tuple[Issue, int, int]]) -> None:
        """Show these issues at the given Qt ranges of the text as it is, replacing what
        was shown."""
        self.apply(ResultDiff(self._placement.generation, -1, [], list(placed)), PositionMap())

    def apply(self, diff: ResultDiff, to_now: PositionMap) -> bool:
        """Show a check result: the issues ``diff`` keeps stay as they are (cursor and all),
        its added ones are placed where ``to_now`` carries them, the rest go. ``False``
        (nothing done) when the shown set was replaced since ``diff`` was worked out.

        The underlines are redrawn only if the set of underlined ranges changed.
        """
        if diff.generation != self._placement.generation:
            return False
        previous = self._placement.keys
        keys: dict = {}
        renamed: dict[int, tuple] = {}
        for old_key, issue, key in diff.kept:
            shown = previous.get(old_key)
            if shown is not None:
                shown.issue = issue  # type: ignore[attr-defined]
                renamed[id(shown)] = key
        checked = [s for s in self._checked if id(s) in renamed]  # an edit may have dropped some
        for shown in checked:
            keys[renamed[id(shown)]] = shown
        removed = len(checked) != len(self._checked)
        document = self._editor.document()
        limit = document.characterCount() - 1
        added = []
        hold = QTextCursor(document)
        hold.beginEditBlock()  # no text changes; spares laying out each issue's paragraph
        try:
            for issue, start, end in diff.added:
                now = to_now.map_range(start, end)
                if now is None or not 0 <= now[0] < now[1] <= limit:
                    continue
                cursor = QTextCursor(document)
                cursor.setPosition(now[0])
                cursor.setPosition(now[1], QTextCursor.MoveMode.KeepAnchor)
                shown = ShownIssue(issue, cursor)
                keys[issue_key(issue, start, end)] = shown
                added.append(shown)
        finally:
            hold.endEditBlock()
        if len(added) > len(checked) // 8:  # many: one sort beats an insertion each
            checked.extend(added)
            checked.sort(key=_start)
        else:
            for shown in added:
                insort(checked, shown, key=_start)
        self._checked = checked
        self._placement = Placement(self._placement.generation + 1, diff.version, keys)
        if added or removed:
            self._rebuild()
        else:
            self._merge()
        return True

    def set_review(self, placed: Iterable[tuple[Issue, int, int, Any]]) -> None:
        """Underline a beta reader's items (``(issue, start, end, review)``), replacing the
        ones shown; checker results leave them alone. An item stays until it is acted on,
        or until an edit changes the words it was placed on."""
        document = self._editor.document()
        limit = document.characterCount() - 1
        review = []
        for issue, start, end, item in placed:
            if 0 <= start < end <= limit:
                cursor = QTextCursor(document)
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                review.append(ShownIssue(issue, cursor, item))
        self._review = review
        self._rebuild()

    def clear(self) -> None:
        """Forget the checker's issues (a beta reader's items stay until acted on)."""
        self._checked = []
        self._placement = Placement(self._placement.generation + 1, -1, {})
        self._rebuild()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        for shown in self._checked + self._review:
            shown.selection = None
        self._rebuild()

    @property
    def shown(self) -> list[ShownIssue]:
        return list(self._shown)

    def __len__(self) -> int:
        return len(self._shown)

    def issue_at(self, position: int) -> ShownIssue | None:
        """The issue whose characters include Qt position ``position`` (innermost first)."""
        index = bisect_right(self._shown, position, key=_start)
        for shown in reversed(self._shown[max(0, index - 8) : index]):
            if shown.start <= position <= shown.end:
                return shown
        return None

    def next_after(self, position: int) -> ShownIssue | None:
        """The first issue starting after ``position``, wrapping to the first."""
        index = bisect_right(self._shown, position, key=_start)
        if index < len(self._shown):
            return self._shown[index]
        return self._shown[0] if self._shown else None

    def previous_before(self, position: int) -> ShownIssue | None:
        """The last issue starting before ``position``, wrapping to the last."""
        index = bisect_left(self._shown, position, key=_start)
        if index > 0:
            return self._shown[index - 1]
        return self._shown[-1] if self._shown else None

    def remove(self, shown: ShownIssue) -> None:
        for group in (self._checked, self._review):
            if shown in group:
                group.remove(shown)
                self._rebuild()
                return

    def remove_where(self, predicate) -> None:
        kept = [shown for shown in self._checked if not predicate(shown.issue)]
        if len(kept) != len(self._checked):
            self._checked = kept
            self._rebuild()

    def remove_spelling_of(self, word: str) -> None:
        """Drop spelling issues on ``word`` (it was just added to the dictionary)."""
        kept = [
            shown for shown in self._checked
            if not (shown.issue.category is Category.SPELLING and shown.cursor.selectedText() == word)
        ]
        if len(kept) != len(self._checked):
            self._checked = kept
            self._rebuild()

    # -- following edits ------------------------------------------------------------------
    def _on_change(self, position: int, removed: int, added: int) -> None:
        stale = [s for s in self._review if s.cursor.selectedText() != s.review.words]
        if stale:  # the words a reader's item was placed on were edited: it no longer applies
            self._review = [s for s in self._review if s not in stale]
        if not self._checked:
            if stale:
                self._rebuild()
            return
        end = position + added
        index = bisect_right(self._checked, end, key=_start)
        touched: list[int] = []
        k = index - 1
        while k >= 0:
            shown = self._checked[k]
            start = shown.start
            if start < position - _LOOKBACK:
                break
            if shown.end >= position or start == shown.end:
                touched.append(k)
            k -= 1
        if touched:
            for k in touched:  # descending, so earlier indices stay valid
                del self._checked[k]
        if touched or stale:
            self._rebuild()

    def _merge(self) -> None:
        self._shown = sorted(self._checked + self._review, key=_start) if self._review else self._checked

    def _rebuild(self) -> None:
        self._merge()
        self._hand_visible(force=True)
        self.changed.emit()

    def _hand_visible(self, force: bool = False) -> None:
        """Give the editor the underlines on and near the screen (when they changed)."""
        editor = self._editor
        viewport = editor.viewport()
        top = editor.cursorForPosition(QPoint(0, 0)).position()
        bottom = editor.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
        margin = (bottom - top + 1) * _MARGIN_SCREENS
        first = bisect_left(self._shown, top - margin - _LOOKBACK, key=_start)
        last = bisect_right(self._shown, bottom + margin, key=_start)
        handed = [s for s in self._shown[first:last] if s.end >= top - margin]
        if not force and len(handed) == len(self._handed) and all(
                a is b for a, b in zip(handed, self._handed)):
            return
        self._handed = handed
        formats: dict[tuple[str, str], QTextCharFormat] = {}
        selections = []
        for shown in handed:
            selection = shown.selection
            if selection is None:
                key = (shown.issue.category.value, shown.issue.severity.value)
                fmt = formats.get(key)
                if fmt is None:
                    fmt = formats[key] = self._format(shown.issue)
                selection = shown.selection = QTextEdit.ExtraSelection()
                selection.cursor = shown.cursor
                selection.format = fmt
            selections.append(selection)
        editor.setExtraSelections(selections)

    def _format(self, issue: Issue) -> QTextCharFormat:
        fmt = QTextCharFormat()
        color = QColor(self._theme.category_color(issue.category))
        if issue.severity is Severity.HINT:
            color.setAlpha(170)
        beta = issue.category is Category.BETA  # a reader's mark: a straight line, tinted
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline if beta
                              else QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(color)
        if beta:
            tint = QColor(color)
            tint.setAlpha(40)
            fmt.setBackground(tint)
        return fmt
