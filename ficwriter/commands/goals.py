"""`ficwriter goal | progress`: writing targets and the words written day by day.

``goal`` mirrors ``core.goals.update_goals`` (``ficwriter.toml`` ``[goals]``, comments
kept); ``progress`` mirrors ``history.progress.read_progress`` and ``progress_report``. Progress first takes in what other editors
changed since history last looked (as ``snapshot`` does), unless a ficwriter window holds
the project, whose watcher has recorded it already.
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from ficwriter.commands.errors import CommandError
from ficwriter.core.goals import Goals, read_goals, update_goals
from ficwriter.core.project import Project, open_project
from ficwriter.history.database import DamagedDatabase, database_path
from ficwriter.history.lock import ProjectLocked
from ficwriter.history.progress import ProgressReport, progress_report, read_progress
from ficwriter.history.store import HistoryStore
from ficwriter.history.sync import catch_up

_MINUTES = re.compile(r"^(\d+)\s*(?:m|min|mins|minutes?)$", re.IGNORECASE)


def register(subparsers: argparse._SubParsersAction) -> None:
    goal = subparsers.add_parser(
        "goal",
        help="set or show writing targets (story, deadline, daily, session, chapters)",
        description="Set the project's targets in ficwriter.toml [goals] (comments there are "
        "kept); 0 or 'none' removes one. Without options, print the targets.",
    )
    goal.add_argument("project", type=Path)
    goal.add_argument("--words", type=_count, metavar="N", help="the story's target length")
    goal.add_argument("--deadline", type=_deadline, metavar="YYYY-MM-DD",
                      help="when the story should reach --words ('none' removes it)")
    goal.add_argument("--daily", type=_count, metavar="N", help="words a day")
    goal.add_argument("--session", type=_session, metavar="N",
                      help="a session's target: words (500) or minutes (30m, a sprint)")
    goal.add_argument("--chapter", nargs=2, action="append", metavar=("CHAPTER", "N"),
                      default=[], help="a chapter's target in words (may be repeated)")
    goal.set_defaults(run=run_goal)

    progress = subparsers.add_parser(
        "progress",
        help="words added and removed per day, the streak, the pace a deadline needs",
        description="Story words written per local date, from the history of every save "
        "and every change made in another editor (author's notes not counted).",
    )
    progress.add_argument("project", type=Path)
    progress.add_argument("--days", type=_days, default=30, metavar="N",
                          help="how many days to list, today included (default 30)")
    progress.add_argument("--format", choices=("text", "json"), default="text")
    progress.set_defaults(run=run_progress)


def _count(value: str) -> int:
    if value.lower() == "none":
        return 0
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of words")
    return int(value)


def _days(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of days (1 or more)")
    return int(value)


def _deadline(value: str) -> date | bool:
    if value.lower() in ("none", ""):
        return False
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2027-03-01") from None


def _session(value: str) -> tuple[int, str]:
    minutes = _MINUTES.match(value.strip())
    if minutes:
        return int(minutes.group(1)), "minutes"
    if value.lower() == "none":
        return 0, "words"
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"{value!r} is neither words (500) nor minutes (30m)")
    return int(value), "words"


def _project(path: Path) -> Project:
    if not path.is_dir():
        raise CommandError(f"{path} is not a project folder")
    try:
        return open_project(path)
    except ValueError as error:
        raise CommandError(str(error)) from error


def _goals(project: Project) -> Goals:
    try:
        return read_goals(project)
    except ValueError as error:
        raise CommandError(f"{project.config_path}: {error}") from error


def run_goal(args: argparse.Namespace) -> int:
    project = _project(args.project)
    _goals(project)  # a broken [goals] table is reported before anything is changed
    chapters = {}
    for chapter, words in args.chapter:
        path = (Path.cwd() / chapter).resolve()
        if not path.is_file():
            path = (project.root / chapter).resolve()
        if not path.is_file():
            raise CommandError(f"{chapter}: no such chapter")
        try:
            rel = path.relative_to(project.root.resolve()).as_posix()
        except ValueError:
            raise CommandError(f"{chapter} is not in {project.root}") from None
        try:
            chapters[rel] = _count(words)
        except argparse.ArgumentTypeError as error:
            raise CommandError(str(error)) from error
    session, unit = args.session if args.session is not None else (None, None)
    changes = (args.words, args.deadline, args.daily, session, chapters)
    if any(value is not None for value in changes[:4]) or chapters:
        goals = update_goals(
            project,
            words=args.words,
            deadline=args.deadline,
            daily=args.daily,
            session=session,
            session_unit=unit,  # type: ignore[arg-type]
            chapters=chapters,
        )
        try:
            project.save()
        except OSError as error:
            raise CommandError(f"{project.config_path}: {error}") from error
    else:
        goals = _goals(project)
    print(_goals_text(goals))
    return 0


def _goals_text(goals: Goals) -> str:
    def words(n: int | None) -> str:
        return f"{n:,} words" if n else "-"

    session = "-"
    if goals.session:
        session = f"{goals.session} minutes" if goals.session_unit == "minutes" else words(goals.session)
    lines = [
        f"story     {words(goals.words)}",
        f"deadline  {goals.deadline.isoformat() if goals.deadline else '-'}",
        f"daily     {words(goals.daily)}",
        f"session   {session}",
    ]
    lines += [f"chapter   {words(n)}  {rel}" for rel, n in sorted(goals.chapters.items())]
    return "\n".join(lines)


@contextmanager
def _history(project: Project) -> Iterator[HistoryStore]:
    """The project's history, up to date with the files on disk."""
    if not database_path(project.root).is_file():
        raise CommandError(
            f"{project.root} has no history yet (no {database_path(project.root)}); progress is counted "
            "from the first time ficwriter opens it"
        )
    try:
        try:
            store = HistoryStore.open(project.root)
        except ProjectLocked:  # the window holds it, and its watcher records outside edits
            store = HistoryStore.open(project.root, read_only=True)
    except (DamagedDatabase, sqlite3.Error, RuntimeError, OSError) as error:
        raise CommandError(f"the project's history cannot be read: {error}") from error
    with store:
        if store.damage is not None:
            print(store.damage.message, file=sys.stderr)
        if not store.read_only:
            catch_up(store)
        yield store


