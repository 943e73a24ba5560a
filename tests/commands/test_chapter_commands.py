from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ficwriter.cli import main
from ficwriter.paths import sample_project
from tests.faults import fill, make_read_only, tmpfs

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def starfall(tmp_path: Path) -> Path:
    root = tmp_path / "Starfall"
    shutil.copytree(sample_project(), root)
    return root


def _chapter(root: Path) -> Path:
    return root / "chapters" / "01-the-long-walk.md"


def test_import_writes_next_chapter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "draft.txt"
    source.write_text("A/N: thanks for reading!\n\nShe ran.\n\n\nHe stayed.\n", encoding="utf-8")
    assert main(["import", str(source), "--project", str(tmp_path / "Mine")]) == 0
    written = tmp_path / "Mine" / "chapters" / "01-draft.md"
    assert capsys.readouterr().out.strip() == str(written)
    assert written.read_text(encoding="utf-8") == (
        "::: note\nA/N: thanks for reading!\n:::\n\nShe ran.\n\n* * *\n\nHe stayed.\n"
    )


def test_an_import_is_the_chapters_first_revision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "draft.txt"
    source.write_text("She ran.\n\n\nHe stayed.\n", encoding="utf-8")
    assert main(["import", str(source), "--project", str(tmp_path / "Mine")]) == 0
    chapter = tmp_path / "Mine" / "chapters" / "01-draft.md"
    capsys.readouterr()
    assert main(["history", str(chapter), "--format", "json"]) == 0
    (revision,) = json.loads(capsys.readouterr().out)
    assert revision["source"] == "import" and revision["words"] == 4


