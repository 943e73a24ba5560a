"""Chapter operations keep each chapter's history, also while the project is watched."""

from __future__ import annotations

from pathlib import Path

from ficwriter.core import chapters
from ficwriter.core.project import open_project
from ficwriter.history.chapters import change_chapters
from ficwriter.history.store import HistoryStore
from ficwriter.history.sync import ProjectWatcher
from tests.history.test_sync import Heard, settle_with_marker


def _write(project: Path, name: str, text: str) -> None:
    (project / "chapters" / name).write_text(text, encoding="utf-8")


def _sources(store: HistoryStore, rel: str) -> list[str]:
    return [r.source for r in store.revisions(rel)]


def test_moves_deletes_and_restores_carry_history_and_the_watcher_adds_nothing(
    project: Path, store: HistoryStore
) -> None:
    _write(project, "01-dawn.md", "Dawn.\n")
    _write(project, "02-dusk.md", "Dusk.\n")
    store.save("chapters/02-dusk.md", "Dusk, edited.\n")
    heard = Heard()
    with ProjectWatcher(store) as watcher:
        watcher.subscribe(heard)
        change_chapters(store, lambda: chapters.move_chapter(open_project(project), 2, 1))
        assert _sources(store, "chapters/01-dusk.md") == ["save", "external"]
        assert _sources(store, "chapters/02-dawn.md") == ["external"]
        change_chapters(store, lambda: chapters.delete_chapter(open_project(project), 1))
        [tombstone] = store.deleted()
        assert store.text(tombstone.revision_id) == "Dusk, edited.\n"
        assert store.chapters() == ["chapters/01-dawn.md"]
        change_chapters(store, lambda: chapters.restore_chapter(open_project(project), "1"))
        assert _sources(store, "chapters/01-dusk.md") == ["save", "external"]
        assert store.deleted() == []
        settle_with_marker(store, heard)
    assert [c for c in heard.changes if "marker" not in c.path] == []
    assert _sources(store, "chapters/01-dusk.md") == ["save", "external"]
    assert _sources(store, "chapters/02-dawn.md") == ["external"]


def test_split_and_merge_are_revisions_and_the_merged_away_chapter_keeps_its_history(
    project: Path, store: HistoryStore
) -> None:
    _write(project, "01-one.md", "One.\n\n* * *\n\nTwo.\n")
    _write(project, "02-three.md", "Three.\n")
    change_chapters(store, lambda: chapters.split_chapter(open_project(project), 1, 2))
    assert store.latest("chapters/01-one.md").source == "save"
    assert store.text(store.latest("chapters/02-two.md").id) == "Two.\n"
    change_chapters(store, lambda: chapters.merge_chapter(open_project(project), 2))
    assert store.text(store.latest("chapters/02-two.md").id) == "Two.\n\n* * *\n\nThree.\n"
    [tombstone] = store.deleted()
    assert tombstone.path.startswith(".ficwriter/trash/") and tombstone.path.endswith("--03-three.md")
    assert store.text(tombstone.revision_id) == "Three.\n"


def test_each_named_operation_and_its_undo_is_a_revision_while_the_watcher_adds_nothing(
    project: Path, store: HistoryStore
) -> None:
    from ficwriter.core.chapter_undo import revert

    _write(project, "01-dawn.md", "Dawn.\n")
    _write(project, "02-dusk.md", "Dusk.\n")
    heard = Heard()
    with ProjectWatcher(store) as watcher:
        watcher.subscribe(heard)
        moved = change_chapters(
            store, lambda: chapters.move_chapter(open_project(project), 2, 1), chapters.MOVE)
        assert _sources(store, "chapters/01-dusk.md") == ["Chapters: Move Chapter", "external"]
        assert _sources(store, "chapters/02-dawn.md") == ["external"]  # only moved along
        change_chapters(store, lambda: revert(open_project(project), moved), "Undo Move Chapter")
        assert _sources(store, "chapters/02-dusk.md")[0] == "Chapters: Undo Move Chapter"
        deleted = change_chapters(
            store, lambda: chapters.delete_chapter(open_project(project), 2), chapters.DELETE)
        [tombstone] = store.deleted()
        assert store.revision(tombstone.revision_id).source == "Chapters: Delete Chapter"
        change_chapters(store, lambda: revert(open_project(project), deleted),
                        "Undo Delete Chapter")
        assert _sources(store, "chapters/02-dusk.md") == [
            "Chapters: Undo Delete Chapter", "Chapters: Delete Chapter",
            "Chapters: Undo Move Chapter", "Chapters: Move Chapter", "external"]
        assert store.deleted() == []
        settle_with_marker(store, heard)
    assert [c for c in heard.changes if "marker" not in c.path] == []
