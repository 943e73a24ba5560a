"""`ficwriter --self-test`: what a writer sees when they ask whether ficwriter can run here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from ficwriter import selftest
from ficwriter.selftest import Status

REPO = Path(__file__).resolve().parent.parent
CHECK_NAMES = [name for name, _ in selftest.CHECKS]


def run_self_test(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`python -m ficwriter --self-test` from this checkout, with a throwaway home folder."""
    environment = {**os.environ, "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen", **env}
    environment.pop("LTP_PATH", None)
    environment.pop("XDG_STATE_HOME", None)  # the throwaway home holds the state folder too
    environment.pop(selftest.LT_URL_VARIABLE, None)
    return subprocess.run(
        [sys.executable, "-m", "ficwriter", "--self-test"],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def status_of(output: str, name: str) -> str:
    for line in output.splitlines():
        fields = line.split()
        if len(fields) > 1 and fields[1] == name:
            return fields[0]
    raise AssertionError(f"no line for {name} in:\n{output}")


def test_self_test_from_source_passes_and_names_every_check(tmp_path: Path) -> None:
    done = run_self_test(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    for name in CHECK_NAMES:
        assert status_of(done.stdout, name) in {"ok", "note"}
    for name in ("Qt", "SQLite", "History", "Resources", "Harper"):
        assert status_of(done.stdout, name) == "ok"
    assert f"Settings are kept in {tmp_path}" in done.stdout
    assert f"The window logs to {tmp_path}" in done.stdout
    assert done.stdout.rstrip().splitlines()[-1].startswith("ficwriter can run.")


def test_a_window_system_that_cannot_start_fails_the_self_test(tmp_path: Path) -> None:
    done = run_self_test(tmp_path, QT_QPA_PLATFORM="no-such-window-system")
    assert done.returncode == 1
    assert status_of(done.stdout, "Qt") == "FAIL"
    assert "no-such-window-system" in done.stdout
    assert "ficwriter cannot run here: Qt failed." in done.stdout


@pytest.mark.parametrize(
    ("output", "major"),
    [
        ('openjdk version "17.0.15" 2025-04-15', 17),
        ('java version "1.8.0_292"', 8),
        ('openjdk version "21" 2023-09-19', 21),
        ("java: command not understood", None),
    ],
)
def test_java_major_reads_old_and_new_version_strings(output: str, major: int | None) -> None:
    assert selftest.java_major(output) == major


def test_missing_java_is_a_note_not_a_failure(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    result = selftest.check_java()
    assert result.status is Status.NOTE
    assert "not found" in result.detail and "Java 17" in result.detail


def test_installed_languagetool_is_found(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(selftest.LT_URL_VARIABLE, raising=False)
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    assert selftest.check_languagetool().status is Status.NOTE
    (tmp_path / "LanguageTool-6.8").mkdir()
    assert selftest.check_languagetool().status is Status.NOTE  # a folder without the server
    (tmp_path / "LanguageTool-6.8" / "languagetool-server.jar").write_bytes(b"PK")
    result = selftest.check_languagetool()
    assert result.status is Status.OK
    assert "LanguageTool 6.8 is installed" in result.detail


def test_languagetool_jar_folder_is_found(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The folder scripts/get-languagetool fills, named by FICWRITER_LANGUAGETOOL_DIR."""
    monkeypatch.delenv(selftest.LT_URL_VARIABLE, raising=False)
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "none"))
    monkeypatch.setenv("FICWRITER_LANGUAGETOOL_DIR", str(tmp_path))
    assert "scripts/get-languagetool" in selftest.check_languagetool().detail
    for jar in ("languagetool-server-6.8.jar", "language-en-6.8.jar"):
        (tmp_path / jar).write_bytes(b"PK")
    result = selftest.check_languagetool()
    assert result.status is Status.OK
    assert result.detail == f"LanguageTool 6.8 is installed in {tmp_path}"


class _LanguagesHandler(BaseHTTPRequestHandler):
    """Answers like a LanguageTool server's /v2/languages."""

    def do_GET(self) -> None:  # noqa: N802 - the http.server protocol
        body = json.dumps([{"name": "English (US)", "code": "en", "longCode": "en-US"}]).encode()
        self.send_response(200 if self.path == "/v2/languages" else 404)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_: object) -> None:
        pass


@pytest.fixture
def language_server() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), _LanguagesHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_languagetool_server_url_is_tried(
    monkeypatch: pytest.MonkeyPatch, language_server: str
) -> None:
    monkeypatch.setenv(selftest.LT_URL_VARIABLE, language_server + "/")
    result = selftest.check_languagetool()
    assert result.status is Status.OK
    assert language_server in result.detail


def test_unreachable_languagetool_server_is_a_note(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(selftest.LT_URL_VARIABLE, "http://127.0.0.1:9")
    result = selftest.check_languagetool()
    assert result.status is Status.NOTE
    assert "does not answer" in result.detail
