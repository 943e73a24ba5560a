"""A Word document shown as rich text: the export dialog's preview of a ``.docx``.

The dialog reads the document it has just made back with python-docx, so the preview
shows what is in the file (not a second rendering of the chapter): headings, paragraphs
with their italic and bold runs and line breaks, centred paragraphs (scene breaks)
centred, and Word's "Quote" paragraphs (author's notes) set in and grey, as Word shows them.
"""

from __future__ import annotations

import html
import io

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.text.paragraph import Paragraph
from docx.text.run import Run

_QUOTE_STYLE = "margin-left:32px; margin-right:32px; color:#808080; font-style:italic;"


def _run_html(run: Run) -> str:
    text = html.escape(run.text, quote=False).replace("\n", "<br>").replace("\t", "&emsp;")
    if run.bold:
        text = f"<b>{text}</b>"
    if run.italic:
        text = f"<i>{text}</i>"
    return text


def _paragraph_html(paragraph: Paragraph) -> str:
    content = "".join(_run_html(run) for run in paragraph.runs) or "&nbsp;"
    style = paragraph.style.name if paragraph.style is not None else ""
    if style == "Title" or style.startswith("Heading"):
        return f"<h2>{content}</h2>"
    align = ' align="center"' if paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER else ""
    css = f' style="{_QUOTE_STYLE}"' if style == "Quote" else ""
    return f"<p{align}{css}>{content}</p>"


def docx_html(data: bytes) -> str:
    """The body of the Word document ``data`` as Qt rich text (HTML), paragraph by paragraph.

    Raises what python-docx raises for a file that is not a Word document.
    """
    document = docx.Document(io.BytesIO(data))
    return "\n".join(_paragraph_html(paragraph) for paragraph in document.paragraphs)
