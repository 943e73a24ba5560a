"""Cutting a text into content-addressed pieces, and packing a revision's list of them.

A piece is one paragraph together with the newlines that follow it, so joining a revision's
pieces gives back its text exactly, whatever its blank lines or missing final newline.
Editing one paragraph of a long chapter adds one new piece; the others are shared with
earlier revisions. A revision's body is its piece ids as little-endian 32-bit integers,
zlib-compressed: a 170-paragraph chapter costs a few hundred bytes per revision.
"""

from __future__ import annotations

import hashlib
import re
import struct
import zlib
from collections.abc import Sequence

# A cut after a blank line, where the next paragraph begins.
_CUT = re.compile(r"(?<=\n\n)(?=[^\n])")
_ID = struct.Struct("<I")


def split_pieces(text: str) -> list[str]:
    """``text`` as pieces whose concatenation is ``text``; no pieces for empty text."""
    return _CUT.split(text) if text else []


def piece_hash(piece: str) -> bytes:
    """The key a piece is stored under (16 bytes of BLAKE2b over its UTF-8)."""
    return hashlib.blake2b(piece.encode("utf-8"), digest_size=16).digest()


def text_hash(text: str) -> str:
    """The content hash of a whole text, as revisions and the watcher compare it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def pack_ids(ids: Sequence[int]) -> bytes:
    return zlib.compress(struct.pack(f"<{len(ids)}I", *ids))


def unpack_ids(body: bytes) -> list[int]:
    raw = zlib.decompress(body)
    return [value for (value,) in _ID.iter_unpack(raw)]
