"""FanFiction.net: an HTML file for the document manager.

FFN has no notes fields, so kept notes stand at the top and bottom, set off by rules. It
strips lines made only of symbols, so a scene break is always a rule there; a break text with
words in it ("Meanwhile…") is kept as a centred paragraph. FFN keeps no block quotes or
lists: their paragraphs are set in by no-break spaces, list items keep their number or dash.
"""

from __future__ import annotations

import html
import re

from ficwriter.core.export.clean import CleanChapter, CleanList, CleanQuote, framed_lines
from ficwriter.core.export.markup import break_text, html_inline, wants_rule
from ficwriter.core.export.options import ExportOptions
from ficwriter.core.export.target import Rendered, Target

_RULE = "<hr>"


_INDENT = "\u00a0" * 4  # FFN keeps neither blockquote nor lists: set in by no-break spaces


def _paragraph(segments, lead: str = "") -> str:
    return f"<p>{html.escape(lead, quote=False)}{html_inline(segments, br='<br>')}</p>"


def _quote(block: CleanQuote) -> list[str]:
    return [_paragraph(p, _INDENT) for p in block.paragraphs]


def _listing(block: CleanList) -> list[str]:
    return [_paragraph(item, f"{_INDENT}{block.marker(k)} ") for k, item in enumerate(block.items)]


def render(chapter: CleanChapter, options: ExportOptions) -> Rendered:
    warnings: list[str] = []
    scene_break = _RULE
    if not wants_rule(options.scene_break):
        text = break_text(options.scene_break)
        if re.search(r"\w", text):
            scene_break = f'<p style="text-align:center;">{html.escape(text, quote=False)}</p>'
        else:
            warnings.append(f"FFN strips symbol lines like {text!r}: scene breaks written as rules")
    lines = framed_lines(
        chapter,
        paragraph=_paragraph,
        quote=_quote,
        listing=_listing,
        scene_break=scene_break,
        note=lambda ps: [_paragraph(p) for p in ps],
        note_separator=_RULE,
    )
    return Rendered({".html": ("\n".join(lines) + "\n").encode("utf-8")}, warnings)


TARGET = Target("ffn", "FanFiction.net document (HTML)", render)
