"""`ficwriter export`: a chapter or a whole project out, cleaned, for posting or reading.

Mirrors ``core.export``: ``export_chapter`` for one chapter, ``export_work`` for a project
folder (every chapter in reading order, or ``--chapters``) and for EPUB, then
``destination.write_export_files``, which refuses to write onto a chapter and, without
``--force``, over an earlier export. Every refusal and every disk failure is one line and
exit 2, with nothing of the export left behind.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from ficwriter.commands.errors import CommandError
from ficwriter.commands.reading import open_project_at, project_chapters, read_chapter
from ficwriter.core.atomic import SaveError
from ficwriter.core.export import WORK_TARGETS, ExportOptions, export_chapter, export_work
from ficwriter.core.export.destination import ExportExists, ExportRefused, write_export_files
from ficwriter.core.project import Project
from ficwriter.core.textfile import UnreadableFile


def register(subparsers: argparse._SubParsersAction) -> None:
    exp = subparsers.add_parser(
        "export",
        help="write a cleaned chapter or whole work: EPUB, AO3, FFN, text, Markdown, Word, HTML",
        description="Write a cleaned copy of a CHAPTER, or of every chapter of a PROJECT "
        "folder in reading order (AO3: a folder per chapter and posting.md; EPUB: one "
        "e-book). Chapter files are never changed, and an export never writes onto one. "
        "Defaults come from the project's [export] settings.",
    )
    exp.add_argument("source", type=Path, metavar="CHAPTER_OR_PROJECT")
    exp.add_argument("--to", dest="target", metavar="TARGET",
                     help=f"one of: {', '.join(WORK_TARGETS)} (default: the project's target)")
    exp.add_argument("-o", "--output", type=Path, required=True, help="folder to write into")
    exp.add_argument("--force", action="store_true",
                     help="replace the files of an earlier export (never a chapter)")
    exp.add_argument("--chapters", metavar="LIST",
                     help='a project\'s chapters to export by number, e.g. "1-3,5" (default: all)')
    exp.add_argument("--cover", type=Path, metavar="IMAGE",
                     help="EPUB cover (JPEG, PNG or GIF; default: [export] cover)")
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


def chosen_chapters(spec: str, chapters: list[Path]) -> list[Path]:
    """``"1-3,5"`` -> those chapters (numbers in reading order, from 1), in reading order."""
    chosen: set[int] = set()
    for part in filter(None, (p.strip() for p in spec.split(","))):
        first, _, last = part.partition("-")
        if not first.isdigit() or (last and not last.isdigit()):
            raise CommandError(f"--chapters {spec!r}: use numbers and ranges like 1-3,5")
        low, high = int(first), int(last or first)
        if not 1 <= low <= high <= len(chapters):
            raise CommandError(f"--chapters {spec!r}: the project has chapters 1-{len(chapters)}")
        chosen.update(range(low, high + 1))
    if not chosen:
        raise CommandError(f"--chapters {spec!r}: no chapter named")
    return [chapters[i - 1] for i in sorted(chosen)]


def _cover(args: argparse.Namespace, project: Project, config: dict) -> bytes | None:
    path = args.cover or (project.root / str(config["cover"]) if config.get("cover") else None)
    if path is None:
        return None
    try:
        return path.read_bytes()
    except OSError as error:
        raise CommandError(f"{path}: {error.strerror or error}") from error


def run_export(args: argparse.Namespace) -> int:
    source: Path = args.source
    if not source.exists():
        raise CommandError(f"{source}: no such file or folder")
    project, chapters = (project_chapters(source, "export") if source.is_dir()
                         else (open_project_at(source), [source]))  # fmt: skip
    config = project.export
    target = args.target or str(config.get("target", "ao3"))
    if target not in WORK_TARGETS:
        raise CommandError(f"unknown target {target!r}; choose one of {', '.join(WORK_TARGETS)}")
    options = _export_options(args, config)
    if source.is_dir() and args.chapters:
        chapters = chosen_chapters(args.chapters, chapters)
    elif not source.is_dir():
        read_chapter(source)  # a binary or undecodable file: its own one-line error
    try:
        if source.is_dir() or target == "epub":
            cover = _cover(args, project, config) if target == "epub" else None
            work = export_work(project, target, options, chapters, cover=cover)
            files, warnings = work.files, work.warnings
            summary = work.summary
        else:
            result = export_chapter(read_chapter(source), target, options, source.stem)
            files, warnings = dict(result.files), result.warnings
            summary = None
        written = write_export_files(files, args.output, project, force=args.force)
    except ExportExists as error:
        raise CommandError(f"{error}; --force replaces the earlier export") from error
    except (ExportRefused, SaveError, ValueError) as error:
        raise CommandError(str(error)) from error
    except UnreadableFile as error:
        raise CommandError(str(error)) from error
    except OSError as error:
        raise CommandError(f"{error.filename or source}: {error.strerror or error}") from error
    for path in written:
        print(path)
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if summary is not None:
        print(f"exported {summary(args.output)}", file=sys.stderr)
    return 0
