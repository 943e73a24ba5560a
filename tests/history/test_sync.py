"""Following the folder with a real watchdog observer: what other programs do to chapters."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from watchdog.observers import Observer

from ficwriter.history import sync
from ficwriter.history.store import HistoryStore
from ficwriter.history.sync import ExternalChange, ProjectWatcher
from tests.history.support import wait_for

CH = "chapters/01.md"


class Heard:
    """What the watcher announced, in order (appended on the watcher thread)."""

    def __init__(self) -> None:
        self.changes: list[ExternalChange] = []

    def __call__(self, change: ExternalChange) -> None:
        self.changes.append(change)

    def of(self, path: str) -> list[ExternalChange]:
        return [c for c in self.changes if c.path == path]

    def wait_for(self, path: str, kind: str, timeout: float = 5.0) -> ExternalChange:
        wait_for(lambda: any(c.kind == kind for c in self.of(path)), timeout)
        return next(c for c in self.of(path) if c.kind == kind)


@pytest.fixture
def heard() -> Heard:
    return Heard()


@pytest.fixture
def watcher(store: HistoryStore, heard: Heard) -> Iterator[ProjectWatcher]:
    watching = ProjectWatcher(store)
    watching.subscribe(heard)
    with watching:
        yield watching


def write(store: HistoryStore, rel: str, text: str) -> None:
    (store.root / rel).write_text(text, encoding="utf-8")


def settle_with_marker(store: HistoryStore, heard: Heard, name: str = "marker") -> None:
    """Wait until the watcher has dealt with everything written before this call.

    A change to another chapter, written after, is announced only after earlier events.
    """
    rel = f"chapters/zz-{name}.md"
    write(store, rel, f"{name}\n")
    heard.wait_for(rel, "created")


def test_an_external_edit_is_recorded_and_announced(
    store: HistoryStore, heard: Heard, watcher: ProjectWatcher
) -> None:
    write(store, CH, "Written in another editor.\n")
    change = heard.wait_for(CH, "created")
    assert change.revision is not None and change.revision.source == "external"
    assert store.text(change.revision.id) == "Written in another editor.\n"

    write(store, CH, "Edited again elsewhere.\n")
    edit = heard.wait_for(CH, "modified")
    assert edit.revision is not None
    assert [r.id for r in store.revisions(CH)][0] == edit.revision.id


def test_an_own_save_is_one_revision_and_not_announced(
    store: HistoryStore, heard: Heard, watcher: ProjectWatcher
) -> None:
    store.save(CH, "Saved by ficwriter.\n")
    store.save(CH, "Saved again by ficwriter.\n")
    settle_with_marker(store, heard)
    assert heard.of(CH) == []
    assert [r.source for r in store.revisions(CH)] == ["save", "save"]


def test_a_vim_style_save_through_a_rename_is_one_modification(
    store: HistoryStore, heard: Heard, watcher: ProjectWatcher
) -> None:
    store.save(CH, "Before vim.\n")
    folder = store.root / "chapters"
    (folder / ".01.md.swp").write_bytes(b"vim swap")
    write(store, "chapters/4913", "")  # vim's probe file
    (folder / "4913").unlink()
    os.rename(folder / "01.md", folder / "01.md~")
    (folder / "01.md").write_text("After vim.\n", encoding="utf-8")
    (folder / "01.md~").unlink()
    (folder / ".01.md.swp").unlink()
    change = heard.wait_for(CH, "modified")
    settle_with_marker(store, heard)
    assert [c.kind for c in heard.of(CH)] == ["modified"]
    assert change.revision is not None and store.text(change.revision.id) == "After vim.\n"
    assert store.deleted() == []
    assert len(store.revisions(CH)) == 2


def test_a_save_through_a_temporary_file_renamed_over_the_chapter(
    store: HistoryStore, heard: Heard, watcher: ProjectWatcher
) -> None:
    store.save(CH, "Before.\n")
    temporary = store.root / "chapters" / ".01.md.tmp-1234"
    temporary.write_text("After an IDE save.\n", encoding="utf-8")
    os.replace(temporary, store.root / CH)
    change = heard.wait_for(CH, "modified")
    assert change.revision is not None and store.text(change.revision.id) == "After an IDE save.\n"


def test_a_sync_client_writing_in_chunks_is_read_only_when_complete(
    store: HistoryStore, heard: Heard, watcher: ProjectWatcher
) -> None:
    paragraphs = [f"Paragraph {n} arrives from the cloud, slowly.\n\n" for n in range(12)]
    whole = "".join(paragraphs)
    with open(store.root / CH, "w", encoding="utf-8") as partial:
        for chunk in paragraphs:
            partial.write(chunk)
            partial.flush()
            os.fsync(partial.fileno())
            time.sleep(0.04)  # the client's pause between chunks (simulated, not a wait)
    change = heard.wait_for(CH, "created")
    settle_with_marker(store, heard)
    assert change.revision is not None
    assert [store.text(r.id) for r in store.revisions(CH)] == [whole]


def test_fifty_rapid_writes_keep_the_final_content_of_every_burst(
    store: HistoryStore, heard: Heard, watcher: ProjectWatcher
) -> None:
    written: list[str] = []
    for burst in range(3):
        for n in range(50):
            text = f"Burst {burst}, write {n}.\n"
            write(store, CH, text)
            written.append(text)
        wait_for(lambda: (latest := store.latest(CH)) is not None
                 and store.text(latest.id) == written[-1])
    recorded = [store.text(r.id) for r in reversed(store.revisions(CH))]
    # Coalesced as documented: nothing but written contents, the final one of each burst kept.
    assert set(recorded) <= set(written)
    for burst in range(3):
        assert f"Burst {burst}, write 49.\n" in recorded
    assert len(recorded) <= len(written)
    assert recorded[-1] == written[-1]


def test_a_deleted_chapter_gets_a_tombstone_and_can_be_restored(
    store: HistoryStore, heard: Heard, watcher: ProjectWatcher
) -> None:
    saved = store.save(CH, "Do not lose me.\n")
    (store.root / CH).unlink()
    heard.wait_for(CH, "deleted")
    [tombstone] = store.deleted()
    assert saved is not None and tombstone.revision_id == saved.id

    store.restore(CH, tombstone.revision_id)
    assert (store.root / CH).read_text(encoding="utf-8") == "Do not lose me.\n"
    settle_with_marker(store, heard)
    assert [c.kind for c in heard.of(CH)] == ["deleted"]
    assert store.deleted() == [] and CH in store.chapters()


def test_a_renamed_chapter_keeps_its_history(
    store: HistoryStore, heard: Heard, watcher: ProjectWatcher
) -> None:
    store.save(CH, "Draft one.\n")
    store.save(CH, "Draft two.\n")
    os.rename(store.root / CH, store.root / "chapters/01-the-cave.md")
    change = heard.wait_for("chapters/01-the-cave.md", "renamed")
    assert change.old_path == CH
    assert [store.text(r.id) for r in store.revisions("chapters/01-the-cave.md")] == [
        "Draft two.\n",
        "Draft one.\n",
    ]
    assert store.deleted() == []


def test_a_move_seen_as_delete_and_create_keeps_its_history(
    store: HistoryStore, heard: Heard, watcher: ProjectWatcher
) -> None:
    store.save(CH, "Moved by a sync client.\n")
    (store.root / "chapters/part-two").mkdir()
    write(store, "chapters/part-two/01.md", "Moved by a sync client.\n")
    (store.root / CH).unlink()
    heard.wait_for("chapters/part-two/01.md", "renamed")
    assert len(store.revisions("chapters/part-two/01.md")) == 1
    assert store.deleted() == []


def test_files_outside_chapters_and_hidden_files_are_ignored(
    store: HistoryStore, heard: Heard, watcher: ProjectWatcher
) -> None:
    (store.root / "notes.md").write_text("Not a chapter.\n", encoding="utf-8")
    (store.root / "ficwriter.toml").write_text("title = 'x'\n", encoding="utf-8")
    write(store, "chapters/.hidden.md", "Hidden.\n")
    write(store, "chapters/image.png", "not text\n")
    settle_with_marker(store, heard)
    assert [c.path for c in heard.changes] == ["chapters/zz-marker.md"]
    assert store.chapters() == ["chapters/zz-marker.md"]


def test_edits_made_while_closed_are_caught_up_at_start(store: HistoryStore, heard: Heard) -> None:
    store.save(CH, "Before closing.\n")
    store.save("chapters/02.md", "Deleted while closed.\n")
    write(store, CH, "Edited while ficwriter was closed.\n")
    (store.root / "chapters/02.md").unlink()
    watching = ProjectWatcher(store)
    watching.subscribe(heard)
    with watching:
        heard.wait_for(CH, "modified")
        heard.wait_for("chapters/02.md", "deleted")


def test_a_failing_subscriber_does_not_stop_the_watcher(
    store: HistoryStore, heard: Heard
) -> None:
    watching = ProjectWatcher(store)

    def broken(change: ExternalChange) -> None:
        raise RuntimeError("a bug in a panel")

    watching.subscribe(broken)
    watching.subscribe(heard)
    with watching:
        write(store, CH, "One.\n")
        heard.wait_for(CH, "created")
        write(store, CH, "Two.\n")
        heard.wait_for(CH, "modified")


def test_unsubscribed_callbacks_hear_nothing_and_stop_joins_the_threads(
    store: HistoryStore, heard: Heard
) -> None:
    watching = ProjectWatcher(store)
    silent = Heard()
    unsubscribe = watching.subscribe(silent)
    watching.subscribe(heard)
    unsubscribe()
    watching.start()
    write(store, CH, "Hello.\n")
    heard.wait_for(CH, "created")
    watching.stop()
    assert silent.changes == []
    assert not watching.running


def test_a_read_only_window_hears_of_changes_without_recording_them(
    project: Path, store: HistoryStore, heard: Heard
) -> None:
    store.save(CH, "Recorded by the ficwriter holding the project.\n")
    with HistoryStore.open(project, read_only=True) as reader:
        watching = ProjectWatcher(reader)
        watching.subscribe(heard)
        with watching:
            write(store, CH, "Changed elsewhere.\n")
            change = heard.wait_for(CH, "modified")
    assert change.revision is None
    assert len(store.revisions(CH)) == 1


def test_in_a_folder_without_chapters_its_own_text_files_are_followed(
    tmp_path: Path, heard: Heard
) -> None:
    (tmp_path / "chapter.txt").write_text("A loose chapter.\n", encoding="utf-8")
    with HistoryStore.open(tmp_path) as loose:
        watching = ProjectWatcher(loose)
        watching.subscribe(heard)
        with watching:
            heard.wait_for("chapter.txt", "created")
            (tmp_path / "chapter.txt").write_text("Edited.\n", encoding="utf-8")
            heard.wait_for("chapter.txt", "modified")
            (tmp_path / "notes").mkdir()
            (tmp_path / "notes" / "ideas.md").write_text("Not a chapter.\n", encoding="utf-8")
            (tmp_path / "marker.md").write_text("marker\n", encoding="utf-8")
            heard.wait_for("marker.md", "created")
    assert {c.path for c in heard.changes} == {"chapter.txt", "marker.md"}


def test_without_file_notifications_the_folder_is_polled(
    store: HistoryStore, heard: Heard, monkeypatch: pytest.MonkeyPatch
) -> None:
    class NoNotifications(Observer):  # type: ignore[misc, valid-type]
        def start(self) -> None:
            raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(sync, "Observer", NoNotifications)
    watching = ProjectWatcher(store)
    watching.subscribe(heard)
    with watching:
        write(store, CH, "Seen by polling.\n")
        change = heard.wait_for(CH, "created", timeout=10)
    assert change.revision is not None


def test_a_subscriber_may_stop_the_watcher(store: HistoryStore, heard: Heard) -> None:
    watching = ProjectWatcher(store)
    watching.subscribe(heard)
    watching.subscribe(lambda change: watching.stop())
    watching.start()
    write(store, CH, "Stop after this.\n")
    heard.wait_for(CH, "created")
    wait_for(lambda: not watching.running)
