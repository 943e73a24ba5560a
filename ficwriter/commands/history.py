"""`ficwriter history|diff|restore|snapshot|watch`: the revision store from the command line.

Each subcommand mirrors one function of ``ficwriter.history``: ``HistoryStore.revisions``,
``HistoryStore.diff``, ``HistoryStore.restore``, ``HistoryStore.snapshot`` and
``ProjectWatcher``. Reading history opens the project read-only, so it works while the
window has the project open; changing it takes the project's lock.
"""

from __future__ import annotations

import _thread
import argparse
import json
import sqlite3
import sys
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

from ficwriter.commands.errors import CommandError
from ficwriter.core.project import project_root_for
from ficwriter.core.textfile import UnreadableFile
from ficwriter.core.atomic import SaveError
from ficwriter.history.database import DamagedDatabase, database_path
from ficwriter.history.diff import Run, TextDiff
from ficwriter.history.lock import ProjectLocked
from ficwriter.history.store import HistoryStore, Revision, UnknownRevision, parse_revision_id
from ficwriter.history.sync import ExternalChange, ProjectWatcher, catch_up


def register(subparsers: argparse._SubParsersAction) -> None:
    history = subparsers.add_parser("history", help="list a chapter's revisions")
    history.add_argument("chapter", type=Path, help="the chapter file")
    history.add_argument("--format", choices=("text", "json"), default="text")
    history.set_defaults(run=run_history)

    diff = subparsers.add_parser(
        "diff", help="word differences between two revisions, or a revision and the file"
    )
    diff.add_argument("chapter", type=Path)
    diff.add_argument("old", metavar="REV", help="a revision id such as r12")
    diff.add_argument("new", metavar="REV", nargs="?", help="default: the file on disk")
    diff.set_defaults(run=run_diff)

    restore = subparsers.add_parser(
        "restore", help="write an old revision back to the chapter (itself a new revision)"
    )
    restore.add_argument("chapter", type=Path)
    restore.add_argument("revision", metavar="REV")
    restore.set_defaults(run=run_restore)

    snapshot = subparsers.add_parser(
        "snapshot", help="name the current revision of every chapter (e.g. 'sent to beta')"
    )
    snapshot.add_argument("project", type=Path)
    snapshot.add_argument("name")
    snapshot.set_defaults(run=run_snapshot)

    watch = subparsers.add_parser(
        "watch", help="record changes made in other editors as they happen (Ctrl+C stops)"
    )
    watch.add_argument("project", type=Path)
    watch.set_defaults(run=run_watch)


def run_history(args: argparse.Namespace) -> int:
    with open_store(args.chapter, read_only=True, chapter=True) as (store, rel):
        revisions = store.revisions(rel)
    if args.format == "json":
        print(json.dumps([{**asdict(r), "label": r.label} for r in revisions], indent=2))
    elif not revisions:
        print(f"{rel}: no revisions yet")
    else:
        for revision in revisions:
            print(_revision_line(revision))
    return 0


def run_diff(args: argparse.Namespace) -> int:
    old_id, new_id = _revision_id(args.old), _revision_id(args.new) if args.new else None
    with open_store(args.chapter, read_only=True, chapter=True) as (store, rel):
        try:
            change = store.diff(old_id, new_id, path=rel)
        except (OSError, UnreadableFile) as error:
            raise CommandError(f"cannot read {rel}: {error}") from error
        new_name = f"r{new_id}" if new_id is not None else "the file"
    print(f"{rel}: r{old_id} -> {new_name}: {_summary(change)}")
    for paragraph in change.paragraphs:
        where = paragraph.new_index if paragraph.new_index is not None else paragraph.old_index
        kind = "spacing changed" if paragraph.spacing_only else paragraph.kind
        print(f"\n@@ paragraph {(where or 0) + 1} ({kind})")
        print(_marked(paragraph.runs).rstrip("\n"))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    revision_id = _revision_id(args.revision)
    with open_store(args.chapter, read_only=False, chapter=True) as (store, rel):
        try:
            revision = store.restore(rel, revision_id)
        except SaveError as error:
            raise CommandError(str(error)) from error
    if revision.id == revision_id:  # the text was already r{id}: only the file came back
        print(f"Restored {rel} from r{revision_id}.")
    else:
        print(f"Restored {rel} to r{revision_id}; that is now {revision.label}.")
    return 0


