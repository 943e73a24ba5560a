"""Story paragraphs of a chapter as the chapter rules see them, and their findings placed.

Chapter rules read plain text (emphasis markers removed) like the paragraph engines, and
map what they find back to the file through ``PlainText.source_span``, so an underline
lands on the same characters whether or not the word was in italics.

A paragraph longer than ``PIECE_CHARS`` (a story pasted without blank lines) is read in the
pieces the engines get (``checks.pieces``, cut at sentence ends), each analysed when a rule
asks and let go after: analysed whole, a 10 MB paragraph's words alone took some 600 MB.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache

from ficwriter.checks.fiction.text import ParagraphText
from ficwriter.checks.pieces import PIECE_CHARS, pieces
from ficwriter.checks.issue import Finding, Issue
from ficwriter.core.chapter import Chapter
from ficwriter.core.inline import PlainText, plain_text

ENGINE = "fiction"


@dataclass(frozen=True)
class PlacedParagraph:
    """A story paragraph (or a piece of a very long one) with its place: index in
    ``paragraphs(notes=True)``, scene, offset.

    ``plain`` and ``analysis`` describe the paragraph on its own (offsets from its first
    character) and are shared by every chapter holding the same paragraph text, so after
    an edit only the changed paragraph is read again. A piece has no ``analysis``: its
    text is ``plain.text[offset:offset + length]``, analysed anew each time ``text`` is read.
    """

    index: int
    scene: int
    base: int  # file offset of the paragraph's first character
    plain: PlainText
    analysis: ParagraphText | None
    offset: int = 0  # a piece's start in ``plain.text``
    length: int = 0  # a piece's length

    @property
    def text(self) -> ParagraphText:
        """What the rules read, in offsets from this paragraph's (or piece's) start; a
        rule reads it once per paragraph."""
        if self.analysis is not None:
            return self.analysis
        return ParagraphText(self.plain.text[self.offset : self.offset + self.length])

    def issue(self, found: Finding) -> Issue:
        """``found`` (in this paragraph's plain offsets) as an Issue in file offsets."""
        at = self.offset
        start, end = self.plain.source_span(at + found.start, at + found.end)
        same = {f.name: getattr(found, f.name) for f in fields(found)}
        same.update(start=self.base + start, end=self.base + end)
        return Issue(**same, engine=ENGINE, paragraph=self.index, scene=self.scene)


@lru_cache(maxsize=16384)
def analysed(paragraph_text: str) -> tuple[PlainText, ParagraphText]:
    """One paragraph's plain text and its analysis, remembered by the paragraph's text."""
    plain = plain_text(paragraph_text)
    return plain, ParagraphText(plain.text)


_last_placed: tuple[Chapter, list[list[PlacedParagraph]]] | None = None


def scenes_of(chapter: Chapter) -> list[list[PlacedParagraph]]:
    """Each scene's story paragraphs, in order (notes are not story and are left out).

    Every chapter rule asks for the same chapter in turn, so the last answer is kept: on a
    100,000-word chapter placing the paragraphs costs about as much as a rule itself.
    """
    global _last_placed
    last = _last_placed
    if last is not None and last[0] is chapter:
        return last[1]
    index = {p.span.start: k for k, p in enumerate(chapter.paragraphs(notes=True))}
    out = []
    for scene in chapter.scenes:
        placed = []
        for paragraph in scene.paragraphs:
            start = paragraph.span.start
            if len(paragraph.text) <= PIECE_CHARS:
                plain, text = analysed(paragraph.text)
                placed.append(PlacedParagraph(index[start], scene.index, start, plain, text))
                continue
            plain = plain_text(paragraph.text)
            placed.extend(
                PlacedParagraph(index[start], scene.index, start, plain, None, at, len(piece))
                for at, piece in pieces(plain.text)
            )
        out.append(placed)
    _last_placed = (chapter, out)
    return out
