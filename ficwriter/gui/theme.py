"""Light and dark looks for the window: one palette of named colours per theme.

Widgets ask the current ``Theme`` for colours (issue underlines, note shading, diff colours)
instead of hard-coding them, so switching theme is one call that repaints everything.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from ficwriter.checks.issue import Category

EDITOR_FONT_FAMILIES = ["Literata", "Charter", "Georgia", "Cambria", "DejaVu Serif", "serif"]
UI_FONT_FAMILIES = ["Inter", "Cantarell", "Segoe UI", "Noto Sans", "DejaVu Sans", "sans-serif"]


@dataclass(frozen=True)
class Theme:
    name: str
    window: str
    paper: str  # the editor's page
    text: str
    muted: str  # markers, metadata, secondary labels
    accent: str
    border: str
    note_background: str
    selection: str
    inserted: str
    deleted: str
    bar_background: str
    # underlines on ``paper`` and diff text on ``inserted``/``deleted`` keep a contrast of
    # at least 4.5:1 (WCAG AA; tests/gui/test_theme.py computes it)
    categories: dict[Category, str]

    def color(self, attribute: str) -> QColor:
        return QColor(getattr(self, attribute))

    def category_color(self, category: Category) -> QColor:
        return QColor(self.categories.get(category, self.accent))


LIGHT = Theme(
    name="light",
    window="#f1efea",
    paper="#fbfaf7",
    text="#2b2a28",
    muted="#6e6a63",
    accent="#3f6e9e",
    border="#dcd8cf",
    note_background="#f0ece2",
    selection="#cfdcec",
    inserted="#d5ecd0",
    deleted="#f3d3cf",
    bar_background="#fbeec9",
    categories={
        Category.SPELLING: "#bf3129",
        Category.GRAMMAR: "#2262ab",
        Category.PUNCTUATION: "#2262ab",
        Category.TYPOGRAPHY: "#7650a8",
        Category.STYLE: "#8f5f0a",
        Category.FICTION: "#1b7353",
        Category.BETA: "#a23a70",
    },
)

DARK = Theme(
    name="dark",
    window="#1d1e21",
    paper="#24262a",
    text="#dedbd3",
    muted="#9b978f",
    accent="#86aee0",
    border="#3a3c41",
    note_background="#2d3035",
    selection="#3b4d66",
    inserted="#25452c",
    deleted="#552a2a",
    bar_background="#4a3e1f",
    categories={
        Category.SPELLING: "#f0716a",
        Category.GRAMMAR: "#6aa8f0",
        Category.PUNCTUATION: "#6aa8f0",
        Category.TYPOGRAPHY: "#b79be0",
        Category.STYLE: "#e3b04e",
        Category.FICTION: "#5cc79f",
        Category.BETA: "#e07bb0",
    },
)

THEMES = {LIGHT.name: LIGHT, DARK.name: DARK}


def theme_named(name: str) -> Theme:
    return THEMES.get(name, LIGHT)


def editor_font(family: str = "", size: float = 13.0) -> QFont:
    """The prose font: the user's choice, else the first good serif the system has."""
    font = QFont()
    font.setFamilies([family, *EDITOR_FONT_FAMILIES] if family else EDITOR_FONT_FAMILIES)
    font.setPointSizeF(size)
    font.setStyleHint(QFont.StyleHint.Serif)
    return font


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Palette and a light stylesheet for the whole application."""
    app.setStyle("Fusion")
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: theme.window,
        QPalette.ColorRole.WindowText: theme.text,
        QPalette.ColorRole.Base: theme.paper,
        QPalette.ColorRole.AlternateBase: theme.note_background,
        QPalette.ColorRole.Text: theme.text,
        QPalette.ColorRole.Button: theme.window,
        QPalette.ColorRole.ButtonText: theme.text,
        QPalette.ColorRole.Highlight: theme.selection,
        QPalette.ColorRole.HighlightedText: theme.text,
        QPalette.ColorRole.ToolTipBase: theme.paper,
        QPalette.ColorRole.ToolTipText: theme.text,
        QPalette.ColorRole.PlaceholderText: theme.muted,
        QPalette.ColorRole.Link: theme.accent,
        QPalette.ColorRole.Mid: theme.border,
    }
    for role, value in roles.items():
        palette.setColor(role, QColor(value))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(theme.muted))
    palette.setColor(
        QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(theme.muted)
    )
    palette.setColor(
        QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor(theme.muted)
    )
    app.setPalette(palette)
    font = QFont()
    font.setFamilies(UI_FONT_FAMILIES)
    font.setPointSizeF(10)
    app.setFont(font)
    app.setStyleSheet(_stylesheet(theme))


def _stylesheet(t: Theme) -> str:
    return f"""
QMainWindow::separator {{ background: {t.border}; width: 1px; height: 1px; }}
QDockWidget {{ color: {t.text}; }}
QDockWidget::title {{ background: {t.window}; padding: 6px 8px; text-align: left; }}
QStatusBar {{ background: {t.window}; color: {t.muted}; border-top: 1px solid {t.border}; }}
QStatusBar QLabel {{ color: {t.muted}; padding: 0 8px; }}
QToolTip {{ background: {t.paper}; color: {t.text}; border: 1px solid {t.border};
            padding: 6px; }}
QTreeView, QTableView, QListView, QTextBrowser, QPlainTextEdit#preview {{
    background: {t.paper}; border: 1px solid {t.border}; border-radius: 4px;
    selection-background-color: {t.selection}; selection-color: {t.text}; }}
QHeaderView::section {{ background: {t.window}; color: {t.muted}; border: none;
    border-bottom: 1px solid {t.border}; padding: 4px 6px; }}
QLineEdit {{ background: {t.paper}; border: 1px solid {t.border};
    border-radius: 4px; padding: 3px 6px; }}
QPushButton {{ background: {t.paper}; border: 1px solid {t.border}; border-radius: 4px;
    padding: 4px 12px; }}
QPushButton:hover {{ border-color: {t.accent}; }}
QPushButton#primary {{ background: {t.accent}; color: {t.paper}; border-color: {t.accent}; }}
QFrame#bar {{ background: {t.bar_background}; border-bottom: 1px solid {t.border}; }}
QFrame#findbar {{ background: {t.window}; border-top: 1px solid {t.border}; }}
QLabel#muted {{ color: {t.muted}; }}
QLabel#focushint {{ background: {t.window}; color: {t.muted}; border: 1px solid {t.border};
    border-radius: 12px; padding: 4px 14px; }}
QLabel#focuswords {{ background: {t.paper}; color: {t.muted}; padding: 4px 8px 6px 8px; }}
QListWidget#recent {{ background: {t.paper}; border: 1px solid {t.border}; border-radius: 6px;
    padding: 4px; }}
QListWidget#recent::item {{ padding: 8px 10px; border-radius: 4px; }}
QListWidget#recent::item:hover {{ background: {t.note_background}; }}
QListWidget#recent::item:selected {{ background: {t.selection}; color: {t.text}; }}
QLabel#heading {{ font-size: 22pt; color: {t.text}; }}
QLabel#subheading {{ font-size: 11pt; color: {t.muted}; }}
"""
