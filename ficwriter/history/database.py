"""The project's history database: `.ficwriter/history.sqlite`, its schema and migrations.

One file per project holds revisions, snapshots, dismissed issues, the check cache and the
recovery journal, so a project folder carries everything about itself. The schema version
lives in SQLite's ``user_version``; each migration runs once, in order, in a transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import sqlite_utils

DB_DIR = ".ficwriter"
DB_NAME = "history.sqlite"

Migration = Callable[[sqlite_utils.Database], None]


def database_path(project_root: Path) -> Path:
    return Path(project_root) / DB_DIR / DB_NAME


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


MIGRATIONS: list[Migration] = [
    _create_check_tables,
]


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


def open_database(project_root: Path) -> sqlite_utils.Database:
    """Open (creating if needed) the project's history database, migrated and in WAL mode."""
    path = database_path(project_root)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(path)
    db.enable_wal()
    migrate(db)
    return db
