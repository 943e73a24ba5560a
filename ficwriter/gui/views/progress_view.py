"""View → Progress: words written per day, the story's total over time, chapter targets.

Everything shown comes from ``history.progress``: bars of story words added (up) and
removed (down) per local date, the total as a line with the target, the deadline and the
pace still needed, the streak, and each chapter against its target. Hovering a bar or the
line shows its numbers; clicking a day asks for that day's revisions in History
(``dayActivated``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QDateTimeAxis,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ficwriter.checks.issue import Category
from ficwriter.core.goals import Goals
from ficwriter.gui.theme import Theme
from ficwriter.gui.views.charts import chart_view, style_axis, themed_chart, apply_chart_theme
from ficwriter.history.progress import Day, Progress, ProgressReport, progress_report

RANGES = (("Last 14 days", 14), ("Last 30 days", 30), ("Last 90 days", 90))


@dataclass(frozen=True)
class ChapterProgress:
    """One chapter's row: its name, words now and target (``None``: no target)."""

    title: str
    path: str
    words: int
    target: int | None


def _short(day: date) -> str:
    return f"{day.day} {day:%b}"


def _ms(day: date) -> float:
    """A date's end as QDateTimeAxis counts (ms since the epoch, local time)."""
    return datetime.combine(day, time(23, 59)).timestamp() * 1000


def day_text(day: Day) -> str:
    """A day's numbers in words, for tooltips and the History panel's heading."""
    deleted = f" ({day.deleted:,} in deleted chapters)" if day.deleted else ""
    return (f"{day.date:%a} {_short(day.date)} {day.date.year}: +{day.added:,} added, "
            f"\u2212{day.removed:,} removed{deleted}, net {day.net:+,}")  # fmt: skip


