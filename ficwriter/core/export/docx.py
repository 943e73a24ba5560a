"""Word documents (python-docx): real italic and bold runs, centred scene breaks.

Notes and in-story block quotes use Word's "Quote" style so they read as set apart and a
writer can restyle them all at once; lists use "List Number" (each numbered list restarts
at its own first number, as Word's "Restart numbering" does) and "List Bullet". A line
break inside a paragraph is a real line break, not a new paragraph.
"""

from __future__ import annotations

import io

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ficwriter.core.export.clean import (
    CleanBreak,
    CleanChapter,
    CleanComment,
    CleanList,
    CleanNote,
    CleanParagraph,
    CleanQuote,
)
from ficwriter.core.export.markup import break_text
from ficwriter.core.export.options import ExportOptions
from ficwriter.core.export.target import Rendered, Target


def _add_paragraph(document, segments: CleanParagraph, style: str | None = None):
    paragraph = document.add_paragraph(style=style)
    for segment in segments:
        for k, line in enumerate(segment.text.split("\n")):
            run = paragraph.add_run()
            if k:
                run.add_break()
            run.add_text(line)  # one w:t (the ``text`` setter walks every character)
            run.italic = segment.italic or None
            run.bold = segment.bold or None
    return paragraph


def _restarted_numbering(document, start: int) -> int:
    """A new numbering instance of the "List Number" style's list, starting at ``start``:
    without one, every numbered list of the document would go on counting from the last."""
    style_num = document.styles["List Number"].element.pPr.numPr.numId.val
    numbering = document.part.numbering_part.element
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    num = numbering.add_num(abstract)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start_override = OxmlElement("w:startOverride")
    start_override.set(qn("w:val"), str(start))
    override.append(start_override)
    num.append(override)
    return num.numId


def _add_list(document, block: CleanList) -> None:
    if not block.ordered:
        for item in block.items:
            _add_paragraph(document, item, "List Bullet")
        return
    num_id = _restarted_numbering(document, block.start)
    for item in block.items:
        paragraph = _add_paragraph(document, item, "List Number")
        properties = paragraph._p.get_or_add_pPr()
        numbering = properties.get_or_add_numPr()
        numbering.get_or_add_ilvl().val = 0
        numbering.get_or_add_numId().val = num_id


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
        elif isinstance(item, CleanQuote):
            for quoted in item.paragraphs:
                _add_paragraph(document, quoted, "Quote")
        elif isinstance(item, CleanList):
            _add_list(document, item)
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
