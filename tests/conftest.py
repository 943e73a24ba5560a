"""Shared test setup: Qt runs offscreen, and the seed chapter is found when present."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
# shared/ sits beside the checkout (/work/main) or two levels up from a worktree (/work/wt/x).
SEED = next(
    (p for p in (REPO.parent / "shared/seeds/000_a076e9cb29d276f2.txt",
                 REPO.parent.parent / "shared/seeds/000_a076e9cb29d276f2.txt") if p.is_file()),
    REPO.parent / "shared/seeds/000_a076e9cb29d276f2.txt",
)  # fmt: skip


@pytest.fixture
def seed_text() -> str:
    """The real posted chapter from shared/seeds (tests using it skip where it is absent)."""
    if not SEED.is_file():
        pytest.skip("seed chapter not present")
    return SEED.read_text(encoding="utf-8")


# After the last test, the interpreter's own shutdown destroys what is left of Qt and
# PySide in an order that crashes (SIGSEGV, exit 139) once many windows have lived in one
# process. Every test has run and been reported by then, and releasing garbage collection
# (gui.threads.gc_guard.release) did not cure it; until its root is found the run ends
# here, with pytest's own exit status, so a crash after the summary cannot turn a green run
# red or a red one green.
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    session.config.stash[_EXIT_STATUS] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    status = config.stash.get(_EXIT_STATUS, None)
    if status is not None and "PySide6.QtWidgets" in sys.modules:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


_EXIT_STATUS = pytest.StashKey[int]()
