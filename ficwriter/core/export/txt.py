"""Plain text for readers and beta readers: paragraphs split by blank lines.

Emphasis keeps the writer's ``*asterisks*`` (the plain-text convention), escapes are gone,
notes stand at the top and bottom, set off by the scene-break line.
"""

from __future__ import annotations

from ficwriter.core.export.clean import CleanChapter, framed_lines
from ficwriter.core.export.markup import break_text, marked_inline
from ficwriter.core.export.options import ExportOptions
from ficwriter.core.export.target import Rendered, Target
from ficwriter.core.inline import Segment


def text_blocks(chapter: CleanChapter, options: ExportOptions, *, markdown: bool) -> list[str]:
    """The chapter as text blocks (joined by blank lines); shared with the Markdown target."""
    rule = break_text(options.scene_break)
    if markdown and rule.strip() and rule[0] in "#>-+=~`|<[":
        rule = "\\" + rule  # a paragraph, not a heading, quote, list or fence

    def para(segments) -> str:
        text = marked_inline(segments, markdown=markdown)
        return text.replace("\n", "\\\n") if markdown else text

    def note(segments) -> str:
        return "> " + para(segments).replace("\n", "\n> ") if markdown else para(segments)

    blocks: list[str] = []
    if chapter.title:
        title = marked_inline([Segment(chapter.title)], markdown=markdown)
        blocks.append(f"# {title}" if markdown else title)
    return blocks + framed_lines(
        chapter,
        paragraph=para,
        scene_break=rule,
        note=lambda ps: [note(p) for p in ps],
        comment=lambda text: [text] if markdown else [],
        note_separator=rule,
    )


def render(chapter: CleanChapter, options: ExportOptions) -> Rendered:
    text = "\n\n".join(text_blocks(chapter, options, markdown=False)) + "\n"
    return Rendered({".txt": text.encode("utf-8")}, [])


TARGET = Target("txt", "plain text", render)
