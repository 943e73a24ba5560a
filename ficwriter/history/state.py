"""Where a folder's own ficwriter files live: inside a project, outside anything else.

A project keeps its history, lock, check cache and dismissals in ``.ficwriter/`` inside its
folder, so the folder carries everything about itself. A loose file opened on its own (a
story in Downloads, a draft on the desktop) is no project: nothing may be written beside it
until the writer imports it or makes a project of it, so its folder's files go to the
user's state folder instead, under a name made from the folder's path.

Which it is, is decided by what is on disk: a ``.ficwriter/`` already there (a project, or a
folder an older ficwriter wrote into) is used as it is; a loose folder met before keeps its
outside state, so a history does not split in two when a ``ficwriter.toml`` appears in it
mid-session; otherwise ``ficwriter.toml`` or ``chapters/`` make a project.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ficwriter import paths

DB_DIR = ".ficwriter"
CONFIG_NAME = "ficwriter.toml"  # as in core.project, which history does not import (it is heavy)
CHAPTERS_DIR = "chapters"
LOOSE_DIR = "loose-folders"
_UNSAFE = re.compile(r"[^\w-]+")


def state_dir(root: Path) -> Path:
    """The folder holding ``root``'s history and lock (not created here)."""
    root = Path(root)
    inside = root / DB_DIR
    if inside.is_dir():
        return inside
    outside = loose_state_dir(root)
    if outside.is_dir():
        return outside
    if (root / CONFIG_NAME).is_file() or (root / CHAPTERS_DIR).is_dir():
        return inside
    return outside


def loose_state_dir(root: Path) -> Path:
    """Where a loose folder's state goes: the user's state folder, one subfolder per folder
    path (readable name first, then a digest of the whole resolved path, so two folders
    with the same name never share a history)."""
    resolved = str(Path(root).resolve())
    digest = hashlib.sha256(resolved.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    name = _UNSAFE.sub("-", Path(resolved).name).strip("-")[:40] or "folder"
    return paths.state_dir() / LOOSE_DIR / f"{name}-{digest}"


def is_inside(root: Path) -> bool:
    """True when ``root`` keeps its state in its own ``.ficwriter/`` (it is a project)."""
    return state_dir(root) == Path(root) / DB_DIR
