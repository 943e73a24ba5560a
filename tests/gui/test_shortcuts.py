"""Every shortcut the menus show, and every one the README names, does its command when
pressed in the editor, as a writer presses it (real key events through the window)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

README = Path(__file__).resolve().parents[2] / "README.md"


def _menu_actions(window) -> list[QAction]:
    found: list[QAction] = []

    def walk(menu) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            elif not action.isSeparator():
                found.append(action)

    for top in window.menuBar().actions():
        walk(top.menu())
    return found


def _press(window, qtbot, sequence: QKeySequence) -> None:
    combo = sequence[0]
    QTest.keyClick(window.editor, combo.key(), combo.keyboardModifiers())
    qtbot.wait(10)


def _counting(action: QAction) -> list[int]:
    """Stand-ins for the action's command (a dialog would wait for a click), so only
    whether the key reached it is measured."""
    hits: list[int] = []
    try:
        action.triggered.disconnect()
    except (RuntimeError, TypeError):
        pass
    action.triggered.connect(lambda *_: hits.append(1))
    return hits


def test_no_two_commands_share_a_shortcut(opened) -> None:
    seen: dict[str, str] = {}
    for action in _menu_actions(opened):
        for sequence in action.shortcuts():
            key = sequence.toString()
            assert key not in seen, f"{key}: {seen.get(key)} and {action.text()}"
            seen[key] = action.text()


# Cut, copy, paste, select all, undo and redo are the editor's own keys: it takes them
# before the window's actions would, so they are checked by what they do to the text.
_EDITOR_KEYS = {"Undo", "Redo", "Cut", "Copy", "Paste", "Select All"}


def _name(action: QAction) -> str:
    return action.text().replace("&", "").rstrip("…")


def test_every_menu_shortcut_does_its_command_from_the_editor(opened, qtbot) -> None:
    window = opened
    missed = []
    for action in _menu_actions(window):
        if action.shortcut().isEmpty() or not action.isEnabled() or _name(action) in _EDITOR_KEYS:
            continue
        for sequence in action.shortcuts():
            hits = _counting(action)
            window.editor.setFocus()
            _press(window, qtbot, sequence)
            if not hits:
                missed.append(f"{action.text()} ({sequence.toString()})")
    assert not missed


def test_the_editing_keys_of_the_edit_menu_work_in_the_editor(opened, qtbot) -> None:
    window = opened
    editor = window.editor
    keys = {_name(a): a.shortcut() for a in _menu_actions(window) if _name(a) in _EDITOR_KEYS}
    assert set(keys) == _EDITOR_KEYS
    editor.setFocus()
    QTest.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, " Zebra")
    with_word = editor.text()
    _press(window, qtbot, keys["Undo"])
    assert "Zebra" not in editor.text()
    _press(window, qtbot, keys["Redo"])
    assert editor.text() == with_word
    _press(window, qtbot, keys["Select All"])
    assert editor.textCursor().selectedText().replace("\u2029", "\n") == with_word.rstrip("\n") \
        or len(editor.textCursor().selectedText()) >= len(with_word) - 1
    for _ in range(5):
        QTest.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(editor, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    _press(window, qtbot, keys["Copy"])
    assert QApplication.clipboard().text() == "Zebra"
    _press(window, qtbot, keys["Cut"])
    assert "Zebra" not in editor.text()
    _press(window, qtbot, keys["Paste"])
    _press(window, qtbot, keys["Paste"])
    assert "ZebraZebra" in editor.text()


def _outside_code(markdown: str) -> str:
    return "\n".join(part for i, part in enumerate(markdown.split("```")) if i % 2 == 0)


def test_the_shortcuts_the_readme_names_are_the_menus(opened) -> None:
    readme = _outside_code(README.read_text(encoding="utf-8"))
    named = set(re.findall(r"(?<![\w+])((?:(?:Ctrl|Shift|Alt)\+)+(?:F\d+|Return|[A-Z,])|F\d+)(?![\w+])",
                           readme))
    assert {"Ctrl+H", "Ctrl+F", "F7", "F11"} <= named  # the README does name them
    bound = {s.toString() for action in _menu_actions(opened) for s in action.shortcuts()}
    assert named <= bound, named - bound
