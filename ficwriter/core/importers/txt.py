"""Plain-text chapters: the shape most posted fanfiction is saved in.

Paragraphs are separated by blank lines (two or more mark a scene break) or, in files
without blank lines between paragraphs, by single newlines (any blank line is then a break).
Symbol lines (``***``, ``~~~``, ``xXx``…) are breaks in both. Asterisk emphasis the writer
typed is kept as emphasis.
"""

from __future__ import annotations

from ficwriter.core.importers.breaks import split_blocks
from ficwriter.core.importers.draft import Draft


def read_txt(text: str) -> Draft:
    """A draft of the LF ``text`` of a plain-text chapter."""
    return Draft(blocks=split_blocks(text.split("\n"), join_lines=True))
