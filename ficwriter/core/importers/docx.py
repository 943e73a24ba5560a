"""Word and Google Docs ``.docx`` exports.

Each Word paragraph is a paragraph; italics and bold become ``*`` / ``**``; soft line breaks
stay line breaks; page and section breaks, centred symbol lines and runs of empty paragraphs
become scene breaks (see ``breaks.split_blocks``). A ``Title`` or ``Heading`` paragraph
before the text is the chapter's title. Table cells are read as paragraphs so nothing is lost.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from ficwriter.core.importers.breaks import FORCED_BREAK, is_break_line, split_blocks
from ficwriter.core.importers.draft import Draft
from ficwriter.core.importers.runs import join_runs
from ficwriter.core.textfile import UnreadableFile

_TITLE_STYLES = ("Title", "Heading")


def _styled(run: Run, paragraph: Paragraph, attr: str) -> bool:
    """Direct formatting first, then the run's character style, then the paragraph's style."""
    for value in (
        getattr(run.font, attr),
        getattr(run.style.font, attr) if run.style is not None else None,
        getattr(paragraph.style.font, attr) if paragraph.style is not None else None,
    ):
        if value is not None:
            return bool(value)
    return False


_PAGE_BREAK = object()


def _run_pieces(run: Run) -> Iterator[str | object]:
    """The run's text, with ``_PAGE_BREAK`` where Word starts a new page."""
    for child in run._r.iterchildren():
        tag = child.tag
        if tag == qn("w:t"):
            yield child.text or ""
        elif tag == qn("w:tab"):
            yield "\t"
        elif tag == qn("w:br"):
            yield _PAGE_BREAK if child.get(qn("w:type")) == "page" else "\n"
        elif tag == qn("w:cr"):
            yield "\n"


def _paragraph_lines(paragraph: Paragraph) -> list[str]:
    """The paragraph's inline markup; a page break inside it splits it in two."""
    ppr = paragraph._p.pPr
    lines: list[str] = []
    if ppr is not None and ppr.find(qn("w:pageBreakBefore")) is not None:
        lines.append(FORCED_BREAK)
    if is_break_line(paragraph.text):  # before escaping: "* * *" is an ornament here
        return [*lines, FORCED_BREAK]
    runs: list[tuple[str, bool, bool]] = []
    for item in paragraph.iter_inner_content():
        for run in item.runs if isinstance(item, Hyperlink) else [item]:
            italic = _styled(run, paragraph, "italic")
            bold = _styled(run, paragraph, "bold")
            for piece in _run_pieces(run):
                if piece is _PAGE_BREAK:
                    lines.extend((join_runs(runs), FORCED_BREAK))
                    runs = []
                else:
                    runs.append((str(piece), italic, bold))
    lines.append(join_runs(runs))
    if ppr is not None and ppr.find(qn("w:sectPr")) is not None:
        lines.append(FORCED_BREAK)
    return lines


def _body_items(document: Document) -> Iterator[Paragraph]:
    """Paragraphs in reading order, table cells included."""
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                for cell in row.cells:
                    yield from cell.paragraphs
        else:
            yield item


def read_docx(data: bytes) -> Draft:
    """A draft of a ``.docx`` file's bytes; ``UnreadableFile`` when it is not one."""
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UnreadableFile(f"not a readable .docx file ({error})") from error
    title: str | None = None
    lines: list[str] = []
    for paragraph in _body_items(document):
        style = paragraph.style.name if paragraph.style is not None else ""
        has_text = any(line.strip() and line != FORCED_BREAK for line in lines)
        if style.startswith(_TITLE_STYLES) and not has_text and title is None:
            if paragraph.text.strip():
                title = paragraph.text.strip()
                continue
        lines.extend(_paragraph_lines(paragraph))
    return Draft(blocks=split_blocks(lines, join_lines=False), title=title)
