"""Underlines follow the text, vanish where it is edited, and the actions on them work."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu, QToolTip

from ficwriter.checks.issue import Category, Issue


def _issue(text: str, word: str, category=Category.SPELLING, suggestion="door") -> tuple[Issue, int, int]:
    start = text.index(word)
    issue = Issue(start, start + len(word), category, "RULE_" + word.upper(), f"Rule {word}",
                  f"Odd word {word}.", "harper", (suggestion,), scene=0)
    return issue, issue.start, issue.end


def _place(window, *words: str) -> None:
    text = window.editor.text()
    window.issue_layer.set_issues([_issue(text, w) for w in words])


def _underlined(window) -> list[str]:
    return [s.cursor.selectedText() for s in window.issue_layer.shown]


def test_underlines_follow_edits_before_them(window, chapter_file: Path, qtbot) -> None:
    window.open_path(chapter_file)
    _place(window, "slowly", "shut")
    cursor = window.editor.textCursor()
    cursor.setPosition(window.editor.text().index("Wren walked"))
    window.editor.setTextCursor(cursor)
    qtbot.keyClicks(window.editor, "Then ")
    assert _underlined(window) == ["slowly", "shut"]
    selections = window.editor.extraSelections()
    assert [s.cursor.selectedText() for s in selections] == ["slowly", "shut"]


def test_editing_an_underlined_word_drops_only_its_underline(window, chapter_file: Path, qtbot) -> None:
    window.open_path(chapter_file)
    _place(window, "slowly", "shut")
    cursor = window.editor.textCursor()
    cursor.setPosition(window.editor.text().index("shut") + 2)
    window.editor.setTextCursor(cursor)
    qtbot.keyClick(window.editor, Qt.Key.Key_Backspace)
    assert _underlined(window) == ["slowly"]


def test_f7_and_shift_f7_walk_through_issues(window, chapter_file: Path, qtbot) -> None:
    window.open_path(chapter_file)
    _place(window, "slowly", "shut", "nobody")
    window.editor.go_to(0)
    seen = []
    for _ in range(4):
        qtbot.keyClick(window.editor, Qt.Key.Key_F7)
        seen.append(window.editor.textCursor().selectedText())
    assert seen == ["slowly", "shut", "nobody", "slowly"]
    qtbot.keyClick(window.editor, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert window.editor.textCursor().selectedText() == "nobody"


def test_apply_suggestion_from_the_context_menu(window, chapter_file: Path) -> None:
    window.open_path(chapter_file)
    _place(window, "gate")
    shown = window.issue_layer.shown[0]
    menu = QMenu()
    window.editor.fill_issue_menu(shown, menu)
    labels = [a.text() for a in menu.actions() if a.text()]
    assert labels[0] == "door"
    assert "Dismiss" in labels and any(label.startswith("Add \u201cgate\u201d") for label in labels)
    menu.actions()[0].trigger()
    assert "walked *slowly* to the door." in window.editor.text()
    assert len(window.issue_layer) == 0
    window.editor.undo()
    assert "to the gate." in window.editor.text()


def test_apply_suggestion_from_the_panel_is_one_key(window, chapter_file: Path, qtbot) -> None:
    window.open_path(chapter_file)
    _place(window, "gate", "shut")
    window.issues.refresh()
    table = window.issues.table
    assert window.issues.model.rowCount() == 2
    assert "[gate]" in window.issues.model.data(window.issues.model.index(0, 2))
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_A)
    assert "to the door." in window.editor.text()
    qtbot.waitUntil(lambda: window.issues.model.rowCount() == 1, timeout=1000)
    assert window.issues.windowTitle() == "Issues (1)"


def test_hover_shows_message_and_rule(window, chapter_file: Path, qtbot) -> None:
    window.open_path(chapter_file)
    _place(window, "gate")
    shown = window.issue_layer.shown[0]
    inside = QTextCursor(shown.cursor)
    inside.setPosition(shown.start + 2)
    point = window.editor.cursorRect(inside).center()
    viewport = window.editor.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert "Odd word gate." in QToolTip.text() and "RULE_GATE" in QToolTip.text()


def test_panel_filters_read_all_before_the_first_result(window) -> None:
    """A new window, nothing checked yet: the filter boxes say what they will show."""
    assert window.issues.category_box.currentText() == "All categories"
    assert window.issues.engine_box.currentText() == "All engines"


def test_underlines_are_drawn_wherever_the_writer_scrolls_in_a_long_chapter(
    window, tmp_path: Path, qtbot
) -> None:
    paragraphs = [f"Paragraph {n} has the word wrold{n} in it." for n in range(3000)]
    chapter = tmp_path / "long.md"
    chapter.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    window.open_path(chapter)
    _place(window, "wrold5", "wrold1500", "wrold2995")

    def drawn() -> list[str]:
        return [s.cursor.selectedText() for s in window.editor.extraSelections()]

    window.editor.go_to(0)
    qtbot.waitUntil(lambda: "wrold5" in drawn())
    for n in (1500, 2995, 5):
        window.editor.go_to(window.editor.text().index(f"wrold{n} "))
        window.editor.centerCursor()
        qtbot.waitUntil(lambda n=n: f"wrold{n}" in drawn())  # the one on screen is underlined
    assert len(window.issue_layer) == 3
