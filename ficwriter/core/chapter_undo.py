"""Undoing a chapter operation (``core.chapters``): its steps done backwards, exactly.

``revert(project, change)`` undoes ``change`` and returns the ``ChapterChange`` that did
it; reverting *that* redoes the operation, so one function serves Undo and Redo, and
after either the files, their names and their texts are exactly as they were. A file the
operation made (a new chapter, the second half of a split) goes to the trash on undo,
since nothing is ever deleted outright, and comes back from it on redo.

Before anything moves, ``check_revertible`` makes sure every file is as the operation
left it. A chapter edited since (in the window, or by another program) is never
overwritten by an undo: the undo is refused with a ``ChapterError`` and the edits stay.
Like ``core.chapters`` this only touches files; ``history.chapters`` carries history along.
"""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path

from ficwriter.core.atomic import save_text
from ficwriter.core.chapters import (
    ChapterChange,
    ChapterError,
    Moved,
    Restored,
    Trashed,
    Written,
    move_file,
    title_of,
    to_trash,
)
from ficwriter.core.project import Project
from ficwriter.core.textfile import UnreadableFile, read_text


class _File(Enum):
    GONE = "gone"  # no file there
    THERE = "there"  # a file, whatever it holds (one only moved)


Expected = str | _File  # a text: the file holds exactly that


def left_behind(change: ChapterChange) -> dict[Path, Expected]:
    """What ``change`` left on disk: for each path it touched, the text the file holds, or
    only that a file is there (moved, not rewritten), or that none is."""
    state: dict[Path, Expected] = {}
    for step in change.steps:
        if isinstance(step, Moved):
            state[step.new] = state.get(step.old, _File.THERE)
            state[step.old] = _File.GONE
        elif isinstance(step, Written):
            state[step.path] = step.text
        elif isinstance(step, Trashed):
            state[step.trash] = state.get(step.path, _File.THERE)
            state[step.path] = _File.GONE
        elif isinstance(step, Restored):
            state[step.path] = step.text
            state[step.trash] = _File.GONE
    return state


def check_revertible(change: ChapterChange) -> None:
    """``ChapterError`` (one sentence, naming the chapter) unless every file ``change``
    touched is still as it left it."""
    for path, expected in left_behind(change).items():
        if expected is _File.GONE:
            if path.exists():
                raise ChapterError(f"{path.name} has appeared since")
            continue
        if not path.is_file():
            raise ChapterError(f"{path.name} has gone since")
        if isinstance(expected, str):
            try:
                text = read_text(path).text
            except (OSError, UnreadableFile) as error:
                raise ChapterError(f"cannot read {path.name}: {error}") from error
            if text != expected:
                raise ChapterError(f"“{title_of(path, text)}” has been edited since "
                                   "(its History panel has both versions)")


def revert(project: Project, change: ChapterChange) -> ChapterChange:
    """Undo ``change`` (checked first: nothing moves unless all of it can be undone)."""
    check_revertible(change)
    undone = ChapterChange()
    for step in reversed(change.steps):
        if isinstance(step, Moved):
            move_file(step.new, step.old, undone)
        elif isinstance(step, Written) and step.before is None:
            to_trash(project, step.path, undone)  # a file the operation made
        elif isinstance(step, Written):
            save_text(step.path, step.before, like=read_text(step.path))
            undone.steps.append(Written(step.path, step.before, step.text))
        elif isinstance(step, Trashed):
            text = read_text(step.trash).text
            move_back(step.trash, step.path)
            undone.steps.append(Restored(step.trash, step.path, text))
        elif isinstance(step, Restored):
            move_back(step.path, step.trash)
            undone.steps.append(Trashed(step.path, step.trash))
    # where the writer looks next: the chapter the operation acted on, where it is now
    if change.chapter is not None:
        undone.chapter = undone.new_path(change.chapter)
    undone.chapter = undone.chapter or next(
        (s.path for s in undone.steps if isinstance(s, Restored)), None)
    return undone


def move_back(old: Path, new: Path) -> None:
    """Rename ``old`` to ``new``, which must be free (checked before the undo began)."""
    if new.exists():
        raise ChapterError(f"{new.name} exists already")
    new.parent.mkdir(parents=True, exist_ok=True)
    os.rename(old, new)
