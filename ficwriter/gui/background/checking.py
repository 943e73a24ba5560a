"""Running the checker for the open chapter without ever making the editor wait.

The chapter is handed to ``Checker.submit`` from a thread of its own (preparing a long
chapter takes a moment), and the checker calls back from its threads; the callback only
passes the result to the GUI thread (``relay``). There it is handed, with the keys the shown
issues were placed under, to a worker that sorts out which issues are new and which the
editor shows already (``result_diff``); back on the GUI thread only the new ones are
placed: carried through the edits made since the checked version (``EditLog.rebase``: an
issue whose characters were edited is dropped), Python offsets made Qt positions. A result
for an older version than the one shown is dropped: a newer one is on its way.

A long check (the first one of a big chapter) says how far it is - a timer asks the checker
a few times a second, never per paragraph - and can be stopped: the issues found so far
stay, and the next edit or *Check Again* checks the rest.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QObject, QTimer, Signal

from ficwriter.checks.engine import EngineState, EngineStatus
from ficwriter.checks.issue import Issue
from ficwriter.checks.scheduler import Progress
from ficwriter.core.chapter import Chapter
from ficwriter.gui.threads.latest_only import LatestOnly
from ficwriter.gui.editor.issue_layer import IssueLayer
from ficwriter.gui.editor.positions import QtPositions
from ficwriter.gui.editor.result_diff import Placement, ResultDiff, sort_out
from ficwriter.gui.threads.relay import on_gui_thread
from ficwriter.gui.editor.session import ChapterSession, Edit, fold

_KEEP_VERSIONS = 8
PROGRESS_INTERVAL_MS = 250  # how often a running check's percentage is brought up to date
PROGRESS_MIN_CALLS = 50  # a check needing fewer engine calls is over before a percentage helps

_STATE_WORDS = {
    EngineState.STARTING: "starting",
    EngineState.DOWNLOADING: "downloading",
    EngineState.READY: "ready",
    EngineState.UNAVAILABLE: "unavailable",
    EngineState.OFF: "off",
}

ENGINE_LABELS = {"languagetool": "LanguageTool", "harper": "Harper", "fiction": "Fiction rules"}


def engine_label(name: str) -> str:
    if name.startswith("beta:"):  # a beta reader's item: the reader's name as written
        return name[5:]
    return ENGINE_LABELS.get(name, name.replace("_", " ").capitalize())


def brief_reason(detail: str) -> str:
    """An engine's reason without the technical parenthesis in the middle of it."""
    if " (" in detail and ")." in detail:
        head = detail.split(" (", 1)[0]
        tail = detail.rsplit(").", 1)[1].strip()
        return f"{head}. {tail}" if tail else head
    return detail


def describe_status(status: EngineStatus, *, reason: bool = True) -> str:
    """``LanguageTool downloading 40%``, ``LanguageTool unavailable: no Java``, …"""
    text = f"{engine_label(status.engine)} {_STATE_WORDS.get(status.state, status.state.value)}"
    if status.state is EngineState.DOWNLOADING and status.progress is not None:
        text += f" {round(status.progress * 100)}%"
    if reason and status.detail and status.state in (EngineState.UNAVAILABLE, EngineState.STARTING):
        text += f": {brief_reason(status.detail)}"
    return text


