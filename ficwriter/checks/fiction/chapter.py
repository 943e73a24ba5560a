"""Story paragraphs of a chapter as the chapter rules see them, and their findings placed.

Chapter rules read plain text (emphasis markers removed) like the paragraph engines, and
map what they find back to the file through ``PlainText.source_span``, so an underline
lands on the same characters whether or not the word was in italics.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache

from ficwriter.checks.fiction.text import ParagraphText
from ficwriter.checks.issue import Finding, Issue
from ficwriter.core.chapter import Chapter
from ficwriter.core.inline import PlainText, plain_text

ENGINE = "fiction"


@dataclass(frozen=True)
class PlacedParagraph:
    """A story paragraph with its place: index in ``paragraphs(notes=True)``, scene, offset.

    ``plain`` and ``text`` describe the paragraph on its own (offsets from its first
    character) and are shared by every chapter holding the same paragraph text, so after
    an edit only the changed paragraph is read again.
    """

    index: int
    scene: int
    base: int  # file offset of the paragraph's first character
    plain: PlainText
    text: ParagraphText

    def issue(self, found: Finding) -> Issue:
        """``found`` (in this paragraph's plain offsets) as an Issue in file offsets."""
        start, end = self.plain.source_span(found.start, found.end)
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
            plain, text = analysed(paragraph.text)
            start = paragraph.span.start
            placed.append(PlacedParagraph(index[start], scene.index, start, plain, text))
        out.append(placed)
    _last_placed = (chapter, out)
    return out
