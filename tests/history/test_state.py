"""Where a folder's history lives: inside a project, outside a loose file's folder."""

from __future__ import annotations

from pathlib import Path

from ficwriter.history.database import database_path
from ficwriter.history.lock import ProjectLock, lock_path
from ficwriter.history.state import loose_state_dir, state_dir
from ficwriter.history.store import HistoryStore


def test_a_project_keeps_its_history_in_its_own_folder(tmp_path: Path) -> None:
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "01-one.md").write_text("One.\n", encoding="utf-8")
    with HistoryStore.open(tmp_path) as store:
        store.save("chapters/01-one.md", "One, two.\n")
    assert (tmp_path / ".ficwriter" / "history.sqlite").is_file()


def test_a_loose_files_folder_gets_nothing_written_into_it(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("A story from the downloads folder.\n", encoding="utf-8")
    with HistoryStore.open(tmp_path) as store:
        store.save("story.txt", "A story, edited.\n")
        assert lock_path(tmp_path).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.txt"]
    assert database_path(tmp_path).is_file()
    with HistoryStore.open(tmp_path) as again:  # the next session finds the same history
        newest = again.revisions("story.txt")[0]
        assert again.text(newest.id) == "A story, edited.\n"


def test_two_loose_folders_of_the_same_name_do_not_share_a_history(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "Downloads", tmp_path / "b" / "Downloads"
    assert loose_state_dir(first) != loose_state_dir(second)
    assert loose_state_dir(first).name.startswith("Downloads-")


def test_a_loose_folder_keeps_its_history_when_it_gains_a_config_mid_session(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Text.\n", encoding="utf-8")
    lock = ProjectLock.acquire(tmp_path)
    outside = state_dir(tmp_path)
    (tmp_path / "ficwriter.toml").write_text('title = "Story"\n', encoding="utf-8")
    assert state_dir(tmp_path) == outside  # the history does not split in two
    lock.release()


def test_a_folder_an_older_ficwriter_wrote_into_keeps_its_history(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Text.\n", encoding="utf-8")
    (tmp_path / ".ficwriter").mkdir()
    assert state_dir(tmp_path) == tmp_path / ".ficwriter"
