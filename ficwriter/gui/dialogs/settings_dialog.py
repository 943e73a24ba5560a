"""Settings: the window's own (theme, font, autosave) and the project's checks.

Window settings go to ``AppSettings`` (QSettings). Project settings are written into the
project's ficwriter.toml through ``core.project.Project`` (comments and layout kept), in
the ``[checks]`` tables the checks layer reads; the checker is rebuilt from them after.
"""

from __future__ import annotations

from typing import Any

import tomlkit
from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFontComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ficwriter.checks.fiction import RULES
from ficwriter.core.project import Project
from ficwriter.gui.app_settings import AppSettings
from ficwriter.gui.theme import editor_font

LANGUAGES = [
    ("English (US)", "en-US"),
    ("English (UK)", "en-GB"),
    ("English (Canada)", "en-CA"),
    ("English (Australia)", "en-AU"),
    ("English (New Zealand)", "en-NZ"),
    ("English (South Africa)", "en-ZA"),
]
LT_MODES = [
    ("On this computer (downloaded once, needs Java)", "local"),
    ("A LanguageTool server", "remote"),
    ("Off", "off"),
]
LT_GROUPS = [  # LanguageTool rule categories a writer may want to switch off
    ("Grammar", "GRAMMAR"),
    ("Typos", "TYPOS"),
    ("Punctuation", "PUNCTUATION"),
    ("Typography", "TYPOGRAPHY"),
    ("Capitalisation", "CASING"),
    ("Style", "STYLE"),
    ("Redundancy", "REDUNDANCY"),
    ("Commonly confused words", "CONFUSED_WORDS"),
]
ENGINES = [("LanguageTool", "languagetool"), ("Harper", "harper"), ("Fiction rules", "fiction")]


def _table(parent: Any, key: str) -> Any:
    """``parent[key]`` as a TOML table, created when missing."""
    if key not in parent:
        parent[key] = tomlkit.table()
    return parent[key]


