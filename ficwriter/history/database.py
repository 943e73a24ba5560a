"""The project's history database: `.ficwriter/history.sqlite`, its schema and migrations.

One file per project holds revisions, snapshots, dismissed issues, the check cache and the
recovery journal, so a project folder carries everything about itself (a loose file's
folder keeps it outside, see ``history.state``). The schema version
lives in SQLite's ``user_version``; each migration runs once, in order, in a transaction.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from ficwriter.history.disk_trouble import refused_by_disk, sqlite_code
from ficwriter.history.recount import recount_story_words
from ficwriter.history.state import state_dir

DB_NAME = "history.sqlite"

Migration = Callable[[sqlite_utils.Database], None]
log = logging.getLogger(__name__)


def database_path(project_root: Path) -> Path:
    return state_dir(project_root) / DB_NAME


def _create_check_tables(db: sqlite_utils.Database) -> None:
    """Tables of ficwriter.checks: the per-paragraph result cache and dismissals."""
    db["check_cache"].create(
        {"key": str, "issues": str, "created": str}, pk="key", if_not_exists=True
    )
    db["dismissed_issues"].create(
        {"id": int, "rule_id": str, "context": str, "chapter": str, "created": str},
        pk="id",
        if_not_exists=True,
    )
    db["dismissed_issues"].create_index(["rule_id", "context"], unique=True, if_not_exists=True)
    db["dismissed_rules"].create({"rule_id": str, "created": str}, pk="rule_id", if_not_exists=True)


def _create_history_tables(db: sqlite_utils.Database) -> None:
    """Revisions stored as lists of content-addressed paragraphs, snapshots, the journal.

    ``chapters`` gives a chapter an identity that survives renames; a non-null ``deleted``
    is its tombstone. A revision's ``body`` is its paragraph ids (see history.pieces).
    """
    db["paragraphs"].create({"id": int, "hash": bytes, "text": str}, pk="id")
    db["paragraphs"].create_index(["hash"], unique=True)
    db["chapters"].create({"id": int, "path": str, "deleted": str}, pk="id")
    db["chapters"].create_index(["path"], unique=True)
    db["revisions"].create(
        {
            "id": int,
            "chapter_id": int,
            "path": str,
            "created": str,
            "source": str,
            "hash": str,
            "words": int,
            "added": int,
            "removed": int,
            "body": bytes,
        },
        pk="id",
        foreign_keys=[("chapter_id", "chapters", "id")],
    )
    db["revisions"].create_index(["chapter_id", "id"])
    db["revisions"].create_index(["hash"])  # renames are recognised by content
    db["snapshots"].create({"id": int, "name": str, "created": str}, pk="id")
    db["snapshot_revisions"].create(
        {"snapshot_id": int, "chapter_id": int, "revision_id": int},
        pk=("snapshot_id", "chapter_id"),
        foreign_keys=[
            ("snapshot_id", "snapshots", "id"),
            ("chapter_id", "chapters", "id"),
            ("revision_id", "revisions", "id"),
        ],
    )
    db["journal"].create({"path": str, "text": str, "saved": str}, pk="path")


MIGRATIONS: list[Migration] = [
    _create_check_tables,
    _create_history_tables,
    recount_story_words,
]


def utc_now() -> str:
    """The current time as history stores it: UTC, ISO 8601, microseconds."""
    return datetime.now(timezone.utc).isoformat()


def schema_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite_utils.Database) -> None:
    """Bring ``db`` up to the newest schema."""
    current = schema_version(db)
    if current > len(MIGRATIONS):
        raise RuntimeError(
            f"history database schema {current} is newer than this ficwriter knows "
            f"({len(MIGRATIONS)}); update ficwriter"
        )
    for number, migration in enumerate(MIGRATIONS[current:], start=current + 1):
        with db.conn:
            migration(db)
            db.execute(f"PRAGMA user_version = {number}")


class DamagedDatabase(Exception):
    """SQLite's own check found the history file unsound (truncated, garbage, malformed)."""