class ProgressWindow(QWidget):
    dayActivated = Signal(object)  # the Day clicked

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("progress")
        self.setWindowTitle("Progress")
        self._theme = theme
        self._progress: Progress | None = None
        self._goals = Goals()
        self._today = date.today()
        self._shown_days: list[Day] = []

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.range = QComboBox()
        for label, days in RANGES:
            self.range.addItem(label, days)
        self.range.setCurrentIndex(1)
        self.range.currentIndexChanged.connect(lambda _: self._draw_days())
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.range)

        self.days_chart = themed_chart("Words per day", theme)
        self.days_view = chart_view(self.days_chart)
        self.total_chart = themed_chart("The story's words", theme)
        self.total_view = chart_view(self.total_chart)
        self.chapters = QTableWidget(0, 4)
        self.chapters.setHorizontalHeaderLabels(["Chapter", "Words", "Target", "Progress"])
        self.chapters.verticalHeader().hide()
        self.chapters.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.chapters.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.chapters.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(3, 200)

        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.total_view)
        lower.addWidget(self.chapters)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.days_view)
        split.addWidget(lower)
        for splitter in (lower, split):
            splitter.setChildrenCollapsible(False)
        self.days_view.setMinimumHeight(260)
        self.total_view.setMinimumSize(420, 260)
        self.chapters.setMinimumWidth(320)
        lower.setSizes([640, 480])
        split.setSizes([360, 360])
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 8, 10, 10)
        column.addLayout(top)
        column.addWidget(split, 1)
        room = self.screen().availableGeometry()
        self.resize(min(1180, room.width() - 40), min(720, room.height() - 60))

    # -- data -------------------------------------------------------------------------------
    def show_progress(self, progress: Progress, goals: Goals,
                      chapters: Sequence[ChapterProgress], today: date | None = None) -> None:
        """Draw ``progress`` against ``goals``; ``chapters`` in reading order."""
        self._progress, self._goals = progress, goals
        self._today = today or date.today()
        self._draw_days()
        self._draw_total()
        self._fill_chapters(chapters)

    def report(self) -> ProgressReport | None:
        if self._progress is None:
            return None
        return progress_report(self._progress, self._goals, self._today, int(self.range.currentData()))

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        for chart in (self.days_chart, self.total_chart):
            apply_chart_theme(chart, theme)
        if self._progress is not None:
            self._draw_days()
            self._draw_total()

    # -- drawing ----------------------------------------------------------------------------
    def _draw_days(self) -> None:
        report = self.report()
        if report is None:
            return
        self.summary.setText(_summary(report))
        chart = self.days_chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self._shown_days = report.days
        added, removed = QBarSet("Added"), QBarSet("Removed")
        added.setColor(self._theme.category_color(Category.FICTION))
        removed.setColor(self._theme.category_color(Category.SPELLING))
        for bar in (added, removed):
            bar.setBorderColor(QColor(Qt.GlobalColor.transparent))
            bar.hovered.connect(self._day_hovered)
            bar.clicked.connect(self._day_clicked)
        added.append([float(d.added) for d in report.days])
        removed.append([float(-d.removed) for d in report.days])
        series = QStackedBarSeries()
        series.append(added)
        series.append(removed)
        series.setBarWidth(0.8)
        chart.addSeries(series)
        labels = QBarCategoryAxis()
        every = max(1, len(report.days) // 15)  # about 15 labels fit at 1366 pixels
        # day numbers (the axis title names the months); categories must differ, so each
        # carries its own number of zero-width spaces
        labels.append([(str(d.date.day) if (len(report.days) - 1 - i) % every == 0 else "")
                       + "\u200b" * i for i, d in enumerate(report.days)])  # fmt: skip
        first, last = report.days[0].date, report.days[-1].date
        labels.setTitleText(f"{_short(first)} {first.year} – {_short(last)} {last.year}")
        values = QValueAxis()
        values.setLabelFormat("%d")
        top = max([d.added for d in report.days] + [report.daily or 0, 10])
        bottom = min([-d.removed for d in report.days] + [0])
        values.setRange(bottom * 1.1, top * 1.1)
        values.setTickCount(5)
        values.applyNiceNumbers()
        chart.addAxis(labels, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(labels)
        series.attachAxis(values)
        if report.daily:
            self._target_line(chart, report.daily, len(report.days), values)
        for axis in chart.axes():
            style_axis(axis, self._theme)

    def _target_line(self, chart: QChart, daily: int, count: int, y_axis: QValueAxis) -> None:
        """The daily target across the bars, dashed (the category axis runs -0.5..count-0.5)."""
        line = QLineSeries()
        line.setName(f"Daily target {daily:,}")
        line.append(-0.5, daily)
        line.append(count - 0.5, daily)
        pen = QPen(self._theme.color("accent"), 1.5, Qt.PenStyle.DashLine)
        line.setPen(pen)
        chart.addSeries(line)
        hidden = QValueAxis()
        hidden.setRange(-0.5, count - 0.5)
        hidden.setVisible(False)
        chart.addAxis(hidden, Qt.AlignmentFlag.AlignTop)
        line.attachAxis(hidden)
        line.attachAxis(y_axis)

    def _draw_total(self) -> None:
        progress = self._progress
        if progress is None:
            return
        chart = self.total_chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        total = QLineSeries()
        total.setName("Words")
        pen = QPen(self._theme.color("accent"), 2)
        total.setPen(pen)
        points = dict(progress.totals)
        points.setdefault(self._today, progress.words)
        for day, words in sorted(points.items()):
            total.append(_ms(day), words)
        total.hovered.connect(self._total_hovered)
        chart.addSeries(total)
        first = min(points)
        last = max(self._today, self._goals.deadline or self._today)
        top = max([*points.values(), self._goals.words or 0, 10])
        if self._goals.words:
            target = QLineSeries()
            target.setName(f"Target {self._goals.words:,}")
            target.append(_ms(first), self._goals.words)
            target.append(_ms(last), self._goals.words)
            target.setPen(QPen(self._theme.color("muted"), 1.5, Qt.PenStyle.DashLine))
            chart.addSeries(target)
            if self._goals.deadline and self._goals.deadline >= self._today:
                pace = QLineSeries()
                report = progress_report(progress, self._goals, self._today)
                needed = report.words_per_day_needed or 0
                pace.setName(f"Pace needed: {needed:,} a day to {_short(self._goals.deadline)}")
                pace.append(_ms(self._today), progress.words)
                pace.append(_ms(self._goals.deadline), max(self._goals.words, progress.words))
                pace.setPen(QPen(self._theme.category_color(Category.STYLE), 2, Qt.PenStyle.DotLine))
                chart.addSeries(pace)
        dates = QDateTimeAxis()
        dates.setFormat("d MMM")
        start = datetime.combine(first - timedelta(days=1), time())
        end = datetime.combine(last + timedelta(days=1), time())
        dates.setRange(start, end)
        dates.setTickCount(min(8, max(2, (last - first).days + 2)))
        words = QValueAxis()
        words.setLabelFormat("%d")
        words.setRange(0, top * 1.08)
        words.setTickCount(5)
        words.applyNiceNumbers()
        chart.addAxis(dates, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(words, Qt.AlignmentFlag.AlignLeft)
        for series in chart.series():
            series.attachAxis(dates)
            series.attachAxis(words)
        for axis in chart.axes():
            style_axis(axis, self._theme)

    def _fill_chapters(self, chapters: Sequence[ChapterProgress]) -> None:
        self.chapters.setRowCount(len(chapters))
        for row, chapter in enumerate(chapters):
            name = QTableWidgetItem(chapter.title)
            name.setToolTip(chapter.path)
            words = QTableWidgetItem(f"{chapter.words:,}")
            target = QTableWidgetItem(f"{chapter.target:,}" if chapter.target else "–")
            for item in (words, target):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.chapters.setItem(row, 0, name)
            self.chapters.setItem(row, 1, words)
            self.chapters.setItem(row, 2, target)
            bar = QProgressBar()
            bar.setTextVisible(True)
            if chapter.target:
                bar.setRange(0, chapter.target)
                bar.setValue(min(chapter.words, chapter.target))
                bar.setFormat(f"{chapter.words * 100 // chapter.target}%")
            else:
                bar.setRange(0, 1)
                bar.setValue(0)
                bar.setFormat("no target")
            self.chapters.setCellWidget(row, 3, bar)

    # -- pointing ---------------------------------------------------------------------------
    def _day_hovered(self, status: bool, index: int) -> None:
        if status and 0 <= index < len(self._shown_days):
            day = self._shown_days[index]
            QToolTip.showText(QCursor.pos(), day_text(day) + "\nClick to see its revisions")
        else:
            QToolTip.hideText()

    def _day_clicked(self, index: int) -> None:
        if 0 <= index < len(self._shown_days):
            self.dayActivated.emit(self._shown_days[index])

    def _total_hovered(self, point: QPointF, state: bool) -> None:
        if not state or self._progress is None:
            QToolTip.hideText()
            return
        when = datetime.fromtimestamp(point.x() / 1000).date()
        QToolTip.showText(QCursor.pos(), f"{_short(when)} {when.year}: "
                          f"{self._progress.total_on(when):,} words")  # fmt: skip


def _summary(report: ProgressReport) -> str:
    parts = [f"{report.words:,} words" + (f" of {report.target:,}" if report.target else "")]
    if report.deadline:
        pace = (f", {report.words_per_day_needed:,} a day needed"
                if report.words_per_day_needed is not None else "")  # fmt: skip
        parts.append(f"deadline {_short(report.deadline)} {report.deadline.year}: "
                     f"{report.days_left} days left{pace}")  # fmt: skip
    today = report.today
    target = f" of {report.daily:,}" if report.daily else ""
    parts.append(f"today {today.written:+,}{target}")
    parts.append(f"streak {report.streak} day{'s' if report.streak != 1 else ''}")
    return " · ".join(parts)
