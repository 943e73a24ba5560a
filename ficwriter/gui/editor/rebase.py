"""Where positions of an older version of the text are now, after the edits made since.

A check result is worked out for the text as it was handed to the checker; by the time it
arrives the writer may have typed hundreds of keys, and every issue has to be carried
through them. Walking the edits once per issue costs issues × edits - on a long chapter's
first check, 65,000 issue placements through up to 2,000 edits, seconds of the GUI thread.

Instead the edits are folded, once, into the *runs* of the old text that no edit has
touched, each with the shift it has had since: placing an issue is then one binary search,
whatever the number of edits. An edit touches the positions it replaced and the two
boundaries next to them (ends included, as an insertion right at a word's end touches that
word): an issue with any such position is gone - its words changed - and is never stretched
over new text. The edits of a writer at work keep the runs few (typing in one place splits
the old text once).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

_END = 1 << 62  # beyond any text

Run = tuple[int, int, int]  # old positions lo..hi (both included), shifted by delta


def _current_end(run: Run) -> int:
    return run[1] + run[2]


def _old_start(run: Run) -> int:
    return run[0]


class PositionMap:
    """Maps positions of one version forward through the edits ``apply``-ed to it."""

    __slots__ = ("_runs",)

    def __init__(self, runs: Iterable[Run] = ((0, _END, 0),)) -> None:
        self._runs: list[Run] = list(runs)

    def apply(self, position: int, removed: int, added: int) -> None:
        """``removed`` positions at ``position`` (in the newest version) became ``added``."""
        runs = self._runs
        shift = added - removed
        last = position + removed  # positions position..last are touched
        i = bisect_left(runs, position, key=_current_end)  # first run reaching the edit
        out = runs[:i]
        j = i
        while j < len(runs) and runs[j][0] + runs[j][2] <= last:  # the runs the edit touches
            lo, hi, delta = runs[j]
            if lo + delta < position:
                out.append((lo, position - 1 - delta, delta))
            if hi + delta > last:
                out.append((last + 1 - delta, hi, delta + shift))
            j += 1
        if shift:
            out.extend((lo, hi, delta + shift) for lo, hi, delta in runs[j:])
        else:
            out.extend(runs[j:])
        self._runs = out

    def map_range(self, start: int, end: int) -> tuple[int, int] | None:
        """Where ``start:end`` of the old version is now; ``None`` when an edit touched it."""
        i = bisect_right(self._runs, start, key=_old_start) - 1
        if i < 0:
            return None
        lo, hi, delta = self._runs[i]
        if end > hi:
            return None
        return start + delta, end + delta
