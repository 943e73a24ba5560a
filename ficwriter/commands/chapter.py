"""`ficwriter import | outline | stats`: the chapter commands.

Each mirrors one core function: ``project.import_chapters_into_project`` (and the import's
first revision in history), ``stats.outline`` and ``stats.chapter_stats``. Bad input (a
missing, binary or undecodable file) is a ``CommandError`` raised before anything is
written. ``ficwriter export`` is in ``commands.export``.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path

from ficwriter.commands.errors import CommandError
from ficwriter.commands.reading import chapter_entry, project_chapters, read_chapter
from ficwriter.commands.story_stats import run_project_stats
from ficwriter.core.atomic import SaveError
from ficwriter.core.project import import_chapters_into_project, open_project
from ficwriter.core.stats import OutlineRow, chapter_stats, outline
from ficwriter.core.textfile import UnreadableFile
from ficwriter.history.database import DamagedDatabase
from ficwriter.history.disk_trouble import HistoryUnavailable
from ficwriter.history.lock import ProjectLocked
from ficwriter.history.store import HistoryStore


def register(subparsers: argparse._SubParsersAction) -> None:
    imp = subparsers.add_parser(
        "import",
        help="import a .txt/.md/.docx/.html chapter into a project",
        description="Import a chapter (plain text, Markdown, Word, HTML or an AO3 download) "
        "as the project's next chapters/NN-slug.md. Existing chapters are never overwritten.",
    )
    imp.add_argument("source", type=Path, help="the file to import")
    imp.add_argument("--project", type=Path, required=True, help="project folder (created)")
    imp.set_defaults(run=run_import)

    for name, func, what in (
        ("outline", run_outline, "scenes: title or first words, point of view, words"),
        ("stats", run_stats, "words (story / notes), scenes, paragraphs, dialogue share"),
    ):
        parser = subparsers.add_parser(name, help=what, description=f"Print the {what}; "
                                       "for a project folder, of every chapter in reading order.")
        parser.add_argument("chapter", type=Path, metavar="CHAPTER_OR_PROJECT")
        parser.add_argument("--format", choices=("text", "json"), default="text")
        parser.set_defaults(run=func)


def run_import(args: argparse.Namespace) -> int:
    source: Path = args.source
    if not source.is_file():
        raise CommandError(f"{source}: no such file")
    if args.project.exists() and not args.project.is_dir():
        raise CommandError(f"{args.project}: not a folder")
    try:
        written = import_chapters_into_project(source, args.project)
    except UnreadableFile as error:
        raise CommandError(f"{source}: {error}") from error
    except SaveError as error:  # a full or read-only disk: the import took nothing back
        raise CommandError(f"cannot import into {args.project}: {error.reason}; "
                           "nothing was imported") from error
    except OSError as error:
        raise CommandError(f"{source}: {error.strerror or error}") from error
    try:
        _record_imports(args.project, written)  # first: a reader gone stops nothing
    finally:  # the new chapters are on disk even when their history is not
        for path in written:
            print(path)
    return 0


def _record_imports(root: Path, written: list[Path]) -> None:
    """Each imported chapter's first revision, marked "import". When a ficwriter window
    holds the project, its watcher records the new files instead; a history that cannot be
    opened costs the import nothing, the chapters are written already; a disk that refuses
    history is said as for any command ("disk full: history not updated", exit 2)."""
    try:
        store = HistoryStore.open(root)
    except HistoryUnavailable:
        raise
    except ProjectLocked:
        print("note: the project is open in ficwriter; its window records the import",
              file=sys.stderr)
        return
    except (DamagedDatabase, sqlite3.Error, OSError) as error:
        print(f"warning: the import is not in the history: {error}", file=sys.stderr)
        return
    with store:
        store.record_imports(written)


def run_outline(args: argparse.Namespace) -> int:
    if args.chapter.is_dir():
        return _project_outline(args.chapter, args.format)
    rows = outline(read_chapter(args.chapter))
    if args.format == "json":
        print(json.dumps([row.as_dict() for row in rows], ensure_ascii=False, indent=2))
        return 0
    _print_outline(rows)
    return 0


def _project_outline(folder: Path, output_format: str) -> int:
    """Every chapter's scenes in reading order, each chapter under its title."""
    project, paths = project_chapters(folder, "outline")
    chapters = [(chapter_entry(project, path), outline(read_chapter(path))) for path in paths]
    if output_format == "json":
        document = {
            "project": {"title": project.title, "chapters": len(chapters)},
            "chapters": [{**entry, "scenes": [row.as_dict() for row in rows]}
                         for entry, rows in chapters],
        }  # fmt: skip
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    for number, (entry, rows) in enumerate(chapters):
        if number:
            print()
        print(f"{entry['title']} ({entry['path']})")
        _print_outline(rows)
    return 0


def _print_outline(rows: list[OutlineRow]) -> None:
    print(f"{'#':>3}  {'words':>6}  {'pov':<12}  scene")
    for row in rows:
        pov = (row.pov or "-") + ("?" if row.pov_guessed else "")
        print(f"{row.index + 1:>3}  {row.words:>6}  {pov:<12}  {row.label}")


def run_stats(args: argparse.Namespace) -> int:
    if args.chapter.is_dir():  # a project: every chapter, by scene
        return run_project_stats(args.chapter.resolve(), args.format)
    stats = chapter_stats(read_chapter(args.chapter))
    if args.format == "json":
        print(json.dumps(stats.as_dict(), indent=2))
        return 0
    print(f"story words     {stats.story_words}")
    print(f"note words      {stats.note_words}")
    print(f"scenes          {stats.scenes}")
    print(f"paragraphs      {stats.paragraphs}")
    print(f"dialogue share  {stats.dialogue_share:.0%}")
    return 0
