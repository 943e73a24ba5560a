"""A returned Word file read as the reader left it: the text as sent, and each change.

Tracked insertions (``w:ins``, ``w:moveTo``), deletions (``w:del``, ``w:moveFrom``),
formatting changes that touch italics or bold (``w:rPrChange``) and comments (with their
anchors and replies) become ``Mark``s, placed by offsets into ``ReaderDocument.original``:
the document with every change rejected, which is what the reader was sent. Paragraphs are
joined by ``SEP`` (a line break inside a paragraph stays ``\\n``), and a paragraph mark the
reader inserted or deleted is a change like any other (a split or a joined paragraph).

Word splits runs wherever the reader's cursor went (``w:rsid`` attributes, spelling
marks), one word may be three runs; neighbouring changes of one author are one mark.
The XML is read with lxml, never with entity expansion or network access.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Literal

from lxml import etree

from ficwriter.beta.properties import read_properties

SEP = "\u2029"  # between paragraphs, in ``original`` and in the runs of an insertion
MarkKind = Literal["insertion", "deletion", "format", "comment"]
StyledRun = tuple[str, bool, bool]  # text, italic, bold

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
_W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = "/officeDocument"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_OFF = {"0", "false", "off", "none"}
_W_COMMENTREFERENCE = f"{{{W}}}commentReference"
_W_RPR = f"{{{W}}}rPr"
_W_RPRCHANGE = f"{{{W}}}rPrChange"
_W_ID = f"{{{W}}}id"
_CONTAINERS = {"hyperlink", "smartTag", "sdt", "sdtContent", "customXml", "fldSimple", "bdo", "dir"}
_BLOCK_CONTAINERS = {"tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "body"}


class NotAWordFile(ValueError):
    """The file is not a Word document, or a damaged one; the message is one sentence."""


@dataclass(frozen=True)
class Mark:
    """One change or comment of the reader, in offsets into ``ReaderDocument.original``."""

    kind: MarkKind
    author: str
    date: str | None
    start: int
    end: int
    text: str  # inserted text; else the original text the mark covers
    runs: tuple[StyledRun, ...] = ()  # an insertion's text with its italics and bold
    italic: bool | None = None  # a format change: what the reader set (None: untouched)
    bold: bool | None = None
    comment: str | None = None  # a comment's text, its replies on lines of their own


@dataclass(frozen=True)
class ReaderDocument:
    original: str
    marks: tuple[Mark, ...]
    properties: dict[str, str] = field(default_factory=dict)


def read_reader_file(data: bytes) -> ReaderDocument:
    """The reader's document in ``data`` (a .docx file's bytes); ``NotAWordFile`` if it is
    not one or is damaged."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        hint = " (an old .doc? save it as .docx)" if data[:4] == b"\xd0\xcf\x11\xe0" else ""
        raise NotAWordFile(f"not a Word .docx file{hint}") from error
    try:
        names = set(package.namelist())
        main = _main_part(package, names)
        if main is None:
            odt = " (an OpenDocument file? save it as .docx)" if "content.xml" in names else ""
            raise NotAWordFile(f"not a Word .docx file{odt}")
        document = etree.fromstring(package.read(main), _PARSER)
        folder = main.rsplit("/", 1)[0]
        comments = _comments(package, names, folder)
        properties = read_properties(package)
    except NotAWordFile:
        raise
    except (etree.XMLSyntaxError, zipfile.BadZipFile, KeyError, EOFError, OSError) as error:
        raise NotAWordFile(f"a damaged Word file ({_short(error)})") from error
    body = document.find(f"{{{W}}}body")
    if body is None:
        raise NotAWordFile("a damaged Word file (the document has no body)")
    walker = _Walker()
    for paragraph in _paragraphs(body):
        walker.paragraph(paragraph)
    original = "".join(walker.parts)
    marks = [*walker.marks, *_comment_marks(walker, comments, original)]
    marks.sort(key=lambda m: (m.start, m.end))
    return ReaderDocument(original, tuple(marks), properties)


def _short(error: BaseException) -> str:
    return str(error).splitlines()[0][:120] if str(error) else type(error).__name__


def _main_part(package: zipfile.ZipFile, names: set[str]) -> str | None:
    """The main document part, as the package relationships name it."""
    if "_rels/.rels" in names:
        rels = etree.fromstring(package.read("_rels/.rels"), _PARSER)
        for rel in rels.iter(f"{{{_REL_NS}}}Relationship"):
            if (rel.get("Type") or "").endswith(_OFFICE_DOCUMENT):
                target = (rel.get("Target") or "").lstrip("/")
                if target in names:
                    return target
    return "word/document.xml" if "word/document.xml" in names else None


