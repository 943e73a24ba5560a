"""`ficwriter goal` and `ficwriter progress` on a real project folder."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ficwriter.cli import main
from ficwriter.core.project import create_project
from ficwriter.history.store import HistoryStore


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = create_project(tmp_path / "Story").root
    with HistoryStore.open(root) as store:
        store.save("chapters/01.md", "Lexa drew her sword.\n")
    return root


def test_goal_sets_targets_and_prints_them(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    chapter = root / "chapters" / "01.md"
    argv = ["goal", str(root), "--words", "60000", "--deadline", "2027-03-01", "--daily",
            "500", "--session", "25m", "--chapter", str(chapter), "5000"]  # fmt: skip
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "60,000 words" in out and "2027-03-01" in out and "25 minutes" in out
    assert "5,000 words  chapters/01.md" in out
    assert main(["goal", str(root), "--deadline", "none", "--session", "300"]) == 0
    out = capsys.readouterr().out
    assert "deadline  -" in out and "session   300 words" in out and "60,000" in out
    assert "[goals]" in (root / "ficwriter.toml").read_text(encoding="utf-8")


def _exit_code(argv: list[str]) -> int:
    """What the shell would see: argparse's usage errors exit, command errors return."""
    try:
        return main(argv)
    except SystemExit as stop:
        return int(stop.code or 0)


@pytest.mark.parametrize(
    ("argv", "says"),
    [(["--deadline", "March"], "2027-03-01"), (["--daily", "-3"], "number of words"),
     (["--session", "half an hour"], "minutes (30m)"),
     (["--chapter", "chapters/99.md", "100"], "no such chapter")],
)  # fmt: skip
def test_goal_rejects_bad_input_in_one_line(
    root: Path, argv: list[str], says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (root / "ficwriter.toml").read_text(encoding="utf-8")
    assert _exit_code(["goal", str(root), *argv]) == 2
    err = capsys.readouterr().err.strip()
    assert says in err.splitlines()[-1] and "Traceback" not in err
    assert (root / "ficwriter.toml").read_text(encoding="utf-8") == before


def test_progress_json_has_the_documented_shape(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (root / "chapters" / "01.md").write_text("Lexa drew her sword and ran.\n", encoding="utf-8")
    main(["goal", str(root), "--daily", "2"])
    capsys.readouterr()
    assert main(["progress", str(root), "--days", "3", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    today = date.today().isoformat()
    assert set(report) == {"project", "today", "days", "streak"}
    assert set(report["project"]) == {"words", "target", "deadline", "days_left",
                                      "words_per_day_needed"}
    # the edit made in another editor counts: +2 on top of the save's 4
    assert report["project"]["words"] == 6
    assert report["today"] == {"date": today, "added": 6, "removed": 0, "net": 6, "target": 2}
    assert [d["date"] for d in report["days"]][-1] == today and len(report["days"]) == 3
    assert all(set(d) == {"date", "added", "removed", "net"} for d in report["days"])
    assert report["streak"] == 1


def test_progress_text_is_a_small_table(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["progress", str(root), "--days", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("date"))
    assert lines[header].split() == ["date", "added", "removed", "net"]
    assert lines[header + 2].split() == [date.today().isoformat(), "4", "0", "+4"]


def test_progress_without_history_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["progress", str(tmp_path)]) == 2
    assert "no history yet" in capsys.readouterr().err
    assert not (tmp_path / ".ficwriter").exists()
