"""Where an export may go: never onto a chapter, never over an earlier export unasked.

An export into a project's own chapter folder would replace a chapter (``01-x.md`` exported
as Markdown is ``01-x.md``) or add a file the project then reads as a new chapter; both are
refused, whatever ``force`` says. Files of an earlier export are replaced only with
``force`` (the window asks first, naming them). Writing is all or none
(``atomic.write_files``): a cancelled or failed export leaves no partial files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from ficwriter.core.atomic import write_files
from ficwriter.core.project import CHAPTER_SUFFIXES, CHAPTERS_DIR, CONFIG_NAME, Project


class ExportRefused(Exception):
    """The export would write where it must not; ``str(error)`` is one line for the writer
    and ``paths`` are the files concerned. Nothing was written."""

    def __init__(self, message: str, paths: list[Path]) -> None:
        super().__init__(message)
        self.paths = paths


class OverwritesChapter(ExportRefused):
    """An output file is a chapter, or would be read as one."""


class ExportExists(ExportRefused):
    """Output files exist already (an earlier export); ``force`` replaces them."""


def targets(names: Iterable[str], out_dir: Path | str) -> list[Path]:
    """The absolute paths the files ``names`` (relative, ``/``-separated) would take."""
    folder = Path(out_dir).absolute()
    return [folder.joinpath(*name.split("/")) for name in names]


def _chapter_folders(project: Project | None) -> set[Path]:
    if project is None:
        return set()
    folder = project.chapters_dir if project.chapters_dir.is_dir() else project.root
    return {folder.resolve()}


def _is_chapter_place(path: Path, chapter_folders: set[Path]) -> bool:
    """A file there, named so, is read as a chapter: in the exporting project's chapter
    folder, or in any project's ``chapters/`` folder."""
    if path.suffix.lower() not in CHAPTER_SUFFIXES:
        return False
    folder = path.parent.resolve()
    if folder in chapter_folders:
        return True
    return folder.name == CHAPTERS_DIR and (folder.parent / CONFIG_NAME).is_file()


def _listed(paths: list[Path]) -> str:
    more = f" and {len(paths) - 1} more" if len(paths) > 1 else ""
    return f"{paths[0]}{more}"


def check_destination(
    names: Iterable[str], out_dir: Path | str, project: Project | None, *, force: bool = False
) -> list[Path]:
    """The paths the export would write, or ``ExportRefused`` saying why it may not.

    ``OverwritesChapter`` when ``out_dir`` is a file or any path is (or would be read as) a
    chapter; ``ExportExists`` when files are there already and ``force`` is off.
    """
    folder = Path(out_dir)
    chapters = {p.resolve() for p in project.chapter_files()} if project else set()
    if folder.exists() and not folder.is_dir():
        if folder.resolve() in chapters:
            raise OverwritesChapter(f"{folder} is a chapter file, not a folder to export into",
                                    [folder])
        raise ExportRefused(f"{folder} is a file, not a folder to export into", [folder])
    paths = targets(names, folder)
    places = _chapter_folders(project)
    onto = [p for p in paths if (p.exists() and p.resolve() in chapters)
            or _is_chapter_place(p, places)]  # fmt: skip
    if onto:
        what = "would replace a chapter" if any(p.exists() for p in onto) else (
            "would be read as a new chapter")
        raise OverwritesChapter(f"{_listed(onto)} {what}: export to another folder", onto)
    folders = [p for p in paths if p.is_dir()]
    if folders:
        raise ExportRefused(f"{_listed(folders)} is a folder, not a file", folders)
    existing = [p for p in paths if p.exists()]
    if existing and not force:
        raise ExportExists(f"{_listed(existing)} exist{'s' if len(existing) == 1 else ''} "
                           "already", existing)
    return paths


def existing_files(names: Iterable[str], out_dir: Path | str) -> list[Path]:
    """The files of an export that are there already (what the window asks about)."""
    return [p for p in targets(names, out_dir) if p.is_file()]


def write_export_files(
    files: Mapping[str, bytes],
    out_dir: Path | str,
    project: Project | None = None,
    *,
    force: bool = False,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[Path]:
    """Check the destination, then write every file or none; the paths written.

    Raises ``ExportRefused``, ``atomic.SaveError`` (disk full, read-only...) or
    ``atomic.WriteCancelled``; in each case no file of this export is left.
    """
    paths = check_destination(files, out_dir, project, force=force)
    return write_files(dict(zip(paths, files.values())), replace=force, cancelled=cancelled)
