"""`ficwriter check CHAPTER|PROJECT`: the checker's issues on the command line, as text or
JSON; for a project folder, every chapter in reading order with its issues.

Mirrors ``ficwriter.checks.scheduler.Checker.check_chapter``: the same engines, settings,
project dictionary and dismissals the window uses. Exit 0 when the check ran, whatever it
found (an engine that could not run is reported on stderr); 2 on bad input. A check that
takes more than a moment says how far it is on stderr (stdout stays the issues, or JSON).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from ficwriter.checks.build import build_checker
from ficwriter.checks.engine import EngineState
from ficwriter.checks.issue import Issue
from ficwriter.checks.scheduler import CheckResult, Progress
from ficwriter.checks.settings import ENGINE_NAMES, CheckSettings, load_check_settings
from ficwriter.commands.errors import CommandError
from ficwriter.commands.reading import chapter_entry, project_chapters, read_chapter
from ficwriter.core.project import CONFIG_NAME, project_root_for
from ficwriter.history.database import database_path

def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "check",
        help="check a chapter's or a whole project's spelling, grammar and fiction style",
        description="Check a chapter, or every chapter of a project folder in reading order, "
        "with LanguageTool, Harper and ficwriter's fiction rules.",
    )
    parser.add_argument("chapter", type=Path, metavar="CHAPTER_OR_PROJECT",
                        help="a chapter file, or a project folder: every chapter in reading order")
    parser.add_argument(
        "--engine",
        action="append",
        choices=("auto", *ENGINE_NAMES),
        help="engine to use (repeatable); auto = the project's settings (default)",
    )
    parser.add_argument("--lt-url", metavar="URL", help="use the LanguageTool server at URL")
    parser.add_argument(
        "--languagetool-dir",
        metavar="DIR",
        type=Path,
        help="run LanguageTool from DIR (what scripts/get-languagetool fetched, or an unpacked "
        "release)",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(run=run)


def _settings(root: Path, args: argparse.Namespace) -> tuple[CheckSettings, list[str] | None]:
    try:
        settings = load_check_settings(root)
    except ValueError as error:
        raise CommandError(f"bad check settings: {error}") from error
    if args.lt_url:
        lt = replace(settings.languagetool, mode="remote", url=args.lt_url)
        settings = replace(settings, languagetool=lt)
    elif args.languagetool_dir:
        if not args.languagetool_dir.is_dir():
            raise CommandError(f"--languagetool-dir {args.languagetool_dir}: no such folder")
        lt = replace(settings.languagetool, mode="local", folder=str(args.languagetool_dir))
        settings = replace(settings, languagetool=lt)
    engines = args.engine or ["auto"]
    only = None if "auto" in engines else list(dict.fromkeys(engines))
    return settings, only


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _as_json(issue: Issue, text: str) -> dict[str, Any]:
    line, column = _line_col(text, issue.start)
    return {
        "line": line,
        "column": column,
        "start": issue.start,
        "end": issue.end,
        "text": text[issue.start : issue.end],
        "category": issue.category.value,
        "severity": issue.severity.value,
        "rule_id": issue.rule_id,
        "rule_name": issue.rule_name,
        "message": issue.message,
        "suggestions": list(issue.suggestions),
        "engine": issue.engine,
        "also_found_by": list(issue.also_found_by),
        "paragraph": issue.paragraph,
        "scene": issue.scene,
    }


def _as_text(issue: Issue, text: str, name: str) -> str:
    line, column = _line_col(text, issue.start)
    out = f"{name}:{line}:{column}: {issue.category.value} [{issue.rule_id}] {issue.message}"
    if issue.suggestions:
        out += f" (suggestions: {', '.join(issue.suggestions)})"
    return out + f" <{'+'.join(issue.engines)}>"


class _ProgressLine:
    """"checking: 40% (1,400 of 3,500 paragraph checks)" on stderr ("checking
    chapters/02-x.md: …" in a project): rewritten in place on a terminal, a new line at
    each further tenth otherwise (a log stays short)."""

    def __init__(self, what: str = "") -> None:
        self._tty = sys.stderr.isatty()
        self._shown = -1
        self._what = f" {what}" if what else ""

    def __call__(self, progress: Progress) -> None:
        if not progress.total:
            return
        percent = progress.done * 100 // progress.total
        if not self._tty and percent // 10 == self._shown // 10:
            return
        self._shown = percent
        line = (f"checking{self._what}: {percent}% ({progress.done:,} of {progress.total:,} "
                "paragraph checks)")  # fmt: skip
        print(f"\r{line}" if self._tty else line, end="" if self._tty else "\n",
              file=sys.stderr, flush=True)

    def finish(self) -> None:
        """On a terminal, clear the line in place, so what follows starts on a clean one."""
        if self._tty and self._shown >= 0:
            print("\r\x1b[K", end="", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    if args.chapter.is_dir():  # a project: every chapter in reading order
        project, paths = project_chapters(args.chapter, "check")
        chapters = [(path, read_chapter(path)) for path in paths]
        root = project.root
    else:
        project, chapters = None, [(args.chapter, read_chapter(args.chapter))]
        root = project_root_for(args.chapter)
    settings, only = _settings(root, args)
    persist = database_path(root).exists() or (root / CONFIG_NAME).is_file()
    try:
        checker = build_checker(root, settings, only, persist=persist)
    except ValueError as error:
        raise CommandError(f"bad check settings: {error}") from error
    documents = []
    statuses: dict[tuple[str, str, str], None] = {}  # each engine's trouble said once
    try:
        for path, chapter in chapters:
            entry = chapter_entry(project, path) if project else None
            progress = _ProgressLine(entry["path"] if entry else "")
            result = checker.check_chapter(chapter, on_progress=progress)
            progress.finish()
            for name, status in result.statuses.items():
                if status.state in (EngineState.UNAVAILABLE, EngineState.STARTING):
                    statuses[(name, status.state.value, status.detail)] = None
            if args.format == "json":
                documents.append({**(entry or {}), **_document(path, chapter.text, result)})
            else:
                if entry:
                    count = len(result.issues)
                    print(f"{entry['title']} ({entry['path']}): {count} issue"
                          f"{'' if count == 1 else 's'}", flush=True)
                for issue in result.issues:
                    print(_as_text(issue, chapter.text, str(path)))
    finally:
        checker.close()
    if args.format == "json":
        whole = {"project": str(args.chapter), "chapters": documents} if project else documents[0]
        json.dump(whole, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    for name, state, detail in statuses:
        print(f"ficwriter check: {name} {state}: {detail}", file=sys.stderr)
    return 0


def _document(path: Path, text: str, result: CheckResult) -> dict[str, Any]:
    """One chapter's check as JSON: the file, each engine's state, the issues."""
    return {
        "file": str(path),
        "engines": {
            name: {"state": s.state.value, "detail": s.detail}
            for name, s in result.statuses.items()
        },
        "issues": [_as_json(issue, text) for issue in result.issues],
    }
