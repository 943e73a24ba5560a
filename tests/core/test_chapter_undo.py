"""Undoing chapter operations: the project comes back exactly, redo does it again, and a
chapter edited since is never overwritten."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ficwriter.core import chapters
from ficwriter.core.chapter_undo import check_revertible, revert
from ficwriter.core.chapters import ChapterChange, ChapterError
from ficwriter.core.project import Project, create_project, open_project

TEXTS = ("Dawn came.\n\n* * *\n\nThey rode out.\n\n* * *\n\nDusk.\n",
         '<!-- chapter: title="The Cave" -->\n\nThe cave was dark.\n', "Home.\r\n\r\nAt last.\r\n")


def _story(root: Path) -> Path:
    root = create_project(root, "Story").root
    for number, text in enumerate(TEXTS, 1):
        (root / "chapters" / f"{number:02d}-part-{number}.md").write_bytes(text.encode())
    return root


def _chapters_on_disk(root: Path) -> dict[str, bytes]:
    """The chapter files as bytes (so newline styles count too)."""
    return {p.name: p.read_bytes() for p in open_project(root).chapters()}


def _trash(root: Path) -> set[str]:
    folder = root / chapters.TRASH_DIR
    return {p.name for p in folder.iterdir()} if folder.is_dir() else set()


Operation = Callable[[Project], ChapterChange]
# each operation, made for a project of n chapters from a number k (None: not possible)
_OPERATIONS: list[Callable[[int, int], Operation | None]] = [
    lambda n, k: (lambda p: chapters.add_chapter(p, "New" if k % 2 else None, k % (n + 1))),
    lambda n, k: (lambda p: chapters.rename_chapter(p, k % n + 1, f"Title {k}")) if n else None,
    lambda n, k: (lambda p: chapters.move_chapter(p, k % n + 1, (k // 3) % n + 1)) if n else None,
    lambda n, k: (lambda p: chapters.delete_chapter(p, k % n + 1)) if n > 1 else None,
    lambda n, k: (lambda p: chapters.merge_chapter(p, k % (n - 1) + 1)) if n > 1 else None,
    # a chapter of one scene cannot split: the ChapterError is skipped below
    lambda n, k: (lambda p: chapters.split_chapter(p, k % n + 1, 2)) if n else None,
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=st.lists(st.tuples(st.integers(0, len(_OPERATIONS) - 1), st.integers(0, 50)),
                     min_size=1, max_size=6))
def test_undoing_every_operation_in_turn_gives_the_project_back_and_redo_replays_them(
    plan: list[tuple[int, int]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = _story(Path(folder) / "Story")
        states = [_chapters_on_disk(root)]
        done: list[ChapterChange] = []
        for which, k in plan:
            operation = _OPERATIONS[which](len(open_project(root).chapters()), k)
            if operation is None:
                continue
            try:
                done.append(operation(open_project(root)))
            except ChapterError:
                continue  # not possible here (a chapter of one scene cannot split)
            states.append(_chapters_on_disk(root))
        undos = []
        for change, state in zip(reversed(done), reversed(states[:-1])):
            undos.append(revert(open_project(root), change))
            assert _chapters_on_disk(root) == state
        for undo, state in zip(reversed(undos), states[1:]):
            revert(open_project(root), undo)  # redo
            assert _chapters_on_disk(root) == state
        shutil.rmtree(root)


def test_undo_of_a_new_chapter_puts_it_in_the_trash_and_redo_takes_it_out(tmp_path: Path) -> None:
    root = _story(tmp_path / "Story")
    before = _chapters_on_disk(root)
    added = chapters.add_chapter(open_project(root), "The Ford", after=1)
    undone = revert(open_project(root), added)
    assert _chapters_on_disk(root) == before
    assert [name.split("--")[1] for name in _trash(root)] == ["02-the-ford.md"]
    assert undone.chapter is None  # the chapter it made is gone
    redone = revert(open_project(root), undone)
    assert redone.chapter == root / "chapters" / "02-the-ford.md" and not _trash(root)


def test_undo_refuses_when_a_chapter_was_edited_since_and_changes_nothing(tmp_path: Path) -> None:
    root = _story(tmp_path / "Story")
    split = chapters.split_chapter(open_project(root), 1, 2)
    first = root / "chapters" / "01-part-1.md"
    first.write_text(first.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    after = _chapters_on_disk(root)
    with pytest.raises(ChapterError, match="edited since"):
        revert(open_project(root), split)
    assert _chapters_on_disk(root) == after


def test_a_move_is_undone_even_after_the_moved_chapter_was_edited(tmp_path: Path) -> None:
    root = _story(tmp_path / "Story")
    moved = chapters.move_chapter(open_project(root), 1, 3)
    (root / "chapters" / "03-part-1.md").write_text("Changed.\n", encoding="utf-8")
    check_revertible(moved)  # only where the files are matters to a move
    revert(open_project(root), moved)
    assert (root / "chapters" / "01-part-1.md").read_text(encoding="utf-8") == "Changed.\n"


def test_undo_refuses_when_a_file_took_a_name_it_would_give_back(tmp_path: Path) -> None:
    root = _story(tmp_path / "Story")
    deleted = chapters.delete_chapter(open_project(root), 3)
    (root / "chapters" / "03-part-3.md").write_text("Someone else's.\n", encoding="utf-8")
    with pytest.raises(ChapterError, match="03-part-3.md has appeared since"):
        revert(open_project(root), deleted)