def run_snapshot(args: argparse.Namespace) -> int:
    if not args.name.strip():
        raise CommandError("a snapshot needs a name")
    with open_store(args.project, read_only=False, chapter=False) as (store, _):
        catch_up(store)  # pin what is on disk now, also if it was edited since last seen
        snapshot = store.snapshot(args.name)
    pinned = ", ".join(f"{path} r{rid}" for path, rid in snapshot.revisions.items())
    print(f"Snapshot {snapshot.name!r} pins {len(snapshot.revisions)} chapter(s): {pinned or '-'}")
    return 0


def run_watch(args: argparse.Namespace) -> int:
    with open_store(args.project, read_only=False, chapter=False) as (store, _):
        watcher = ProjectWatcher(store)
        watcher.subscribe(_print_change)
        print(f"Watching {store.root} (Ctrl+C stops)", flush=True)
        signal.signal(signal.SIGTERM, _interrupt)  # a service manager stops it cleanly too
        watcher.start()
        try:
            while True:  # sleep, unlike a lock wait, is interrupted by Ctrl+C everywhere
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
        finally:
            watcher.stop()
    print("Stopped.", flush=True)
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@contextmanager
def open_store(
    path: Path, *, read_only: bool, chapter: bool
) -> Iterator[tuple[HistoryStore, str]]:
    """The store of the project ``path`` belongs to, with ``path`` as history names it.

    ``chapter``: ``path`` must be a chapter file, and its history must exist already;
    otherwise a project folder, whose history is started if it has none. Every failure the
    user can act on becomes one ``CommandError`` line.
    """
    path = Path(path).resolve()
    if not path.exists() and not path.parent.is_dir():
        raise CommandError(f"{path} does not exist")
    if chapter and path.is_dir():
        raise CommandError(f"{path} is a folder; give a chapter file")
    if not chapter and not path.is_dir():
        raise CommandError(f"{path} is not a project folder")
    root = project_root_for(path)
    if chapter and not database_path(root).is_file():
        if not path.exists():
            raise CommandError(f"{path}: no such file")
        raise CommandError(f"{root} has no history yet (no {database_path(root)})")
    try:
        store = HistoryStore.open(root, read_only=read_only)
    except (ProjectLocked, DamagedDatabase, sqlite3.Error, RuntimeError, OSError) as error:
        raise CommandError(_plain(error)) from error
    try:
        if store.damage is not None:
            print(store.damage.message, file=sys.stderr)
        rel = store.relative(path) if chapter else ""
        if chapter and not path.exists() and store.latest(rel) is None:
            raise CommandError(f"{path} does not exist and has no history")
        yield store, rel
    except (UnknownRevision, ValueError) as error:
        raise CommandError(_plain(error)) from error
    finally:
        store.close()


def _plain(error: BaseException) -> str:
    if isinstance(error, DamagedDatabase):
        return (
            f"the project's history cannot be read ({error}); open the project in ficwriter "
            "or run `ficwriter watch` on it to set the damaged file aside and start anew"
        )
    return str(error.args[0]) if isinstance(error, LookupError) and error.args else str(error)


def _revision_id(label: str) -> int:
    try:
        return parse_revision_id(label)
    except ValueError as error:
        raise CommandError(str(error)) from error


def _revision_line(revision: Revision) -> str:
    when = revision.created[:19].replace("T", " ")
    return (
        f"{revision.label:>6}  {when} UTC  {revision.source:<8}  {revision.words:>7,} words  "
        f"+{revision.added} -{revision.removed}  {revision.path}"
    )


def _summary(change: TextDiff) -> str:
    if change.unchanged:
        return "no differences"
    return (
        f"+{change.words_added} -{change.words_removed} words; paragraphs: "
        f"{change.paragraphs_changed} changed, {change.paragraphs_inserted} inserted, "
        f"{change.paragraphs_deleted} deleted"
    )


def _marked(runs: tuple[Run, ...]) -> str:
    """Runs as text with ``[-deleted-]`` and ``{+inserted+}`` marks (like git's word diff)."""
    parts = []
    for run in runs:
        if run.kind in ("delete", "replace"):
            parts.append(f"[-{run.old_text}-]")
        if run.kind in ("insert", "replace"):
            parts.append(f"{{+{run.new_text}+}}")
        if run.kind == "equal":
            parts.append(run.old_text)
    return "".join(parts)


def _print_change(change: ExternalChange) -> None:
    """One line per change, from the watcher's thread; when the reader has gone away
    (``ficwriter watch P | head -3``) watching stops as on Ctrl+C, and the main thread's
    next print ends the command quietly."""
    detail = f" (was {change.old_path})" if change.old_path else ""
    revision = f" -> {change.revision.label}" if change.revision else ""
    try:
        print(f"{change.kind}: {change.path}{detail}{revision}", flush=True)
    except BrokenPipeError:
        _thread.interrupt_main()
