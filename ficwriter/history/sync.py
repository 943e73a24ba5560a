"""Following the project folder: changes made by other editors, sync clients and git.

One watchdog observer watches the project. Its events only mark chapter paths as pending;
a worker thread reads a pending file once it is complete, and records it:

* **Coalescing rule.** A path is read when it has had no event for ``quiet`` seconds and
  two looks at its size and mtime, ``settle`` seconds apart with no event between, agree.
  Everything written before that moment is one change: the content on disk then becomes
  one revision. So a burst of writes (a sync client's chunks, 50 saves in a row) gives the
  burst's final content, and every pause longer than ``quiet + settle`` ends a burst, so
  the last content of each burst is kept. Nothing is read while it is still changing.
* Editors that save through a temporary file and a rename (vim, many IDEs) are seen as a
  change of the chapter's own path: the temporary and backup names are not chapters.
* ficwriter's own saves write and record under ``store.lock``; the worker reads and records
  under it too, so it finds their hash equal to the latest revision: not recorded twice,
  not announced.
* A vanished chapter gets a tombstone; a rename (seen as a move, or as a deletion plus a
  new file with the same text) keeps the chapter's history.
* A change the disk refuses to record (full, read-only: ``HistoryUnavailable``) is read
  again ``RETRY_SECONDS`` later; the store says the refusal once, not at every try.

Subscribers are plain callables, called **on the worker thread**; a window marshals them
onto its own thread. On ``start()`` every chapter on disk or in history is looked at once,
so edits made while ficwriter was closed are recorded too.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from ficwriter.core.textfile import UnreadableFile, read_text
from ficwriter.history.disk_trouble import HistoryUnavailable
from ficwriter.history.paths import chapter_files, is_chapter, is_chapter_folder, is_loose
from ficwriter.history.pieces import text_hash
from ficwriter.history.store import HistoryStore, Revision

log = logging.getLogger(__name__)

ChangeKind = Literal["modified", "created", "deleted", "renamed"]
Subscriber = Callable[["ExternalChange"], None]
_IGNORED_EVENTS = frozenset({"opened", "closed_no_write"})
_POLL_SECONDS = 1.0
RETRY_SECONDS = 30.0
"""How long a change the disk refused to record (full, read-only) waits to be read again."""


@dataclass(frozen=True)
class ExternalChange:
    """A change on disk that history has taken in.

    ``revision`` is the revision recorded for it; ``None`` for a deletion, and for a rename
    or a returning file whose text history already had.
    """

    kind: ChangeKind
    path: str
    old_path: str | None = None
    revision: Revision | None = None


def catch_up(store: HistoryStore) -> list[ExternalChange]:
    """Compare every chapter on disk or in history with history once, now.

    For when no watcher runs (the command line): files are read as they are, without
    waiting for them to settle.
    """
    changes = (follow_file(store, rel) for rel in _every_chapter(store))
    return [change for change in changes if change is not None]


class FileStillChanging(Exception):
    """The file changed while it was being read: read it again once it settles."""


def follow_file(
    store: HistoryStore, rel: str, settled: tuple[int, int] | None = None
) -> ExternalChange | None:
    """Bring history up to date with one chapter path as it is on disk now.

    With ``settled`` (the size and mtime the file held still at), a file that no longer
    matches them after reading raises ``FileStillChanging`` instead of being recorded.
    """
    path = store.root / rel
    with store.lock:
        try:
            text: str | None = read_text(path).text
        except FileNotFoundError:
            text = None
        except (OSError, UnreadableFile) as error:
            log.warning("not following %s: %s", rel, error)
            return None
        if text is not None and settled is not None and _stat(path) != settled:
            raise FileStillChanging(rel)
        if store.read_only:
            return _heard_only(store, rel, text)
        if text is None:
            return ExternalChange("deleted", rel) if store.delete(rel) else None
        return _take_in(store, rel, text)


def _take_in(store: HistoryStore, rel: str, text: str) -> ExternalChange | None:
    live = rel in store.chapters()
    if store.latest(rel) is None:
        origin = store.moved_from(rel, text)
        if origin is not None:
            store.rename(origin, rel)
            return ExternalChange("renamed", rel, origin)
    revision = store.record(rel, text, "external")
    if live:
        return ExternalChange("modified", rel, revision=revision) if revision else None
    return ExternalChange("created", rel, revision=revision)


def _heard_only(store: HistoryStore, rel: str, text: str | None) -> ExternalChange | None:
    """A read-only store's view: the ficwriter holding the project records the change."""
    if text is None:
        return ExternalChange("deleted", rel) if rel in store.chapters() else None
    latest = store.latest(rel)
    unseen = latest is None or latest.hash != text_hash(text)
    return ExternalChange("modified", rel) if unseen else None


