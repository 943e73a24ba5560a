"""Targets in ficwriter.toml [goals]: read, changed, and written back with comments kept."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ficwriter.core.goals import Goals, read_goals, update_goals
from ficwriter.core.project import open_project

CONFIG = """\
# My story's settings
title = "Starfall"  # working title
language = "en-GB"

[goals]
# NaNoWriMo, more or less
words = 50000
deadline = 2026-11-30

[export]
target = "ao3"
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "ficwriter.toml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


def test_targets_read_from_the_goals_table(root: Path) -> None:
    goals = read_goals(open_project(root))
    assert goals == Goals(words=50000, deadline=date(2026, 11, 30))


def test_targets_survive_a_round_trip_with_comments_kept(root: Path) -> None:
    project = open_project(root)
    update_goals(project, daily=1667, session=30, session_unit="minutes",
                 chapters={"chapters/01-the-cave.md": 5000})  # fmt: skip
    project.save()
    text = (root / "ficwriter.toml").read_text(encoding="utf-8")
    for kept in ("# My story's settings", "# working title", "# NaNoWriMo, more or less",
                 'target = "ao3"'):  # fmt: skip
        assert kept in text
    again = read_goals(open_project(root))
    assert again == Goals(words=50000, deadline=date(2026, 11, 30), daily=1667, session=30,
                          session_unit="minutes", chapters={"chapters/01-the-cave.md": 5000})
    assert again.chapter("chapters/01-the-cave.md") == 5000


def test_zero_or_false_removes_a_target(root: Path) -> None:
    project = open_project(root)
    goals = update_goals(project, words=0, deadline=False)
    project.save()
    assert goals == Goals()
    text = (root / "ficwriter.toml").read_text(encoding="utf-8")
    assert "words =" not in text and "deadline" not in text
    assert "# NaNoWriMo, more or less" in text


def test_a_project_without_goals_gets_a_table_only_when_one_is_set(tmp_path: Path) -> None:
    project = open_project(tmp_path)
    assert read_goals(project) == Goals()
    update_goals(project, daily=500)
    project.save()
    assert read_goals(open_project(tmp_path)).daily == 500


@pytest.mark.parametrize(
    ("line", "key"),
    [("words = -5", "words"), ('daily = "lots"', "daily"), ('deadline = "soon"', "deadline"),
     ('session_unit = "hours"', "session_unit"), ("words = true", "words")],
)  # fmt: skip
def test_a_wrong_value_names_its_key(tmp_path: Path, line: str, key: str) -> None:
    (tmp_path / "ficwriter.toml").write_text(f"[goals]\n{line}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=key):
        read_goals(open_project(tmp_path))
