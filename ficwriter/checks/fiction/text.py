"""What the fiction rules need to know about one plain paragraph, worked out once.

Every rule asks the same questions (where are the words, which of them are inside dialogue,
which open a sentence), so ``ParagraphText`` answers them once per paragraph and the rules
stay small. Dialogue is text in double quotes, straight or curly; a quote left open at the
end of a paragraph runs to its end, as a speech continued in the next paragraph does.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property
from typing import NamedTuple

from ficwriter.core.words import iter_words

OPENING_QUOTES = '"\u201c'
CLOSING_QUOTES = '"\u201d'
SINGLE_OPENING = "'\u2018"
SINGLE_CLOSING = "'\u2019"

# Sentence ends: terminal punctuation, closing quotes or brackets, then space.
_SENTENCE_END_RE = re.compile(r"[.!?\u2026]+[\"\u201d'\u2019)\]]*\s+")
_LAST_WORD_RE = re.compile(r"(\w+)[.]$")
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "st", "prof", "sr", "jr", "vs", "mt"})
_POSSESSIVE_RE = re.compile(r"['\u2019]s?$")


class Token(NamedTuple):
    """A word of the paragraph and where it is (plain-text offsets)."""

    start: int
    end: int
    text: str

    @property
    def bare(self) -> str:
        """The word without a possessive ending: ``Lexa's`` -> ``Lexa``."""
        return strip_possessive(self.text)


def strip_possessive(word: str) -> str:
    return _POSSESSIVE_RE.sub("", word) if len(word) > 2 else word


def is_capitalised(word: str) -> bool:
    """``Lexa`` and ``TonDC`` are; ``VERY`` (shouting) and ``the`` are not."""
    return word[:1].isupper() and not (len(word) > 1 and word.isupper())


class Sentence(NamedTuple):
    start: int
    end: int
    in_dialogue: bool  # opens with a quotation mark or inside one


def _single_quoted(text: str) -> list[tuple[int, int]]:
    """Speech in single quotes. An opening quote follows a space (or the start) and
    precedes a word; a closing one follows a word and is not inside one, so the
    apostrophes of "doesn't" and "'Cause" neither open nor close speech."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for index, char in enumerate(text):
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if start is None:
            if char in SINGLE_OPENING and (before.isspace() or before in "([") and not after.isspace():
                start = index
        elif char in SINGLE_CLOSING and not before.isspace() and not after.isalnum():
            spans.append((start, index + 1))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return spans


class ParagraphText:
    """One paragraph's words, dialogue ranges and sentence openings."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def tokens(self) -> list[Token]:
        return [Token(m.start(), m.end(), m.group()) for m in iter_words(self.text)]

    @cached_property
    def dialogue(self) -> list[tuple[int, int]]:
        """Spans of quoted speech, quotation marks included: in double quotes, or in
        single ones where the paragraph has no double quotes (British house style:
        'Tomorrow, Toby.')."""
        if not any(q in self.text for q in OPENING_QUOTES + CLOSING_QUOTES):
            return _single_quoted(self.text)
        spans: list[tuple[int, int]] = []
        start: int | None = None
        for index, char in enumerate(self.text):
            if start is None and char in OPENING_QUOTES:
                start = index
            elif start is not None and char in CLOSING_QUOTES:
                spans.append((start, index + 1))
                start = None
        if start is not None:
            spans.append((start, len(self.text)))
        return spans

    @cached_property
    def _dialogue_starts(self) -> list[int]:
        return [s for s, _ in self.dialogue]

    def in_dialogue(self, offset: int) -> bool:
        k = bisect_right(self._dialogue_starts, offset) - 1
        return k >= 0 and offset < self.dialogue[k][1]

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Sentences in order; a dialogue tag after a quote stays in the quote's sentence."""
        bounds = [0]
        for match in _SENTENCE_END_RE.finditer(self.text):
            after = match.end()
            if after >= len(self.text):
                continue
            nxt = self.text[after]
            if not (nxt.isupper() or nxt.isdigit() or nxt in OPENING_QUOTES):
                continue  # "What?" she asked. -- the tag continues the sentence
            word = _LAST_WORD_RE.search(self.text, max(0, match.start() - 8), match.start() + 1)
            if word and word.group(1).lower() in _ABBREVIATIONS:
                continue
            bounds.append(after)
        bounds.append(len(self.text))
        out = []
        for a, b in zip(bounds, bounds[1:]):
            stripped = len(self.text[a:b]) - len(self.text[a:b].lstrip())
            start = a + stripped
            if start < b:
                out.append(Sentence(start, b, self.in_dialogue(start)))
        return out

    @cached_property
    def sentence_openers(self) -> frozenset[int]:
        """Start offsets of words that are capitalised because of where they stand.

        The first word of a sentence and the first word inside an opening quote.
        """
        starts = {s.start for s in self.sentences}
        starts.update(s + 1 for s, _ in self.dialogue)
        openers: set[int] = set()
        for offset in starts:
            k = bisect_left(self._token_starts, offset)
            if k < len(self.tokens):
                gap = self.text[offset : self.tokens[k].start]
                if not gap.strip(OPENING_QUOTES + " \t\n-\u2014\u2013(['\u2018*_"):
                    openers.add(self.tokens[k].start)
        return frozenset(openers)

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    @cached_property
    def places(self) -> list[tuple[int, int]]:
        """For each token: (index of its sentence, its position in that sentence)."""
        out = []
        starts = [s.start for s in self.sentences]
        last, position = -1, 0
        for token in self.tokens:
            sentence = bisect_right(starts, token.start) - 1
            position = position + 1 if sentence == last else 0
            last = sentence
            out.append((sentence, position))
        return out

    @cached_property
    def narration_openings(self) -> list[Token | None]:
        """Per sentence, the word a narration sentence opens with; None for dialogue."""
        return [
            None if sentence.in_dialogue else self.first_token(sentence)
            for sentence in self.sentences
        ]

    def first_token(self, sentence: Sentence) -> Token | None:
        k = bisect_left(self._token_starts, sentence.start)
        if k < len(self.tokens) and self.tokens[k].start < sentence.end:
            return self.tokens[k]
        return None

    def narration_tokens(self) -> list[Token]:
        return [t for t in self.tokens if not self.in_dialogue(t.start)]

    def narration_matches(self, pattern: re.Pattern[str]) -> tuple[re.Match[str], ...]:
        """Matches of ``pattern`` that start outside dialogue, remembered per pattern."""
        found = self._matches.get(pattern)
        if found is None:
            found = tuple(m for m in pattern.finditer(self.text) if not self.in_dialogue(m.start()))
            self._matches[pattern] = found
        return found

    @cached_property
    def _matches(self) -> dict[re.Pattern[str], tuple[re.Match[str], ...]]:
        return {}

    @cached_property
    def word_count(self) -> int:
        return len(self.tokens)

    @cached_property
    def capitalised_words(self) -> tuple[tuple[str, int, bool], ...]:
        """(word without possessive, start, whether it stands mid-sentence) per capitalised word."""
        openers = self.sentence_openers
        out = []
        for token in self.tokens:
            word = token.bare
            if is_capitalised(word):
                out.append((word, token.start, token.start not in openers))
        return tuple(out)

    @cached_property
    def lowercase_words(self) -> frozenset[str]:
        """The other words, casefolded: a name never appears among them."""
        return frozenset(t.bare.casefold() for t in self.tokens if not is_capitalised(t.bare))
