"""scripts/get-languagetool: LanguageTool's jars from Maven Central, once, with one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ficwriter.checks.languagetool_install import STAMP_NAME, jar_folder

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "get-languagetool"


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=900,
                          env={**os.environ, **env}, check=False)  # fmt: skip


def unreachable_maven(home: Path) -> dict[str, str]:
    """Maven with an empty local repository and Central mirrored to a closed loopback port."""
    (home / ".m2").mkdir(parents=True)
    (home / ".m2" / "settings.xml").write_text(
        f"<settings><localRepository>{home}/repo</localRepository><mirrors><mirror>"
        "<id>nowhere</id><mirrorOf>*</mirrorOf><url>http://127.0.0.1:9/maven2</url>"
        "</mirror></mirrors></settings>"
    )
    return {"MAVEN_OPTS": f"-Duser.home={home}"}  # Maven reads ~ from user.home, not $HOME


@pytest.mark.real_languagetool
def test_fetches_every_jar_then_returns_at_once_without_maven(tmp_path: Path) -> None:
    folder = tmp_path / "lt"
    folder.mkdir()
    (folder / STAMP_NAME).write_text(json.dumps({"version": "6.7", "jars": ["old-6.7.jar"]}))
    (folder / "old-6.7.jar").write_bytes(b"PK")
    (folder / "writers-own.jar").write_bytes(b"PK")
    first = run(str(folder))
    if first.returncode == 3:
        pytest.skip(first.stderr.strip().splitlines()[-1])
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines()[-1] == str(folder)
    found = jar_folder(folder)
    assert found is not None and found.version == "6.8"
    assert not (folder / "old-6.7.jar").exists()  # the older run's jar is gone
    assert (folder / "writers-own.jar").exists()  # a jar the script never put there stays
    second = run(str(folder), PATH="/nonexistent")  # no mvn at all: it must not be needed
    assert second.returncode == 0, second.stderr
    assert second.stdout.splitlines()[-1] == str(folder)


def test_unreachable_maven_central_is_one_line_and_exit_3(tmp_path: Path) -> None:
    done = run(str(tmp_path / "lt"), **unreachable_maven(tmp_path / "home"))
    assert done.returncode == 3
    [line] = [l for l in done.stderr.splitlines() if "get-languagetool:" in l]
    assert line.startswith("get-languagetool: Maven Central is unreachable")
    assert "Connection refused" in line and len(line) <= 320
    assert "Traceback" not in done.stderr and not list((tmp_path / "lt").glob("*.jar"))


def test_missing_maven_is_said_plainly(tmp_path: Path) -> None:
    done = run(str(tmp_path / "lt"), PATH="/nonexistent")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1].startswith(
        "get-languagetool: Maven (mvn) is not installed"
    )


def test_bad_use_prints_usage(tmp_path: Path) -> None:
    done = run("a", "b")
    assert done.returncode == 2 and "usage: get-languagetool [DIR]" in done.stderr
