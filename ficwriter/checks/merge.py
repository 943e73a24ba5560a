"""One issue per problem: when engines agree, show it once and keep every source.

Two issues are the same problem when they cover the same characters and have the same
category ("same span, same reason"). Spelling is looser: two spelling flags that overlap
are about the same word even when one engine includes a possessive and the other not.
The first engine in ``order`` (LanguageTool before Harper before fiction rules) keeps
the message and suggestions; the others are listed in ``also_found_by``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from ficwriter.checks.issue import Category, Issue


def _same(a: Issue, b: Issue) -> bool:
    if a.category is not b.category:
        return False
    if (a.start, a.end) == (b.start, b.end):
        return True
    return a.category is Category.SPELLING and a.start < b.end and b.start < a.end


def merge_issues(issues: Iterable[Issue], order: Sequence[str] = ()) -> list[Issue]:
    """Issues sorted by position, duplicates across engines folded into one."""
    rank = {name: i for i, name in enumerate(order)}
    ordered = sorted(issues, key=lambda i: (i.start, _rank(rank, i), i.end))
    merged: list[Issue] = []
    open_from = 0  # merged[open_from:] may still overlap what comes next
    for issue in ordered:
        while open_from < len(merged) and merged[open_from].end < issue.start:
            open_from += 1
        for k in range(open_from, len(merged)):
            kept = merged[k]
            if kept.engine != issue.engine and issue.engine not in kept.also_found_by and _same(
                kept, issue
            ):
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
    return rank.get(issue.engine, len(rank))
