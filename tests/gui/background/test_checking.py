"""The real checker behind the window: issues appear while typing and typing never waits."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu

from ficwriter import paths
from ficwriter.checks.harper_engine import HarperEngine
from ficwriter.gui.editor import session as session_module
from tests.gate import EngineGate
from tests.gui.conftest import shown_on, underlined


class Heartbeat:
    """A 10 ms timer on the GUI thread; the longest gap between its ticks is the worst stall."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.clock.start()
        self.last = 0
        self.worst = 0
        self.timer = QTimer(interval=10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def restart(self) -> None:
        """Forget what was measured so far."""
        self.last = self.clock.elapsed()
        self.worst = 0

    def stop(self) -> int:
        self.timer.stop()
        return self.worst


def _cursor_at_end_of(window, words: str) -> None:
    text = window.editor.text()
    cursor = window.editor.textCursor()
    cursor.setPosition(text.index(words) + len(words))
    window.editor.setTextCursor(cursor)


def test_typing_shows_new_issues_without_blocking_the_event_loop(opened, qtbot) -> None:
    window = opened
    assert "recieved" in underlined(window)
    _cursor_at_end_of(window, "used it to light the stove.")
    beat = Heartbeat()
    qtbot.keyClicks(window.editor, " She had alwayss hated the counsil.")
    qtbot.waitUntil(lambda: "alwayss" in underlined(window) and "counsil" in underlined(window),
                    timeout=15000)
    worst = beat.stop()
    assert worst <= 100, f"the GUI thread stalled {worst} ms while checks ran"
    assert "recieved" in underlined(window)  # issues elsewhere stayed


def test_status_says_why_languagetool_is_unavailable_and_harper_still_shows(opened, qtbot) -> None:
    window = opened
    qtbot.waitUntil(lambda: "unavailable" in window.status.checker.text(), timeout=15000)
    assert window.status.checker.text() == "LanguageTool unavailable"
    assert "no connection" in window.status.checker.toolTip()
    assert "no connection" in window.issues.status.text()
    assert "Harper" in window.issues.status.text()
    assert any(s.issue.engine == "harper" for s in window.issue_layer.shown)


def test_refused_server_url_is_reported(window, sample_project: Path, qtbot) -> None:
    config = sample_project / "ficwriter.toml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + '\n[checks.languagetool]\nmode = "remote"\nurl = "http://127.0.0.1:9"\n',
        encoding="utf-8",
    )
    window.open_path(sample_project)
    qtbot.waitUntil(lambda: "unavailable" in window.status.checker.text(), timeout=15000)
    assert "127.0.0.1:9" in window.status.checker.toolTip() or "refused" in window.status.checker.toolTip()
    qtbot.waitUntil(lambda: "recieved" in underlined(window), timeout=15000)


def test_apply_suggestion_from_context_menu_with_real_issue(opened, qtbot) -> None:
    window = opened
    shown = shown_on(window, "recieved")
    menu = QMenu()
    window.editor.fill_issue_menu(shown, menu)
    first = menu.actions()[0]
    assert first.text() == "received"
    first.trigger()
    assert "Wren had received the council's notice" in window.editor.text()
    qtbot.wait(600)
    assert "recieved" not in underlined(window)


def test_apply_suggestion_from_the_panel_with_real_issue(opened, qtbot) -> None:
    window = opened
    window.issues.refresh()
    table = window.issues.table
    proxy = window.issues.proxy
    row = next(r for r in range(proxy.rowCount())
               if "[recieved]" in proxy.index(r, 2).data())
    table.setFocus()
    table.selectRow(row)
    qtbot.keyClick(table, Qt.Key.Key_A)
    assert "Wren had received" in window.editor.text()


def test_dismiss_survives_reopening(opened, sample_project: Path, qtbot, app_settings) -> None:
    from ficwriter.gui.main_window import MainWindow

    window = opened
    window.issue_actions.dismiss_issue(shown_on(window, "recieved"))
    qtbot.waitUntil(lambda: "recieved" not in underlined(window), timeout=5000)
    window.close()
    again = MainWindow(app_settings)
    qtbot.addWidget(again)
    again.show()
    again.open_path(sample_project)
    qtbot.waitUntil(lambda: "turned" in underlined(again), timeout=15000)
    assert "recieved" not in underlined(again)
    again.close()


