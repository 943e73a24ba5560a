"""Edit → Undo and Ctrl+Z after a chapter command: one step brings the project back (files,
order, titles, the open chapter), Redo does it again, each a revision in history; in the
text, Undo stays the text's own once the writer types."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from ficwriter.core import chapters
from ficwriter.core.project import open_project
from tests.gui.actions.chapter_support import (
    CTRL,
    answer_yes,
    back_to_window,
    chapter_item,
    choose,
    later,
    names,
    type_into_input,
)

SHIFT_CTRL = CTRL | Qt.KeyboardModifier.ShiftModifier


def _files(root: Path) -> dict[str, str]:
    """Every chapter file and the trash, name -> text: the project as the disk has it."""
    found = {p.name: p.read_text(encoding="utf-8") for p in open_project(root).chapters()}
    trash = root / chapters.TRASH_DIR
    if trash.is_dir():
        found.update({f"trash/{p.name}": p.read_text(encoding="utf-8") for p in trash.iterdir()})
    return found


def _click_outline(window, qtbot, number: int) -> None:
    """Click chapter ``number``'s row in the outline (the focus goes there)."""
    back_to_window(window, qtbot)
    tree = window.outline.tree
    rect = tree.visualItemRect(chapter_item(window, number))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.edit_undo.in_outline())


def _sources(window, rel: str) -> list[str]:
    """Where the chapter's revisions came from, the oldest first."""
    return [r.source for r in reversed(window.workspace.store.revisions(rel))]


def _choose_in_edit_menu(qtbot, window, starts: str) -> None:
    """Open Edit and pick the entry that starts with ``starts``, with the keys."""
    menu = window.menus.menu_edit
    menu.popup(QPoint(10, 10))
    qtbot.waitUntil(menu.isVisible)
    action = next(a for a in menu.actions() if a.text().startswith(starts))
    menu.setActiveAction(action)
    qtbot.keyClick(menu, Qt.Key.Key_Return)


def test_ctrl_z_in_the_outline_undoes_a_rename_and_ctrl_shift_z_redoes_it(
    window, story: Path, qtbot
) -> None:
    before = _files(story)
    later(qtbot, type_into_input(qtbot, "First Light"))
    choose(qtbot, window.outline.menu_for(chapter_item(window, 1)), "Rename…")
    renamed = _files(story)
    assert "01-first-light.md" in renamed
    assert window.menus.act_undo.text() == "&Undo Rename Chapter"
    assert chapter_item(window, 1).text(0) == "1. First Light"

    _click_outline(window, qtbot, 1)
    qtbot.keyClick(window.outline.tree, Qt.Key.Key_Z, CTRL)
    assert _files(story) == before
    assert window.session.path == story / "chapters" / "01-dawn.md"
    assert window.editor.text() == before["01-dawn.md"] and not window.session.dirty
    assert chapter_item(window, 1).text(0) == "1. Dawn"
    assert "Dawn" in window.windowTitle()
    assert window.menus.act_redo.text() == "&Redo Rename Chapter"

    qtbot.keyClick(window.outline.tree, Qt.Key.Key_Z, SHIFT_CTRL)
    assert _files(story) == renamed
    assert window.session.path == story / "chapters" / "01-first-light.md"
    assert window.editor.text().startswith('<!-- chapter: title="First Light" -->')
    # one history followed the file all along, each step a revision named for it
    assert _sources(window, "chapters/01-first-light.md") == [
        "external", "Chapters: Rename Chapter", "Chapters: Undo Rename Chapter",
        "Chapters: Redo Rename Chapter"]


def test_undo_right_after_a_move_works_from_the_text_too(window, story: Path, qtbot) -> None:
    before = _files(story)
    choose(qtbot, window.outline.menu_for(chapter_item(window, 1)), "Move down")
    assert names(story) == ["01-cave.md", "02-dawn.md", "03-home.md"]
    window.editor.setFocus()
    qtbot.waitUntil(window.editor.hasFocus)
    assert window.menus.act_undo.text() == "&Undo Move Chapter"  # the last thing done
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, CTRL)
    assert _files(story) == before
    assert [p.name for p in window.outline.chapter_paths()] == list(before)
    assert window.session.path == story / "chapters" / "01-dawn.md"
    assert window.editor.text() == before["01-dawn.md"]  # no text was undone


def test_undo_split_gives_the_chapter_back_whole_and_redo_splits_it_again(
    window, story: Path, qtbot
) -> None:
    before = _files(story)
    qtbot.waitUntil(lambda: chapter_item(window, 1).childCount() == 2)
    choose(qtbot, window.outline.menu_for(chapter_item(window, 1).child(1)),
           "Split chapter at this scene")
    split = _files(story)
    assert names(story) == ["01-dawn.md", "02-they-rode-out.md", "03-cave.md", "04-home.md"]
    _choose_in_edit_menu(qtbot, window, "&Undo Split Chapter")
    after = _files(story)
    assert {k: v for k, v in after.items() if not k.startswith("trash/")} == before
    assert window.editor.text() == before["01-dawn.md"] and not window.session.dirty
    assert window.outline.tree.topLevelItemCount() == 3
    qtbot.waitUntil(lambda: chapter_item(window, 1).childCount() == 2)
    _choose_in_edit_menu(qtbot, window, "&Redo Split Chapter")
    assert _files(story) == split  # the second half came back from the trash
    assert window.editor.text() == "Dawn came.\n"


