"""The window settings read as a writer would say them: "13 pt", "Autosave: every 30 s"."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel

from ficwriter.gui.dialogs.settings_dialog import SettingsDialog


def _label_of(dialog: SettingsDialog, field) -> str:
    form = field.parentWidget().layout()
    assert isinstance(form, QFormLayout)
    label = form.labelForField(field)
    assert isinstance(label, QLabel)
    return label.text()


def test_font_size_shows_points_without_trailing_decimals(qtbot, app_settings) -> None:
    app_settings.font_size = 13.0
    dialog = SettingsDialog(app_settings, None)
    qtbot.addWidget(dialog)
    assert dialog.font_size.text() == "13 pt"
    dialog.font_size.stepUp()
    assert dialog.font_size.text() == "13.5 pt"  # half points are kept
    dialog.save()
    assert app_settings.font_size == 13.5


def test_autosave_reads_naturally_on_and_off(qtbot, app_settings) -> None:
    app_settings.autosave_seconds = 30
    dialog = SettingsDialog(app_settings, None)
    qtbot.addWidget(dialog)
    assert f"{_label_of(dialog, dialog.autosave)}: {dialog.autosave.text()}" == "Autosave: every 30 s"
    dialog.autosave.setValue(0)
    assert f"{_label_of(dialog, dialog.autosave)}: {dialog.autosave.text()}" == "Autosave: Off"
    dialog.save()
    assert app_settings.autosave_seconds == 0
