"""The revision store: every version of every chapter, kept small, found fast, restored exactly.

One ``HistoryStore`` serves one open project, shared by the window and the folder watcher
(whose thread records external changes), so every database use holds ``store.lock``; saves
write the file and record the revision under that same lock, which is how the watcher
recognises ficwriter's own saves: by the time it can look, the file's hash is the latest
revision's. Texts are kept as content-addressed paragraph pieces (history.pieces).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import sqlite_utils

from ficwriter.core.textfile import DecodedText, UnreadableFile, read_text
from ficwriter.core.atomic import SaveError, save_text
from ficwriter.history.database import (
    DamagedDatabase,
    DamageReport,
    database_path,
    move_aside,
    open_at_rest,
    open_database,
    utc_now,
)
from ficwriter.history.diff import TextDiff, diff_pieces, story_change
from ficwriter.history.disk_trouble import HistoryUnavailable, refused_by_disk
from ficwriter.history.journal import RecoveryJournal
from ficwriter.history.lock import ProjectLock
from ficwriter.history.paths import chapter_files, relative_path
from ficwriter.history.pieces import pack_ids, piece_hash, split_pieces, text_hash, unpack_ids

SOURCES = frozenset({"save", "external", "import", "restore", "recovery", "conflict"})
"""Where a revision came from. ``conflict``: the editor's unsaved text, kept when the file
changed on disk under it (the disk's version is the ``external`` revision before it)."""
BETA_SOURCE = "Beta: "
"""``"Beta: <reader>"``: a save that accepted a beta reader's changes (``ficwriter.beta``)."""


CHAPTER_SOURCE = "Chapters: "
"""``"Chapters: Split Chapter"``: a revision a chapter command (or its undo) made."""


def chapter_source(action: str) -> str:
    """The source of the revisions the chapter command ``action`` made."""
    return CHAPTER_SOURCE + (" ".join(action.split()) or "chapter command")


def beta_source(reader: str) -> str:
    """The source of a revision that accepted ``reader``'s changes."""
    return BETA_SOURCE + (" ".join(reader.split()) or "reader")


def is_source(source: str) -> bool:
    return source in SOURCES or any(
        source.startswith(prefix) and bool(source[len(prefix) :].strip())
        for prefix in (BETA_SOURCE, CHAPTER_SOURCE))
_REVISION_FIELDS = "id, path, created, source, hash, words, added, removed"
_BATCH = 500  # stay far below SQLite's limit on query parameters
_CACHED_TEXTS = 100_000  # paragraph texts kept in memory (about 40 MB at most)
log = logging.getLogger(__name__)
TroubleListener = Callable[[HistoryUnavailable | None], None]


class ReadOnlyProject(Exception):
    """A write was asked of a project opened read-only."""


class UnknownRevision(LookupError):
    """No such revision (or not one of the chapter named)."""


@dataclass(frozen=True)
class Revision:
    id: int
    path: str  # the chapter's path when this revision was recorded
    created: str  # UTC ISO 8601
    source: str  # one of SOURCES
    hash: str  # sha256 of the text's UTF-8
    words: int
    added: int  # story words added since the chapter's previous revision (notes not counted)
    removed: int

    @property
    def label(self) -> str:
        """How the command line and the window name this revision: ``r42``."""
        return f"r{self.id}"


@dataclass(frozen=True)
class Snapshot:
    id: int
    name: str
    created: str
    revisions: Mapping[str, int]  # chapter path -> revision id


@dataclass(frozen=True)
class Tombstone:
    path: str
    deleted: str  # UTC ISO 8601
    revision_id: int  # the chapter's last text, to restore it


def _open_database(root: Path, read_only: bool) -> sqlite_utils.Database:
    """The project's database; a reader on a disk that refuses SQLite's files beside it
    (full, read-only) reads the file as it is, when it holds the whole history."""
    try:
        return open_database(root)
    except HistoryUnavailable:
        at_rest = open_at_rest(root) if read_only else None
        if at_rest is None:
            raise
        return at_rest


def parse_revision_id(label: str) -> int:
    """``r42`` or ``42`` as a revision id; ``ValueError`` for anything else."""
    digits = label[1:] if label[:1] in ("r", "R") else label
    if not digits.isdigit():
        raise ValueError(f"{label!r} is not a revision id (they look like r42)")
    return int(digits)


class HistoryStore:
    """The history of one project; open it with ``HistoryStore.open(root)``."""

    def __init__(
        self,
        root: Path,
        db: sqlite_utils.Database,
        project_lock: ProjectLock | None,
        damage: DamageReport | None = None,
    ) -> None:
        self.root = root
        self.db = db
        self.damage = damage
        self.lock = threading.RLock()
        self.journal = RecoveryJournal(db, root, self.lock, self._writing)
        self.trouble: HistoryUnavailable | None = None  # why the last write failed, if it did
        self._trouble_listeners: list[TroubleListener] = []
        self._folder = database_path(root).parent
        self._project_lock = project_lock
        self._texts: dict[int, str] = {}  # paragraph id -> text; paragraphs never change
        self._unsaved: dict[str, tuple[str, str]] = {}  # saved, not recorded: rel -> hash, source

    @classmethod
    def open(cls, root: Path, *, read_only: bool = False) -> HistoryStore:
        """Open a project's history, taking its lock unless ``read_only``.

        Raises ``ProjectLocked`` when another ficwriter holds the project. A damaged
        database is moved aside and a new history started from the chapters on disk;
        ``store.damage`` then says so (read-only, ``DamagedDatabase`` is raised instead,
        since the holder of the project may be the one to repair it). A disk that refuses
        the lock or the database raises ``HistoryUnavailable``; nothing is moved then (a
        reader on such a disk reads the file as it is, if it holds the whole history).
        """
        root = Path(root).resolve()
        with refused_by_disk(database_path(root).parent):
            project_lock = None if read_only else ProjectLock.acquire(root)
        try:
            try:
                return cls(root, _open_database(root, read_only), project_lock)
            except DamagedDatabase as error:
                if read_only:
                    raise
                report = move_aside(root, str(error))
            store = cls(root, open_database(root), project_lock)
            store.damage = replace(report, rebuilt=tuple(store._rebuild_from_disk()))
            return store
        except BaseException:
            if project_lock is not None:
                project_lock.release()
            raise

    @property
    def read_only(self) -> bool:
        return self._project_lock is None

    def close(self) -> None:
        with self.lock:
            self.db.conn.close()
        if self._project_lock is not None:
            self._project_lock.release()

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def relative(self, path: Path | str) -> str:
        """A chapter's name in history: POSIX, relative to the project root."""
        return relative_path(self.root, path)

    # Recording ------------------------------------------------------------------------

    def record(self, path: Path | str, text: str, source: str = "save", *,
               again: bool = False) -> Revision | None:
        """Record ``text`` as the chapter's newest revision; ``None`` if it is the latest,
        unless ``again`` (a chapter moved, renamed or deleted: the revision marks when).

        Recording a chapter that has a tombstone brings it back.
        """
        if not is_source(source):
            raise ValueError(f"unknown revision source {source!r}; one of {sorted(SOURCES)}")
        self._check_writable()
        rel = self.relative(path)
        digest = text_hash(text)
        with self._writing():
            missed = self._unsaved.get(rel)
            if source == "external" and missed is not None and missed[0] == digest:
                source = missed[1]  # ficwriter's own save, which history missed
            chapter = self._chapter_row(rel)
            if chapter is None:
                cursor = self.db.execute("INSERT INTO chapters (path) VALUES (?)", [rel])
                chapter_id, latest = int(cursor.lastrowid or 0), None
            else:
                chapter_id = chapter["id"]
                if chapter["deleted"] is not None:  # the file is back: lift the tombstone
                    self.db.execute("UPDATE chapters SET deleted = NULL WHERE id = ?", [chapter_id])
                latest = self._latest_row(chapter_id)
                if latest is not None and latest["hash"] == digest and not again:
                    self._unsaved.pop(rel, None)
                    return None
            pieces = split_pieces(text)
            previous = self._pieces(latest["body"]) if latest is not None else None
            change = story_change("".join(previous) if previous is not None else None, text)
            revision = {
                "chapter_id": chapter_id,
                "path": rel,
                "created": utc_now(),
                "source": source,
                "hash": digest,
                "words": change.words,
                "added": change.added,
                "removed": change.removed,
                "body": pack_ids(self._store_pieces(pieces)),
            }
            cursor = self.db.execute(
                f"INSERT INTO revisions ({', '.join(revision)}) VALUES "
                f"({', '.join('?' * len(revision))})",
                list(revision.values()),
            )
            fields = {k: v for k, v in revision.items() if k not in ("chapter_id", "body")}
        self._unsaved.pop(rel, None)
        return Revision(id=int(cursor.lastrowid or 0), **fields)

    def record_imports(self, paths: Iterable[Path | str]) -> list[Revision]:
        """Record newly imported chapter files, each as its first revision, marked "import".

        The files are read back, so history holds exactly what was written. Whoever writes
        them while a watcher follows the project holds ``store.lock`` from before the
        writing until this returns: the watcher then finds them known (recorded once, as
        imports, not as changes on disk).
        """
        with self.lock:
            recorded = (
                self.record(path, read_text(self.root / self.relative(path)).text, "import")
                for path in paths
            )
            return [revision for revision in recorded if revision is not None]

    def save(
        self, path: Path | str, text: str, like: DecodedText | None = None,
        source: str = "save",
    ) -> Revision | None:
        """Save the editor's text to the file atomically and record it as a ``save`` (or
        ``source``: ``beta_source(reader)`` for a save that accepted a reader's changes).

        ``like`` is the file as it was opened (its encoding and newline style are kept);
        without it the file on disk is read to learn them. If the file holds a text history
        does not have (written elsewhere a moment ago), that text is recorded first as
        ``external``, so the save overwrites nothing history lacks. On failure
        the file is unchanged, the text goes to the recovery journal, and ``SaveError``
        says both in plain words. Returns ``None`` when the text was already the latest.

        History never stands in the way of the file: when the disk refuses history (full,
        read-only), the file is saved all the same and ``HistoryUnavailable`` raised after,
        meaning "saved, not in history"; the next save or look at the file records it.
        """
        self._check_writable()
        rel = self.relative(path)
        with self.lock:
            try:
                revision = self._write(rel, text, like, source)
            except SaveError as error:
                raise error.with_note(self._keep_in_journal(rel, text)) from error
            self.journal.clear(rel)
            return revision

    def restore(self, path: Path | str, revision_id: int) -> Revision:
        """Write an old revision back to the chapter's file and record that as ``restore``.

        The restore is itself a revision, so it can be undone by restoring the one before;
        a version on disk that history has not seen yet is recorded first. A deleted
        chapter comes back (its folder is recreated if needed). As with ``save``,
        ``HistoryUnavailable`` means the file holds the revision and history missed it.
        """
        self._check_writable()
        rel = self.relative(path)
        with self.lock:
            self._revision_of(rel, revision_id)
            text = self.text(revision_id)
            target = self.root / rel
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise SaveError.from_os_error(target, error) from error
            revision = self._write(rel, text, None, "restore") or self.latest(rel)
            assert revision is not None  # the chapter has at least the restored revision
            return revision

    def delete(self, path: Path | str) -> Tombstone | None:
        """Mark a chapter whose file is gone as deleted; its history stays, restorable."""
        self._check_writable()
        rel = self.relative(path)
        with self._writing():
            chapter = self._chapter_row(rel)
            if chapter is None or chapter["deleted"] is not None:
                return None
            latest = self._latest_row(chapter["id"])
            if latest is None:
                return None
            now = utc_now()
            self.db.execute("UPDATE chapters SET deleted = ? WHERE id = ?", [now, chapter["id"]])
            return Tombstone(rel, now, latest["id"])

    def rename(self, old: Path | str, new: Path | str) -> bool:
        """Move a chapter's history to its new path; False if ``old`` has no history.

        ``ValueError`` if ``new`` already has a history of its own.
        """
        self._check_writable()
        old_rel, new_rel = self.relative(old), self.relative(new)
        with self._writing():
            chapter = self._chapter_row(old_rel)
            if chapter is None:
                return False
            if self._chapter_row(new_rel) is not None:
                raise ValueError(f"{new_rel} already has a history of its own")
            self.db.execute(
                "UPDATE chapters SET path = ?, deleted = NULL WHERE id = ?",
                [new_rel, chapter["id"]],
            )
            return True

    def moved_from(self, path: Path | str, text: str) -> str | None:
        """The chapter a new file was moved from: one whose file is gone and whose last
        text is ``text`` (how a rename is recognised when only "deleted" and "created"
        were seen, or happened while ficwriter was closed)."""
        rel = self.relative(path)
        query = (
            "SELECT c.path FROM chapters c JOIN revisions r ON r.chapter_id = c.id "
            "WHERE r.hash = ? AND c.path != ? "
            "AND r.id = (SELECT max(id) FROM revisions WHERE chapter_id = c.id) "
            "ORDER BY r.id DESC"
        )
        with self.lock:
            candidates = [row[0] for row in self.db.execute(query, [text_hash(text), rel])]
        return next((p for p in candidates if not (self.root / p).exists()), None)

    def snapshot(self, name: str, paths: Iterable[Path | str] | None = None) -> Snapshot:
        """Pin the latest revision of every chapter (or of ``paths``) under ``name``."""
        self._check_writable()
        if not name.strip():
            raise ValueError("a snapshot needs a name")
        with self._writing():
            if paths is None:
                chapters = list(self.db.execute(
                    "SELECT id, path FROM chapters WHERE deleted IS NULL ORDER BY path"
                ))
            else:
                chapters = [self._known_chapter(self.relative(p)) for p in paths]
            pinned = {}
            for chapter_id, rel in chapters:
                latest = self._latest_row(chapter_id)
                if latest is not None:
                    pinned[rel] = (chapter_id, latest["id"])
            created = utc_now()
            cursor = self.db.execute(
                "INSERT INTO snapshots (name, created) VALUES (?, ?)", [name, created]
            )
            snapshot_id = int(cursor.lastrowid or 0)
            self.db.conn.executemany(
                "INSERT INTO snapshot_revisions VALUES (?, ?, ?)",
                [(snapshot_id, cid, rid) for cid, rid in pinned.values()],
            )
        revisions = {rel: rid for rel, (_, rid) in pinned.items()}
        return Snapshot(snapshot_id, name, created, revisions)

    # Reading ----------------------------------------------------------------------------

    def revisions(self, path: Path | str) -> list[Revision]:
        """The chapter's revisions, newest first (across renames)."""
        with self.lock:
            chapter = self._chapter_row(self.relative(path))
            if chapter is None:
                return []
            rows = self.db.execute(
                f"SELECT {_REVISION_FIELDS} FROM revisions WHERE chapter_id = ? "
                "ORDER BY id DESC",
                [chapter["id"]],
            ).fetchall()
        return [Revision(*row) for row in rows]

    def latest(self, path: Path | str) -> Revision | None:
        with self.lock:
            chapter = self._chapter_row(self.relative(path))
            if chapter is None:
                return None
            row = self.db.execute(
                f"SELECT {_REVISION_FIELDS} FROM revisions WHERE chapter_id = ? "
                "ORDER BY id DESC LIMIT 1",
                [chapter["id"]],
            ).fetchone()
        return Revision(*row) if row else None

    def revision(self, revision_id: int) -> Revision:
        with self.lock:
            row = self.db.execute(
                f"SELECT {_REVISION_FIELDS} FROM revisions WHERE id = ?", [revision_id]
            ).fetchone()
        if row is None:
            raise UnknownRevision(f"there is no revision r{revision_id} in this history")
        return Revision(*row)

    def text(self, revision_id: int) -> str:
        """The revision's text, exactly as it was recorded."""
        with self.lock:
            return "".join(self._pieces(self._revision_row(revision_id)["body"]))

    def diff(
        self, old_id: int, new_id: int | None = None, *, path: Path | str | None = None
    ) -> TextDiff:
        """Word diff from revision ``old_id`` to ``new_id``, or to ``path``'s file on disk.

        With ``path``, both revisions must be that chapter's (``UnknownRevision`` if not: a
        diff against another chapter's text is never what the writer asked for). Reading
        the file may raise ``OSError`` or ``UnreadableFile``.
        """
        if new_id is None and path is None:
            raise ValueError("diff needs a second revision or the chapter's path")
        with self.lock:
            if path is not None:
                for revision_id in (old_id, new_id):
                    if revision_id is not None:
                        self._revision_of(self.relative(path), revision_id)
            old = self._pieces(self._revision_row(old_id)["body"])
            if new_id is not None:
                return diff_pieces(old, self._pieces(self._revision_row(new_id)["body"]))
        assert path is not None
        return diff_pieces(old, split_pieces(read_text(self.root / self.relative(path)).text))

    def chapters(self) -> list[str]:
        """Paths of the chapters with history whose files are not deleted."""
        with self.lock:
            rows = self.db.execute(
                "SELECT path FROM chapters WHERE deleted IS NULL ORDER BY path"
            ).fetchall()
        return [row[0] for row in rows]

    def deleted(self) -> list[Tombstone]:
        """Deleted chapters, newest deletion first, each with the revision to restore."""
        with self.lock:
            rows = self.db.execute(
                "SELECT c.path, c.deleted, max(r.id) FROM chapters c "
                "JOIN revisions r ON r.chapter_id = c.id WHERE c.deleted IS NOT NULL "
                "GROUP BY c.id ORDER BY c.deleted DESC"
            ).fetchall()
        return [Tombstone(*row) for row in rows]

    def snapshots(self) -> list[Snapshot]:
        """Every snapshot, newest first, with the revision it pinned for each chapter."""
        with self.lock:
            heads = self.db.execute(
                "SELECT id, name, created FROM snapshots ORDER BY id DESC"
            ).fetchall()
            pins = self.db.execute(
                "SELECT s.snapshot_id, c.path, s.revision_id FROM snapshot_revisions s "
                "JOIN chapters c ON c.id = s.chapter_id ORDER BY c.path"
            ).fetchall()
        pinned: dict[int, dict[str, int]] = {}
        for snapshot_id, rel, revision_id in pins:
            pinned.setdefault(snapshot_id, {})[rel] = revision_id
        return [Snapshot(sid, name, created, pinned.get(sid, {})) for sid, name, created in heads]

    # Whether history is written ---------------------------------------------------------

    def on_trouble(self, listener: TroubleListener) -> None:
        """Call ``listener(trouble)`` when history stops being written (the disk refused a
        write) and ``listener(None)`` when a write succeeds again; on the writing thread."""
        self._trouble_listeners.append(listener)

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """One transaction of history writes, under ``store.lock``; a disk's refusal is
        raised as ``HistoryUnavailable`` (the transaction rolled back) and told, once."""
        try:
            with self.lock, refused_by_disk(self._folder), self.db.conn:
                yield
        except HistoryUnavailable as trouble:
            self._set_trouble(trouble)
            raise
        self._set_trouble(None)

    def _set_trouble(self, trouble: HistoryUnavailable | None) -> None:
        before, self.trouble = self.trouble, trouble
        if (before and before.problem) == (trouble and trouble.problem):
            return  # a full disk refuses every write: it is said when it starts, not each time
        if trouble is not None:
            log.warning("%s (%s)", trouble, trouble.detail)
        else:
            log.info("history of %s is written again", self.root)
        for listener in list(self._trouble_listeners):
            listener(trouble)

    # Internals --------------------------------------------------------------------------

    def _check_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyProject(
                f"{self.root.name} is open read-only, so its history cannot change here."
            )

    def _write(self, rel: str, text: str, like: DecodedText | None, source: str) -> Revision | None:
        """Write ``text`` to the chapter's file, then record it as ``source``.

        History never stands in the file's way: a disk that refuses history (full,
        read-only) does not stop the write, and ``HistoryUnavailable`` is raised after it;
        the text is then remembered as ficwriter's, so whoever records it later (the next
        save, the watcher) records it as this ``source``, not as a change made elsewhere.
        """
        try:
            self._keep_disk_version(rel)
        except HistoryUnavailable:
            pass  # the store told its listeners; the write goes ahead
        save_text(self.root / rel, text, like)
        try:
            return self.record(rel, text, source)
        except HistoryUnavailable:
            self._unsaved[rel] = (text_hash(text), source)
            raise

    def _keep_in_journal(self, rel: str, text: str) -> str:
        try:
            self.journal.write(rel, text)
        except (sqlite3.Error, OSError):
            return (
                "It could not be kept in the recovery journal either: copy your text "
                "somewhere safe before closing."
            )
        return "Your text is kept in the recovery journal."

    def _keep_disk_version(self, rel: str) -> None:
        """Record the file's current text if history lacks it, before it is overwritten.

        Any revision of the chapter with that text will do, not only the latest: after a
        conflict the latest is the editor's text (``conflict``) and the file still holds
        the disk's version recorded just before it, which must not be recorded twice.
        """
        try:
            on_disk = read_text(self.root / rel).text
        except (OSError, UnreadableFile):
            return  # nothing readable to keep (a missing file, or not text)
        chapter = self._chapter_row(rel)
        if chapter is not None and self.db.execute(
            "SELECT 1 FROM revisions WHERE chapter_id = ? AND hash = ? LIMIT 1",
            [chapter["id"], text_hash(on_disk)],
        ).fetchone():
            return
        self.record(rel, on_disk, "external")

    def _rebuild_from_disk(self) -> Iterator[str]:
        for rel in chapter_files(self.root):
            try:
                text = read_text(self.root / rel).text
            except (OSError, UnreadableFile):
                continue
            if self.record(rel, text, "recovery") is not None:
                yield rel

    def _chapter_row(self, rel: str) -> dict[str, Any] | None:
        row = self.db.execute(
            "SELECT id, path, deleted FROM chapters WHERE path = ?", [rel]
        ).fetchone()
        return {"id": row[0], "path": row[1], "deleted": row[2]} if row else None

    def _revision_of(self, rel: str, revision_id: int) -> None:
        """Raise ``UnknownRevision`` unless ``revision_id`` is a revision of chapter ``rel``."""
        chapter = self._chapter_row(rel)
        row = self._revision_row(revision_id)
        if chapter is None or row["chapter_id"] != chapter["id"]:
            raise UnknownRevision(f"r{revision_id} is not a revision of {rel}")

    def _known_chapter(self, rel: str) -> tuple[int, str]:
        chapter = self._chapter_row(rel)
        if chapter is None:
            raise LookupError(f"{rel} has no history")
        return chapter["id"], rel

    def _latest_row(self, chapter_id: int) -> dict[str, Any] | None:
        row = self.db.execute(
            "SELECT id, hash, body FROM revisions WHERE chapter_id = ? ORDER BY id DESC LIMIT 1",
            [chapter_id],
        ).fetchone()
        return {"id": row[0], "hash": row[1], "body": row[2]} if row else None

    def _revision_row(self, revision_id: int) -> dict[str, Any]:
        row = self.db.execute(
            "SELECT chapter_id, body FROM revisions WHERE id = ?", [revision_id]
        ).fetchone()
        if row is None:
            raise UnknownRevision(f"there is no revision r{revision_id} in this history")
        return {"chapter_id": row[0], "body": row[1]}

    def _store_pieces(self, pieces: Sequence[str]) -> list[int]:
        """Ids of ``pieces``, inserting the ones never stored before."""
        hashes = [piece_hash(p) for p in pieces]
        ids = self._ids_of(set(hashes))
        new = {h: p for h, p in zip(hashes, pieces) if h not in ids}
        if new:
            self.db.conn.executemany(
                "INSERT INTO paragraphs (hash, text) VALUES (?, ?)", list(new.items())
            )
            ids.update(self._ids_of(set(new)))
        for h, p in zip(hashes, pieces):
            self._texts.setdefault(ids[h], p)
        return [ids[h] for h in hashes]

    def _ids_of(self, hashes: set[bytes]) -> dict[bytes, int]:
        found: dict[bytes, int] = {}
        wanted = list(hashes)
        for start in range(0, len(wanted), _BATCH):
            batch = wanted[start : start + _BATCH]
            marks = ", ".join("?" * len(batch))
            query = f"SELECT hash, id FROM paragraphs WHERE hash IN ({marks})"
            found.update(self.db.execute(query, batch).fetchall())
        return found

    def _pieces(self, body: bytes) -> list[str]:
        ids = unpack_ids(body)
        if len(self._texts) > _CACHED_TEXTS:
            self._texts.clear()
        missing = list({i for i in ids if i not in self._texts})
        for start in range(0, len(missing), _BATCH):
            batch = missing[start : start + _BATCH]
            marks = ", ".join("?" * len(batch))
            query = f"SELECT id, text FROM paragraphs WHERE id IN ({marks})"
            self._texts.update(self.db.execute(query, batch).fetchall())
        return [self._texts[i] for i in ids]
