"""Daily progress added up from a history built revision by revision on several days."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

import ficwriter.history.store as store_module
from ficwriter.core.goals import Goals
from ficwriter.history.progress import Progress, progress_report, read_progress
from ficwriter.history.store import HistoryStore
from ficwriter.history.sync import catch_up

LOCAL = timezone(timedelta(hours=-5))  # the writer's zone: 02:00 UTC is the evening before
NOTE = "\n::: note\nThanks for reading this.\n:::\n"
V0 = "Wren walked slowly to the old mill at dawn today.\n"  # 10 words
V1 = V0 + "\nThe river ran high and cold.\n"  # +6
V2 = V1 + NOTE  # a four-word note: the story is unchanged
V3 = V2.replace("slowly", "quickly").replace("cold.\n", "cold.\n\nShe waited there alone.\n")
CH2 = "Clarke came home late that night, tired and cold.\n"  # 9 words
V4 = V2.replace("ran high and cold.", "ran very high and cold tonight.")  # +2


class Clock:
    """The times history stamps its revisions with, set by the test."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 2, 14, 0, tzinfo=timezone.utc)

    def at(self, iso: str) -> None:
        self.now = datetime.fromisoformat(iso)

    def __call__(self) -> str:
        self.now += timedelta(seconds=1)
        return self.now.isoformat()


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(store_module, "utc_now", clock)
    return clock


@pytest.fixture
def history(project: Path, clock: Clock) -> Iterator[HistoryStore]:
    """Three local days: 2 Nov (an existing chapter found, then written on), 3 Nov (an edit
    in another editor late in the evening, a new chapter), 4 Nov (a restore, a deleted
    chapter, a save)."""
    ch1, ch2 = project / "chapters" / "01.md", project / "chapters" / "02.md"
    ch1.write_text(V0, encoding="utf-8")
    with HistoryStore.open(project) as store:
        catch_up(store)  # history's first look at the folder: the chapter as it stood
        clock.at("2026-11-02T15:00:00+00:00")
        store.save("chapters/01.md", V1)
        first_save = store.latest("chapters/01.md")
        store.save("chapters/01.md", V2)
        clock.at("2026-11-04T02:00:00+00:00")  # 21:00 on 3 Nov where the writer lives
        ch1.write_text(V3, encoding="utf-8")
        catch_up(store)
        clock.at("2026-11-04T03:00:00+00:00")
        store.save("chapters/02.md", CH2)
        clock.at("2026-11-04T16:00:00+00:00")
        assert first_save is not None
        store.restore("chapters/01.md", first_save.id + 1)  # back to V2: the edit undone
        clock.at("2026-11-04T17:00:00+00:00")
        ch2.unlink()
        catch_up(store)
        store.save("chapters/01.md", V4)
        yield store


def _figures(progress: Progress) -> dict[str, tuple[int, int, int, int]]:
    return {
        d.isoformat(): (day.added, day.removed, day.net, day.written)
        for d, day in progress.days.items()
    }


def test_days_count_story_words_by_local_date(history: HistoryStore) -> None:
    progress = read_progress(history.db, LOCAL)
    assert _figures(progress) == {
        # the 10 words history found are no day's writing; the note adds nothing
        "2026-11-02": (6, 0, 6, 6),
        # outside edit: slowly -> quickly (+1 -1) and a new sentence (+4); new chapter +9
        "2026-11-03": (1 + 4 + 9, 1, 13, 13),
        # restore: quickly -> slowly, sentence gone (+1 -5); chapter 2 deleted (-9); save +2
        "2026-11-04": (1 + 2, 5 + 9, -11, -2),
    }
    assert progress.days[date(2026, 11, 4)].deleted == 9
    assert progress.totals == {
        date(2026, 11, 2): 16,
        date(2026, 11, 3): 29,
        date(2026, 11, 4): 18,
    }
    assert progress.words == 18 and progress.chapters == {"chapters/01.md": 18}


def test_days_follow_the_writers_zone(history: HistoryStore) -> None:
    in_utc = read_progress(history.db, timezone.utc)
    # in UTC the evening's outside edit and new chapter fall on 4 Nov
    assert date(2026, 11, 3) not in in_utc.days
    assert in_utc.days[date(2026, 11, 4)].added == 1 + 4 + 9 + 1 + 2


def test_streak_and_pace_against_the_goals(history: HistoryStore) -> None:
    progress = read_progress(history.db, LOCAL)
    goals = Goals(words=100, deadline=date(2026, 11, 7), daily=3)
    report = progress_report(progress, goals, date(2026, 11, 4), days=4)
    # 4 Nov wrote -2 (a deleted chapter is not held against it, the restore is): not met,
    # so the streak is 2 and 3 Nov
    assert report.streak == 2
    assert report.days_left == 4  # 4, 5, 6 and 7 Nov
    assert report.words_per_day_needed == 21  # (100 - 18) / 4, rounded up
    assert report.as_dict() == {
        "project": {"words": 18, "target": 100, "deadline": "2026-11-07", "days_left": 4,
                    "words_per_day_needed": 21},
        "today": {"date": "2026-11-04", "added": 3, "removed": 14, "net": -11, "target": 3},
        "days": [
            {"date": "2026-11-01", "added": 0, "removed": 0, "net": 0},
            {"date": "2026-11-02", "added": 6, "removed": 0, "net": 6},
            {"date": "2026-11-03", "added": 14, "removed": 1, "net": 13},
            {"date": "2026-11-04", "added": 3, "removed": 14, "net": -11},
        ],
        "streak": 2,
    }  # fmt: skip
    assert progress_report(progress, goals, date(2026, 11, 5)).streak == 0
    assert progress_report(progress, Goals(daily=3), date(2026, 11, 3)).streak == 2
    # without a daily target, any day that wrote something counts
    assert progress_report(progress, Goals(), date(2026, 11, 3)).streak == 2


