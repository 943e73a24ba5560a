"""Per-paragraph result cache: (engine name, engine cache key, paragraph text) -> findings.

Findings are stored in the paragraph's own plain-text offsets, so a cached result is valid
wherever the paragraph moves; the scheduler maps it to file offsets for each version.
A bounded in-memory layer answers repeated lookups (every keystroke re-uses almost every
paragraph); the ``check_cache`` table of the history database keeps results across
sessions. SQLite connections are per thread (sqlite3 refuses to share one).

Beside the paragraphs' findings the table keeps whole chapters' issues (``put_issues``)
and the project's name candidates (``put_value``), keyed by everything they depend on, so
that a project checked again with nothing changed reads one row per chapter instead of
re-running the chapter rules and the name search over every word.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from ficwriter.checks.issue import Category, Finding, Issue, Severity
from ficwriter.history.database import open_database

MEMORY_ENTRIES = 50_000
WRITE_BATCH = 100  # paragraphs per transaction; the scheduler flushes after each result
_QUERY_BATCH = 500  # keys per lookup (SQLite allows 999 parameters in old builds)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def text_digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def cache_key(engine: str, engine_key: str, digest: str) -> str:
    """The cache key of an engine's findings for the text whose ``text_digest`` is ``digest``."""
    return f"{engine}:{engine_key}:{digest}"


def _dump(findings: list[Finding]) -> str:
    return json.dumps(
        [
            [f.start, f.end, f.category.value, f.rule_id, f.rule_name, f.message,
             list(f.suggestions), f.severity.value]
            for f in findings
        ]
    )


def _load(data: str) -> list[Finding]:
    return [
        Finding(s, e, Category(c), rid, name, msg, tuple(sug), Severity(sev))
        for s, e, c, rid, name, msg, sug, sev in json.loads(data)
    ]


def _dump_issues(issues: list[Issue]) -> str:
    return json.dumps(
        [
            [i.start, i.end, i.category.value, i.rule_id, i.rule_name, i.message, i.engine,
             list(i.suggestions), i.severity.value, i.paragraph, i.scene, list(i.also_found_by)]
            for i in issues
        ]
    )


def _load_issues(data: str) -> list[Issue]:
    return [
        Issue(s, e, Category(c), rid, name, msg, engine, tuple(sug), Severity(sev), para, scene,
              tuple(also))
        for s, e, c, rid, name, msg, engine, sug, sev, para, scene, also in json.loads(data)
    ]


class CheckCache:
    """Thread-safe cache of engine findings per paragraph text."""

    def __init__(self, project_root: Path | None = None, memory_entries: int = MEMORY_ENTRIES):
        """Without ``project_root`` the cache lives in memory only."""
        self._root = project_root
        self._memory: OrderedDict[str, list[Finding]] = OrderedDict()
        self._limit = memory_entries
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()  # one writer at a time: no SQLite busy-waiting
        self._pending: list[tuple[str, str, str]] = []
        self._local = threading.local()

    def _db(self) -> sqlite_utils.Database | None:
        if self._root is None:
            return None
        db = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = open_database(self._root)
            # the cache can always be rebuilt: no fsync per cached paragraph (WAL keeps it
            # consistent; a power cut can only lose the newest entries)
            db.execute("PRAGMA synchronous = NORMAL")
        return db

    def get_many(self, keys: set[str]) -> dict[str, list[Finding]]:
        """Findings for every key the cache holds: memory first, then SQLite.

        Memory hits are not moved to the LRU's end (one lock, no bookkeeping per paragraph
        on every keystroke); an entry evicted while still in use comes back from SQLite.
        """
        found: dict[str, list[Finding]] = {}
        with self._lock:
            for key in keys:
                hit = self._memory.get(key)
                if hit is not None:
                    found[key] = hit
        missing = sorted(keys - found.keys())
        db = self._db() if missing else None
        if db is None:
            return found
        for i in range(0, len(missing), _QUERY_BATCH):
            batch = missing[i : i + _QUERY_BATCH]
            marks = ",".join("?" * len(batch))
            rows = db.execute(
                f"select key, issues from check_cache where key in ({marks})", batch
            ).fetchall()
            for key, data in rows:
                found[key] = _load(data)
                self._remember(key, found[key])
        return found

    def put(self, key: str, findings: list[Finding]) -> None:
        """Remember ``findings``; they reach SQLite in batches (see ``flush``)."""
        self._remember(key, findings)
        if self._root is None:
            return
        with self._lock:
            self._pending.append((key, _dump(findings), _now()))
            full = len(self._pending) >= WRITE_BATCH
        if full:
            self.flush()

    def flush(self) -> None:
        """Write the remembered results not yet in the database, in one transaction."""
        with self._lock:
            rows, self._pending = self._pending, []
        db = self._db()
        if not rows or db is None:
            return
        with self._write_lock, db.conn:
            db.conn.executemany(
                "insert or replace into check_cache (key, issues, created) values (?, ?, ?)", rows
            )

    def get_value(self, key: str) -> str | None:
        """What ``put_value`` stored under ``key`` (a chapter's issues, the project's names);
        None if nothing is (or the cache lives in memory only: once per session there)."""
        db = self._db()
        if db is None:
            return None
        row = db.execute("select issues from check_cache where key = ?", [key]).fetchone()
        return str(row[0]) if row is not None else None

    def put_value(self, key: str, data: str) -> None:
        """Store ``data`` under ``key`` (written with the next ``flush``)."""
        if self._root is None:
            return
        with self._lock:
            self._pending.append((key, data, _now()))

    def get_issues(self, key: str) -> list[Issue] | None:
        """A whole chapter's issues stored by ``put_issues``, or None."""
        data = self.get_value(key)
        return _load_issues(data) if data is not None else None

    def put_issues(self, key: str, issues: list[Issue]) -> None:
        self.put_value(key, _dump_issues(issues))

    def _remember(self, key: str, findings: list[Finding]) -> None:
        with self._lock:
            self._memory[key] = findings
            self._memory.move_to_end(key)
            while len(self._memory) > self._limit:
                self._memory.popitem(last=False)

    def close(self) -> None:
        """Write what is pending and close this thread's connection."""
        self.flush()
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None
