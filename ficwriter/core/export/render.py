"""One chapter rendered for one target: the targets by name, and the files they make."""

from __future__ import annotations

from ficwriter.core.chapter import Chapter
import ficwriter.core.export.ao3 as ao3
import ficwriter.core.export.docx as docx
import ficwriter.core.export.ffn as ffn
import ficwriter.core.export.html as html
import ficwriter.core.export.md as md
import ficwriter.core.export.txt as txt
from ficwriter.core.export.clean import CleanChapter, clean
from ficwriter.core.export.options import ExportOptions
from ficwriter.core.export.target import ExportResult, Target

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
    options = options or ExportOptions()
    return render_clean(clean(chapter, options, name), target, options, name)


def render_clean(
    cleaned: CleanChapter, target: str, options: ExportOptions, name: str
) -> ExportResult:
    """An already cleaned chapter for ``target``, files named ``name…``."""
    if target not in TARGETS:
        raise KeyError(f"unknown export target {target!r} (known: {', '.join(TARGETS)})")
    rendered = TARGETS[target].render(cleaned, options)
    files = {f"{name}{suffix}": data for suffix, data in rendered.files.items()}
    return ExportResult(target, files, tuple(rendered.warnings))
