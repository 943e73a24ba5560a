"""`ficwriter names PROJECT`: the name candidates as text and as JSON; bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ficwriter.cli import main


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "ficwriter.toml").write_text('title = "Ferry"\n', encoding="utf-8")
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "01-dock.md").write_text(
        "The boat left Quillan at six. They reached Quillan's harbour late.\n\n"
        '"Ready?" asked Marit. She nodded at Marit and went below.\n',
        encoding="utf-8",
    )
    return tmp_path


def test_text_lists_each_candidate_with_its_uses(project: Path, capsys) -> None:
    assert main(["names", str(project)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in lines] == ["Marit", "Quillan"]
    assert "2 mid-sentence, 2 in all" in lines[1]


def test_json_is_json_only(project: Path, capsys) -> None:
    assert main(["names", str(project), "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [c["word"] for c in found] == ["Marit", "Quillan"]
    assert found[1]["mid_sentence"] == 2 and found[1]["examples"]


def test_a_missing_project_is_one_line_and_exit_2(tmp_path: Path, capsys) -> None:
    assert main(["names", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such file or folder" in err


def test_a_bad_not_names_setting_is_reported(project: Path, capsys) -> None:
    (project / "ficwriter.toml").write_text('title = "Ferry"\n[checks]\nnot_names = "Marit"\n')
    assert main(["names", str(project)]) == 2
    assert "not_names" in capsys.readouterr().err
