"""The beta-reader round trip in the window: *File → Send to Beta Reader…* and *Take Beta
Reader's Changes…*, and accepting or rejecting what the reader marked.

The reader's items join the issues panel as the *Beta* category and are underlined in the
text (``IssueLayer.set_review``): the reader's name is the row's "engine", so the panel's
engine filter picks one reader. Accepting an item is one edit in the editor (one undo
step), made by ``beta.edits`` on the text as it is then; the words it was placed on must
still be there (an item whose words the writer edited since drops out, it is never applied
blindly). Before the first accept the chapter is saved if it has unsaved edits, so the text
before the reader's changes is a revision; the next save after accepting is recorded as
"Beta: <reader>". A comment accepted becomes an author's comment in the chapter file
(``<!-- … -->`` after its paragraph), never story text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ficwriter.beta.edits import Edit, comment_edit, edit_for, edits_for
from ficwriter.beta.returned import NotAWordFile, open_returned, sent_text
from ficwriter.beta.review import ReviewItem, take
from ficwriter.beta.send import send_chapter
from ficwriter.checks.issue import Category, Issue, Severity
from ficwriter.core.atomic import SaveError
from ficwriter.core.export import ExportOptions
from ficwriter.gui.editor.issue_layer import ShownIssue
from ficwriter.history.disk_trouble import HistoryUnavailable
from ficwriter.history.store import ReadOnlyProject, beta_source

if TYPE_CHECKING:
    from ficwriter.gui.editor.editor import ChapterEditor
    from ficwriter.gui.editor.issue_layer import IssueLayer
    from ficwriter.gui.editor.session import ChapterSession
    from ficwriter.gui.workspace import Workspace

ENGINE_PREFIX = "beta:"  # a beta row's engine: "beta:" + the reader's name


class BetaWindow(Protocol):
    """The window as the beta commands use it."""

    workspace: Workspace | None
    session: ChapterSession | None
    editor: ChapterEditor
    issue_layer: IssueLayer

    def save(self) -> bool: ...
    def complain(self, message: str) -> None: ...


@dataclass(frozen=True)
class Placed:
    """A review item shown in the editor: the words it was placed on (an insertion point
    is shown on the word after it, or before it at a line's end)."""

    item: ReviewItem
    words: str
    point_at_end: bool = False


def reader_of(shown: ShownIssue) -> str | None:
    engine = shown.issue.engine
    return engine[len(ENGINE_PREFIX) :] if engine.startswith(ENGINE_PREFIX) else None


class BetaActions:
    def __init__(self, window: BetaWindow) -> None:
        self.window = window
        self._accepted: dict[str, None] = {}  # readers accepted from since the last save

    # -- sending ----------------------------------------------------------------------------
    def send(self) -> None:
        window = self.window
        if window.session is None or window.workspace is None:
            return
        suggested = window.session.path.with_suffix(".docx").name
        path, _ = QFileDialog.getSaveFileName(
            _parent(window), "Send to Beta Reader", str(Path.home() / suggested),
            "Word documents (*.docx)")
        if path:
            self.send_to(Path(path) if path.lower().endswith(".docx") else Path(path + ".docx"))

    def send_to(self, target: Path) -> bool:
        """Save the chapter, then write its Word file for a reader to ``target``."""
        window = self.window
        if window.session is None or window.workspace is None or not window.save():
            return False
        workspace = window.workspace
        try:
            options = ExportOptions.from_config(workspace.project.export)
            with workspace.store.lock:
                send_chapter(workspace.store, window.session.path, target,
                             project_title=workspace.project.title, options=options)
        except (SaveError, ReadOnlyProject, HistoryUnavailable, ValueError, LookupError) as error:
            window.complain(f"Could not send {window.session.path.name}: {error}")
            return False
        return True

    # -- taking back --------------------------------------------------------------------------
    def take(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            _parent(self.window), "Take Beta Reader's Changes", str(Path.home()),
            "Word documents (*.docx);;All files (*)")
        if path:
            self.take_from(Path(path))

    def take_from(self, path: Path) -> list[ReviewItem]:
        """List ``path``'s changes and comments on the open chapter; the items that no longer
        apply are returned (and said in a message), the others shown."""
        window = self.window
        if window.session is None or window.workspace is None:
            return []
        try:
            returned = open_returned(path)
        except (NotAWordFile, OSError) as error:
            window.complain(f"{path.name}: {error}")
            return []
        store = window.workspace.store
        rel = window.workspace.relative(window.session.path)
        text = window.editor.text()
        base = sent_text(store, rel, returned)
        review = take(returned.document, text, *(base or (None, None)))
        positions = window.editor.positions()
        placed = []
        for item in review.items:
            if item.applies:
                entry = self._placed(item, text)
                start, end = entry.item.start, entry.item.end  # the words it is shown on
                placed.append((self._issue(item), positions.to_qt(start), positions.to_qt(end),
                               entry))
        window.issue_layer.set_review(placed)
        stale = [item for item in review.items if not item.applies]
        if stale:
            lines = "\n".join(f"• {i.author}: {i.summary} — {i.context}" for i in stale[:12])
            more = f"\n… and {len(stale) - 12} more" if len(stale) > 12 else ""
            QMessageBox.information(
                _parent(window), "Beta reader's changes",
                f"{len(stale)} of the reader's changes no longer apply: you have rewritten "
                f"their words since. They are not made.\n\n{lines}{more}")
        return stale

    def _placed(self, item: ReviewItem, text: str) -> Placed:
        """Where an item is underlined: its words, or the word next to an insertion point."""
        assert item.start is not None and item.end is not None
        start, end, at_end = item.start, item.end, False
        if start == end:
            line_end = text.find("\n", start)
            line_end = len(text) if line_end < 0 else line_end
            word_end = start
            while word_end < line_end and not text[word_end].isspace():
                word_end += 1
            if word_end > start:
                end = word_end
            else:  # at a line's end, or before a space: the word before
                word_start = start
                while word_start > 0 and not text[word_start - 1].isspace():
                    word_start -= 1
                start, at_end = word_start, True
                if start == end and end < line_end:
                    end += 1  # a space: underline it
                    at_end = False
        shown = replace(item, start=start, end=end)
        return Placed(shown, text[start:end], at_end)

    @staticmethod
    def _issue(item: ReviewItem) -> Issue:
        assert item.start is not None and item.end is not None
        reader = item.author or "Reader"
        return Issue(item.start, max(item.end, item.start + 1), Category.BETA,
                     f"beta.{item.kind}", f"Beta: {item.kind}", f"{reader}: {item.summary}",
                     ENGINE_PREFIX + reader, severity=Severity.WARNING)

    # -- accepting and rejecting ----------------------------------------------------------------
    def accept(self, shown: ShownIssue) -> bool:
        """Make the change (a comment: keep it as an author's comment), one undo step."""
        edit = self._edit(shown)
        if edit is None:
            return False
        self._replace(edit)
        self.window.issue_layer.remove(shown)
        self._accepted[reader_of(shown) or "reader"] = None
        return True

    def reject(self, shown: ShownIssue) -> None:
        self.window.issue_layer.remove(shown)

    def accept_all(self, reader: str) -> int:
        """Every change of ``reader`` still shown, as one undo step; comments stay listed."""
        if not self._ready():
            return 0
        rows = [s for s in self._rows(reader) if s.review.item.kind != "comment"]
        if not rows:
            return 0
        editor = self.window.editor
        edits = edits_for(editor.text(), [self._now(s) for s in rows])
        if not edits:
            return 0
        positions = editor.positions()  # the edits go from the end backwards: all still right
        cursor = QTextCursor(editor.document())
        cursor.beginEditBlock()  # one undo step for all of them
        for edit, _items in edits:
            cursor.setPosition(positions.to_qt(edit.start))
            cursor.setPosition(positions.to_qt(edit.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(edit.replacement)
        cursor.endEditBlock()
        applied = sum(len(items) for _edit, items in edits)
        for shown in rows:
            self.window.issue_layer.remove(shown)
        self._accepted[reader] = None
        return applied

    def reject_all(self, reader: str) -> int:
        rows = self._rows(reader)
        for shown in rows:
            self.window.issue_layer.remove(shown)
        return len(rows)

    def readers(self) -> list[str]:
        return list(dict.fromkeys(r for s in self.window.issue_layer.shown
                                  if (r := reader_of(s)) is not None))

    # -- saving ---------------------------------------------------------------------------------
    def save_source(self) -> str:
        """What the next save is recorded as: "Beta: <reader>" after accepting, else "save"."""
        return beta_source(", ".join(self._accepted)) if self._accepted else "save"

    def saved(self) -> None:
        self._accepted.clear()

    def chapter_closed(self) -> None:
        self._accepted.clear()
        self.window.issue_layer.set_review([])

    # -- inside ---------------------------------------------------------------------------------
    def _rows(self, reader: str) -> list[ShownIssue]:
        return [s for s in self.window.issue_layer.shown if reader_of(s) == reader]

    def _ready(self) -> bool:
        """The text before the reader's changes is a revision: save unsaved edits first."""
        window = self.window
        if window.session is None:
            return False
        return not window.session.dirty or window.save()

    def _now(self, shown: ShownIssue) -> ReviewItem:
        """The item at its words as they stand now (``shown``'s cursor moved with edits)."""
        placed: Placed = shown.review
        positions = self.window.editor.positions()
        start, end = positions.from_qt(shown.start), positions.from_qt(shown.end)
        if placed.item.start == placed.item.end or placed.item.kind == "insertion":
            point = end if placed.point_at_end else start
            return replace(placed.item, start=point, end=point)
        return replace(placed.item, start=start, end=end)

    def _edit(self, shown: ShownIssue) -> Edit | None:
        if shown.review is None or not self._ready():
            return None
        item = self._now(shown)
        text = self.window.editor.text()
        if item.kind == "comment":
            assert item.start is not None and item.end is not None
            words = f" on \u201c{item.text}\u201d" if item.text else ""
            note = f"Beta, {item.author or 'reader'}{words}: {item.comment}"
            return comment_edit(text, item.start, item.end, note)
        return edit_for(text, item)

    def _replace(self, edit: Edit) -> None:
        editor = self.window.editor
        positions = editor.positions()
        editor.replace_range(positions.to_qt(edit.start), positions.to_qt(edit.end),
                             edit.replacement)


def _parent(window: BetaWindow) -> QWidget | None:
    return window if isinstance(window, QWidget) else None
