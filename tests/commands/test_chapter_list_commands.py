"""`ficwriter new` and `ficwriter chapter …` on real project folders, as a script uses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import tomlkit

from ficwriter.cli import main
from ficwriter.history.store import HistoryStore


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict]:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def story(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    root = tmp_path / "Night"
    assert main(["new", str(root), "--title", "The Long Night", "--author", "Ana",
                 "--fandom", "The 100", "--language", "en-GB"]) == 0
    assert capsys.readouterr().out.strip() == str(root / "chapters" / "01-chapter.md")
    return root


def test_new_writes_the_settings_and_a_first_chapter(story: Path) -> None:
    config = tomlkit.parse((story / "ficwriter.toml").read_text(encoding="utf-8"))
    assert (config["title"], config["author"], config["fandom"], config["language"]) == (
        "The Long Night", "Ana", "The 100", "en-GB")
    assert [p.name for p in (story / "chapters").iterdir()] == ["01-chapter.md"]


@pytest.mark.parametrize(("argv", "message"), [
    (["--title", "Again"], "is a ficwriter project already"),
])
def test_new_on_a_project_refuses(story: Path, argv: list[str], message: str,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    before = (story / "ficwriter.toml").read_bytes()
    assert main(["new", str(story), *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert (story / "ficwriter.toml").read_bytes() == before


def test_new_with_an_unknown_language_writes_nothing(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", str(tmp_path / "X"), "--title", "X", "--language", "klingon"]) == 2
    assert "unknown language 'klingon'" in capsys.readouterr().err
    assert not (tmp_path / "X").exists()


def test_a_story_arranged_from_the_command_line(story: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    first = story / "chapters" / "01-chapter.md"
    first.write_text("Clarke woke.\n\n* * *\n\nLexa waited by the river.\n", encoding="utf-8")
    assert main(["chapter", "add", str(story), "--title", "The Cave"]) == 0
    assert main(["chapter", "rename", str(story), "1", "Waking"]) == 0
    assert main(["chapter", "split", str(story), "1", "--scene", "2"]) == 0
    assert main(["chapter", "move", str(story), "3", "--to", "1"]) == 0
    capsys.readouterr()
    rows = _json(capsys, "chapter", "list", str(story), "--format", "json")
    assert [(r["number"], r["title"], Path(r["path"]).name, r["words"]) for r in rows] == [
        (1, "The Cave", "01-the-cave.md", 0),
        (2, "Waking", "02-waking.md", 2),
        (3, "Lexa waited by the river", "03-lexa-waited-by-the-river.md", 5),
    ]
    assert main(["chapter", "merge", str(story), "2"]) == 0
    assert main(["chapter", "delete", str(story), "1"]) == 0
    capsys.readouterr()
    deleted = _json(capsys, "chapter", "list", str(story), "--deleted", "--format", "json")
    assert [(d["number"], d["name"], d["title"]) for d in deleted] == [
        (1, "01-the-cave.md", "The Cave"),  # the latest deleted first
        (2, "03-lexa-waited-by-the-river.md", "Lexa waited by the river"),  # merged into 2
    ]
    rows = _json(capsys, "chapter", "list", str(story), "--format", "json")
    assert [(Path(r["path"]).name, r["words"]) for r in rows] == [("01-waking.md", 7)]
    assert main(["chapter", "restore", str(story), "the-cave"]) == 0
    capsys.readouterr()
    rows = _json(capsys, "chapter", "list", str(story), "--format", "json")
    assert [Path(r["path"]).name for r in rows] == ["01-the-cave.md", "02-waking.md"]
    with HistoryStore.open(story) as store:  # the first chapter's history followed it
        texts = [store.text(r.id) for r in store.revisions("chapters/02-waking.md")]
    assert texts[-1] == ""  # as `new` made it
    assert "Clarke woke.\n\n* * *\n\nLexa waited by the river.\n" in texts  # before the split
    assert "Lexa waited by the river." in texts[0] and "Clarke woke." in texts[0]  # merged


@pytest.mark.parametrize(("argv", "message"), [
    (["chapter", "move", "{root}", "1", "--to", "4"], "--to 4: the project has chapters 1 to 1"),
    (["chapter", "delete", "{root}", "2"], "chapter 2: the project has chapters 1 to 1"),
    (["chapter", "split", "{root}", "1", "--scene", "2"], "a split needs at least two"),
    (["chapter", "merge", "{root}", "1"], "chapter 1 is the last one"),
    (["chapter", "restore", "{root}", "1"], "the trash is empty"),
    (["chapter", "rename", "{root}", "1", " "], "cannot be empty"),
    (["chapter", "list", "{root}/nothing"], "is not a project folder"),
])
def test_bad_input_is_one_line_exit_2_and_nothing_written(
    story: Path, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = {p: p.read_bytes() for p in (story / "chapters").iterdir()}
    assert main([a.replace("{root}", str(story)) for a in argv]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert {p: p.read_bytes() for p in (story / "chapters").iterdir()} == before
