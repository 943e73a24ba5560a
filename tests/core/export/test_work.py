"""Whole-work exports: AO3's folders and posting checklist, FFN's files, progress, cancel."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ficwriter.core.export import ExportCancelled, ExportOptions, export_work
from ficwriter.core.export.ao3 import NOTES_LIMIT, TEXT_LIMIT
from ficwriter.core.project import create_project, open_project
from ficwriter.paths import sample_project
from tests.core.export.generated import write_project


def _posting(work) -> str:
    return work.files["posting.md"].decode("utf-8")


def test_ao3_writes_a_folder_per_chapter_and_a_posting_checklist() -> None:
    work = export_work(open_project(sample_project()), "ao3")
    assert sorted({name.split("/")[0] for name in work.files}) == [
        "01-the-long-walk", "02-over-the-ridge", "posting.md", "work-summary.html"]  # fmt: skip
    assert "01-the-long-walk/01-the-long-walk-end-notes.html" in work.files
    text = _posting(work)
    assert text.startswith("# Posting “Starfall” on AO3")
    assert "Every field fits AO3's limits." in text and "over AO3's limit" not in text
    assert "## Chapter 2: Over the ridge" in text
    chapter_text = work.files["01-the-long-walk/01-the-long-walk.html"].decode().rstrip("\n")
    assert f"({len(chapter_text):,} / 500,000 characters)" in text
    assert "Work summary: `work-summary.html` (" in text
    assert (work.chapters, work.summary("out")) == (2, "2 chapters, 1,821 words, written to out")


def _scene(characters: int, word: str) -> str:
    paragraph = (f"{word} " * 200).strip()
    return "\n\n".join([paragraph] * (characters // (len(paragraph) + 9) + 1))


def test_the_checklist_flags_a_510000_character_chapter_and_a_5100_character_note(
    tmp_path: Path,
) -> None:
    project = create_project(tmp_path / "Long", "Long")
    note = "A/N: " + "x" * (5_100 - len("<p>A/N: </p>"))
    scenes = [_scene(170_000, w) for w in ("alpha", "beta", "gamma")]
    body = "\n\n* * *\n\n".join(scenes)
    (project.chapters_dir / "01-long.md").write_text(
        f"::: note\n{note}\n:::\n\n{body}\n", encoding="utf-8")
    work = export_work(open_project(project.root), "ao3")
    text_file = work.files["01-long/01-long.html"].decode().rstrip("\n")
    notes_file = work.files["01-long/01-long-beginning-notes.html"].decode().rstrip("\n")
    assert len(text_file) > 510_000 and len(notes_file) == 5_100
    posting = _posting(work)
    assert "**2 fields over AO3's limits:** chapter 1 beginning notes, chapter 1 chapter text" \
        in posting
    assert (f"Chapter text: `01-long/01-long.html` ({len(text_file):,} / 500,000 characters) — "
            f"**over AO3's limit by {len(text_file) - TEXT_LIMIT:,}**") in posting
    assert f"(5,100 / 5,000 characters) — **over AO3's limit by {5_100 - NOTES_LIMIT}**" \
        in posting
    parts = re.findall(r"^\d\. scenes? ([\d–]+): ([\d,]+) characters$", posting, re.M)
    assert [p[0] for p in parts] == ["1–2", "3"]
    assert all(int(n.replace(",", "")) <= TEXT_LIMIT for _, n in parts)
    assert sum(int(n.replace(",", "")) for _, n in parts) < len(text_file)  # one break less


def test_a_long_chapter_without_a_break_is_told_to_split_by_hand(tmp_path: Path) -> None:
    project = create_project(tmp_path / "Long", "Long")
    (project.chapters_dir / "01-long.md").write_text(_scene(505_000, "word") + "\n", "utf-8")
    posting = _posting(export_work(open_project(project.root), "ao3"))
    assert "no scene break to split it at: split it by hand" in posting


def _symbol_only(line: str) -> bool:
    text = re.sub(r"<[^>]+>", "", line).strip()
    return bool(text) and not re.search(r"\w", text)


@pytest.mark.parametrize("scene_break", [None, "hr", "* * *", "~~~", "---", "xXx"])
def test_an_ffn_export_is_a_file_per_chapter_without_symbol_only_lines(
    tmp_path: Path, scene_break: str | None
) -> None:
    root = write_project(tmp_path / "p", 6_000, 4)
    work = export_work(open_project(root), "ffn", ExportOptions(scene_break=scene_break))
    assert list(work.files) == [f"{n:02d}-part-{n}.html" for n in range(1, 5)]
    for data in work.files.values():
        lines = data.decode().splitlines()
        assert not [line for line in lines if _symbol_only(line)]
        assert "<hr>" in lines  # breaks and notes are set off by rules
        assert any("A/N: thanks for reading" in line for line in lines)  # notes inline


def test_chosen_chapters_keep_their_place_in_the_work() -> None:
    project = open_project(sample_project())
    work = export_work(project, "ao3", chapters=project.chapters()[1:])
    assert "## Chapter 2: Over the ridge" in _posting(work) and work.chapters == 1


def test_progress_counts_each_chapter_and_cancel_stops_with_nothing_returned(
    tmp_path: Path,
) -> None:
    root = write_project(tmp_path / "p", 4_000, 4)
    seen: list[tuple[int, int]] = []
    export_work(open_project(root), "epub", progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]
    seen.clear()
    with pytest.raises(ExportCancelled):
        export_work(open_project(root), "epub", progress=lambda d, t: seen.append((d, t)),
                    cancelled=lambda: len(seen) >= 2)  # fmt: skip
    assert seen == [(1, 5), (2, 5)]
