"""Edit → Undo / Redo and Ctrl+Z: the text's own undo, or the chapter commands'.

The window has two undo stacks: the editor's (typing, formatting, paste, Replace All in
the open chapter) and the project's (``ChapterActions.stack``: new, rename, move, split,
merge, delete, restore of chapters). Which one Undo takes is decided as a writer expects:

- the focus in the outline: the chapter commands, always;
- elsewhere (the text, most of the time): the chapter command if it is the last thing the
  writer did (right after Ctrl+N, a split, a delete…), else the text. Typing makes the
  text the last thing again; its undo then goes back as far as the last chapter command
  that rewrote this chapter (``ChapterActions`` starts the text's undo afresh there), and
  no further: undoing typing never moves chapters.

The Edit menu says which: "Undo Split Chapter" for a chapter command, "Undo Typing" for
the text; Ctrl+Z in the editor comes here too (``ChapterEditor`` lets the window's
shortcut have it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QUndoStack

    from ficwriter.gui.editor.editor import ChapterEditor


class ChapterUndo(Protocol):
    """The chapter commands as Undo uses them (``ChapterActions`` is one)."""

    stack: QUndoStack

    def undo(self) -> None: ...
    def redo(self) -> None: ...


class EditUndo(QObject):
    """The undo and redo of one window: which stack, and what the menu says (a child of
    the editor, so that no signal reaches it once the window is gone)."""

    def __init__(self, editor: ChapterEditor, outline: QWidget, chapters: ChapterUndo) -> None:
        super().__init__(editor)
        self.editor = editor
        self.outline = outline
        self.chapters = chapters
        self.chapters_last = False  # the last thing done was a chapter command (or its undo)
        self._undo: QAction | None = None
        self._redo: QAction | None = None
        document = editor.document()
        document.undoCommandAdded.connect(self._typed)
        document.undoAvailable.connect(self.refresh)
        document.redoAvailable.connect(self.refresh)
        stack = chapters.stack
        stack.indexChanged.connect(self._chapter_command)
        stack.cleanChanged.connect(self.refresh)
        QApplication.instance().focusChanged.connect(self.refresh)

    def bind(self, undo: QAction, redo: QAction) -> None:
        """The Edit menu's actions, named and enabled as the stack they would take stands."""
        self._undo, self._redo = undo, redo
        self.refresh()

    def in_outline(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and (focus is self.outline or self.outline.isAncestorOf(focus))

    def takes_chapters(self) -> bool:
        """Whether Undo and Redo act on the chapter commands now (else on the text)."""
        return self.in_outline() or (self.chapters_last and (
            self.chapters.stack.canUndo() or self.chapters.stack.canRedo()))

    def undo(self) -> None:
        if self.takes_chapters():
            self.chapters.undo()
        else:
            self.editor.undo()

    def redo(self) -> None:
        if self.takes_chapters():
            self.chapters.redo()
        else:
            self.editor.redo()

    def refresh(self, *_args: object) -> None:
        if self._undo is None or self._redo is None:
            return
        stack, document = self.chapters.stack, self.editor.document()
        if self.takes_chapters():
            undo = (stack.canUndo(), f"&Undo {stack.undoText()}" if stack.canUndo() else "&Undo")
            redo = (stack.canRedo(), f"&Redo {stack.redoText()}" if stack.canRedo() else "&Redo")
        else:
            editable = not self.editor.isReadOnly()
            can_undo = editable and document.isUndoAvailable()
            can_redo = editable and document.isRedoAvailable()
            undo = (can_undo, "&Undo Typing" if can_undo else "&Undo")
            redo = (can_redo, "&Redo Typing" if can_redo else "&Redo")
        for action, (enabled, text) in ((self._undo, undo), (self._redo, redo)):
            action.setEnabled(enabled)
            action.setText(text)

    def _typed(self) -> None:
        self.chapters_last = False
        self.refresh()

    def _chapter_command(self, _index: int) -> None:
        self.chapters_last = True
        self.refresh()
