"""`ficwriter check`: text and JSON output, engines, bad input."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ficwriter.cli import main
from ficwriter.paths import sample_project
from tests.checks.lt_server import FakeLanguageTool, start_server

CHAPTER = "Clarke didn't turned around.\n\nShe *recieve* the note 😀 from Lexa.\n"


@pytest.fixture
def lt_server():
    server = start_server()
    yield server
    server.stop()


@pytest.fixture
def chapter(tmp_path: Path) -> Path:
    path = tmp_path / "01-chapter.md"
    path.write_text(CHAPTER, encoding="utf-8")
    return path


def test_text_output_has_line_column_category_rule_message(chapter: Path, capsys):
    assert main(["check", str(chapter), "--engine", "harper"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert f"{chapter}:1:15: grammar [DidPast]" in out[0]
    assert "(suggestions: turn)" in out[0] and out[0].endswith("<harper>")
    assert any(line.startswith(f"{chapter}:3:6: spelling [SpellCheck]") for line in out)


def test_json_output_for_tools(chapter: Path, capsys):
    assert main(["check", str(chapter), "--engine", "harper", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["engines"]["harper"]["state"] == "ready"
    recieve = [i for i in document["issues"] if i["text"] == "recieve"][0]
    assert (recieve["line"], recieve["column"], recieve["category"]) == (3, 6, "spelling")
    assert CHAPTER[recieve["start"] : recieve["end"]] == "recieve"
    assert recieve["engine"] == "harper" and "receive" in recieve["suggestions"]


def test_languagetool_by_url(chapter: Path, lt_server: FakeLanguageTool, capsys):
    code = main(["check", str(chapter), "--engine", "languagetool", "--engine", "harper",
                 "--lt-url", lt_server.url, "--format", "json"])
    assert code == 0
    issues = json.loads(capsys.readouterr().out)["issues"]
    recieve = [i for i in issues if i["text"] == "recieve"][0]
    assert recieve["engine"] == "languagetool" and recieve["also_found_by"] == ["harper"]
    assert sorted(lt_server.texts) == sorted(["Clarke didn't turned around.",
                                              "She recieve the note 😀 from Lexa.".replace("😀", "\ufffd")])


def test_unreachable_languagetool_still_runs_and_says_why(chapter: Path, capsys):
    code = main(["check", str(chapter), "--engine", "languagetool", "--engine", "harper",
                 "--lt-url", "http://127.0.0.1:9"])
    captured = capsys.readouterr()
    assert code == 0
    assert "[DidPast]" in captured.out
    assert "languagetool unavailable: LanguageTool server http://127.0.0.1:9 unreachable" in captured.err


def test_project_dictionary_and_settings_are_used(tmp_path: Path, capsys):
    (tmp_path / "ficwriter.toml").write_text('[checks]\nengines = ["harper"]\n')
    (tmp_path / "dictionary.txt").write_text("Lexa\n")
    (tmp_path / "chapters").mkdir()
    path = tmp_path / "chapters" / "01.md"
    path.write_text("Lexa waited by teh river.\n")
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert ":1:16: grammar [The]" in out and "Lexa" not in out
    assert (tmp_path / ".ficwriter" / "history.sqlite").is_file()  # cache kept for next time


def test_loose_file_leaves_no_database_behind(chapter: Path):
    assert main(["check", str(chapter), "--engine", "harper"]) == 0
    assert not (chapter.parent / ".ficwriter").exists()


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda d: d / "missing.md", "no such file"),
        (lambda d: d, "no chapters to check"),  # a folder is a project, this one empty
    ],
)
def test_bad_input_exits_2_with_one_line(tmp_path: Path, capsys, make, message):
    assert main(["check", str(make(tmp_path)), "--engine", "harper"]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_bad_settings_exit_2(tmp_path: Path, capsys):
    (tmp_path / "ficwriter.toml").write_text('[checks.languagetool]\nmode = "cloud"\n')
    path = tmp_path / "01.md"
    path.write_text("Text.\n")
    assert main(["check", str(path)]) == 2
    assert "mode must be one of" in capsys.readouterr().err


def test_binary_file_exits_2(tmp_path: Path, capsys):
    path = tmp_path / "image.md"
    path.write_bytes(bytes(range(256)) * 4)
    assert main(["check", str(path), "--engine", "harper"]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and len(err.strip().splitlines()) == 1


def test_offline_engines_on_the_seed(seed_text: str, tmp_path: Path, capsys):
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    assert main(["check", str(path), "--engine", "harper", "--engine", "fiction",
                 "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert set(document["engines"]) == {"harper", "fiction"}
    rules = {(i["text"], i["rule_id"]) for i in document["issues"]}
    assert ("turned", "DidPast") in rules
    assert ("the blonde", "fiction.epithet") in rules


def test_missing_languagetool_dir_exits_2(chapter: Path, tmp_path: Path, capsys):
    assert main(["check", str(chapter), "--languagetool-dir", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"ficwriter check: --languagetool-dir {tmp_path / 'nope'}: no such folder"


def test_languagetool_dir_without_languagetool_falls_back_and_says_why(
    chapter: Path, tmp_path: Path, capsys
):
    """An empty folder, no release and no internet: one line, and Harper still reports."""
    code = main(["check", str(chapter), "--languagetool-dir", str(tmp_path),
                 "--engine", "languagetool", "--engine", "harper"])  # fmt: skip
    assert code == 0
    captured = capsys.readouterr()
    assert "<harper>" in captured.out
    [line] = [l for l in captured.err.splitlines() if "languagetool" in l]
    assert line.startswith("ficwriter check: languagetool unavailable: ")
    assert "scripts/get-languagetool" in line or "Java" in line


def test_a_long_check_shows_how_far_it_is_on_stderr_and_keeps_stdout_json(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
):
    import threading

    from ficwriter.checks.harper_engine import HarperEngine
    from tests.gate import EngineGate
    from tests.history.support import wait_for

    text = "".join(f"Clarke didn't turned around {n} times and she recieve the note from Lexa. "
                   for n in range(2_000))
    path = tmp_path / "pasted.md"
    path.write_text(text + "\n", encoding="utf-8")  # one 150 KB paragraph, no two pieces alike
    gate = EngineGate()
    gate.hold(monkeypatch, HarperEngine)
    gate.allow(10)  # a tenth or so of the pieces, then the check waits at the gate
    code: list[int] = []
    run = threading.Thread(
        target=lambda: code.append(main(["check", str(path), "--engine", "harper",
                                         "--format", "json"]))
    )
    run.start()
    err: list[str] = []
    try:
        wait_for(lambda: err.append(capsys.readouterr().err) or "checking: " in "".join(err),
                 timeout=30)
    finally:
        gate.open()
        run.join(120)
    captured = capsys.readouterr()
    shown = "".join(err) + captured.err
    assert code == [0]
    import re

    first = re.search(r"checking: (\d+)% \((\d+) of (\d+) paragraph checks\)", shown)
    assert first is not None, shown
    percent, done, total = map(int, first.groups())
    assert done <= 10 < total and percent == done * 100 // total  # shown while it waited
    document = json.loads(captured.out)  # stdout is the JSON alone
    texts = [i["text"] for i in document["issues"]]
    assert texts.count("recieve") == 2_000 and texts.count("turned") == 2_000


def test_check_prints_only_its_findings_in_every_format(tmp_path: Path) -> None:
    # harper-py's native code prints "gerund_form: …" on descriptor 1 linting this sentence
    chapter = tmp_path / "01-trouble.md"
    chapter.write_text("She was looking forward to trouble.\n\n" * 2, encoding="utf-8")
    run = [sys.executable, "-m", "ficwriter", "check", str(chapter), "--engine", "harper"]
    as_json = subprocess.run([*run, "--format", "json"], capture_output=True, text=True,
                             timeout=120, check=True)  # fmt: skip
    issues = json.loads(as_json.stdout)["issues"]
    assert [i["rule_id"] for i in issues] == ["LookingForwardTo"] * 2
    as_text = subprocess.run(run, capture_output=True, text=True, timeout=120, check=True)
    lines = as_text.stdout.splitlines()
    assert len(lines) == 2 and all(line.startswith(f"{chapter}:") for line in lines), lines


def _check_json(capsys, path: Path) -> dict:
    assert main(["check", str(path), "--engine", "harper", "--engine", "fiction",
                 "--format", "json"]) == 0  # fmt: skip
    return json.loads(capsys.readouterr().out)


def test_a_project_is_checked_chapter_by_chapter_in_reading_order(tmp_path: Path, capsys):
    root = Path(shutil.copytree(sample_project(), tmp_path / "Starfall"))
    chapters = sorted((root / "chapters").glob("*.md"))
    with chapters[1].open("a", encoding="utf-8") as file:
        file.write("\nClarke didn't turned around.\n")  # a slip in chapter 2 as well
    alone = [_check_json(capsys, path) for path in chapters]
    document = _check_json(capsys, root)
    assert document["project"] == str(root)
    assert [c["path"] for c in document["chapters"]] == [
        "chapters/01-the-long-walk.md", "chapters/02-over-the-ridge.md"]  # fmt: skip
    assert [c["title"] for c in document["chapters"]] == ["1. The long walk", "2. Over the ridge"]
    for entry, single in zip(document["chapters"], alone):
        assert entry["issues"] == single["issues"] and entry["issues"]
    assert "turned" in [i["text"] for i in document["chapters"][1]["issues"]]

    assert main(["check", str(root), "--engine", "harper", "--engine", "fiction"]) == 0
    lines = capsys.readouterr().out.splitlines()
    counts = [len(single["issues"]) for single in alone]
    assert lines[0] == f"1. The long walk (chapters/01-the-long-walk.md): {counts[0]} issues"
    second = 1 + counts[0]
    plural = "" if counts[1] == 1 else "s"
    assert lines[second] == f"2. Over the ridge (chapters/02-over-the-ridge.md): {counts[1]} issue{plural}"
    assert all(line.startswith(f"{chapters[0]}:") for line in lines[1:second])
    assert all(line.startswith(f"{chapters[1]}:") for line in lines[second + 1:])
    assert len(lines) == 2 + sum(counts)

