"""The issues of the project's other chapters, for the issues panel's "Whole project" scope.

The open chapter's issues are live in the editor (``IssueLayer``); every other chapter is
read from disk, parsed and checked here, one chapter at a time, on a worker thread (the
checker's paragraph cache makes a chapter checked before nearly free). Results come back
to the GUI thread through ``relay.on_gui_thread``. A chapter is checked again when it
changes on disk, when it stops being the open one (it was just saved), and when the
checker is rebuilt; nothing is checked while the panel shows only the open chapter.

Each checker gets its own worker: a check waiting on a checker that is closed meanwhile
(settings changed, LanguageTool given up) ends with ``CheckerClosed`` and its result is
ignored, and the new checker's chapters never queue behind it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ficwriter.checks.issue import Category, Issue
from ficwriter.checks.scheduler import Checker, CheckerClosed
from ficwriter.core.chapter import Chapter, parse
from ficwriter.core.textfile import UnreadableFile, read_text
from ficwriter.gui.threads.latest_only import LatestOnly
from ficwriter.gui.threads.relay import on_gui_thread

if TYPE_CHECKING:
    from ficwriter.gui.workspace import Workspace
    from ficwriter.history.sync import ExternalChange

log = logging.getLogger(__name__)

#: the longest wait for one chapter's check (an engine that hangs past its own time-outs)
CHAPTER_TIMEOUT = 600.0


@dataclass(frozen=True, eq=False)
class ChapterIssue:
    """An issue of a chapter that is not open; ``start:end`` index ``chapter.text``."""

    issue: Issue
    path: Path
    chapter: Chapter  # the text that was checked: context, dismissal, finding it again

    @property
    def start(self) -> int:
        return self.issue.start

    @property
    def end(self) -> int:
        return self.issue.end

    @property
    def text(self) -> str:
        """The flagged words."""
        return self.chapter.text[self.issue.start : self.issue.end]


def locate(row: ChapterIssue, text: str) -> tuple[int, int] | None:
    """Where ``row``'s words are in ``text`` (the chapter as opened): at the same offset if
    the words are still there, else their nearest occurrence; ``None`` if they are gone."""
    words = row.text
    if text[row.start : row.end] == words:
        return row.start, row.end
    before = text.rfind(words, 0, row.start + len(words))
    after = text.find(words, row.start)
    found = [i for i in (before, after) if i >= 0 and words]
    if not found:
        return None
    start = min(found, key=lambda i: abs(i - row.start))
    return start, start + len(words)


def _check(checker: Checker, path: Path) -> tuple[Chapter, list[Issue]] | None:
    """Read, parse and check one chapter (on the worker thread); ``None`` when it cannot."""
    try:
        chapter = parse(read_text(path).text)
    except (OSError, UnreadableFile):
        return None
    try:
        return chapter, checker.check_chapter(chapter, timeout=CHAPTER_TIMEOUT).issues
    except (TimeoutError, CheckerClosed) as error:
        log.info("project check of %s gave up: %s", path.name, error)
    except Exception:  # the panel must hear back, or the chapters after this one wait forever
        log.exception("project check of %s failed", path.name)
    return None


class ProjectIssues(QObject):
    """Checks the other chapters of the open project in the background; see module doc."""

    changed = Signal()  # rows or progress changed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.current: Path | None = None  # the open chapter (its issues are the editor's)
        self.active = False
        self._rows: dict[Path, list[ChapterIssue]] = {}
        self._order: dict[Path, int] = {}  # reading order of the project's chapters
        self._pending: list[Path] = []
        self._running: Path | None = None
        self._pass: set[Path] = set()  # chapters queued since the queue was last empty
        self._generation = 0
        self._worker: LatestOnly | None = None
        self._worker_checker: Checker | None = None

    # -- what to follow -------------------------------------------------------------------
    def follow(self, workspace: Workspace | None, current: Path | None) -> None:
        """The window opened chapter ``current`` of ``workspace`` (``None``: closed)."""
        current = current.resolve() if current is not None else None
        if workspace is not self.workspace:
            if self.workspace is not None:
                self.workspace.externalChange.disconnect(self._on_change)
            self.workspace = workspace
            self._rows.clear()
            self._restart()
            self._stop_worker()
            if workspace is not None:
                workspace.externalChange.connect(self._on_change)
            self.current = current
            self.recheck()
            return
        previous, self.current = self.current, current
        self._rows.pop(current, None)
        self._unqueue(current)
        if previous is not None and previous != current:
            self._queue([previous])  # saved on the way out: check what the file now says
        self.changed.emit()

    def set_active(self, active: bool) -> None:
        """Check the other chapters (project scope shown) or leave them alone."""
        if active == self.active:
            return
        self.active = active
        if active:
            self.recheck()
        else:
            self._restart()
            self.changed.emit()

    def stop(self) -> None:
        """Stop Checking: the chapters still queued are not checked, and the one under way
        is ignored (partial issues would pass for all of them); found ones stay."""
        self._restart()
        self.changed.emit()

    def recheck(self) -> None:
        """Check every other chapter again (a new checker, a new dictionary word)."""
        self._restart()
        if self.active:  # the chapters are listed (read) only for the project scope
            chapters = self._read_order()
            for gone in set(self._rows) - set(chapters):
                del self._rows[gone]
            self._queue(chapters)
        self.changed.emit()

    def _read_order(self) -> list[Path]:
        chapters = [p.resolve() for p in self.workspace.chapters()] if self.workspace else []
        self._order = {path: index for index, path in enumerate(chapters)}
        return chapters

    # -- reading ----------------------------------------------------------------------------
    def rows(self) -> list[ChapterIssue]:
        return [row for rows in self._rows.values() for row in rows]

    def by_chapter(self) -> dict[Path, list[ChapterIssue]]:
        """Each chapter checked so far with its issues (an empty list: checked, none found);
        a chapter not yet checked, or that could not be, is not there."""
        return {path: list(rows) for path, rows in self._rows.items()}

    def progress(self) -> tuple[int, int, Path] | None:
        """(the chapter being checked: its place in this pass, 1-based; the chapters in this
        pass; its path), ``None`` when no chapter is being checked."""
        if self._running is None:
            return None
        done = self._pass - set(self._pending) - {self._running}
        return len(done) + 1, len(self._pass), self._running

    def order(self, path: Path | None) -> int:
        """The chapter's place in reading order (for sorting rows across chapters)."""
        return self._order.get(path, len(self._order)) if path is not None else 0

    # -- acting on rows -------------------------------------------------------------------
    def dismiss(self, row: ChapterIssue) -> None:
        """Dismiss ``row``'s issue in its own chapter (kept by rule and surrounding text)."""
        if self.workspace is None:
            return
        self.workspace.checker.dismiss_issue(row.issue, row.chapter, self.workspace.relative(row.path))
        rows = self._rows.get(row.path, [])
        self._rows[row.path] = [r for r in rows if r.issue != row.issue]
        self.changed.emit()

    def forget_rule(self, rule_id: str) -> None:
        """A rule was dismissed for the project: its rows go everywhere."""
        self._forget(lambda row: row.issue.rule_id == rule_id)

    def forget_word(self, word: str) -> None:
        """``word`` went into the dictionary: its spelling rows go, and every chapter is
        checked again (the dictionary may silence more than this spelling)."""
        self._forget(lambda row: row.issue.category is Category.SPELLING and row.text == word)
        self.recheck()

    def _forget(self, predicate) -> None:
        for path, rows in self._rows.items():
            self._rows[path] = [row for row in rows if not predicate(row)]
        self.changed.emit()

    # -- checking ---------------------------------------------------------------------------
    def _on_change(self, change: ExternalChange) -> None:
        if self.workspace is None:
            return
        root = self.workspace.root
        path = (root / change.path).resolve()
        old = (root / change.old_path).resolve() if change.old_path else None
        if change.kind != "modified" and self.active:
            self._read_order()
        if old is not None and old == self.current:
            self.current = path  # the open chapter was renamed: still the editor's
        if path == self.current:
            self.changed.emit()  # the open chapter follows the disk through the editor
            return
        for gone in (old, path if change.kind == "deleted" else None):
            if gone is not None:
                self._rows.pop(gone, None)
                self._unqueue(gone)
        if change.kind != "deleted":
            self._queue([path])
        self.changed.emit()

    def _queue(self, paths: list[Path]) -> None:
        if not self.active or self.workspace is None:
            return
        if self._running is None and not self._pending:
            self._pass = set()
        for path in paths:
            if path != self.current and path not in self._pending:
                self._pending.append(path)
                self._pass.add(path)
        self._next()

    def _unqueue(self, path: Path | None) -> None:
        if path in self._pending:
            self._pending.remove(path)
            self._pass.discard(path)

    def _restart(self) -> None:
        """Forget queued and running checks (their results will be ignored)."""
        self._generation += 1
        self._pending = []
        self._running = None
        self._pass = set()

    def _next(self) -> None:
        if self._running is not None or not self._pending or self.workspace is None:
            return
        path = self._running = self._pending.pop(0)
        checker, generation = self.workspace.checker, self._generation
        worker = self._worker_for(checker)
        worker.submit(lambda: self._deliver(generation, path, _check(checker, path)))

    def _worker_for(self, checker: Checker) -> LatestOnly:
        if self._worker is None or self._worker_checker is not checker:
            self._stop_worker()
            self._worker = LatestOnly("ficwriter-project-check", background=True)
            self._worker_checker = checker
        return self._worker

    def _stop_worker(self) -> None:
        if self._worker is not None:
            self._worker.close(wait=False)
            self._worker = self._worker_checker = None

    def _deliver(self, generation: int, path: Path, found) -> None:
        on_gui_thread(lambda: self._arrived(generation, path, found))

    def _arrived(self, generation: int, path: Path, found) -> None:
        if generation != self._generation or path != self._running:
            return  # asked for before a restart: a newer check is on its way
        self._running = None
        if found is None or path == self.current:
            self._rows.pop(path, None)
        else:
            chapter, issues = found
            self._rows[path] = [ChapterIssue(issue, path, chapter) for issue in issues]
        self._next()
        self.changed.emit()
