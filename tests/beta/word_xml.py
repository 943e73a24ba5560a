"""Returned files written the way Word writes them, into the package ``beta send`` made.

Word splits a paragraph's text into many runs (wherever the cursor went, each with ``w:rsid``
attributes, spelling marks between them), so runs here are cut every few characters, in
the middle of words; moves are ``w:moveFrom``/``w:moveTo`` with their range marks;
comments live in ``word/comments.xml`` and replies name their parent in
``word/commentsExtended.xml``.
"""

from __future__ import annotations

import io
import itertools
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

from tests.beta.marked import (
    DATE, MARK_DELETED, MARK_INSERTED, Del, Fmt, Ins, Italic, MoveFrom, MoveTo, Note, Piece,
)

_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
       'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"')
_COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
_EXTENDED_TYPE = ("application/vnd.openxmlformats-officedocument.wordprocessingml."
                  "commentsExtended+xml")
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
_REL_EXT = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"


class _Writer:
    def __init__(self) -> None:
        self.ids = itertools.count(100)
        self.rsid = itertools.cycle(["00A1B2C3", "004F5E6D", "00C0FFEE"])
        self.comments: list[str] = []
        self.extended: list[str] = []

    def runs(self, text: str, *, italic: bool = False, deleted: bool = False,
             change: str = "") -> str:
        """``text`` as runs cut every 3 characters (mid-word), as Word leaves them."""
        tag = "w:delText" if deleted else "w:t"
        out = []
        for k in range(0, len(text), 3):
            chunk = text[k : k + 3]
            props = ("<w:i/>" if italic else "") + change
            out.append(
                f'<w:r w:rsidR="{next(self.rsid)}" w:rsidRPr="{next(self.rsid)}">'
                f"{'<w:rPr>' + props + '</w:rPr>' if props else ''}"
                f'<{tag} xml:space="preserve">{escape(chunk)}</{tag}></w:r>'
            )
            if k == 3:
                out.append('<w:proofErr w:type="spellStart"/>')
        return "".join(out)

    def who(self, author: str) -> str:
        return f'w:id="{next(self.ids)}" w:author={quoteattr(author)} w:date="{DATE}"'

    def piece(self, piece: Piece) -> str:
        if isinstance(piece, str):
            return self.runs(piece)
        if isinstance(piece, Italic):
            return self.runs(piece.text, italic=True)
        if isinstance(piece, Ins):
            return f"<w:ins {self.who(piece.author)}>{self.runs(piece.text, italic=piece.italic)}</w:ins>"
        if isinstance(piece, Del):
            body = self.runs(piece.text, italic=piece.italic, deleted=True)
            return f"<w:del {self.who(piece.author)}>{body}</w:del>"
        if isinstance(piece, (MoveFrom, MoveTo)):
            kind = "moveFrom" if isinstance(piece, MoveFrom) else "moveTo"
            name = f'w:name="move{abs(hash(piece.text)) % 1000}"'
            rid = next(self.ids)
            body = self.runs(piece.text, deleted=isinstance(piece, MoveFrom))
            return (f'<w:{kind}RangeStart w:id="{rid}" {name} w:author={quoteattr(piece.author)}'
                    f' w:date="{DATE}"/><w:{kind} {self.who(piece.author)}>{body}</w:{kind}>'
                    f'<w:{kind}RangeEnd w:id="{rid}"/>')
        if isinstance(piece, Fmt):
            old = "" if piece.italic else "<w:rPr><w:i/></w:rPr>"
            change = f"<w:rPrChange {self.who(piece.author)}>{old}</w:rPrChange>"
            return self.runs(piece.text, italic=piece.italic, change=change)
        assert isinstance(piece, Note)
        cid = len(self.comments)
        ids = [cid]
        self.comment(cid, piece.author, piece.body, None)
        for author, text in piece.replies:
            ids.append(len(self.comments))
            self.comment(ids[-1], author, text, cid)
        starts = "".join(f'<w:commentRangeStart w:id="{i}"/>' for i in ids)
        ends = "".join(f'<w:commentRangeEnd w:id="{i}"/><w:r><w:commentReference w:id="{i}"/></w:r>'
                       for i in ids)
        return starts + self.runs(piece.text) + ends

    def comment(self, cid: int, author: str, text: str, parent: int | None) -> None:
        para = f"{cid + 1:08X}"
        self.comments.append(
            f'<w:comment w:id="{cid}" w:author={quoteattr(author)} w:date="{DATE}">'
            f'<w:p w14:paraId="{para}"><w:r><w:t>{escape(text)}</w:t></w:r></w:p></w:comment>'
        )
        parent_attr = f' w15:paraIdParent="{parent + 1:08X}"' if parent is not None else ""
        self.extended.append(f'<w15:commentEx w15:paraId="{para}"{parent_attr} w15:done="0"/>')

    def paragraph(self, pieces: Sequence[Piece | str]) -> str:
        mark = ""
        body = []
        for piece in pieces:
            if piece == MARK_INSERTED:
                mark = f"<w:pPr><w:rPr><w:ins {self.who('Mia')}/></w:rPr></w:pPr>"
            elif piece == MARK_DELETED:
                mark = f"<w:pPr><w:rPr><w:del {self.who('Mia')}/></w:rPr></w:pPr>"
            else:
                body.append(self.piece(piece))
        return f'<w:p w:rsidR="{next(self.rsid)}">{mark}{"".join(body)}</w:p>'


def word_file(sent: bytes, paragraphs: Sequence[Sequence[Piece | str]]) -> bytes:
    """``sent`` (a ``beta send`` file) with its body replaced by ``paragraphs``, marked up as
    Word marks a reader's changes; the package's other parts (custom properties) stay."""
    writer = _Writer()
    body = "".join(writer.paragraph(p) for p in paragraphs)
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_NS}><w:body>{body}<w:sectPr/></w:body></w:document>'
    source = zipfile.ZipFile(io.BytesIO(sent))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = document.encode()
            elif item.filename == "[Content_Types].xml" and writer.comments:
                data = data.replace(b"</Types>", (
                    f'<Override PartName="/word/comments.xml" ContentType="{_COMMENTS_TYPE}"/>'
                    f'<Override PartName="/word/commentsExtended.xml" ContentType="{_EXTENDED_TYPE}"/>'
                    "</Types>").encode())
            elif item.filename == "word/_rels/document.xml.rels" and writer.comments:
                data = data.replace(b"</Relationships>", (
                    f'<Relationship Id="rIdC1" Type="{_REL}" Target="comments.xml"/>'
                    f'<Relationship Id="rIdC2" Type="{_REL_EXT}" Target="commentsExtended.xml"/>'
                    "</Relationships>").encode())
            target.writestr(item, data)
        if writer.comments:
            target.writestr("word/comments.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:comments {_NS}>{"".join(writer.comments)}</w:comments>')
            target.writestr("word/commentsExtended.xml", f'<?xml version="1.0" encoding="UTF-8"?><w15:commentsEx {_NS}>{"".join(writer.extended)}</w15:commentsEx>')
    return out.getvalue()