_NAMES: dict[object, str] = {}  # tag -> local name; a document has a few dozen tags


def _local(element: etree._Element) -> str:
    tag = element.tag
    name = _NAMES.get(tag)
    if name is None:
        name = _NAMES[tag] = tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
    return name


def _paragraphs(container: etree._Element) -> Iterable[etree._Element]:
    """Body paragraphs in reading order, table cells included."""
    for child in container:
        name = _local(child)
        if name == "p":
            yield child
        elif name in _BLOCK_CONTAINERS:
            yield from _paragraphs(child)


def _is_on(rpr: etree._Element | None, name: str) -> bool:
    if rpr is None:
        return False
    element = rpr.find(f"{{{W}}}{name}")
    return element is not None and (element.get(f"{{{W}}}val") or "1").lower() not in _OFF


def _run_text(run: etree._Element) -> str:
    pieces = []
    for child in run:
        name = _local(child)
        if name in ("t", "delText"):
            pieces.append(child.text or "")
        elif name == "tab":
            pieces.append("\t")
        elif name in ("br", "cr"):
            pieces.append("\n")
        elif name == "noBreakHyphen":
            pieces.append("-")
    return "".join(pieces)


Change = tuple[str, str, str | None]  # "ins" / "del", author, date


class _Walker:
    """Builds the original text and the marks, one paragraph after another."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.marks: list[Mark] = []
        self._growing: int | None = None  # index of an insertion still at ``pos``
        self.comment_starts: dict[str, int] = {}
        self.comment_ends: dict[str, int] = {}
        self.comment_refs: dict[str, int] = {}

    def paragraph(self, paragraph: etree._Element) -> None:
        self._walk(paragraph, None)
        mark_rpr = paragraph.find(f"{{{W}}}pPr/{{{W}}}rPr")
        change = None
        if mark_rpr is not None:
            for name, kind in (("ins", "ins"), ("moveTo", "ins"), ("del", "del"), ("moveFrom", "del")):
                element = mark_rpr.find(f"{{{W}}}{name}")
                if element is not None:
                    change = (kind, *_who(element))
                    break
        if change is not None and change[0] == "ins":
            self._inserted(SEP, False, False, change)
        else:
            self._original(SEP, change)

    def _walk(self, element: etree._Element, change: Change | None) -> None:
        for child in element:
            name = _local(child)
            if name == "r":
                self._run(child, change)
            elif name in ("ins", "moveTo"):
                self._walk(child, ("ins", *_who(child)))
            elif name in ("del", "moveFrom"):
                self._walk(child, ("del", *_who(child)))
            elif name == "commentRangeStart":
                self.comment_starts.setdefault(child.get(_W_ID) or "", self.pos)
            elif name == "commentRangeEnd":
                self.comment_ends[child.get(_W_ID) or ""] = self.pos
            elif name in _CONTAINERS:
                self._walk(child, change)

    def _run(self, run: etree._Element, change: Change | None) -> None:
        for ref in run.iter(_W_COMMENTREFERENCE):
            self.comment_refs.setdefault(ref.get(_W_ID) or "", self.pos)
        text = _run_text(run)
        if not text:
            return
        rpr = run.find(_W_RPR)
        italic, bold = _is_on(rpr, "i"), _is_on(rpr, "b")
        if change is not None and change[0] == "ins":
            self._inserted(text, italic, bold, change)
            return
        start = self.pos
        self._original(text, change)
        previous = rpr.find(_W_RPRCHANGE) if rpr is not None else None
        if change is None and previous is not None:
            old = previous.find(_W_RPR)
            was_italic, was_bold = _is_on(old, "i"), _is_on(old, "b")
            if (was_italic, was_bold) != (italic, bold):
                self._format(start, text, italic if italic != was_italic else None,
                             bold if bold != was_bold else None, _who(previous))

    def _original(self, text: str, change: Change | None) -> None:
        start = self.pos
        self.parts.append(text)
        self.pos += len(text)
        self._growing = None
        if change is None:
            return
        last = self.marks[-1] if self.marks else None
        if last and last.kind == "deletion" and last.author == change[1] and last.end == start:
            self.marks[-1] = replace(last, end=self.pos, text=last.text + text)
        else:
            self.marks.append(Mark("deletion", change[1], change[2], start, self.pos, text))

    def _inserted(self, text: str, italic: bool, bold: bool, change: Change) -> None:
        run = (text, italic, bold)
        if self._growing is not None and self.marks[self._growing].author == change[1]:
            mark = self.marks[self._growing]
            self.marks[self._growing] = replace(mark, text=mark.text + text, runs=(*mark.runs, run))
            return
        self.marks.append(Mark("insertion", change[1], change[2], self.pos, self.pos, text, (run,)))
        self._growing = len(self.marks) - 1

    def _format(self, start: int, text: str, italic: bool | None, bold: bool | None,
                who: tuple[str, str | None]) -> None:
        last = self.marks[-1] if self.marks else None
        if (last and last.kind == "format" and last.end == start and last.author == who[0]
                and (last.italic, last.bold) == (italic, bold)):
            self.marks[-1] = replace(last, end=self.pos, text=last.text + text)
        else:
            self.marks.append(Mark("format", who[0], who[1], start, self.pos, text,
                                   italic=italic, bold=bold))


def _who(element: etree._Element) -> tuple[str, str | None]:
    return element.get(f"{{{W}}}author") or "", element.get(f"{{{W}}}date")


@dataclass(frozen=True)
class _Comment:
    id: str
    author: str
    date: str | None
    text: str
    para_id: str | None


def _comments(package: zipfile.ZipFile, names: set[str], folder: str) -> tuple[
    list[_Comment], dict[str, str]
]:
    """The comments part and, from ``commentsExtended.xml``, each reply's parent paraId."""
    part = f"{folder}/comments.xml"
    if part not in names:
        return [], {}
    root = etree.fromstring(package.read(part), _PARSER)
    comments = []
    for element in root.iter(f"{{{W}}}comment"):
        paragraphs = element.findall(f".//{{{W}}}p")
        text = "\n".join("".join(_run_text(r) for r in p.iter(f"{{{W}}}r")) for p in paragraphs)
        para_id = paragraphs[-1].get(f"{{{_W14}}}paraId") if paragraphs else None
        comments.append(_Comment(element.get(_W_ID) or "", *_who(element),
                                 text.strip(), para_id))
    parents: dict[str, str] = {}
    extended = f"{folder}/commentsExtended.xml"
    if extended in names:
        for entry in etree.fromstring(package.read(extended), _PARSER).iter(f"{{{_W15}}}commentEx"):
            parent = entry.get(f"{{{_W15}}}paraIdParent")
            if parent:
                parents[entry.get(f"{{{_W15}}}paraId") or ""] = parent
    return comments, parents


