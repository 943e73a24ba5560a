"""Rules that need a whole scene or chapter: epithets, name spellings, repeated openings.

They run again on every change (the scheduler calls ``check_chapter`` with the current
chapter), so what they need from each paragraph is worked out once per paragraph text and
remembered (``chapter.analysed``): after an edit only the changed paragraph is read again.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ficwriter.checks.engine import ChapterRule
from ficwriter.checks.fiction.chapter import PlacedParagraph, scenes_of
from ficwriter.checks.fiction.rules import finding
from ficwriter.checks.fiction.settings import FictionSettings
from ficwriter.checks.issue import Issue
from ficwriter.core.chapter import Chapter

# "the blonde hair" describes hair, not a person.
_NOT_A_PERSON = (
    r"hair|curls|locks|strands?|waves|braids?|ponytail|mane|wig|highlights|streaks|head|beer|"
    r"wood|ale"
)


_OPENER_ONLY_MIN_LENGTH = 6


class EpithetRule:
    """Counts epithets per scene; each one past the allowance is flagged with the density."""

    name = "fiction.epithet"

    def __init__(self, settings: FictionSettings) -> None:
        self._allowance = settings.epithet_allowance
        phrases = sorted(settings.epithets, key=len, reverse=True)
        alternatives = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
        self._pattern = (
            re.compile(
                rf"\b(?P<e>{alternatives})(?:['\u2019]s)?\b(?!\s+(?:{_NOT_A_PERSON})\b)",
                re.IGNORECASE,
            )
            if phrases
            else None
        )

    def check_chapter(self, chapter: Chapter) -> list[Issue]:
        if self._pattern is None:
            return []
        issues: list[Issue] = []
        for scene in scenes_of(chapter):
            uses: list[tuple[PlacedParagraph, re.Match[str]]] = []
            words = 0
            for placed in scene:
                text = placed.text
                uses.extend((placed, match) for match in text.narration_matches(self._pattern))
                words += text.word_count
            if len(uses) <= self._allowance:
                continue
            density = 1000 * len(uses) / max(words, 1)
            for count, (placed, match) in enumerate(uses[self._allowance :], start=self._allowance + 1):
                start, end = match.span("e")
                found = finding(
                    self.name,
                    start,
                    end,
                    text=match.group("e"),
                    count=count,
                    total=len(uses),
                    density=density,
                )
                issues.append(placed.issue(found))
        return issues


@dataclass
class _Spelling:
    """One spelling of a capitalised word and where it occurs."""

    text: str
    uses: list[tuple[PlacedParagraph, int]]  # paragraph, plain offset of the word
    mid_sentence: bool = False


class NameSpellingRule:
    """Proper nouns spelled two ways in one chapter: by case alone, or by one edit.

    A word also written in lowercase is an ordinary word ("Very"/"very"), all-caps is
    shouting, plurals ("Grounder"/"Grounders") and possessives are the same name, and names
    in the project dictionary are spelled as the writer chose.
    """

    name = "fiction.name-spelling"

    def __init__(self, settings: FictionSettings) -> None:
        self._names = frozenset(settings.names)
        self._min_length = settings.name_min_length

    def check_chapter(self, chapter: Chapter) -> list[Issue]:
        spellings: dict[str, _Spelling] = {}
        lowercase: set[str] = set()
        for scene in scenes_of(chapter):
            for placed in scene:
                text = placed.text
                lowercase.update(text.lowercase_words)
                for word, start, mid_sentence in text.capitalised_words:
                    spelling = spellings.get(word)
                    if spelling is None:
                        spelling = spellings[word] = _Spelling(word, [])
                    spelling.uses.append((placed, start))
                    spelling.mid_sentence = spelling.mid_sentence or mid_sentence
        candidates = [s for s in spellings.values() if s.text.casefold() not in lowercase]
        issues: list[Issue] = []
        for group in self._variant_groups(candidates):
            issues.extend(self._flag(group))
        return sorted(issues, key=lambda i: i.start)

    def _variant_groups(self, candidates: list[_Spelling]) -> list[list[_Spelling]]:
        """Groups of spellings joined by case-only or one-edit differences.

        A pair counts only if one of them is surely a name (capitalised mid-sentence); the
        other may stand only at sentence starts ("Brannok swore"), if it is long enough
        not to be an ordinary word ("Fine" is not a misspelt "Finn"). Spellings one edit
        apart share a one-deletion form, so only those are compared, not every pair.
        """
        parent = {s.text: s.text for s in candidates}

        def root(word: str) -> str:
            while parent[word] != word:
                word = parent[word]
            return word

        neighbours: dict[str, list[_Spelling]] = defaultdict(list)
        for spelling in candidates:
            folded = spelling.text.casefold()
            for key in {folded} | {folded[:i] + folded[i + 1 :] for i in range(len(folded))}:
                neighbours[key].append(spelling)
        for near in neighbours.values():
            for k, a in enumerate(near):
                for b in near[k + 1 :]:
                    if root(a.text) != root(b.text) and self._related(a, b):
                        parent[root(a.text)] = root(b.text)
        groups: dict[str, list[_Spelling]] = defaultdict(list)
        for spelling in candidates:
            groups[root(spelling.text)].append(spelling)
        return [g for g in groups.values() if len(g) > 1]

    def _related(self, a: _Spelling, b: _Spelling) -> bool:
        if not (a.mid_sentence or b.mid_sentence):
            return False
        opener_only = b if a.mid_sentence else a
        if not opener_only.mid_sentence and len(opener_only.text) < _OPENER_ONLY_MIN_LENGTH:
            return False
        return self._variants(a.text, b.text)

    def _variants(self, a: str, b: str) -> bool:
        if a in self._names and b in self._names:
            return False
        fa, fb = a.casefold(), b.casefold()
        if fa == fb:
            return True
        if min(len(fa), len(fb)) < self._min_length or _plural_pair(fa, fb):
            return False
        # A slip keeps a name's first letter; "Home" is not a misspelt "Rome".
        return fa[0] == fb[0] and _one_edit(fa, fb)

    def _flag(self, group: list[_Spelling]) -> list[Issue]:
        known = [s for s in group if s.text in self._names]
        main = known[0] if known else max(group, key=lambda s: len(s.uses))  # ties: first seen
        issues = []
        for spelling in group:
            if spelling is main:
                continue
            for placed, start in spelling.uses:
                found = finding(
                    self.name,
                    start,
                    start + len(spelling.text),
                    (main.text,),
                    text=spelling.text,
                    other=main.text,
                    count=len(main.uses),
                )
                issues.append(placed.issue(found))
        return issues


def _plural_pair(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return long in (short + "s", short + "es")


def _one_edit(a: str, b: str) -> bool:
    """One substitution, insertion, deletion or swap of neighbours turns ``a`` into ``b``."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        )
    short, long = sorted((a, b), key=len)
    k = next((i for i in range(len(short)) if short[i] != long[i]), len(short))
    return short[k:] == long[k + 1 :]


