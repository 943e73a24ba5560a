"""Cleaned exports: AO3, FanFiction.net, plain text, Markdown, Word, HTML, and EPUB.

``export_chapter(chapter, target, options)`` returns one chapter's files; ``export_work``
returns a whole work's (or chosen chapters'), EPUB and AO3's ``posting.md`` included.
``write_export`` / ``destination.write_export_files`` write them, never onto a chapter and
never over an earlier export unless asked. Exporting reads the chapters only: their files
are never touched.
"""

from __future__ import annotations

from pathlib import Path

from ficwriter.core.atomic import write_bytes
from ficwriter.core.export.options import ExportOptions
from ficwriter.core.export.render import TARGETS, export_chapter, render_clean
from ficwriter.core.export.target import ExportResult, Target
from ficwriter.core.export.work import WORK_TARGETS, ExportCancelled, WorkExport, export_work

__all__ = [
    "TARGETS",
    "WORK_TARGETS",
    "ExportCancelled",
    "ExportOptions",
    "ExportResult",
    "Target",
    "WorkExport",
    "export_chapter",
    "export_work",
    "render_clean",
    "write_export",
]


def write_export(result: ExportResult, out_dir: Path | str) -> list[Path]:
    """Write every file of ``result`` into ``out_dir`` (created if needed), atomically each."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in result.files.items():
        path = folder / name
        write_bytes(path, data)
        written.append(path)
    return written
