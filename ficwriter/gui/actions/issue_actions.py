"""What the writer does to issues, wherever they ask: the Check menu, the issues panel, the
editor's issue menu.

Those ask with signals (``applyRequested``, ``dismissRequested``…); the answers need the
editor, the open check (``CheckController``) and the panel's other chapters
(``ProjectIssues``) together, so they live here rather than in any one of them. A
suggestion is applied in the editor, where Undo can take it back, and the checker then
checks the edited text as any other edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from ficwriter.gui.editor.issue_layer import ShownIssue
from ficwriter.gui.panels.project_issues import ChapterIssue, locate

if TYPE_CHECKING:
    from pathlib import Path

    from ficwriter.gui.background.checking import CheckController
    from ficwriter.gui.editor.editor import ChapterEditor
    from ficwriter.gui.editor.issue_layer import IssueLayer
    from ficwriter.gui.panels.issues_dock import IssuesDock
    from ficwriter.gui.workspace import Workspace


class IssueWindow(Protocol):
    """The window as the issue commands use it: the collaborators asked for, never the window
    class itself (``MainWindow`` is one; it is also the dialogs' parent)."""

    project_root: Path | None
    workspace: Workspace | None
    checks: CheckController | None
    editor: ChapterEditor
    issue_layer: IssueLayer
    issues: IssuesDock

    def open_chapter(self, path: Path, root: Path | None = None) -> bool: ...
    def start_checks(self, *, recheck: bool = False) -> None: ...


class IssueActions:
    def __init__(self, window: IssueWindow) -> None:
        self.window = window

    # -- going to an issue ------------------------------------------------------------------
    def jump_to_issue(self, shown: ShownIssue) -> None:
        self.window.editor.select_range(shown.start, shown.end)
        self.window.editor.setFocus()

    def open_issue(self, row: ChapterIssue) -> None:
        """Another chapter's issue: open that chapter (as any switch: saved first), then
        select the issue's words where they are now."""
        window = self.window
        if not window.open_chapter(row.path, window.project_root):
            return
        found = locate(row, window.editor.text())
        if found is not None:
            positions = window.editor.positions()
            window.editor.select_range(positions.to_qt(found[0]), positions.to_qt(found[1]))

    def next_issue(self) -> None:
        """Select the first issue after the cursor (F7)."""
        editor = self.window.editor
        self._select(self.window.issue_layer.next_after(editor.textCursor().selectionStart()))

    def previous_issue(self) -> None:
        """Select the last issue before the cursor (Shift+F7)."""
        editor = self.window.editor
        self._select(self.window.issue_layer.previous_before(editor.textCursor().selectionStart()))

    def _select(self, shown: ShownIssue | None) -> None:
        if shown is not None:
            self.window.editor.select_range(shown.start, shown.end)

    # -- acting on one ----------------------------------------------------------------------
    def apply_suggestion(self, shown: ShownIssue, suggestion: str) -> None:
        """Replace the issue's characters by ``suggestion``: one undo step, re-checked after."""
        if shown.start < shown.end:
            self.window.editor.replace_range(shown.start, shown.end, suggestion)

    def dismiss_issue(self, shown: ShownIssue) -> None:
        if shown.review is not None:  # a beta reader's item: rejected, nothing remembered
            self.window.issue_layer.remove(shown)
            return
        if self.window.checks is not None:
            self.window.checks.dismiss(shown.issue)

    def dismiss_rule(self, shown: ShownIssue | ChapterIssue) -> None:
        if isinstance(shown, ShownIssue) and shown.review is not None:
            return  # a reader's items have no rule to silence
        if self.window.checks is not None:
            self.window.checks.dismiss_rule(shown.issue.rule_id)
        self.window.issues.project.forget_rule(shown.issue.rule_id)

    def add_word(self, word: str) -> None:
        """Add ``word`` to the project dictionary: its spelling issues go everywhere."""
        self.add_words([word])

    def add_words(self, words: list[str]) -> None:
        """Add several words at once (the names offer): one re-check for all of them."""
        if self.window.checks is not None:
            self.window.checks.add_words(words)
        for word in words:
            self.window.issues.project.forget_word(word)

    # -- the check itself -------------------------------------------------------------------
    def check_again(self) -> None:
        """Check the open chapter now, and in project scope the others (after Stop
        Checking: only what is left costs time)."""
        if self.window.checks is not None:
            self.window.checks.recheck()
            self.window.issues.project.recheck()

    def stop_checking(self) -> None:
        if self.window.checks is not None:
            self.window.checks.stop()
            self.window.issues.project.stop()

    def stop_languagetool(self) -> None:
        """Cancel waiting for LanguageTool: check with the other engines this session."""
        window = self.window
        if window.workspace is None or window.checks is None:
            return
        others = [name for name in window.checks.engines() if name != "languagetool"]
        window.workspace.reload_checker(only=others)
        window.start_checks(recheck=True)
