"""The open project's working parts: settings, history store, checker and disk watcher.

One ``Workspace`` per open project. It owns what must be closed when the project closes
(the history lock, the checker's threads and servers, the watchdog observer) and turns the
watcher's callbacks, which arrive on the watcher thread, into a queued Qt signal.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ficwriter.checks.build import build_checker
from ficwriter.checks.scheduler import Checker
from ficwriter.core.project import Project, open_project
from ficwriter.history.disk_trouble import HistoryUnavailable
from ficwriter.history.store import HistoryStore
from ficwriter.history.sync import ProjectWatcher, follow_file


class Workspace(QObject):
    externalChange = Signal(object)  # history.sync.ExternalChange, on the GUI thread
    historyTrouble = Signal(object)  # HistoryUnavailable, or None once history is written again

    def __init__(self, project: Project, store: HistoryStore, checker: Checker,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.store = store
        self.checker = checker
        store.on_trouble(self.historyTrouble.emit)  # from the writing thread: queued
        self.watcher = ProjectWatcher(store)
        self._unsubscribe = self.watcher.subscribe(self.externalChange.emit)
        self.watcher.start()

    @classmethod
    def open(cls, root: Path, parent: QObject | None = None, *, read_only: bool = False) -> Workspace:
        """Open the project at ``root``; raises ``lock.ProjectLocked`` if another ficwriter has
        it (``read_only`` opens it anyway, to read: history is not written)."""
        project = open_project(root)
        store = HistoryStore.open(project.root, read_only=read_only)
        try:
            checker = build_checker(project.root)
        except Exception:
            store.close()
            raise
        return cls(project, store, checker, parent)

    @property
    def root(self) -> Path:
        return self.project.root

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    def relative(self, path: Path) -> str:
        """A chapter path as history names it: relative to the project root, POSIX style."""
        return Path(path).resolve().relative_to(self.root.resolve()).as_posix()

    def follow(self, path: Path) -> None:
        """Make sure history has the chapter as it is on disk before the writer edits it
        (the watcher's first pass over the folder may not have reached it yet). A disk that
        refuses history does not keep the chapter from opening: ``historyTrouble`` says it."""
        with suppress(HistoryUnavailable):
            follow_file(self.store, self.relative(path))

    def chapters(self) -> list[Path]:
        return self.project.chapters()

    def reload_checker(self, only: Sequence[str] | None = None) -> Checker:
        """A checker built from the project's settings as they are now (after Settings);
        ``only`` names the engines to run this session (e.g. without LanguageTool)."""
        old = self.checker
        self.project = open_project(self.root)
        self.checker = build_checker(self.root, only=only)
        # closing stops threads and servers, which may take a moment: not on the GUI thread
        threading.Thread(target=old.close, name="ficwriter-close-checker", daemon=True).start()
        return self.checker

    def close(self) -> None:
        self._unsubscribe()
        self.watcher.stop()
        self.checker.close()
        self.store.close()
