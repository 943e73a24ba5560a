"""A damaged history database is set aside, never deleted, and history starts again."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficwriter.history.database import DamagedDatabase, database_path
from ficwriter.history.store import HistoryStore


def _project_with_history(project: Path) -> bytes:
    (project / "chapters" / "01.md").write_text("Chapter one, on disk.\n", encoding="utf-8")
    (project / "chapters" / "02.md").write_text("Chapter two.\n", encoding="utf-8")
    with HistoryStore.open(project) as store:
        for n in range(30):
            store.record("chapters/01.md", f"Revision {n}.\n" * 200)
    return database_path(project).read_bytes()


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 3], id="truncated"),
        pytest.param(lambda data: b"this is not a database" * 100, id="garbage"),
        pytest.param(lambda data: data[:100] + b"\xff" * 4000 + data[4100:], id="scribbled"),
    ],
)
def test_a_damaged_database_is_moved_aside_and_rebuilt_from_the_files(
    project: Path, damage
) -> None:
    damaged = damage(_project_with_history(project))
    database_path(project).write_bytes(damaged)

    with HistoryStore.open(project) as store:
        report = store.damage
        assert report is not None
        assert report.moved_to.read_bytes() == damaged
        assert report.moved_to.parent == database_path(project).parent
        assert report.moved_to.name.startswith("history.damaged-")
        assert set(report.rebuilt) == {"chapters/01.md", "chapters/02.md"}
        assert "not deleted" in report.message and report.moved_to.name in report.message
        [rev] = store.revisions("chapters/01.md")
        assert rev.source == "recovery"
        assert store.text(rev.id) == "Chapter one, on disk.\n"

    with HistoryStore.open(project) as again:
        assert again.damage is None
        assert len(again.revisions("chapters/01.md")) == 1


def test_read_only_opening_reports_damage_and_moves_nothing(project: Path) -> None:
    path = database_path(project)
    path.parent.mkdir()
    path.write_bytes(b"garbage" * 1000)
    with pytest.raises(DamagedDatabase):
        HistoryStore.open(project, read_only=True)
    assert path.read_bytes() == b"garbage" * 1000


def test_damage_twice_keeps_both_damaged_files(project: Path) -> None:
    path = database_path(project)
    path.parent.mkdir()
    moved = []
    for n in range(2):
        path.write_bytes(b"garbage %d" % n * 500)
        with HistoryStore.open(project) as store:
            assert store.damage is not None
            moved.append(store.damage.moved_to)
    assert moved[0] != moved[1]
    assert [m.read_bytes()[:9] for m in moved] == [b"garbage 0", b"garbage 1"]
