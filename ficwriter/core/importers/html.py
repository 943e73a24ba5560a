"""HTML chapters: pages saved from a browser, Google Docs HTML, and AO3 downloads.

AO3's "Download → HTML" file carries the work's title, author, fandom, summary and notes in
``#preface``, each chapter's heading, summary and notes in a ``.meta`` block before its
``.userstuff`` text, its end notes after, and the work's end notes in ``#afterword``. Files
differ with the archive's age, so everything is looked up by id, class and label text, and a
page without any of it is read as a plain chapter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import lxml.html
from lxml.etree import ParserError

from ficwriter.core.importers.breaks import FORCED_BREAK, is_break_line, split_blocks
from ficwriter.core.importers.draft import Draft, ListItems, Para, QuoteBlock, RawBlock
from ficwriter.core.importers.runs import join_runs
from ficwriter.core.textfile import UnreadableFile

_SKIP = {"script", "style", "head", "title", "noscript", "iframe", "template", "svg"}
_BLOCKS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "ul", "ol", "pre",
    "table", "tbody", "thead", "tfoot", "tr", "td", "th", "section", "article", "main",
    "header", "footer", "aside", "center", "dl", "dt", "dd", "figure", "figcaption",
    "address", "details", "summary", "body", "html", "nav", "form", "fieldset",
}  # fmt: skip
_ITALIC = {"em", "i", "cite", "dfn", "var"}
_BOLD = {"strong", "b"}
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*italic", re.IGNORECASE)
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.IGNORECASE)
_FONT_STYLE = re.compile(r"font-style\s*:\s*([\w-]+)", re.IGNORECASE)
_FONT_WEIGHT = re.compile(r"font-weight\s*:\s*([\w-]+)", re.IGNORECASE)
_CLASS_RULE = re.compile(r"\.([\w-]+)\s*\{([^}]*)\}")
_CHAPTER_HEADING = re.compile(r"^\s*chapter\s+\d+\s*[:.\-–—]\s*", re.IGNORECASE)
_CENTRED_STYLE = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)
_IN_STORY = {"blockquote", "ol", "ul"}
"""Elements kept as blocks of the chapter (a letter, a message, a list) in story text."""
_GLYPH_BREAK_LENGTH = 3  # a centred paragraph of at most this many symbols is a break


def _is_element(node) -> bool:
    """Elements only: comments, processing instructions and entities are not walked."""
    return isinstance(node.tag, str)


def _tag(element: lxml.html.HtmlElement) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def _style(element: lxml.html.HtmlElement, italic: bool, bold: bool) -> tuple[bool, bool]:
    """Inherited emphasis plus what ``element`` adds by tag or inline style; an inline
    style's last ``font-style``/``font-weight`` decides (Google Docs wraps a whole copied
    passage in ``<b style="font-weight:normal">``, and sets 400 on each plain run)."""
    tag = _tag(element)
    style = element.get("style", "")
    italic = italic or tag in _ITALIC
    bold = bold or tag in _BOLD
    if slants := _FONT_STYLE.findall(style):
        italic = slants[-1].lower() in ("italic", "oblique")
    if weights := _FONT_WEIGHT.findall(style):
        weight = weights[-1].lower()
        bold = weight in ("bold", "bolder") or (weight.isdigit() and int(weight) >= 600)
    return italic, bold


def _inline_class_styles(root: lxml.html.HtmlElement) -> None:
    """Copy emphasis set by class rules (Google Docs' ``.c3{font-style:italic}``) inline."""
    italic: set[str] = set()
    bold: set[str] = set()
    for sheet in root.iter("style"):
        for name, body in _CLASS_RULE.findall(sheet.text or ""):
            if _ITALIC_STYLE.search(body):
                italic.add(name)
            if _BOLD_STYLE.search(body):
                bold.add(name)
    if not italic and not bold:
        return
    for element in root.iter():
        classes = set((element.get("class") or "").split()) if _is_element(element) else set()
        extra = ["font-style:italic"] * bool(classes & italic)
        extra += ["font-weight:bold"] * bool(classes & bold)
        if extra:
            element.set("style", ";".join([element.get("style", ""), *extra]))


def _runs(
    element: lxml.html.HtmlElement, italic: bool, bold: bool
) -> Iterator[tuple[str, bool, bool]]:
    """Inline text of ``element`` (not its tail) as styled runs; ``<br>`` is a newline."""
    italic, bold = _style(element, italic, bold)
    if _tag(element) == "br":
        yield "\n", italic, bold
        return
    if element.text:
        yield _flat(element.text), italic, bold
    for child in element:
        if _tag(child) and _tag(child) not in _SKIP:
            yield from _runs(child, italic, bold)
        if child.tail:
            yield _flat(child.tail), italic, bold


def _flat(text: str) -> str:
    """HTML whitespace (source newlines, indents) is one space; a no-break space is a space
    (spacer ``&nbsp;`` paragraphs are empty, and a chapter file has no layout spaces)."""
    return re.sub(r"[ \t\r\n\f\u00a0]+", " ", text)


def _inline_lines(runs: list[tuple[str, bool, bool]]) -> list[str]:
    """One block's runs as lines; an empty line (``<br><br>``) separates paragraphs.

    Whitespace collapses as a browser collapses it: the spaces of several runs (an indent
    before an ``<em>``, the newline after it) are one space, and each line is trimmed.
    """
    text = join_runs(runs)
    lines = [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    paragraphs = "\n".join(out).split("\n\n")
    joined: list[str] = []
    for k, paragraph in enumerate(paragraphs):
        if k:
            joined.append("")
        joined.append(paragraph)
    return joined


def _centred(element: lxml.html.HtmlElement) -> bool:
    return (
        _tag(element) == "center"
        or (element.get("align") or "").lower() == "center"
        or bool(_CENTRED_STYLE.search(element.get("style") or ""))
    )


def _is_break_block(element: lxml.html.HtmlElement) -> bool:
    """A paragraph of break symbols (``* * *``, ``~~~``, ``oOo``), or a centred glyph (``§``,
    ``❧``): a scene break, not text."""
    text = "".join(element.text_content().split())
    if is_break_line(text):
        return True
    return _centred(element) and 0 < len(text) <= _GLYPH_BREAK_LENGTH and not re.search(r"\w", text)


def _list_items(element: lxml.html.HtmlElement) -> ListItems | None:
    """An ``<ol>``/``<ul>``'s items, each one paragraph (an item's paragraphs as lines)."""
    items = []
    for child in element:
        if _tag(child) == "li":
            lines = [p for p in _paragraphs(child) if p]
            if lines:
                items.append("\n".join(lines))
    if not items:
        return None
    start = element.get("start") or "1"
    ordered = _tag(element) == "ol"
    return ListItems(tuple(items), ordered, int(start) if start.isdigit() else 1)


def block_lines(element: lxml.html.HtmlElement) -> list[str | RawBlock]:
    """The paragraphs of a block element as lines (``split_blocks`` input); ``<hr>`` breaks;
    a ``<blockquote>`` or a list inside stands among them as a ``QuoteBlock``/``ListItems``.
    """
    lines: list[str | RawBlock] = []
    pending: list[tuple[str, bool, bool]] = []

    def flush() -> None:
        if pending:
            lines.extend(_inline_lines(pending))
            pending.clear()

    def walk(node: lxml.html.HtmlElement, italic: bool, bold: bool) -> None:
        italic, bold = _style(node, italic, bold)
        if node.text:
            pending.append((_flat(node.text), italic, bold))
        for child in node:
            child_tag = _tag(child)
            if not child_tag or child_tag in _SKIP:
                pass  # comments and scripts: only their tail is text
            elif child_tag == "hr":
                flush()
                lines.append(FORCED_BREAK)
            elif child_tag in _BLOCKS and _is_break_block(child):
                flush()
                lines.append(FORCED_BREAK)  # a centred "* * *" paragraph: before escaping
            elif child_tag in _IN_STORY:
                flush()
                lines.append(_in_story_block(child))
            elif child_tag in _BLOCKS:
                flush()
                if any(_tag(d) in _BLOCKS or _tag(d) == "hr" for d in child.iterdescendants()):
                    walk(child, italic, bold)
                else:
                    lines.extend(_inline_lines(list(_runs(child, italic, bold))) or [""])
                flush()
            else:
                pending.extend(_runs(child, italic, bold))
            if child.tail:
                pending.append((_flat(child.tail), italic, bold))

    walk(element, False, False)
    flush()
    return lines


def _in_story_block(element: lxml.html.HtmlElement) -> RawBlock | str:
    """A quote or list inside the story, as its block; an empty one is a blank line."""
    if _tag(element) == "blockquote":
        paragraphs = tuple(p for p in _paragraphs(element) if p)
        return QuoteBlock(paragraphs) if paragraphs else ""
    return _list_items(element) or ""


def _paragraphs(element: lxml.html.HtmlElement | None) -> list[str]:
    """The paragraphs of notes, summaries, a quote or a list item: lists in them keep their
    numbers or dashes as text."""
    if element is None:
        return []
    out: list[str] = []
    for block in _story_blocks(element):
        if isinstance(block, Para):
            out.append(block.text)
        elif isinstance(block, QuoteBlock):
            out.extend(block.paragraphs)
        elif isinstance(block, ListItems):
            for number, item in enumerate(block.items, block.start):
                out.append(f"{number}. {item}" if block.ordered else f"- {item}")
    return out


def _story_blocks(element: lxml.html.HtmlElement) -> list[RawBlock]:
    """Paragraphs, breaks, quotes and lists of ``element``: HTML paragraphs are explicit, so
    a spacer (``<p>&nbsp;</p>``, ``<p><br/></p>``) is space, never a scene break."""
    return split_blocks(block_lines(element), join_lines=False, blank_breaks=False)


def _labelled(container: lxml.html.HtmlElement, *labels: str) -> lxml.html.HtmlElement | None:
    """The blockquote that follows a label such as "Summary" or "Notes" in ``container``."""
    wanted = {label.lower() for label in labels}
    for element in container.iter("blockquote"):
        label = element.getprevious()
        while label is not None and not _is_element(label):  # comments between label and quote
            label = label.getprevious()
        if label is not None and label.text_content().strip().rstrip(":").lower() in wanted:
            return element
    return None


def _by_id(root: lxml.html.HtmlElement, ident: str) -> lxml.html.HtmlElement | None:
    found = root.xpath(f'//*[@id="{ident}"]')
    return found[0] if found else None


def _has_class(element: lxml.html.HtmlElement, name: str) -> bool:
    return _is_element(element) and name in (element.get("class") or "").split()


def _chapter_texts(chapters: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The ``.userstuff`` divs holding chapter text (not notes, not summaries)."""
    texts = [
        div
        for div in chapters.iter("div")
        if _has_class(div, "userstuff")
        and div is not chapters
        and not any(_has_class(a, "meta") or _has_class(a, "endnotes") for a in div.iterancestors())
    ]
    return texts or [chapters]


def _meta_before(text: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    previous = text.getprevious()
    while previous is not None and not _has_class(previous, "meta"):
        if _has_class(previous, "userstuff"):
            return None
        previous = previous.getprevious()
    return previous


def _end_notes_after(text: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    following = text.getnext()
    while following is not None and not _has_class(following, "userstuff"):
        ident = (following.get("id") or "") if _is_element(following) else ""
        if _has_class(following, "endnotes") or ident.startswith("endnotes"):
            return following
        following = following.getnext()
    return None


def _text_of(element: lxml.html.HtmlElement | None) -> str | None:
    if element is None:
        return None
    return " ".join(element.text_content().split()) or None


def _read_ao3(root: lxml.html.HtmlElement, chapters: lxml.html.HtmlElement) -> list[Draft]:
    preface = _by_id(root, "preface")
    afterword = _by_id(root, "afterword")
    metadata: dict[str, str] = {"source": "ao3"}
    if preface is not None:
        for key, xpath in (
            ("work_title", ".//h1"),
            ("author", './/*[@rel="author"]'),
            ("fandom", './/dd[contains(@class, "fandom")]'),
        ):
            found = preface.xpath(xpath)
            if found and (value := _text_of(found[0])):
                metadata[key] = value
    work_summary = _paragraphs(_labelled(preface, "summary")) if preface is not None else []
    work_notes = _paragraphs(_labelled(preface, "notes")) if preface is not None else []
    work_end = []
    if afterword is not None:
        work_end = _paragraphs(_labelled(afterword, "end notes", "notes"))
    texts = _chapter_texts(chapters)
    drafts: list[Draft] = []
    for number, text in enumerate(texts, start=1):
        meta = _meta_before(text)
        heading = meta.xpath(".//h2|.//h3") if meta is not None else []
        title = _text_of(heading[0]) if heading else None
        if title:
            title = _CHAPTER_HEADING.sub("", title) or title
        elif len(texts) == 1:
            title = metadata.get("work_title")
        summary, notes = [], []
        if meta is not None:
            summary = _paragraphs(_labelled(meta, "chapter summary", "summary"))
            notes = _paragraphs(_labelled(meta, "chapter notes", "notes"))
        end_div = _end_notes_after(text)
        ending = []
        if end_div is not None:
            ending = _paragraphs(_labelled(end_div, "chapter end notes", "end notes", "notes"))
        if number == 1:
            notes = work_notes + notes
            summary = summary or work_summary
        if number == len(texts):
            ending = ending + work_end
        drafts.append(
            Draft(
                blocks=_story_blocks(text),
                title=title,
                summary="\n".join(summary) or None,
                metadata={**metadata, "chapter": str(number), "chapters": str(len(texts))},
                beginning_notes=notes,
                end_notes=ending,
            )
        )
    return drafts


def read_html(text: str) -> list[Draft]:
    """Drafts of an HTML page: one per chapter of an AO3 download, else one."""
    try:
        root = lxml.html.document_fromstring(text)
    except (ParserError, ValueError) as error:
        raise UnreadableFile(f"not readable as HTML ({error})") from error
    _inline_class_styles(root)
    chapters = _by_id(root, "chapters")
    if chapters is not None:
        return _read_ao3(root, chapters)
    body = root.find("body")
    container = body if body is not None else root
    title_el = root.find(".//title")
    headings = container.xpath(".//h1")
    title = _text_of(headings[0]) if headings else _text_of(title_el)
    if headings:
        headings[0].drop_tree()
    return [Draft(blocks=_story_blocks(container), title=title)]
