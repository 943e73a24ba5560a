"""The issues panel's toolbar: filters and actions on one row where there is room, the
actions on a second row where there is not; the panel never makes the window wider."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from ficwriter.checks.issue import Category, Issue
from ficwriter.gui.panels.issues_dock import SUGGESTION_CHARS


def _settle(qtbot) -> None:
    QApplication.processEvents()
    qtbot.wait(50)


def test_actions_share_the_filters_row_only_where_it_is_wide_enough(opened, qtbot) -> None:
    window, issues = opened, opened.issues
    window.resize(1600, 900)
    _settle(qtbot)
    assert issues.action_row.y() < issues.filter_row.geometry().bottom()  # the same row
    assert issues.action_row.geometry().right() > issues.width() - 40  # on the right
    window.history.show()
    window.resize(1024, 700)
    _settle(qtbot)
    assert issues.action_row.y() >= issues.filter_row.geometry().bottom()
    assert issues.width() < 1024 - 160  # beside a readable outline
    for row in (issues.filter_row, issues.action_row):
        assert row.geometry().right() < issues.width()  # nothing cut off at the right
    assert issues.minimumSizeHint().width() < 400


def test_the_apply_button_keeps_its_width_whatever_the_suggestion(opened, qtbot) -> None:
    issues, text = opened.issues, opened.editor.text()
    short = text.index("gate")
    long = text.index("Halloway")
    opened.issue_layer.set_issues([
        (Issue(start, start + n, Category.SPELLING, "R", "Rule", "Odd.", "harper", (fix,)), start,
         start + n)
        for start, n, fix in ((short, 4, "door"), (long, 8, "the Halloway family's own"))
    ])
    qtbot.waitUntil(lambda: issues.proxy.rowCount() == 2, timeout=5000)
    button = issues.apply_button
    widths, cut = set(), []
    for row in range(issues.proxy.rowCount()):
        issues.table.selectRow(row)
        widths.add(button.width())
        suggestions = issues.selected().issue.suggestions
        if suggestions and len(suggestions[0]) > SUGGESTION_CHARS:
            cut.append((button.text(), button.toolTip(), suggestions[0]))
    assert len(widths) == 1
    assert len(cut) == 1
    for text, tooltip, suggestion in cut:
        assert text.endswith("\u2026\u201d (A)") and suggestion in tooltip
