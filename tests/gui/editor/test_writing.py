"""Writing from a blank page with the keyboard: paragraphs, line breaks, emphasis, quotes,
notes, scene breaks and paste, each through the keys a writer presses."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor

from ficwriter.core.chapter import BlockQuote, Note, Paragraph, SceneBreak, parse
from ficwriter.core.export import export_chapter
from ficwriter.core.project import create_project

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def blank(window, tmp_path: Path, qtbot):
    """The window on a new, empty first chapter, the cursor in the text."""
    root = create_project(tmp_path / "Story", "Story").root
    chapter = root / "chapters" / "01-chapter.md"
    chapter.write_text("", encoding="utf-8")
    assert window.open_path(chapter)
    window.editor.setFocus()
    qtbot.waitUntil(window.editor.hasFocus)
    return window


def _select(editor, start: int, end: int) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def _cursor_at(editor, offset: int) -> None:
    _select(editor, offset, offset)


def test_enter_ends_a_paragraph_and_the_ao3_export_has_two(blank, qtbot) -> None:
    editor = blank.editor
    qtbot.keyClicks(editor, "One.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "Two.")
    qtbot.keyClick(editor, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not blank.session.dirty)
    saved = parse(blank.session.path.read_text(encoding="utf-8"))
    assert [p.text for p in saved.paragraphs()] == ["One.", "Two."]
    export = export_chapter(saved, "ao3")
    page = export.files[export.main].decode("utf-8")
    assert page.count("<p>") == 2 and "<br" not in page


def test_shift_enter_is_a_line_break_inside_the_paragraph(blank, qtbot) -> None:
    editor = blank.editor
    qtbot.keyClicks(editor, "Roses are red,")
    qtbot.keyClick(editor, Qt.Key.Key_Return, SHIFT)
    qtbot.keyClicks(editor, "violets are blue.")
    qtbot.keyClick(editor, Qt.Key.Key_Enter)  # the keypad's Enter is Enter too
    qtbot.keyClicks(editor, "Next.")
    assert editor.text() == "Roses are red,\nviolets are blue.\n\nNext."
    assert [p.text for p in parse(editor.text()).paragraphs()] == [
        "Roses are red,\nviolets are blue.", "Next."]


def test_enter_after_a_scene_break_starts_the_next_scene(blank, qtbot) -> None:
    editor = blank.editor
    qtbot.keyClicks(editor, "Before.")
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL | SHIFT)  # Format → Scene Break
    assert editor.text() == "Before.\n\n* * *\n\n"
    _cursor_at(editor, len("Before.\n\n* * *"))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "After.")
    chapter = parse(editor.text())
    assert [type(b) for b in chapter.blocks if isinstance(b, SceneBreak)] == [SceneBreak]
    assert [[p.text for p in s.paragraphs] for s in chapter.scenes] == [["Before."], ["After."]]


def test_enter_twice_leaves_one_empty_line_not_two(blank, qtbot) -> None:
    editor = blank.editor
    qtbot.keyClicks(editor, "One.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.text() == "One.\n\n\n"


def test_ctrl_i_and_ctrl_b_toggle_emphasis_on_the_word_and_the_selection(blank, qtbot) -> None:
    editor = blank.editor
    qtbot.keyClicks(editor, "She ran fast and far.")
    _cursor_at(editor, editor.text().index("ran") + 1)
    qtbot.keyClick(editor, Qt.Key.Key_I, CTRL)
    assert editor.text() == "She *ran* fast and far."
    assert editor.textCursor().selectedText() == "ran"
    qtbot.keyClick(editor, Qt.Key.Key_I, CTRL)  # again: it comes off
    assert editor.text() == "She ran fast and far."
    start = editor.text().index("fast")
    _select(editor, start, start + len("fast and far"))
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    assert editor.text() == "She ran **fast and far**."
    qtbot.keyClick(editor, Qt.Key.Key_I, CTRL)  # italic inside bold: both
    assert editor.text() == "She ran ***fast and far***."
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    assert editor.text() == "She ran *fast and far*."
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # each toggle is one undo step
    assert editor.text() == "She ran ***fast and far***."


def test_ctrl_i_with_no_word_opens_an_italic_pair_to_type_into(blank, qtbot) -> None:
    editor = blank.editor
    qtbot.keyClicks(editor, "Then ")
    qtbot.keyClick(editor, Qt.Key.Key_I, CTRL)
    qtbot.keyClicks(editor, "silence")
    assert editor.text() == "Then *silence*"


def test_block_quote_prefixes_the_paragraph_and_takes_it_off_again(blank, qtbot) -> None:
    editor = blank.editor
    qtbot.keyClicks(editor, "She read:")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "Dear Clarke,")
    qtbot.keyClick(editor, Qt.Key.Key_Return, SHIFT)
    qtbot.keyClicks(editor, "come home.")
    qtbot.keyClick(editor, Qt.Key.Key_Q, CTRL | SHIFT)
    assert editor.text() == "She read:\n\n> Dear Clarke,\n> come home."
    assert [type(b) for b in parse(editor.text()).blocks] == [Paragraph, BlockQuote]
    qtbot.keyClick(editor, Qt.Key.Key_Q, CTRL | SHIFT)
    assert editor.text() == "She read:\n\nDear Clarke,\ncome home."


def test_authors_note_wraps_the_selection_or_opens_an_empty_one(blank, qtbot) -> None:
    editor = blank.editor
    qtbot.keyClicks(editor, "Thanks for reading!")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "The story.")
    _select(editor, 0, len("Thanks for reading!"))
    qtbot.keyClick(editor, Qt.Key.Key_M, CTRL | SHIFT)
    assert editor.text() == "::: note\nThanks for reading!\n:::\n\nThe story."
    _cursor_at(editor, len(editor.text()))
    qtbot.keyClick(editor, Qt.Key.Key_M, CTRL | SHIFT)
    qtbot.keyClicks(editor, "Please review.")
    notes = [b for b in parse(editor.text()).blocks if isinstance(b, Note)]
    assert [n.text for n in notes] == ["Thanks for reading!", "Please review."]
    assert [p.text for p in parse(editor.text()).paragraphs()] == ["The story."]


def test_the_format_menu_lists_every_format_command(blank) -> None:
    menu = blank.menus.menu_format
    assert [a.text() for a in menu.actions()] == [
        "&Italic", "&Bold", "Block &Quote", "Scene &Break", "Author's &Note"]
    assert blank.menus.act_italic.shortcut().toString() == "Ctrl+I"
    assert blank.menus.act_bold.shortcut().toString() == "Ctrl+B"


def _clipboard(html: str | None, text: str) -> None:
    data = QMimeData()
    if html is not None:
        data.setHtml(html)
    data.setText(text)
    QGuiApplication.clipboard().setMimeData(data)


@pytest.mark.parametrize(("fixture", "expected"), [
    ("google_docs_clipboard.html",
     "Clarke had not slept. The *Ark* hummed below her.\n\n**Nobody** answered."),
    ("word_clipboard.html", "Lexa drew her *blade* and waited.\n\n* * *\n\n**Run,** she said."),
])
def test_pasting_rich_text_keeps_emphasis_paragraphs_and_breaks_only(
    blank, qtbot, fixture: str, expected: str
) -> None:
    html = (FIXTURES / fixture).read_text(encoding="utf-8")
    _clipboard(html, "plain version")
    qtbot.keyClick(blank.editor, Qt.Key.Key_V, CTRL)
    assert blank.editor.text() == expected
    assert "<" not in blank.editor.text() and "font" not in blank.editor.text()


def test_ctrl_shift_v_pastes_the_plain_text_with_its_paragraphs(blank, qtbot) -> None:
    _clipboard("<p><i>Styled</i> copy</p>", "From a web page, one line a paragraph.\n"
               "The second paragraph.\n")
    qtbot.keyClick(blank.editor, Qt.Key.Key_V, CTRL | SHIFT)
    assert blank.editor.text() == "From a web page, one line a paragraph.\n\nThe second paragraph."


def test_pasting_plain_words_into_a_sentence_inserts_them_as_they_are(blank, qtbot) -> None:
    editor = blank.editor
    qtbot.keyClicks(editor, "She ran.")
    _cursor_at(editor, len("She"))
    _clipboard(None, " quickly")
    qtbot.keyClick(editor, Qt.Key.Key_V, CTRL)
    assert editor.text() == "She quickly ran."


def test_a_copy_from_the_editor_pastes_back_exactly(blank, qtbot) -> None:
    editor = blank.editor
    qtbot.keyClicks(editor, "Thanks!")
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_M, CTRL | SHIFT)  # a note, which plain text would escape
    text = editor.text()
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_C, CTRL)
    _cursor_at(editor, len(text))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_V, CTRL)
    assert text == "::: note\nThanks!\n:::\n"  # ends on an empty line: Enter adds one line end
    assert editor.text() == text + "\n" + text
