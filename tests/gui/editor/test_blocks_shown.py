"""Block quotes and lists in the editor: typed as a writer types them, markers dimmed,
a rule beside the quote, in both themes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor

from ficwriter.core.chapter import BlockQuote, ListBlock, parse
from ficwriter.gui.editor.highlighter import LineKind, line_kind

SOURCE = Path(__file__).resolve().parents[2] / "core" / "golden" / "blocks-source.md"


@pytest.fixture
def letters(tmp_path: Path) -> Path:
    folder = tmp_path / "loose"
    folder.mkdir()
    path = folder / "letters.md"
    shutil.copy(SOURCE, path)
    return path


def _formats(block) -> dict[int, QTextCharFormat]:
    out: dict[int, QTextCharFormat] = {}
    for r in block.layout().formats():
        for position in range(r.start, r.start + r.length):
            out[position] = QTextCharFormat(r.format)
    return out


def _block_starting(editor, prefix: str):
    block = editor.document().firstBlock()
    while block.isValid() and not block.text().startswith(prefix):
        block = block.next()
    assert block.isValid(), prefix
    return block


def test_typed_quote_and_list_lines_are_blocks_with_dimmed_markers(window, letters: Path, qtbot) -> None:
    assert window.open_path(letters)
    editor = window.editor
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "> meet me at the ford")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "- a rope")
    quote = _block_starting(editor, "> meet me")
    item = _block_starting(editor, "- a rope")
    assert line_kind(quote.userState()) is LineKind.QUOTE
    assert line_kind(item.userState()) is LineKind.LIST_ITEM
    for block in (quote, item):
        formats = _formats(block)
        marker = formats[0].foreground().color()
        word = formats.get(len(block.text()) - 1, QTextCharFormat()).foreground().color()
        assert marker != word and marker.isValid()
    chapter = parse(editor.toPlainText())
    assert isinstance(chapter.blocks[-2], BlockQuote) and isinstance(chapter.blocks[-1], ListBlock)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_quote_has_a_rule_beside_it(window, letters: Path, theme: str, tmp_path: Path) -> None:
    window.resize(1024, 700)
    window.set_theme(theme)
    assert window.open_path(letters)
    editor = window.editor
    block = _block_starting(editor, "> If you are")
    rect = editor.blockBoundingGeometry(block).translated(editor.contentOffset())
    image = editor.viewport().grab().toImage()
    if os.environ.get("FICWRITER_SCREENSHOTS"):
        image.save(str(Path(os.environ["FICWRITER_SCREENSHOTS"]) / f"blocks-{theme}.png"))
    x = int(editor.document().documentMargin() / 2) + 1
    middle = int(rect.top() + rect.height() / 2)
    plain = _block_starting(editor, "The envelope")
    plain_rect = editor.blockBoundingGeometry(plain).translated(editor.contentOffset())
    rule = QColor(image.pixelColor(x, middle))
    page = QColor(image.pixelColor(x, int(plain_rect.top() + plain_rect.height() / 2)))
    assert rule != page
