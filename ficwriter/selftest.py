"""`ficwriter --self-test`: can this installation run ficwriter, and what is missing?

A writer (or whoever helps them) runs it when the app will not start or a checker stays
silent; CI runs it in the bundle. Each check says in plain words what works, and the exit
code is 0 when the app can run. Java and LanguageTool are optional: without them ficwriter
checks with Harper and its own rules, so their absence is a note, not a failure.

The window system is tried in a child process (``ficwriter --qt-probe``) because Qt aborts
the whole process when a platform plugin cannot load; Qt is imported only there.
"""

from __future__ import annotations

import argparse
import enum
import json
import os
import platform
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import ficwriter
from ficwriter import paths
from ficwriter.logs import log_file

JAVA_MINIMUM = 17
LT_URL_VARIABLE = "FICWRITER_LT_URL"
HARPER_SAMPLE = "She took an step back."
HARPER_EXPECTED = "an"
_PROBE_TIMEOUT = 60.0


class Status(enum.Enum):
    OK = "ok"
    NOTE = "note"
    FAIL = "FAIL"


@dataclass(frozen=True)
class CheckResult:
    name: str
    status: Status
    detail: str


# ---------------------------------------------------------------- the window system (Qt)


def qt_probe() -> int:
    """Start Qt's GUI layer and print what loaded as one JSON line (the child of check_qt)."""
    from PySide6.QtCore import qVersion
    from PySide6.QtGui import QGuiApplication, QIcon, QImageReader

    app = QGuiApplication(sys.argv[:1])
    try:  # the Progress and Story views draw with it (PySide6-Addons)
        import PySide6.QtCharts  # noqa: F401

        charts = True
    except ImportError:
        charts = False
    formats = sorted(bytes(f.data()).decode() for f in QImageReader.supportedImageFormats())
    svg_icon = QIcon(str(paths.app_icon()))
    report = {
        "platform": app.platformName(),
        "qt": qVersion(),
        "formats": formats,
        "svg_icon": not svg_icon.pixmap(32, 32).isNull(),
        "charts": charts,
    }
    print(json.dumps(report))
    return 0