class CheckController(QObject):
    """Submits the open chapter to the checker and shows what comes back."""

    statusArrived = Signal(object)  # EngineStatus, on the GUI thread
    issuesChanged = Signal()  # what the editor shows changed
    statusChanged = Signal(str, str)  # short text for the status bar, full text for its tooltip
    checkingChanged = Signal(bool)  # a check of the newest text started / ended (or was stopped)

    def __init__(self, checker, layer: IssueLayer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.checker = checker
        self.layer = layer
        self.session: ChapterSession | None = None
        self._submitted: OrderedDict[int, QtPositions] = OrderedDict()
        checker.add_status_listener(self._relay_status)  # before reading: no change is missed
        self._statuses: dict[str, EngineStatus] = dict(checker.statuses())
        self._last_done: tuple[str, ...] = ()
        self._last_submitted = -1
        self._last_final = -2
        self._last_pending: tuple[str, ...] = ()
        self._progress: Progress | None = None  # shown while a long check runs
        self._stopped = False  # the newest text's check was stopped before it was done
        self._checking = False
        self._progress_timer = QTimer(self, interval=PROGRESS_INTERVAL_MS)
        self._progress_timer.timeout.connect(self._poll_progress)
        # the checker's workers start on this thread: they run behind the window, as it does
        self._handoff = LatestOnly("ficwriter-submit", background=True)
        self._sorting = LatestOnly("ficwriter-results")
        self._closed = False
        self.statusArrived.connect(self._on_status)
        layer.changed.connect(self.issuesChanged)

    # -- submitting ---------------------------------------------------------------------------
    def attach(self, session: ChapterSession) -> None:
        """Check ``session``'s chapter from now on (after each re-parse)."""
        self.detach()
        self.session = session
        self.layer.clear()
        session.reparsed.connect(self.submit)

    def detach(self) -> None:
        """Stop following the chapter; results still on their way are ignored."""
        if self.session is not None:
            try:
                self.session.reparsed.disconnect(self.submit)
            except (RuntimeError, TypeError):  # the session is already gone
                pass
        self.session = None
        self._submitted.clear()
        self._last_submitted, self._last_final = -1, -2
        self._stopped = False
        self._update_checking()

    def close(self) -> None:
        """Detach and stop handing chapters to the checker; later results are ignored."""
        self._closed = True
        self.detach()
        self._handoff.close(wait=False)
        self._sorting.close(wait=False)

    def submit(self, chapter: Chapter) -> None:
        if self.session is None:
            return
        version = self.session.version
        if version == self._last_submitted:
            return  # this text is with the checker already (parsed twice: a pause, then a jump)
        self._last_submitted = version
        if self._stopped:  # checking again: the status no longer says it was stopped
            self._stopped = False
            self._announce()
        self._update_checking()
        self._submitted[version] = QtPositions(chapter.text)
        while len(self._submitted) > _KEEP_VERSIONS:
            self._submitted.popitem(last=False)
        checker, relay = self.checker, self._relay_result
        self._handoff.submit(lambda: checker.submit(chapter, version, relay))

    # The checker calls these from its threads, possibly after the window let go of this
    # object (a project closed while LanguageTool was still starting): the relay brings
    # them to the GUI thread, where a closed controller ignores them.
    def _relay_result(self, result) -> None:
        on_gui_thread(lambda: self._on_result(result))

    def _relay_status(self, status: EngineStatus) -> None:
        on_gui_thread(lambda: self._closed or self.statusArrived.emit(status))

    def recheck(self) -> None:
        """Submit the current text again (after a dismissal or a dictionary word, or to
        finish a stopped check: paragraphs already checked cost nothing)."""
        if self.session is not None:
            self._last_submitted = -1
            self.submit(self.session.current_chapter())

    def stop(self) -> None:
        """Stop the running check; its issues so far arrive as the final result."""
        if self._checking:
            self.checker.cancel()

    # -- progress -------------------------------------------------------------------------------
    def checking(self) -> bool:
        """The newest text handed to the checker is still being checked."""
        return self.session is not None and not self.idle()

    def _update_checking(self) -> None:
        checking = self.checking()
        if checking:
            self._progress_timer.start()
        else:
            self._progress_timer.stop()
            self._progress = None
        if checking != self._checking:
            self._checking = checking
            self.checkingChanged.emit(checking)

    def _poll_progress(self) -> None:
        progress = self.checker.progress()
        if (progress is None or progress.version != self._last_submitted
                or progress.total < PROGRESS_MIN_CALLS):
            return
        if self._progress is None or _percent(progress) != _percent(self._progress):
            self._progress = progress
            self._announce()

    # -- results --------------------------------------------------------------------------------
    def _on_result(self, result) -> None:
        """A result arrived: have it compared with what is shown, off this thread."""
        if self._closed:
            return
        positions = self._submitted.get(result.version)
        session = self.session
        if positions is None or session is None or not session.edits.covers(result.version):
            return  # a result for text that is gone; a newer one is on its way
        placement = self.layer.placement
        if result.version < placement.version:
            return  # the issues of a newer version are shown already
        edits: tuple[Edit, ...] = ()
        if placement.keys:
            if session.edits.covers(placement.version):
                edits = session.edits.between(placement.version, result.version)
            else:  # what is shown cannot be carried to this version: all of it is placed anew
                placement = Placement(placement.generation, placement.version, {})
        self._sorting.submit(lambda: self._sort_out(result, positions, placement, edits))

    def _sort_out(self, result, positions: QtPositions, placement: Placement,
                  edits: tuple[Edit, ...]) -> None:
        """On the worker: which of the result's issues are shown already."""
        diff = sort_out(result.issues, result.version, positions, placement, fold(edits))
        on_gui_thread(lambda: self._place(result, diff))

    def _place(self, result, diff: ResultDiff) -> None:
        session = self.session
        if self._closed or session is None or not session.edits.covers(result.version):
            return
        if result.version not in self._submitted:
            return
        if not self.layer.apply(diff, session.edits.rebase(result.version)):
            self._on_result(result)  # the shown issues were replaced meanwhile: compare again
            return
        if result.final:
            self._last_final = result.version
            self._stopped = result.stopped
            self._update_checking()
        self._last_done = tuple(result.done)
        self._last_pending = tuple(result.pending)
        # the engines' states come from the engines (``_on_status``), never from a result:
        # a result carries them as they were when it was put together, which may be before
        # LanguageTool finished starting or gave up
        self._announce()

    def _on_status(self, status: EngineStatus) -> None:
        self._statuses[status.engine] = status
        self._announce()

    def _announce(self) -> None:
        short, full = self.status_text()
        self.statusChanged.emit(short, full)

    def status_text(self) -> tuple[str, str]:
        """A short line for the status bar and the full picture for its tooltip."""
        lines = []  # what this check is doing first, then each engine's state
        if self._progress is not None:
            lines.append(f"Checking: {_percent(self._progress)}% "
                         f"({self._progress.done:,} of {self._progress.total:,} paragraph checks)")
        if self._stopped:
            lines.append("Check stopped: the issues found so far are shown. Edit the chapter "
                         "or press F5 (Check \u2192 Check Again) to check the rest.")
        lines += [describe_status(s) for s in self._statuses.values()]
        if self._last_done:
            lines.append("Checked by: " + ", ".join(engine_label(e) for e in self._last_done))
        if self._last_pending:
            lines.append(("Stopped before the end: " if self._stopped else "Still working: ")
                         + ", ".join(engine_label(e) for e in self._last_pending))
        lt = self._statuses.get("languagetool")
        if self._stopped:  # the answer to the writer's Stop comes first
            short = "Check stopped \u2014 F5 checks the rest"
        elif self.languagetool_busy():
            short = describe_status(lt, reason=False)
        elif self._progress is not None:
            short = f"Checking\u2026 {_percent(self._progress)}%"
        elif lt is not None and lt.state is not EngineState.READY:
            short = describe_status(lt, reason=False)
        elif self._last_pending:
            short = "Checking…"
        else:
            short = "Checked" if self._last_done else ""
        return short, "\n".join(lines)

    def idle(self) -> bool:
        """Every engine has answered for the newest text handed to the checker."""
        return self._last_final == self._last_submitted

    def languagetool_busy(self) -> bool:
        """LanguageTool is starting or downloading: the writer may choose not to wait."""
        lt = self._statuses.get("languagetool")
        return lt is not None and lt.state in (EngineState.STARTING, EngineState.DOWNLOADING)

    def engines(self) -> list[str]:
        return list(self._statuses)

    # -- acting on issues -----------------------------------------------------------------------
    def dismiss(self, issue: Issue) -> None:
        if self.session is None:
            return
        self.checker.dismiss_issue(issue, self.session.current_chapter())
        self.layer.remove_where(lambda other: other == issue)
        self.recheck()

    def dismiss_rule(self, rule_id: str) -> None:
        self.checker.dismiss_rule(rule_id)
        self.layer.remove_where(lambda other: other.rule_id == rule_id)
        self.recheck()

    def add_words(self, words: list[str]) -> None:
        """Words now in the project dictionary: their underlines go at once, then one
        re-check for all of them."""
        for word in words:
            self.checker.add_word(word)
            self.layer.remove_spelling_of(word)
        self.recheck()


def _percent(progress: Progress) -> int:
    return progress.done * 100 // max(progress.total, 1)
