"""The beta round trip in the window: File → Send to Beta Reader…, then the reader's
changes in the issues panel (Beta), accepted with A, rejected with D, each one undo step."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ficwriter.beta.reader import read_reader_file
from ficwriter.history.store import HistoryStore
from tests.beta.conftest import CHAPTER, unsent_project
from tests.beta.marked import Del, Ins, Italic, Note
from tests.beta.sent_text import document
from tests.beta.word_xml import word_file

REL = "chapters/01-the-gate.md"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return unsent_project(tmp_path, REL)


@pytest.fixture
def returned(window, project: Path, tmp_path: Path, qtbot, monkeypatch) -> Path:
    """The chapter sent from the window's File menu, marked up by Mia and Sam in Word."""
    assert window.open_path(project / REL)
    sent = tmp_path / "for-mia.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(sent), ""))
    window.menus.act_send_beta.trigger()
    assert read_reader_file(sent.read_bytes()).properties["ficwriter.chapter"] == REL
    back = tmp_path / "from-mia.docx"
    back.write_bytes(word_file(sent.read_bytes(), document(
        gate=["Lexa drew her ", Italic("sword"), " and waited ", Ins("silently "), "by the gate."],
        river=["The river ran ", Note("black", "Lovely image!", author="Sam"),
               " under the bridge. She was ", Del("very "), "tired and cold."],
    )))
    return back


def _beta_rows(window) -> list[str]:
    model = window.issues.proxy
    return [model.index(r, 1).data() for r in range(model.rowCount())
            if model.index(r, 0).data() == "Beta"]


def _taken(window, returned: Path, qtbot) -> None:
    window.beta_actions.take_from(returned)
    qtbot.waitUntil(lambda: len(_beta_rows(window)) == 3)


def _select(window, qtbot, words: str) -> None:
    proxy = window.issues.proxy
    row = next(r for r in range(proxy.rowCount()) if words in (proxy.index(r, 1).data() or ""))
    window.issues.table.selectRow(row)
    window.issues.table.setFocus()


def test_send_from_the_file_menu_pins_the_sent_text_in_history(window, returned, project) -> None:
    with HistoryStore.open(project, read_only=True) as store:
        (snapshot,) = store.snapshots()
    assert snapshot.name == "Sent to beta: for-mia.docx" and REL in snapshot.revisions


def test_the_readers_items_are_a_beta_category_underlined_in_the_text(
    window, returned, qtbot, monkeypatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(returned), ""))
    window.menus.act_take_beta.trigger()
    qtbot.waitUntil(lambda: len(_beta_rows(window)) == 3)
    rows = _beta_rows(window)
    assert rows[0].startswith("Mia: insert") and rows[1].startswith("Sam:")
    underlined = {s.cursor.selectedText() for s in window.issue_layer.shown if s.review}
    assert {"by", "black", "very "} <= underlined
    window.issues.category_box.setCurrentIndex(window.issues.category_box.findData("beta"))
    window.issues.category_box.activated.emit(window.issues.category_box.currentIndex())
    assert window.issues.proxy.rowCount() == 3


def test_a_accepts_one_change_as_one_undo_step_and_d_rejects(window, returned, qtbot) -> None:
    _taken(window, returned, qtbot)
    _select(window, qtbot, "delete")
    assert window.issues.apply_button.text() == "Accept (A)"
    qtbot.keyClick(window.issues.table, Qt.Key.Key_A)
    assert "She was tired and cold." in window.editor.text()
    qtbot.waitUntil(lambda: len(_beta_rows(window)) == 2)
    window.editor.undo()
    assert window.editor.text() == CHAPTER  # one accept, one undo step
    _select(window, qtbot, "insert")
    qtbot.keyClick(window.issues.table, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: len(_beta_rows(window)) == 1)
    assert window.editor.text() == CHAPTER  # rejecting changes nothing


def test_accept_all_from_a_reader_then_save_records_beta_reader(
    window, returned, project, qtbot
) -> None:
    window.editor.textCursor().insertText("")  # nothing typed: the chapter as sent
    _taken(window, returned, qtbot)
    _select(window, qtbot, "insert")
    assert window.issues.accept_all_button.text() == "Accept all from Mia"
    qtbot.mouseClick(window.issues.accept_all_button, Qt.MouseButton.LeftButton)
    text = window.editor.text()
    assert "waited silently by the gate" in text and "She was tired and cold." in text
    qtbot.waitUntil(lambda: _beta_rows(window) == [_beta_rows(window)[0]]
                    and _beta_rows(window)[0].startswith("Sam:"))
    window.editor.undo()
    assert window.editor.text() == CHAPTER  # all of one reader: one undo step
    window.editor.redo()
    assert window.save()
    with HistoryStore.open(project, read_only=True) as store:
        latest = store.latest(REL)
    assert latest is not None and latest.source == "Beta: Mia"
    assert (project / REL).read_text(encoding="utf-8") == text


def test_a_comment_kept_becomes_an_authors_comment_never_story_text(window, returned, qtbot) -> None:
    _taken(window, returned, qtbot)
    _select(window, qtbot, "Sam:")
    assert window.issues.apply_button.text() == "Keep as comment (A)"
    qtbot.keyClick(window.issues.table, Qt.Key.Key_A)
    text = window.editor.text()
    assert "<!-- Beta, Sam on \u201cblack\u201d: Lovely image! -->" in text
    assert "The river ran black under the bridge." in text


def test_an_item_whose_words_the_writer_edits_drops_out(window, returned, qtbot) -> None:
    _taken(window, returned, qtbot)
    start = window.editor.text().index("very tired")
    window.editor.select_range(start, start + 4)
    qtbot.keyClicks(window.editor, "so")
    qtbot.waitUntil(lambda: len(_beta_rows(window)) == 2)
    assert not any("delete" in row for row in _beta_rows(window))


def test_a_file_that_is_not_word_is_refused_in_one_sentence(window, project, tmp_path, monkeypatch) -> None:
    assert window.open_path(project / REL)
    said = []
    monkeypatch.setattr(window, "complain", said.append)
    bad = tmp_path / "notes.docx"
    bad.write_text("just text", encoding="utf-8")
    window.beta_actions.take_from(bad)
    assert said == ["notes.docx: not a Word .docx file"]
    assert window.editor.text() == CHAPTER


def test_changes_that_no_longer_apply_are_said_not_made(window, returned, qtbot, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    start = window.editor.text().index("very tired")
    window.editor.select_range(start, start + 10)
    qtbot.keyClicks(window.editor, "bone-tired")
    stale = window.beta_actions.take_from(returned)
    assert [i.kind for i in stale] == ["deletion"]
    assert shown and "no longer apply" in shown[0] and "very tired" in shown[0]
