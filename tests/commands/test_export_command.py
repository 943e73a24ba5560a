"""`ficwriter export`: a chapter or a project, refusals and disk faults as one line, exit 2."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from ficwriter.cli import main
from ficwriter.paths import copy_sample_project
from tests.faults import fill, make_read_only, tmpfs


@pytest.fixture
def starfall(tmp_path: Path) -> Path:
    return Path(copy_sample_project(tmp_path / "Starfall"))


def _one_line_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str], message: str) -> None:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and message in captured.err
    assert len(captured.err.strip().splitlines()) == 1, captured.err


def _files(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_export_project_to_ao3_writes_a_folder_per_chapter(
    starfall: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["export", str(starfall), "--to", "ao3", "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert sorted(p.name for p in out.iterdir()) == [
        "01-the-long-walk", "02-over-the-ridge", "posting.md", "work-summary.html"]  # fmt: skip
    assert str(out / "posting.md") in captured.out.splitlines()
    assert f"exported 2 chapters, 1,821 words, written to {out}" in captured.err


def test_export_project_to_epub_and_chosen_chapters(
    starfall: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["export", str(starfall), "--to", "epub", "-o", str(out), "--chapters", "2"]) == 0
    with zipfile.ZipFile(out / "starfall.epub") as book:
        chapters = [n for n in book.namelist() if "chapter-" in n]
        text = book.read(chapters[0]).decode()
    assert len(chapters) == 1 and "<h2>2. Over the ridge</h2>" in text
    assert "gate of Ashmere" not in text  # chapter 1
    assert "1 chapter, 299 words" in capsys.readouterr().err
    _one_line_exit_2(["export", str(starfall), "--to", "epub", "-o", str(tmp_path / "x"),
                      "--chapters", "3"], capsys, "the project has chapters 1-2")  # fmt: skip


def test_an_export_never_writes_onto_a_chapter(
    starfall: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chapter = starfall / "chapters" / "01-the-long-walk.md"
    before = _files(starfall)
    for argv, message in (
        (["--to", "md", "-o", str(chapter.parent)], "would replace a chapter"),
        (["--to", "md", "-o", str(chapter.parent), "--force"], "would replace a chapter"),
        (["--to", "txt", "-o", str(chapter.parent)], "would be read as a new chapter"),
        (["--to", "md", "-o", str(chapter)], "is a chapter file"),
    ):
        _one_line_exit_2(["export", str(chapter), *argv], capsys, message)
    assert _files(starfall) == before


def test_an_earlier_export_is_kept_without_force(
    starfall: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    argv = ["export", str(starfall / "chapters" / "01-the-long-walk.md"), "--to", "txt",
            "-o", str(out)]  # fmt: skip
    assert main(argv) == 0
    (out / "01-the-long-walk.txt").write_text("edited by hand", encoding="utf-8")
    capsys.readouterr()
    _one_line_exit_2(argv, capsys, "exists already; --force replaces the earlier export")
    assert (out / "01-the-long-walk.txt").read_text(encoding="utf-8") == "edited by hand"
    assert main([*argv, "--force"]) == 0
    assert "Wren Halloway" in (out / "01-the-long-walk.txt").read_text(encoding="utf-8")


def test_a_full_or_read_only_disk_is_one_line_and_exit_2(
    starfall: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with tmpfs(tmp_path / "full") as disk:
        fill(disk)
        _one_line_exit_2(["export", str(starfall), "--to", "epub", "-o", str(disk / "out")],
                         capsys, "the disk is full")  # fmt: skip
        assert [p.name for p in disk.rglob("*")] == ["filler"]
    with tmpfs(tmp_path / "ro") as disk:
        make_read_only(disk)
        _one_line_exit_2(["export", str(starfall), "--to", "ao3", "-o", str(disk / "out")],
                         capsys, "read-only")  # fmt: skip


def test_a_cover_that_is_no_image_is_one_line(
    starfall: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = tmp_path / "cover.jpg"
    fake.write_bytes(b"not an image")
    _one_line_exit_2(["export", str(starfall), "--to", "epub", "-o", str(tmp_path / "out"),
                      "--cover", str(fake)], capsys, "not a JPEG, PNG or GIF")  # fmt: skip
    assert not (tmp_path / "out").exists()
