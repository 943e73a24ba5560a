"""One ficwriter per project: a second process is refused or opens read-only."""

from __future__ import annotations

import json
import os
import socket
import textwrap
from pathlib import Path

import pytest

from ficwriter.history.lock import ProjectLock, ProjectLocked, lock_path, read_lock
from ficwriter.history.store import HistoryStore
from tests.history.support import python_process, wait_for

HOLD_PROJECT = """
import sys
from ficwriter.history.store import HistoryStore
store = HistoryStore.open({root!r})
store.save("chapters/01.md", "Written by the first process.\\n")
print("open", flush=True)
sys.stdin.readline()
store.close()
print("closed", flush=True)
"""


def test_a_second_process_is_refused_with_a_clear_message_or_opens_read_only(
    project: Path,
) -> None:
    first = python_process(HOLD_PROJECT.format(root=str(project)), stdin=-1)
    try:
        assert first.stdout is not None and first.stdout.readline() == "open\n"
        with pytest.raises(ProjectLocked) as refused:
            HistoryStore.open(project)
        message = str(refused.value)
        assert f"process {first.pid} on {socket.gethostname()}" in message
        assert "read-only" in message
        with HistoryStore.open(project, read_only=True) as reader:
            [revision] = reader.revisions("chapters/01.md")
            assert reader.text(revision.id) == "Written by the first process.\n"
    finally:
        assert first.stdin is not None
        first.stdin.write("\n")
        first.stdin.flush()
        assert first.wait(timeout=30) == 0
    assert not lock_path(project).exists()
    with HistoryStore.open(project) as after:
        assert after.latest("chapters/01.md") is not None


def test_the_lock_of_a_dead_process_is_taken_over(project: Path) -> None:
    dead = python_process(
        textwrap.dedent(
            f"""
            import os
            from ficwriter.history.lock import ProjectLock
            ProjectLock.acquire({str(project)!r})
            os._exit(0)
            """
        )
    )
    assert dead.wait(timeout=30) == 0
    holder = read_lock(project)
    assert holder is not None and holder.pid == dead.pid
    with ProjectLock.acquire(project) as lock:
        assert read_lock(project) == lock.holder and lock.holder.pid == os.getpid()


def test_a_lock_from_another_host_is_respected(project: Path) -> None:
    path = lock_path(project)
    path.parent.mkdir()
    path.write_text(
        json.dumps({"pid": 1, "host": "other-laptop", "started": "2026-11-24T10:00:00+00:00"})
    )
    with pytest.raises(ProjectLocked, match="on other-laptop"):
        ProjectLock.acquire(project)


def test_a_damaged_lock_file_is_taken_over(project: Path) -> None:
    path = lock_path(project)
    path.parent.mkdir()
    path.write_text("{not json")
    with ProjectLock.acquire(project):
        assert read_lock(project) is not None


def test_releasing_leaves_someone_elses_lock_alone(project: Path) -> None:
    lock = ProjectLock.acquire(project)
    lock_path(project).unlink()
    other = ProjectLock.acquire(project)
    lock.release()
    assert read_lock(project) == other.holder
    other.release()
    wait_for(lambda: not lock_path(project).exists())
