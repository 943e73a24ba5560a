"""View → Story: the story's measures across its chapters, and each chapter's scenes.

Six small charts, one per measure, with a bar per chapter (pacing at a glance): words,
dialogue share, mean sentence length with its spread, paragraph length, open issues per
1,000 words, and point of view as shares of each chapter. Clicking a chapter's bar lists
its scenes below with the same measures; activating a scene asks to open it in the editor
(``sceneActivated``). The measures are worked out on a worker thread (the quick engines'
issues take a moment on a long project), through ``checks.story`` as `ficwriter stats`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QPercentBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ficwriter.checks.issue import Category
from ficwriter.core.chapters import listed_title
from ficwriter.core.story_stats import ChapterPicture, Measures, SceneStats
from ficwriter.gui.theme import Theme
from ficwriter.gui.threads import relay
from ficwriter.gui.views.charts import apply_chart_theme, chart_view, style_axis, themed_chart

Pictures = list[tuple[Path, ChapterPicture]]
Measure = tuple[str, Callable[[Measures], float], str]  # title, value, tooltip format

MEASURES: tuple[Measure, ...] = (
    ("Words", lambda m: m.words, "{:,.0f} words"),
    ("Dialogue share", lambda m: m.dialogue_share * 100, "{:.0f}% in dialogue"),
    ("Sentence length (mean)", lambda m: m.sentence_mean, "{:.1f} words a sentence"),
    ("Sentence variety (spread)", lambda m: m.sentence_spread, "± {:.1f} words"),
    ("Paragraph length", lambda m: m.paragraph_length, "{:.0f} words a paragraph"),
    ("Open issues per 1,000 words",
     lambda m: sum(m.issues.values()) * 1000 / m.words if m.words else 0.0, "{:.1f} per 1,000"),
)  # fmt: skip
SCENE_COLUMNS = ["Scene", "POV", "Words", "Dialogue", "Sentence", "Paragraph", "Issues / 1k"]


def _issue_rate(measures: Measures) -> str:
    rates = measures.issues_per_1000()
    total = sum(rates.values())
    if not rates:
        return "0"
    detail = ", ".join(f"{category} {rate:.1f}" for category, rate in rates.items() if rate)
    return f"{total:.1f} ({detail})"


class StoryWindow(QWidget):
    sceneActivated = Signal(Path, int)  # chapter file, offset where the scene starts

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("story")
        self.setWindowTitle("Story")
        self._theme = theme
        self._pictures: Pictures = []
        self._chapter = 0
        self._generation = 0
        self.status = QLabel("Reading the story…")
        self.status.setWordWrap(True)
        grid_holder = QWidget()
        grid = QGridLayout(grid_holder)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        self.charts: list[QChart] = []
        for index, (title, _, _) in enumerate((*MEASURES, ("Point of view", None, ""))):
            chart = themed_chart(title, theme)
            chart.legend().setVisible(title == "Point of view")
            self.charts.append(chart)
            grid.addWidget(chart_view(chart), index // 4, index % 4)
        self.scenes = QTableWidget(0, len(SCENE_COLUMNS))
        self.scenes.setHorizontalHeaderLabels(SCENE_COLUMNS)
        self.scenes.verticalHeader().hide()
        self.scenes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.scenes.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.scenes.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.scenes.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.scenes.cellActivated.connect(self._scene_activated)
        self.scenes.cellClicked.connect(self._scene_activated)
        self.scene_title = QLabel()
        lower = QWidget()
        lower_column = QVBoxLayout(lower)
        lower_column.setContentsMargins(0, 0, 0, 0)
        lower_column.addWidget(self.scene_title)
        lower_column.addWidget(self.scenes, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(grid_holder)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 8, 10, 10)
        column.addWidget(self.status)
        column.addWidget(split, 1)
        room = self.screen().availableGeometry()
        self.resize(min(1280, room.width() - 40), min(740, room.height() - 60))

    # -- data -------------------------------------------------------------------------------
    def read_in_background(self, read: Callable[[], Pictures]) -> None:
        """Run ``read`` on a worker thread and show what it returns (the newest read wins)."""
        self._generation += 1
        generation = self._generation
        self.status.setText("Reading the story…")

        def work() -> None:
            try:
                pictures, error = read(), None
            except (OSError, ValueError) as problem:
                pictures, error = [], str(problem)
            relay.on_gui_thread(lambda: self._delivered(generation, pictures, error))

        threading.Thread(target=work, name="story-view", daemon=True).start()

    def _delivered(self, generation: int, pictures: Pictures, error: str | None) -> None:
        if generation != self._generation:
            return
        if error is not None:
            self.status.setText(f"The story could not be read: {error}")
            return
        self.show_pictures(pictures)

    def show_pictures(self, pictures: Pictures) -> None:
        self._pictures = pictures
        total = sum((p.measures for _, p in pictures), Measures())
        self.status.setText(
            f"{len(pictures)} chapter{'s' * (len(pictures) != 1)} · {total.words:,} words · "
            f"{total.dialogue_share:.0%} dialogue · sentences {total.sentence_mean:.1f} "
            f"± {total.sentence_spread:.1f} words · open issues (Harper and fiction rules) "
            f"{_issue_rate(total)} per 1,000 words. Click a chapter's bar for its scenes."
        )
        self._draw()
        self.show_chapter(min(self._chapter, max(0, len(pictures) - 1)))

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        for chart in self.charts:
            apply_chart_theme(chart, theme)
        self._draw()

    # -- drawing ----------------------------------------------------------------------------
    def _labels(self) -> list[str]:
        return [str(n) for n in range(1, len(self._pictures) + 1)]

    def _draw(self) -> None:
        for chart, (title, value, fmt) in zip(self.charts, MEASURES):
            bars = QBarSet(title)
            bars.setColor(self._theme.color("accent"))
            bars.setBorderColor(QColor(Qt.GlobalColor.transparent))
            bars.append([float(value(p.measures)) for _, p in self._pictures])
            bars.hovered.connect(lambda on, i, f=fmt, v=value: self._hovered(on, i, f, v))
            bars.clicked.connect(self.show_chapter)
            series = QBarSeries()
            series.append(bars)
            self._place(chart, series, max([float(value(p.measures)) for _, p in self._pictures] + [1.0]))
        self._draw_pov(self.charts[-1])

    def _draw_pov(self, chart: QChart) -> None:
        narrators: list[str] = []
        for _, picture in self._pictures:
            for name in picture.measures.pov_share:
                if name not in narrators:
                    narrators.append(name)
        palette = [self._theme.category_color(c) for c in
                   (Category.GRAMMAR, Category.FICTION, Category.STYLE, Category.TYPOGRAPHY,
                    Category.SPELLING)]  # fmt: skip
        series = QPercentBarSeries()
        for n, name in enumerate(narrators[:6]):
            bars = QBarSet(name)
            bars.setColor(palette[n % len(palette)] if name != "unknown" else self._theme.color("muted"))
            bars.setBorderColor(QColor(Qt.GlobalColor.transparent))
            bars.append([p.measures.pov_words.get(name, 0) for _, p in self._pictures])
            bars.hovered.connect(lambda on, i, who=name: self._pov_hovered(on, i, who))
            bars.clicked.connect(self.show_chapter)
            series.append(bars)
        self._place(chart, series, 100.0)

    def _place(self, chart: QChart, series: QBarSeries | QPercentBarSeries, top: float) -> None:
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        series.setBarWidth(0.7)
        chart.addSeries(series)
        chapters = QBarCategoryAxis()
        chapters.append(self._labels() or [" "])
        chapters.setTitleText("chapter")
        values = QValueAxis()
        values.setLabelFormat("%d" if top >= 10 else "%.1f")
        values.setTickCount(5 if isinstance(series, QPercentBarSeries) else 4)
        if isinstance(series, QPercentBarSeries):
            values.setRange(0, 100)  # shares: each bar is a whole chapter
        else:
            values.setRange(0, top * 1.1)
            values.applyNiceNumbers()
        chart.addAxis(chapters, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(chapters)
        series.attachAxis(values)
        for axis in (chapters, values):
            style_axis(axis, self._theme)

    def _chapter_name(self, index: int) -> str:
        path, _ = self._pictures[index]
        return listed_title(path)

    def _hovered(self, on: bool, index: int, fmt: str, value: Callable[[Measures], float]) -> None:
        if on and 0 <= index < len(self._pictures):
            measures = self._pictures[index][1].measures
            QToolTip.showText(QCursor.pos(), f"{self._chapter_name(index)}: {fmt.format(value(measures))}")
        else:
            QToolTip.hideText()

    def _pov_hovered(self, on: bool, index: int, who: str) -> None:
        if on and 0 <= index < len(self._pictures):
            share = self._pictures[index][1].measures.pov_share.get(who, 0.0)
            QToolTip.showText(QCursor.pos(), f"{self._chapter_name(index)}: {who} {share:.0%}")
        else:
            QToolTip.hideText()

    # -- scenes -----------------------------------------------------------------------------
    def show_chapter(self, index: int) -> None:
        """List chapter ``index``'s scenes in the table below the charts."""
        self._chapter = index
        scenes: Sequence[SceneStats] = self._pictures[index][1].scenes if self._pictures else ()
        self.scene_title.setText(
            f"Scenes of {self._chapter_name(index)} (click one to open it)" if self._pictures else "")
        self.scenes.setRowCount(len(scenes))
        for row, scene in enumerate(scenes):
            m = scene.measures
            pov = (scene.pov or "–") + ("?" if scene.pov_guessed else "")
            cells = [f"{scene.index + 1}. {scene.label}", pov, f"{m.words:,}",
                     f"{m.dialogue_share:.0%}", f"{m.sentence_mean:.1f} ± {m.sentence_spread:.1f}",
                     f"{m.paragraph_length:.0f}", _issue_rate(m)]  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.scenes.setItem(row, column, item)
        if scenes:
            self.scenes.item(0, 1).setToolTip("? marks a guessed point of view")

    def _scene_activated(self, row: int, _column: int) -> None:
        if not self._pictures:
            return
        path, picture = self._pictures[self._chapter]
        if 0 <= row < len(picture.scenes):
            self.sceneActivated.emit(path, picture.scenes[row].start)