def test_add_to_dictionary_silences_the_word_and_writes_the_file(opened, sample_project: Path, qtbot) -> None:
    window = opened
    _cursor_at_end_of(window, "used it to light the stove.")
    qtbot.keyClicks(window.editor, " Zorvath watched her go.")
    qtbot.waitUntil(lambda: "Zorvath" in underlined(window), timeout=15000)
    window.issue_actions.add_word("Zorvath")
    qtbot.waitUntil(lambda: "Zorvath" not in underlined(window), timeout=5000)
    assert "Zorvath" in (sample_project / "dictionary.txt").read_text(encoding="utf-8").split()
    # the paragraph checked again (its new typo is found), the name stays quiet
    qtbot.keyClicks(window.editor, " Zorvath smiled at the dawnn.")
    qtbot.waitUntil(lambda: "dawnn" in underlined(window), timeout=15000)
    assert "Zorvath" not in underlined(window)


def test_typing_goes_in_while_the_first_check_of_a_long_real_chapter_is_under_way(
    window, seed_text: str, tmp_path: Path, paced_harper: EngineGate, qtbot
) -> None:
    """Keystrokes reach the text while the chapter's first check is held part-way (how long
    the GUI thread waits meanwhile is a figure of benchmarks/bench_gui.py, not a test's)."""
    chapter = tmp_path / "seed" / "chapter.txt"
    chapter.parent.mkdir()
    chapter.write_text(seed_text, encoding="utf-8")
    window.open_path(chapter)
    qtbot.waitUntil(lambda: paced_harper.waiting > 0, timeout=15000)  # the check is under way
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(window.editor, " Then she walkd away.")
    assert window.editor.text().endswith(" Then she walkd away.")
    assert paced_harper.passed == 0 and not window.checks.idle()  # typed before any check ended
    paced_harper.open()
    qtbot.waitUntil(lambda: "walkd" in underlined(window), timeout=30000)


def test_not_waiting_for_languagetool_keeps_the_other_engines(opened, qtbot) -> None:
    from ficwriter.checks.engine import EngineState, EngineStatus

    window = opened
    window.checks.statusArrived.emit(EngineStatus("languagetool", EngineState.DOWNLOADING, progress=0.4))
    assert "LanguageTool downloading 40%" == window.status.checker.text()
    assert window.issues.stop_lt_button.isVisibleTo(window.issues)
    window.issues.stop_lt_button.click()
    assert "languagetool" not in window.workspace.checker.statuses()
    qtbot.waitUntil(lambda: "recieved" in underlined(window), timeout=10000)
    assert not window.issues.stop_lt_button.isVisibleTo(window.issues)


