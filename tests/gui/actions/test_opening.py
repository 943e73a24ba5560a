"""Opening files that are not ficwriter chapters: the import offer, Word files, unreadable files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

from ficwriter.core.chapter import NotePosition, parse
from ficwriter.core.export import export_chapter
from ficwriter.gui.actions.import_offer import IMPORT, KEEP


def _answer(qtbot, starts_with: str, seen: list[str] | None = None) -> None:
    """Click the button of the question about to be asked whose text starts so; what the
    question said (text, details, buttons) goes into ``seen`` when given."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        if seen is not None:
            seen.append(f"{box.text()} {box.informativeText()} "
                        + " | ".join(b.text() for b in box.buttons()))
        button = next(b for b in box.buttons() if b.text().startswith(starts_with))
        button.click()

    QTimer.singleShot(0, click)


def _posted_chapter(tmp_path: Path, seed_text: str) -> Path:
    """The writer's own .txt, as posted: author's notes at both ends, blank-line breaks."""
    folder = tmp_path / "Downloads"
    folder.mkdir()
    path = folder / "The Long Night ch1.txt"
    path.write_text(seed_text, encoding="utf-8")
    return path


def _plain_beside(source: Path) -> Path:
    """A loose chapter next to ``source`` that has nothing an import would add."""
    plain = source.with_name("plain.txt")
    plain.write_text("Plain prose, nothing to import.\n", encoding="utf-8")
    return plain


def test_a_posted_txt_is_offered_for_import_into_a_new_project(window, tmp_path: Path, seed_text: str, qtbot) -> None:
    source = _posted_chapter(tmp_path, seed_text)
    assert window.open_path(source)
    qtbot.waitUntil(window.bar.isVisible)  # decided on a worker thread
    assert set(window.bar.buttons) == {IMPORT, KEEP}
    assert "not in ficwriter's chapter format" in window.bar.label.text()
    _answer(qtbot, "New project")
    window.bar.buttons[IMPORT].click()
    project = source.with_name(source.stem).resolve()
    qtbot.waitUntil(lambda: window.project_root == project, timeout=10000)
    chapter = parse(window.editor.text())
    assert chapter.notes_at(NotePosition.BEGINNING) and chapter.notes_at(NotePosition.END)
    assert len(chapter.scenes) == 6
    assert window.session.path.parent == project / "chapters"
    assert source.read_text(encoding="utf-8") == seed_text  # the writer's file is untouched
    assert not window.bar.isVisible()


def test_keep_editing_as_is_is_remembered_for_the_file(window, tmp_path: Path, seed_text: str, qtbot) -> None:
    source = _posted_chapter(tmp_path, seed_text)
    other = _plain_beside(source)
    window.open_path(source)
    qtbot.waitUntil(window.bar.isVisible)
    window.bar.buttons[KEEP].click()
    assert not window.bar.isVisible()
    assert window.editor.text() == seed_text
    window.open_chapter(other)
    window.open_chapter(source)
    qtbot.wait(300)  # time for an offer to come back, were one made
    assert not window.bar.isVisible()


def test_the_offer_goes_when_another_chapter_opens(window, tmp_path: Path, seed_text: str, qtbot) -> None:
    source = _posted_chapter(tmp_path, seed_text)
    plain = _plain_beside(source)
    window.open_path(source)
    qtbot.waitUntil(window.bar.isVisible)
    window.open_chapter(plain)
    assert not window.bar.isVisible()


def test_an_offer_decided_after_another_chapter_opened_is_not_shown(
    window, tmp_path: Path, seed_text: str, qtbot
) -> None:
    source = _posted_chapter(tmp_path, seed_text)
    plain = _plain_beside(source)
    window.open_path(source)
    window.open_chapter(plain)  # before the answer about the first file comes back
    qtbot.wait(500)
    assert not window.bar.isVisible()


def test_chapters_of_a_project_and_ficwriter_chapters_are_not_offered(window, chapter_file: Path, sample_project: Path, seed_text: str, qtbot) -> None:
    window.open_path(chapter_file)  # loose, but with ficwriter's notes and scene comments
    qtbot.wait(300)  # time for an offer to come back, were one made
    assert not window.bar.isVisible()
    posted = sample_project / "chapters" / "03-posted.md"
    posted.write_text(seed_text, encoding="utf-8")
    window.open_path(posted)  # in a project: the writer put it there as it is
    qtbot.wait(300)
    assert not window.bar.isVisible()


