"""`ficwriter new` and `ficwriter chapter list|add|rename|move|delete|restore|split|merge`.

A project's chapters as a list: each subcommand is one function of ``core.chapters`` run
through ``history.chapters.change_chapters``, so every chapter keeps its history across
renames, moves and the trash. Bad input is one ``CommandError`` line, before anything is
written; a project open in a ficwriter window is refused (the window does it there).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

from ficwriter.commands.errors import CommandError
from ficwriter.commands.history import open_store
from ficwriter.core import chapters
from ficwriter.core.atomic import SaveError
from ficwriter.core.chapters import ChapterChange, ChapterError
from ficwriter.core.project import CONFIG_NAME, LANGUAGES, Project, create_project, open_project
from ficwriter.history.chapters import change_chapters


def register(subparsers: argparse._SubParsersAction) -> None:
    new = subparsers.add_parser(
        "new", help="start a new story: a project folder with its first chapter",
        description="Make PATH a ficwriter project (ficwriter.toml, chapters/01-….md) and "
        "print the first chapter's path. A folder that is a project already is refused.",
    )
    new.add_argument("path", type=Path)
    new.add_argument("--title", required=True)
    new.add_argument("--author", default="")
    new.add_argument("--fandom", default="")
    new.add_argument("--language", default="en-US", help=f"one of: {', '.join(LANGUAGES)}")
    new.set_defaults(run=run_new)

    group = subparsers.add_parser(
        "chapter", help="list, add, rename, move, delete, restore, split or merge chapters",
        description="The project's chapters in reading order (numbered from 1). File names "
        "keep their order number in step; deleted chapters go to .ficwriter/trash/.",
    )
    sub = group.add_subparsers(dest="action", metavar="ACTION", required=True)

    def action(name: str, helptext: str, run: Callable[[argparse.Namespace], int]
               ) -> argparse.ArgumentParser:
        parser = sub.add_parser(name, help=helptext, description=helptext[:1].upper()
                                + helptext[1:] + ".")
        parser.add_argument("project", type=Path)
        parser.set_defaults(run=run)
        return parser

    listing = action("list", "the chapters in order: number, title, words, file", run_list)
    listing.add_argument("--deleted", action="store_true", help="the trash instead")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    add = action("add", "a new chapter (after the last one, or after chapter N)", run_add)
    add.add_argument("--title")
    add.add_argument("--after", type=int, metavar="N", help="0 puts it first")
    rename = action("rename", "give chapter N a new title (its file name follows)", run_rename)
    rename.add_argument("number", type=int, metavar="N")
    rename.add_argument("title")
    move = action("move", "put chapter N at place M", run_move)
    move.add_argument("number", type=int, metavar="N")
    move.add_argument("--to", type=int, metavar="M", required=True)
    delete = action("delete", "move chapter N to the project's trash", run_delete)
    delete.add_argument("number", type=int, metavar="N")
    restore = action("restore", "put a deleted chapter back where it stood", run_restore)
    restore.add_argument("key", metavar="NAME_OR_NUMBER",
                         help="its number in `chapter list --deleted`, or its file name")
    split = action("split", "scenes K.. of chapter N become a new chapter after it", run_split)
    split.add_argument("number", type=int, metavar="N")
    split.add_argument("--scene", type=int, metavar="K", required=True)
    merge = action("merge", "chapter N+1 appended to chapter N, a scene break between",
                   run_merge)
    merge.add_argument("number", type=int, metavar="N")


def run_new(args: argparse.Namespace) -> int:
    path: Path = args.path
    if path.exists() and not path.is_dir():
        raise CommandError(f"{path} is a file, not a folder")
    if (path / CONFIG_NAME).exists():
        raise CommandError(f"{path} is a ficwriter project already")
    if args.language not in LANGUAGES:
        raise CommandError(f"unknown language {args.language!r}; one of {', '.join(LANGUAGES)}")
    if not args.title.strip():
        raise CommandError("a story needs a title")
    try:
        project = create_project(path, args.title.strip(), author=args.author.strip(),
                                 fandom=args.fandom.strip(), language=args.language)
    except OSError as error:
        raise CommandError(f"cannot create {path}: {error.strerror or error}") from error
    change = _change(project.root, chapters.ADD, lambda: chapters.add_chapter(project))
    print(change.chapter)
    return 0


def run_list(args: argparse.Namespace) -> int:
    project = _project(args.project)
    try:
        rows = chapters.list_trash(project) if args.deleted else chapters.list_chapters(project)
    except ChapterError as error:
        raise CommandError(str(error)) from error
    if args.format == "json":
        print(json.dumps([row.as_dict() for row in rows], ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        where = f"deleted {row.deleted}  {row.name}" if args.deleted else row.path.name
        print(f"{row.number:>3}  {row.words:>7}  {row.title}  ({where})")
    return 0


def run_add(args: argparse.Namespace) -> int:
    return _report(args, chapters.ADD, lambda project: chapters.add_chapter(project, args.title, args.after))


def run_rename(args: argparse.Namespace) -> int:
    return _report(args, chapters.RENAME, lambda p: chapters.rename_chapter(p, args.number, args.title))


def run_move(args: argparse.Namespace) -> int:
    return _report(args, chapters.MOVE, lambda p: chapters.move_chapter(p, args.number, args.to))


def run_delete(args: argparse.Namespace) -> int:
    return _report(args, chapters.DELETE, lambda p: chapters.delete_chapter(p, args.number))


def run_restore(args: argparse.Namespace) -> int:
    return _report(args, chapters.RESTORE, lambda p: chapters.restore_chapter(p, args.key))


def run_split(args: argparse.Namespace) -> int:
    return _report(args, chapters.SPLIT, lambda p: chapters.split_chapter(p, args.number, args.scene))


def run_merge(args: argparse.Namespace) -> int:
    return _report(args, chapters.MERGE, lambda p: chapters.merge_chapter(p, args.number))


def _project(path: Path) -> Project:
    if not path.is_dir():
        raise CommandError(f"{path} is not a project folder")
    try:
        return open_project(path)
    except ValueError as error:
        raise CommandError(str(error)) from error


def _report(args: argparse.Namespace, action: str,
            operation: Callable[[Project], ChapterChange]) -> int:
    """Run the operation with history (revisions named after ``action``); print the
    chapter it leads to."""
    project = _project(args.project)
    change = _change(project.root, action, lambda: operation(project))
    if change.chapter is not None:
        print(change.chapter)
    return 0


def _change(root: Path, action: str, operation: Callable[[], ChapterChange]
            ) -> ChapterChange:
    with open_store(root, read_only=False, chapter=False) as (store, _):
        try:
            return change_chapters(store, operation, action)
        except ChapterError as error:
            raise CommandError(str(error)) from error
        except (SaveError, OSError) as error:
            raise CommandError(str(error)) from error
