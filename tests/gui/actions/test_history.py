"""History in the window: revisions, diff, restore, snapshots, following the disk, recovery."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextCursor

from ficwriter.history.sync import follow_file


def _append(window, qtbot, words: str) -> None:
    cursor = window.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)
    qtbot.keyClicks(window.editor, words)


def _chapter(window) -> Path:
    return window.session.path


def test_saves_are_revisions_and_the_diff_is_coloured(opened, qtbot) -> None:
    window = opened
    history = window.history
    history.show()  # View → History
    qtbot.waitUntil(lambda: history.list.topLevelItemCount() >= 1, timeout=5000)
    before = history.list.topLevelItemCount()
    _append(window, qtbot, "A brand new closing line.")
    assert window.save()
    assert history.list.topLevelItemCount() == before + 1
    newest = history.list.topLevelItem(0)
    assert newest.text(1) == "Saved" and newest.text(3).startswith("+5")
    history.select(int(history.list.topLevelItem(1).data(0, 0x0100)))
    history.set_current_text(window.editor.text())
    qtbot.waitUntil(lambda: "brand new closing line" in history.diff_view.toPlainText(), timeout=3000)
    assert window.theme.inserted.lstrip("#") in history.diff_view.toHtml().lower()


def test_the_history_panel_follows_a_chapter_command_and_its_new_file_name(opened, qtbot) -> None:
    window = opened
    history = window.history
    history.show()
    qtbot.waitUntil(lambda: history.list.topLevelItemCount() >= 1, timeout=5000)
    before = history.list.topLevelItemCount()
    window.chapter_actions.move_chapter_by(_chapter(window), 1)  # Move down: 01- becomes 02-
    assert _chapter(window).name.startswith("02-")
    qtbot.waitUntil(lambda: history.list.topLevelItemCount() == before + 1, timeout=5000)
    newest = history.list.topLevelItem(0)
    assert newest.text(1) == "Chapters: Move Chapter"
    assert newest.toolTip(1) == "Chapters: Move Chapter"  # elided in a narrow panel


def test_restore_puts_the_old_text_back_and_is_itself_a_revision(opened, qtbot) -> None:
    window = opened
    original = window.editor.text()
    _append(window, qtbot, "Words to regret.")
    window.save()
    store, rel = window.workspace.store, window.workspace.relative(_chapter(window))
    first = store.revisions(rel)[-1]
    window.history_actions.restore_revision(first.id, confirm=False)
    assert window.editor.text() == original
    assert _chapter(window).read_text(encoding="utf-8") == original
    assert store.revisions(rel)[0].source == "restore"
    assert any("Words to regret." in store.text(r.id) for r in store.revisions(rel))
    window.editor.undo()  # the restore is one edit in the editor as well
    assert window.editor.text().endswith("Words to regret.")


def test_snapshot_name_shows_in_the_list(opened, qtbot) -> None:
    window = opened
    window.history.show()
    window.history_actions.create_snapshot("First draft")
    names = [window.history.list.topLevelItem(i).text(4)
             for i in range(window.history.list.topLevelItemCount())]
    assert "First draft" in names


def test_external_write_while_clean_reloads_in_place(opened, qtbot) -> None:
    window = opened
    editor = window.editor
    cursor = editor.textCursor()
    cursor.setPosition(500)
    editor.setTextCursor(cursor)
    path = _chapter(window)
    changed = path.read_text(encoding="utf-8").replace("The road out of the valley",
                                                        "The old road out of the valley")
    path.write_text(changed, encoding="utf-8")
    qtbot.waitUntil(lambda: "The old road out of the valley" in editor.text(), timeout=10000)
    assert not window.session.dirty
    assert editor.textCursor().position() == 500
    assert not window.bar.isVisible()


def test_external_write_while_dirty_offers_a_choice_and_keeps_both(opened, qtbot) -> None:
    window = opened
    path = _chapter(window)
    _append(window, qtbot, "My unsaved line.")
    theirs = path.read_text(encoding="utf-8") + "Their line from another editor.\n"
    path.write_text(theirs, encoding="utf-8")
    qtbot.waitUntil(lambda: window.bar.isVisible(), timeout=10000)
    assert set(window.bar.buttons) == {"Keep mine", "Take theirs", "Compare"}
    store, rel = window.workspace.store, window.workspace.relative(path)
    texts = [store.text(r.id) for r in store.revisions(rel)]
    assert any(t.endswith("My unsaved line.") for t in texts)
    assert theirs in texts
    window.bar.buttons["Compare"].click()
    view = window.history.diff_view  # theirs (old side) against mine
    qtbot.waitUntil(lambda: "Their" in view.toPlainText() and "My unsaved" in view.toPlainText(),
                    timeout=3000)
    window.bar.buttons["Take theirs"].click()
    assert window.editor.text() == theirs
    assert not window.bar.isVisible()


def _conflict(window, qtbot, mine: str, theirs: str) -> tuple[str, str]:
    """Unsaved ``mine`` typed, ``theirs`` written by another program: both whole texts."""
    path = _chapter(window)
    _append(window, qtbot, mine)
    theirs_text = path.read_text(encoding="utf-8") + theirs
    path.write_text(theirs_text, encoding="utf-8")
    qtbot.waitUntil(lambda: window.bar.isVisible(), timeout=10000)
    return window.editor.text(), theirs_text


def _since_open(window) -> list[tuple[str, str]]:
    """(source, text) of the revisions after the one the chapter opened with, newest first."""
    store, rel = window.workspace.store, window.workspace.relative(_chapter(window))
    return [(r.source, store.text(r.id)) for r in store.revisions(rel)[:-1]]


def test_keep_mine_writes_mine_to_the_file_and_history_has_each_version_once(opened, qtbot) -> None:
    window = opened
    path = _chapter(window)
    mine, theirs = _conflict(window, qtbot, "Mine wins.", "Theirs.\n")
    window.bar.buttons["Keep mine"].click()
    assert path.read_text(encoding="utf-8") == mine
    assert not window.session.dirty
    assert _since_open(window) == [("conflict", mine), ("external", theirs)]
    store, rel = window.workspace.store, window.workspace.relative(path)
    assert follow_file(store, rel) is None  # the watcher finds the file as history has it
    window.history.show()
    qtbot.waitUntil(lambda: window.history.list.topLevelItemCount() >= 3, timeout=5000)
    sources = [window.history.list.topLevelItem(i).text(1) for i in range(2)]
    assert sources == ["Mine (conflict)", "On disk"]


def test_take_theirs_keeps_mine_in_history_and_the_file_untouched(opened, qtbot) -> None:
    window = opened
    path = _chapter(window)
    mine, theirs = _conflict(window, qtbot, "Mine loses.", "Theirs wins.\n")
    window.bar.buttons["Take theirs"].click()
    assert window.editor.text() == theirs == path.read_text(encoding="utf-8")
    assert _since_open(window) == [("restore", theirs), ("conflict", mine), ("external", theirs)]
    assert follow_file(window.workspace.store, window.workspace.relative(path)) is None


def test_a_save_before_the_watcher_says_the_file_changed_asks_instead_of_overwriting(
        opened, qtbot) -> None:
    """Another program wrote the chapter and the watcher has not told the window yet (it
    waits for writes to settle; on a full disk history cannot take the change in): Ctrl+S
    must not write over the other program's text without asking."""
    from PySide6.QtCore import Qt

    window = opened
    path = _chapter(window)
    window.workspace.externalChange.disconnect(window.disk.on_change)  # no word from it
    _append(window, qtbot, "My unsaved line.")
    theirs = path.read_text(encoding="utf-8") + "Their line from another editor.\n"
    path.write_text(theirs, encoding="utf-8")
    qtbot.keyClick(window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert path.read_text(encoding="utf-8") == theirs  # not overwritten
    assert window.bar.isVisible() and "Keep mine" in window.bar.buttons
    assert window.session.dirty
    store, rel = window.workspace.store, window.workspace.relative(path)
    assert theirs in [store.text(r.id) for r in store.revisions(rel)]
    mine = window.editor.text()
    window.bar.buttons["Keep mine"].click()
    assert path.read_text(encoding="utf-8") == mine and not window.session.dirty


def test_a_same_length_change_by_another_program_is_not_overwritten_either(opened, qtbot) -> None:
    """The save tells a changed file by its size and time before reading it: a word swapped
    for one as long still counts."""
    from PySide6.QtCore import Qt

    window = opened
    path = _chapter(window)
    window.workspace.externalChange.disconnect(window.disk.on_change)
    _append(window, qtbot, "My unsaved line.")
    before = path.read_text(encoding="utf-8")
    theirs = before.replace("Wren", "Lena", 1)
    assert len(theirs) == len(before) and theirs != before
    path.write_text(theirs, encoding="utf-8")
    qtbot.keyClick(window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert path.read_text(encoding="utf-8") == theirs
    assert window.bar.isVisible() and "Take theirs" in window.bar.buttons


def test_recovery_journal_is_offered_after_a_crash(opened, sample_project: Path, qtbot, app_settings) -> None:
    from ficwriter.gui.main_window import MainWindow

    window = opened
    _append(window, qtbot, "Typed just before the crash.")
    window.disk.write_journal()
    window.disk.flush_journal()
    unsaved = window.editor.text()
    # a crash: nothing saved, nothing cleaned up, the journal is all there is
    window.editor.document().blockSignals(True)
    window.session.mark_saved()
    window.editor.document().blockSignals(False)
    window.close()
    again = MainWindow(app_settings)
    qtbot.addWidget(again)
    again.show()
    again.open_path(sample_project)
    assert again.bar.isVisible() and "Recover it" in again.bar.buttons
    again.bar.buttons["Recover it"].click()
    assert again.editor.text() == unsaved
    assert again.session.dirty
    again.session.mark_saved()
    again.close()


def test_a_project_open_in_another_ficwriter_opens_read_only(window, sample_project: Path, qtbot) -> None:
    from ficwriter.history.lock import ProjectLock

    other = ProjectLock.acquire(sample_project)  # as if another window held the project
    try:
        assert window.open_path(sample_project)
        assert window.bar.isVisible() and "Open in another ficwriter window: read-only" in window.bar.label.text()
        assert window.editor.isReadOnly() and window.workspace.read_only
        chapter = window.session.path
        chapter.write_text(chapter.read_text(encoding="utf-8") + "Saved by the other window.\n",
                           encoding="utf-8")
        qtbot.waitUntil(lambda: "Saved by the other window." in window.editor.text(), timeout=10000)
    finally:
        other.release()
