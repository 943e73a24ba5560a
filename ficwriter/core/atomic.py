"""Writing files so that what is on disk is always either the old content or the new one.

Chapters, the dictionary, ficwriter.toml, imports and exports all write through here.

The new bytes go to a temporary file beside the chapter (same folder, so the same file
system), are flushed and fsynced, and only then replace the chapter with ``os.replace``,
which is atomic. Any failure on the way (disk full, no permission, the folder gone) removes
the temporary file and raises ``SaveError``; the chapter itself was never opened for writing.
Writes go through ``os.write`` on a raw descriptor, so every byte passes one OS call.
"""

from __future__ import annotations

import errno as errno_codes
import os
import shutil
import uuid
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from ficwriter.core.textfile import DecodedText, UnreadableFile, encode_text, read_text, to_lf

_PLAIN_REASONS = {
    errno_codes.ENOSPC: "the disk is full",
    errno_codes.EDQUOT: "the disk quota is used up",
    errno_codes.EACCES: "permission denied",
    errno_codes.EPERM: "permission denied",
    errno_codes.ENOENT: "its folder no longer exists",
    errno_codes.EROFS: "the disk is read-only",
    errno_codes.EIO: "the disk reported an error",
}
_NEW_FILE = DecodedText(text="", encoding="utf-8", newline="\n")
_O_BINARY = getattr(os, "O_BINARY", 0)
_STAGING_THREADS = 8  # Windows would translate newlines otherwise


class WriteCancelled(Exception):
    """``write_files`` stopped on request; nothing it was given is on disk."""


class SaveError(Exception):
    """A save that did not happen; ``str(error)`` is a sentence to show the user."""

    def __init__(self, path: Path, message: str, errno: int | None = None,
                 reason: str = "") -> None:
        super().__init__(message)
        self.path = path
        self.errno = errno
        self.reason = reason or message
        """Why, in a writer's words ("the disk is full"), for a caller's own sentence."""

    @classmethod
    def from_os_error(cls, path: Path, error: OSError) -> SaveError:
        reason = _PLAIN_REASONS.get(error.errno or 0) or error.strerror or str(error)
        message = f"Could not save {path.name}: {reason}. The file on disk is unchanged."
        return cls(path, message, error.errno, reason)

    def with_note(self, note: str) -> SaveError:
        """The same error with a sentence added (e.g. where the unsaved text went)."""
        return SaveError(self.path, f"{self} {note}", self.errno, self.reason)


def _write_temp(path: Path, data: bytes) -> Path:
    """``data`` written and fsynced to a new temporary file beside ``path``.

    Same folder, so the same file system: the rename or link that follows is atomic. On
    failure nothing is left behind and ``SaveError`` says why in plain words.
    """
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, 0o666)
    except OSError as error:
        raise SaveError.from_os_error(path, error) from error
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as error:
        _remove_quietly(temporary)
        raise SaveError.from_os_error(path, error) from error
    return temporary