class PointSizeBox(QDoubleSpinBox):
    """A font size in points as a writer reads it: "13 pt", "12.5 pt" (half points are
    kept, the stored setting being a float), never "13.00"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(8, 32)
        self.setDecimals(1)
        self.setSingleStep(0.5)
        self.setSuffix(" pt")

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt's name)
        return f"{value:g}"


class SettingsDialog(QDialog):
    def __init__(self, settings: AppSettings, project: Project | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.resize(640, 620)
        self.settings = settings
        self.project = project
        tabs = QTabWidget()
        tabs.addTab(self._window_tab(), "Window")
        if project is not None:
            tabs.addTab(self._checks_tab(project), f"Checks for \u201c{project.title}\u201d")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(tabs, 1)
        column.addWidget(buttons)

    # -- the window -------------------------------------------------------------------------
    def _window_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.theme = QComboBox()
        self.theme.addItem("Light", "light")
        self.theme.addItem("Dark", "dark")
        self.theme.setCurrentIndex(max(0, self.theme.findData(self.settings.theme)))
        self.font_family = QFontComboBox()
        shown = QFontInfo(editor_font(self.settings.font_family)).family()  # what is used
        self.font_family.setCurrentFont(QFont(shown))
        self.font_size = PointSizeBox()
        self.font_size.setValue(self.settings.font_size)
        # reads "Autosave: every 30 s" or "Autosave: Off"
        self.autosave = QSpinBox()
        self.autosave.setRange(0, 3600)
        self.autosave.setSingleStep(5)
        self.autosave.setPrefix("every ")
        self.autosave.setSuffix(" s")
        self.autosave.setSpecialValueText("Off")
        self.autosave.setValue(self.settings.autosave_seconds)
        form.addRow("Theme", self.theme)
        form.addRow("Editor font", self.font_family)
        form.addRow("Font size", self.font_size)
        form.addRow("Autosave", self.autosave)
        return page

    # -- the project's checks -------------------------------------------------------------------
    def _checks_tab(self, project: Project) -> QWidget:
        checks = project.checks
        lt = dict(checks.get("languagetool", {}))
        engines = list(checks.get("engines", [e for _, e in ENGINES]))
        fiction_rules = dict(dict(checks.get("fiction", {})).get("rules", {}))
        disabled_groups = set(lt.get("disabled_categories", []))

        page = QWidget()
        column = QVBoxLayout(page)
        form = QFormLayout()
        self.language = QComboBox()
        for label, code in LANGUAGES:
            self.language.addItem(label, code)
        language = checks.get("language") or project.language
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        form.addRow("Language", self.language)
        self.engine_boxes = {}
        for label, name in ENGINES:
            box = QCheckBox(label)
            box.setChecked(name in engines)
            self.engine_boxes[name] = box
            form.addRow("" if name != "languagetool" else "Engines", box)
        column.addLayout(form)

        lt_group = QGroupBox("LanguageTool")
        lt_form = QFormLayout(lt_group)
        self.lt_mode = QComboBox()
        for label, mode in LT_MODES:
            self.lt_mode.addItem(label, mode)
        self.lt_mode.setCurrentIndex(max(0, self.lt_mode.findData(lt.get("mode", "local"))))
        self.lt_url = QLineEdit(str(lt.get("url", "")))
        self.lt_url.setPlaceholderText("https://api.languagetoolplus.com or http://localhost:8081")
        self.lt_user = QLineEdit(str(lt.get("username", "")))
        self.lt_key = QLineEdit(str(lt.get("api_key", "")))
        self.lt_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.lt_picky = QCheckBox("Picky mode (more style suggestions)")
        self.lt_picky.setChecked(bool(lt.get("picky", False)))
        lt_form.addRow("Runs", self.lt_mode)
        lt_form.addRow("Server URL", self.lt_url)
        lt_form.addRow("Username", self.lt_user)
        lt_form.addRow("API key", self.lt_key)
        lt_form.addRow("", self.lt_picky)
        self.lt_groups = {}
        for label, category in LT_GROUPS:
            box = QCheckBox(label)
            box.setChecked(category not in disabled_groups)
            self.lt_groups[category] = box
            lt_form.addRow("Rule groups" if category == LT_GROUPS[0][1] else "", box)
        self.lt_mode.currentIndexChanged.connect(self._mode_changed)
        self._mode_changed()
        column.addWidget(lt_group)

        fiction_group = QGroupBox("Fiction rules")
        fiction_column = QVBoxLayout(fiction_group)
        self.rule_boxes = {}
        for rule_id, info in RULES.items():
            short = rule_id.removeprefix("fiction.")
            box = QCheckBox(info.name)
            box.setToolTip(rule_id)
            box.setChecked(bool(fiction_rules.get(rule_id, fiction_rules.get(short, info.default_on))))
            self.rule_boxes[rule_id] = box
            fiction_column.addWidget(box)
        column.addWidget(fiction_group)
        note = QLabel("Saved in this project's ficwriter.toml.")
        note.setObjectName("muted")
        column.addWidget(note)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        return scroll

    def _mode_changed(self) -> None:
        remote = self.lt_mode.currentData() == "remote"
        for field in (self.lt_url, self.lt_user, self.lt_key):
            field.setEnabled(remote)

    # -- saving ---------------------------------------------------------------------------------
    def accept(self) -> None:
        if (self.project is not None and self.lt_mode.currentData() == "remote"
                and not self.lt_url.text().strip()):
            self.lt_url.setFocus()
            self.lt_url.setPlaceholderText("A server URL is needed for this choice")
            return
        self.save()
        super().accept()

    def save(self) -> None:
        """Write the window settings and, with a project open, its ficwriter.toml."""
        self.settings.theme = self.theme.currentData()
        self.settings.font_family = self.font_family.currentFont().family()
        self.settings.font_size = self.font_size.value()
        self.settings.autosave_seconds = self.autosave.value()
        self.settings.sync()
        if self.project is None:
            return
        config = self.project.config
        config["language"] = self.language.currentData()
        checks = _table(config, "checks")
        checks.pop("language", None)  # one place for the language: the project's own
        checks["engines"] = [name for name, box in self.engine_boxes.items() if box.isChecked()]
        lt = _table(checks, "languagetool")
        lt["mode"] = self.lt_mode.currentData()
        for key, field in (("url", self.lt_url), ("username", self.lt_user), ("api_key", self.lt_key)):
            if field.text().strip():
                lt[key] = field.text().strip()
            else:
                lt.pop(key, None)
        lt["picky"] = self.lt_picky.isChecked()
        lt["disabled_categories"] = [c for c, box in self.lt_groups.items() if not box.isChecked()]
        rules = _table(_table(checks, "fiction"), "rules")
        for rule_id, box in self.rule_boxes.items():
            rules.pop(rule_id.removeprefix("fiction."), None)  # one spelling per rule
            rules[rule_id] = box.isChecked()
        self.project.save()
