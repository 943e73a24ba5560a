"""Export, settings and import as the window offers them."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import tomlkit
from PySide6.QtGui import QGuiApplication

from ficwriter.core import importers, project
from ficwriter.gui.background import importing
from ficwriter.history.sync import follow_file


def test_export_ao3_previews_copies_and_saves(opened, tmp_path: Path, qtbot) -> None:
    window = opened
    dialog = window.export_dialog()
    qtbot.addWidget(dialog)
    dialog.target.setCurrentIndex(dialog.target.findData("ao3"))
    dialog.refresh()
    labels = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert labels[:2] == ["Chapter text", "HTML"] and "Beginning notes" in labels
    preview = dialog.tabs.widget(labels.index("HTML")).toPlainText()
    assert preview.startswith("<p>") and "<em>Let him be angry,</em>" in preview
    assert "scene:" not in preview and "Author's note" not in preview  # notes go to their own box
    dialog.copy()
    assert QGuiApplication.clipboard().text() == preview
    dialog.export_to(tmp_path / "out")
    qtbot.waitUntil(lambda: bool(dialog.written), timeout=10000)
    main = tmp_path / "out" / f"{window.session.path.stem}.html"
    assert main in dialog.written and main.read_text(encoding="utf-8") == preview


def test_export_preview_follows_the_options(opened, qtbot) -> None:
    window = opened
    dialog = window.export_dialog()
    qtbot.addWidget(dialog)
    dialog.target.setCurrentIndex(dialog.target.findData("txt"))
    dialog.scene_break.setCurrentIndex(dialog.scene_break.findData("~~~"))
    dialog.refresh()
    text = dialog.tabs.widget(0).toPlainText()
    assert "~~~" in text and "* * *" not in text


def test_word_preview_shows_the_document_as_word_would(opened, qtbot) -> None:
    dialog = opened.export_dialog()
    qtbot.addWidget(dialog)
    dialog.target.setCurrentIndex(dialog.target.findData("docx"))
    dialog.refresh()
    preview = dialog.tabs.widget(0)
    assert preview.isReadOnly()
    assert "The road out of the valley" in preview.toPlainText()
    assert "bytes" not in preview.toPlainText()
    page = preview.toHtml()
    assert "font-style:italic;\">Let him be angry," in page  # an italic run
    assert 'align="center"' in page and "* * *" in preview.toPlainText()  # centred breaks
    assert dialog.copy_button.text() == "Copy formatted text"
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().mimeData()
    assert "<i>Let him be angry,</i>" in copied.html()  # pastes into Google Docs in italics
    assert copied.text() == preview.toPlainText()


def test_copy_copies_the_tab_on_show(opened, qtbot) -> None:
    dialog = opened.export_dialog()
    qtbot.addWidget(dialog)
    dialog.target.setCurrentIndex(dialog.target.findData("ao3"))
    dialog.refresh()
    assert dialog.copy_button.text() == "Copy chapter text"
    labels = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    dialog.tabs.setCurrentIndex(labels.index("Beginning notes"))
    assert dialog.copy_button.text() == "Copy beginning notes"
    dialog.copy_button.click()
    notes = QGuiApplication.clipboard().text()  # the HTML for AO3's notes box
    assert notes == dialog.result.files[dialog.shown_file()].decode() and notes.startswith("<p>")
    shown = dialog.tabs.currentWidget().toPlainText()  # shown as AO3 shows it
    assert "first chapter of Starfall" in shown and "<p>" not in shown
    assert "The road out of the valley" not in notes
    assert dialog.status.text() == "Copied the beginning notes."
    dialog.tabs.setCurrentIndex(labels.index("End notes"))
    dialog.keep_notes.setChecked(False)  # the notes tabs go; the chapter text is on show
    dialog.refresh()
    assert dialog.copy_button.text() == "Copy chapter text"


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


@pytest.fixture
def conversions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The thread of every read-and-convert of an imported file."""
    threads: list[str] = []
    convert = importers.import_chapters

    def counted(path):
        threads.append(threading.current_thread().name)
        return convert(path)

    for module in (importers, project, importing):
        monkeypatch.setattr(module, "import_chapters", counted)
    return threads


def _revisions(window, path: Path) -> list[tuple[str, str]]:
    store = window.workspace.store
    return [(r.source, store.text(r.id)) for r in store.revisions(window.workspace.relative(path))]


def test_import_runs_in_the_background_and_opens_the_chapter(opened, sample_project: Path, tmp_path: Path, qtbot, conversions: list[str]) -> None:
    window = opened
    source = tmp_path / "posted.txt"
    source.write_text("Author's note: thanks!\n\nShe ran.\n\n\n\nHe followed, later.\n", encoding="utf-8")
    window.opening.import_file(source, sample_project)
    qtbot.waitUntil(lambda: window.session.path.name.startswith("03-"), timeout=10000)
    assert "He followed, later." in window.editor.text()
    assert window.session.path.parent == sample_project / "chapters"
    assert len(window.outline._chapters) == 3
    assert conversions == ["ficwriter-import"]  # converted once, never on the GUI thread
    chapter = window.session.path
    assert _revisions(window, chapter) == [("import", chapter.read_text(encoding="utf-8"))]
    assert follow_file(window.workspace.store, window.workspace.relative(chapter)) is None
    window.history.show()
    qtbot.waitUntil(lambda: window.history.list.topLevelItemCount() == 1, timeout=5000)
    assert window.history.list.topLevelItem(0).text(1) == "Imported"


def test_an_import_into_another_project_is_an_import_there(opened, tmp_path: Path, qtbot, conversions: list[str]) -> None:
    window = opened
    source = tmp_path / "posted.txt"
    source.write_text("She ran.\n\n\n\nHe followed, later.\n", encoding="utf-8")
    other = tmp_path / "Other"
    window.opening.import_file(source, other)
    qtbot.waitUntil(lambda: window.project_root == other.resolve(), timeout=10000)
    chapter = window.session.path
    assert chapter == other.resolve() / "chapters" / "01-posted.md"
    assert conversions == ["ficwriter-import"]
    # the window's watcher, now following the project, finds the chapter known: no "On disk"
    assert follow_file(window.workspace.store, "chapters/01-posted.md") is None
    assert _revisions(window, chapter) == [("import", chapter.read_text(encoding="utf-8"))]
