"""View → Story: the measures across chapters, and a scene clicked opens in the editor."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCharts import QBarSeries, QChartView
from PySide6.QtCore import QPointF, Qt

from ficwriter.gui.theme import DARK, LIGHT


def _open_story(window, project: Path, qtbot):
    window.open_path(project)
    window.menus.act_story.trigger()
    view = window.views.story_window
    qtbot.waitUntil(lambda: view is not None and "words" in view.status.text(), timeout=30000)
    return view


def test_a_chart_per_measure_with_a_bar_per_chapter(window, sample_project: Path, qtbot) -> None:
    view = _open_story(window, sample_project, qtbot)
    words = view.charts[0]
    assert words.title() == "Words"
    series = next(s for s in words.series() if isinstance(s, QBarSeries))
    bars = series.barSets()[0]
    assert [bars.at(i) for i in range(bars.count())] == [1522.0, 299.0]
    assert "2 chapters · 1,821 words" in view.status.text()
    titles = [chart.title() for chart in view.charts]
    assert titles == ["Words", "Dialogue share", "Sentence length (mean)",
                      "Sentence variety (spread)", "Paragraph length",
                      "Open issues per 1,000 words", "Point of view"]
    # the first chapter's scenes are listed, with their point of view
    assert view.scenes.rowCount() == 3 and view.scenes.item(0, 0).text() == "1. The gate"
    assert view.scenes.item(0, 1).text() == "Wren"


def test_a_chapter_bar_lists_its_scenes_and_a_scene_opens(window, sample_project: Path, qtbot) -> None:
    view = _open_story(window, sample_project, qtbot)
    view.resize(1366, 740)
    qtbot.waitExposed(view)
    chart = view.charts[0]
    series = next(s for s in chart.series() if isinstance(s, QBarSeries))
    chart_view = view.findChildren(QChartView)[0]
    assert chart_view.chart() is chart
    where = chart_view.mapFromScene(chart.mapToScene(chart.mapToPosition(QPointF(1, 150), series)))
    qtbot.mouseClick(chart_view.viewport(), Qt.MouseButton.LeftButton, pos=where)  # chapter 2
    assert view.scenes.rowCount() == 2 and "Over the ridge" in view.scene_title.text()
    rect = view.scenes.visualItemRect(view.scenes.item(1, 0))
    qtbot.mouseClick(view.scenes.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.session.path.name == "02-over-the-ridge.md")
    chapter = window.session.current_chapter()
    position = window.editor.positions().to_qt(chapter.scenes[1].span.start)
    assert window.editor.textCursor().position() == position


def test_the_story_charts_follow_the_theme(window, sample_project: Path, qtbot) -> None:
    view = _open_story(window, sample_project, qtbot)
    for theme in (DARK, LIGHT):
        window.set_theme(theme.name)
        for chart in view.charts:
            assert chart.backgroundBrush().color() == theme.color("paper")
            assert chart.titleBrush().color() == theme.color("text")
            assert all(axis.labelsColor() == theme.color("text") for axis in chart.axes())
