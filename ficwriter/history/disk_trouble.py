"""Telling a disk that refuses history from a history that is damaged.

SQLite answers a full disk, a read-only mount and a failing drive with errors that say
nothing of the file; taken for damage, they would set a healthy history aside at every try.
They are the disk's refusals: the file stays where it is, the chapter files stay the truth, and
history catches up once the disk allows (``HistoryUnavailable``). Only SQLite's own check
of the file may call it damaged (``database.open_database``).
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class HistoryUnavailable(OSError):
    """The disk refused history (full, read-only, failing), not the file: nothing is set
    aside, the chapter files stay the truth, and history catches up once the disk allows.

    An ``OSError``, because that is what it is: handlers of a history that cannot be
    written already catch those. ``str(error)`` is the one line the user is shown
    ("disk full: history not updated"); ``problem`` is its first part.
    """

    def __init__(self, problem: str, detail: str = "") -> None:
        super().__init__(f"{problem}: history not updated")
        self.problem = problem
        self.detail = detail


DISK_FULL = "disk full"
READ_ONLY_DISK = "read-only disk"
DISK_ERROR = "disk error"
CANNOT_OPEN = "cannot open the history file"
NO_PERMISSION = "no permission to write the history file"
_NEARLY_FULL = 256 * 1024  # less free than this, and a failed write is the disk being full

_SQLITE_PROBLEMS = {
    sqlite3.SQLITE_FULL: DISK_FULL,
    sqlite3.SQLITE_READONLY: READ_ONLY_DISK,
    sqlite3.SQLITE_IOERR: DISK_ERROR,
    sqlite3.SQLITE_CANTOPEN: CANNOT_OPEN,
    sqlite3.SQLITE_PERM: NO_PERMISSION,
}
_OS_PROBLEMS = {
    errno.ENOSPC: DISK_FULL,
    errno.EDQUOT: DISK_FULL,
    errno.EROFS: READ_ONLY_DISK,
    errno.EIO: DISK_ERROR,
    errno.EACCES: NO_PERMISSION,
    errno.EPERM: NO_PERMISSION,
}
_SQLITE_TEXTS = {  # sqlite3_errstr() of each primary code, for Pythons before 3.11
    "database or disk is full": sqlite3.SQLITE_FULL,
    "attempt to write a readonly database": sqlite3.SQLITE_READONLY,
    "disk I/O error": sqlite3.SQLITE_IOERR,
    "unable to open database file": sqlite3.SQLITE_CANTOPEN,
    "file is not a database": sqlite3.SQLITE_NOTADB,
    "database disk image is malformed": sqlite3.SQLITE_CORRUPT,
}
_SHM_SIZE = getattr(sqlite3, "SQLITE_IOERR_SHMSIZE", 4874)


def sqlite_code(error: sqlite3.Error) -> int | None:
    """SQLite's (extended) result code for ``error``: Python 3.11 carries it on the
    exception; before, the primary code is known from SQLite's fixed message."""
    code = getattr(error, "sqlite_errorcode", None)
    return code if isinstance(code, int) else _SQLITE_TEXTS.get(str(error))


def disk_problem(error: BaseException, folder: Path) -> HistoryUnavailable | None:
    """``error`` as the disk's refusal of history in ``folder``, or ``None`` if it is not one.

    SQLite's code names the symptom; the file system names the cause when it can: an I/O
    error or a file that cannot be opened, on a read-only or full file system, is that.
    """
    if isinstance(error, sqlite3.Error):
        code = sqlite_code(error)
        problem = _SQLITE_PROBLEMS.get(code & 0xFF) if code is not None else None
        if code == _SHM_SIZE:  # growing the shared-memory file failed: no room for it
            problem = DISK_FULL
    elif isinstance(error, OSError):
        problem = _OS_PROBLEMS.get(error.errno or 0)
    else:
        problem = None
    if problem in (DISK_ERROR, CANNOT_OPEN):
        problem = _file_system_state(folder) or problem
    return HistoryUnavailable(problem, str(error)) if problem is not None else None


def _file_system_state(folder: Path) -> str | None:
    existing = next((f for f in (folder, *folder.parents) if f.is_dir()), None)
    try:
        stats = os.statvfs(existing or folder)
    except (OSError, AttributeError):  # no such folder, or no statvfs (Windows)
        return None
    if stats.f_flag & os.ST_RDONLY:
        return READ_ONLY_DISK
    if stats.f_bavail * stats.f_frsize < _NEARLY_FULL:
        return DISK_FULL
    return None


@contextmanager
def refused_by_disk(folder: Path) -> Iterator[None]:
    """Raise the disk's refusals (of SQLite or the OS) in the block as ``HistoryUnavailable``."""
    try:
        yield
    except HistoryUnavailable:
        raise
    except (sqlite3.Error, OSError) as error:
        problem = disk_problem(error, folder)
        if problem is None:
            raise
        raise problem from error