@pytest.fixture
def long_chapter(tmp_path: Path) -> Path:
    """The sample's first chapter ten times over in one file (16,000 words, 480 story
    paragraphs). Each copy's paragraphs start with their own words: identical paragraphs
    would share one check."""
    sample = (paths.sample_project() / "chapters" / "01-the-long-walk.md").read_text(encoding="utf-8")
    blocks = sample.strip().split("\n\n")
    copies = ["\n\n".join(f"Day {day}. {b}" if b[:1].isalpha() else b for b in blocks)
              for day in range(1, 11)]
    path = tmp_path / "long" / "chapter.md"
    path.parent.mkdir()
    path.write_text("\n\n* * *\n\n".join(copies) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def paced_harper(monkeypatch: pytest.MonkeyPatch):
    """Harper's paragraph checks wait at a gate the test opens: the check is as far as the
    test says, however fast the machine."""
    gate = EngineGate()
    gate.hold(monkeypatch, HarperEngine)
    yield gate
    gate.open()


def test_long_check_shows_its_progress_and_stop_keeps_what_was_found(
    window, long_chapter: Path, paced_harper: EngineGate, qtbot
) -> None:
    status = window.status.checker
    assert not window.menus.act_stop_checking.isEnabled()
    window.open_path(long_chapter)
    paced_harper.allow(40)  # the first copy's paragraph with "recieved" is among them
    qtbot.waitUntil(lambda: paced_harper.passed == 40, timeout=15000)
    qtbot.waitUntil(lambda: re.fullmatch(r"Checking… \d+%", status.text()) is not None, timeout=15000)
    assert "paragraph checks" in status.toolTip()
    assert window.menus.act_stop_checking.isEnabled()
    # a long check may already show part of what it found (it delivers every half second
    # while calls finish), never more than the checks the gate let through
    assert underlined(window).count("recieved") <= 1

    window.menus.act_stop_checking.trigger()
    paced_harper.open()  # only the calls already under way go on
    qtbot.waitUntil(lambda: status.text().startswith("Check stopped"), timeout=15000)
    assert "F5" in status.text() and "Check Again" in status.toolTip()
    assert "Check stopped" in window.issues.status.text()
    assert not window.menus.act_stop_checking.isEnabled()
    assert underlined(window).count("recieved") == 1  # found before the stop, still shown

    window.menus.act_check_again.trigger()  # F5: the rest of the chapter
    qtbot.waitUntil(lambda: underlined(window).count("recieved") == 10, timeout=30000)
    qtbot.waitUntil(window.checks.idle, timeout=15000)
    assert not status.text().startswith(("Check stopped", "Checking"))


@pytest.fixture
def typing_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The writer does not pause: no new version goes to the checker while the test types,
    so what arrives is the result for the text as it was before the keys."""
    monkeypatch.setattr(session_module, "REPARSE_DELAY_MS", 600_000)


def test_issues_found_before_typing_arrive_on_their_words_after_it(
    window, tmp_path: Path, paced_harper: EngineGate, typing_on, qtbot
) -> None:
    chapter = tmp_path / "typed" / "chapter.md"
    chapter.parent.mkdir()
    chapter.write_text(
        "Wren walked to the gate.\n\n"
        "She had recieved a letter from the north.\n\n"
        "Then she walkd away and never looked back.\n\n"
        "The morning was cold, and the dawnn was grey.\n",
        encoding="utf-8",
    )
    window.open_path(chapter)
    qtbot.waitUntil(lambda: paced_harper.waiting > 0, timeout=15000)  # the check is held
    editor = window.editor
    _cursor_at_end_of(window, "Wren walked")
    qtbot.keyClicks(editor, " slowly")  # a paragraph before every issue grows
    _cursor_at_end_of(window, "She had")
    qtbot.keyClicks(editor, " only just")  # the issue's own paragraph, before its word
    _cursor_at_end_of(window, "walkd")
    qtbot.keyClicks(editor, "e")  # the misspelt word itself is edited
    assert not underlined(window) and not window.checks.idle()  # nothing has come back yet
    paced_harper.open()
    qtbot.waitUntil(window.checks.idle, timeout=30000)
    shown = underlined(window)
    assert "recieved" in shown and "dawnn" in shown  # carried past the keys typed before them
    assert not any("walk" in words for words in shown)  # its word changed: no stale underline
    assert "She had only just recieved" in editor.text()


def test_a_result_put_together_before_languagetool_gave_up_does_not_bring_back_downloading(
        opened, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    """A result carries the engines' states from when it was put together; by the time the
    window places it LanguageTool may have said it cannot download. The engine's own word,
    which came last, is what the window shows."""
    from ficwriter.checks.engine import EngineState, EngineStatus

    window = opened
    checker = window.workspace.checker
    downloading = EngineStatus("languagetool", EngineState.DOWNLOADING, "downloading LanguageTool")
    stale = {**checker.statuses(), "languagetool": downloading}
    monkeypatch.setattr(checker, "statuses", lambda: stale)  # what results will carry
    window.checks._on_status(EngineStatus(
        "languagetool", EngineState.UNAVAILABLE, "could not download LanguageTool: no connection"))
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(window.editor, " Another sentance.")
    qtbot.waitUntil(lambda: "sentance" in underlined(window), timeout=15000)
    qtbot.waitUntil(window.checks.idle, timeout=15000)
    short, full = window.checks.status_text()
    assert "could not download" in full and "downloading LanguageTool" not in full
