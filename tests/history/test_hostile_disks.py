"""A full or read-only disk is not a damaged history: on a real small tmpfs, the history
file stays where it is, the refusal is said in one line, the chapter file is still saved
where it fits, and history catches up once there is room again. Only a file SQLite finds
unsound is set aside, and only once."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from ficwriter.history.database import database_path
from ficwriter.history.disk_trouble import DISK_FULL, READ_ONLY_DISK, HistoryUnavailable
from ficwriter.history.store import HistoryStore
from ficwriter.history.sync import ExternalChange, ProjectWatcher
from tests.faults import fill, make_read_only, tmpfs
from tests.history.support import python_process, wait_for

CH = "chapters/01.md"
DISK = "2m"  # room for a history that checkpoints; filled, a few KB are left
TEXT = "The lamp guttered.\n\nShe kept walking, counting the doors.\n"


def _project(disk: Path, revisions: int = 3) -> Path:
    """A project on ``disk`` with a few revisions of one chapter, its store closed."""
    root = disk / "Story"
    (root / "chapters").mkdir(parents=True)
    with HistoryStore.open(root) as store:
        for n in range(revisions):
            store.save(CH, f"{TEXT}Draft {n}.\n")
    return root


def _state_files(root: Path) -> list[str]:
    return sorted(p.name for p in database_path(root).parent.iterdir())


def _unavailable(root: Path, problem: str) -> HistoryUnavailable:
    """Open the store and record, as a snapshot would: the disk must refuse, saying why."""
    with pytest.raises(HistoryUnavailable) as refused:
        with HistoryStore.open(root) as store:
            store.record(CH, TEXT + "A change history cannot take.\n" * 50, "external")
    assert str(refused.value) == f"{problem}: history not updated"
    return refused.value


def test_a_full_disk_leaves_the_history_where_it_is_however_often_it_is_tried(
    tmp_path: Path,
) -> None:
    with tmpfs(tmp_path / "disk", size=DISK) as disk:
        root = _project(disk)
        kept = database_path(root).read_bytes()
        fill(disk, leave=8192)
        for _ in range(3):
            _unavailable(root, DISK_FULL)
        assert database_path(root).read_bytes() == kept
        assert not [name for name in _state_files(root) if "damaged" in name or "lock" in name]
        (disk / "filler").unlink()
        with HistoryStore.open(root) as store:
            assert store.damage is None
            assert [store.text(r.id) for r in store.revisions(CH)][-1] == f"{TEXT}Draft 0.\n"
            assert store.record(CH, TEXT + "Room again.\n", "external") is not None
            assert len(store.revisions(CH)) == 4


def test_no_empty_lock_file_is_left_on_a_disk_with_no_room_at_all(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", size=DISK) as disk:
        root = _project(disk)
        before = _state_files(root)
        fill(disk, leave=0)
        for _ in range(3):
            _unavailable(root, DISK_FULL)
        left = [n for n in _state_files(root) if n not in before and not n.startswith("history")]
        assert left == []


def test_a_save_on_a_full_disk_writes_the_file_and_history_catches_up_after(
    tmp_path: Path,
) -> None:
    with tmpfs(tmp_path / "disk", size=DISK) as disk:
        root = _project(disk, revisions=1)
        with HistoryStore.open(root) as store:
            told: list[HistoryUnavailable | None] = []
            store.on_trouble(told.append)
            fill(disk, leave=4096)  # room for the chapter's new file, not for history's pages
            with pytest.raises(HistoryUnavailable, match="^disk full: history not updated$"):
                store.save(CH, TEXT + "Written on a full disk.\n")
            assert (root / CH).read_text(encoding="utf-8") == TEXT + "Written on a full disk.\n"
            assert [t.problem if t else None for t in told] == [DISK_FULL]
            (disk / "filler").unlink()
            store.save(CH, TEXT + "Written with room.\n")
            assert told[-1] is None  # history is written again
            assert [(r.source, store.text(r.id)) for r in store.revisions(CH)][:2] == [
                ("save", TEXT + "Written with room.\n"),
                ("save", TEXT + "Written on a full disk.\n"),  # ficwriter's, not "external"
            ]


def test_a_full_disk_is_logged_when_it_starts_not_at_every_write(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with tmpfs(tmp_path / "disk", size=DISK) as disk:
        root = _project(disk, revisions=1)
        with HistoryStore.open(root) as store:
            fill(disk, leave=0)
            caplog.set_level(logging.WARNING)
            for n in range(5):
                with pytest.raises(HistoryUnavailable):
                    store.journal.write(CH, TEXT + f"Unsaved pause {n}.\n" * 40)
            warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
            assert len(warnings) == 1 and "disk full" in warnings[0].getMessage()
            assert not any(r.exc_info for r in caplog.records)
            (disk / "filler").unlink()


def test_a_read_only_disk_is_said_as_such_and_nothing_on_it_changes(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", size=DISK) as disk:
        root = _project(disk)
        before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
        make_read_only(disk)
        for _ in range(3):
            _unavailable(root, READ_ONLY_DISK)
        assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


def test_a_garbage_history_on_a_full_disk_is_set_aside_exactly_once(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", size=DISK) as disk:
        root = _project(disk)
        database_path(root).write_bytes(b"not a database, only noise " * 300)
        fill(disk, leave=8192)
        for _ in range(3):
            _unavailable(root, DISK_FULL)  # set aside, but no room to start a new one
        aside = [n for n in _state_files(root) if n.startswith("history.damaged-")]
        assert len(aside) == 1
        assert (database_path(root).parent / aside[0]).read_bytes().startswith(b"not a database")
        (disk / "filler").unlink()
        with HistoryStore.open(root) as store:
            assert store.damage is None  # set aside before; this is the new history
            store.record(CH, (root / CH).read_text(encoding="utf-8"), "recovery")
        assert [n for n in _state_files(root) if n.startswith("history.damaged-")] == aside


@pytest.mark.parametrize("fault", ["read-only", "full"])
def test_a_reader_still_reads_the_history_on_a_disk_that_refuses_writes(
    tmp_path: Path, fault: str
) -> None:
    with tmpfs(tmp_path / "disk", size=DISK) as disk:
        root = _project(disk)
        if fault == "full":
            fill(disk, leave=0)
        else:
            make_read_only(disk)
        with HistoryStore.open(root, read_only=True) as store:
            texts = [store.text(r.id) for r in store.revisions(CH)]
        assert texts == [f"{TEXT}Draft {n}.\n" for n in (2, 1, 0)]
        if fault == "full":
            (disk / "filler").unlink()


def test_a_reader_is_refused_rather_than_shown_a_history_without_its_newest_revisions(
    tmp_path: Path,
) -> None:
    with tmpfs(tmp_path / "disk", size=DISK) as disk:
        root = _project(disk)
        ended = python_process(  # a ficwriter that ends without closing: its WAL stays
            "import os, sys\n"
            "from ficwriter.history.store import HistoryStore\n"
            f"store = HistoryStore.open({str(root)!r})\n"
            f"store.record({CH!r}, 'Only in the WAL.\\n', 'external')\n"
            "os._exit(0)\n"
        )
        assert ended.wait(timeout=30) == 0, ended.stderr.read() if ended.stderr else ""
        shared = database_path(root).with_name("history.sqlite-shm")
        shared.unlink()  # without it, SQLite must write to read the WAL
        make_read_only(disk)
        with pytest.raises(HistoryUnavailable, match="^read-only disk: history not updated$"):
            HistoryStore.open(root, read_only=True)


def test_the_watcher_takes_in_a_change_the_full_disk_refused_once_there_is_room(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with tmpfs(tmp_path / "disk", size=DISK) as disk:
        root = _project(disk, revisions=1)
        with HistoryStore.open(root) as store, ProjectWatcher(store, retry=0.2) as watcher:
            heard: list[ExternalChange] = []
            watcher.subscribe(heard.append)
            told: list[HistoryUnavailable | None] = []
            store.on_trouble(told.append)
            fill(disk, leave=8192)
            (root / CH).write_text(TEXT + "Edited in another editor.\n", encoding="utf-8")
            wait_for(lambda: bool(told))  # the watcher tried, and the disk refused
            assert heard == [] and told[0] is not None and told[0].problem == DISK_FULL
            (disk / "filler").unlink()
            wait_for(lambda: bool(heard))
            assert heard[0].kind == "modified"
            assert store.text(heard[0].revision.id) == TEXT + "Edited in another editor.\n"
            assert told[-1] is None
        assert not any(r.exc_info for r in caplog.records)  # said once, no traceback
