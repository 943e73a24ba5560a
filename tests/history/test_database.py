"""The history database: created on first use, migrated once, refuses a newer schema."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from ficwriter.history.database import MIGRATIONS, database_path, open_database, schema_version


def test_first_open_creates_a_migrated_wal_database(tmp_path: Path) -> None:
    db = open_database(tmp_path)
    assert database_path(tmp_path).is_file()
    assert schema_version(db) == len(MIGRATIONS)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert {"check_cache", "dismissed_issues", "dismissed_rules"} <= set(db.table_names())


def test_reopening_keeps_data_and_runs_no_migration_twice(tmp_path: Path) -> None:
    db = open_database(tmp_path)
    db["dismissed_rules"].insert({"rule_id": "fiction.filter", "created": "now"})
    db.conn.close()
    again = open_database(tmp_path)
    assert [r["rule_id"] for r in again["dismissed_rules"].rows] == ["fiction.filter"]


def test_a_database_from_a_newer_ficwriter_is_not_touched(tmp_path: Path) -> None:
    path = database_path(tmp_path)
    path.parent.mkdir()
    newer = sqlite_utils.Database(path)
    newer.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    newer.conn.close()
    with pytest.raises(RuntimeError, match="newer"):
        open_database(tmp_path)
