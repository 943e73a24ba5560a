"""A chapter operation (``core.chapters``, or its undo in ``core.chapter_undo``) with its
history carried along.

Each chapter's history follows its file through renames and renumbering, into the trash
and back. Every operation is a revision, marked with its name (``chapter_source``): in each
chapter it rewrote, in each chapter it sent to the trash (just before it went), and in the
chapter it acted on even when only that chapter's place changed. Everything is done under
``store.lock``, which the project watcher takes too: the watcher, seeing the files move,
then finds history already up to date and records nothing twice.
"""

from __future__ import annotations

from collections.abc import Callable

from ficwriter.core.chapters import ChapterChange, Moved, Restored, Trashed, Written
from ficwriter.core.textfile import read_text
from ficwriter.history.disk_trouble import HistoryUnavailable
from ficwriter.history.paths import chapter_files
from ficwriter.history.store import HistoryStore, chapter_source
from ficwriter.history.sync import follow_file


class ChangeNotRecorded(HistoryUnavailable):
    """The chapters changed on disk (``change``), and the disk refused history the record
    of it: the files are the truth; history takes them in as it finds them later."""

    def __init__(self, change: ChapterChange, trouble: HistoryUnavailable) -> None:
        super().__init__(trouble.problem, trouble.detail)
        self.change = change


def change_chapters(store: HistoryStore, operation: Callable[[], ChapterChange],
                    action: str | None = None) -> ChapterChange:
    """Run ``operation`` and record what it did in ``store`` (as revisions named after
    ``action``, e.g. "Split Chapter"; unnamed, as plain saves).

    Before anything moves, history is brought up to date with every chapter on disk (a
    chapter written while ficwriter was closed would otherwise move without its text); a
    disk that refuses that raises ``HistoryUnavailable`` and nothing is done. One that
    refuses the record after the operation raises ``ChangeNotRecorded``.
    """
    with store.lock:
        for rel in list(chapter_files(store.root)):
            follow_file(store, rel)
        change = operation()
        try:
            record_change(store, change, action)
        except HistoryUnavailable as trouble:
            raise ChangeNotRecorded(change, trouble) from trouble
        return change


def record_change(store: HistoryStore, change: ChapterChange, action: str | None = None
                  ) -> None:
    """Apply ``change``'s steps to history, in the order they were done."""
    source = chapter_source(action) if action else None
    marked = set()  # where the chapters that got a revision are now
    with store.lock:
        for step in change.steps:
            if isinstance(step, Moved):
                store.rename(step.old, step.new)
            elif isinstance(step, Written):
                store.record(step.path, step.text, source or "save")
                marked.add(change.new_path(step.path))
            elif isinstance(step, Trashed):
                if store.rename(step.path, step.trash):
                    if source:
                        store.record(step.trash, read_text(step.trash).text, source, again=True)
                    store.delete(step.trash)
            elif isinstance(step, Restored):
                store.rename(step.trash, step.path)
                store.record(step.path, step.text, source or "restore", again=bool(source))
                marked.add(change.new_path(step.path))
        acted = change.chapter
        if source and acted is not None and acted not in marked and acted.is_file():
            store.record(acted, read_text(acted).text, source, again=True)
