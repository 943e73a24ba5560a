"""Reading text files whatever their encoding and line ends, and writing them back alike.

Writers' files come from Word (Windows-1252 curly quotes), Notepad (UTF-16 with a BOM, CRLF),
old Macs (CR) and everything else. Inside ficwriter text is always LF; ``DecodedText``
remembers how the file was written so a save keeps the writer's newline style.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Word's export encoding: preferred over a near-equal guess of another single-byte code page.
_WINDOWS_1252 = "cp1252"
_CHAOS_MARGIN = 0.05


class UnreadableFile(ValueError):
    """The file is not text ficwriter can decode (binary, or no encoding fits)."""


@dataclass(frozen=True)
class DecodedText:
    """A file's text with LF line ends, and how the file itself was written."""

    text: str
    encoding: str
    newline: str  # "\n", "\r\n" or "\r": the file's dominant line end

    def encode(self, text: str) -> bytes:
        """``text`` (LF) as bytes in this file's encoding and newline style."""
        return encode_text(text, self.encoding, self.newline)


def detect_newline(text: str) -> str:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    counts = {"\r\n": crlf, "\r": cr, "\n": lf}
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else "\n"


def to_lf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def encode_text(text: str, encoding: str = "utf-8", newline: str = "\n") -> bytes:
    """LF ``text`` encoded for a file written with ``encoding`` and ``newline``."""
    if newline != "\n":
        text = text.replace("\n", newline)
    return text.encode(encoding)


def _guess_encoding(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise UnreadableFile("not a text file (no text encoding fits its bytes)")
    for match in matches:
        if match.encoding == _WINDOWS_1252 and match.chaos <= best.chaos + _CHAOS_MARGIN:
            return _WINDOWS_1252
    if best.encoding != _WINDOWS_1252 and _fits_better_as_cp1252(data, best.encoding):
        return _WINDOWS_1252
    return best.encoding


_WORD = re.compile(r"[^\W\d_]+")


def _mixed_words(text: str) -> int:
    """Words mixing ASCII letters with letters of a non-Latin script ("УnoФ", "Renﻠe").

    Real words are written in one script; a word half Latin, half Cyrillic or Arabic is
    what a wrong single-byte code page makes of Word's curly quotes and accented letters.
    """
    return sum(
        1
        for word in _WORD.findall(text)
        if not word.isascii()
        and any(c.isascii() for c in word)
        and any(not c.isascii() and not unicodedata.name(c, "").startswith("LATIN") for c in word)
    )


def _fits_better_as_cp1252(data: bytes, guess: str) -> bool:
    """Short files give charset-normalizer too little to go on: a line with Word's curly
    quotes may come back as a Cyrillic or Arabic code page. Windows-1252 wins when it reads
    the bytes cleanly and the guess makes mixed-script words that Windows-1252 does not."""
    try:
        as_1252 = data.decode(_WINDOWS_1252)
        as_guess = data.decode(guess)
    except (UnicodeDecodeError, LookupError):
        return False
    return _mixed_words(as_1252) < _mixed_words(as_guess)


def decode_bytes(data: bytes) -> DecodedText:
    """Decode a file's bytes; raises ``UnreadableFile`` for binary data."""
    if b"\x00" in data and not data.startswith(tuple(b for b, _ in _BOMS)):
        # NUL bytes without a BOM: UTF-16/32 text is still possible, binary more likely.
        best = from_bytes(data).best()
        if best is None or not best.encoding.startswith("utf_16") and not best.encoding.startswith(
            "utf_32"
        ):
            raise UnreadableFile("binary file (it holds NUL bytes)")
    encoding = _guess_encoding(data)
    try:
        raw = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"cannot be decoded as {encoding}: {error.reason}") from error
    if "\x00" in raw:
        raise UnreadableFile("binary file (it holds NUL characters)")
    return DecodedText(text=to_lf(raw), encoding=encoding, newline=detect_newline(raw))


def read_text(path: Path) -> DecodedText:
    """Read ``path`` as text; ``OSError`` for a missing file, ``UnreadableFile`` for binary."""
    return decode_bytes(Path(path).read_bytes())