def _root(comment_id: str, parent_of: dict[str, str]) -> str:
    while comment_id in parent_of:
        comment_id = parent_of[comment_id]
    return comment_id


def _comment_marks(
    walker: _Walker, found: tuple[list[_Comment], dict[str, str]], original: str
) -> list[Mark]:
    """One mark per comment thread, replies folded into the comment they answer.

    Word names a reply's parent in ``commentsExtended.xml``; LibreOffice writes a reply as a
    comment without a range of its own, referenced where its parent's range starts.
    """
    comments, parents = found
    by_para = {c.para_id: c.id for c in comments if c.para_id}
    anchors: dict[str, tuple[int, int]] = {}
    for comment in comments:
        start = walker.comment_starts.get(comment.id)
        end = walker.comment_ends.get(comment.id)
        if start is not None and end is not None and end >= start:
            anchors[comment.id] = (start, end)
        elif comment.id in walker.comment_refs:
            anchors[comment.id] = (walker.comment_refs[comment.id],) * 2
    ranged_at = {span[0]: cid for cid, span in anchors.items() if span[1] > span[0]}
    parent_of: dict[str, str] = {}
    for comment in comments:
        parent = by_para.get(parents.get(comment.para_id or "", ""))
        span = anchors.get(comment.id)
        if parent is None and span is not None and span[0] == span[1]:
            parent = ranged_at.get(span[0])
        if parent is not None and _root(parent, parent_of) != comment.id:  # no cycles
            parent_of[comment.id] = parent
    replies: dict[str, list[_Comment]] = {}
    for comment in comments:
        if comment.id in parent_of:
            replies.setdefault(_root(comment.id, parent_of), []).append(comment)
    marks = []
    for comment in comments:
        if comment.id in parent_of or comment.id not in anchors:
            continue
        start, end = anchors[comment.id]
        thread = sorted(replies.get(comment.id, []), key=lambda c: c.date or "")
        text = "\n".join([comment.text, *(f"{r.author or 'Reply'}: {r.text}" for r in thread)])
        marks.append(Mark("comment", comment.author, comment.date, start, end,
                          original[start:end], comment=text))
    return marks
