"""Long paragraphs cut at sentence ends, so that each engine call stays small.

A story pasted without blank lines is one paragraph of a megabyte or more. Harper's time
grows faster than the text on such input, LanguageTool refuses requests that big, one call
cannot be shared between the two workers, and an edit anywhere in it would send the whole
paragraph again. So the scheduler sends a paragraph longer than ``PIECE_CHARS`` as pieces:
each ends at the last sentence end that fits (else at a space, else at the limit), the
pieces together are exactly the paragraph, and each is cached on its own text. Findings
come back in a piece's offsets and are shifted by the piece's start, so they land exactly
where they would have in the whole paragraph. Paragraphs of ordinary length are one piece.
"""

from __future__ import annotations

import re

PIECE_CHARS = 3_000  # about 500 words: far above a normal paragraph, small for an engine

# A sentence end: terminal punctuation, any closing quotes, brackets or emphasis, white
# space, then what starts a sentence: a capital or a digit, maybe behind an opening quote.
# ("Where?" she asked. - the question mark ends no sentence there.)
_SENTENCE_END = re.compile(
    r"[.!?\u2026]+[\"'\u201d\u2019\u00bb)\]*_]*\s+(?=[\"'\u201c\u2018\u00ab(\[*_]*[^\W_])"
)
_SPACE = re.compile(r"\s+")


def pieces(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, str]]:
    """``(offset, piece)`` pairs whose pieces, in order, are exactly ``text``; none is longer
    than ``limit``. A text of at most ``limit`` characters is one piece."""
    if len(text) <= limit:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        out.append((start, text[start:end]))
        start = end
    out.append((start, text[start:]))
    return out


def _cut(text: str, start: int, stop: int) -> int:
    """Where the piece starting at ``start`` ends, at most ``stop``: after the last sentence
    end (and its white space) that fits, else after the last white space, else at ``stop``."""
    last = None
    for found in _SENTENCE_END.finditer(text, start, stop):
        if not _starts_lower(text, found.end()):
            last = found
    if last is None:
        for last in _SPACE.finditer(text, start, stop):
            pass
    return last.end() if last is not None else stop


def _starts_lower(text: str, at: int) -> bool:
    """The sentence that would start at ``at`` starts with a small letter ("she asked")."""
    while at < len(text) and not text[at].isalnum():
        at += 1
    return at < len(text) and text[at].islower()
