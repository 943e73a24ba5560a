"""`ficwriter` itself: the window or a plain reason why not, a first word that is no
command, and a reader that goes away before the output ends."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ficwriter.cli import BROKEN_PIPE, main
from ficwriter.gui.app import QUIT_WHEN_SHOWN
from ficwriter.paths import copy_sample_project


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a display is an X11/Wayland idea")
def test_no_display_is_one_plain_line_not_a_qt_abort(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert main([]) == 1
    err = capsys.readouterr().err
    assert "no display to open the window on" in err and err.count("\n") == 1


def _ficwriter(*argv: str, **options: object) -> subprocess.CompletedProcess[str]:
    """The real program in a process of its own, as a shell would run it."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **options.pop("env", {})}  # type: ignore[dict-item]
    return subprocess.run([sys.executable, "-m", "ficwriter", *argv], capture_output=True,
                          text=True, env=env, timeout=120, check=False, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("word", ["nwe", "chapters", "missing-chapter.md"])
def test_a_first_word_that_is_no_command_and_no_path_exits_2_listing_the_commands(
    word: str, tmp_path: Path
) -> None:
    # With a platform set, the window would open and wait; the timeout would end the test.
    done = _ficwriter(word, cwd=tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert f"{word!r} is not a command, file or folder" in line
    assert "commands: new, chapter, import, outline, stats, export, history" in line


def test_a_typo_of_a_command_is_named_with_the_command_it_is_close_to(tmp_path: Path) -> None:
    assert "did you mean 'new'?" in _ficwriter("nwe", cwd=tmp_path).stderr
    assert "did you mean" not in _ficwriter("zzzzzz", cwd=tmp_path).stderr


def test_an_existing_path_still_opens_the_window(tmp_path: Path) -> None:
    chapter = Path(copy_sample_project(tmp_path / "Starfall")) / "chapters"
    done = _ficwriter(str(next(chapter.glob("01-*.md"))), env={QUIT_WHEN_SHOWN: "1"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["shown"]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The sample project with a history: chapter 1 came in through `ficwriter import`."""
    root = Path(copy_sample_project(tmp_path / "Starfall"))
    draft = tmp_path / "draft.txt"
    draft.write_text("She was looking forward to trouble.\n\n\nHe stayed.\n", encoding="utf-8")
    assert _ficwriter("import", str(draft), "--project", str(root)).returncode == 0
    return root


@pytest.mark.parametrize(
    "argv",
    [
        ["history", "{chapter}"],
        ["history", "{chapter}", "--format", "json"],
        ["check", "{chapter}", "--engine", "fiction", "--format", "json"],
        ["check", "{project}", "--engine", "fiction"],
        ["outline", "{project}"],
        ["outline", "{chapter}", "--format", "json"],
        ["stats", "{project}", "--format", "json"],
        ["chapter", "list", "{project}"],
        ["names", "{project}"],
        ["export", "{chapter}", "--to", "txt", "-o", "{out}"],
        ["--help"],
        ["check", "--help"],
        ["watch", "{project}"],
    ],
)
def test_a_reader_that_goes_away_ends_the_command_quietly(
    argv: list[str], project: Path, tmp_path: Path
) -> None:
    names = {"project": str(project), "out": str(tmp_path / "out"),
             "chapter": str(next((project / "chapters").glob("*-draft.md")))}  # fmt: skip
    command = [sys.executable, "-m", "ficwriter", *(a.format(**names) for a in argv)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    child.stdout.close()  # type: ignore[union-attr]  # the reader leaves before the first line
    code, err = _ended(child)
    assert code == BROKEN_PIPE
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception" not in err, err


def test_watch_stops_when_its_reader_goes_away_after_some_lines(project: Path) -> None:
    chapter = next((project / "chapters").glob("*-draft.md"))
    child = subprocess.Popen([sys.executable, "-m", "ficwriter", "watch", str(project)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stdout.readline().startswith("Watching ")  # type: ignore[union-attr]
    child.stdout.close()  # type: ignore[union-attr]
    chapter.write_text("She was not looking forward to it.\n", encoding="utf-8")
    code, err = _ended(child)
    assert code == BROKEN_PIPE
    assert "Traceback" not in err and "BrokenPipe" not in err, err


def _ended(child: subprocess.Popen[str]) -> tuple[int, str]:
    """The exit status and stderr of ``child`` once it ends by itself (killed if it has not
    after two minutes: a command still writing into nothing fails the test)."""
    try:
        _, err = child.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        raise
    return child.returncode, err
