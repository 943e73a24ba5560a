"""Word counts for the status bar and outline, recounting only paragraphs that changed.

After a pause in typing the chapter is parsed again and every count is needed again; but
between two pauses only a paragraph or two differ, so ``core.words.count_words`` results
are remembered per paragraph text.
"""

from __future__ import annotations

from functools import lru_cache

from ficwriter.core.chapter import Chapter, Scene
from ficwriter.core.words import count_words

paragraph_words = lru_cache(maxsize=65536)(count_words)


def scene_words(scene: Scene) -> int:
    return sum(paragraph_words(p.text) for p in scene.paragraphs)


def chapter_words(chapter: Chapter) -> int:
    """Story words (notes not counted), like ``Chapter.story_words``."""
    return sum(paragraph_words(p.text) for p in chapter.paragraphs())