@dataclass
class _Pending:
    """A path with unread changes, and what the last look at it saw."""

    last_event: float
    looked: float = 0.0
    seen: bool = False
    stat: tuple[int, int] | None = None

    def ready_at(self, quiet: float, settle: float) -> float:
        return max(self.last_event + quiet, self.looked + settle)


class ProjectWatcher:
    """Follows a project folder into its history and tells subscribers what changed."""

    def __init__(self, store: HistoryStore, *, quiet: float = 0.15, settle: float = 0.1,
                 retry: float = RETRY_SECONDS) -> None:
        self.store = store
        self._quiet = quiet
        self._settle = settle
        self._retry = retry
        self._subscribers: list[Subscriber] = []
        self._pending: dict[str, _Pending] = {}
        self._moves: list[tuple[str, str]] = []
        self._wake = threading.Condition()
        self._stopping = False
        self._observer: BaseObserver = Observer()
        self._observer.schedule(_Handler(self), str(store.root), recursive=True)
        self._worker = threading.Thread(target=self._run, name="ficwriter-sync", daemon=True)

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """Call ``callback(change)`` for every change; returns a function that unsubscribes."""
        with self._wake:
            self._subscribers.append(callback)

        def unsubscribe() -> None:
            with self._wake:
                if callback in self._subscribers:
                    self._subscribers.remove(callback)

        return unsubscribe

    def start(self) -> None:
        """Start watching; every chapter is looked at once first (edits made while closed).

        Where the system's file notifications are unavailable or used up (Linux's inotify
        watch limit, some network drives), the folder is polled every second instead.
        """
        try:
            self._observer.start()
        except OSError as error:
            log.warning("file notifications unavailable (%s); polling the folder instead", error)
            self._observer = PollingObserver(timeout=_POLL_SECONDS)
            self._observer.schedule(_Handler(self), str(self.store.root), recursive=True)
            self._observer.start()
        self._worker.start()

    def stop(self) -> None:
        """Stop watching and wait for both threads; pending changes are read at next start."""
        with self._wake:
            self._stopping = True
            self._wake.notify_all()
        if self._observer.is_alive():
            self._observer.stop()
            self._observer.join()
        if self._worker.is_alive() and self._worker is not threading.current_thread():
            self._worker.join()  # (a subscriber may stop the watcher from the worker itself)

    @property
    def running(self) -> bool:
        """True from ``start()`` until ``stop()`` has joined both threads."""
        return self._observer.is_alive() or self._worker.is_alive()

    def __enter__(self) -> ProjectWatcher:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # Called by the observer thread -------------------------------------------------------

    def mark(self, rel: str, *, later: float = 0.0) -> None:
        """A chapter path changed somehow: read it once it has settled (and ``later``
        seconds have passed)."""
        with self._wake:
            self._pending[rel] = _Pending(last_event=time.monotonic() + later)
            self._wake.notify_all()

    def mark_tree(self, rel_folder: str) -> None:
        """A folder appeared, vanished or moved: every chapter in or under it may have."""
        prefix = rel_folder.rstrip("/") + "/"
        on_disk = chapter_files(self.store.root)
        for rel in {*on_disk, *self.store.chapters()}:
            if rel.startswith(prefix):
                self.mark(rel)

    def moved(self, old: str, new: str) -> None:
        with self._wake:
            self._moves.append((old, new))
            self._wake.notify_all()

    # The worker thread -------------------------------------------------------------------

    def _run(self) -> None:
        # Catch up with edits made while ficwriter was closed: every chapter on disk or in
        # history is looked at, through the same settling as any event.
        for rel in _every_chapter(self.store):
            self.mark(rel)
        while True:
            with self._wake:
                moves, due = self._wait_for_work()
                if self._stopping:
                    return
            for old, new in moves:
                self._follow_move(old, new)
            for rel in due:
                self._look(rel)

    def _wait_for_work(self) -> tuple[list[tuple[str, str]], list[str]]:
        while not self._stopping:
            now = time.monotonic()
            moves, self._moves = self._moves, []
            ready = {rel: p.ready_at(self._quiet, self._settle) for rel, p in self._pending.items()}
            due = [rel for rel, at in ready.items() if at <= now]
            if moves or due:
                return moves, due
            self._wake.wait(min(ready.values()) - now if ready else None)
        return [], []

    def _look(self, rel: str) -> None:
        """Read ``rel`` if its size and mtime held still since the last look, else look again."""
        stat = _stat(self.store.root / rel)
        with self._wake:
            pending = self._pending.get(rel)
            now = time.monotonic()
            if pending is None or pending.ready_at(self._quiet, self._settle) > now:
                return
            if not pending.seen or pending.stat != stat:
                pending.seen, pending.stat, pending.looked = True, stat, now
                return
            del self._pending[rel]
        try:
            self._announce(follow_file(self.store, rel, settled=stat))
        except FileStillChanging:
            self.mark(rel)
        except HistoryUnavailable:  # the store said so, once; the file stays the truth
            self.mark(rel, later=self._retry)
        except Exception:  # a bug must not stop the watcher; the next start retries
            log.exception("could not take %s into history", rel)

    def _follow_move(self, old: str, new: str) -> None:
        store = self.store
        with store.lock:
            # the disk may have moved on since the event (ficwriter's own chapter operations
            # rename in history first, under the lock): only a move the disk still shows
            # is followed, never one that would undo a later rename
            still = not (store.root / old).exists() and (store.root / new).exists()
            try:
                renamed = still and store.latest(new) is None and store.rename(old, new)
            except HistoryUnavailable:  # both paths are looked at again, as a new file
                renamed = False  # and a vanished one, which finds the rename by its text
        if renamed:
            self._announce(ExternalChange("renamed", new, old))
            self.mark(new)  # its text may have changed too: read it once it settles
        else:
            self.mark(old)
            self.mark(new)

    def _announce(self, change: ExternalChange | None) -> None:
        if change is None:
            return
        with self._wake:
            subscribers = list(self._subscribers)
        for callback in subscribers:
            try:
                callback(change)
            except Exception:  # a subscriber's bug must not stop the watcher
                log.exception("history subscriber failed on %s", change)


