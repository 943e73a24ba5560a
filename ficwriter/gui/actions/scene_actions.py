"""Scenes from the window's side: going to one, and the outline's edits applied to the editor.

``scene_edits`` computes an edit from the chapter model; here it goes through the editor as
one undo step, the chapter is parsed again at once (so the outline follows), and the cursor
follows a moved scene. Go to Scene (Ctrl+G) and the outline's scene rows jump the same way,
opening the scene's chapter first when it is another one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QInputDialog

from ficwriter.gui.panels.scene_edits import (
    Replacement,
    move_scene,
    scene_break_at,
    scene_start,
    set_scene_field,
)

if TYPE_CHECKING:
    from ficwriter.gui.editor.editor import ChapterEditor
    from ficwriter.gui.editor.session import ChapterSession
    from ficwriter.gui.panels.outline import OutlineDock


class SceneWindow(Protocol):
    """The window as the scene commands use it: the collaborators asked for, never the window
    class itself (``MainWindow`` is one; it is also the dialogs' parent)."""

    session: ChapterSession | None
    project_root: Path | None
    editor: ChapterEditor
    outline: OutlineDock

    def open_chapter(self, path: Path, root: Path | None = None) -> bool: ...


class SceneActions:
    def __init__(self, window: SceneWindow) -> None:
        self.window = window

    # -- navigation -------------------------------------------------------------------------
    def go_to_scene(self) -> None:
        """Ask which scene of the open chapter, then go there."""
        window = self.window
        if window.session is None:
            return
        labels = [row.title for row in window.outline.rows(window.session.path)]
        if not labels:
            return
        choice, ok = QInputDialog.getItem(window, "Go to scene", "Scene:", labels, 0, False)
        if ok:
            self.go_to_scene_of(window.session.path, labels.index(choice))

    def go_to_scene_of(self, path: Path, index: int) -> None:
        window = self.window
        if window.session is None or path != window.session.path:
            if not window.open_chapter(path, window.project_root):
                return
        assert window.session is not None
        scenes = window.session.current_chapter().scenes
        if 0 <= index < len(scenes):
            window.editor.go_to(window.editor.positions().to_qt(scenes[index].span.start))

    # -- edits (each one undo step) ---------------------------------------------------------
    def _apply(self, replacement: Replacement | None) -> None:
        if replacement is None:
            return
        editor = self.window.editor
        positions = editor.positions()
        editor.replace_range(
            positions.to_qt(replacement.start), positions.to_qt(replacement.end), replacement.text
        )
        assert self.window.session is not None
        self.window.session.reparse()

    def move_scene(self, source: int, target: int) -> None:
        session = self.window.session
        if session is None:
            return
        replacement = move_scene(session.current_chapter(), source, target)
        self._apply(replacement)
        if replacement is not None:
            moved = session.chapter.scenes[target]
            self.window.editor.go_to(self.window.editor.positions().to_qt(scene_start(moved)))

    def set_scene_field(self, index: int, key: str, value: str) -> None:
        """Set one metadata field (``pov``, ``status``…) of scene ``index``."""
        if self.window.session is None:
            return
        chapter = self.window.session.current_chapter()
        if 0 <= index < len(chapter.scenes):
            self._apply(set_scene_field(chapter, index, key, value))

    def add_scene_break(self) -> None:
        """A scene break where the cursor is."""
        window = self.window
        if window.session is None:
            return
        chapter = window.session.current_chapter()
        offset = window.editor.positions().from_qt(window.editor.textCursor().position())
        self._apply(scene_break_at(chapter.text, offset))
