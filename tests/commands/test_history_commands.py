"""`ficwriter history|diff|restore|snapshot|watch` on a real project folder."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from ficwriter.cli import main
from ficwriter.core.project import create_project
from ficwriter.history.database import database_path
from ficwriter.history.store import HistoryStore
from tests.faults import fill, make_read_only, tmpfs

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def chapter(tmp_path: Path) -> Path:
    """A chapter with three revisions: r1, r2, r3."""
    root = create_project(tmp_path / "Story").root
    with HistoryStore.open(root) as store:
        store.save("chapters/01.md", "Lexa drew her sword.\n\nThe cave was dark.\n")
        store.save("chapters/01.md", "Lexa drew her blade.\n\nThe cave was dark.\n")
        store.save("chapters/01.md", "Lexa drew her blade.\n\nThe cave was cold and dark.\n")
    return root / "chapters" / "01.md"


def test_history_lists_revisions_newest_first_with_their_ids(
    chapter: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["history", str(chapter)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == ["r3", "r2", "r1"]
    assert "save" in lines[0] and "+2 -0" in lines[0] and "chapters/01.md" in lines[0]


def test_history_as_json(chapter: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", str(chapter), "--format", "json"]) == 0
    revisions = json.loads(capsys.readouterr().out)
    assert [r["label"] for r in revisions] == ["r3", "r2", "r1"]
    assert revisions[0]["words"] == 10 and revisions[0]["source"] == "save"


def test_diff_of_two_revisions_marks_words(
    chapter: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", str(chapter), "r1", "r3"]) == 0
    out = capsys.readouterr().out
    assert "+3 -1 words" in out
    assert "Lexa drew her [-sword-]{+blade+}." in out
    assert "The cave was {+cold and +}dark." in out


def test_diff_against_the_file_on_disk(chapter: Path, capsys: pytest.CaptureFixture[str]) -> None:
    chapter.write_text("Lexa drew her blade.\n\nThe cave was cold and dark.\n\nNight.\n")
    assert main(["diff", str(chapter), "3"]) == 0
    out = capsys.readouterr().out
    assert "r3 -> the file" in out and "{+Night.\n+}" in out


def test_restore_writes_the_old_text_as_a_new_revision(
    chapter: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["restore", str(chapter), "r1"]) == 0
    assert "that is now r4" in capsys.readouterr().out
    assert chapter.read_text() == "Lexa drew her sword.\n\nThe cave was dark.\n"
    with HistoryStore.open(chapter.parent.parent, read_only=True) as store:
        assert store.revisions(chapter)[0].source == "restore"


def test_snapshot_pins_every_chapter(chapter: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = chapter.parent.parent
    assert main(["snapshot", str(project), "sent to beta"]) == 0
    assert "chapters/01.md r3" in capsys.readouterr().out
    with HistoryStore.open(project, read_only=True) as store:
        assert [s.name for s in store.snapshots()] == ["sent to beta"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["diff", "{chapter}", "r99"], "there is no revision r99"),
        (["diff", "{chapter}", "latest"], "is not a revision id"),
        (["restore", "{chapter}", "r99"], "there is no revision r99"),
        (["history", "{missing}"], "does not exist and has no history"),
        (["snapshot", "{project}", "  "], "needs a name"),
        (["history", "{project}"], "is a folder; give a chapter file"),
        (["snapshot", "{chapter}", "beta"], "is not a project folder"),
        (["diff", "{chapter}", "r{other}"], "is not a revision of chapters/01.md"),
        (["diff", "{chapter}", "r1", "r{other}"], "is not a revision of chapters/01.md"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_changes_nothing(
    chapter: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    with HistoryStore.open(chapter.parent.parent) as store:
        other = store.save("chapters/02.md", "Another chapter.\n")
    assert other is not None
    before = chapter.read_bytes()
    places = {
        "chapter": str(chapter),
        "missing": str(chapter.with_name("nope.md")),
        "project": str(chapter.parent.parent),
        "other": str(other.id),
    }
    assert main([part.format(**places) for part in argv]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert chapter.read_bytes() == before
    with HistoryStore.open(chapter.parent.parent, read_only=True) as store:
        assert len(store.revisions(chapter)) == 3 and store.snapshots() == []


@pytest.mark.parametrize("command", [["history"], ["diff", "r1"], ["restore", "r1"]])
def test_chapter_commands_in_a_folder_without_history_create_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    loose = tmp_path / "chapter.txt"
    loose.write_text("A loose chapter.\n")
    assert main([command[0], str(loose), *command[1:]]) == 2
    assert "has no history yet" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chapter.txt"]
    assert main([command[0], str(tmp_path / "nope.md"), *command[1:]]) == 2
    assert "nope.md: no such file" in capsys.readouterr().err


def test_a_loose_file_is_a_project_of_its_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loose = tmp_path / "chapter.txt"
    loose.write_text("A loose chapter.\n")
    with HistoryStore.open(tmp_path) as store:
        store.save(loose, "A loose chapter, revised.\n")
    assert main(["history", str(loose)]) == 0
    assert "chapter.txt" in capsys.readouterr().out


def test_a_snapshot_takes_in_edits_made_since_history_last_looked(
    chapter: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chapter.write_text("Edited in another editor, no watcher running.\n")
    assert main(["snapshot", str(chapter.parent.parent), "draft 2"]) == 0
    assert "chapters/01.md r4" in capsys.readouterr().out
    with HistoryStore.open(chapter.parent.parent, read_only=True) as store:
        assert store.text(4) == "Edited in another editor, no watcher running.\n"


def test_restore_is_refused_while_another_ficwriter_holds_the_project(
    chapter: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with HistoryStore.open(chapter.parent.parent):
        assert main(["restore", str(chapter), "r1"]) == 2
        assert main(["history", str(chapter)]) == 0  # reading still works
    assert "already open in another ficwriter" in capsys.readouterr().err
    assert "cold and dark" in chapter.read_text()


def test_watch_records_edits_and_stops_cleanly_on_ctrl_c(chapter: Path) -> None:
    project = chapter.parent.parent
    watch = subprocess.Popen(
        [sys.executable, "-m", "ficwriter", "watch", str(project)],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = threading.Timer(30, watch.kill)  # a hung watcher fails the test, not the run
    deadline.start()
    try:
        assert watch.stdout is not None
        assert watch.stdout.readline().startswith("Watching ")
        chapter.write_text("Edited in another editor while watching.\n")
        assert watch.stdout.readline() == "modified: chapters/01.md -> r4\n"
        watch.send_signal(signal.SIGINT)
        out, err = watch.communicate(timeout=20)
    finally:
        deadline.cancel()
        if watch.poll() is None:
            watch.kill()
    assert watch.returncode == 0, err
    assert out == "Stopped.\n" and "Traceback" not in err
    assert not (project / ".ficwriter" / "lock").exists()
    with HistoryStore.open(project, read_only=True) as store:
        assert store.revisions(chapter)[0].source == "external"


def _story_on(disk: Path) -> Path:
    """A project on ``disk`` with two chapters, each saved twice."""
    root = create_project(disk / "Story").root
    with HistoryStore.open(root) as store:
        for name in ("01.md", "02.md"):
            store.save(f"chapters/{name}", f"Chapter {name[1]} begins.\n")
            store.save(f"chapters/{name}", f"Chapter {name[1]} begins and goes on.\n")
    return root


def _revision_count(root: Path) -> int:
    with HistoryStore.open(root, read_only=True) as store:
        return sum(len(store.revisions(rel)) for rel in store.chapters())


def test_a_snapshot_on_a_full_disk_is_one_line_exit_2_and_sets_nothing_aside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with tmpfs(tmp_path / "disk", size="2m") as disk:
        root = _story_on(disk)
        (root / "chapters" / "02.md").write_text("Edited in another editor.\n", encoding="utf-8")
        fill(disk, leave=8192)
        for attempt in range(3):
            assert main(["snapshot", str(root), f"try {attempt}"]) == 2
            captured = capsys.readouterr()
            assert captured.out == ""
            assert captured.err == "ficwriter snapshot: disk full: history not updated\n"
        state = database_path(root).parent
        assert database_path(root).is_file()
        assert [p.name for p in state.iterdir() if "damaged" in p.name or "lock" in p.name] == []
        (disk / "filler").unlink()
        assert _revision_count(root) == 4  # the old revisions, all there
        assert main(["snapshot", str(root), "with room"]) == 0
        assert "pins 2 chapter(s)" in capsys.readouterr().out
        assert _revision_count(root) == 5  # the edit made elsewhere, taken in at last


def test_a_snapshot_on_a_read_only_disk_says_read_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with tmpfs(tmp_path / "disk", size="2m") as disk:
        root = _story_on(disk)
        make_read_only(disk)
        assert main(["snapshot", str(root), "sent"]) == 2
        said = capsys.readouterr().err
        assert said == "ficwriter snapshot: read-only disk: history not updated\n"


def test_history_still_lists_revisions_on_a_read_only_disk(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with tmpfs(tmp_path / "disk", size="2m") as disk:
        root = _story_on(disk)
        make_read_only(disk)
        assert main(["history", str(root / "chapters" / "01.md")]) == 0
        assert [line.split()[0] for line in capsys.readouterr().out.splitlines()] == ["r2", "r1"]
