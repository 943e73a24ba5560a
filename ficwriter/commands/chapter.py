"""`ficwriter import | export | outline | stats`: the chapter commands.

Each mirrors one core function: ``project.import_chapters_into_project`` (and the import's
first revision in history), ``export.export_chapter`` +
``write_export``, ``stats.outline`` and ``stats.chapter_stats``. Bad input (a missing,
binary or undecodable file, an unknown target) is a ``CommandError`` raised before anything
is written.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from dataclasses import replace
from pathlib import Path

from ficwriter.commands.errors import CommandError
from ficwriter.commands.reading import read_chapter
from ficwriter.commands.story_stats import run_project_stats
from ficwriter.core.export import TARGETS, ExportOptions, export_chapter, write_export
from ficwriter.core.project import import_chapters_into_project, open_project
from ficwriter.core.stats import chapter_stats, outline
from ficwriter.core.textfile import UnreadableFile
from ficwriter.history.database import DamagedDatabase
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

    exp = subparsers.add_parser(
        "export",
        help="write a cleaned chapter for AO3, FFN, text, Markdown, Word or HTML",
        description="Write a cleaned copy of CHAPTER; the chapter file itself is not changed. "
        "Defaults come from the project's [export] settings.",
    )
    exp.add_argument("chapter", type=Path)
    exp.add_argument("--to", dest="target", metavar="TARGET",
                     help=f"one of: {', '.join(TARGETS)} (default: the project's target)")
    exp.add_argument("-o", "--output", type=Path, required=True, help="folder to write into")
    notes = exp.add_mutually_exclusive_group()
    notes.add_argument("--keep-notes", dest="keep_notes", action="store_true", default=None)
    notes.add_argument("--drop-notes", dest="keep_notes", action="store_false")
    exp.add_argument("--keep-comments", action="store_true",
                     help="keep comments and scene metadata where the target can show them")
    exp.add_argument("--scene-break", metavar="TEXT",
                     help='"hr" for a rule, or the text of the break line, e.g. "~~~"')
    typo = exp.add_mutually_exclusive_group()
    typo.add_argument("--typographic", dest="typographic", action="store_true", default=None,
                      help="curly quotes and apostrophes, em dashes, ellipsis characters")
    typo.add_argument("--no-typographic", dest="typographic", action="store_false")
    exp.add_argument("--keep-whitespace", action="store_true",
                     help="do not normalise spaces")
    exp.set_defaults(run=run_export)

    for name, func, what in (
        ("outline", run_outline, "scenes: title or first words, point of view, words"),
        ("stats", run_stats, "words (story / notes), scenes, paragraphs, dialogue share"),
    ):
        parser = subparsers.add_parser(name, help=what, description=f"Print the {what}.")
        parser.add_argument("chapter", type=Path)
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
    except OSError as error:
        raise CommandError(f"{source}: {error.strerror or error}") from error
    for path in written:
        print(path)
    _record_imports(args.project, written)
    return 0


def _record_imports(root: Path, written: list[Path]) -> None:
    """Each imported chapter's first revision, marked "import". When a ficwriter window
    holds the project, its watcher records the new files instead; a history that cannot be
    opened costs the import nothing, the chapters are written already."""
    try:
        store = HistoryStore.open(root)
    except ProjectLocked:
        print("note: the project is open in ficwriter; its window records the import",
              file=sys.stderr)
        return
    except (DamagedDatabase, sqlite3.Error, OSError) as error:
        print(f"warning: the import is not in the history: {error}", file=sys.stderr)
        return
    with store:
        store.record_imports(written)


def _export_options(args: argparse.Namespace, config: dict) -> ExportOptions:
    try:
        options = ExportOptions.from_config(config)
    except ValueError as error:
        raise CommandError(f"ficwriter.toml: {error}") from error
    if args.keep_notes is not None:
        options = replace(options, keep_notes=args.keep_notes)
    if args.keep_comments:
        options = replace(options, drop_comments=False)
    if args.scene_break is not None:
        options = replace(options, scene_break=args.scene_break)
    if args.typographic is not None:
        options = options.with_typography(args.typographic)
    if args.keep_whitespace:
        options = replace(options, normalize_whitespace=False)
    return options


def run_export(args: argparse.Namespace) -> int:
    chapter = read_chapter(args.chapter)
    try:
        config = open_project(args.chapter).export
    except ValueError as error:
        raise CommandError(str(error)) from error
    target = args.target or str(config.get("target", "ao3"))
    if target not in TARGETS:
        raise CommandError(f"unknown target {target!r}; choose one of {', '.join(TARGETS)}")
    if args.output.exists() and not args.output.is_dir():
        raise CommandError(f"{args.output}: not a folder")
    result = export_chapter(chapter, target, _export_options(args, config), args.chapter.stem)
    for path in write_export(result, args.output):
        print(path)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 0


def run_outline(args: argparse.Namespace) -> int:
    rows = outline(read_chapter(args.chapter))
    if args.format == "json":
        print(json.dumps([row.as_dict() for row in rows], ensure_ascii=False, indent=2))
        return 0
    print(f"{'#':>3}  {'words':>6}  {'pov':<12}  scene")
    for row in rows:
        pov = (row.pov or "-") + ("?" if row.pov_guessed else "")
        print(f"{row.index + 1:>3}  {row.words:>6}  {pov:<12}  {row.label}")
    return 0


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
