"""Running the checker for the open chapter without ever making the editor wait.

The chapter is handed to ``Checker.submit`` from a thread of its own (preparing a long
chapter takes a moment), and the checker calls back from its threads; the callback only
passes the result to the GUI thread (``relay``). There the issues are placed in the editor: a result for an older version of the text is carried through the
edits made since (an issue whose characters were edited is dropped), and Python offsets
become Qt positions.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QObject, Signal

from ficwriter.checks.engine import EngineState, EngineStatus
from ficwriter.checks.issue import Issue
from ficwriter.core.chapter import Chapter
from ficwriter.gui.background import LatestOnly
from ficwriter.gui.issue_layer import IssueLayer
from ficwriter.gui.positions import QtPositions
from ficwriter.gui.relay import on_gui_thread
from ficwriter.gui.session import ChapterSession

_KEEP_VERSIONS = 8

_STATE_WORDS = {
    EngineState.STARTING: "starting",
    EngineState.DOWNLOADING: "downloading",
    EngineState.READY: "ready",
    EngineState.UNAVAILABLE: "unavailable",
    EngineState.OFF: "off",
}

ENGINE_LABELS = {"languagetool": "LanguageTool", "harper": "Harper", "fiction": "Fiction rules"}


def engine_label(name: str) -> str:
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

    def __init__(self, checker, layer: IssueLayer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.checker = checker
        self.layer = layer
        self.session: ChapterSession | None = None
        self._submitted: OrderedDict[int, QtPositions] = OrderedDict()
        self._statuses: dict[str, EngineStatus] = dict(checker.statuses())
        self._last_done: tuple[str, ...] = ()
        self._last_submitted = -1
        self._last_final = -2
        self._last_pending: tuple[str, ...] = ()
        self._handoff = LatestOnly("ficwriter-submit")
        self._closed = False
        self.statusArrived.connect(self._on_status)
        checker.add_status_listener(self._relay_status)
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

    def close(self) -> None:
        """Detach and stop handing chapters to the checker; later results are ignored."""
        self._closed = True
        self.detach()
        self._handoff.close(wait=False)

    def submit(self, chapter: Chapter) -> None:
        if self.session is None:
            return
        version = self.session.version
        if version == self._last_submitted:
            return  # this text is with the checker already (parsed twice: a pause, then a jump)
        self._last_submitted = version
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
        """Submit the current text again (after a dismissal or a dictionary word)."""
        if self.session is not None:
            self._last_submitted = -1
            self.submit(self.session.current_chapter())

    # -- results --------------------------------------------------------------------------------
    def _on_result(self, result) -> None:
        if self._closed:
            return
        positions = self._submitted.get(result.version)
        session = self.session
        if positions is None or session is None or not session.edits.covers(result.version):
            return  # a result for text that is gone; a newer one is on its way
        placed = []
        for issue in result.issues:
            qt = session.edits.map_range(
                result.version, positions.to_qt(issue.start), positions.to_qt(issue.end)
            )
            if qt is not None:
                placed.append((issue, qt[0], qt[1]))
        self.layer.set_issues(placed)
        if result.final:
            self._last_final = result.version
        self._last_done = tuple(result.done)
        self._last_pending = tuple(result.pending)
        for status in result.statuses.values() if isinstance(result.statuses, dict) else result.statuses:
            self._statuses[status.engine] = status
        self._announce()

    def _on_status(self, status: EngineStatus) -> None:
        self._statuses[status.engine] = status
        self._announce()

    def _announce(self) -> None:
        short, full = self.status_text()
        self.statusChanged.emit(short, full)

    def status_text(self) -> tuple[str, str]:
        """A short line for the status bar and the full picture for its tooltip."""
        lines = [describe_status(s) for s in self._statuses.values()]
        if self._last_done:
            lines.append("Checked by: " + ", ".join(engine_label(e) for e in self._last_done))
        if self._last_pending:
            lines.append("Still working: " + ", ".join(engine_label(e) for e in self._last_pending))
        lt = self._statuses.get("languagetool")
        if lt is not None and lt.state is not EngineState.READY:
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

    def add_word(self, word: str) -> None:
        self.checker.add_word(word)
        self.layer.remove_spelling_of(word)
        self.recheck()

