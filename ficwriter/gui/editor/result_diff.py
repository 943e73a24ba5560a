"""What a check result changes in the underlines shown, worked out off the GUI thread.

A long check delivers its issues so far every half second, each delivery the whole list
(thousands on a long chapter), and the issues of a new version mostly repeat the previous
version's, shifted by the edits between. Comparing them with what the editor shows is a few
milliseconds of Python per thousand issues: on the GUI thread, a keystroke waiting that long
is one the writer feels. So the comparison runs on a worker, against the keys the shown
issues were placed under (``Placement``, immutable), and the GUI thread only adds the new
issues and drops the gone ones - work in proportion to what changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ficwriter.checks.issue import Category, Issue
from ficwriter.gui.editor.positions import QtPositions
from ficwriter.gui.editor.rebase import PositionMap

Key = tuple[int, int, str, str, Category]


def issue_key(issue: Issue, start: int, end: int) -> Key:
    """What makes two underlines the same: place, rule and message."""
    return (start, end, issue.rule_id, issue.message, issue.category)


@dataclass(frozen=True)
class Placement:
    """The checker's shown issues by the key they were placed under, in ``version``'s Qt
    positions; a new one (a new ``generation``) each time the shown set is replaced."""

    generation: int
    version: int
    keys: Mapping[Key, object]  # never changed once made: a worker reads it


EMPTY = Placement(0, -1, {})


@dataclass(frozen=True)
class ResultDiff:
    """A result against a ``Placement`` (its ``generation``): the shown issues it repeats
    (the key they were shown under, the issue now, its key in ``version``) and the ones it
    adds (at ``version``'s Qt positions). Shown issues in neither list are gone."""

    generation: int
    version: int
    kept: list[tuple[Key, Issue, Key]]
    added: list[tuple[Issue, int, int]]


def sort_out(issues: Iterable[Issue], version: int, positions: QtPositions,
             placement: Placement, to_version: PositionMap) -> ResultDiff:
    """Compare ``issues`` (of ``version``, Python offsets) with ``placement``, whose keys
    ``to_version`` carries to ``version``."""
    shown: dict[Key, Key] = {}
    for key in placement.keys:
        moved = to_version.map_range(key[0], key[1])
        if moved is not None:
            shown[(moved[0], moved[1], *key[2:])] = key  # type: ignore[assignment]
    kept: list[tuple[Key, Issue, Key]] = []
    added: list[tuple[Issue, int, int]] = []
    to_qt = positions.to_qt
    for issue in issues:
        start, end = to_qt(issue.start), to_qt(issue.end)
        key = issue_key(issue, start, end)
        old = shown.pop(key, None)
        if old is not None:
            kept.append((old, issue, key))
        else:
            added.append((issue, start, end))
    return ResultDiff(placement.generation, version, kept, added)