@dataclass(frozen=True)
class DamageReport:
    """What happened to a damaged history database, in words the user is shown."""

    moved_to: Path
    reason: str
    rebuilt: tuple[str, ...] = field(default=())

    @property
    def message(self) -> str:
        rebuilt = f" A new history was started from {len(self.rebuilt)} chapter file(s) on disk."
        return (
            f"The project's history could not be read ({self.reason}). It was kept as "
            f"{self.moved_to.name} in {self.moved_to.parent}, not deleted.{rebuilt}"
        )


def open_database(project_root: Path) -> sqlite_utils.Database:
    """Open (creating if needed) the project's history database, migrated and in WAL mode.

    The connection is not tied to the opening thread, because the folder watcher records
    revisions from its own thread; whoever shares it must serialize access. Only SQLite's
    check of the file raises ``DamagedDatabase``; a disk that refuses (full, read-only,
    failing) raises ``HistoryUnavailable`` and leaves the file as it is (a history this
    call created is removed again, so a full disk gathers no empty files). A newer schema
    still raises ``RuntimeError`` and a busy file ``sqlite3.OperationalError``: those files
    are fine.
    """
    path = database_path(project_root)
    folder = path.parent
    with refused_by_disk(folder):
        folder.mkdir(parents=True, exist_ok=True)
    created = not path.exists()
    conn = sqlite3.connect(path, check_same_thread=False, timeout=10)
    try:
        with refused_by_disk(folder):
            _check_sound(conn)
            db = sqlite_utils.Database(conn)
            db.enable_wal()
            migrate(db)
    except BaseException:
        conn.close()
        if created:
            _remove_if_empty(path)
        raise
    return db


def open_at_rest(project_root: Path) -> sqlite_utils.Database | None:
    """The history as its file holds it, read without the shared-memory and WAL files
    SQLite keeps beside it (``immutable``): how a reader sees it on a disk that refuses to
    create those (full, read-only). ``None`` unless that is all of it: the WAL is empty
    (checkpointed when the last writer closed) and the schema is this ficwriter's.
    """
    path = database_path(project_root)
    wal = path.with_name(path.name + "-wal")
    try:
        if not path.is_file() or (wal.exists() and wal.stat().st_size > 0):
            return None
    except OSError:
        return None
    conn = sqlite3.connect(f"{path.as_uri()}?immutable=1", uri=True, check_same_thread=False)
    try:
        _check_sound(conn)
        db = sqlite_utils.Database(conn)
        if schema_version(db) == len(MIGRATIONS):
            return db
    except sqlite3.Error:
        pass
    except BaseException:
        conn.close()
        raise
    conn.close()
    return None


def _check_sound(conn: sqlite3.Connection) -> None:
    """Raise ``DamagedDatabase`` when SQLite finds the file is no sound database: the one
    verdict that may set a history aside (a disk's refusal is raised as it is)."""
    try:
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        code = sqlite_code(error)
        if code is not None and code & 0xFF in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
            raise DamagedDatabase(str(error)) from error
        raise
    if check != "ok":
        raise DamagedDatabase(f"integrity check failed: {check}")


def _remove_if_empty(path: Path) -> None:
    """Remove a history file that holds nothing (with its WAL and shared-memory files)."""
    try:
        if path.stat().st_size != 0:
            return
        for companion in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            companion.unlink(missing_ok=True)
        path.unlink()
    except OSError:
        pass


def move_aside(project_root: Path, reason: str) -> DamageReport:
    """Rename a damaged history file (with its WAL and shared-memory files) out of the way.

    Never deletes: the writer's only copy of old revisions may still be partly readable by a
    repair tool. The new name carries the UTC time so repeated damage never overwrites.
    A disk that refuses the rename raises ``HistoryUnavailable``: nothing was moved.
    """
    path = database_path(project_root)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    with refused_by_disk(path.parent):
        for suffix in ("-wal", "-shm"):
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                companion.replace(target.with_name(target.name + suffix))
        path.replace(target)
    log.warning("history of %s set aside as %s: %s", project_root, target.name, reason)
    return DamageReport(moved_to=target, reason=reason)
