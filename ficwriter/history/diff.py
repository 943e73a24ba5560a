"""Word-level differences between two versions of a chapter, as data a window can colour.

Paragraphs are compared first, as whole pieces (see history.pieces): a 10,000-word chapter
with one edited paragraph costs one paragraph's word diff, because equal paragraphs are
matched by their (hashed) text alone, without looking at their words. Changed paragraphs
are then compared word by word, where a token is a word as ``core.words`` counts it or one
punctuation mark, with the spaces after it.
Every offset is into the whole old or new text, so a view can colour the text it shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import accumulate, zip_longest
from typing import Literal

from ficwriter.core.chapter import parse
from ficwriter.core.words import WORD_RE, count_words
from ficwriter.history.pieces import split_pieces

_TOKEN = re.compile(rf"(?:{WORD_RE.pattern}|[^\w\s]|^\s+)\s*")
# Above this many token pairs in a changed stretch, exact matching gives way to speed.
_EXACT_MATCH_LIMIT = 40_000

RunKind = Literal["equal", "insert", "delete", "replace"]
ParagraphKind = Literal["inserted", "deleted", "changed"]


@dataclass(frozen=True)
class Run:
    """A stretch of one paragraph: unchanged, inserted, deleted or replaced text."""

    kind: RunKind
    old_start: int
    old_end: int
    new_start: int
    new_end: int
    old_text: str
    new_text: str

    @property
    def old_span(self) -> tuple[int, int]:
        return (self.old_start, self.old_end)

    @property
    def new_span(self) -> tuple[int, int]:
        return (self.new_start, self.new_end)


@dataclass(frozen=True)
class ParagraphDiff:
    """One paragraph that differs; an index or span is ``None`` on the side it is missing."""

    kind: ParagraphKind
    old_index: int | None
    new_index: int | None
    old_span: tuple[int, int] | None
    new_span: tuple[int, int] | None
    runs: tuple[Run, ...]

    @property
    def spacing_only(self) -> bool:
        """Changed in blank lines or spaces alone: no word run to colour, so say it."""
        return self.kind == "changed" and all(run.kind == "equal" for run in self.runs)


@dataclass(frozen=True)
class TextDiff:
    """The changed paragraphs in order, with word and paragraph counts."""

    paragraphs: tuple[ParagraphDiff, ...]
    words_added: int
    words_removed: int

    @property
    def paragraphs_inserted(self) -> int:
        return sum(1 for p in self.paragraphs if p.kind == "inserted")

    @property
    def paragraphs_deleted(self) -> int:
        return sum(1 for p in self.paragraphs if p.kind == "deleted")

    @property
    def paragraphs_changed(self) -> int:
        return sum(1 for p in self.paragraphs if p.kind == "changed")

    @property
    def unchanged(self) -> bool:
        return not self.paragraphs


def diff_texts(old: str, new: str) -> TextDiff:
    """How ``new`` differs from ``old``, paragraph by paragraph and word by word."""
    return diff_pieces(split_pieces(old), split_pieces(new))


def diff_pieces(old: Sequence[str], new: Sequence[str]) -> TextDiff:
    """``diff_texts`` for texts already cut into pieces (the store keeps them so)."""
    old_starts = list(accumulate((len(p) for p in old), initial=0))
    new_starts = list(accumulate((len(p) for p in new), initial=0))
    # Paragraphs are matched without their trailing newlines, so appending a paragraph does
    # not make the old last one ("...\n" that becomes "...\n\n") look rewritten.
    old_keys = [p.rstrip("\n") for p in old]
    new_keys = [p.rstrip("\n") for p in new]
    matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    changes: list[ParagraphDiff] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        pairs: Iterable[tuple[int | None, int | None]]
        if tag == "equal":
            pairs = ((i, j) for i, j in zip(range(i1, i2), range(j1, j2)) if old[i] != new[j])
        elif tag == "replace" and (i2 - i1 > 1 or j2 - j1 > 1):
            pairs = _paired(old_keys, new_keys, range(i1, i2), range(j1, j2))
        else:
            pairs = zip_longest(range(i1, i2), range(j1, j2))
        next_i, next_j = i1, j1  # the old and new paragraphs after those paired so far
        for i, j in pairs:
            next_i = next_i if i is None else i + 1
            next_j = next_j if j is None else j + 1
            if j is None:  # deleted: it stood where the new text continues
                at = new_starts[next_j]
                run = Run("delete", old_starts[i], old_starts[i + 1], at, at, old[i], "")
                changes.append(ParagraphDiff("deleted", i, None, run.old_span, None, (run,)))
            elif i is None:  # inserted: it stands where the old text continued
                at = old_starts[next_i]
                run = Run("insert", at, at, new_starts[j], new_starts[j + 1], "", new[j])
                changes.append(ParagraphDiff("inserted", None, j, None, run.new_span, (run,)))
            else:
                runs = tuple(_word_runs(old[i], new[j], old_starts[i], new_starts[j]))
                old_span = (old_starts[i], old_starts[i + 1])
                new_span = (new_starts[j], new_starts[j + 1])
                changes.append(ParagraphDiff("changed", i, j, old_span, new_span, runs))
    added = sum(count_words(r.new_text) for c in changes for r in c.runs if r.kind != "equal")
    removed = sum(count_words(r.old_text) for c in changes for r in c.runs if r.kind != "equal")
    return TextDiff(paragraphs=tuple(changes), words_added=added, words_removed=removed)


def _paired(
    old: Sequence[str], new: Sequence[str], rows: range, columns: range
) -> Iterator[tuple[int | None, int | None]]:
    """A stretch of rewritten paragraphs, each old one with the first new one still free
    that is at least half the same words (a paragraph written above an edited one is an
    insertion, not a rewrite of it); the rest inserted or deleted, in order."""
    j = columns.start
    for i in rows:
        match = next(
            (k for k in range(j, columns.stop) if _alike(old[i], new[k])), None
        )
        if match is None:
            yield i, None
            continue
        for k in range(j, match):
            yield None, k
        yield i, match
        j = match + 1
    for k in range(j, columns.stop):
        yield None, k


def _alike(a: str, b: str) -> bool:
    a_words, b_words = a.split(), b.split()
    matcher = SequenceMatcher(None, a_words, b_words, autojunk=False)
    return matcher.real_quick_ratio() >= 0.5 and matcher.ratio() >= 0.5


@dataclass(frozen=True)
class StoryChange:
    """How a revision changed the story: what a writer counts as words written.

    Only story paragraphs count, as in ``Chapter.story_words``: author's notes, their
    ``::: note`` fences, comments and scene metadata are not story, so a note of four
    words changes nothing here.
    """

    words: int  # story words of the new text
    added: int
    removed: int


def story_change(old: str | None, new: str) -> StoryChange:
    """Story words added and removed from ``old`` to ``new``; a first text (``old`` is
    ``None``) adds all its story words ("+1,522" beside "1,522 words")."""
    new_story = _story_paragraphs(new)
    words = sum(_paragraph_words(p) for p in new_story)
    if old is None:
        return StoryChange(words, words, 0)
    change = diff_pieces(_story_paragraphs(old), new_story)
    return StoryChange(words, change.words_added, change.words_removed)


@lru_cache(maxsize=4)
def _story_paragraphs(text: str) -> tuple[str, ...]:
    """Remembered for a few texts: each revision is the next one's old text."""
    return tuple(p.text for p in parse(text).paragraphs())


