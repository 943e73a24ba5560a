"""Returned files made by LibreOffice: the tests write flat ODT documents with tracked
changes and comments (as a reader's LibreOffice keeps them), and ``soffice --headless
--convert-to docx`` writes the Word file a reader would send back."""

from __future__ import annotations

import itertools
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest

from tests.beta.marked import DATE, MARK_INSERTED, Del, Fmt, Ins, Italic, Note, Piece

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice (soffice) is not installed; .ci/run installs libreoffice-writer",
)

_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">"""
_STYLES = ('<office:automatic-styles><style:style style:name="T1" style:family="text">'
           '<style:text-properties fo:font-style="italic"/></style:style>'
           "</office:automatic-styles>")


def _info(author: str) -> str:
    return (f"<office:change-info><dc:creator>{escape(author)}</dc:creator>"
            f"<dc:date>{DATE[:-1]}</dc:date></office:change-info>")


def fodt(paragraphs: Sequence[Sequence[Piece | str]], properties: Mapping[str, str]) -> str:
    """A flat ODT document of ``paragraphs`` with tracked changes and comments."""
    ids = itertools.count(1)
    regions: list[str] = []
    body: list[str] = []
    carry = ""  # a paragraph mark inserted at the end of the paragraph before

    def text(value: str, italic: bool = False) -> str:
        value = escape(value).replace("  ", " <text:s/>")
        return f'<text:span text:style-name="T1">{value}</text:span>' if italic else value

    for pieces in paragraphs:
        out = [carry]
        carry = ""
        for piece in pieces:
            if piece == MARK_INSERTED:
                cid = f"c{next(ids)}"
                regions.append(f'<text:changed-region text:id="{cid}"><text:insertion>'
                               f"{_info('Mia')}</text:insertion></text:changed-region>")
                out.append(f'<text:change-start text:change-id="{cid}"/>')
                carry = f'<text:change-end text:change-id="{cid}"/>'
            elif isinstance(piece, str):
                out.append(text(piece))
            elif isinstance(piece, Italic):
                out.append(text(piece.text, True))
            elif isinstance(piece, (Ins, Fmt)):
                cid = f"c{next(ids)}"
                kind = "insertion" if isinstance(piece, Ins) else "format-change"
                regions.append(f'<text:changed-region text:id="{cid}"><text:{kind}>'
                               f"{_info(piece.author)}</text:{kind}></text:changed-region>")
                out.append(f'<text:change-start text:change-id="{cid}"/>'
                           f"{text(piece.text, piece.italic)}"
                           f'<text:change-end text:change-id="{cid}"/>')
            elif isinstance(piece, Del):
                cid = f"c{next(ids)}"
                regions.append(f'<text:changed-region text:id="{cid}"><text:deletion>'
                               f"{_info(piece.author)}<text:p>{text(piece.text, piece.italic)}"
                               "</text:p></text:deletion></text:changed-region>")
                out.append(f'<text:change text:change-id="{cid}"/>')
            elif isinstance(piece, Note):
                name = f"a{next(ids)}"
                out.append(f'<office:annotation office:name="{name}"><dc:creator>'
                           f"{escape(piece.author)}</dc:creator><dc:date>{DATE[:-1]}</dc:date>"
                           f"<text:p>{escape(piece.body)}</text:p></office:annotation>")
                for author, reply in piece.replies:
                    out.append(f'<office:annotation loext:parent-name="{name}" '
                               f'office:name="{name}r{next(ids)}"><dc:creator>{escape(author)}'
                               f"</dc:creator><dc:date>{DATE[:-1]}</dc:date>"
                               f"<text:p>{escape(reply)}</text:p></office:annotation>")
                out.append(f'{text(piece.text)}<office:annotation-end office:name="{name}"/>')
            else:
                raise ValueError(f"LibreOffice files cannot hold {piece!r}")
        body.append(f"<text:p>{''.join(out)}</text:p>")
    meta = "".join(f"<meta:user-defined meta:name={quoteattr(k)}>{escape(v)}</meta:user-defined>"
                   for k, v in properties.items())
    changes = f'<text:tracked-changes text:track-changes="true">{"".join(regions)}</text:tracked-changes>'
    return (f"{_HEAD}<office:meta>{meta}</office:meta>{_STYLES}<office:body><office:text>"
            f"{changes}{''.join(body)}</office:text></office:body></office:document>")


def convert(documents: Mapping[str, str], folder: Path) -> dict[str, bytes]:
    """Each flat ODT text (by name) as the .docx LibreOffice writes of it; one soffice run."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = []
    for name, content in documents.items():
        path = folder / f"{name}.fodt"
        path.write_text(content, encoding="utf-8")
        sources.append(str(path))
    assert SOFFICE is not None
    profile = folder / "profile"  # a profile of its own: no clash with another soffice
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         "docx:MS Word 2007 XML", "--outdir", str(folder), *sources],
        check=True, capture_output=True, timeout=240,
    )
    return {name: (folder / f"{name}.docx").read_bytes() for name in documents}
