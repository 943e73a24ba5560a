"""The status bar's goals: today's and the chapter's words against their targets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextCursor

from ficwriter.core.goals import update_goals
from ficwriter.core.project import open_project


def test_today_and_chapter_against_their_targets(window, written_project: Path, qtbot) -> None:
    window.open_path(written_project / "chapters" / "01-the-long-walk.md")
    today, chapter = window.status.today_goal, window.status.chapter_goal
    qtbot.waitUntil(lambda: today.isVisible() and chapter.isVisible())
    assert today.label.text() == "Today 0 / 300"
    assert chapter.label.text() == "Chapter 1,533 / 1,540" and chapter.bar.value() == 1533
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(window.editor, " She ran all the way home.")  # 6 words, not yet saved
    qtbot.waitUntil(lambda: today.label.text() == "Today 6 / 300", timeout=5000)
    assert chapter.label.text() == "Chapter 1,539 / 1,540"
    qtbot.keyClicks(window.editor, " Then she slept.")
    qtbot.waitUntil(lambda: chapter.label.text() == "Chapter 1,542 / 1,540", timeout=5000)
    assert window.status.currentMessage() == "Chapter target reached: 1,542 of 1,540 words."
    window.save()  # now from history: the same figures
    qtbot.waitUntil(lambda: window.views.progress is not None
                    and window.views.progress.chapters["chapters/01-the-long-walk.md"] == 1542)
    assert today.label.text() == "Today 9 / 300"


def test_no_targets_no_meters_and_no_history_read(window, sample_project: Path, qtbot) -> None:
    window.open_path(sample_project)
    qtbot.waitUntil(lambda: window.session is not None)
    assert not window.status.today_goal.isVisible() and not window.status.chapter_goal.isVisible()
    assert window.views.progress is None  # nothing added up for a status bar that shows nothing
    assert window.views.progress_window is None and window.views.story_window is None


def test_a_target_set_elsewhere_shows_on_the_next_open(window, sample_project: Path, qtbot) -> None:
    project = open_project(sample_project)
    update_goals(project, daily=250)
    project.save()
    window.open_path(sample_project)
    qtbot.waitUntil(lambda: window.status.today_goal.isVisible())
    assert window.status.today_goal.label.text() == "Today 0 / 250"


def test_the_history_panel_says_notes_are_not_counted(window, sample_project: Path, qtbot) -> None:
    window.open_path(sample_project)
    tip = window.history.list.headerItem().toolTip(3)
    assert "Story words" in tip and "notes" in tip and "not" in tip


def test_a_session_target_in_words(window, sample_project: Path, qtbot) -> None:
    project = open_project(sample_project)
    update_goals(project, session=10)
    project.save()
    window.open_path(sample_project)
    meter = window.status.session_goal
    qtbot.waitUntil(lambda: meter.isVisible())
    assert meter.label.text() == "Session 0 / 10"
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(window.editor, " One two three four five six seven eight nine ten.")
    qtbot.waitUntil(lambda: meter.label.text() == "Session 10 / 10", timeout=5000)
    assert window.status.currentMessage() == "Session target reached: 10 of 10 words."


def test_a_sprint_counts_down_and_reports_its_words(window, sample_project: Path, qtbot) -> None:
    project = open_project(sample_project)
    update_goals(project, session=15, session_unit="minutes")
    project.save()
    window.open_path(sample_project)
    qtbot.waitUntil(lambda: window.session is not None)
    now = [1000.0]
    window.views.clock = lambda: now[0]  # the sprint's clock, moved by the test
    window.menus.act_sprint.trigger()
    meter = window.status.session_goal
    assert meter.isVisible() and meter.label.text() == "Session 15:00 left · +0 words"
    assert window.menus.act_sprint.text() == "Stop &Sprint"
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(window.editor, " She ran.")
    now[0] += 61
    qtbot.waitUntil(lambda: meter.label.text() == "Session 13:59 left · +2 words", timeout=5000)
    now[0] += 15 * 60
    qtbot.waitUntil(lambda: not window.views.sprinting, timeout=5000)
    assert window.status.currentMessage() == "Sprint over (15 minutes): +2 words."
    assert not meter.isVisible()
