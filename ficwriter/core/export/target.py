"""What an export target is, and what an export produces."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ficwriter.core.export.clean import CleanChapter
from ficwriter.core.export.options import ExportOptions


@dataclass(frozen=True)
class Rendered:
    """A target's output: files by suffix (``".html"``, ``"-end-notes.html"``) and warnings."""

    files: dict[str, bytes]
    warnings: list[str]


@dataclass(frozen=True)
class Target:
    name: str
    description: str
    render: Callable[[CleanChapter, ExportOptions], Rendered]


@dataclass(frozen=True)
class ExportResult:
    """Files to write (name -> bytes, main file first) and what the writer should know."""

    target: str
    files: Mapping[str, bytes]
    warnings: tuple[str, ...]

    @property
    def main(self) -> str:
        """The name of the chapter text file."""
        return next(iter(self.files))
