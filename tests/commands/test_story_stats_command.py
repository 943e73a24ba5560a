"""`ficwriter stats PROJECT`: per chapter and scene measures of a real project folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ficwriter.cli import main
from ficwriter.paths import sample_project


@pytest.fixture
def starfall(tmp_path: Path) -> Path:
    return Path(shutil.copytree(sample_project(), tmp_path / "Starfall"))


def test_project_stats_json_per_chapter_and_scene(
    starfall: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats", str(starfall), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    chapters = document["chapters"]
    assert [c["path"] for c in chapters] == ["chapters/01-the-long-walk.md",
                                            "chapters/02-over-the-ridge.md"]
    assert [c["words"] for c in chapters] == [1522, 299]
    assert document["project"]["words"] == 1821 and document["project"]["chapters"] == 2
    first = chapters[0]["scenes"][0]
    assert first["label"] == "The gate" and first["pov"] == "Wren"
    for key in ("dialogue_share", "pov_share", "sentence_length", "paragraph_length",
                "issues_per_1000_words"):  # fmt: skip
        assert key in first and key in chapters[0] and key in document["project"]
    assert sum(s["words"] for s in chapters[0]["scenes"]) == 1522
    # the sample's slips are found and counted per 1,000 words
    issues = document["project"]["issues"]
    assert issues and all(v > 0 for v in issues.values())
    rate = document["project"]["issues_per_1000_words"]
    assert rate["spelling"] == round(issues["spelling"] * 1000 / 1821, 2)


def test_project_stats_text_is_a_table_with_a_total(
    starfall: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats", str(starfall)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["chapter", "words", "scenes"]
    assert lines[1].startswith("1. The long walk") and "1,522" in lines[1]
    assert lines[-1].startswith("all chapters") and "1,821" in lines[-1]


def test_project_stats_of_a_broken_config_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "ficwriter.toml").write_text("title = [", encoding="utf-8")
    assert main(["stats", str(tmp_path)]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
