"""The LanguageTool server ficwriter runs: loopback only, and never outliving ficwriter.

Real processes throughout: ``python -m ficwriter check`` with ``--languagetool-dir``, a real
java server from the jars scripts/get-languagetool fetched, and real signals.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from ficwriter.checks.engine import EngineState
from ficwriter.checks.languagetool import LanguageToolEngine
from ficwriter.checks.languagetool_install import Installation, jar_folder
from ficwriter.checks.languagetool_process import LocalServer, ServerFailed
from ficwriter.checks.settings import LanguageToolSettings

pytestmark = pytest.mark.real_languagetool
REPO = Path(__file__).resolve().parents[2]


def wait_for(condition, timeout: float, what: str):  # type: ignore[no-untyped-def]
    """Poll ``condition`` until it returns something truthy; fail naming ``what``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"timed out after {timeout:g} s waiting for {what}")


def java_servers(parent: psutil.Process) -> list[psutil.Process]:
    try:
        children = parent.children(recursive=True)
    except psutil.NoSuchProcess:
        return []
    return [c for c in children if "org.languagetool.server.HTTPServer" in _cmdline(c)]


def _cmdline(process: psutil.Process) -> str:
    try:
        return " ".join(process.cmdline())
    except psutil.Error:
        return ""


def gone(process: psutil.Process) -> bool:
    try:
        return process.status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


@pytest.fixture
def chapter(tmp_path: Path) -> Path:
    path = tmp_path / "chapter.md"
    paragraph = "Clarke didn't turned around. She recieved the letter and could of read it."
    path.write_text("\n\n".join([paragraph] * 40) + "\n", encoding="utf-8")
    return path


def run_check(chapter: Path, folder: Path) -> subprocess.Popen[str]:
    """``ficwriter check`` with LanguageTool from ``folder``, as a writer runs it."""
    return subprocess.Popen(
        [sys.executable, "-m", "ficwriter", "check", str(chapter), "--engine", "languagetool",
         "--languagetool-dir", str(folder)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,  # a signal to the test's own group never reaches it
    )  # fmt: skip


@pytest.fixture
def started_check(chapter: Path, real_languagetool_dir: Path) -> Iterator[tuple]:
    """A running ``ficwriter check`` and the java server it started."""
    check = run_check(chapter, real_languagetool_dir)
    parent = psutil.Process(check.pid)
    [java] = wait_for(lambda: java_servers(parent), 60, "the java server to start")
    yield check, java
    if check.poll() is None:
        check.kill()
    check.communicate()
    if not gone(java):
        java.kill()


def test_normal_exit_leaves_no_java(started_check) -> None:
    check, java = started_check
    out, err = check.communicate(timeout=300)
    assert check.returncode == 0, err
    assert "[DID_BASEFORM]" in out and "<languagetool>" in out
    wait_for(lambda: gone(java), 10, "java to end after ficwriter exited")


def test_ctrl_c_ends_ficwriter_and_its_java(started_check) -> None:
    check, java = started_check
    os.kill(check.pid, signal.SIGINT)
    _, err = check.communicate(timeout=60)
    assert check.returncode == 130
    assert "ficwriter check: interrupted" in err and "Traceback" not in err
    wait_for(lambda: gone(java), 10, "java to end after Ctrl+C")


def test_killed_ficwriter_takes_its_java_along(started_check) -> None:
    """SIGKILL runs no exit hook: the kernel's parent-death signal ends java."""
    check, java = started_check
    os.kill(check.pid, signal.SIGKILL)
    check.communicate(timeout=30)
    wait_for(lambda: gone(java), 10, "java to end after ficwriter was killed")


def test_server_listens_on_loopback_only(real_languagetool: LanguageToolEngine) -> None:
    server = real_languagetool._client.local_server  # type: ignore[union-attr]
    assert server is not None and server.alive()
    listening = [
        c.laddr for c in psutil.Process(server.process.pid).net_connections("inet")
        if c.status == psutil.CONN_LISTEN
    ]  # fmt: skip
    assert listening and all(addr.port == server.port for addr in listening)
    assert {addr.ip for addr in listening} <= {"127.0.0.1", "::ffff:127.0.0.1", "::1"}


def test_server_that_dies_at_start_gives_its_reason(
    tmp_path: Path, real_languagetool_dir: Path
) -> None:
    """English alone is not enough for the server (its language detector wants the rest)."""
    other_languages = re.compile(r"language-(?!en-)[a-z]{2,3}(-.*)?-\d[\d.]*\.jar|language-all-.*")
    for jar in real_languagetool_dir.glob("*.jar"):
        if not other_languages.fullmatch(jar.name):
            (tmp_path / jar.name).symlink_to(jar)
    installation = jar_folder(tmp_path)
    assert isinstance(installation, Installation)
    server = LocalServer(installation, "java")
    reason = r"stopped at start \(exit 1\): .*not a language code known to LanguageTool"
    with pytest.raises(ServerFailed, match=reason):
        server.start(120)
    server.stop()


def test_closing_while_starting_ends_the_server(real_languagetool_dir: Path) -> None:
    me = psutil.Process()
    before = set(java_servers(me))  # the session's shared server may be running
    engine = LanguageToolEngine(LanguageToolSettings(folder=str(real_languagetool_dir)))
    [java] = wait_for(lambda: set(java_servers(me)) - before, 60, "the java server to start")
    engine.close()
    wait_for(lambda: gone(java), 10, "java to end after close()")
    assert engine.wait_started(30)
    assert engine.status().state is EngineState.UNAVAILABLE
