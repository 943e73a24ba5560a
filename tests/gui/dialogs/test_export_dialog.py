"""The export dialog as a writer uses it: scope, rendered AO3 preview, progress, Cancel,
the question before replacing files, the summary at the end."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTextBrowser

from tests.core.export.generated import write_project


def _dialog(window, qtbot, target: str, scope: str):
    dialog = window.export_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.target.setCurrentIndex(dialog.target.findData(target))
    dialog.scope.setCurrentIndex(dialog.scope.findData(scope))
    dialog.refresh()
    return dialog


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*")) if folder.exists() else []


def test_the_ao3_preview_is_rendered_as_ao3_shows_it_with_the_html_beside_it(
    opened, qtbot
) -> None:
    dialog = _dialog(opened, qtbot, "ao3", "chapter")
    rendered = dialog.tabs.widget(0)
    assert isinstance(rendered, QTextBrowser) and dialog.tabs.tabText(0) == "Chapter text"
    text = rendered.toPlainText()
    assert "<p>" not in text and "<em>" not in text and "Let him be angry," in text
    page = rendered.toHtml()
    assert "font-style:italic;\">Let him be angry," in page  # italics shown as italics
    assert "<hr" in page  # scene breaks drawn as rules
    dialog.scene_break.setCurrentIndex(dialog.scene_break.findData("~~~"))
    dialog.refresh()
    assert 'align="center"' in dialog.tabs.widget(0).toHtml()  # a text break is centred
    html_tab = dialog.tabs.widget(1)
    assert dialog.tabs.tabText(1) == "HTML" and html_tab.toPlainText().startswith("<p>")
    dialog.tabs.setCurrentIndex(0)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == html_tab.toPlainText()  # the code is copied


def test_whole_story_to_epub_shows_progress_and_a_summary(opened, tmp_path: Path, qtbot) -> None:
    dialog = _dialog(opened, qtbot, "epub", "story")
    assert not dialog.copy_button.isEnabled()  # an e-book is exported, not pasted
    seen: list[tuple[int, int]] = []
    dialog.job_progress = dialog.progress.valueChanged.connect(
        lambda value: seen.append((value, dialog.progress.maximum())))
    out = tmp_path / "books"
    dialog.export_to(out)
    assert dialog.running_row.isVisible() and not dialog.export_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.done_row.isVisible(), timeout=15000)
    assert _files(out) == [out / "starfall.epub"]
    assert dialog.summary.text() == f"2 chapters, 1,821 words, written to {out}"
    assert dialog.open_folder.isVisible() and not dialog.running_row.isVisible()
    assert (3, 3) in seen and (1, 3) in seen  # each chapter, then the book


def test_chosen_chapters_only(opened, tmp_path: Path, qtbot) -> None:
    dialog = _dialog(opened, qtbot, "ffn", "chosen")
    assert dialog.chapter_list.isVisible()
    first, second = (dialog.chapter_list.item(i) for i in range(2))
    assert first.checkState() == Qt.CheckState.Checked  # the chapter open in the window
    first.setCheckState(Qt.CheckState.Unchecked)
    second.setCheckState(Qt.CheckState.Checked)
    dialog.export_to(tmp_path / "ffn")
    qtbot.waitUntil(lambda: dialog.done_row.isVisible(), timeout=15000)
    assert [p.name for p in _files(tmp_path / "ffn")] == ["02-over-the-ridge.html"]


def test_existing_files_are_replaced_only_after_the_question_naming_them(
    opened, tmp_path: Path, qtbot
) -> None:
    out = tmp_path / "out"
    dialog = _dialog(opened, qtbot, "ao3", "story")
    dialog.export_to(out)
    qtbot.waitUntil(lambda: dialog.done_row.isVisible(), timeout=15000)
    assert dialog.summary.text().endswith("posting.md lists what to paste into each AO3 field")
    (out / "posting.md").write_text("my notes", encoding="utf-8")
    dialog.export_to(out)
    qtbot.waitUntil(lambda: dialog.replace_box is not None and dialog.replace_box.isVisible(),
                    timeout=15000)  # fmt: skip
    question = dialog.replace_box.text()
    assert "posting.md" in question and "01-the-long-walk/01-the-long-walk.html" in question
    assert question.startswith("7 files of an earlier export are in") and "more" not in question
    qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "earlier export is kept" in dialog.status.text())
    assert (out / "posting.md").read_text(encoding="utf-8") == "my notes"
    dialog.export_to(out)
    qtbot.waitUntil(lambda: dialog.replace_box is not None and dialog.replace_box.isVisible(),
                    timeout=15000)  # fmt: skip
    qtbot.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.done_row.isVisible(), timeout=15000)
    assert (out / "posting.md").read_text(encoding="utf-8").startswith("# Posting")


def test_an_export_into_the_chapters_folder_is_refused(opened, qtbot) -> None:
    dialog = _dialog(opened, qtbot, "md", "chapter")
    chapters = opened.session.path.parent
    before = {p: p.read_bytes() for p in chapters.iterdir()}
    dialog.export_to(chapters)
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=15000)
    assert "would replace a chapter" in dialog.status.text()
    assert {p: p.read_bytes() for p in chapters.iterdir()} == before
    assert dialog.export_button.isEnabled()


@pytest.fixture
def long_story(window, tmp_path: Path, qtbot):
    """The window on a generated 40-chapter story."""
    root = write_project(tmp_path / "Long", 120_000, 40)
    assert window.open_path(root / "chapters" / "01-part-1.md")
    qtbot.waitUntil(lambda: window.session is not None, timeout=15000)
    return window


def test_cancel_stops_the_export_and_leaves_no_file(long_story, tmp_path: Path, qtbot) -> None:
    dialog = _dialog(long_story, qtbot, "epub", "story")
    out = tmp_path / "book"
    # Cancel is clicked as soon as the first chapter is reported, as a writer would
    dialog.progress.valueChanged.connect(
        lambda value: value == 1 and qtbot.mouseClick(dialog.cancel_button,
                                                      Qt.MouseButton.LeftButton))
    dialog.export_to(out)
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=30000)
    assert dialog.status.text() == "Export cancelled: nothing written."
    # (how far the bar got before the click landed depends on the machine's load: not asserted)
    assert not out.exists() or _files(out) == []
    assert not dialog.done_row.isVisible() and dialog.export_button.isEnabled()


def test_a_choice_made_just_before_export_is_what_is_written(opened, tmp_path: Path, qtbot) -> None:
    dialog = _dialog(opened, qtbot, "txt", "chapter")
    qtbot.mouseClick(dialog.keep_notes, Qt.MouseButton.LeftButton)  # the preview lags 120 ms
    assert not dialog.keep_notes.isChecked()
    dialog.export_to(tmp_path / "out")
    qtbot.waitUntil(lambda: dialog.done_row.isVisible(), timeout=15000)
    text = (tmp_path / "out" / f"{opened.session.path.stem}.txt").read_text(encoding="utf-8")
    assert "Wren Halloway" in text and "Author's note" not in text
