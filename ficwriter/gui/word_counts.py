"""Word counts for the status bar and outline, recounting only paragraphs that changed.

After a pause in typing the chapter is parsed again and every count is needed again; but
between two pauses only a paragraph or two differ: ``Paragraph.word_count`` remembers its
counts per paragraph text (and leaves list numbers out, as every count does).
"""

from __future__ import annotations

from ficwriter.core.chapter import Chapter, Scene


def scene_words(scene: Scene) -> int:
    return sum(p.word_count for p in scene.paragraphs)


def chapter_words(chapter: Chapter) -> int:
    """Story words (notes not counted), like ``Chapter.story_words``."""
    return sum(p.word_count for p in chapter.paragraphs())
