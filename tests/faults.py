"""Real file-system faults for tests: a tiny tmpfs (``tmpfs``) filled to a few KB free
(``fill``) or remounted read-only (``make_read_only``). Mounting needs root (tests and CI
have it); elsewhere the test skips with the reason.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount(args: list[str]) -> None:
    done = subprocess.run(["mount", *args], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a test file system ({done.stderr.strip() or 'mount failed'})")


@contextmanager
def tmpfs(folder: Path, size: str = "256k") -> Iterator[Path]:
    """``folder`` as a small tmpfs of its own, unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.skip("mounting a test file system needs root")
    folder.mkdir(parents=True, exist_ok=True)
    _mount(["-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)])
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path, leave: int = 4096) -> None:
    """Fill the file system holding ``folder`` until about ``leave`` bytes are free."""
    stats = os.statvfs(folder)
    free = stats.f_bavail * stats.f_frsize
    with open(folder / "filler", "wb") as filler:
        try:
            filler.write(b"\0" * max(0, free - leave))
        except OSError:
            pass


def make_read_only(folder: Path) -> None:
    """Remount the tmpfs at ``folder`` read-only (what is on it stays readable)."""
    _mount(["-o", "remount,ro", str(folder)])
