"""Daily progress, read from the revisions history keeps of every chapter.

Every save, every change made in another editor and every restore is a revision with the
story words it added and removed (notes are not story), so adding them up by local date
gives the words written each day, whichever program wrote them. Two kinds of change are
not a day's writing:

* **The story history found.** A chapter's first revision is where that chapter already
  stood when it was imported, recovered, or found on disk in the first look history took
  at the folder (within ``BASELINE_MINUTES`` of the history's first revision): it starts
  the project's total, not a day's words. A chapter saved first in ficwriter, or found
  later (written in another program), counts its words on the day it appears.
* **A deleted chapter.** Its words count as removed on the day of deletion (the total
  drops), but the day's writing (``Day.written``, what targets and streaks judge) leaves
  them out: throwing away an old draft is not a negative day of writing. A chapter that
  comes back lifts its tombstone, so its deletion is no longer counted anywhere. A chapter
  merged into another (whose revision a moment before gained at least its words) is no
  deletion of writing either: its words moved, so they count as removed and added.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

import sqlite_utils

from ficwriter.core.goals import Goals

BASELINE_MINUTES = 5
_MERGE_SECONDS = 60
_RECENT = 8
_BASELINE_SOURCES = frozenset({"import", "recovery"})


@dataclass(frozen=True)
class Day:
    """One local date's change to the story, in story words."""

    date: date
    added: int = 0
    removed: int = 0  # chapters deleted that day included
    deleted: int = 0  # of ``removed``: the words of chapters deleted that day
    revisions: tuple[int, ...] = ()  # ids of the revisions recorded that day

    @property
    def net(self) -> int:
        """How much the story grew (or shrank) that day."""
        return self.added - self.removed

    @property
    def written(self) -> int:
        """The day's writing: the net change without whole chapters deleted."""
        return self.net + self.deleted

    def meets(self, target: int | None) -> bool:
        """Whether the day counts toward a streak: its target met, or any writing at all."""
        return self.written >= target if target else self.written > 0


@dataclass(frozen=True)
class Progress:
    """The project's history as days: what changed on each, and the total after each."""

    days: dict[date, Day]  # only dates something happened on, oldest first
    totals: dict[date, int]  # the project's story words at the end of each of those dates
    chapters: dict[str, int] = field(default_factory=dict)  # live chapters' words, by path

    @property
    def words(self) -> int:
        """The project's story words now (chapters not deleted)."""
        return sum(self.chapters.values())

    def day(self, when: date) -> Day:
        return self.days.get(when) or Day(when)

    def span(self, first: date, last: date) -> list[Day]:
        """Every date from ``first`` to ``last``, those without revisions as empty days."""
        return [self.day(first + timedelta(days=n)) for n in range((last - first).days + 1)]

    def total_on(self, when: date) -> int:
        """The project's story words at the end of ``when``."""
        total = 0
        for day, words in self.totals.items():
            if day > when:
                break
            total = words
        return total

    def streak(self, today: date, target: int | None) -> int:
        """Days in a row that met ``target`` (or had any writing, without one), ending
        today; a today not met yet does not break yesterday's streak."""
        count = 0
        when = today if self.day(today).meets(target) else today - timedelta(days=1)
        while self.day(when).meets(target):
            count += 1
            when -= timedelta(days=1)
        return count


def _local_date(created: str, tz: tzinfo | None) -> date:
    return datetime.fromisoformat(created).astimezone(tz).date()


def _events(db: sqlite_utils.Database) -> Iterator[tuple[str, int, int | None, str, int, int, int]]:
    """Revisions and deletions in time order: (time, chapter, revision or None for a
    deletion, source, words, added, removed)."""
    rows = db.execute(
        "SELECT created, chapter_id, id, source, words, added, removed FROM revisions "
        "UNION ALL SELECT deleted, id, NULL, 'delete', 0, 0, 0 FROM chapters "
        "WHERE deleted IS NOT NULL ORDER BY 1, 3"
    )
    yield from rows


