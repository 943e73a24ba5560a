"""What the window does with the open chapter's history: show it, restore from it, snapshot.

The history panel (``history_dock``) lists revisions and asks; answering needs the open
chapter, the editor and the project's store together, so it is done here. Whatever adds a
revision (a save, a restore, a snapshot, a change on disk) ends in
``after_history_change``, which says so in the status bar and refreshes the panel if it
shows (a hidden panel reads history when it is shown).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QInputDialog, QMessageBox

from ficwriter.gui.panels.history_dock import CURRENT
from ficwriter.history.disk_trouble import HistoryUnavailable

if TYPE_CHECKING:
    from ficwriter.gui.editor.editor import ChapterEditor
    from ficwriter.gui.editor.session import ChapterSession
    from ficwriter.gui.panels.history_dock import HistoryDock
    from ficwriter.gui.status_bar import StatusBar
    from ficwriter.gui.workspace import Workspace


class HistoryWindow(Protocol):
    """The window as the history commands use it: the collaborators asked for, never the window
    class itself (``MainWindow`` is one; it is also the dialogs' parent)."""

    session: ChapterSession | None
    workspace: Workspace | None
    editor: ChapterEditor
    history: HistoryDock
    status: StatusBar

    def save(self) -> bool: ...


class HistoryActions:
    def __init__(self, window: HistoryWindow) -> None:
        self.window = window
        self.listeners: list[Callable[[], None]] = []  # told after every change to history

    def after_history_change(self, message: str) -> None:
        """History gained a revision: say so, and refresh the panel if it is showing."""
        self.window.status.show_saved(message)
        if self.window.history.isVisible():
            self.window.history.refresh()
        for listener in self.listeners:
            listener()

    def panel_shown(self, visible: bool) -> None:
        window = self.window
        if visible and window.session is not None:
            window.history.set_current_text(window.editor.text())
            window.history.refresh()

    def show_history(self, revision_id: int | None) -> None:
        """Show the panel comparing ``revision_id`` (when given) with the editor's text."""
        history = self.window.history
        history.show()
        history.raise_()
        history.set_current_text(self.window.editor.text())
        history.refresh()
        if revision_id is not None:
            history.select(revision_id)
        history.compare_with(CURRENT)

    def restore_revision(self, revision_id: int, *, confirm: bool = True) -> None:
        """Put an old revision back (confirmed); the restore is itself a revision."""
        window = self.window
        session, workspace = window.session, window.workspace
        if session is None or workspace is None:
            return
        if confirm and QMessageBox.question(
            window, "Restore revision",
            f"Put back {window.history.describe(revision_id)} as the text of "
            f"\u201c{session.path.name}\u201d? Your current text stays in history.",
        ) != QMessageBox.StandardButton.Yes:
            return
        store = workspace.store
        rel = workspace.relative(session.path)
        if session.dirty and not window.save():
            return
        try:
            store.restore(rel, revision_id)
        except HistoryUnavailable:
            pass  # the file holds the revision; the history bar says history missed it
        text = store.text(revision_id)
        window.editor.replace_range(0, window.editor.document().characterCount() - 1, text)
        session.mark_saved()
        session.note_disk_text(text)
        self.after_history_change("Restored")

    def create_snapshot(self, name: str | None = None) -> None:
        """Pin every chapter as it is now under ``name`` (asked for when not given)."""
        window = self.window
        session, workspace = window.session, window.workspace
        if workspace is None:
            return
        if name is None:
            name, ok = QInputDialog.getText(window, "Create snapshot", "Snapshot name:")
            if not ok or not name.strip():
                return
        rel = workspace.relative(session.path) if session else None
        if session is not None and (session.dirty or workspace.store.latest(rel) is None):
            window.save()  # the snapshot pins the chapter as it is now, in history first
        try:
            workspace.store.snapshot(name.strip())
        except HistoryUnavailable as trouble:
            window.status.show_saved(f"No snapshot: {trouble}")
            return
        self.after_history_change(f"Snapshot “{name.strip()}” created")