def _ficwriter_command() -> list[str]:
    """How to start this same ficwriter again: the bundle's executable, or Python -m."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "ficwriter"]


def _run_probe(platform_name: str | None) -> tuple[dict | None, str]:
    """Run the Qt probe with ``platform_name`` (None: Qt's own choice); (report, error)."""
    env = dict(os.environ)
    if platform_name:
        env["QT_QPA_PLATFORM"] = platform_name
    if not getattr(sys, "frozen", False):
        package_parent = str(Path(ficwriter.__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_parent, env.get("PYTHONPATH")]))
    try:
        done = subprocess.run(
            [*_ficwriter_command(), "--qt-probe"],
            env=env,
            capture_output=True,
            text=True,
            timeout=_PROBE_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        return None, f"Qt did not start within {_PROBE_TIMEOUT:.0f} s"
    for line in reversed(done.stdout.splitlines()):
        if line.startswith("{"):
            return json.loads(line), ""
    lines = [line.strip() for line in done.stderr.splitlines() if line.strip()]
    reason = next(
        (line for line in lines if "could not" in line.lower()), lines[-1] if lines else ""
    )
    return None, reason or f"the probe exited with code {done.returncode}"


def has_display() -> bool:
    """A screen to open a window on (Linux: an X11 or Wayland display is named)."""
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def check_qt() -> CheckResult:
    """Start Qt as the window would: with QT_QPA_PLATFORM as set, else Qt's own choice.

    Without any display (a server, CI) only 'offscreen' can start, which still proves that Qt,
    its plugins and the image formats load.
    """
    chosen = os.environ.get("QT_QPA_PLATFORM") or None
    if chosen is None and not has_display():
        report, error = _run_probe("offscreen")
        if report is not None:
            return CheckResult(
                "Qt",
                Status.NOTE,
                f"{_qt_summary(report)}; there is no display here (DISPLAY and WAYLAND_DISPLAY "
                "are unset), so the window itself needs a desktop session",
            )
    else:
        report, error = _run_probe(chosen)
        if report is None and chosen != "offscreen":
            qt_works = _run_probe("offscreen")[0] is not None
            hint = (
                " Qt itself works offscreen: the display cannot be reached, or a system library"
                " the window system needs is missing (see Install in the README)"
            )
            return CheckResult(
                "Qt",
                Status.FAIL,
                f"the window system did not start: {error.rstrip('.')}.{hint if qt_works else ''}",
            )
    if report is None:
        return CheckResult("Qt", Status.FAIL, f"Qt could not start: {error}")
    missing = sorted({"png", "svg"} - set(report["formats"]))
    if missing or not report["svg_icon"]:
        return CheckResult(
            "Qt", Status.FAIL, f"{_qt_summary(report)}, but not {', '.join(missing) or 'SVG icons'}"
        )
    if not report.get("charts"):
        return CheckResult("Qt", Status.FAIL, f"{_qt_summary(report)}, but QtCharts is missing "
                           "(PySide6-Addons): View → Progress and View → Story cannot open")
    return CheckResult("Qt", Status.OK, _qt_summary(report))


def _qt_summary(report: dict) -> str:
    readable = ", ".join(f for f in ("png", "svg") if f in report["formats"])
    return (
        f"Qt {report['qt']} starts with the '{report['platform']}' window system "
        f"and reads {readable} images"
    )


# ---------------------------------------------------------------- storage


def check_sqlite() -> CheckResult:
    with tempfile.TemporaryDirectory(prefix="ficwriter-selftest-") as tmp:
        with closing(sqlite3.connect(Path(tmp) / "wal.sqlite")) as conn:
            mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            with conn:
                conn.execute("CREATE TABLE probe (word TEXT)")
                conn.execute("INSERT INTO probe VALUES ('quill')")
            word = conn.execute("SELECT word FROM probe").fetchone()[0]
    if mode.lower() != "wal" or word != "quill":
        return CheckResult(
            "SQLite", Status.FAIL, f"SQLite {sqlite3.sqlite_version} refused WAL mode ({mode})"
        )
    return CheckResult(
        "SQLite", Status.OK, f"SQLite {sqlite3.sqlite_version}, write-ahead log (WAL) works"
    )


def check_history() -> CheckResult:
    from ficwriter.history.database import database_path, open_database, schema_version

    with tempfile.TemporaryDirectory(prefix="ficwriter-selftest-") as tmp:
        project = Path(tmp) / "Project"
        db = open_database(project)
        try:
            db["selftest"].insert({"note": "written"})
            version = schema_version(db)
        finally:
            db.close()
        db = open_database(project)
        try:
            rows = list(db["selftest"].rows)
        finally:
            db.close()
        created = database_path(project).is_file()
    if not created or rows != [{"note": "written"}]:
        return CheckResult(
            "History", Status.FAIL, "the history database could not be written and read back"
        )
    return CheckResult(
        "History",
        Status.OK,
        f"a project's history database was written and read back (schema {version})",
    )


def check_resources() -> CheckResult:
    folder = paths.resources_dir()
    missing = [
        what
        for what, path in (("icons", paths.app_icon()), ("sample project", paths.sample_project()))
        if not path.exists()
    ]
    if missing:
        return CheckResult(
            "Resources", Status.FAIL, f"{' and '.join(missing)} missing from {folder}"
        )
    return CheckResult("Resources", Status.OK, f"icons and the sample project are in {folder}")


# ---------------------------------------------------------------- checkers


def check_harper() -> CheckResult:
    import harper

    lints = harper.Linter().lint(HARPER_SAMPLE)
    flagged = [lint for lint in lints if lint.problem_text == HARPER_EXPECTED]
    if not flagged:
        return CheckResult(
            "Harper",
            Status.FAIL,
            f"Harper loaded but did not flag '{HARPER_EXPECTED}' in '{HARPER_SAMPLE}'",
        )
    return CheckResult(
        "Harper",
        Status.OK,
        f"grammar checks work offline ('{HARPER_SAMPLE}': {flagged[0].message})",
    )


def java_major(version_output: str) -> int | None:
    """The Java major version in ``java -version`` output ('1.8.0' is 8, '17.0.15' is 17)."""
    found = re.search(r'version "(\d+)(?:\.(\d+))?', version_output)
    if not found:
        return None
    major, minor = int(found.group(1)), int(found.group(2) or 0)
    return minor if major == 1 else major


def check_java() -> CheckResult:
    java = shutil.which("java")
    needs = f"LanguageTool's local server needs Java {JAVA_MINIMUM} or newer"
    if java is None:
        return CheckResult(
            "Java", Status.NOTE, f"not found; {needs} (a LanguageTool server URL works without it)"
        )
    try:
        done = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as error:
        return CheckResult("Java", Status.NOTE, f"{java} did not run ({error}); {needs}")
    output = done.stderr + done.stdout
    major = java_major(output)
    first_line = output.strip().splitlines()[0] if output.strip() else "no version"
    if major is None or major < JAVA_MINIMUM:
        return CheckResult("Java", Status.NOTE, f"{java} is {first_line}; {needs}")
    return CheckResult("Java", Status.OK, f"Java {major} at {java}")


def _server_reachable(url: str) -> str:
    """'' when a LanguageTool server answers at ``url``, else why not."""
    import urllib.request

    try:
        with urllib.request.urlopen(url.rstrip("/") + "/v2/languages", timeout=5) as answer:
            json.load(answer)
    except (OSError, ValueError) as error:
        return str(getattr(error, "reason", error))
    return ""


def check_languagetool() -> CheckResult:
    from ficwriter.checks.languagetool_install import configured_folder, find_installation

    url = os.environ.get(LT_URL_VARIABLE, "").strip()
    if url:
        problem = _server_reachable(url)
        if not problem:
            return CheckResult("LanguageTool", Status.OK, f"the server at {url} answers")
        return CheckResult(
            "LanguageTool", Status.NOTE, f"the server at {url} does not answer ({problem})"
        )
    folder = configured_folder()
    installed = find_installation(folder)
    if installed is not None:
        return CheckResult(
            "LanguageTool",
            Status.OK,
            f"LanguageTool {installed.version} is installed in {installed.folder}",
        )
    return CheckResult(
        "LanguageTool",
        Status.NOTE,
        f"not installed yet: scripts/get-languagetool fetches it into {folder} (needs Maven), "
        f"or ficwriter tries to download it on first use (needs Java and the internet once), "
        f"or set {LT_URL_VARIABLE} to a LanguageTool server; "
        "until then Harper and ficwriter's own checks run",
    )


# ---------------------------------------------------------------- running and reporting

CHECKS: Sequence[tuple[str, Callable[[], CheckResult]]] = (
    ("Qt", check_qt),
    ("SQLite", check_sqlite),
    ("History", check_history),
    ("Resources", check_resources),
    ("Harper", check_harper),
    ("Java", check_java),
    ("LanguageTool", check_languagetool),
)
OPTIONAL = {"Java", "LanguageTool"}


def _guarded(name: str, check: Callable[[], CheckResult]) -> CheckResult:
    """Run one check; an unexpected error becomes its result instead of ending the test."""
    try:
        return check()
    except Exception as error:  # noqa: BLE001 - the report must name every failure
        status = Status.NOTE if name in OPTIONAL else Status.FAIL
        return CheckResult(name, status, f"{type(error).__name__}: {error}")


def run_checks() -> list[CheckResult]:
    """Every check, run side by side (the Qt probe and Java start processes), in fixed order."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=len(CHECKS)) as pool:
        futures = [pool.submit(_guarded, name, check) for name, check in CHECKS]
        return [future.result() for future in futures]


def format_report(results: Sequence[CheckResult]) -> str:
    kind = "bundled app" if getattr(sys, "frozen", False) else "Python package"
    lines = [
        f"ficwriter {ficwriter.__version__} self-test ({kind}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()})",
    ]
    width = max(len(result.name) for result in results)
    lines += [f"  {r.status.value:<4}  {r.name:<{width}}  {r.detail}" for r in results]
    lines += [
        f"  Settings are kept in {paths.settings_dir()}",
        f"  The window logs to {log_file()}",
    ]
    failed = [r.name for r in results if r.status is Status.FAIL]
    notes = sum(r.status is Status.NOTE for r in results)
    if failed:
        lines.append(f"ficwriter cannot run here: {', '.join(failed)} failed.")
    else:
        lines.append(
            "ficwriter can run." + (f" ({notes} note{'s' * (notes != 1)} above)" if notes else "")
        )
    return "\n".join(lines)


def main() -> int:
    results = run_checks()
    print(format_report(results), flush=True)
    return 1 if any(r.status is Status.FAIL for r in results) else 0


class _RunAndExit(argparse.Action):
    """An option that, like --version, does its work and ends the program."""

    def __init__(
        self, option_strings: list[str], dest: str, run: Callable[[], int], **kwargs: object
    ):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)
        self._run = run

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        parser.exit(self._run())


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--self-test`` (and the hidden ``--qt-probe`` it uses) to the top-level parser."""
    parser.add_argument(
        "--self-test",
        action=_RunAndExit,
        run=main,
        help="check that this installation can run ficwriter (Qt, SQLite, Harper, Java, "
        "LanguageTool), then exit",
    )
    parser.add_argument("--qt-probe", action=_RunAndExit, run=qt_probe, help=argparse.SUPPRESS)
