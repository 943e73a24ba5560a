"""FanFiction.net: an HTML file for the document manager.

FFN has no notes fields, so kept notes stand at the top and bottom, set off by rules. It
strips lines made only of symbols, so a scene break is always a rule there; a break text with
words in it ("Meanwhile…") is kept as a centred paragraph.
"""

from __future__ import annotations

import html
import re

from ficwriter.core.export.clean import CleanChapter, framed_lines
from ficwriter.core.export.markup import break_text, html_inline, wants_rule
from ficwriter.core.export.options import ExportOptions
from ficwriter.core.export.target import Rendered, Target

_RULE = "<hr>"


def _paragraph(segments) -> str:
    return f"<p>{html_inline(segments, br='<br>')}</p>"


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
        scene_break=scene_break,
        note=lambda ps: [_paragraph(p) for p in ps],
        note_separator=_RULE,
    )
    return Rendered({".html": ("\n".join(lines) + "\n").encode("utf-8")}, warnings)


TARGET = Target("ffn", "FanFiction.net document (HTML)", render)
