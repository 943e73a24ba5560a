"""One ficwriter per project: a lock file naming the process that holds the project.

Two windows saving the same chapters would each record the other's saves as external
changes and fight over the files. The lock (``.ficwriter/lock``, JSON with PID, host and
start time) is created complete in one step (written beside it, then hard-linked into
place), so no reader ever sees half a lock. A lock whose process is dead on this host is
stale and is taken over; a lock from another host (a folder synced between machines)
cannot be checked and is respected.
"""

from __future__ import annotations

import json
import os
import socket
import uuid
from contextlib import suppress
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

import psutil

from ficwriter.history.state import state_dir

LOCK_NAME = "lock"


@dataclass(frozen=True)
class LockHolder:
    pid: int
    host: str
    started: str
    token: str = ""  # tells two opens by one process apart

    def is_alive(self) -> bool:
        """False only when the holder is provably gone: same host and no such process."""
        return self.host != socket.gethostname() or psutil.pid_exists(self.pid)


class ProjectLocked(Exception):
    """Another ficwriter has this project open; ``str(error)`` tells the user what to do."""

    def __init__(self, root: Path, holder: LockHolder) -> None:
        super().__init__(
            f"{root.name} is already open in another ficwriter (process {holder.pid} on "
            f"{holder.host}, since {holder.started}). Close it there, or open the project "
            f"read-only. If that ficwriter is surely gone, delete {lock_path(root)}."
        )
        self.holder = holder


def lock_path(root: Path) -> Path:
    return state_dir(root) / LOCK_NAME


def read_lock(root: Path) -> LockHolder | None:
    """Who holds the project, or ``None`` when nobody does (or the lock file is damaged)."""
    return _read_holder(lock_path(root))


class ProjectLock:
    """The held lock of one project; release it (or leave the ``with`` block) when closing."""

    def __init__(self, root: Path, holder: LockHolder) -> None:
        self.root = Path(root)
        self.holder = holder

    @classmethod
    def acquire(cls, root: Path) -> ProjectLock:
        """Take the project's lock, taking over a stale one; ``ProjectLocked`` if held."""
        root = Path(root)
        path = lock_path(root)
        path.parent.mkdir(parents=True, exist_ok=True)
        holder = LockHolder(
            pid=os.getpid(),
            host=socket.gethostname(),
            started=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            token=uuid.uuid4().hex,
        )
        for _ in range(3):
            if _link_new(path, holder):
                return cls(root, holder)
            current = read_lock(root)
            if current is not None and current.is_alive():
                raise ProjectLocked(root, current)
            _remove_stale(path, current)
        current = read_lock(root)
        raise ProjectLocked(root, current or holder)

    def release(self) -> None:
        """Remove the lock if it is still ours (a user may have deleted it by hand)."""
        if read_lock(self.root) == self.holder:
            try:
                lock_path(self.root).unlink()
            except FileNotFoundError:
                pass

    def __enter__(self) -> ProjectLock:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()


def _link_new(path: Path, holder: LockHolder) -> bool:
    """Create the lock with its full content in one atomic step; False if one exists.

    A disk that refuses (full, read-only) raises its ``OSError``, and no file of the
    attempt is left behind: an empty lock would read as damaged, and each retry on a full
    disk would leave one more.
    """
    content = json.dumps(asdict(holder)).encode("utf-8")
    draft = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}")
    try:
        draft.write_bytes(content)
        try:
            os.link(draft, path)
            return True
        except FileExistsError:
            return False
        except OSError:  # no hard links on this file system (FAT, some network drives)
            return _create_exclusive(path, content)
    finally:
        with suppress(OSError):
            draft.unlink()


def _create_exclusive(path: Path, content: bytes) -> bool:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    try:
        try:
            view = memoryview(content)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
    except OSError:
        with suppress(OSError):
            path.unlink()  # ours, and incomplete
        raise
    return True


def _remove_stale(path: Path, stale: LockHolder | None) -> None:
    """Move a stale lock away, putting it back if another process replaced it meanwhile."""
    aside = path.with_name(f".{path.name}.stale-{uuid.uuid4().hex[:8]}")
    try:
        os.rename(path, aside)
    except FileNotFoundError:
        return
    if _read_holder(aside) != stale:
        try:
            os.link(aside, path)  # it was a fresh lock of another process: restore it
        except FileExistsError:
            pass
    aside.unlink()


def _read_holder(path: Path) -> LockHolder | None:
    try:
        fields = json.loads(path.read_text(encoding="utf-8"))
        return LockHolder(
            pid=int(fields["pid"]),
            host=str(fields["host"]),
            started=str(fields["started"]),
            token=str(fields.get("token", "")),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
