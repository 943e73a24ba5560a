"""The scene outline: rows from the chapter, click to jump, drag to reorder, metadata edits."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent

from ficwriter.core.project import create_project
from ficwriter.gui.panels.outline import DETAIL_ROLE


def _scene_items(window, qtbot, count: int | None = None):
    """The open chapter's scene rows, once the outline has caught up with the text."""
    item = window.outline._chapters[window.session.path]
    rows_now = lambda: [item.child(i).text(0) for i in range(item.childCount())]  # noqa: E731
    wanted = count if count is not None else len(window.session.current_chapter().scenes)
    qtbot.waitUntil(lambda: len(rows_now()) == wanted, timeout=5000)
    return [item.child(i) for i in range(item.childCount())]


def test_outline_lists_scenes_and_click_jumps(window, chapter_file: Path, qtbot) -> None:
    window.open_path(chapter_file)
    items = _scene_items(window, qtbot)
    assert [i.text(0) for i in items] == ["1. Gate", "2. Morning came, and nobody spoke."]
    assert window.outline.rows(window.session.path)[0].pov == "Wren"
    rect = window.outline.tree.visualItemRect(items[1])
    qtbot.mouseClick(window.outline.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    cursor = window.editor.textCursor()
    assert cursor.block().text() == "Morning came, and **nobody** spoke."


def test_drag_reorder_moves_the_text_and_undoes_in_one_step(window, chapter_file: Path, qtbot) -> None:
    window.open_path(chapter_file)
    before = window.editor.text()
    tree = window.outline.tree
    first, second = _scene_items(window, qtbot)
    tree.setCurrentItem(second)
    target = tree.visualItemRect(first).center()
    drop = QDropEvent(
        QPointF(target),
        Qt.DropAction.MoveAction,
        tree.mimeData([second]),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    tree.dropEvent(drop)
    after = window.editor.text()
    assert after.index("Morning came") < after.index("Wren walked")
    assert after.index("* * *") < after.index("Wren walked")
    assert after.startswith("::: note\nThanks for reading!\n:::")
    qtbot.waitUntil(lambda: _scene_items(window, qtbot)[0].text(0).startswith("1. Morning came"),
                    timeout=5000)
    window.editor.undo()
    assert window.editor.text() == before


def test_set_pov_and_status_edit_the_metadata_comment(window, chapter_file: Path, qtbot) -> None:
    window.open_path(chapter_file)
    window.scene_actions.set_scene_field(1, "pov", "Kestrel")
    window.scene_actions.set_scene_field(0, "status", "revised")
    text = window.editor.text()

    def caught_up() -> bool:
        rows = window.outline.rows(window.session.path)
        return len(rows) == 2 and rows[0].status == "revised" and rows[1].pov == "Kestrel"

    qtbot.waitUntil(caught_up, timeout=5000)
    assert '<!-- scene: title=Gate; pov=Wren; status=revised -->' in text
    assert "<!-- scene: pov=Kestrel -->\nMorning came" in text
    rows = window.outline.rows(window.session.path)
    assert rows[0].status == "revised" and rows[1].pov == "Kestrel"


def test_scene_break_at_cursor_splits_the_scene(window, chapter_file: Path, qtbot) -> None:
    window.open_path(chapter_file)
    editor = window.editor
    text = editor.text()
    cursor = editor.textCursor()
    cursor.setPosition(text.index("The gate was shut."))
    editor.setTextCursor(cursor)
    window.scene_actions.add_scene_break()
    assert "to the gate.\n\n* * *\n\nThe gate was shut." in editor.text()
    assert len(_scene_items(window, qtbot, 3)) == 3


def _summary(window, name: str) -> str:
    """The muted line under a chapter's title in the outline."""
    path = window.project_root / "chapters" / name
    return window.outline._chapters[path].data(0, DETAIL_ROLE) or ""


def test_other_chapters_show_issue_counts_once_the_project_scope_checked_them(
    window, sample_project: Path, qtbot
) -> None:
    first, second = "01-the-long-walk.md", "02-over-the-ridge.md"  # the second is clean
    assert window.open_path(sample_project / "chapters" / second)
    qtbot.waitUntil(lambda: "no issues" in _summary(window, second), timeout=15000)  # checked
    assert "issue" not in _summary(window, first)  # not checked: no count, not "0 issues"
    window.issues.set_scope("project")
    qtbot.waitUntil(lambda: " issues" in _summary(window, first), timeout=20000)
    found = window.issues.project.by_chapter()[(sample_project / "chapters" / first).resolve()]
    in_scenes = [row for row in found if row.issue.scene is not None]
    assert f"{len(in_scenes)} issues" in _summary(window, first)
    rows = window.outline.rows(window.project_root / "chapters" / first)
    assert sum(row.issues for row in rows) == len(in_scenes)  # per scene too
    window.issues.set_scope("chapter")  # no longer checked: the counts go, none is made up
    qtbot.waitUntil(lambda: "issue" not in _summary(window, first), timeout=5000)
    assert "no issues" in _summary(window, second)


def test_dropping_a_chapter_on_another_reports_its_new_place(window, tmp_path, qtbot) -> None:
    root = create_project(tmp_path / "Drag", "Drag").root
    for name in ("01-a.md", "02-b.md", "03-c.md"):
        (root / "chapters" / name).write_text(f"{name}.\n", encoding="utf-8")
    window.open_path(root)
    tree = window.outline.tree
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 3)
    tree.setCurrentItem(tree.topLevelItem(0))
    target = tree.visualItemRect(tree.topLevelItem(2)).center()
    drop = QDropEvent(QPointF(target), Qt.DropAction.MoveAction, QMimeData(),
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    tree.dropEvent(drop)
    assert [p.name for p in window.outline.chapter_paths()] == ["01-b.md", "02-c.md", "03-a.md"]
    assert sorted(p.name for p in (root / "chapters").iterdir()) == ["01-b.md", "02-c.md", "03-a.md"]
