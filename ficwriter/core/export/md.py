"""Markdown (CommonMark) for other editors, pandoc and sites that take Markdown.

Unlike the chapter file it has no fenced notes or scene metadata: notes are block quotes at
the top and bottom, a line break inside a paragraph is a hard break (``\\``), and text that
Markdown would read as markup is escaped.
"""

from __future__ import annotations

from ficwriter.core.export.clean import CleanChapter
from ficwriter.core.export.options import ExportOptions
from ficwriter.core.export.target import Rendered, Target
from ficwriter.core.export.txt import text_blocks


def render(chapter: CleanChapter, options: ExportOptions) -> Rendered:
    text = "\n\n".join(text_blocks(chapter, options, markdown=True)) + "\n"
    return Rendered({".md": text.encode("utf-8")}, [])


TARGET = Target("md", "Markdown", render)
