"""Keeping the open chapter and its file in step: the disk is the truth.

The project watcher reports changes it has already put in history. For the open chapter:
with no unsaved edits the editor reloads in place; with unsaved edits both versions are
kept in history, each once (the disk's as the watcher recorded it, the editor's as a
``conflict`` revision after it), and a bar lets the writer keep theirs, take the disk's, or
compare. Either way history's newest revision is again what the file holds once the writer
has chosen (a save of the kept text; a ``restore`` of the disk's), which is what the
watcher compares the file with. While
there are unsaved edits their text goes to the recovery journal every few seconds, and a
journal entry left by a crash is offered when its chapter opens.

History writes here give way when the disk refuses them (``HistoryUnavailable``): the
store tells the window once (the history bar), and the editor's text and the file go on.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer

from ficwriter.core.textfile import UnreadableFile, read_text
from ficwriter.gui.threads.latest_only import LatestOnly
from ficwriter.gui.panels.history_dock import when
from ficwriter.history.disk_trouble import HistoryUnavailable
from ficwriter.history.journal import JournalEntry
from ficwriter.history.pieces import text_hash
from ficwriter.history.store import ReadOnlyProject
from ficwriter.history.sync import ExternalChange

if TYPE_CHECKING:
    from ficwriter.gui.editor.editor import ChapterEditor
    from ficwriter.gui.editor.message_bar import MessageBar
    from ficwriter.gui.editor.session import ChapterSession
    from ficwriter.gui.panels.outline import OutlineDock
    from ficwriter.gui.workspace import Workspace


class HistoryNotices(Protocol):
    """What is said and shown when history gains a revision (``HistoryActions``)."""

    def after_history_change(self, message: str) -> None: ...
    def show_history(self, revision_id: int | None) -> None: ...


class DiskWindow(Protocol):
    """The window as following the disk uses it: the collaborators asked for, never the
    window class itself (``MainWindow`` is one; it is also this object's Qt parent)."""

    session: ChapterSession | None
    workspace: Workspace | None
    editor: ChapterEditor
    bar: MessageBar
    outline: OutlineDock
    history_actions: HistoryNotices

    def save(self) -> bool: ...
    def close_project(self) -> None: ...
    def chapter_renamed(self, path: Path) -> None: ...

JOURNAL_SECONDS = 3


class DiskSync(QObject):
    def __init__(self, window: DiskWindow) -> None:
        super().__init__(window)
        self.window = window
        self.conflict: str | None = None  # the disk's text while the writer decides
        self._theirs_id: int | None = None  # and its revision
        self._showing = False  # the bar shows one of ours (not another part's message)
        self._journaled = ""
        self._journal_timer = QTimer(self)
        self._journal_timer.setInterval(JOURNAL_SECONDS * 1000)
        self._journal_timer.timeout.connect(self.write_journal)
        self._journal_timer.start()
        self._writer = LatestOnly("ficwriter-journal")

    def close(self) -> None:
        """The window is closing: the last journal write lands, then its thread ends (a
        thread left waiting per closed window would outlive it)."""
        self._journal_timer.stop()
        self._writer.close()

    def _parts(self):
        w = self.window
        if w.session is None or w.workspace is None:
            return None
        return w.session, w.workspace, w.workspace.relative(w.session.path)

    # -- changes on disk ------------------------------------------------------------------------
    def on_change(self, change: ExternalChange) -> None:
        parts = self._parts()
        if parts is None:
            return
        session, workspace, rel = parts
        if change.path != rel and change.old_path != rel:
            self.window.outline.reload_chapter(workspace.root / change.path)
            return
        if change.kind == "renamed":
            self.window.chapter_renamed(workspace.root / change.path)
            return
        if change.kind == "deleted":
            self._show(
                f"\u201c{session.path.name}\u201d was deleted on disk. Your text is still here, "
                "and in history.",
                [("Save it again", self.keep_mine), ("Close chapter", self.window.close_project)],
            )
            return
        if change.revision is not None and change.revision.hash == session.disk_hash:
            # history caught up with the file
            self.window.history_actions.after_history_change("Saved")
            return
        store = workspace.store
        if change.revision is not None:
            theirs = store.text(change.revision.id)
        else:
            try:
                theirs = read_text(session.path).text
            except (OSError, UnreadableFile):
                return
        mine = self.window.editor.text()
        if theirs == mine:  # the file now says what the editor says
            session.note_disk_text(theirs)
            session.mark_saved()
            self.window.history_actions.after_history_change("Saved")
            return
        if not session.dirty:
            session.replace_text(theirs)
            self.window.history_actions.after_history_change("Reloaded: the file changed on disk")
            return
        theirs_revision = change.revision or store.latest(rel)
        with suppress(HistoryUnavailable):  # the editor keeps it, unsaved
            store.record(rel, mine, "conflict")
        self.conflict = theirs
        self._theirs_id = theirs_revision.id if theirs_revision is not None else None
        self.window.history_actions.after_history_change("The file changed on disk")
        self._show(
            f"\u201c{session.path.name}\u201d changed on disk while you had unsaved edits. "
            "Both versions are in history.",
            [("Keep mine", self.keep_mine), ("Take theirs", self.take_theirs),
             ("Compare", self.compare)],
        )

    def keep_mine(self) -> None:
        parts = self._parts()
        if parts is not None and self.conflict is not None:
            parts[0].note_disk_text(self.conflict)  # seen and overruled: save over it
        self.conflict = None
        self._dismiss()
        self.window.save()

    def changed_behind_us(self) -> bool:
        """Before a save: did the file change since this window last read or wrote it, with
        no word from the watcher yet (it waits for the other program to finish writing, or
        history could not record the change on a full disk)? Then the writer is asked, as
        for any change on disk, and nothing is overwritten; True while the question shows."""
        parts = self._parts()
        if parts is None or self.conflict is not None:
            return False  # a save while the question shows is the writer's "keep mine"
        session, workspace, rel = parts
        if session.file_unchanged():  # its size and time as this window left them
            return False
        try:
            theirs = read_text(session.path).text
        except (OSError, UnreadableFile):  # gone or unreadable: the save writes it anew
            return False
        if text_hash(theirs) == session.disk_hash:
            return False
        revision = None
        with suppress(HistoryUnavailable, ReadOnlyProject):  # history may miss it: ask anyway
            revision = workspace.store.record(rel, theirs, "external")
        self.on_change(ExternalChange("modified", rel, revision=revision))
        return self.conflict is not None

    def take_theirs(self) -> None:
        """The disk's version back in the editor; in history a ``restore`` of it, on top of
        the editor's ``conflict`` revision (the file holds it: nothing is written)."""
        parts = self._parts()
        if parts is None or self.conflict is None:
            return
        session, workspace, rel = parts
        theirs, self.conflict = self.conflict, None
        self._dismiss()
        with suppress(HistoryUnavailable):  # the file holds it: that is what counts
            workspace.store.record(rel, theirs, "restore")
        session.replace_text(theirs)
        self.window.history_actions.after_history_change("Took the version on disk")

    def compare(self) -> None:
        """Show the disk's version against the editor's text in the history panel."""
        self.window.history_actions.show_history(self._theirs_id)

    # -- recovery journal -----------------------------------------------------------------------
    def write_journal(self) -> None:
        parts = self._parts()
        if parts is None or not parts[0].dirty or parts[1].read_only:
            return
        _session, workspace, rel = parts
        text = self.window.editor.text()
        if text != self._journaled:
            journal = workspace.store.journal

            def keep() -> None:
                with suppress(HistoryUnavailable):  # a full disk: told once, not per pause
                    journal.write(rel, text)

            self._writer.submit(keep)
            self._journaled = text

    def flush_journal(self) -> None:
        """Wait for the journal write on its way (before the store closes)."""
        self._writer.flush()

    def text_matches_file(self) -> None:
        """The editor holds the file's text again (saved, or undone back to it): what the
        journal kept is no longer unsaved text, so a later start must not offer it."""
        parts = self._parts()
        if parts is None or not self._journaled:  # only what this window kept (a crash's
            return  # entry, found at open, is the writer's to recover or discard)
        _session, workspace, rel = parts
        self._writer.flush()  # a write on its way would land after the clear
        self._journaled = ""
        with suppress(HistoryUnavailable):  # an entry older than its file is not offered
            workspace.store.journal.clear(rel)

    def offer_recovery(self) -> JournalEntry | None:
        """After a crash: offer the journal's text for the chapter just opened."""
        parts = self._parts()
        if parts is None:
            return None
        _session, workspace, rel = parts
        if workspace.read_only:  # the window that holds the project offers it, not this one
            return None
        journal = workspace.store.journal
        if journal.entry(rel) is None:  # the usual case, and cheap to ask
            return None
        entry = next((e for e in journal.pending() if e.path == rel), None)
        if entry is None:
            return None
        self._show(
            f"ficwriter closed with unsaved text in this chapter (kept at {when(entry.saved)}).",
            [("Recover it", lambda: self.recover(entry)), ("Discard", lambda: self.discard(entry))],
        )
        return entry

    def recover(self, entry: JournalEntry) -> None:
        parts = self._parts()
        if parts is None:
            return
        _session, workspace, rel = parts
        with suppress(HistoryUnavailable):  # the editor gets it back, unsaved
            workspace.store.record(rel, entry.text, "recovery")
        editor = self.window.editor
        editor.replace_range(0, editor.document().characterCount() - 1, entry.text)
        self._dismiss()
        self.window.history_actions.after_history_change("Recovered the unsaved text")

    def discard(self, entry: JournalEntry) -> None:
        parts = self._parts()
        if parts is not None:
            with suppress(HistoryUnavailable):  # offered again at the next start
                parts[1].store.journal.clear(entry.path)
        self._dismiss()

    def reset(self) -> None:
        """Another chapter opened: forget this one's conflict and take its bar away."""
        self.conflict = None
        self._theirs_id = None
        self._journaled = ""
        if self._showing:
            self._dismiss()

    def _show(self, text: str, actions) -> None:
        self._showing = True
        self.window.bar.show_message(text, actions)

    def _dismiss(self) -> None:
        self._showing = False
        self.window.bar.dismiss()
