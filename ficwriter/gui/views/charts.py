"""QtCharts dressed in the window's theme, with labels readable on a 1366x768 screen.

QtCharts (PySide6-Addons) was chosen over pyqtgraph: it adds about 4 MB to the app and
a few milliseconds to opening a view, where pyqtgraph brings NumPy (70 MB installed) and
took 0.8 s to import (docs/architecture.md has the figures).
"""

from __future__ import annotations

from PySide6.QtCharts import QAbstractAxis, QChart, QChartView
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

from ficwriter.gui.theme import Theme

LABEL_POINTS = 9.0
TITLE_POINTS = 10.0


def themed_chart(title: str, theme: Theme) -> QChart:
    """An empty chart with the theme's colours, no animation, a compact legend."""
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
    apply_chart_theme(chart, theme)
    return chart


def apply_chart_theme(chart: QChart, theme: Theme) -> None:
    """Background, title, legend and every axis in ``theme``'s colours."""
    chart.setBackgroundBrush(QBrush(theme.color("paper")))
    chart.setBackgroundPen(QPen(theme.color("border")))
    chart.setPlotAreaBackgroundVisible(False)
    title_font = QFont(chart.titleFont())
    title_font.setPointSizeF(TITLE_POINTS)
    title_font.setBold(True)
    chart.setTitleFont(title_font)
    chart.setTitleBrush(QBrush(theme.color("text")))
    legend = chart.legend()
    legend.setLabelColor(theme.color("text"))
    legend_font = QFont(legend.font())
    legend_font.setPointSizeF(LABEL_POINTS)
    legend.setFont(legend_font)
    for axis in chart.axes():
        style_axis(axis, theme)


def style_axis(axis: QAbstractAxis, theme: Theme) -> None:
    font = QFont(axis.labelsFont())
    font.setPointSizeF(LABEL_POINTS)
    axis.setLabelsFont(font)
    axis.setLabelsColor(theme.color("text"))
    axis.setTitleBrush(QBrush(theme.color("muted")))
    title_font = QFont(axis.titleFont())
    title_font.setPointSizeF(LABEL_POINTS)
    title_font.setBold(False)
    axis.setTitleFont(title_font)
    grid = QColor(theme.color("border"))
    axis.setGridLineColor(grid)
    axis.setMinorGridLineColor(grid)
    axis.setLinePenColor(theme.color("muted"))


def chart_view(chart: QChart, parent: QWidget | None = None) -> QChartView:
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(180)
    return view
