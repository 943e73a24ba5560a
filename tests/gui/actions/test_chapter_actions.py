"""A story from a blank page in the window: New story, New Chapter, and the outline's
chapter commands, driven with the keys and clicks a writer uses."""

from __future__ import annotations

from pathlib import Path

import tomlkit
from PySide6.QtCore import Qt

from ficwriter.core.project import create_project
from ficwriter.gui.dialogs.new_project import NewProjectDialog
from tests.gui.actions.chapter_support import (
    CTRL,
    answer_yes,
    chapter_item,
    choose,
    later,
    names,
    type_into_input,
)
from tests.faults import fill, tmpfs


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

    later(qtbot, fill)
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
    later(qtbot, type_into_input(qtbot, "The Ford"))
    qtbot.keyClick(window.editor, Qt.Key.Key_N, CTRL)
    assert names(story) == ["01-dawn.md", "02-the-ford.md", "03-cave.md", "04-home.md"]
    assert window.session.path == story / "chapters" / "02-the-ford.md"
    assert window.outline.chapter_paths()[1] == story / "chapters" / "02-the-ford.md"
    qtbot.keyClicks(window.editor, "Water.")
    assert window.editor.text() == '<!-- chapter: title="The Ford" -->\n\nWater.'


def test_rename_from_the_outline_renames_the_open_chapter_and_keeps_editing(
    window, story: Path, qtbot
) -> None:
    later(qtbot, type_into_input(qtbot, "First Light"))
    choose(qtbot, window.outline.menu_for(chapter_item(window, 1)), "Rename…")
    path = story / "chapters" / "01-first-light.md"
    assert names(story)[0] == "01-first-light.md"
    assert window.session.path == path
    assert window.editor.text().startswith('<!-- chapter: title="First Light" -->')
    assert window.windowTitle() == "First Light[*] — Night — ficwriter"  # title line, story title
    assert chapter_item(window, 1).text(0) == "1. First Light"
    revisions = window.workspace.store.revisions("chapters/01-first-light.md")
    assert len(revisions) == 2  # as it was opened, and renamed: one history


def test_move_down_and_up_reorder_the_files(window, story: Path, qtbot) -> None:
    choose(qtbot, window.outline.menu_for(chapter_item(window, 1)), "Move down")
    assert names(story) == ["01-cave.md", "02-dawn.md", "03-home.md"]
    assert window.session.path == story / "chapters" / "02-dawn.md"
    assert [p.name for p in window.outline.chapter_paths()] == names(story)
    choose(qtbot, window.outline.menu_for(chapter_item(window, 3)), "Move up")
    assert names(story) == ["01-cave.md", "02-home.md", "03-dawn.md"]
    assert not window.outline.menu_for(chapter_item(window, 1)).actions()[1].isEnabled()


def test_split_at_a_scene_and_merge_with_next_keep_every_word(window, story: Path, qtbot) -> None:
    qtbot.waitUntil(lambda: chapter_item(window, 1).childCount() == 2)
    scene = chapter_item(window, 1).child(1)
    choose(qtbot, window.outline.menu_for(scene), "Split chapter at this scene")
    assert names(story) == ["01-dawn.md", "02-they-rode-out.md", "03-cave.md", "04-home.md"]
    assert window.editor.text() == "Dawn came.\n"
    assert not window.session.dirty
    choose(qtbot, window.outline.menu_for(chapter_item(window, 1)), "Merge with next")
    assert names(story) == ["01-dawn.md", "02-cave.md", "03-home.md"]
    assert window.editor.text() == "Dawn came.\n\n* * *\n\nThey rode out.\n"


def test_delete_goes_to_the_trash_and_deleted_chapters_brings_it_back(
    window, story: Path, qtbot
) -> None:
    qtbot.keyClicks(window.editor, "Grey. ")
    qtbot.keyClick(window.editor, Qt.Key.Key_S, CTRL)
    store = window.workspace.store
    kept = [(r.id, store.text(r.id)) for r in store.revisions("chapters/01-dawn.md")]
    assert len(kept) == 2  # as opened, and as saved
    later(qtbot, answer_yes)
    choose(qtbot, window.outline.menu_for(chapter_item(window, 1)), "Delete…")
    assert names(story) == ["01-cave.md", "02-home.md"]
    assert window.session.path == story / "chapters" / "01-cave.md"  # the next one opens
    assert window.outline.tree.topLevelItemCount() == 2

    def restore(dialog) -> None:
        assert dialog.list.count() == 1 and "Dawn" in dialog.list.item(0).text()
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    later(qtbot, restore)
    window.menus.act_deleted.trigger()
    assert names(story) == ["01-dawn.md", "02-cave.md", "03-home.md"]
    assert window.session.path == story / "chapters" / "01-dawn.md"
    assert window.editor.text() == "Grey. Dawn came.\n\n* * *\n\nThey rode out.\n"
    assert window.workspace.store.deleted() == []
    # the whole history came back with it: every earlier revision, then delete and restore
    back = store.revisions("chapters/01-dawn.md")
    assert [(r.id, store.text(r.id)) for r in back[-len(kept):]] == kept
    assert [r.source for r in back[: len(back) - len(kept)]] == [
        "Chapters: Restore Chapter", "Chapters: Delete Chapter"]
    window.history.toggleViewAction().trigger()  # View → History lists them all
    qtbot.waitUntil(lambda: window.history.list.topLevelItemCount() == len(back))


def test_unsaved_edits_are_saved_before_a_chapter_moves(window, story: Path, qtbot) -> None:
    qtbot.keyClicks(window.editor, "Cold. ")
    choose(qtbot, window.outline.menu_for(chapter_item(window, 2)), "Move up")
    moved = story / "chapters" / "02-dawn.md"
    assert moved.read_text(encoding="utf-8").startswith("Cold. Dawn came.")
    assert window.session.path == moved and not window.session.dirty


def test_the_file_menu_offers_new_project_new_chapter_and_deleted_chapters(window) -> None:
    texts = [a.text() for a in window.menus.menu_file.actions()]
    assert texts[:2] == ["&New Project…", "New &Chapter"] and "&Deleted Chapters…" in texts
    assert window.menus.act_new_project.shortcut().toString() == "Ctrl+Shift+N"
    assert window.menus.act_new_chapter.shortcut().toString() == "Ctrl+N"


def test_a_new_chapter_on_a_full_disk_is_made_and_opened_and_the_bar_says_history_missed_it(
    window, tmp_path: Path, qtbot, monkeypatch
) -> None:
    complaints: list[str] = []
    monkeypatch.setattr(window, "complain", complaints.append)
    with tmpfs(tmp_path / "disk", size="4m") as disk:
        root = create_project(disk / "Night", "Night").root
        (root / "chapters" / "01-dawn.md").write_text("Dawn came.\n", encoding="utf-8")
        assert window.open_path(root)
        qtbot.waitUntil(lambda: window.outline.tree.topLevelItemCount() == 1)
        fill(disk, leave=16384)  # room for the new chapter's file, not for history's pages
        later(qtbot, type_into_input(qtbot, "The Ford"))
        qtbot.keyClick(window.editor, Qt.Key.Key_N, CTRL)
        assert names(root) == ["01-dawn.md", "02-the-ford.md"]
        assert window.session.path == root / "chapters" / "02-the-ford.md"
        qtbot.waitUntil(lambda: window.history_trouble.showing)
        assert complaints == []
        (disk / "filler").unlink()
        window.close_project()
