"""Markdown chapters: ficwriter's own format, and Markdown from other editors.

The chapter parser already reads Markdown's paragraphs, thematic breaks, fenced notes and
comments; this importer adds what other editors write: a leading ``# Heading`` as the title
and symbol lines or ``<hr>`` as scene breaks. A file that already marks its notes is trusted
as it is; only a file without any gets author's-note detection.
"""

from __future__ import annotations

import re

from ficwriter.core.chapter import (
    BlockQuote,
    Comment,
    ListBlock,
    Note,
    Paragraph,
    SceneBreak,
    SceneMeta,
    block_content,
    parse,
)
from ficwriter.core.importers.breaks import is_break_line
from ficwriter.core.importers.draft import (
    HEADER_PREFIX,
    Break,
    CommentBlock,
    Draft,
    ListItems,
    MetaBlock,
    NoteBlock,
    Para,
    QuoteBlock,
    RawBlock,
    read_header,
)

_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$")


def read_markdown(text: str) -> tuple[Draft, bool]:
    """A draft of a Markdown chapter, and whether author's notes should be detected."""
    chapter = parse(text)
    header = read_header(chapter)
    draft = Draft(blocks=[], title=header.get("title"), summary=header.get("summary"))
    blocks: list[RawBlock] = draft.blocks
    for block in chapter.blocks:
        if isinstance(block, Paragraph):
            heading = _HEADING.match(block.text)
            if heading and "\n" not in block.text and draft.title is None and not blocks:
                draft.title = heading.group(1)
            elif is_break_line(block.text):
                blocks.append(Break())
            else:
                blocks.append(Para(block.text))
        elif isinstance(block, SceneBreak):
            blocks.append(Break())
        elif isinstance(block, BlockQuote):
            blocks.append(QuoteBlock(tuple(block_content(p) for p in block.paragraphs)))
        elif isinstance(block, ListBlock):
            items = tuple(block_content(p) for p in block.paragraphs)
            blocks.append(ListItems(items, block.ordered, block.start))
        elif isinstance(block, Note):
            blocks.append(NoteBlock(tuple(p.text for p in block.paragraphs), block.kind))
        elif isinstance(block, SceneMeta):
            blocks.append(MetaBlock(dict(block.fields)))
        elif isinstance(block, Comment) and not block.text.startswith(HEADER_PREFIX):
            blocks.append(CommentBlock(block.text))
    return draft, not chapter.notes
