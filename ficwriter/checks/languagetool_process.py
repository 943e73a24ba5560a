"""The LanguageTool server process ficwriter starts for local mode, and its end.

The server listens on a free port on loopback only (LanguageTool binds to localhost unless
given ``--public``, which ficwriter never passes). No java process may outlive ficwriter:

- normal exit and Ctrl+C: an ``atexit`` hook stops every server still running (SIGINT in a
  terminal reaches ficwriter, not java: java runs in its own session, so it neither dies
  under a running check nor lingers);
- a crash or SIGKILL of ficwriter: on Linux the kernel kills java (``PR_SET_PDEATHSIG``, set
  between fork and exec). The kernel sends that signal when the *thread* that forked the child
  ends, so each server is forked by its own thread, which then waits for the server to end
  and therefore lives exactly as long as it does.

The server's output goes to an unnamed temporary file; its last lines are the reason given
when it does not start. Its ``--config`` file (``languagetool_install.SERVER_CONFIG``) is
written to a temporary folder removed when it stops.
"""

from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import IO

import requests

from ficwriter.checks.languagetool_install import Installation, write_server_config

_PR_SET_PDEATHSIG = 1
_STACK_FRAME = re.compile(r"at \S+\(|\.\.\. \d+ more")
_LIVE: set[LocalServer] = set()
_LIVE_LOCK = threading.Lock()


class ServerFailed(RuntimeError):
    """The server did not start; the message says why in the writer's words."""


def _load_prctl():  # type: ignore[no-untyped-def]
    """libc's prctl, loaded in the parent: the child may only call it between fork and exec."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True).prctl
    except (OSError, AttributeError):
        return None


_PRCTL = _load_prctl()


def _die_with_parent(parent: int) -> None:
    """In the child before exec: be killed when the forking thread (and so ficwriter) ends."""
    if _PRCTL is not None:
        _PRCTL(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # ficwriter died before prctl took effect
        os._exit(1)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _stop_all() -> None:
    with _LIVE_LOCK:
        servers = list(_LIVE)
    for server in servers:
        server.stop()


atexit.register(_stop_all)


class LocalServer:
    """One LanguageTool HTTP server on a loopback port; ``start`` returns once it answers."""

    def __init__(self, installation: Installation, java: str) -> None:
        self.installation = installation
        self.java = java
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self._spawned = threading.Event()
        self._spawn_error: OSError | None = None
        self._stopped = False
        self._output: IO[bytes] = tempfile.TemporaryFile(prefix="ficwriter-languagetool-")
        self._config = tempfile.TemporaryDirectory(prefix="ficwriter-languagetool-")
        self._folder = Path(self._config.name)  # the server's --config file

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float) -> str:
        """Start the server and wait until it answers; its URL. ``ServerFailed`` if it cannot."""
        self.port = free_port()
        config = write_server_config(self._folder / "server.properties")
        command = self.installation.command(self.java, self.port, config)
        owner = threading.Thread(
            target=self._own, args=(command,), name="languagetool-server", daemon=True
        )
        owner.start()
        self._spawned.wait()
        if self._spawn_error is not None:
            raise ServerFailed(f"could not run {self.java}: {self._spawn_error}")
        with _LIVE_LOCK:
            _LIVE.add(self)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process is not None
            if self._stopped:
                raise ServerFailed("LanguageTool's server was stopped while it started")
            if self.process.poll() is not None:
                raise ServerFailed(
                    f"LanguageTool's server stopped at start (exit {self.process.returncode}): "
                    f"{self.output_tail()}"
                )
            if self._answers():
                return self.url
            time.sleep(0.1)
        self.stop()
        raise ServerFailed(f"LanguageTool's server did not answer within {timeout:g} s")

    def _own(self, command: list[str]) -> None:
        """Fork the server from this thread and wait for it, so PDEATHSIG means ficwriter died."""
        try:
            self.process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=self._output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=(lambda parent=os.getpid(): _die_with_parent(parent))
                if _PRCTL is not None
                else None,
            )
        except OSError as error:
            self._spawn_error = error
            return
        finally:
            self._spawned.set()
        self.process.wait()

    def _answers(self) -> bool:
        try:
            return requests.get(f"{self.url}/v2/languages", timeout=2).ok
        except requests.RequestException:
            return False

    def output_tail(self, lines: int = 3) -> str:
        """The server's last output lines, joined, for a failure message."""
        if self._output.closed:
            return "no output"
        self._output.flush()
        self._output.seek(0, os.SEEK_END)
        size = self._output.tell()
        self._output.seek(max(0, size - 4000))
        text = self._output.read().decode("utf-8", "replace")
        said = [line.strip() for line in text.splitlines() if line.strip()]
        told = [line for line in said if not _STACK_FRAME.match(line)]  # the exception lines
        return " | ".join((told or said)[-lines:]) or "no output"

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, grace: float = 5.0) -> None:
        """End the server: SIGTERM, then SIGKILL after ``grace`` seconds."""
        self._stopped = True
        with _LIVE_LOCK:
            _LIVE.discard(self)
        process = self.process
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(grace)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self._output.close()
        self._config.cleanup()