class RepeatedOpeningRule:
    """Consecutive narration sentences of a scene opening with the same word.

    The run may cross paragraphs; a line of dialogue breaks it. A run of ``opening_run``
    or more is flagged once, at the first word of the sentence that reached the limit, with
    the run's full length: one problem, one row in the issues panel, one dismissal.
    """

    name = "fiction.repeated-opening"

    def __init__(self, settings: FictionSettings) -> None:
        self._run = settings.opening_run

    def check_chapter(self, chapter: Chapter) -> list[Issue]:
        issues: list[Issue] = []
        for scene in scenes_of(chapter):
            word, run = "", 0
            for placed in scene:
                for first in placed.text.narration_openings:
                    if first is None:
                        word, run = "", 0
                        continue
                    key = first.text.casefold()
                    run = run + 1 if key == word else 1
                    word = key
                    if run == self._run:
                        at = (placed, first)
                    if run >= self._run:  # the run's one issue, counting it so far
                        where, token = at
                        found = finding(
                            self.name, token.start, token.end, text=token.text, count=run
                        )
                        if run > self._run:
                            issues.pop()
                        issues.append(where.issue(found))
        return issues


CHAPTER_RULES: dict[str, type[EpithetRule | NameSpellingRule | RepeatedOpeningRule]] = {
    EpithetRule.name: EpithetRule,
    NameSpellingRule.name: NameSpellingRule,
    RepeatedOpeningRule.name: RepeatedOpeningRule,
}


def chapter_rules(settings: FictionSettings) -> list[ChapterRule]:
    """The chapter rules that ``settings`` turns on."""
    return [rule(settings) for rule_id, rule in CHAPTER_RULES.items() if settings.is_on(rule_id)]

