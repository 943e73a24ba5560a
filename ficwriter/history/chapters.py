"""A chapter operation (``core.chapters``) with its history carried along.

Each chapter's history follows its file through renames and renumbering, into the trash
and back; a rewritten chapter (split, merge, a new title) gets a revision. Everything is
done under ``store.lock``, which the project watcher takes too: the watcher, seeing the
files move, then finds history already up to date and records nothing twice.
"""

from __future__ import annotations

from collections.abc import Callable

from ficwriter.core.chapters import ChapterChange, Moved, Restored, Trashed, Written
from ficwriter.history.paths import chapter_files
from ficwriter.history.store import HistoryStore
from ficwriter.history.sync import follow_file


def change_chapters(store: HistoryStore, operation: Callable[[], ChapterChange]
                    ) -> ChapterChange:
    """Run ``operation`` and record what it did in ``store``.

    Before anything moves, history is brought up to date with every chapter on disk (a
    chapter written while ficwriter was closed would otherwise move without its text).
    """
    with store.lock:
        for rel in list(chapter_files(store.root)):
            follow_file(store, rel)
        change = operation()
        record_change(store, change)
        return change


def record_change(store: HistoryStore, change: ChapterChange) -> None:
    """Apply ``change``'s steps to history, in the order they were done."""
    with store.lock:
        for step in change.steps:
            if isinstance(step, Moved):
                store.rename(step.old, step.new)
            elif isinstance(step, Written):
                store.record(step.path, step.text, "save")
            elif isinstance(step, Trashed):
                if store.rename(step.path, step.trash):
                    store.delete(step.trash)
            elif isinstance(step, Restored):
                store.rename(step.trash, step.path)
                store.record(step.path, step.text, "restore")
