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
