"""The recovery journal: the editor's unsaved text, kept so a crash or a failed save loses nothing.

The window writes each chapter's unsaved text here every few seconds; a save clears it. At
the next start, ``pending()`` lists what is worth offering: entries written after their
file was last changed and holding different text (an entry older than the file was
overtaken by a later save or an external edit, and the file itself is in history).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from ficwriter.core.textfile import UnreadableFile, read_text
from ficwriter.history.database import utc_now
from ficwriter.history.paths import relative_path


@dataclass(frozen=True)
class JournalEntry:
    path: str
    text: str
    saved: str  # UTC ISO 8601


class RecoveryJournal:
    """Unsaved text per chapter, in the project's history database.

    ``writing`` is the store's transaction (``HistoryStore._writing``): a disk that refuses
    the journal raises ``HistoryUnavailable`` and is told once, like any history write.
    """

    def __init__(self, db: sqlite_utils.Database, root: Path, lock: threading.RLock,
                 writing: Callable[[], AbstractContextManager[None]]) -> None:
        self._db = db
        self._root = root
        self._lock = lock
        self._writing = writing

    def write(self, path: Path | str, text: str) -> None:
        """Keep ``text`` as the chapter's unsaved text (replacing the previous entry)."""
        row = {"path": relative_path(self._root, path), "text": text, "saved": utc_now()}
        with self._writing():
            self._db["journal"].upsert(row, pk="path")

    def entry(self, path: Path | str) -> JournalEntry | None:
        with self._lock:
            where = [relative_path(self._root, path)]
            rows = list(self._db["journal"].rows_where("path = ?", where))
        return JournalEntry(**rows[0]) if rows else None

    def entries(self) -> list[JournalEntry]:
        with self._lock:
            return [JournalEntry(**row) for row in self._db["journal"].rows_where(order_by="path")]

    def pending(self) -> list[JournalEntry]:
        """Entries to offer after a crash: newer than their file and different from it."""
        return [entry for entry in self.entries() if self._is_pending(entry)]

    def clear(self, path: Path | str) -> None:
        with self._writing():
            where = [relative_path(self._root, path)]
            self._db.execute("DELETE FROM journal WHERE path = ?", where)

    def _is_pending(self, entry: JournalEntry) -> bool:
        file = self._root / entry.path
        try:
            changed = datetime.fromtimestamp(file.stat().st_mtime, timezone.utc)
            on_disk = read_text(file).text
        except (OSError, UnreadableFile):
            return True  # the file is gone or unreadable: the journal may be all there is
        return datetime.fromisoformat(entry.saved) > changed and entry.text != on_disk
