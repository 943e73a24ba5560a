"""Where exports go: never onto a chapter, never over an earlier export unasked, all files
or none (cancelled, disk full, read-only)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficwriter.core.atomic import SaveError, WriteCancelled, write_files
from ficwriter.core.export import export_work
from ficwriter.core.export.destination import (
    ExportExists,
    OverwritesChapter,
    existing_files,
    write_export_files,
)
from ficwriter.core.project import open_project
from ficwriter.paths import copy_sample_project
from tests.faults import fill, make_read_only, tmpfs


@pytest.fixture
def starfall(tmp_path: Path) -> Path:
    return Path(copy_sample_project(tmp_path / "Starfall"))


def _files(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_an_export_onto_a_chapter_is_refused_even_with_force(starfall: Path) -> None:
    project = open_project(starfall)
    before = _files(starfall)
    chapter = project.chapters()[0]
    for force in (False, True):
        with pytest.raises(OverwritesChapter, match="would replace a chapter"):
            write_export_files({chapter.name: b"x"}, chapter.parent, project, force=force)
        with pytest.raises(OverwritesChapter, match="would be read as a new chapter"):
            write_export_files({"01-x.txt": b"x"}, chapter.parent, project, force=force)
        with pytest.raises(OverwritesChapter, match="is a chapter file"):
            write_export_files({"a.html": b"x"}, chapter, project, force=force)
    assert _files(starfall) == before


def test_a_loose_chapters_own_folder_is_its_chapter_folder(tmp_path: Path) -> None:
    loose = tmp_path / "draft.md"
    loose.write_text("Twenty-eight words of a draft.\n", encoding="utf-8")
    with pytest.raises(OverwritesChapter):
        write_export_files({"draft.md": b"x"}, tmp_path, open_project(loose), force=True)
    assert loose.read_text(encoding="utf-8") == "Twenty-eight words of a draft.\n"


def test_another_projects_chapters_folder_is_refused(starfall: Path, tmp_path: Path) -> None:
    other = Path(copy_sample_project(tmp_path / "Other"))
    with pytest.raises(OverwritesChapter):
        write_export_files({"99-new.md": b"x"}, other / "chapters", open_project(starfall))
    assert not (other / "chapters" / "99-new.md").exists()


def test_an_earlier_export_is_replaced_only_with_force(starfall: Path, tmp_path: Path) -> None:
    project = open_project(starfall)
    out = tmp_path / "out"
    work = export_work(project, "ao3")
    write_export_files(work.files, out, project)
    assert existing_files(work.files, out) == [out.joinpath(*n.split("/")) for n in work.files]
    (out / "posting.md").write_text("my own notes", encoding="utf-8")
    with pytest.raises(ExportExists, match="and 6 more exist already"):
        write_export_files(work.files, out, project)
    assert (out / "posting.md").read_text(encoding="utf-8") == "my own notes"
    write_export_files(work.files, out, project, force=True)
    assert (out / "posting.md").read_bytes() == work.files["posting.md"]


def test_a_cancelled_write_leaves_nothing(tmp_path: Path) -> None:
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 2

    files = {tmp_path / "out" / f"{n}.html": b"text" * 1000 for n in range(5)}
    with pytest.raises(WriteCancelled):
        write_files(files, cancelled=cancelled)
    assert list(tmp_path.rglob("*")) == []


def test_a_file_another_program_made_meanwhile_is_kept_and_nothing_written(
    tmp_path: Path,
) -> None:
    files = {tmp_path / "out" / f"{n}.html": b"new" for n in range(3)}
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "2.html").write_bytes(b"theirs")
    with pytest.raises(SaveError, match="exists already; nothing was written"):
        write_files(files)
    assert _files(tmp_path) == {tmp_path / "out" / "2.html": b"theirs"}


def test_a_full_disk_leaves_no_partial_export(starfall: Path, tmp_path: Path) -> None:
    project = open_project(starfall)
    work = export_work(project, "epub")
    with tmpfs(tmp_path / "small") as disk:
        fill(disk, leave=4096)
        with pytest.raises(SaveError, match="the disk is full"):
            write_export_files(work.files, disk / "out", project)
        assert [p.name for p in disk.rglob("*")] == ["filler"]  # no file, no folder


def test_a_read_only_disk_is_one_sentence(starfall: Path, tmp_path: Path) -> None:
    project = open_project(starfall)
    work = export_work(project, "ao3")
    with tmpfs(tmp_path / "ro") as disk:
        make_read_only(disk)
        with pytest.raises(SaveError, match="read-only") as refused:
            write_export_files(work.files, disk / "out", project)
        assert "\n" not in str(refused.value)
