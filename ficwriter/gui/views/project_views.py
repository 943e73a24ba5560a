"""The project's goals in the status bar, and the Progress and Story windows.

Nothing here runs at start-up unless it is shown: the history is added up only when the
project sets a daily or chapter target (the status bar shows them) or the Progress window
is open, and the windows (and QtCharts) are built the first time the View menu asks.
Today's words are history's count for today plus what the open chapter gained since its
last revision (unsaved typing counts at once); reaching a target says so once, quietly,
in the status bar. A session target in words is measured against the status bar's words
this session; a sprint (View → Start Sprint: the session's minutes, else 25) counts down
there with the words written since it began.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QTimer

from ficwriter.core.goals import Goals, read_goals
from ficwriter.core.chapters import listed_title
from ficwriter.core.project import open_project
from ficwriter.history.progress import Day, Progress, read_progress

if TYPE_CHECKING:
    from pathlib import Path

    from ficwriter.gui.actions.history_actions import HistoryActions
    from ficwriter.gui.editor.editor import ChapterEditor
    from ficwriter.gui.editor.session import ChapterSession
    from ficwriter.gui.panels.history_dock import HistoryDock
    from ficwriter.gui.status_bar import StatusBar
    from ficwriter.gui.theme import Theme
    from ficwriter.gui.views.progress_view import ChapterProgress, ProgressWindow
    from ficwriter.gui.views.story_view import StoryWindow
    from ficwriter.gui.word_tally import WordTally
    from ficwriter.gui.workspace import Workspace

NOTE_MS = 6000
SPRINT_MINUTES = 25  # a sprint's length when the project sets no session in minutes


class ViewsWindow(Protocol):
    """The window as the views use it (``MainWindow`` is one; it parents the windows)."""

    session: ChapterSession | None
    workspace: Workspace | None
    editor: ChapterEditor
    history: HistoryDock
    history_actions: HistoryActions
    status: StatusBar
    theme: Theme
    word_tally: WordTally

    def open_chapter(self, path: Path, root: Path | None = None) -> bool: ...


class ProjectViews:
    def __init__(self, window: ViewsWindow) -> None:
        self.window = window
        self.goals = Goals()
        self.progress: Progress | None = None
        self.progress_window: ProgressWindow | None = None
        self.story_window: StoryWindow | None = None
        self._editor_words: int | None = None
        self._reached: set[str] = set()
        # parented to the window: they must die with it, never fire on its deleted parts
        self._refresh_timer = QTimer(window, singleShot=True, interval=300)  # type: ignore[call-overload]
        self._refresh_timer.timeout.connect(self.refresh)
        self.clock: Callable[[], float] = time.monotonic
        self._sprint: tuple[float, int, int] | None = None  # ends at, seconds, words at start
        self._sprint_timer = QTimer(window, interval=1000)  # type: ignore[call-overload]
        self._sprint_timer.timeout.connect(self._sprint_tick)

    # -- following the project ----------------------------------------------------------------
    def project_opened(self) -> None:
        """Read the project's goals; add up its history if something on show needs it."""
        self._reached.clear()
        self.goals = self._read_goals()
        self.progress = None
        self.refresh()
        self._show_session()

    def history_changed(self) -> None:
        """A revision was recorded (here or by another program): count again, soon."""
        self._refresh_timer.start()

    def chapter_words(self, words: int) -> None:
        """The open chapter's story words as the editor has them now."""
        self._editor_words = words
        self._show_meters()
        self._show_session()

    # -- the session and sprints --------------------------------------------------------------
    @property
    def sprinting(self) -> bool:
        return self._sprint is not None

    def toggle_sprint(self) -> None:
        """Start a sprint (the project's session minutes, else 25), or stop the one running."""
        if self._sprint is not None:
            self._end_sprint(stopped=True)
            return
        minutes = self.goals.session if self.goals.session_unit == "minutes" and self.goals.session \
            else SPRINT_MINUTES
        self._sprint = (self.clock() + minutes * 60, minutes * 60, self.window.word_tally.session_words)
        self._sprint_timer.start()
        self._sprint_tick()

    def _sprint_tick(self) -> None:
        if self._sprint is None:
            return
        ends, length, _ = self._sprint
        left = max(0, round(ends - self.clock()))
        if left == 0:
            self._end_sprint(stopped=False)
            return
        self.window.status.session_goal.show_countdown(left, length, self._sprint_words())

    def _sprint_words(self) -> int:
        assert self._sprint is not None
        return self.window.word_tally.session_words - self._sprint[2]

    def _end_sprint(self, *, stopped: bool) -> None:
        assert self._sprint is not None
        words, minutes = self._sprint_words(), self._sprint[1] // 60
        self._sprint = None
        self._sprint_timer.stop()
        how = "Sprint stopped" if stopped else f"Sprint over ({minutes} minutes)"
        self.window.status.showMessage(f"{how}: {words:+,} words.", NOTE_MS)
        self._show_session()

    def _show_session(self) -> None:
        meter = self.window.status.session_goal
        if self._sprint is not None:
            self._sprint_tick()
            return
        target = self.goals.session if self.goals.session_unit == "words" else None
        if self.window.session is None or not target:
            meter.hide()
            return
        words = self.window.word_tally.session_words
        meter.show_words(words, target)
        self._note_reached("session", words, target, "Session target reached")

    def refresh(self) -> None:
        workspace = self.window.workspace
        shown = self.progress_window is not None and self.progress_window.isVisible()
        if workspace is None or not (self._needs_progress() or shown):
            self.progress = None
            self._show_meters()
            return
        with workspace.store.lock:
            self.progress = read_progress(workspace.store.db)
        self._show_meters()
        if shown:
            self._fill_progress_window()

    def _read_goals(self) -> Goals:
        workspace = self.window.workspace
        if workspace is None:
            return Goals()
        try:  # read again: `ficwriter goal` or an editor may have changed ficwriter.toml
            return read_goals(open_project(workspace.root))
        except ValueError as error:
            self.window.status.showMessage(f"ficwriter.toml: {error}", NOTE_MS)
            return Goals()

    def _needs_progress(self) -> bool:
        return bool(self.goals.daily or self.goals.chapters)

    def _rel(self) -> str | None:
        workspace, session = self.window.workspace, self.window.session
        if workspace is None or session is None:
            return None
        return workspace.relative(session.path)

    def _show_meters(self) -> None:
        status, progress, rel = self.window.status, self.progress, self._rel()
        if progress is None or rel is None:
            status.today_goal.hide()
            status.chapter_goal.hide()
            return
        recorded = progress.chapters.get(rel, 0)
        chapter = self._editor_words if self._editor_words is not None else recorded
        today = progress.day(date.today()).written + (chapter - recorded)
        status.today_goal.show_words(today, self.goals.daily)
        status.chapter_goal.show_words(chapter, self.goals.chapter(rel))
        self._note_reached("today", today, self.goals.daily, "Today's target reached")
        self._note_reached(rel, chapter, self.goals.chapter(rel), "Chapter target reached")

    def _note_reached(self, key: str, words: int, target: int | None, message: str) -> None:
        if not target:
            return
        if words >= target and key not in self._reached:
            self._reached.add(key)
            self.window.status.showMessage(f"{message}: {words:,} of {target:,} words.", NOTE_MS)
        elif words < target:
            self._reached.discard(key)

    # -- the windows --------------------------------------------------------------------------
    def show_progress(self) -> None:
        if self.window.workspace is None:
            return
        if self.progress_window is None:
            from ficwriter.gui.views.progress_view import ProgressWindow

            self.progress_window = ProgressWindow(self.window.theme, self.window)  # type: ignore[arg-type]
            self.progress_window.dayActivated.connect(self.open_day)
        self.goals = self._read_goals()
        self.progress_window.show()
        self.progress_window.raise_()
        self.refresh()

    def _fill_progress_window(self) -> None:
        from ficwriter.gui.views.progress_view import ChapterProgress

        workspace = self.window.workspace
        assert workspace is not None and self.progress is not None and self.progress_window
        rows: list[ChapterProgress] = []
        for path in workspace.project.chapters():
            rel = workspace.relative(path)
            words = self.progress.chapters.get(rel, 0)
            rows.append(ChapterProgress(listed_title(path), rel, words, self.goals.chapter(rel)))
        self.progress_window.show_progress(self.progress, self.goals, rows)

    def open_day(self, day: Day) -> None:
        """Show a day's revisions in History: the open chapter's newest of that day, else
        the chapter of the day's last revision, opened."""
        workspace = self.window.workspace
        if workspace is None or not day.revisions:
            self.window.status.showMessage(f"No revisions on {day.date:%-d %B}.", NOTE_MS)
            return
        store = workspace.store
        revisions = [store.revision(rid) for rid in day.revisions]
        rel = self._rel()
        mine = [r for r in revisions if r.path == rel]
        chosen = mine[-1] if mine else revisions[-1]
        if not mine:
            if chosen.path not in store.chapters() or not self.window.open_chapter(
                workspace.root / chosen.path, workspace.root
            ):
                self.window.status.showMessage(
                    f"The chapter written on {day.date:%-d %B} is no longer in the project.",
                    NOTE_MS)  # fmt: skip
                return
        self.window.history_actions.show_history(chosen.id)
        self.window.history.mark_day(day.date)

    def show_story(self) -> None:
        workspace = self.window.workspace
        if workspace is None:
            return
        if self.story_window is None:
            from ficwriter.gui.views.story_view import StoryWindow

            self.story_window = StoryWindow(self.window.theme, self.window)  # type: ignore[arg-type]
            self.story_window.sceneActivated.connect(self._open_scene)
        self.story_window.show()
        self.story_window.raise_()
        self._read_story()

    def _read_story(self) -> None:
        from ficwriter.checks.story import story_pictures
        from ficwriter.core.chapter import parse
        from ficwriter.core.textfile import read_text

        workspace = self.window.workspace
        assert workspace is not None and self.story_window is not None
        root, chapters = workspace.root, workspace.project.chapters()
        self.story_window.read_in_background(
            lambda: story_pictures(root, chapters, lambda path: parse(read_text(path).text)))

    def _open_scene(self, path: Path, start: int) -> None:
        window = self.window
        if window.session is None or window.session.path != path:
            if not window.open_chapter(path, window.workspace.root if window.workspace else None):
                return
        window.editor.go_to(window.editor.positions().to_qt(start))
        window.editor.setFocus()
        window.editor.activateWindow()

    def set_theme(self, theme: Theme) -> None:
        for view in (self.progress_window, self.story_window):
            if view is not None:
                view.set_theme(theme)

    def project_closed(self) -> None:
        if self._sprint is not None:
            self._end_sprint(stopped=True)
        for view in (self.progress_window, self.story_window):
            if view is not None:
                view.close()
        self.progress = None
        self._editor_words = None
        self._show_meters()
