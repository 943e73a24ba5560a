"""Word documents (python-docx): real italic and bold runs, centred scene breaks.

Notes use Word's "Quote" style so they read as set apart and a writer can restyle them all
at once; a line break inside a paragraph is a real line break, not a new paragraph.
"""

from __future__ import annotations

import io

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

from ficwriter.core.export.clean import (
    CleanBreak,
    CleanChapter,
    CleanComment,
    CleanNote,
    CleanParagraph,
)
from ficwriter.core.export.markup import break_text
from ficwriter.core.export.options import ExportOptions
from ficwriter.core.export.target import Rendered, Target


def _add_paragraph(document, segments: CleanParagraph, style: str | None = None) -> None:
    paragraph = document.add_paragraph(style=style)
    for segment in segments:
        for k, line in enumerate(segment.text.split("\n")):
            run = paragraph.add_run()
            if k:
                run.add_break()
            run.add_text(line)  # one w:t (the ``text`` setter walks every character)
            run.italic = segment.italic or None
            run.bold = segment.bold or None


def render(chapter: CleanChapter, options: ExportOptions) -> Rendered:
    document = docx.Document()
    document.core_properties.title = chapter.document_title
    if chapter.title:
        document.add_heading(chapter.title, level=1)

    def scene_break() -> None:
        paragraph = document.add_paragraph(break_text(options.scene_break))
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    for note in chapter.beginning_notes:
        _add_paragraph(document, note, "Quote")
    if chapter.beginning_notes:
        scene_break()
    for item in chapter.body:
        if isinstance(item, CleanBreak):
            scene_break()
        elif isinstance(item, CleanNote):
            for note in item.paragraphs:
                _add_paragraph(document, note, "Quote")
        elif not isinstance(item, CleanComment):
            _add_paragraph(document, item)
    if chapter.end_notes:
        scene_break()
    for note in chapter.end_notes:
        _add_paragraph(document, note, "Quote")
    buffer = io.BytesIO()
    document.save(buffer)
    return Rendered({".docx": buffer.getvalue()}, [])


TARGET = Target("docx", "Word document", render)