def test_opening_a_word_document_asks_where_to_import_it(window, tmp_path: Path, qtbot) -> None:
    source = tmp_path / "Draft.docx"
    source.write_bytes(export_chapter(parse("She ran.\n\n* * *\n\nHe *followed*.\n"), "docx")
                       .files["chapter.docx"])
    _answer(qtbot, "New project")
    assert not window.open_path(source)  # nothing to edit as it is: the import opens it
    qtbot.waitUntil(lambda: window.session is not None, timeout=10000)
    assert window.session.path == (tmp_path / "Draft" / "chapters" / "01-draft.md").resolve()
    assert "He *followed*." in window.editor.text()


def test_an_unreadable_file_in_chapters_is_not_listed(window, sample_project: Path) -> None:
    cover = sample_project / "chapters" / "00-cover.md"  # an image saved under a chapter's name
    cover.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert window.open_path(sample_project)
    assert window.session.path.name == "01-the-long-walk.md"  # the first readable chapter
    assert [p.name for p in window.outline._chapters] == ["01-the-long-walk.md", "02-over-the-ridge.md"]


def test_the_start_pages_import_asks_for_the_file_then_where_it_goes(
        window, tmp_path: Path, seed_text: str, qtbot, monkeypatch) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    source = _posted_chapter(tmp_path, seed_text)
    asked_for: list[str] = []

    def pick_file(parent, caption, folder, filters):
        asked_for.append(filters)
        return str(source), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", pick_file)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda *a, **k: pytest.fail("a bare folder picker"))
    seen: list[str] = []
    _answer(qtbot, "New project", seen)
    qtbot.mouseClick(window.start_page.import_button, Qt.MouseButton.LeftButton)
    project = source.with_name(source.stem).resolve()
    qtbot.waitUntil(lambda: window.project_root == project, timeout=10000)
    assert "*.docx" in asked_for[0] and "*.html" in asked_for[0]  # the file first
    assert "not changed" in seen[0] and "new project" in seen[0].lower()
    assert source.read_text(encoding="utf-8") == seed_text


def test_import_with_a_project_open_offers_that_project_first(
        opened, sample_project: Path, tmp_path: Path, seed_text: str, qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    window = opened
    source = _posted_chapter(tmp_path, seed_text)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(source), ""))
    seen: list[str] = []
    _answer(qtbot, "Into \u201cStarfall\u201d", seen)
    window.menus.act_import.trigger()
    qtbot.waitUntil(lambda: window.session.path.parent == sample_project.resolve() / "chapters"
                    and window.session.path.name.startswith("03-"), timeout=10000)
    assert "the project \u201cStarfall\u201d, as its last chapter" in seen[0]


def test_a_loose_file_opened_is_no_recent_project_until_imported(
        window, tmp_path: Path, seed_text: str, qtbot) -> None:
    source = _posted_chapter(tmp_path, seed_text)
    assert window.open_path(source)
    assert source.parent.resolve() not in window.settings.recent_projects()
    qtbot.waitUntil(window.bar.isVisible)
    _answer(qtbot, "New project")
    window.bar.buttons[IMPORT].click()
    project = source.with_name(source.stem).resolve()
    qtbot.waitUntil(lambda: window.project_root == project, timeout=10000)
    assert project in window.settings.recent_projects()


def _type_save_and_close(window, qtbot) -> None:
    """Type at the end of the chapter, Ctrl+S, let the checks finish, close the project."""
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(window.editor, " Edited here.")
    qtbot.keyClick(window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace.store.revisions(window.session.path)  # history works, elsewhere
    qtbot.waitUntil(lambda: not window.checks.checking(), timeout=20000)
    window.close_project()


def test_a_loose_file_edited_and_saved_writes_only_the_file_itself(window, chapter_file: Path, qtbot) -> None:
    folder = chapter_file.parent
    assert window.open_path(chapter_file)
    _type_save_and_close(window, qtbot)
    assert [p.name for p in folder.iterdir()] == ["chapter.md"]
    assert "Edited here." in chapter_file.read_text(encoding="utf-8")


def test_keep_editing_as_is_writes_nothing_beside_the_file(window, tmp_path: Path, seed_text: str, qtbot) -> None:
    source = _posted_chapter(tmp_path, seed_text)
    window.open_path(source)
    qtbot.waitUntil(window.bar.isVisible)
    window.bar.buttons[KEEP].click()
    _type_save_and_close(window, qtbot)
    assert [p.name for p in source.parent.iterdir()] == [source.name]
    assert "Edited here." in source.read_text(encoding="utf-8")
