"""Typographic quotes, apostrophes, dashes and ellipses, and whitespace clean-up.

Quotes are decided on a whole paragraph (an italic word may sit between a quote and its
partner), so ``curl_quotes`` keeps every character's position and the exporters can apply it
before cutting the paragraph into styled segments.
"""

from __future__ import annotations

import re

from ficwriter.core.export.options import ExportOptions
from ficwriter.core.inline import Segment

_OPENING_CONTEXT = set(" \t\n([{\u2014\u2013-/\u201c\u2018")
_DASHES = ((re.compile(r"(?<=\S) ?-{2,3} ?(?=\S)|(?<=\s)-{2,3}(?=\s)"), "\u2014"),
           (re.compile(r"(?<=\w) - (?=\w)"), " \u2013 "))  # fmt: skip
_ELISION = re.compile(r"\d|(?:em|cause|til|bout|tis|twas|n)\b", re.IGNORECASE)
_ELLIPSIS = re.compile(r"\.\.\.|\. \. \.")
_SPACES = re.compile(r"[ \t\u00a0]{2,}|\t")
_SPACE_AT_LINE_END = re.compile(r"[ \t]+\n|\n[ \t]+")


def curl_quotes(text: str, *, quotes: bool, apostrophes: bool) -> str:
    """Straight ``"`` and ``'`` turned curly; the result has the same length as ``text``."""
    out = list(text)
    for index, char in enumerate(text):
        if char not in "\"'":
            continue
        before = text[index - 1] if index else " "
        rest = text[index + 1 : index + 5]
        opening = before in _OPENING_CONTEXT
        if char == '"':
            if quotes:
                out[index] = "\u201c" if opening else "\u201d"
        elif before.isalnum() and rest[:1].isalnum() or opening and _ELISION.match(rest):
            if apostrophes:
                out[index] = "\u2019"  # don't, Lexa's, '90s, 'em
        elif before.isalnum():
            if apostrophes or quotes:
                out[index] = "\u2019"  # girls' (apostrophe) or a closing quote: one glyph
        elif quotes:
            out[index] = "\u2018" if opening else "\u2019"
    return "".join(out)


def dashes_and_ellipses(text: str, *, dashes: bool, ellipses: bool) -> str:
    if dashes:
        for pattern, replacement in _DASHES:
            text = pattern.sub(replacement, text)
    if ellipses:
        text = _ELLIPSIS.sub("\u2026", text)
    return text


def typeset(segments: list[Segment], options: ExportOptions) -> list[Segment]:
    """The paragraph's segments with the typography and whitespace ``options`` ask for."""
    if options.quotes or options.apostrophes:
        joined = curl_quotes(
            "".join(s.text for s in segments),
            quotes=options.quotes,
            apostrophes=options.apostrophes,
        )
        curled: list[Segment] = []
        start = 0
        for segment in segments:
            end = start + len(segment.text)
            curled.append(Segment(joined[start:end], segment.italic, segment.bold))
            start = end
        segments = curled
    out = [
        Segment(
            dashes_and_ellipses(s.text, dashes=options.dashes, ellipses=options.ellipses),
            s.italic,
            s.bold,
        )
        for s in segments
    ]
    if options.normalize_whitespace:
        out = _normalize_segments(out)
    return [s for s in out if s.text]


def _normalize_segments(segments: list[Segment]) -> list[Segment]:
    """Whitespace normalised across segment edges (a space may end one and start the next)."""
    result: list[Segment] = []
    previous_space = True  # nothing before the paragraph: leading spaces go
    for segment in segments:
        text = _SPACES.sub(" ", segment.text.replace("\t", " "))
        text = _SPACE_AT_LINE_END.sub("\n", text)
        if previous_space:
            text = text.lstrip(" ")
        if text:
            previous_space = text[-1] in " \n"
        result.append(Segment(text, segment.italic, segment.bold))
    while result and result[-1].text.endswith((" ", "\n")):
        last = result.pop()
        stripped = last.text.rstrip(" \n")
        if stripped:
            result.append(Segment(stripped, last.italic, last.bold))
            break
    return result
