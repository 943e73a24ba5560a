"""Pictures of the story: measures per scene and chapter that show pacing at a glance.

For each scene: words, point of view (scene metadata ``pov=``, else the outline's guess),
dialogue share, sentence length (mean and spread: a low spread reads monotonous),
paragraph length, and open issues per 1,000 words by category. A chapter's and the
project's measures are their scenes' added together (a mean of all their sentences, not a
mean of means), and their point of view is a share of words per character.

Issues come from the checks layer, which core may not import: callers pass each issue's
file offset and category name (``IssueMark``).
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ficwriter.core.chapter import Chapter, Paragraph
from ficwriter.core.inline import plain_text
from ficwriter.core.stats import dialogue_words, outline
from ficwriter.core.words import count_words

# A sentence ends at . ! ? or … (closing quotes and brackets go with it) before a space.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’')\]]*\s+")


@dataclass(frozen=True)
class IssueMark:
    """Where an open issue is (file offset) and its category (``Category.value``)."""

    offset: int
    category: str


@dataclass(frozen=True)
class Measures:
    """Sums that add up across scenes; rates and means are derived from them."""

    words: int = 0
    paragraphs: int = 0
    dialogue_words: int = 0
    sentence_lengths: tuple[int, ...] = ()
    pov_words: dict[str, int] = field(default_factory=dict)  # narrator -> words
    issues: dict[str, int] = field(default_factory=dict)  # category -> open issues

    def __add__(self, other: Measures) -> Measures:
        return Measures(
            self.words + other.words,
            self.paragraphs + other.paragraphs,
            self.dialogue_words + other.dialogue_words,
            self.sentence_lengths + other.sentence_lengths,
            dict(Counter(self.pov_words) + Counter(other.pov_words)),
            dict(Counter(self.issues) + Counter(other.issues)),
        )

    @property
    def dialogue_share(self) -> float:
        return self.dialogue_words / self.words if self.words else 0.0

    @property
    def sentence_mean(self) -> float:
        return statistics.fmean(self.sentence_lengths) if self.sentence_lengths else 0.0

    @property
    def sentence_spread(self) -> float:
        """The standard deviation of sentence lengths in words (sentence variety)."""
        lengths = self.sentence_lengths
        return statistics.pstdev(lengths) if len(lengths) > 1 else 0.0

    @property
    def paragraph_length(self) -> float:
        """Mean words per story paragraph."""
        return self.words / self.paragraphs if self.paragraphs else 0.0

    @property
    def pov_share(self) -> dict[str, float]:
        """Share of the words told from each point of view, largest first."""
        total = sum(self.pov_words.values())
        ranked = sorted(self.pov_words.items(), key=lambda item: (-item[1], item[0]))
        return {name: words / total for name, words in ranked} if total else {}

    def issues_per_1000(self) -> dict[str, float]:
        return {
            category: count * 1000 / self.words if self.words else 0.0
            for category, count in sorted(self.issues.items())
        }

    def as_dict(self) -> dict[str, object]:
        return {
            "words": self.words,
            "paragraphs": self.paragraphs,
            "dialogue_share": round(self.dialogue_share, 3),
            "pov_share": {name: round(share, 3) for name, share in self.pov_share.items()},
            "sentence_length": {
                "mean": round(self.sentence_mean, 1),
                "spread": round(self.sentence_spread, 1),
                "sentences": len(self.sentence_lengths),
            },
            "paragraph_length": round(self.paragraph_length, 1),
            "issues": dict(sorted(self.issues.items())),
            "issues_per_1000_words": {k: round(v, 2) for k, v in self.issues_per_1000().items()},
        }


@dataclass(frozen=True)
class SceneStats:
    index: int
    label: str
    start: int  # where the scene starts in the file, for opening it in the editor
    pov: str | None
    pov_guessed: bool
    measures: Measures

    def as_dict(self) -> dict[str, object]:
        return {"index": self.index, "label": self.label, "start": self.start, "pov": self.pov,
                "pov_guessed": self.pov_guessed, **self.measures.as_dict()}  # fmt: skip


@dataclass(frozen=True)
class ChapterPicture:
    """A chapter's measures, with its scenes'."""

    scenes: tuple[SceneStats, ...]

    @property
    def measures(self) -> Measures:
        return sum((s.measures for s in self.scenes), Measures())

    def as_dict(self) -> dict[str, object]:
        return {**self.measures.as_dict(), "scenes": [s.as_dict() for s in self.scenes]}


def sentence_lengths(text: str) -> list[int]:
    """Words per sentence of a plain-text paragraph (sentences without words skipped)."""
    counts = (count_words(part) for part in _SENTENCE_END.split(text))
    return [n for n in counts if n]


def _paragraph_measures(paragraphs: Sequence[Paragraph]) -> Measures:
    words = dialogue = 0
    lengths: list[int] = []
    for paragraph in paragraphs:
        text = plain_text(paragraph.text).text
        words += count_words(paragraph.text)
        dialogue += dialogue_words(text)
        lengths.extend(sentence_lengths(text))
    return Measures(words, len(paragraphs), dialogue, tuple(lengths))


def chapter_picture(chapter: Chapter, issues: Iterable[IssueMark] = ()) -> ChapterPicture:
    """Each scene's measures; ``issues`` are counted in the scene holding them (issues in
    notes, before the first scene's text, are no scene's)."""
    per_scene: dict[int, Counter[str]] = {}
    for mark in issues:
        scene = chapter.scene_at(mark.offset)
        paragraph = chapter.paragraph_at(mark.offset)
        if scene is not None and (paragraph is None or paragraph.is_story):
            per_scene.setdefault(scene.index, Counter())[mark.category] += 1
    scenes = []
    for row, scene in zip(outline(chapter), chapter.scenes):
        base = _paragraph_measures(scene.paragraphs)
        narrator = row.pov or "unknown"
        measures = Measures(
            base.words, base.paragraphs, base.dialogue_words, base.sentence_lengths,
            {narrator: base.words} if base.words else {},
            dict(per_scene.get(scene.index, {})),
        )  # fmt: skip
        scenes.append(SceneStats(row.index, row.label, row.start, row.pov, row.pov_guessed,
                                 measures))  # fmt: skip
    return ChapterPicture(tuple(scenes))
