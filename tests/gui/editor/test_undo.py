"""Undo as a writer relies on it: across a reload from disk, and after Replace All, one
Ctrl+Z goes one step back and leaves the cursor at the change, not at the top."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from ficwriter.gui.editor.session import changed_span


def test_undo_after_a_reload_from_disk_goes_back_to_the_text_before_it(opened, qtbot) -> None:
    window = opened
    path = window.session.path
    before = window.editor.text()
    last = before.rstrip("\n").rsplit("\n", 1)[-1]
    changed = before.replace(last, last + " Added in another editor.")
    path.write_text(changed, encoding="utf-8")
    qtbot.waitUntil(lambda: window.editor.text() == changed, timeout=10000)
    assert not window.session.dirty
    assert window.menus.act_undo.isEnabled()
    window.editor.setFocus()
    QTest.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.text() == before
    assert window.session.dirty  # the editor now differs from the file
    assert abs(window.editor.textCursor().position() - before.rindex(last) - len(last)) <= 1


def test_undo_of_replace_all_leaves_the_cursor_at_a_change(opened, qtbot) -> None:
    window = opened
    editor = window.editor
    text = editor.text()
    # a word first used well below the top, and more than once
    word = next(w for w in dict.fromkeys(re.findall(r"\b[a-z]{5,}\b", text))
                if text.find(w) > 500 and len(re.findall(rf"\b{w}\b", text)) > 1)
    first = text.find(word)
    window.find_bar.open(replace=True)
    window.find_bar.find_edit.setText(word)
    window.find_bar.replace_edit.setText("THE")
    assert window.find_bar.replace_all() > 1
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.setPosition(0)
    editor.setTextCursor(cursor)
    QTest.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.text() == text
    assert editor.textCursor().position() >= first


def test_changed_span_is_the_part_that_differs() -> None:
    assert changed_span("abcdef", "abXYef") == (2, 4, 4)
    assert changed_span("same", "same") == (4, 4, 4)
    assert changed_span("aaa", "aaaa") == (3, 3, 4)
