"""Files from Word, Notepad and old Macs decode to LF text and save back in their style."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from ficwriter.core.textfile import UnreadableFile, decode_bytes, read_text

TEXT = "Clarke’s “cave” – naïve\nLexa waited…\n"


@pytest.mark.parametrize(
    ("data", "encoding", "newline"),
    [
        (TEXT.encode("utf-8"), "utf-8", "\n"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig", "\n"),
        (TEXT.replace("\n", "\r\n").encode("utf-16"), "utf-16", "\r\n"),
        (TEXT.replace("\n", "\r").encode("cp1252"), "cp1252", "\r"),
    ],
)
def test_writers_files_decode_to_lf_and_encode_back_identically(
    data: bytes, encoding: str, newline: str
) -> None:
    decoded = decode_bytes(data)
    assert decoded.text == TEXT
    assert (decoded.encoding, decoded.newline) == (encoding, newline)
    assert decoded.encode(decoded.text) == data


def test_binary_files_are_refused_with_a_reason(tmp_path: Path) -> None:
    png = tmp_path / "cover.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(UnreadableFile, match="binary"):
        read_text(png)


def test_missing_file_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_text(tmp_path / "nope.txt")


@pytest.mark.parametrize("line", ["He said “no”.\n", "Renée smiled.\n", "Ça va, Zoë? «Très bien».\n"])
def test_a_short_word_export_reads_as_windows_1252(line: str) -> None:
    """One line gives the encoding guess little to go on; Word's quotes must still come out."""
    assert decode_bytes(line.encode("cp1252")).text == line


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Она не обернулась, когда ворота закрылись за ней.\n", "cp1251"),
        ("Zażółć gęślą jaźń. Łódź była piękna tej nocy, a ona szła dalej.\n", "cp1250"),
    ],
)
def test_other_single_byte_code_pages_are_not_taken_for_windows_1252(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding)).text == text
