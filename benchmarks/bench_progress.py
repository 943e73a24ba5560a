"""Progress figures (issue 17): a project of 10 chapters with 5,000 revisions over 60 days.

Run from the repository root:  python benchmarks/bench_progress.py
Prints medians for adding up the history by day (``read_progress`` + ``progress_report``,
what the Progress view and `ficwriter progress` do), for the whole `ficwriter progress
--format json` command in-process (opening the history and looking at every file on disk
included), and the one-time recount of an older history's revisions (migration 3).
Then the Progress window opening on that history (QtCharts imported, the window built,
the history added up and both charts drawn and painted once), first and median of 5.
Targets: progress over 5,000 revisions <= 200 ms; the Progress view opens in <= 300 ms.
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import ficwriter.history.store as store_module  # noqa: E402
from benchmarks.bench_history import edit, join, make_chapter, median_ms, timed  # noqa: E402
from ficwriter.cli import main as cli_main  # noqa: E402
from ficwriter.core.goals import read_goals  # noqa: E402
from ficwriter.core.project import create_project  # noqa: E402
from ficwriter.history.database import open_database  # noqa: E402
from ficwriter.history.progress import progress_report, read_progress  # noqa: E402
from ficwriter.history.store import HistoryStore  # noqa: E402

CHAPTERS = 10
REVISIONS = 5_000
DAYS = 60
NOTE = "::: note\nThanks for reading! Kudos and comments keep me going.\n:::\n\n"
TARGET_MS = 200.0
VIEW_TARGET_MS = 300.0


def build(root: Path) -> None:
    """Revisions spread over ``DAYS`` days, each chapter with a beginning note."""
    rng = random.Random(17)
    chapters = [make_chapter(rng, 3_000) for _ in range(CHAPTERS)]
    start = datetime.now(timezone.utc) - timedelta(days=DAYS)
    step = timedelta(days=DAYS) / REVISIONS
    clock = iter(start + step * n for n in range(REVISIONS * 2))
    store_module.utc_now = lambda: next(clock).isoformat()  # type: ignore[assignment]
    with HistoryStore.open(root) as store:
        for n in range(REVISIONS):
            index = n % CHAPTERS
            if n >= CHAPTERS:
                edit(rng, chapters[index])
            store.record(f"chapters/{index + 1:02d}.md", NOTE + join(chapters[index]), "save")
    for index, paragraphs in enumerate(chapters):
        (root / "chapters" / f"{index + 1:02d}.md").write_text(NOTE + join(paragraphs))


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        root = create_project(Path(folder) / "Story").root
        started = time.perf_counter()
        build(root)
        print(f"built {REVISIONS:,} revisions of {CHAPTERS} chapters over {DAYS} days "
              f"in {time.perf_counter() - started:.1f} s; cores: {os.cpu_count()}")
        goals = read_goals(create_project(root))
        with HistoryStore.open(root, read_only=True) as store:
            samples = timed(
                lambda: progress_report(read_progress(store.db), goals, date.today()), 15
            )
        print(f"progress over {REVISIONS:,} revisions: {median_ms(samples):6.1f} ms median "
              f"(limit {TARGET_MS:.0f} ms)")

        def command() -> None:
            with contextlib.redirect_stdout(io.StringIO()):
                cli_main(["progress", str(root), "--format", "json"])

        print(f"`ficwriter progress --format json`: {median_ms(timed(command, 7)):6.1f} ms median")
        recounts = []
        for _ in range(3):
            db = open_database(root)
            db.execute("PRAGMA user_version = 2")
            db.conn.close()
            started = time.perf_counter()
            open_database(root).conn.close()
            recounts.append(time.perf_counter() - started)
        print(f"recount of an older history (once): {median_ms(recounts):6.0f} ms median")
        first, median = view_open_ms(root, goals)
        print(f"Progress view opens: {first:6.1f} ms the first time (QtCharts imported), "
              f"{median:6.1f} ms median after (limit {VIEW_TARGET_MS:.0f} ms)")
        return 0 if median_ms(samples) <= TARGET_MS and first <= VIEW_TARGET_MS else 1


def view_open_ms(root: Path, goals) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """What View -> Progress does, timed to the window's first paint."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from ficwriter.gui.theme import LIGHT

    samples = []
    with HistoryStore.open(root, read_only=True) as store:
        for _ in range(6):
            started = time.perf_counter()
            from ficwriter.gui.views.progress_view import ProgressWindow

            window = ProgressWindow(LIGHT)
            window.resize(1366, 740)
            window.show()
            window.show_progress(read_progress(store.db), goals, [])
            window.grab()  # painted once, charts included
            app.processEvents()
            samples.append((time.perf_counter() - started) * 1000)
            window.close()
            window.deleteLater()
            app.processEvents()
    return samples[0], sorted(samples[1:])[len(samples[1:]) // 2]


if __name__ == "__main__":
    sys.exit(main())
