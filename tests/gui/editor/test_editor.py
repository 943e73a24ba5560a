"""The editor: structure shown per line, find and replace, undo, words, saving."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor

from ficwriter.gui.editor.highlighter import LineKind, line_kind


def _type_at_end(editor, qtbot, *lines: str) -> None:
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    for number, line in enumerate(lines):
        if number:
            qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, line)


def _kinds(editor) -> list[LineKind]:
    document = editor.document()
    return [line_kind(document.findBlockByNumber(i).userState()) for i in range(document.blockCount())]


def test_structure_is_recognised_per_line(window, chapter_file: Path) -> None:
    assert window.open_path(chapter_file)
    kinds = _kinds(window.editor)
    assert kinds[:4] == [LineKind.NOTE_OPEN, LineKind.NOTE_TEXT, LineKind.NOTE_CLOSE, LineKind.BLANK]
    assert kinds[4] is LineKind.SCENE_META
    assert LineKind.SCENE_BREAK in kinds


def test_emphasis_is_italic_and_markers_dimmed(window, chapter_file: Path) -> None:
    window.open_path(chapter_file)
    block = window.editor.document().findBlockByNumber(5)
    assert block.text().startswith("Wren walked *slowly*")
    formats = {r.start: QTextCharFormat(r.format) for r in block.layout().formats()}
    slowly = block.text().index("slowly")
    assert formats[slowly].fontItalic()
    marker = block.text().index("*")
    assert formats[marker].foreground().color() != formats[slowly].foreground().color()


def test_typing_a_fence_turns_following_lines_into_a_note(window, chapter_file: Path, qtbot) -> None:
    window.open_path(chapter_file)
    editor = window.editor
    _type_at_end(editor, qtbot, "", "::: note", "Later note")
    assert _kinds(editor)[-2:] == [LineKind.NOTE_OPEN, LineKind.NOTE_TEXT]


def test_replace_all_with_regex_is_one_undo_step(window, chapter_file: Path) -> None:
    window.open_path(chapter_file)
    bar = window.find_bar
    bar.open(replace=True)
    bar.find_edit.setText(r"\bgate\b")
    bar.regex.setChecked(True)
    bar.replace_edit.setText("door")
    assert bar.replace_all() == 3  # the scene title "Gate" too: not case-sensitive
    assert "walked *slowly* to the door." in window.editor.text()
    assert 'title="door"' in window.editor.text()
    window.editor.undo()
    assert window.editor.text() == chapter_file.read_text(encoding="utf-8")


def test_bad_regex_says_so_and_changes_nothing(window, chapter_file: Path) -> None:
    window.open_path(chapter_file)
    bar = window.find_bar
    bar.find_edit.setText("(unclosed")
    bar.regex.setChecked(True)
    assert bar.replace_all() == 0
    assert "Bad pattern" in bar.status.text()


def test_save_writes_the_file_and_word_counts_follow(window, chapter_file: Path, qtbot) -> None:
    window.open_path(chapter_file)
    editor = window.editor
    _type_at_end(editor, qtbot, "Three more words")
    assert window.session.dirty
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert chapter_file.read_text(encoding="utf-8").endswith("spoke.\nThree more words")
    assert not window.session.dirty
    qtbot.waitUntil(lambda: "+3 this session" in window.status.session_words.text(), timeout=10000)  # a loaded machine parses late


def test_focus_mode_hides_panels_and_brings_them_back(window, chapter_file: Path, qtbot) -> None:
    window.open_path(chapter_file)
    assert window.outline.isVisible() and window.issues.isVisible()
    qtbot.keyClick(window.editor, Qt.Key.Key_F11)
    assert not window.outline.isVisible() and not window.issues.isVisible()
    assert not window.statusBar().isVisible()
    qtbot.keyClick(window.editor, Qt.Key.Key_F11)
    assert window.outline.isVisible() and window.issues.isVisible()


def test_dark_theme_repaints_the_page(window, chapter_file: Path) -> None:
    window.open_path(chapter_file)
    light = window.editor.viewport().grab().toImage().pixelColor(5, 5)
    window.set_theme("dark")
    dark = window.editor.viewport().grab().toImage().pixelColor(5, 5)
    assert dark.lightness() < 80 < light.lightness()
    assert window.settings.theme == "dark"


def test_open_sample_project_works_on_a_copy(window, tmp_path: Path) -> None:
    from ficwriter import paths

    def bundled() -> dict[str, bytes]:
        root = paths.sample_project()
        return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}

    before = bundled()
    window.opening.sample_folder = tmp_path / "Documents" / "ficwriter"
    assert window.opening.open_sample()
    copy = window.opening.sample_folder / "Starfall"
    assert window.session.path.parent == copy / "chapters"
    assert (copy / ".ficwriter" / "history.sqlite").is_file()
    window.close()
    assert bundled() == before  # the installed sample is never written to