def test_a_deadline_passed_or_a_target_reached_needs_no_pace(history: HistoryStore) -> None:
    progress = read_progress(history.db, LOCAL)
    passed = progress_report(progress, Goals(words=100, deadline=date(2026, 11, 1)), date(2026, 11, 4))
    assert (passed.days_left, passed.words_per_day_needed) == (0, None)
    reached = progress_report(progress, Goals(words=10, deadline=date(2026, 12, 1)), date(2026, 11, 4))
    assert reached.words_per_day_needed == 0


def test_a_day_lists_its_revisions_for_the_history_panel(history: HistoryStore) -> None:
    progress = read_progress(history.db, LOCAL)
    day = progress.days[date(2026, 11, 3)]
    assert [history.revision(r).source for r in day.revisions] == ["external", "save"]


def test_imported_chapters_are_where_the_story_stood(project: Path, clock: Clock) -> None:
    (project / "chapters" / "01.md").write_text(V0, encoding="utf-8")
    with HistoryStore.open(project) as store:
        store.record("chapters/01.md", V0, "external")
        clock.at("2026-11-05T15:00:00+00:00")
        (project / "chapters" / "02.md").write_text(CH2, encoding="utf-8")
        store.record_imports(["chapters/02.md"])
        progress = read_progress(store.db, LOCAL)
    assert progress.days[date(2026, 11, 5)].added == 0
    assert progress.words == 19


def test_a_returning_chapter_lifts_its_deletion(project: Path, clock: Clock) -> None:
    with HistoryStore.open(project) as store:
        store.save("chapters/01.md", V0)
        clock.at("2026-11-05T15:00:00+00:00")
        store.save("chapters/02.md", CH2)
        (project / "chapters" / "02.md").unlink()
        catch_up(store)
        assert read_progress(store.db, LOCAL).days[date(2026, 11, 5)].deleted == 9
        store.restore("chapters/02.md", store.latest("chapters/02.md").id)  # type: ignore[union-attr]
        progress = read_progress(store.db, LOCAL)
    assert progress.days[date(2026, 11, 5)].deleted == 0
    assert progress.words == 19


def test_a_merged_chapter_moved_its_words_rather_than_wrote_them(
    project: Path, clock: Clock
) -> None:
    from ficwriter.core.chapters import merge_chapter
    from ficwriter.core.project import create_project
    from ficwriter.history.chapters import change_chapters

    story = create_project(project)
    with HistoryStore.open(project) as store:
        store.save("chapters/01-a.md", V0)
        store.save("chapters/02-b.md", CH2)
        clock.at("2026-11-05T15:00:00+00:00")
        change_chapters(store, lambda: merge_chapter(story, 1))
        day = read_progress(store.db, LOCAL).days[date(2026, 11, 5)]
        # chapter 1 gained chapter 2's nine words, chapter 2 went to the trash
        assert (day.added, day.removed, day.deleted, day.written) == (9, 9, 0, 0)
        assert read_progress(store.db, LOCAL).words == 19


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_STEPS = st.lists(
    st.tuples(st.sampled_from(["save", "delete", "note"]), st.integers(0, 2),
              st.integers(0, 12)),
    min_size=1, max_size=12,
)  # fmt: skip


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=_STEPS)
def test_the_days_add_up_to_the_story(tmp_path_factory, steps) -> None:  # type: ignore[no-untyped-def]
    """Whatever is saved, noted or deleted, on whichever days: the days' net words add up to
    the story's words, and the total after the last day is the story now."""
    root = tmp_path_factory.mktemp("story")
    (root / "chapters").mkdir()
    clock = iter(datetime(2026, 11, 1, 12, tzinfo=timezone.utc) + timedelta(hours=7 * n)
                 for n in range(200))  # fmt: skip
    original = store_module.utc_now
    store_module.utc_now = lambda: next(clock).isoformat()
    try:
        with HistoryStore.open(root) as store:
            texts: dict[str, str] = {}
            for action, chapter, words in steps:
                rel = f"chapters/{chapter}.md"
                if action == "delete":
                    if rel in texts:
                        (root / rel).unlink()
                        del texts[rel]
                        catch_up(store)
                    continue
                text = " ".join(["word"] * words) + ".\n" if words else "\n"
                if action == "note":
                    text += f"\n::: note\n{' '.join(['thanks'] * words)}\n:::\n"
                texts[rel] = text
                store.save(rel, text)
            progress = read_progress(store.db, timezone.utc)
    finally:
        store_module.utc_now = original
    story = sum(t.replace(".", " ").split().count("word") for t in texts.values())
    assert progress.words == story
    assert sum(day.net for day in progress.days.values()) == story
    assert (list(progress.totals.values()) or [0])[-1] == story
    assert all(day.written >= day.net for day in progress.days.values())
