"""Reading what a command is given: a chapter file, or a project folder and its chapters,
with one error line for every way that can fail.

Every command that takes a project folder (check, outline, stats, export) lists its
chapters through ``project_chapters``: ``Project.chapters`` in reading order, the list the
window shows, and names them in its output with ``chapter_entry``.
"""

from __future__ import annotations

from pathlib import Path

from ficwriter.commands.errors import CommandError
from ficwriter.core.chapter import Chapter, parse
from ficwriter.core.chapters import listed_title
from ficwriter.core.project import Project, open_project
from ficwriter.core.textfile import UnreadableFile, read_text


def read_chapter(path: Path) -> Chapter:
    """The chapter at ``path``, or a one-line ``CommandError`` every command reports alike."""
    if not path.is_file():
        raise CommandError(f"{path}: no such file")
    try:
        return parse(read_text(path).text)
    except UnreadableFile as error:
        raise CommandError(f"{path}: {error}") from error
    except OSError as error:
        raise CommandError(f"{path}: {error.strerror or error}") from error


def open_project_at(path: Path) -> Project:
    """The project of a folder or of a chapter file; its ``ficwriter.toml`` not being TOML
    is one line."""
    try:
        return open_project(path)
    except ValueError as error:
        raise CommandError(str(error)) from error


def project_chapters(folder: Path, doing: str | None = None) -> tuple[Project, list[Path]]:
    """The project at ``folder`` and its chapters in reading order. With ``doing`` (the
    verb: "check", "export") a project without chapters is one line, not empty output."""
    project = open_project_at(folder)
    chapters = project.chapters()
    if doing and not chapters:
        raise CommandError(f"{folder}: no chapters to {doing}")
    return project, chapters


def chapter_entry(project: Project, path: Path) -> dict[str, str]:
    """How a project's chapter is named in a command's output: its path inside the project
    ("chapters/01-the-long-walk.md") and its listed title ("1. The long walk")."""
    return {"path": path.relative_to(project.root).as_posix(), "title": listed_title(path)}
