"""Reading a chapter file for a command: one error line for every way that can fail."""

from __future__ import annotations

from pathlib import Path

from ficwriter.commands.errors import CommandError
from ficwriter.core.chapter import Chapter, parse
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
