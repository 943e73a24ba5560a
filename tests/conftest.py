"""Shared test setup: Qt runs offscreen, the seed chapter is found when present, and real
LanguageTool runs only where a test asks for it.

Every project a test opens would start LanguageTool's local server (seconds, a JVM each) if
it found one, so the environment points local mode at an empty folder for the whole run; the
``real_languagetool`` fixture starts one real server per session from the folder
``scripts/get-languagetool`` filled (``.ci/run`` exports it as FICWRITER_LANGUAGETOOL_DIR,
else ficwriter's cache folder), or skips with the reason it is missing.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from ficwriter import paths
from ficwriter.checks.engine import EngineState
from ficwriter.checks.languagetool import LanguageToolEngine, java_problem
from ficwriter.checks.languagetool_install import FOLDER_VARIABLE, jar_folder
from ficwriter.checks.settings import LanguageToolSettings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REAL_LANGUAGETOOL_DIR = Path(os.environ.get(FOLDER_VARIABLE) or paths.languagetool_dir())
MISSING_VARIABLE = "FICWRITER_LANGUAGETOOL_MISSING"
"""Set by .ci/run to get-languagetool's one-line reason when it could not fetch the jars."""
_NO_LANGUAGETOOL = tempfile.mkdtemp(prefix="ficwriter-tests-no-languagetool-")
os.environ[FOLDER_VARIABLE] = _NO_LANGUAGETOOL
os.environ["LTP_PATH"] = _NO_LANGUAGETOOL
os.environ.pop("LTP_JAR_DIR_PATH", None)
# A loose file's folder keeps its history in the user's state folder (history.state): the
# run gets its own, so no test writes into the home folder of whoever runs it.
os.environ["XDG_STATE_HOME"] = tempfile.mkdtemp(prefix="ficwriter-tests-state-")

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
def real_languagetool_problem() -> str | None:
    """Why the real-LanguageTool tests cannot run here; None when they can."""
    if jar_folder(REAL_LANGUAGETOOL_DIR) is None:
        reason = os.environ.get(MISSING_VARIABLE) or "run scripts/get-languagetool"
        return f"no LanguageTool jars in {REAL_LANGUAGETOOL_DIR}: {reason}"
    return java_problem()


@pytest.fixture(scope="session")
def real_languagetool_dir() -> Path:
    """The folder of LanguageTool's jars (the test skips with the reason when there is none)."""
    problem = real_languagetool_problem()
    if problem:
        pytest.skip(problem)
    return REAL_LANGUAGETOOL_DIR


@pytest.fixture(scope="session")
def real_languagetool(real_languagetool_dir: Path) -> Iterator[LanguageToolEngine]:
    """One real LanguageTool server for the session, started and warmed up (10-20 s)."""
    settings = LanguageToolSettings(folder=str(real_languagetool_dir), start_timeout=300)
    engine = LanguageToolEngine(settings)
    assert engine.wait_started(320)
    assert engine.status().state is EngineState.READY, engine.status().detail
    yield engine
    engine.close()
