"""A story from a blank page in the window: New story, New Chapter, and the outline's
chapter commands, driven with the keys and clicks a writer uses."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomlkit
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMenu, QMessageBox

from ficwriter.core.project import create_project, open_project
from ficwriter.gui.dialogs.new_project import NewProjectDialog

CTRL = Qt.KeyboardModifier.ControlModifier


def _later(qtbot, act) -> None:
    """Run ``act(dialog)`` on the modal dialog about to open (it blocks the caller)."""
    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, run)
            return
        act(dialog)
    QTimer.singleShot(0, run)


def _type_into_input(qtbot, text: str):
    def act(dialog) -> None:
        assert isinstance(dialog, QInputDialog)
        edit = dialog.findChild(QLineEdit)
        edit.selectAll()
        qtbot.keyClicks(edit, text)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    return act


def _answer_yes(dialog) -> None:
    assert isinstance(dialog, QMessageBox)
    dialog.button(QMessageBox.StandardButton.Yes).click()


def _choose(qtbot, menu: QMenu, text: str) -> None:
    """Pick ``text`` in the menu as with the arrow keys and Enter."""
    menu.popup(QPoint(10, 10))
    qtbot.waitUntil(menu.isVisible)
    action = next(a for a in menu.actions() if a.text() == text)
    assert action.isEnabled(), f"{text} is disabled"
    menu.setActiveAction(action)
    qtbot.keyClick(menu, Qt.Key.Key_Return)


def _chapter_item(window, number: int):
    return window.outline.tree.topLevelItem(number - 1)


def _names(root: Path) -> list[str]:
    return [p.name for p in open_project(root).chapters()]


@pytest.fixture
def story(window, tmp_path: Path, qtbot):
    """A project of three chapters, the first open."""
    root = create_project(tmp_path / "Night", "Night").root
    texts = ["Dawn came.\n\n* * *\n\nThey rode out.\n", "The cave was dark.\n", "Home.\n"]
    for number, (name, text) in enumerate(zip(("dawn", "cave", "home"), texts), 1):
        (root / "chapters" / f"{number:02d}-{name}.md").write_text(text, encoding="utf-8")
    assert window.open_path(root)
    qtbot.waitUntil(lambda: window.outline.tree.topLevelItemCount() == 3)
    return root


def test_a_new_story_from_the_start_page_opens_its_first_chapter_to_type_in(
    window, tmp_path: Path, qtbot
) -> None:
    window.opening.sample_folder = tmp_path / "Documents" / "ficwriter"

    def fill(dialog) -> None:
        assert isinstance(dialog, NewProjectDialog)
        qtbot.keyClicks(dialog.title_edit, "The Long Night")
        qtbot.keyClicks(dialog.author_edit, "Ana")
        qtbot.keyClicks(dialog.fandom_edit, "The 100")
        dialog.language.setCurrentIndex(dialog.language.findData("en-GB"))
        assert dialog.folder_edit.text() == str(window.opening.sample_folder / "The Long Night")
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)

    _later(qtbot, fill)
    qtbot.mouseClick(window.start_page.new_story, Qt.MouseButton.LeftButton)
    root = window.opening.sample_folder / "The Long Night"
    config = tomlkit.parse((root / "ficwriter.toml").read_text(encoding="utf-8"))
    assert (config["title"], config["author"], config["fandom"], config["language"]) == (
        "The Long Night", "Ana", "The 100", "en-GB")
    assert window.session is not None and window.session.path == root / "chapters" / "01-chapter.md"
    assert window.stack.currentWidget() is window.editor_page
    assert window.focusWidget() is window.editor  # the cursor is in the text
    window.activateWindow()  # as the desktop does when the dialog closes
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClicks(window.editor, "It began.")
    assert window.editor.text() == "It began."
    qtbot.keyClick(window.editor, Qt.Key.Key_S, CTRL)
    assert window.session.path.read_text(encoding="utf-8") == "It began."


def test_the_new_story_dialog_refuses_a_folder_that_is_a_story_already(
    window, tmp_path: Path, qtbot
) -> None:
    create_project(tmp_path / "Old", "Old")
    dialog = NewProjectDialog(tmp_path, window)
    qtbot.keyClicks(dialog.title_edit, "Old")
    assert "holds a story already" in dialog.problem.text()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()


def test_ctrl_n_adds_a_chapter_after_the_open_one_and_opens_it(window, story: Path, qtbot) -> None:
    _later(qtbot, _type_into_input(qtbot, "The Ford"))
    qtbot.keyClick(window.editor, Qt.Key.Key_N, CTRL)
    assert _names(story) == ["01-dawn.md", "02-the-ford.md", "03-cave.md", "04-home.md"]
    assert window.session.path == story / "chapters" / "02-the-ford.md"
    assert window.outline.chapter_paths()[1] == story / "chapters" / "02-the-ford.md"
    qtbot.keyClicks(window.editor, "Water.")
    assert window.editor.text() == '<!-- chapter: title="The Ford" -->\n\nWater.'


def test_rename_from_the_outline_renames_the_open_chapter_and_keeps_editing(
    window, story: Path, qtbot
) -> None:
    _later(qtbot, _type_into_input(qtbot, "First Light"))
    _choose(qtbot, window.outline.menu_for(_chapter_item(window, 1)), "Rename…")
    path = story / "chapters" / "01-first-light.md"
    assert _names(story)[0] == "01-first-light.md"
    assert window.session.path == path
    assert window.editor.text().startswith('<!-- chapter: title="First Light" -->')
    assert "First Light" not in window.windowTitle() or path.stem in window.windowTitle()
    revisions = window.workspace.store.revisions("chapters/01-first-light.md")
    assert len(revisions) == 2  # as it was opened, and renamed: one history


def test_move_down_and_up_reorder_the_files(window, story: Path, qtbot) -> None:
    _choose(qtbot, window.outline.menu_for(_chapter_item(window, 1)), "Move down")
    assert _names(story) == ["01-cave.md", "02-dawn.md", "03-home.md"]
    assert window.session.path == story / "chapters" / "02-dawn.md"
    assert [p.name for p in window.outline.chapter_paths()] == _names(story)
    _choose(qtbot, window.outline.menu_for(_chapter_item(window, 3)), "Move up")
    assert _names(story) == ["01-cave.md", "02-home.md", "03-dawn.md"]
    assert not window.outline.menu_for(_chapter_item(window, 1)).actions()[1].isEnabled()


def test_split_at_a_scene_and_merge_with_next_keep_every_word(window, story: Path, qtbot) -> None:
    qtbot.waitUntil(lambda: _chapter_item(window, 1).childCount() == 2)
    scene = _chapter_item(window, 1).child(1)
    _choose(qtbot, window.outline.menu_for(scene), "Split chapter at this scene")
    assert _names(story) == ["01-dawn.md", "02-they-rode-out.md", "03-cave.md", "04-home.md"]
    assert window.editor.text() == "Dawn came.\n"
    assert not window.session.dirty
    _choose(qtbot, window.outline.menu_for(_chapter_item(window, 1)), "Merge with next")
    assert _names(story) == ["01-dawn.md", "02-cave.md", "03-home.md"]
    assert window.editor.text() == "Dawn came.\n\n* * *\n\nThey rode out.\n"


def test_delete_goes_to_the_trash_and_deleted_chapters_brings_it_back(
    window, story: Path, qtbot
) -> None:
    _later(qtbot, _answer_yes)
    _choose(qtbot, window.outline.menu_for(_chapter_item(window, 1)), "Delete…")
    assert _names(story) == ["01-cave.md", "02-home.md"]
    assert window.session.path == story / "chapters" / "01-cave.md"  # the next one opens
    assert window.outline.tree.topLevelItemCount() == 2

    def restore(dialog) -> None:
        assert dialog.list.count() == 1 and "Dawn" in dialog.list.item(0).text()
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    _later(qtbot, restore)
    window.menus.act_deleted.trigger()
    assert _names(story) == ["01-dawn.md", "02-cave.md", "03-home.md"]
    assert window.session.path == story / "chapters" / "01-dawn.md"
    assert window.editor.text() == "Dawn came.\n\n* * *\n\nThey rode out.\n"
    assert window.workspace.store.deleted() == []


def test_unsaved_edits_are_saved_before_a_chapter_moves(window, story: Path, qtbot) -> None:
    qtbot.keyClicks(window.editor, "Cold. ")
    _choose(qtbot, window.outline.menu_for(_chapter_item(window, 2)), "Move up")
    moved = story / "chapters" / "02-dawn.md"
    assert moved.read_text(encoding="utf-8").startswith("Cold. Dawn came.")
    assert window.session.path == moved and not window.session.dirty


def test_the_file_menu_offers_new_project_new_chapter_and_deleted_chapters(window) -> None:
    texts = [a.text() for a in window.menus.menu_file.actions()]
    assert texts[:2] == ["&New Project…", "New &Chapter"] and "&Deleted Chapters…" in texts
    assert window.menus.act_new_project.shortcut().toString() == "Ctrl+Shift+N"
    assert window.menus.act_new_chapter.shortcut().toString() == "Ctrl+N"
