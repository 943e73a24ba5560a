"""Cleaned exports of a chapter: AO3, FanFiction.net, plain text, Markdown, Word, HTML.

``export_chapter(chapter, target, options)`` returns the files to write; ``write_export``
writes them. Exporting reads the parsed chapter only: the source file is never touched.
"""

from __future__ import annotations

from pathlib import Path

from ficwriter.core.chapter import Chapter
from ficwriter.core.export import ao3, docx, ffn, html, md, txt
from ficwriter.core.export.clean import clean
from ficwriter.core.export.options import ExportOptions
from ficwriter.core.export.target import ExportResult, Target
from ficwriter.core.atomic import write_bytes

__all__ = ["TARGETS", "ExportOptions", "ExportResult", "Target", "export_chapter", "write_export"]

TARGETS: dict[str, Target] = {
    t.name: t for t in (ao3.TARGET, ffn.TARGET, txt.TARGET, md.TARGET, docx.TARGET, html.TARGET)
}


def export_chapter(
    chapter: Chapter,
    target: str,
    options: ExportOptions | None = None,
    name: str = "chapter",
) -> ExportResult:
    """The cleaned ``chapter`` for ``target`` (a key of ``TARGETS``), files named ``name…``
    (the chapter file's name without suffix: a chapter without a title is called by it).

    Raises ``KeyError`` for an unknown target.
    """
    if target not in TARGETS:
        raise KeyError(f"unknown export target {target!r} (known: {', '.join(TARGETS)})")
    options = options or ExportOptions()
    rendered = TARGETS[target].render(clean(chapter, options, name), options)
    files = {f"{name}{suffix}": data for suffix, data in rendered.files.items()}
    return ExportResult(target, files, tuple(rendered.warnings))


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
