"""Figures a writer asks about a chapter, and the scene outline beside the editor.

Dialogue is what stands inside quotation marks (straight or curly). The point-of-view guess
is deliberately simple: the name that most often acts as a sentence's subject outside
dialogue ("Wren looked", "Clarke had"). A word counts as a name only if it is capitalised and
never appears lower-case in the chapter, which rules out sentence-initial common words.
Contractions ("I’m"), interjections ("Sorry") and places (a name after "in", "to",
"from"… as often as it starts a sentence) are nobody's point of view. Scene
metadata (``pov=``) always wins over the guess.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import lru_cache

from ficwriter.core.chapter import Chapter, Paragraph, Scene
from ficwriter.core.inline import plain_text
from ficwriter.core.words import count_words, iter_words, words

_QUOTE_SPANS = re.compile(r"\"[^\"]*\"?|“[^”]*”?")
_MID_SENTENCE_CAPITAL = re.compile(r"[a-z,;]\s+([A-Z][\w'’-]*)")
_SUBJECT = re.compile(r"(?:^|[.!?;:—]\s+|,\s+(?:and|but|so|then)\s+)([A-Z][\w'’-]*)\s+([a-z]\w*)")
_NOT_NAMES = frozenset(
    "The A An She He It They We I You His Her Its Their Our This That These Those There Then "
    "When Where What Who Why How But And Or So If As At In On Of For To By With From Once "
    "Now Still Just Even Maybe Perhaps Somewhere Everyone Nobody Someone Something".split()
) | frozenset(  # interjections: said, not anyone's eyes
    "Sorry Yes Yeah No Nope Okay Ok OK Oh Ah Ahh Um Uh Hmm Well Please Thanks Hey Hi Hello "
    "Wow Damn Fine Good Right Sure Great Look Wait Listen God Shit Fuck".split()
)
_CONTRACTION = re.compile(r"['’](?!s$)")  # "I’m", "I’ve", "Don't": never a name
_PLACE = re.compile(r"\b(?:in|into|inside|outside|across|through|to|from)\s+([A-Z][\w-]*)\b(?!['’])")
# Dialogue tags ("Isolde said") tell who speaks, not whose eyes the scene looks through.
_SPEECH_VERBS = frozenset(
    "said says asked asks replied answered told agreed murmured whispered called shouted "
    "added snapped spat growled muttered cried yelled began continued repeated".split()
)
_FIRST_WORDS = 6


@dataclass(frozen=True)
class ChapterStats:
    story_words: int
    note_words: int
    scenes: int
    paragraphs: int
    dialogue_words: int

    @property
    def dialogue_share(self) -> float:
        """Share of story words spoken in dialogue, 0.0-1.0."""
        return self.dialogue_words / self.story_words if self.story_words else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {**asdict(self), "dialogue_share": round(self.dialogue_share, 3)}


@dataclass(frozen=True)
class OutlineRow:
    """One scene in the outline."""

    index: int
    label: str  # the scene's title, else its first words
    pov: str | None
    pov_guessed: bool
    words: int
    start: int  # where the scene starts in the file (its metadata line if it has one)

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def _plain(paragraph: Paragraph) -> str:
    return plain_text(paragraph.text).text


def dialogue_words(text: str) -> int:
    """Words inside quotation marks in ``text`` (plain text, markup removed)."""
    return sum(count_words(m.group(0)) for m in _QUOTE_SPANS.finditer(text))


def chapter_stats(chapter: Chapter) -> ChapterStats:
    story = chapter.paragraphs()
    return ChapterStats(
        story_words=chapter.story_words,
        note_words=chapter.note_words,
        scenes=len(chapter.scenes),
        paragraphs=len(story),
        dialogue_words=sum(dialogue_words(_plain(p)) for p in story),
    )


@lru_cache(maxsize=4)
def _vocabulary(chapter_text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The chapter's words written in lower case, and those capitalised mid-sentence.

    Read once per chapter text, not once per scene: the outline guesses every scene's
    POV, and reading a 100,000-word chapter for each of its scenes kept the window's
    outline thread busy for seconds.
    """
    lower = frozenset(w for w in words(chapter_text) if w[:1].islower())
    narration = _QUOTE_SPANS.sub(". ", chapter_text)  # "Yes, I’m here" is no name mid-sentence
    names = frozenset(re.sub(r"['’]s$", "", m) for m in _MID_SENTENCE_CAPITAL.findall(narration))
    return lower, names


@lru_cache(maxsize=4)
def _places(chapter_text: str) -> frozenset[str]:
    """Names used as places in the chapter's narration: after "in", "into", "across", "to",
    "from"… ("rode to Polis", not possessive: "in Lexa's arms" is a person) at least as
    often as they start a sentence ("turned to Lexa" is a person who also acts)."""
    narration = _QUOTE_SPANS.sub(". ", chapter_text)
    acting = Counter(m.group(1) for m in _SUBJECT.finditer(narration))
    reached = Counter(_PLACE.findall(narration))
    return frozenset(name for name, k in reached.items() if k >= acting[name])


def guess_pov(paragraphs: Iterable[Paragraph], chapter_text: str) -> str | None:
    """The name most often the subject of a sentence outside dialogue, if any.

    A name is a word the chapter also capitalises mid-sentence ("told Wren"): "Morning
    came slowly" opens a sentence with a capital, but morning is nobody's point of view.
    """
    lower_words, names = _vocabulary(chapter_text)
    counts: Counter[str] = Counter()
    for paragraph in paragraphs:
        narration = _QUOTE_SPANS.sub(". ", _plain(paragraph))
        for match in _SUBJECT.finditer(narration):
            name = re.sub(r"['’]s$", "", match.group(1))
            if match.group(2) in _SPEECH_VERBS or _CONTRACTION.search(name):
                continue
            if name in names and name not in _NOT_NAMES and name.lower() not in lower_words:
                counts[name] += 1
    places = _places(chapter_text)
    people = [name for name, _ in counts.most_common() if name not in places]
    return people[0] if people else None


def _label(scene: Scene) -> str:
    if scene.title:
        return scene.title
    if not scene.paragraphs:
        return ""
    text = " ".join(_plain(scene.paragraphs[0]).split())
    found = list(iter_words(text))
    if len(found) <= _FIRST_WORDS:
        return text
    return text[: found[_FIRST_WORDS - 1].end()] + "…"


def outline(chapter: Chapter) -> list[OutlineRow]:
    """One row per scene: label, point of view (metadata, else a guess), words, start."""
    rows = []
    for scene in chapter.scenes:
        pov = scene.pov
        guessed = pov is None
        if guessed:
            pov = guess_pov(scene.paragraphs, chapter.text)
        start = scene.meta_span.start if scene.meta_span else scene.span.start
        rows.append(OutlineRow(scene.index, _label(scene), pov, guessed and pov is not None,
                               scene.word_count, start))  # fmt: skip
    return rows
