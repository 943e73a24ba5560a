"""Plain text for readers and beta readers: paragraphs split by blank lines.

Emphasis keeps the writer's ``*asterisks*`` (the plain-text convention), escapes are gone,
notes stand at the top and bottom, set off by the scene-break line. Block quotes are set in
by four spaces, list items too, after their number or dash.
"""

from __future__ import annotations

from ficwriter.core.export.clean import CleanChapter, CleanList, CleanQuote, framed_lines
from ficwriter.core.export.markup import break_text, escape_line_start, marked_inline
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
        if markdown:
            return "\n".join(map(escape_line_start, text.split("\n"))).replace("\n", "\\\n")
        return text

    def note(segments) -> str:
        return "> " + para(segments).replace("\n", "\n> ") if markdown else para(segments)

    def led(segments, lead: str) -> str:
        """A paragraph starting with ``lead``, its continuation lines set in as far."""
        return lead + para(segments).replace("\n", "\n" + " " * len(lead))

    body = chapter.body
    # In Markdown a list right after another of its kind would read as its continuation:
    # it takes the other delimiter (CommonMark starts a new list there).
    follows = {id(b) for a, b in zip(body, body[1:]) if _same_kind(a, b)} if markdown else set()

    def listing(block: CleanList) -> list[str]:
        """One block of item lines (an item per line, as a list is written by hand)."""
        indent = "" if markdown else "    "
        swap = {".": ")", "-": "*"} if id(block) in follows else {}
        items = (
            led(item, f"{indent}{_swapped(block.marker(k), swap)} ")
            for k, item in enumerate(block.items)
        )
        return ["\n".join(items)]

    def quote(block: CleanQuote) -> list[str]:
        if markdown:
            return ["\n>\n".join(note(p) for p in block.paragraphs)]
        return [led(p, "    ") for p in block.paragraphs]

    blocks: list[str] = []
    if chapter.title:
        title = marked_inline([Segment(chapter.title)], markdown=markdown)
        blocks.append(f"# {title}" if markdown else title)
    return blocks + framed_lines(
        chapter,
        paragraph=para,
        scene_break=rule,
        note=lambda ps: [note(p) for p in ps],
        quote=quote,
        listing=listing,
        comment=lambda text: [text] if markdown else [],
        note_separator=rule,
    )


def _same_kind(first: object, second: object) -> bool:
    return (
        isinstance(first, CleanList)
        and isinstance(second, CleanList)
        and first.ordered == second.ordered
    )


def _swapped(marker: str, swap: dict[str, str]) -> str:
    return marker[:-1] + swap.get(marker[-1], marker[-1])


def render(chapter: CleanChapter, options: ExportOptions) -> Rendered:
    text = "\n\n".join(text_blocks(chapter, options, markdown=False)) + "\n"
    return Rendered({".txt": text.encode("utf-8")}, [])


TARGET = Target("txt", "plain text", render)
