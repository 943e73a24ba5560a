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
    """A story paragraph with its place: index in ``paragraphs(notes=True)`` and scene."""

    index: int
    scene: int
    plain: PlainText
    text: ParagraphText

    def issue(self, found: Finding) -> Issue:
        """``found`` (in this paragraph's plain offsets) as an Issue in file offsets."""
        start, end = self.plain.source_span(found.start, found.end)
        same = {f.name: getattr(found, f.name) for f in fields(found)}
        same.update(start=start, end=end)
        return Issue(**same, engine=ENGINE, paragraph=self.index, scene=self.scene)


class _ByText:
    """A chapter as a cache key: two parses of the same text are the same chapter."""

    def __init__(self, chapter: Chapter) -> None:
        self.chapter = chapter

    def __hash__(self) -> int:
        return hash(self.chapter.text)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _ByText) and other.chapter.text == self.chapter.text


def scenes_of(chapter: Chapter) -> tuple[tuple[PlacedParagraph, ...], ...]:
    """Each scene's story paragraphs, in order (notes are not story and are left out).

    The chapter rules run one after the other on the same chapter, so the work of
    reading it is shared between them.
    """
    return _scenes(_ByText(chapter))


@lru_cache(maxsize=4)
def _scenes(key: _ByText) -> tuple[tuple[PlacedParagraph, ...], ...]:
    chapter = key.chapter
    index = {p.span.start: k for k, p in enumerate(chapter.paragraphs(notes=True))}
    out = []
    for scene in chapter.scenes:
        placed = []
        for paragraph in scene.paragraphs:
            plain = plain_text(paragraph.text, base=paragraph.span.start)
            text = ParagraphText(plain.text)
            placed.append(PlacedParagraph(index[paragraph.span.start], scene.index, plain, text))
        out.append(tuple(placed))
    return tuple(out)
