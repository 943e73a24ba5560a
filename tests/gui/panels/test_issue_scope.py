"""The issues panel's "Whole project" scope: other chapters' issues, checked in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from ficwriter.checks.issue import Category, Issue
from ficwriter.core.chapter import parse
from ficwriter.gui.main_window import MainWindow
from ficwriter.gui.panels.project_issues import ChapterIssue, locate

FIRST = "01-the-long-walk.md"
SECOND = "02-over-the-ridge.md"  # no issue of its own with Harper and the fiction rules


def rows(window) -> list[tuple[str, str]]:
    """(chapter, text in context) of every row the panel shows, in order."""
    proxy = window.issues.proxy
    return [(proxy.index(r, 4).data(), proxy.index(r, 2).data()) for r in range(proxy.rowCount())]


def row_of(window, words: str) -> int:
    return next(r for r, (_, text) in enumerate(rows(window)) if f"[{words}]" in text)


def has_row(window, words: str) -> bool:
    return any(f"[{words}]" in text for _, text in rows(window))


def open_in_project_scope(window, project: Path, qtbot) -> None:
    """The window on the second chapter, panel in project scope, the first chapter checked."""
    assert window.open_path(project / "chapters" / SECOND)
    window.issues.scope_box.setCurrentIndex(window.issues.scope_box.findData("project"))
    window.issues.scope_box.activated.emit(window.issues.scope_box.currentIndex())
    qtbot.waitUntil(lambda: has_row(window, "recieved"), timeout=20000)


def test_stop_checking_stops_the_other_chapters_too_and_f5_resumes(
    window, sample_project: Path, qtbot
) -> None:
    assert window.open_path(sample_project / "chapters" / SECOND)
    window.issues.set_scope("project")
    assert window.issues.project.progress() is not None  # the first chapter is being checked
    window.issue_actions.stop_checking()
    assert window.issues.project.progress() is None
    qtbot.waitUntil(lambda: not window.issues.progress.isVisible())  # "Checking …" goes
    window.issue_actions.check_again()
    qtbot.waitUntil(lambda: has_row(window, "recieved"), timeout=20000)


def test_project_scope_lists_another_chapters_issues_with_its_name(
    window, sample_project: Path, qtbot
) -> None:
    assert window.open_path(sample_project / "chapters" / SECOND)
    issues = window.issues
    assert issues.table.isColumnHidden(4)
    issues.set_scope("project")
    assert issues.progress.text() == "Checking 1. The long walk\u2026"
    assert not issues.table.isColumnHidden(4)
    qtbot.waitUntil(lambda: has_row(window, "recieved"), timeout=20000)
    assert rows(window)[row_of(window, "recieved")][0] == "1. The long walk"
    qtbot.waitUntil(lambda: not issues.progress.isVisibleTo(issues), timeout=5000)
    assert issues.windowTitle() == f"Issues ({len(rows(window))} in the project)"
    labels = [issues.scope_box.itemText(k) for k in range(issues.scope_box.count())]
    assert labels[:2] == ["This chapter (0)", f"Whole project ({len(rows(window))})"]
    assert labels[3].startswith("1. The long walk (")  # after a separator
    # another chapter's suggestion is applied in the editor only: the panel says so
    issues.table.selectRow(row_of(window, "recieved"))
    assert not issues.apply_button.isEnabled()
    assert "open chapter first" in issues.apply_button.text()
    # back to this chapter: none of the first chapter's issues
    issues.set_scope("chapter")
    assert not has_row(window, "recieved")
    assert issues.table.isColumnHidden(4)


def test_double_click_opens_the_chapter_on_the_issue(window, sample_project: Path, qtbot) -> None:
    open_in_project_scope(window, sample_project, qtbot)
    table = window.issues.table
    index = window.issues.proxy.index(row_of(window, "recieved"), 2)
    table.scrollTo(index)
    point = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.session.path.name == FIRST
    assert window.editor.textCursor().selectedText() == "recieved"
    # the chapter is now the open one: its rows are the editor's, the other is checked
    qtbot.waitUntil(lambda: has_row(window, "recieved"), timeout=20000)
    assert window.issues.project.current == window.session.path.resolve()


def _other_chapters_row(window, sample_project: Path, qtbot, words: str):
    """Project scope on the second chapter, the first chapter's row for ``words`` selected
    and the table focused for keys; the table."""
    open_in_project_scope(window, sample_project, qtbot)
    table = window.issues.table
    table.setFocus()
    table.selectRow(row_of(window, words))
    return table


def test_dismissing_another_chapters_issue_survives_reopening(
    window, sample_project: Path, qtbot, app_settings
) -> None:
    table = _other_chapters_row(window, sample_project, qtbot, "recieved")
    qtbot.keyClick(table, Qt.Key.Key_D)
    assert not has_row(window, "recieved")
    assert window.session.path.name == SECOND  # dismissed where it is, nothing opened
    window.close()

    again = MainWindow(app_settings)
    qtbot.addWidget(again)
    again.show()
    assert again.issues.scope_box.currentText().startswith("Whole project")  # remembered
    assert again.open_path(sample_project / "chapters" / SECOND)
    qtbot.waitUntil(lambda: has_row(again, "turned"), timeout=20000)  # the first chapter is in
    assert not has_row(again, "recieved")
    again.open_path(sample_project / "chapters" / FIRST)
    qtbot.waitUntil(lambda: any(s.cursor.selectedText() == "turned" for s in again.issue_layer.shown),
                    timeout=20000)
    assert all(s.cursor.selectedText() != "recieved" for s in again.issue_layer.shown)
    again.close()


def test_word_and_rule_from_another_chapters_rows(window, sample_project: Path, qtbot) -> None:
    table = _other_chapters_row(window, sample_project, qtbot, "recieved")
    qtbot.keyClick(table, Qt.Key.Key_W)
    assert not has_row(window, "recieved")
    assert "recieved" in (sample_project / "dictionary.txt").read_text(encoding="utf-8").split()
    table.selectRow(row_of(window, "turned"))
    rule = window.issues.selected().issue.rule_id
    qtbot.keyClick(table, Qt.Key.Key_R)
    assert all(window.issues.model.shown(r).issue.rule_id != rule
               for r in range(window.issues.model.rowCount()))
    # re-checked with the new word and rule: they stay away
    qtbot.waitUntil(lambda: window.issues.project.progress() is None, timeout=20000)
    assert not has_row(window, "recieved") and not has_row(window, "turned")


def test_sorting_filters_and_grouping_span_the_project(window, sample_project: Path, qtbot) -> None:
    second = sample_project / "chapters" / SECOND
    second.write_text(second.read_text(encoding="utf-8").replace("They left", "They leftt"),
                      encoding="utf-8")
    open_in_project_scope(window, sample_project, qtbot)
    qtbot.waitUntil(lambda: has_row(window, "leftt"), timeout=20000)
    issues = window.issues
    issues.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    assert rows(window)[0] == ("2. Over the ridge", rows(window)[0][1])
    assert rows(window)[-1][0] == "1. The long walk"

    def choose(box, value: str) -> None:
        box.setCurrentIndex(box.findData(value))
        box.activated.emit(box.currentIndex())

    choose(issues.category_box, "spelling")
    assert {chapter for chapter, _ in rows(window)} == {"1. The long walk", "2. Over the ridge"}
    spelling = len(rows(window))
    issues.group_box.setChecked(True)
    counts = {issues.rules.rule(r): int(issues.rules.index(r, 1).data())
              for r in range(issues.rules.rowCount())}
    assert counts["SpellCheck"] == spelling  # grouped over both chapters
    choose(issues.scope_box, str((sample_project / "chapters" / FIRST).resolve()))
    assert {chapter for chapter, _ in rows(window)} == {"1. The long walk"}
    assert issues.scope_box.currentText().startswith("1. The long walk (")
    choose(issues.scope_box, "project")
    assert len(rows(window)) == spelling


def test_a_chapter_changed_on_disk_is_checked_again(window, sample_project: Path, qtbot) -> None:
    open_in_project_scope(window, sample_project, qtbot)
    first = sample_project / "chapters" / FIRST
    first.write_text(first.read_text(encoding="utf-8") + "\nShe was verry tired.\n", encoding="utf-8")
    qtbot.waitUntil(lambda: has_row(window, "verry"), timeout=20000)
    assert rows(window)[row_of(window, "verry")][0] == "1. The long walk"


def test_locate_finds_the_words_again_after_an_edit() -> None:
    chapter = parse("She recieved it.\n\nThen she left.\n")
    issue = Issue(4, 12, Category.SPELLING, "SpellCheck", "Spelling", "Typo", "harper")
    row = ChapterIssue(issue, Path("01.md"), chapter)
    assert locate(row, chapter.text) == (4, 12)
    assert locate(row, "Later. She recieved it.\n") == (11, 19)
    assert locate(row, "She received it.\n") is None
