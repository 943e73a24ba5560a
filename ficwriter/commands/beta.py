"""`ficwriter beta send | take`: a chapter to a beta reader as a Word file, and back.

``send`` mirrors ``beta.send.send_chapter``; ``take`` reads the returned file
(``beta.returned``), lists its review items (``beta.review.take``) and, with
``--accept-all``, accepts them (``beta.edits.apply_items``) as one save recorded as
"Beta: <reader>", after the chapter as it was is in history. Listing writes nothing.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path

from ficwriter.beta.edits import apply_items
from ficwriter.beta.returned import NotAWordFile, Returned, open_returned, sent_text
from ficwriter.beta.review import Review, ReviewItem, take
from ficwriter.beta.send import send_chapter
from ficwriter.commands.errors import CommandError
from ficwriter.core.atomic import SaveError
from ficwriter.core.export import ExportOptions
from ficwriter.core.project import open_project, project_root_for
from ficwriter.core.textfile import DecodedText, UnreadableFile, read_text
from ficwriter.history.database import DamagedDatabase, database_path
from ficwriter.history.lock import ProjectLocked
from ficwriter.history.store import HistoryStore, beta_source
from ficwriter.history.sync import follow_file

_STORE_ERRORS = (ProjectLocked, DamagedDatabase, sqlite3.Error, RuntimeError, OSError)


def register(subparsers: argparse._SubParsersAction) -> None:
    beta = subparsers.add_parser(
        "beta", help="send a chapter to a beta reader as a Word file; take their changes back",
        description="Send a chapter as a Word file that remembers its revision, and take the "
        "reader's tracked changes and comments back as review items.",
    )
    sub = beta.add_subparsers(dest="beta_command", metavar="ACTION", required=True)
    send = sub.add_parser("send", help="write the chapter as a .docx for a beta reader")
    send.add_argument("chapter", type=Path)
    send.add_argument("-o", "--output", type=Path, required=True,
                      help="the .docx file to write (or a folder to write it into)")
    send.set_defaults(run=run_send)

    take_ = sub.add_parser("take", help="list (or accept) a returned file's changes and comments")
    take_.add_argument("file", type=Path, help="the .docx the reader sent back")
    take_.add_argument("--chapter", type=Path,
                       help="the chapter it is about (default: the one it was sent from)")
    take_.add_argument("--format", choices=("text", "json"), default="text")
    choice = take_.add_mutually_exclusive_group()
    choice.add_argument("--accept-all", action="store_true",
                        help="make every change that still applies (comments stay listed)")
    choice.add_argument("--reject-all", action="store_true",
                        help="make none of them; the chapter stays as it is")
    take_.set_defaults(run=run_take)


def _chapter_file(path: Path) -> Path:
    path = Path(path).resolve()
    if path.is_dir():
        raise CommandError(f"{path} is a folder; give a chapter file")
    if not path.is_file():
        raise CommandError(f"{path}: no such file")
    return path


def _read(path: Path) -> DecodedText:
    try:
        return read_text(path)
    except UnreadableFile as error:
        raise CommandError(f"{path}: {error}") from error
    except OSError as error:
        raise CommandError(f"{path}: {error.strerror or error}") from error


def _open_store(root: Path, *, read_only: bool) -> HistoryStore:
    try:
        store = HistoryStore.open(root, read_only=read_only)
    except _STORE_ERRORS as error:
        raise CommandError(str(error)) from error
    if store.damage is not None:
        print(store.damage.message, file=sys.stderr)
    return store


def run_send(args: argparse.Namespace) -> int:
    chapter = _chapter_file(args.chapter)
    _read(chapter)  # a binary or undecodable file is refused before anything is written
    target = args.output
    if target.is_dir():
        target = target / f"{chapter.stem}.docx"
    if target.suffix.lower() != ".docx":
        raise CommandError(f"{target}: a Word file's name ends in .docx")
    if not target.parent.is_dir():
        raise CommandError(f"{target.parent}: no such folder")
    try:
        project = open_project(chapter)
        options = ExportOptions.from_config(project.export)
    except ValueError as error:
        raise CommandError(str(error)) from error
    with _open_store(project_root_for(chapter), read_only=False) as store:
        try:
            sent = send_chapter(store, chapter, target, project_title=project.title,
                                options=options)
        except SaveError as error:
            raise CommandError(str(error)) from error
        rel = store.relative(chapter)
    print(f"{sent.path}: {rel} as of r{sent.revision_id}; "
          f"snapshot {sent.snapshot.name!r} in history")
    return 0


def _find_chapter(returned: Returned) -> Path:
    """The chapter a file was sent from: its path, in the project around the current
    folder or the returned file's folder."""
    rel = returned.chapter
    if rel is None:
        raise CommandError(
            f"{returned.path} was not sent with `ficwriter beta send`; "
            "say which chapter it is with --chapter"
        )
    for start in (Path.cwd().resolve(), returned.path.resolve().parent):
        for folder in (start, *start.parents):
            candidate = folder / rel
            if candidate.is_file():
                return candidate
    where = f" of {returned.project!r}" if returned.project else ""
    raise CommandError(
        f"{returned.path} was sent from {rel}{where}; run this inside that project's "
        "folder or give --chapter"
    )


