"""Property: any AO3-shaped download imports without error, keeps every story word in
order, and has scene breaks exactly where the source had rules or symbol paragraphs."""

from __future__ import annotations

import html

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ficwriter.core.chapter import SceneBreak
from ficwriter.core.importers import import_chapters
from ficwriter.core.inline import plain_text
from ficwriter.core.words import words

WORDS = ["river", "Mara", "lantern", "snow", "ford", "Tam", "letter", "night", "café",
         "сон", "雨", "قمر", "twenty-one", "didn't", "2024"]  # fmt: skip
SPACERS = ["<p>&nbsp;</p>", "<p> </p>", "<p><br/></p>", "<p>\n  &nbsp;&nbsp; </p>", "<p></p>"]
SYMBOLS = ["* * *", "***", "~~~", "oOo", "- - -", "xXx", "o0o", "#", "&#167;"]
COMMENTS = ["<!--chapter content-->", "<!-- /chapter content -->", "<!--main content-->"]


@st.composite
def inline(draw) -> tuple[str, list[str]]:
    """Some words as HTML: nested spans and emphasis, entities, <br/>, layout whitespace."""
    chosen = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6))
    parts = []
    for word in chosen:
        text = html.escape(word, quote=False)
        if draw(st.booleans()):
            text = text.replace("é", "&eacute;").replace("'", "&#39;")
        wrap = draw(st.sampled_from(["", "em", "strong", "span", "i", "b", "span>em"]))
        for tag in reversed(wrap.split(">")) if wrap else []:
            text = f"<{tag}>{text}</{tag}>"
        parts.append(text)
    separators = st.sampled_from([" ", "\n      ", " <br/>", "<br/>\n", "&nbsp;", "  \t"])
    out = parts[0]
    for part in parts[1:]:
        out += draw(separators) + part
    return out, chosen


@st.composite
def element(draw) -> tuple[str, str, list[str]]:
    """(kind, html, words): kind is "text", "break" or "space"."""
    kind = draw(st.sampled_from(["p", "p", "p", "spacer", "hr", "symbol", "quote", "list", "comment"]))
    if kind == "p":
        body, chosen = draw(inline())
        align = draw(st.sampled_from(["", ' align="center"', ' style="text-align: center;"']))
        return "text", f"<p{align}>{body}</p>", chosen
    if kind == "spacer":
        return "space", draw(st.sampled_from(SPACERS)), []
    if kind == "hr":
        return "break", draw(st.sampled_from(["<hr/>", "<hr />", "<p><hr/></p>"])), []
    if kind == "symbol":
        align = draw(st.sampled_from(["", ' align="center"']))
        return "break", f"<p{align}>{draw(st.sampled_from(SYMBOLS))}</p>", []
    if kind == "comment":
        return "space", draw(st.sampled_from(COMMENTS)), []
    items = draw(st.lists(inline(), min_size=1, max_size=3))
    chosen = [w for _, ws in items for w in ws]
    if kind == "quote":
        inner = "".join(f"<p>{body}</p>" for body, _ in items)
        return "text", f"<blockquote>{inner}</blockquote>", chosen
    tag = draw(st.sampled_from(["ol", "ul"]))
    inner = "".join(f"<li>{body}</li>" for body, _ in items)
    return "text", f"<{tag}>{inner}</{tag}>", chosen


def _download(chapters: list[str]) -> str:
    parts = []
    for number, body in enumerate(chapters, start=1):
        parts.append(
            f'<div class="meta group"><h2 class="heading">Chapter {number}: T{number}</h2></div>'
            f'\n<div class="userstuff"><!--chapter content-->\n{body}\n<!--/chapter content-->'
            "</div>"
        )
    return (
        "<!DOCTYPE html><html><head><meta charset=\"UTF-8\"/><title>W</title></head><body>"
        '<div id="preface"><div class="meta"><h1>Work</h1>'
        '<div class="byline">by <a rel="author" href="#">someone</a></div></div></div>'
        '<div id="chapters" class="userstuff">' + "\n".join(parts) + "</div>"
        '<div id="afterword"><!-- afterword --></div></body></html>'
    )


def _expected_breaks(kinds: list[str]) -> int:
    """Runs of break elements with story text on both sides (space is not text)."""
    shape = "".join({"text": "T", "break": "B"}.get(k, "") for k in kinds)
    runs = [run for run in shape.strip("B").split("T") if run]
    return len(runs)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    chapters=st.lists(
        st.lists(element(), min_size=1, max_size=12).filter(
            lambda c: any(kind == "text" for kind, _, _ in c)
        ),
        min_size=1,
        max_size=3,
    )
)
def test_ao3_shaped_downloads_keep_words_in_order_and_breaks_where_they_were(
    chapters, tmp_path_factory
) -> None:
    path = tmp_path_factory.mktemp("ao3") / "work.html"
    path.write_text(_download(["\n".join(h for _, h, _ in c) for c in chapters]), encoding="utf-8")
    results = import_chapters(path)
    assert len(results) == len(chapters)
    for result, chapter in zip(results, chapters):
        parsed = result.chapter
        story = [w for p in parsed.paragraphs(notes=True) for w in words(plain_text(p.text).text)]
        assert story == [w for _, _, ws in chapter for w in ws]
        breaks = sum(isinstance(b, SceneBreak) for b in parsed.blocks)
        assert breaks == _expected_breaks([kind for kind, _, _ in chapter])