def read_progress(db: sqlite_utils.Database, tz: tzinfo | None = None) -> Progress:
    """The project's progress by local date (``tz``: the machine's zone when ``None``).

    One pass over the revisions' stored counts: no text is read, so a history of 5,000
    revisions is added up in milliseconds (``benchmarks/bench_history.py``).
    """
    paths = dict(db.execute("SELECT id, path FROM chapters").fetchall())
    tally: dict[date, _Tally] = {}
    totals: dict[date, int] = {}
    words: dict[int, int] = {}  # chapter -> its words now
    total = 0
    baseline_until: datetime | None = None
    recent: list[tuple[str, int, int]] = []  # the last revisions: time, chapter, added
    for created, chapter_id, revision_id, source, count, added, removed in _events(db):
        when = _local_date(created, tz)
        day = tally.setdefault(when, _Tally())
        if revision_id is None:  # a deletion: the chapter's words leave the story
            gone = words.pop(chapter_id, 0)
            total -= gone
            day.removed += gone
            if not _moved_into_another(recent, chapter_id, gone, created):
                day.deleted += gone
        else:
            stamp = datetime.fromisoformat(created)
            if baseline_until is None:
                baseline_until = stamp + timedelta(minutes=BASELINE_MINUTES)
            first = chapter_id not in words
            total += count - words.get(chapter_id, 0)
            words[chapter_id] = count
            found = source in _BASELINE_SOURCES or (source == "external" and stamp <= baseline_until)
            if not (first and found):
                day.added += added
                day.removed += removed
            day.revisions.append(revision_id)
            recent.append((created, chapter_id, added))
            del recent[:-_RECENT]
        totals[when] = total
    return Progress(
        days={when: tally[when].day(when) for when in sorted(tally)},
        totals=dict(sorted(totals.items())),
        chapters={paths[cid]: count for cid, count in sorted(words.items())},
    )


def _moved_into_another(
    recent: list[tuple[str, int, int]], chapter_id: int, gone: int, deleted: str
) -> bool:
    """Whether a deleted chapter's words went into another chapter just before (a merge:
    the chapter it joined gained them), so the deletion moved words rather than threw them
    away, and the day's writing must not count them as written."""
    if not gone:
        return False
    since = (datetime.fromisoformat(deleted) - timedelta(seconds=_MERGE_SECONDS)).isoformat()
    return any(
        when >= since and other != chapter_id and added >= gone for when, other, added in recent
    )


@dataclass
class _Tally:
    """A day being added up (``Day`` is frozen)."""

    added: int = 0
    removed: int = 0
    deleted: int = 0
    revisions: list[int] = field(default_factory=list)

    def day(self, when: date) -> Day:
        return Day(when, self.added, self.removed, self.deleted, tuple(self.revisions))


@dataclass(frozen=True)
class ProgressReport:
    """Progress against the project's goals on one day: what `ficwriter progress` prints
    and the Progress view draws."""

    words: int
    target: int | None
    deadline: date | None
    days_left: int | None  # today and the deadline day included; 0 once it has passed
    words_per_day_needed: int | None
    today: Day
    daily: int | None
    days: list[Day]  # the last ``days`` dates, oldest first, today last
    streak: int

    def as_dict(self) -> dict[str, object]:
        def day(d: Day) -> dict[str, object]:
            return {"date": d.date.isoformat(), "added": d.added, "removed": d.removed,
                    "net": d.net}  # fmt: skip

        return {
            "project": {
                "words": self.words,
                "target": self.target,
                "deadline": self.deadline.isoformat() if self.deadline else None,
                "days_left": self.days_left,
                "words_per_day_needed": self.words_per_day_needed,
            },
            "today": {**day(self.today), "target": self.daily},
            "days": [day(d) for d in self.days],
            "streak": self.streak,
        }


def progress_report(progress: Progress, goals: Goals, today: date, days: int = 30) -> ProgressReport:
    """``progress`` judged against ``goals`` on ``today``.

    The pace a deadline needs spreads the words still missing over the days left, today
    and the deadline day included; none once the target is reached or the deadline passed.
    """
    days_left = needed = None
    if goals.deadline is not None:
        days_left = max((goals.deadline - today).days + 1, 0)
        missing = (goals.words or 0) - progress.words
        if goals.words and days_left and missing > 0:
            needed = -(-missing // days_left)
        elif goals.words and days_left:
            needed = 0
    return ProgressReport(
        words=progress.words,
        target=goals.words,
        deadline=goals.deadline,
        days_left=days_left,
        words_per_day_needed=needed,
        today=progress.day(today),
        daily=goals.daily,
        days=progress.span(today - timedelta(days=days - 1), today),
        streak=progress.streak(today, goals.daily),
    )