def test_seed_import_outline_stats(
    tmp_path: Path, seed_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "seed.txt"
    source.write_text(seed_text, encoding="utf-8")
    assert main(["import", str(source), "--project", str(tmp_path / "S")]) == 0
    chapter = capsys.readouterr().out.strip()
    assert main(["stats", chapter, "--format", "json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert (stats["story_words"], stats["note_words"], stats["scenes"]) == (7637, 278, 6)
    assert main(["outline", chapter]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 7 and "An explosion." in lines[3]


def test_outline_and_stats_text(starfall: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", str(_chapter(starfall))]) == 0
    out = capsys.readouterr().out
    assert "The gate" in out and "Wren?" in out and "Wren " in out
    assert main(["stats", str(_chapter(starfall))]) == 0
    assert "story words     1522" in capsys.readouterr().out
    assert main(["outline", str(_chapter(starfall)), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["label"] for r in rows][0] == "The gate"


def test_export_uses_project_defaults_and_options(
    starfall: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["export", str(_chapter(starfall)), "-o", str(out)]) == 0  # [export] target
    assert sorted(p.name for p in out.iterdir()) == [
        "01-the-long-walk-beginning-notes.html",
        "01-the-long-walk-end-notes.html",
        "01-the-long-walk.html",
    ]
    args = ["export", str(_chapter(starfall)), "--to", "txt", "-o", str(out), "--drop-notes",
            "--typographic", "--scene-break", "~~~"]  # fmt: skip
    assert main(args) == 0
    text = (out / "01-the-long-walk.txt").read_text(encoding="utf-8")
    assert "Author's note" not in text and "~~~" in text and "didn’t" in text


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export", "{missing}", "--to", "ao3", "-o", "{out}"], "no such file"),
        (["export", "{chapter}", "--to", "pdf", "-o", "{out}"], "unknown target 'pdf'"),
        (["stats", "{binary}"], "binary"),
        (["outline", "{missing}"], "no such file"),
        (["outline", "{empty}"], "no chapters to outline"),
        (["import", "{binary}", "--project", "{out}"], "binary"),
        (["import", "{missing}", "--project", "{out}"], "no such file"),
    ],
)
def test_bad_input_exit_2_one_line_nothing_written(
    starfall: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str],
    message: str,
) -> None:  # fmt: skip
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x00\x0dIHDR\x00\x00")
    (tmp_path / "empty").mkdir()  # a folder without chapters
    paths = {"missing": str(tmp_path / "nope.md"), "out": str(tmp_path / "out"),
             "chapter": str(_chapter(starfall)), "binary": str(binary),
             "empty": str(tmp_path / "empty")}  # fmt: skip
    assert main([a.format(**paths) for a in argv]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_help_for_each_command(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("import", "export", "outline", "stats"):
        with pytest.raises(SystemExit) as exited:
            main([command, "--help"])
        assert exited.value.code == 0
        assert f"usage: ficwriter {command}" in capsys.readouterr().out


def test_python_dash_m_ficwriter(starfall: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-m", "ficwriter", "export", str(_chapter(starfall)), "--to", "md",
         "-o", str(tmp_path / "md")],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "md" / "01-the-long-walk.md").read_text(encoding="utf-8").startswith(
        "> Author's note"
    )



def test_outline_of_a_project_is_every_chapters_scenes_in_reading_order(
    starfall: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chapters = sorted((starfall / "chapters").glob("*.md"))
    alone = []
    for path in chapters:
        assert main(["outline", str(path), "--format", "json"]) == 0
        alone.append(json.loads(capsys.readouterr().out))
    assert main(["outline", str(starfall), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["project"] == {"title": "Starfall", "chapters": 2}
    assert [c["path"] for c in document["chapters"]] == [
        "chapters/01-the-long-walk.md", "chapters/02-over-the-ridge.md"]  # fmt: skip
    assert [c["scenes"] for c in document["chapters"]] == alone
    assert main(["outline", str(starfall)]) == 0
    blocks = capsys.readouterr().out.split("\n\n")
    assert [b.splitlines()[0] for b in blocks] == [
        "1. The long walk (chapters/01-the-long-walk.md)",
        "2. Over the ridge (chapters/02-over-the-ridge.md)"]  # fmt: skip
    for block, scenes in zip(blocks, alone):
        rows = block.strip().splitlines()[2:]
        assert [row.split(None, 3)[3] for row in rows] == [s["label"] for s in scenes]


AO3_DOWNLOAD = REPO / "tests" / "core" / "importers" / "data" / "ao3_download.html"


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}  # fmt: skip


def _import_fails_in_one_line(argv: list[str], capsys: pytest.CaptureFixture[str],
                              reason: str) -> None:  # fmt: skip
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and len(captured.err.strip().splitlines()) == 1, captured.err
    assert f"{reason}; nothing was imported" in captured.err


def test_an_import_onto_a_full_disk_takes_back_what_it_wrote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # An AO3 download whose second chapter is long: the first fits in the room left, the
    # second does not, so the import fails half-way through.
    midnight = "<p>The lamps went out one by one, and Pell went back for each of them.</p>"
    source = tmp_path / "lamplighter.html"
    source.write_text(AO3_DOWNLOAD.read_text(encoding="utf-8").replace(
        midnight, midnight * 500), encoding="utf-8")  # fmt: skip
    with tmpfs(tmp_path / "disk") as disk:
        assert main(["new", str(disk / "Story"), "--title", "Lamps"]) == 0
        capsys.readouterr()
        before = _files(disk / "Story")
        fill(disk)  # one page free: room for chapter 1, not for chapter 2
        _import_fails_in_one_line(["import", str(source), "--project", str(disk / "Story")],
                                  capsys, "the disk is full")  # fmt: skip
        assert _files(disk / "Story") == before
        _import_fails_in_one_line(["import", str(source), "--project", str(disk / "New")],
                                  capsys, "the disk is full")  # fmt: skip
        assert not (disk / "New").exists()


def test_an_import_onto_a_read_only_disk_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with tmpfs(tmp_path / "disk") as disk:
        assert main(["new", str(disk / "Story"), "--title", "Lamps"]) == 0
        capsys.readouterr()
        before = _files(disk / "Story")
        make_read_only(disk)
        for project in (disk / "Story", disk / "New"):
            _import_fails_in_one_line(["import", str(AO3_DOWNLOAD), "--project", str(project)],
                                      capsys, "the disk is read-only")  # fmt: skip
        assert _files(disk / "Story") == before and not (disk / "New").exists()


def test_an_import_onto_a_full_disk_writes_the_chapter_and_says_history_missed_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "draft.txt"
    source.write_text("She ran.\n\n\nHe stayed.\n", encoding="utf-8")
    with tmpfs(tmp_path / "disk", size="2m") as disk:
        project = disk / "Mine"
        assert main(["import", str(source), "--project", str(project)]) == 0
        capsys.readouterr()
        fill(disk, leave=16384)  # room for a chapter file, not for history's pages
        assert main(["import", str(source), "--project", str(project)]) == 2
        captured = capsys.readouterr()
        assert captured.err == "ficwriter import: disk full: history not updated\n"
        written = Path(captured.out.strip())
        assert written.read_text(encoding="utf-8") == "She ran.\n\n* * *\n\nHe stayed.\n"
        assert not [p for p in (project / ".ficwriter").iterdir() if "damaged" in p.name]
        (disk / "filler").unlink()