def run_take(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        raise CommandError(f"{args.file}: no such file")
    try:
        returned = open_returned(args.file)
    except NotAWordFile as error:
        raise CommandError(f"{args.file}: {error}") from error
    except OSError as error:
        raise CommandError(f"{args.file}: {error.strerror or error}") from error
    chapter = _chapter_file(args.chapter) if args.chapter else _find_chapter(returned)
    decoded = _read(chapter)
    root = project_root_for(chapter)
    store = None
    if args.accept_all:
        store = _open_store(root, read_only=False)
    elif database_path(root).is_file():
        store = _open_store(root, read_only=True)
    try:
        rel = store.relative(chapter) if store else chapter.relative_to(root).as_posix()
        base = sent_text(store, rel, returned)
        if base is None and returned.revision_id is not None:
            print(f"note: r{returned.revision_id} is not in this chapter's history; "
                  "the file is compared with the chapter by its words", file=sys.stderr)
        review = take(returned.document, decoded.text, *(base or (None, None)))
        if args.accept_all:  # before the review is printed: a reader gone stops no save
            assert store is not None
            _accept_all(store, rel, decoded, review)
        elif args.reject_all:
            changes = sum(1 for i in review.items if i.kind != "comment")
            print(f"Rejected {changes} change(s); {rel} is unchanged.", file=sys.stderr)
        _print_review(review, rel, args.format)
    finally:
        if store is not None:
            store.close()
    return 0


def _accept_all(store: HistoryStore, rel: str, decoded: DecodedText, review: Review) -> None:
    follow_file(store, rel)  # the chapter as it is now is a revision before anything changes
    text, applied = apply_items(decoded.text, review.items)
    if not applied:
        print(f"Nothing to accept; {rel} is unchanged.", file=sys.stderr)
        return
    readers = ", ".join(dict.fromkeys(i.author or "reader" for i in applied))
    try:
        revision = store.save(rel, text, decoded, source=beta_source(readers))
    except SaveError as error:
        raise CommandError(str(error)) from error
    stale = sum(1 for i in review.items if not i.applies)
    comments = sum(1 for i in review.items if i.kind == "comment")
    label = f" as {revision.label} ({revision.source})" if revision else ""
    print(f"Accepted {len(applied)} change(s) in {rel}{label}; {stale} no longer apply; "
          f"{comments} comment(s) stay review items.", file=sys.stderr)


def _print_review(review: Review, rel: str, form: str) -> None:
    if form == "json":
        print(json.dumps(review.as_json(), ensure_ascii=False, indent=2))
        return
    base = (f"made on r{review.base_revision}" if review.base_revision is not None
            else "compared by text")
    readers = ", ".join(review.readers) or "nobody"
    print(f"{rel}: {len(review.items)} item(s) from {readers}, {base}")
    if review.accepted_before:
        print(f"  ({review.accepted_before} already in the chapter, not listed)")
    for number, item in enumerate(review.items, start=1):
        print(_line(number, item))


def _line(number: int, item: ReviewItem) -> str:
    when = (item.date or "")[:16].replace("T", " ")
    where = f"at {item.start}" if item.applies else "no longer applies"
    return (f"{number:>4}. {item.kind:<9} {item.author or '?'}  {when}  {where}\n"
            f"      {item.summary}\n      {item.context}")
