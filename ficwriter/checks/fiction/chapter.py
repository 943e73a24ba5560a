"""Story paragraphs of a chapter as the chapter rules see them, and their findings placed.

Chapter rules read plain text (emphasis markers removed) like the paragraph engines, and
map what they find back to the file through ``PlainText.source_span``, so an underline
lands on the same characters whether or not the word was in italics.
"""

from __future__ import annotations

from dataclasses import dataclass

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
        start, end = self.plain.source_span(found.start, found.end)
        return Issue(
            start=start,
            end=end,
            category=found.category,
            rule_id=found.rule_id,
            rule_name=found.rule_name,
            message=found.message,
            engine=ENGINE,
            suggestions=found.suggestions,
            severity=found.severity,
            paragraph=self.index,
            scene=self.scene,
        )


def scenes_of(chapter: Chapter) -> list[list[PlacedParagraph]]:
    """Each scene's story paragraphs, in order (notes are not story and are left out)."""
    index = {p.span.start: k for k, p in enumerate(chapter.paragraphs(notes=True))}
    out: list[list[PlacedParagraph]] = []
    for scene in chapter.scenes:
        placed = []
        for paragraph in scene.paragraphs:
            plain = plain_text(paragraph.text, base=paragraph.span.start)
            placed.append(
                PlacedParagraph(index[paragraph.span.start], scene.index, plain, ParagraphText(plain.text))
            )
        out.append(placed)
    return out
