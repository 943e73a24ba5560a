"""One issue per problem: when engines agree, show it once and keep every source.

Engines word and measure the same slip differently: Harper underlines "could of" as
grammar, the fiction rules underline "of"; Harper calls "to loose" spelling, the fiction
rules call "loose" grammar; LanguageTool may include a possessive that Harper leaves out.
Two issues from different engines are one problem when they are about the same words
for the same reason:

- **Spelling** (and ``fiction.name-spelling``, which is about how one word is spelled):
  flags that overlap are about the same word ("Lexa" / "Lexa's").
- **Language** (spelling, grammar, punctuation, typography): the same span and category;
  or one span inside the other and the same fix, i.e. a suggestion of each gives the same
  corrected text ("could of" -> "could have" and "of" -> "have"). When one of them offers
  no fix, the same category has to do.

Nothing else merges: fiction and style observations (an epithet, a repeated opening, an
echo) are about the prose, not about a slip in it, so a spelling or grammar flag inside
"the blonde" or at a repeated "She" is a second problem and keeps its own row.

Whose wording is shown: the first engine in ``order`` (LanguageTool before Harper before
fiction rules) keeps its message, span and suggestions, and the others are listed in
``also_found_by``. One exception: ``fiction.name-spelling`` goes first whatever the
order. For a name written two ways its message ("spelled 'Ashmere' 4 times elsewhere
in this chapter") and its suggestion (the writer's own spelling) tell the writer what to
do, where a dictionary engine only says the word is unknown and offers look-alikes
("Cashmere's").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from ficwriter.checks.issue import Category, Issue

LANGUAGE = frozenset(
    {Category.SPELLING, Category.GRAMMAR, Category.PUNCTUATION, Category.TYPOGRAPHY}
)
NAME_SPELLING = "fiction.name-spelling"  # outranks every engine's spelling flag


def _spelling(issue: Issue) -> bool:
    return issue.category is Category.SPELLING or issue.rule_id == NAME_SPELLING


def _nested(a: Issue, b: Issue) -> bool:
    return (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


def _fixes(issue: Issue, start: int, end: int, text: str) -> set[str]:
    """``text[start:end]`` as each suggestion would correct it, compared loosely."""
    before, after = text[start : issue.start], text[issue.end : end]
    return {
        (before + s + after).replace("\u2019", "'").casefold() for s in issue.suggestions
    }


def _same(a: Issue, b: Issue, text: str) -> bool:
    """Are ``a`` and ``b`` (from different engines) one problem? See the module docstring."""
    if _spelling(a) and _spelling(b):
        return a.start < b.end and b.start < a.end
    if a.category not in LANGUAGE or b.category not in LANGUAGE:
        return False
    if (a.start, a.end) == (b.start, b.end) and a.category is b.category:
        return True
    if not _nested(a, b):
        return False
    if a.suggestions and b.suggestions:
        start, end = min(a.start, b.start), max(a.end, b.end)
        return bool(_fixes(a, start, end, text) & _fixes(b, start, end, text))
    return a.category is b.category


def merge_issues(issues: Iterable[Issue], order: Sequence[str] = (), *, text: str) -> list[Issue]:
    """Issues sorted by position, duplicates across engines folded into one.

    ``text`` is the chapter text the issues' spans index (suggestions are compared as
    corrections of it).
    """
    rank = {name: i for i, name in enumerate(order)}
    ordered = sorted(issues, key=lambda i: (i.start, _rank(rank, i), i.end))
    merged: list[Issue] = []
    open_from = 0  # merged[open_from:] may still overlap what comes next
    for issue in ordered:
        while open_from < len(merged) and merged[open_from].end < issue.start:
            open_from += 1
        for k in range(open_from, len(merged)):
            kept = merged[k]
            if issue.engine not in kept.engines and _same(kept, issue, text):
                first, second = (
                    (issue, kept) if _rank(rank, issue) < _rank(rank, kept) else (kept, issue)
                )
                merged[k] = replace(
                    first, also_found_by=(*first.also_found_by, *second.engines)
                )
                break
        else:
            merged.append(issue)
    merged.sort(key=lambda i: (i.start, i.end))
    return merged


def _rank(rank: dict[str, int], issue: Issue) -> int:
    if issue.rule_id == NAME_SPELLING:
        return -1
    return rank.get(issue.engine, len(rank))
