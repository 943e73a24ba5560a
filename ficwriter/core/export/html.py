"""A standalone HTML page a reader can open in any browser: one file, readable type."""

from __future__ import annotations

import html

from ficwriter.core.export.clean import CleanChapter, framed_lines
from ficwriter.core.export.markup import break_text, html_blocks, html_inline, wants_rule
from ficwriter.core.export.options import ExportOptions
from ficwriter.core.export.target import Rendered, Target

_STYLE = """body { margin: 0; background: #fbfaf7; color: #1d1d1b; }
main { max-width: 38em; margin: 3em auto; padding: 0 1.2em;
  font: 1.15em/1.6 Georgia, "Times New Roman", serif; }
h1 { font-weight: normal; text-align: center; }
aside.note { font-size: 0.9em; color: #55534e; border-left: 3px solid #d8d4ca;
  padding-left: 1em; margin: 2em 0; }
hr { border: 0; text-align: center; margin: 2em 0; }
hr::after { content: "\\2042"; color: #8a8578; }
p.break { text-align: center; }
blockquote { margin: 1.2em 2em; font-style: normal; }"""


def _p(segments) -> str:
    return f"<p>{html_inline(segments, br='<br>')}</p>"


def _aside(paragraphs) -> list[str]:
    return ['<aside class="note">', *(_p(p) for p in paragraphs), "</aside>"]


def render(chapter: CleanChapter, options: ExportOptions) -> Rendered:
    title = html.escape(chapter.document_title, quote=False)
    if wants_rule(options.scene_break):
        scene_break = "<hr>"
    else:
        scene_break = f'<p class="break">{html.escape(break_text(options.scene_break))}</p>'
    body: list[str] = [f"<h1>{title}</h1>"] if chapter.title else []
    quote, listing = html_blocks(lambda p: html_inline(p, br="<br>"))
    body += framed_lines(
        chapter,
        paragraph=_p,
        scene_break=scene_break,
        note=_aside,
        quote=quote,
        listing=listing,
        comment=lambda t: [t],
    )
    page = (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>\n{_STYLE}\n</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )
    return Rendered({".html": page.encode("utf-8")}, [])


TARGET = Target("html", "standalone HTML page", render)