def test_undo_merge_puts_both_chapters_back_as_they_were(window, story: Path, qtbot) -> None:
    before = _files(story)
    choose(qtbot, window.outline.menu_for(chapter_item(window, 1)), "Merge with next")
    assert names(story) == ["01-dawn.md", "02-home.md"]
    _click_outline(window, qtbot, 1)
    qtbot.keyClick(window.outline.tree, Qt.Key.Key_Z, CTRL)
    assert _files(story) == before
    assert window.editor.text() == before["01-dawn.md"]
    assert window.workspace.store.deleted() == []  # the cave's history is out of the trash
    assert _sources(window, "chapters/02-cave.md")[-1] == "Chapters: Undo Merge Chapters"


def test_undo_delete_brings_the_chapter_back_with_its_history_and_opens_it(
    window, story: Path, qtbot
) -> None:
    qtbot.keyClicks(window.editor, "Grey. ")
    qtbot.keyClick(window.editor, Qt.Key.Key_S, CTRL)
    before = _files(story)
    later(qtbot, answer_yes)
    choose(qtbot, window.outline.menu_for(chapter_item(window, 1)), "Delete…")
    assert names(story) == ["01-cave.md", "02-home.md"]
    _click_outline(window, qtbot, 1)
    qtbot.keyClick(window.outline.tree, Qt.Key.Key_Z, CTRL)
    assert _files(story) == before
    assert window.session.path == story / "chapters" / "01-dawn.md"
    assert window.editor.text().startswith("Grey. Dawn came.")
    assert _sources(window, "chapters/01-dawn.md") == [
        "external", "save", "Chapters: Delete Chapter", "Chapters: Undo Delete Chapter"]
    assert chapters.list_trash(open_project(story)) == []


def test_ctrl_z_right_after_ctrl_n_takes_the_new_chapter_away(window, story: Path, qtbot) -> None:
    before = _files(story)
    later(qtbot, type_into_input(qtbot, "The Ford"))
    qtbot.keyClick(window.editor, Qt.Key.Key_N, CTRL)
    assert window.session.path.name == "02-the-ford.md"
    back_to_window(window, qtbot)
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, CTRL)
    assert {k: v for k, v in _files(story).items() if not k.startswith("trash/")} == before
    assert window.session.path == story / "chapters" / "01-dawn.md"  # back where it began
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, SHIFT_CTRL)
    assert window.session.path == story / "chapters" / "02-the-ford.md"


def test_once_the_writer_types_ctrl_z_undoes_the_typing_not_the_chapter_command(
    window, story: Path, qtbot
) -> None:
    choose(qtbot, window.outline.menu_for(chapter_item(window, 1)), "Move down")
    moved = _files(story)
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, "Cold")
    assert window.menus.act_undo.text() == "&Undo Typing"
    for _ in range(6):  # more presses than there were keys: still only text
        qtbot.keyClick(window.editor, Qt.Key.Key_Z, CTRL)
    assert window.editor.text() == moved["02-dawn.md"]
    assert names(story) == ["01-cave.md", "02-dawn.md", "03-home.md"]
    assert not window.menus.act_undo.isEnabled()
    _click_outline(window, qtbot, 2)  # in the outline, Undo is the chapter commands'
    assert window.menus.act_undo.text() == "&Undo Move Chapter"


def test_a_chapter_edited_since_is_not_overwritten_by_undo(window, story: Path, qtbot) -> None:
    qtbot.waitUntil(lambda: chapter_item(window, 1).childCount() == 2)
    choose(qtbot, window.outline.menu_for(chapter_item(window, 1).child(1)),
           "Split chapter at this scene")
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(window.editor, "And then?")
    qtbot.keyClick(window.editor, Qt.Key.Key_S, CTRL)
    edited = _files(story)
    said: list[str] = []

    def read_and_close(dialog) -> None:
        assert isinstance(dialog, QMessageBox)
        said.append(dialog.text())
        dialog.accept()

    later(qtbot, read_and_close)
    _click_outline(window, qtbot, 1)
    qtbot.keyClick(window.outline.tree, Qt.Key.Key_Z, CTRL)
    assert said and said[0].startswith("Cannot undo Split Chapter: “Dawn” has been edited")
    assert _files(story) == edited  # nothing moved, nothing overwritten
    assert not window.chapter_actions.stack.canUndo()