def write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path``'s content with ``data`` atomically; ``SaveError`` if it cannot.

    A symbolic link is followed: its target is replaced, and the link stays a link.
    """
    path = Path(path)
    if path.is_symlink():
        path = path.resolve()
    temporary = _write_temp(path, data)
    try:
        _copy_mode(path, temporary)
        os.replace(temporary, path)
    except OSError as error:
        _remove_quietly(temporary)
        raise SaveError.from_os_error(path, error) from error
    _sync_folder(path.parent)


def write_new(path: Path, data: bytes) -> bool:
    """Create ``path`` with ``data`` only if no file is there; False (nothing written) if one is.

    The temporary file is hard-linked into place, which fails rather than overwrite when
    another writer got there first; file systems without hard links check, then replace.
    """
    path = Path(path)
    temporary = _write_temp(path, data)
    try:
        try:
            os.link(temporary, path)
        except FileExistsError:
            return False
        except OSError:
            if path.exists():
                return False
            os.replace(temporary, path)
        _sync_folder(path.parent)
        return True
    except OSError as error:
        raise SaveError.from_os_error(path, error) from error
    finally:
        _remove_quietly(temporary)


def write_files(
    files: Mapping[Path, bytes],
    *,
    replace: bool = False,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[Path]:
    """Write several files all or none: each is staged in a temporary file beside it, and
    only when every one is on disk are they put in place. Returns the paths written.

    ``cancelled`` is asked between files; when it says yes, or a write fails, every staged
    file is removed and nothing new is left (``WriteCancelled`` / ``SaveError``). With
    ``replace`` off a file that exists is never replaced (``SaveError`` names it), even one
    another program made while the others were staged.
    """
    staged: dict[Path, Path] = {}
    created: list[Path] = []  # folders made here, removed again if nothing is written
    placed: list[Path] = []
    try:
        try:
            _stage_all(files, staged, created, cancelled)
            if cancelled():
                raise WriteCancelled()
            for path, temporary in staged.items():
                _place(temporary, path, replace)
                placed.append(path)
        except FileExistsError as error:
            path = Path(error.filename2 or error.filename or "")
            raise SaveError(path, f"{path} exists already; nothing was written",
                            error.errno) from error
        except OSError as error:
            raise SaveError.from_os_error(Path(error.filename or ""), error) from error
    except BaseException:
        for temporary in staged.values():
            _remove_quietly(temporary)
        if not replace:  # files replaced in place cannot be taken back; new ones can
            for path in placed:
                _remove_quietly(path)
        for folder in reversed(created):
            _remove_empty_folder(folder)
        raise
    for temporary in staged.values():
        _remove_quietly(temporary)
    for folder in {path.parent for path in staged}:
        _sync_folder(folder)
    return list(staged)


def _stage_all(
    files: Mapping[Path, bytes],
    staged: dict[Path, Path],
    created: list[Path],
    cancelled: Callable[[], bool],
) -> None:
    """Write every file's temporary copy into ``staged``, several at once: their fsyncs
    then share the file system's journal commits (a whole work's 120 small files took
    0.7 s one by one). Whatever happens, every temporary file made is in ``staged``."""
    futures: dict[Path, Future[Path]] = {}
    try:
        with ThreadPoolExecutor(max_workers=_STAGING_THREADS) as pool:
            for path, data in files.items():
                if cancelled():
                    raise WriteCancelled()
                created += _make_folders(path.parent)
                futures[path] = pool.submit(_write_temp, path, data)
    finally:
        for path, future in futures.items():
            if future.exception() is None:
                staged[path] = future.result()
    for future in futures.values():
        future.result()  # the first failure, as SaveError


def _make_folders(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; the ones created, outermost first."""
    missing = [f for f in (folder, *folder.parents) if not f.exists()][::-1]
    for each in missing:
        each.mkdir(exist_ok=True)
    return missing


def _remove_empty_folder(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass


def _place(temporary: Path, path: Path, replace: bool) -> None:
    """Put a staged file in place: replacing, or only where nothing is (a hard link fails
    rather than overwrite; file systems without links check, then rename)."""
    if replace:
        _copy_mode(path, temporary)
        os.replace(temporary, path)
        return
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError:
        if path.exists():
            raise FileExistsError(errno_codes.EEXIST, "File exists", str(path)) from None
        os.replace(temporary, path)


def save_text(path: Path, text: str, like: DecodedText | None = None) -> DecodedText:
    """Save ``text`` to ``path`` in the file's own encoding and newline style.

    ``like`` describes the file (as ``read_text`` returned it); when omitted the file is read
    to learn it, and a new or unreadable file gets UTF-8 with LF. Text the file's legacy
    encoding cannot hold (an emoji in a Windows-1252 file) is saved as UTF-8 rather than
    lost. Returns how the file is now written.
    """
    path = Path(path)
    style = like if like is not None else _style_of(path)
    text = to_lf(text)  # a stray CR would otherwise become CR CR LF in a CRLF file
    try:
        data = style.encode(text)
        encoding = style.encoding
    except UnicodeEncodeError:
        encoding = "utf-8"
        data = encode_text(text, encoding, style.newline)
    write_bytes(path, data)
    return DecodedText(text=text, encoding=encoding, newline=style.newline)


def _style_of(path: Path) -> DecodedText:
    try:
        return read_text(path)
    except (OSError, UnreadableFile):
        return _NEW_FILE


def _copy_mode(original: Path, temporary: Path) -> None:
    """Give the new file the old one's permissions, where the file system allows it.

    Some network and FAT drives refuse chmod; the save must not fail for that.
    """
    try:
        shutil.copymode(original, temporary)
    except OSError:
        pass


def _remove_quietly(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); folders cannot be opened on Windows."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)

