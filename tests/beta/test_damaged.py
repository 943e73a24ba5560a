"""Files that are not Word documents, or damaged ones: one sentence, nothing else."""

from __future__ import annotations

import io
import zipfile

import pytest

from ficwriter.beta.reader import NotAWordFile, read_reader_file
from tests.beta.conftest import Sent


def _replaced(docx: bytes, name: str, data: bytes | None) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            if item.filename != name:
                target.writestr(item, source.read(item))
        if data is not None:
            target.writestr(name, data)
    return out.getvalue()


def test_text_pdf_and_old_doc_files_are_not_word_documents() -> None:
    for data, hint in ((b"Just some text\n", ""), (b"%PDF-1.7\n...", ""),
                       (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "old .doc")):
        with pytest.raises(NotAWordFile) as error:
            read_reader_file(data)
        assert "not a Word .docx file" in str(error.value) and hint in str(error.value)


def test_an_opendocument_file_is_named_as_one() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(NotAWordFile, match="OpenDocument"):
        read_reader_file(out.getvalue())


def test_a_cut_off_download_and_broken_xml_are_damaged_files(sent: Sent) -> None:
    with pytest.raises(NotAWordFile, match="not a Word"):
        read_reader_file(sent.docx[: len(sent.docx) // 2])
    broken = _replaced(sent.docx, "word/document.xml", b"<w:document><w:body><w:p>")
    with pytest.raises(NotAWordFile, match="damaged") as error:
        read_reader_file(broken)
    assert "\n" not in str(error.value)
    no_comments = _replaced(sent.docx, "word/comments.xml", b"\x00\x01 not xml")
    with pytest.raises(NotAWordFile, match="damaged"):
        read_reader_file(no_comments)


def test_entities_in_a_returned_file_are_not_expanded(sent: Sent) -> None:
    evil = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>")
    document = read_reader_file(_replaced(sent.docx, "word/document.xml", evil))
    assert "root:" not in document.original
