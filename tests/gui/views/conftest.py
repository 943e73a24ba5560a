"""A copy of the sample project with a history written over the last three days, and goals."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

import ficwriter.history.store as store_module
from ficwriter.core.goals import update_goals
from ficwriter.core.project import open_project
from ficwriter.history.store import HistoryStore

LONG_WALK = "chapters/01-the-long-walk.md"
RIDGE = "chapters/02-over-the-ridge.md"
ELEVEN = "\nShe climbed the ridge and looked back at the sleeping town.\n"  # 11 words
FIVE = "\nThe wind had turned cold.\n"  # 5 words


def _noon(days_ago: int) -> datetime:
    """Noon, local time, ``days_ago`` days before today (every zone agrees on its date)."""
    local = datetime.combine(date.today() - timedelta(days=days_ago), datetime.min.time())
    return (local.replace(hour=12).astimezone()).astimezone(timezone.utc)


@pytest.fixture
def written_project(sample_project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two days ago: the chapters found, then 11 words written in chapter 1; yesterday 5
    words in chapter 2; today, nothing yet. Goals: 300 a day, chapter 1 to 1,540 words,
    the story to 3,000 by a deadline 10 days away."""
    times = iter([_noon(2), _noon(2) + timedelta(seconds=1), _noon(2) + timedelta(hours=2),
                  _noon(1)])  # fmt: skip
    monkeypatch.setattr(store_module, "utc_now", lambda: next(times).isoformat())
    with HistoryStore.open(sample_project) as store:
        for rel in (LONG_WALK, RIDGE):
            store.record(rel, (sample_project / rel).read_text(encoding="utf-8"), "external")
        store.save(LONG_WALK, (sample_project / LONG_WALK).read_text(encoding="utf-8") + ELEVEN)
        store.save(RIDGE, (sample_project / RIDGE).read_text(encoding="utf-8") + FIVE)
    monkeypatch.undo()
    project = open_project(sample_project)
    update_goals(project, words=3000, deadline=date.today() + timedelta(days=10), daily=300,
                 chapters={LONG_WALK: 1540})  # fmt: skip
    project.save()
    return sample_project