@lru_cache(maxsize=65_536)
def _paragraph_words(paragraph: str) -> int:
    """Remembered per paragraph: between two revisions most paragraphs are the same."""
    return count_words(paragraph)


def _word_runs(old: str, new: str, old_base: int, new_base: int) -> Iterator[Run]:
    old_keys, old_starts = _tokens(old, old_base)
    new_keys, new_starts = _tokens(new, new_base)
    for tag, i1, i2, j1, j2 in _token_opcodes(old_keys, new_keys):
        yield Run(
            tag,
            old_starts[i1],
            old_starts[i2],
            new_starts[j1],
            new_starts[j2],
            old[old_starts[i1] - old_base : old_starts[i2] - old_base],
            new[new_starts[j1] - new_base : new_starts[j2] - new_base],
        )


def _tokens(text: str, base: int) -> tuple[list[str], list[int]]:
    """Tokens compared by their text without trailing spaces, and where each starts.

    The spaces after a word belong to its token but not to what is compared, so spaces
    are never matched on their own: prose is half spaces, and matching them made a
    paragraph's diff several times slower while showing nothing a writer looks for.
    """
    keys, starts = [], []
    for match in _TOKEN.finditer(text):
        token = match.group()
        keys.append(token.rstrip() or token)
        starts.append(base + match.start())
    starts.append(base + len(text))
    return keys, starts


def _token_opcodes(a: list[str], b: list[str]) -> Iterator[tuple[RunKind, int, int, int, int]]:
    """difflib's opcodes, with the common start and end cut off first.

    A typical edit touches a few words of a paragraph, so only those are matched. difflib
    is quadratic or worse on repetitive text ("ha ha ha ..."): when the changed middle is
    large, its junk heuristic (frequent tokens cannot anchor a match) keeps it fast.
    """
    limit = min(len(a), len(b))
    head = 0
    while head < limit and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < limit - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    if head:
        yield ("equal", 0, head, 0, head)
    middle_a, middle_b = a[head : len(a) - tail], b[head : len(b) - tail]
    if middle_a or middle_b:
        large = len(middle_a) * len(middle_b) > _EXACT_MATCH_LIMIT
        matcher = SequenceMatcher(None, middle_a, middle_b, autojunk=large)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            yield (tag, head + i1, head + i2, head + j1, head + j2)  # type: ignore[misc]
    if tail:
        yield ("equal", len(a) - tail, len(a), len(b) - tail, len(b))
