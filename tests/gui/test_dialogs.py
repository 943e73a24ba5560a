"""Export, settings and import as the window offers them."""

from __future__ import annotations

from pathlib import Path

import tomlkit
from PySide6.QtGui import QGuiApplication


def test_export_ao3_previews_copies_and_saves(opened, tmp_path: Path, qtbot) -> None:
    window = opened
    dialog = window.export_dialog()
    qtbot.addWidget(dialog)
    dialog.target.setCurrentIndex(dialog.target.findData("ao3"))
    dialog.refresh()
    preview = dialog.tabs.widget(0).toPlainText()
    assert preview.startswith("<p>") and "<em>Let him be angry,</em>" in preview
    assert "scene:" not in preview and "Author's note" not in preview  # notes go to their own box
    assert dialog.tabs.tabText(0) == "Chapter text"
    assert "Beginning notes" in [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    dialog.copy()
    assert QGuiApplication.clipboard().text() == preview
    written = dialog.save_to(tmp_path / "out")
    main = tmp_path / "out" / f"{window.session.path.stem}.html"
    assert main in written and main.read_text(encoding="utf-8") == preview


def test_export_preview_follows_the_options(opened, qtbot) -> None:
    window = opened
    dialog = window.export_dialog()
    qtbot.addWidget(dialog)
    dialog.target.setCurrentIndex(dialog.target.findData("txt"))
    dialog.scene_break.setCurrentIndex(dialog.scene_break.findData("~~~"))
    dialog.refresh()
    text = dialog.tabs.widget(0).toPlainText()
    assert "~~~" in text and "* * *" not in text
    dialog.target.setCurrentIndex(dialog.target.findData("docx"))
    dialog.refresh()
    assert not dialog.copy_button.isEnabled()
    assert "Word document" in dialog.tabs.widget(0).toPlainText()


def test_settings_write_ficwriter_toml_and_rebuild_the_checker(opened, sample_project: Path, qtbot) -> None:
    window = opened
    dialog = window.settings_dialog()
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en-GB"))
    dialog.lt_mode.setCurrentIndex(dialog.lt_mode.findData("off"))
    dialog.rule_boxes["fiction.epithet"].setChecked(False)
    dialog.autosave.setValue(0)
    old_checker = window.workspace.checker
    dialog.accept()
    window.apply_settings(project_changed=True)
    config = tomlkit.parse((sample_project / "ficwriter.toml").read_text(encoding="utf-8"))
    assert config["language"] == "en-GB"
    assert config["checks"]["languagetool"]["mode"] == "off"
    assert config["checks"]["fiction"]["rules"]["fiction.epithet"] is False
    assert config["checks"]["dictionary"] == "dictionary.txt"  # what was there stays
    assert window.workspace.checker is not old_checker
    assert window.settings.autosave_seconds == 0
    qtbot.waitUntil(lambda: "LanguageTool off" in window.issues.status.text(), timeout=10000)
    qtbot.waitUntil(lambda: len(window.issue_layer) > 0, timeout=10000)
    assert not any(s.issue.rule_id == "fiction.epithet" for s in window.issue_layer.shown)


def test_import_runs_in_the_background_and_opens_the_chapter(opened, sample_project: Path, tmp_path: Path, qtbot) -> None:
    window = opened
    source = tmp_path / "posted.txt"
    source.write_text("Author's note: thanks!\n\nShe ran.\n\n\n\nHe followed, later.\n", encoding="utf-8")
    window.opening.import_file(source, sample_project)
    qtbot.waitUntil(lambda: window.session.path.name.startswith("03-"), timeout=10000)
    assert "He followed, later." in window.editor.text()
    assert window.session.path.parent == sample_project / "chapters"
    assert len(window.outline._chapters) == 3