class _Handler(FileSystemEventHandler):
    """Turns watchdog's events into marks on chapter paths; everything else is ignored."""

    def __init__(self, watcher: ProjectWatcher) -> None:
        self._watcher = watcher
        self._loose = is_loose(watcher.store.root)

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in _IGNORED_EVENTS:
            return
        source = self._relative(event.src_path)
        target = self._relative(event.dest_path) if event.event_type == "moved" else None
        if event.is_directory:
            if event.event_type != "modified":
                for folder in (source, target):
                    if folder is not None and is_chapter_folder(folder):
                        self._watcher.mark_tree(folder)
            return
        chapters = [rel for rel in (source, target) if rel and is_chapter(rel, self._loose)]
        if event.event_type == "moved" and len(chapters) == 2:
            self._watcher.moved(chapters[0], chapters[1])
            return
        for rel in chapters:
            self._watcher.mark(rel)

    def _relative(self, path: str | bytes) -> str | None:
        text = path.decode() if isinstance(path, bytes) else path
        if not text:
            return None
        try:
            return self._watcher.store.relative(text)
        except ValueError:
            return None


def _every_chapter(store: HistoryStore) -> list[str]:
    """Chapters on disk and chapters history knows (whose files may have gone)."""
    return sorted({*chapter_files(store.root), *store.chapters()})


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns)
