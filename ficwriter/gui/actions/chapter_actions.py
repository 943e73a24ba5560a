"""Stories and chapters from the window: New Project, New Chapter, and the outline's
chapter commands (rename, move, split, merge, delete, restore from the trash), each one
step on the project's undo stack.

The work is ``core.chapters`` run through ``history.chapters.change_chapters`` with the
open project's store, exactly as ``ficwriter chapter …`` does. Here is what the window
adds: unsaved edits are saved first (the operations read the files), and afterwards the
editor, the outline and the window title follow the open chapter wherever it went (a new
name, new text from a split or merge, the trash).

``stack`` is a ``QUndoStack`` of the chapter commands, apart from the text's own undo
(which of the two Edit → Undo takes is ``actions.edit_undo``'s choice). Undoing a command
is ``core.chapter_undo.revert`` of what it did, recorded in history like any operation
("Chapters: Undo Split Chapter"), and the chapter that was open before it opens again;
redo reverts the undo. A command whose files were edited since is not undone (nothing is
overwritten): the writer is told why, and the stack starts afresh.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from ficwriter.core import chapters
from ficwriter.core.atomic import SaveError
from ficwriter.core.chapter_undo import check_revertible, revert
from ficwriter.core.chapters import ChapterChange, ChapterError, Written
from ficwriter.core.project import Project, create_project
from ficwriter.core.textfile import read_text
from ficwriter.gui.dialogs.deleted_chapters import DeletedChaptersDialog
from ficwriter.gui.dialogs.new_project import NewProjectDialog, NewStory
from ficwriter.history.chapters import ChangeNotRecorded, change_chapters

if TYPE_CHECKING:
    from ficwriter.gui.actions.opening import OpenCommands
    from ficwriter.gui.actions.history_actions import HistoryActions
    from ficwriter.gui.app_settings import AppSettings
    from ficwriter.gui.editor.editor import ChapterEditor
    from ficwriter.gui.editor.session import ChapterSession
    from ficwriter.gui.panels.outline import OutlineDock
    from ficwriter.gui.workspace import Workspace


class ChapterWindow(Protocol):
    """The window as the chapter commands use it: the collaborators asked for, never the
    window class itself (``MainWindow`` is one; it is also the dialogs' parent)."""

    session: ChapterSession | None
    workspace: Workspace | None
    project_root: Path | None
    editor: ChapterEditor
    outline: OutlineDock
    opening: OpenCommands
    settings: AppSettings
    history_actions: HistoryActions

    def save(self) -> bool: ...
    def open_chapter(self, path: Path, root: Path | None = None) -> bool: ...
    def chapter_renamed(self, path: Path) -> None: ...
    def close_project(self) -> None: ...
    def complain(self, message: str) -> None: ...


class ChapterCommand(QUndoCommand):
    """One chapter command on the undo stack: what it did last (``change``: the operation,
    or the undo of it), and the chapter open before and after it."""

    def __init__(self, actions: ChapterActions, action: str, change: ChapterChange,
                 before: Path | None, after: Path | None) -> None:
        super().__init__(action)
        self.actions = actions
        self.action = action
        self.change = change
        self.before, self.after = before, after
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:  # QUndoStack.push redoes: the operation is done already
            self._pushed = True
            return
        self.actions.revert_command(self, f"Redo {self.action}", self.after)

    def undo(self) -> None:
        self.actions.revert_command(self, f"Undo {self.action}", self.before)


class ChapterActions:
    def __init__(self, window: ChapterWindow) -> None:
        self.window = window
        # the window's child, made after its widgets: it goes after them (and after
        # actions.edit_undo, which listens to it), since its end empties it with signals
        self.stack = QUndoStack(window)  # type: ignore[arg-type]

    # -- a new story --------------------------------------------------------------------------
    def new_project_dialog(self) -> NewProjectDialog:
        return NewProjectDialog(self.window.opening.sample_folder, self.window)

    def new_project(self) -> None:
        dialog = self.new_project_dialog()
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.create_story(dialog.story())

    def create_story(self, story: NewStory) -> bool:
        """Make the project with its first chapter and open it, the cursor in the text."""
        if self.window.session is not None and self.window.session.dirty \
                and not self.window.save():
            return False
        try:
            project = create_project(story.folder, story.title, author=story.author,
                                     fandom=story.fandom, language=story.language)
            first = chapters.add_chapter(project).chapter
        except (OSError, ChapterError) as error:
            self.window.complain(f"Cannot create the story in {story.folder}: {error}")
            return False
        assert first is not None
        if not self.window.open_chapter(first, project.root):
            return False
        self.window.editor.go_to(self.window.editor.document().characterCount() - 1)
        self.window.settings.add_recent(project.root)
        return True

    # -- chapters -----------------------------------------------------------------------------
    def new_chapter(self) -> None:
        """Ask for an optional title; the chapter goes after the open one and opens."""
        title, ok = QInputDialog.getText(self.window, "New chapter",
                                         "Title (you can leave it empty):")
        if ok:
            after = self._number(self.window.session.path) if self.window.session else None
            self._run(chapters.ADD, lambda p: chapters.add_chapter(p, title.strip() or None, after),
                      open_result=True)

    def rename_chapter(self, path: Path) -> None:
        current = chapters.title_of(path)
        title, ok = QInputDialog.getText(self.window, "Rename chapter", "Title:", text=current)
        if ok and title.strip() and title.strip() != current:
            self._run(chapters.RENAME,
                      lambda p: chapters.rename_chapter(p, self._number(path), title))

    def move_chapter(self, path: Path, to: int) -> None:
        """Put the chapter at ``path`` at place ``to`` (1-based) in the reading order."""
        if self._number(path) != to:
            self._run(chapters.MOVE, lambda p: chapters.move_chapter(p, self._number(path), to))

    def move_chapter_by(self, path: Path, step: int) -> None:
        """Move up (-1) or down (+1); at either end nothing happens."""
        number = self._number(path)
        count = len(self._project().chapters()) if self.window.workspace else 0
        if 1 <= number + step <= count:
            self.move_chapter(path, number + step)

    def split_chapter(self, path: Path, scene: int) -> None:
        """Scenes from ``scene`` (0-based, as the outline counts) on become the next chapter."""
        self._run(chapters.SPLIT,
                  lambda p: chapters.split_chapter(p, self._number(path), scene + 1))

    def merge_with_next(self, path: Path) -> None:
        self._run(chapters.MERGE, lambda p: chapters.merge_chapter(p, self._number(path)))

    def delete_chapter(self, path: Path, *, confirm: bool = True) -> None:
        title = chapters.title_of(path)
        if confirm and QMessageBox.question(
            self.window, "Delete chapter",
            f"Move “{title}” to the project's trash? Edit → Undo or File → Deleted "
            "Chapters… brings it back with its whole history.",
        ) != QMessageBox.StandardButton.Yes:
            return
        self._run(chapters.DELETE, lambda p: chapters.delete_chapter(p, self._number(path)))

    def deleted_chapters_dialog(self) -> DeletedChaptersDialog | None:
        if self.window.workspace is None:
            return None
        return DeletedChaptersDialog(chapters.list_trash(self._project()), self.window)

    def show_deleted(self) -> None:
        dialog = self.deleted_chapters_dialog()
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            number = dialog.chosen()
            if number is not None:
                self._run(chapters.RESTORE,
                          lambda p: chapters.restore_chapter(p, str(number)), open_result=True)

    # -- undo -----------------------------------------------------------------------------------
    def undo(self) -> None:
        """Undo the latest chapter command, if its files are as it left them."""
        if self.stack.canUndo() and self._revertible(self.stack.command(self.stack.index() - 1),
                                                     "undo"):
            self.stack.undo()

    def redo(self) -> None:
        if self.stack.canRedo() and self._revertible(self.stack.command(self.stack.index()),
                                                     "redo"):
            self.stack.redo()

    def project_closed(self) -> None:
        """Another project (or none) is open: its chapter commands are not undone here."""
        self.stack.clear()

    def revert_command(self, command: ChapterCommand, label: str, target: Path | None) -> None:
        """Undo (or redo) ``command``: revert what it did last, open ``target`` again."""
        change = self._apply(label, lambda p: revert(p, command.change))
        if change is not None:
            command.change = change
            left = self._project().chapters()
            self._follow(change, target if target in left else None)

    def _revertible(self, command: QUndoCommand, what: str) -> bool:
        assert isinstance(command, ChapterCommand)
        window = self.window
        if window.workspace is None or window.workspace.read_only:
            return False
        if window.session is not None and window.session.dirty and not window.save():
            return False
        try:
            check_revertible(command.change)
        except ChapterError as error:
            window.complain(f"Cannot {what} {command.action}: {error}. Nothing was changed; "
                            "the chapter commands before it cannot be undone now either.")
            self.stack.clear()
            return False
        return True

    # -- doing it ---------------------------------------------------------------------------
    def _project(self) -> Project:
        assert self.window.workspace is not None
        return self.window.workspace.project

    def _number(self, path: Path) -> int:
        """The chapter's place in the reading order (1-based); 0 if it is not a chapter."""
        listed = [p.resolve() for p in self._project().chapters()]
        resolved = Path(path).resolve()
        return listed.index(resolved) + 1 if resolved in listed else 0

    def _run(self, action: str, operation: Callable[[Project], ChapterChange], *,
             open_result: bool = False) -> bool:
        """Do ``operation`` as the command ``action``: one step on the undo stack."""
        before = self.window.session.path if self.window.session is not None else None
        change = self._apply(action, operation)
        if change is None:
            return False
        self._follow(change, change.chapter if open_result else None)
        after = self.window.session.path if self.window.session is not None else None
        self.stack.push(ChapterCommand(self, action, change, before, after))
        return True

    def _apply(self, action: str, operation: Callable[[Project], ChapterChange]
               ) -> ChapterChange | None:
        """``operation`` with history (revisions named ``action``), unsaved text saved
        first; None (the writer told why) when it cannot be done."""
        window = self.window
        workspace = window.workspace
        if workspace is None or workspace.read_only:
            return None
        if window.session is not None and window.session.dirty and not window.save():
            return None
        try:
            return change_chapters(workspace.store, lambda: operation(workspace.project), action)
        except ChangeNotRecorded as missed:  # done on disk; the history bar says the rest
            return missed.change
        except (ChapterError, SaveError, OSError) as error:
            window.complain(str(error))
            return None

    def _follow(self, change: ChapterChange, target: Path | None) -> None:
        """The editor, outline and title follow the open chapter wherever it went, or
        ``target`` opens."""
        window = self.window
        session, root = window.session, window.project_root
        assert root is not None
        if session is None:
            return
        now = change.new_path(session.path)
        if (target is not None and target != now) or now is None:
            left = self._project().chapters()
            opening = target if target in left else next(iter(left), None)
            session.mark_saved()  # saved before the operation; its file may be gone now
            if opening is None:  # the last chapter went to the trash
                window.close_project()
            elif window.open_chapter(opening, root):
                window.outline.show_project(root, opening)
                if any(isinstance(s, Written) and s.before is None and s.path == opening
                       for s in change.steps):
                    # a chapter just made: the cursor where the writing goes, below its title
                    window.editor.go_to(window.editor.document().characterCount() - 1)
            return
        rewritten = [s for s in change.steps
                     if isinstance(s, Written) and change.new_path(s.path) == now]
        if now != session.path:
            window.chapter_renamed(now)
        else:
            window.outline.show_project(root, now)
        window.history_actions.after_history_change("Saved")  # the command is a revision
        if rewritten:
            session.replace_text(read_text(now).text)
            session.reparse()
            # the text's own undo must not reach back across a chapter command: that would
            # take the text out of step with the files (the command's undo does it whole)
            window.editor.document().clearUndoRedoStacks()
