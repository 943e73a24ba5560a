"""The window's log file: written where the self-test says, and never in the way of opening."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ficwriter.logs import LOG_NAME

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="XDG folders are Linux's")

SCRIPT = """
import logging, sys
from ficwriter.logs import start_log_file
print(start_log_file())
logging.getLogger("ficwriter.gui").warning("autosave failed: disk full")
raise RuntimeError("a slot nobody guarded")
"""


def run_logging_script(state_home: Path) -> subprocess.CompletedProcess[str]:
    """A fresh interpreter, so the root logger and excepthook of this test run stay as they are."""
    return subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env={"XDG_STATE_HOME": str(state_home), "HOME": str(state_home), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_warnings_and_unhandled_errors_go_to_the_log_file(tmp_path: Path) -> None:
    done = run_logging_script(tmp_path / "state")
    log = tmp_path / "state" / "ficwriter" / "log" / LOG_NAME
    assert done.stdout.strip() == str(log)
    text = log.read_text(encoding="utf-8")
    assert "WARNING ficwriter.gui: autosave failed: disk full" in text
    assert "CRITICAL ficwriter: unhandled error" in text
    assert "RuntimeError: a slot nobody guarded" in text
    assert "RuntimeError: a slot nobody guarded" in done.stderr  # still reported as usual


def test_an_unwritable_log_folder_falls_back_to_stderr(tmp_path: Path) -> None:
    blocker = tmp_path / "state"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    done = run_logging_script(blocker)
    assert done.stdout.strip() == "None"
    assert "cannot write the log file" in done.stderr
    assert "autosave failed: disk full" in done.stderr