def run_progress(args: argparse.Namespace) -> int:
    project = _project(args.project)
    goals = _goals(project)
    with _history(project) as store:
        with store.lock:
            progress = read_progress(store.db)
    report = progress_report(progress, goals, date.today(), args.days)
    if args.format == "json":
        print(json.dumps(report.as_dict(), indent=2))
    else:
        print(_report_text(report))
    return 0


def _report_text(report: ProgressReport) -> str:
    lines = [f"story    {report.words:,} words" + (f" of {report.target:,}" if report.target else "")]
    if report.deadline:
        pace = (
            f", {report.words_per_day_needed:,} words a day needed"
            if report.words_per_day_needed is not None else ""
        )
        lines.append(f"deadline {report.deadline.isoformat()}: {report.days_left} days left{pace}")
    today = report.today
    target = f" (target {report.daily:,})" if report.daily else ""
    lines.append(f"today    {today.date.isoformat()}: {today.net:+,} words{target}")
    lines.append(f"streak   {report.streak} day{'s' if report.streak != 1 else ''}")
    lines.append("")
    lines.append(f"{'date':<10}  {'added':>7}  {'removed':>7}  {'net':>7}")
    for day in report.days:
        note = f"  ({day.deleted:,} in deleted chapters)" if day.deleted else ""
        lines.append(
            f"{day.date.isoformat():<10}  {day.added:>7,}  {day.removed:>7,}  {day.net:>+7,}{note}"
        )
    return "\n".join(lines)
