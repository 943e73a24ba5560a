"""Which files are chapters, and how history names a file.

History keys chapters by their path relative to the project root in POSIX form, so a
project folder moved to another disk, machine or operating system keeps its history.
Which folder is the project is ``core.project.project_root_for``'s decision.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from ficwriter.history.state import CHAPTERS_DIR, DB_DIR

CHAPTER_SUFFIXES = frozenset({".md", ".markdown", ".txt"})


def relative_path(root: Path, path: Path | str) -> str:
    """``path`` (absolute, or relative to ``root``) as a POSIX path relative to ``root``.

    Raises ``ValueError`` for a path outside the project.
    """
    candidate = Path(path)
    if not candidate.is_absolute():
        candidate = root / candidate
    outside = ValueError(f"{path} is not a file inside the project {root}")
    try:
        relative = candidate.relative_to(root)
    except ValueError:
        try:
            relative = candidate.resolve().relative_to(root.resolve())
        except ValueError:
            raise outside from None
    if not relative.parts or ".." in relative.parts:
        raise outside
    return str(PurePosixPath(*relative.parts))


def is_loose(root: Path) -> bool:
    """A folder without chapters/ (a loose file opened on its own): its own files are chapters."""
    return not (root / CHAPTERS_DIR).is_dir()


def is_chapter(relative: str, loose: bool = False) -> bool:
    """True for a chapter file: under chapters/ (or, ``loose``, directly in the project
    folder), a text suffix, not hidden, not a backup.

    Editors' temporary and backup files (``.x.swp``, ``x.md~``, ``.x.md.tmp``) are not
    chapters, so a save through a temporary file is seen only as the final rename.
    """
    parts = PurePosixPath(relative).parts
    if loose:
        if len(parts) != 1:
            return False
    elif len(parts) < 2 or parts[0] != CHAPTERS_DIR:
        return False
    if any(part.startswith(".") for part in parts) or DB_DIR in parts:
        return False
    name = parts[-1]
    return PurePosixPath(name).suffix.lower() in CHAPTER_SUFFIXES and not name.endswith("~")


def is_chapter_folder(relative: str) -> bool:
    """True for chapters/ and the visible folders under it (where chapters may be)."""
    parts = PurePosixPath(relative).parts
    return bool(parts) and parts[0] == CHAPTERS_DIR and not any(p.startswith(".") for p in parts)


def chapter_files(root: Path) -> Iterator[str]:
    """Every chapter file on disk, as relative paths, in name order."""
    loose = is_loose(root)
    folder = root if loose else root / CHAPTERS_DIR
    if not folder.is_dir():
        return
    for path in sorted(folder.iterdir() if loose else folder.rglob("*")):
        relative = relative_path(root, path)
        if path.is_file() and is_chapter(relative, loose):
            yield relative
