"""View → Progress on a project with a history over three days, in both themes."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCharts import QBarSet, QChartView, QStackedBarSeries
from PySide6.QtCore import QPointF, Qt

from ficwriter.checks.issue import Category
from ficwriter.gui.theme import DARK, LIGHT
from tests.gui.views.conftest import LONG_WALK


def _open_progress(window, project: Path, qtbot):
    window.open_path(project)
    window.menus.act_progress.trigger()
    view = window.views.progress_window
    qtbot.waitUntil(lambda: view is not None and view.isVisible())
    return view


def _bars(view) -> dict[str, list[float]]:
    series = next(s for s in view.days_chart.series() if isinstance(s, QStackedBarSeries))
    return {bars.label(): [bars.at(i) for i in range(bars.count())] for bars in series.barSets()}


def test_days_and_total_show_the_hand_counted_words(window, written_project: Path, qtbot) -> None:
    view = _open_progress(window, written_project, qtbot)
    bars = _bars(view)
    # the last 30 days end today: two days ago +11, yesterday +5, today nothing yet
    assert len(bars["Added"]) == 30
    assert bars["Added"][-3:] == [11.0, 5.0, 0.0] and sum(bars["Added"]) == 16
    assert not any(bars["Removed"])
    summary = view.summary.text()
    assert "1,837 words of 3,000" in summary and "streak 0 days" in summary
    # 1,163 words still missing over the 11 days left (today and the deadline day included)
    assert "11 days left, 106 a day needed" in summary
    rows = {view.chapters.item(r, 0).toolTip(): view.chapters.cellWidget(r, 3)
            for r in range(view.chapters.rowCount())}  # fmt: skip
    assert rows[LONG_WALK].value() == 1533 and rows[LONG_WALK].maximum() == 1540
    assert "no target" in rows["chapters/02-over-the-ridge.md"].format()
    total = next(s for s in view.total_chart.series() if s.name() == "Words")
    assert [p.y() for p in total.points()][-3:] == [1832.0, 1837.0, 1837.0]


def test_a_shorter_range_redraws_the_days(window, written_project: Path, qtbot) -> None:
    view = _open_progress(window, written_project, qtbot)
    view.range.setCurrentIndex(0)
    assert len(_bars(view)["Added"]) == 14


def test_the_charts_follow_the_theme(window, written_project: Path, qtbot, tmp_path: Path) -> None:
    view = _open_progress(window, written_project, qtbot)
    view.resize(1366, 740)
    for theme in (LIGHT, DARK):
        window.set_theme(theme.name)
        for chart in (view.days_chart, view.total_chart):
            assert chart.backgroundBrush().color() == theme.color("paper")
            assert all(axis.labelsColor() == theme.color("text") for axis in chart.axes())
        shot = view.grab().toImage()
        assert not shot.isNull() and shot.width() >= 1366
        # the picture is drawn in the theme: its corner is the window's colour
        assert shot.pixelColor(3, 3).lightness() > 128 if theme is LIGHT else \
            shot.pixelColor(3, 3).lightness() < 128


def test_clicking_a_day_opens_its_revisions_in_history(window, written_project: Path, qtbot) -> None:
    view = _open_progress(window, written_project, qtbot)
    view.resize(1366, 740)
    qtbot.waitExposed(view)
    chart = view.days_chart
    series = next(s for s in chart.series() if isinstance(s, QStackedBarSeries))
    chart_view: QChartView = view.days_view
    # the middle of yesterday's bar (5 words), clicked as a writer would
    point = chart.mapToPosition(QPointF(28, 2.5), series)
    where = chart_view.mapFromScene(chart.mapToScene(point))
    with qtbot.waitSignal(view.dayActivated) as clicked:
        qtbot.mouseClick(chart_view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert clicked.args[0].date == date.today() - timedelta(days=1)
    # yesterday's only revision is chapter 2's: it is opened, its revision selected
    qtbot.waitUntil(lambda: window.history.isVisible())
    assert window.session.path.name == "02-over-the-ridge.md"
    assert window.history.selected_id() == clicked.args[0].revisions[-1]
    bold = window.history.list.currentItem().font(0).bold()
    assert bold


def test_saving_refreshes_an_open_progress_window(window, written_project: Path, qtbot) -> None:
    view = _open_progress(window, written_project, qtbot)
    window.open_path(written_project / "chapters" / "01-the-long-walk.md")
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.editor, " And then she ran home.")
    window.save()
    qtbot.waitUntil(lambda: _bars(view)["Added"][-1] == 5.0, timeout=5000)


def test_bar_sets_carry_the_theme_colours(window, written_project: Path, qtbot) -> None:
    view = _open_progress(window, written_project, qtbot)
    series = next(s for s in view.days_chart.series() if isinstance(s, QStackedBarSeries))
    light = series.barSets()[0].color()
    window.set_theme("dark")
    series = next(s for s in view.days_chart.series() if isinstance(s, QStackedBarSeries))
    added: QBarSet = series.barSets()[0]
    assert (light, added.color()) == (LIGHT.category_color(Category.FICTION),
                                      DARK.category_color(Category.FICTION))
