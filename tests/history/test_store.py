"""The revision store: what a writer can rely on when looking back at a chapter."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from ficwriter.core.atomic import SaveError
from ficwriter.core.chapter import parse
from ficwriter.history.pieces import split_pieces
from ficwriter.history.store import (
    beta_source,
    HistoryStore,
    ReadOnlyProject,
    UnknownRevision,
    parse_revision_id,
)

CH = "chapters/01-cave.md"


def test_identical_text_is_not_recorded_twice(store: HistoryStore) -> None:
    first = store.record(CH, "Lexa waited.\n", "import")
    assert first is not None and first.source == "import"
    assert store.record(CH, "Lexa waited.\n", "save") is None
    assert [r.id for r in store.revisions(CH)] == [first.id]


def test_revisions_are_newest_first_with_words_added_and_removed(store: HistoryStore) -> None:
    store.record(CH, "One two three.\n\nFour five.\n")
    store.record(CH, "One two three six.\n\nFour five.\n")
    store.record(CH, "One three six.\n")
    newest, middle, oldest = store.revisions(CH)
    assert (oldest.words, oldest.added, oldest.removed) == (5, 5, 0)
    assert (middle.words, middle.added, middle.removed) == (6, 1, 0)
    assert (newest.words, newest.added, newest.removed) == (3, 0, 3)
    assert newest.path == CH and newest.created.endswith("+00:00")
    assert newest.label == f"r{newest.id}"


def test_a_revisions_words_are_the_story_words_the_window_shows(store: HistoryStore) -> None:
    text = (
        "::: note\nThanks for reading, all of you!\n:::\n\n"
        '<!-- scene: title="The gate"; pov=Wren; status=draft -->\n'
        "Wren walked out of the gate.\n"
    )
    revision = store.record(CH, text)
    assert revision is not None and revision.words == parse(text).story_words == 6
    assert (revision.added, revision.removed) == (6, 0)  # the first revision adds the chapter


def test_text_comes_back_exactly_whatever_its_blank_lines(store: HistoryStore) -> None:
    odd = "\n\n  Leading blank lines.\n\n\n\nThree blanks.\r\nA CR.\n\n\n"
    rev = store.record(CH, odd)
    assert rev is not None
    assert store.text(rev.id) == odd
    no_newline = store.record(CH, "No final newline")
    assert no_newline is not None and store.text(no_newline.id) == "No final newline"


def test_an_unchanged_paragraph_is_stored_once_across_revisions(store: HistoryStore) -> None:
    long_paragraph = "The long unchanged paragraph. " * 50
    for n in range(20):
        store.record(CH, f"{long_paragraph}\n\nEdit number {n}.\n")
    stored = [row["text"] for row in store.db["paragraphs"].rows]
    assert stored.count(long_paragraph + "\n\n") == 1
    assert len(stored) == 21


def test_restore_writes_the_old_text_and_is_itself_undoable(store: HistoryStore) -> None:
    first = store.save(CH, "The first draft.\n")
    second = store.save(CH, "The second draft.\n")
    assert first and second
    restored = store.restore(CH, first.id)
    assert (store.root / CH).read_text(encoding="utf-8") == "The first draft.\n"
    assert restored.source == "restore" and restored.id > second.id
    undone = store.restore(CH, second.id)
    assert (store.root / CH).read_text(encoding="utf-8") == "The second draft.\n"
    assert [r.source for r in store.revisions(CH)][:2] == ["restore", "restore"]
    assert undone.id > restored.id


def test_restore_keeps_the_files_newline_style_and_encoding(store: HistoryStore) -> None:
    path = store.root / CH
    lf = (
        "\u201cCaf\xe9,\u201d she said. The caf\xe9 was closed; "
        "the na\xefve waiter shrugged.\n\nTwo.\n"
    )
    path.write_bytes(lf.replace("\n", "\r\n").encode("cp1252"))
    first = store.record(CH, lf)
    store.save(CH, lf.replace("Two", "Three"))
    assert first is not None
    assert path.read_bytes() == lf.replace("Two", "Three").replace("\n", "\r\n").encode("cp1252")
    store.restore(CH, first.id)
    assert path.read_bytes() == lf.replace("\n", "\r\n").encode("cp1252")


def test_restore_refuses_a_revision_of_another_chapter(store: HistoryStore) -> None:
    other = store.save("chapters/02.md", "Another chapter.\n")
    store.save(CH, "This chapter.\n")
    assert other is not None
    with pytest.raises(UnknownRevision, match="not a revision of chapters/01-cave.md"):
        store.restore(CH, other.id)
    assert (store.root / CH).read_text(encoding="utf-8") == "This chapter.\n"


def test_a_deleted_chapter_leaves_a_tombstone_and_can_be_restored(store: HistoryStore) -> None:
    rev = store.save(CH, "Keep me.\n")
    assert rev is not None
    (store.root / CH).unlink()
    tombstone = store.delete(CH)
    assert tombstone is not None and tombstone.revision_id == rev.id
    assert [t.path for t in store.deleted()] == [CH]
    assert CH not in store.chapters()
    store.restore(CH, tombstone.revision_id)
    assert (store.root / CH).read_text(encoding="utf-8") == "Keep me.\n"
    assert store.deleted() == [] and CH in store.chapters()


def test_a_deleted_chapter_in_a_deleted_folder_comes_back_with_its_folder(
    store: HistoryStore,
) -> None:
    nested = "chapters/part-one/01.md"
    (store.root / "chapters/part-one").mkdir()
    rev = store.save(nested, "Deep.\n")
    assert rev is not None
    (store.root / nested).unlink()
    (store.root / "chapters/part-one").rmdir()
    store.delete(nested)
    store.restore(nested, rev.id)
    assert (store.root / nested).read_text(encoding="utf-8") == "Deep.\n"


def test_rename_keeps_the_history_and_a_moved_file_is_recognised_by_content(
    store: HistoryStore,
) -> None:
    store.save(CH, "Draft one.\n")
    store.save(CH, "Draft two.\n")
    (store.root / CH).rename(store.root / "chapters/02-cave.md")
    assert store.moved_from("chapters/02-cave.md", "Draft two.\n") == CH
    assert store.moved_from("chapters/02-cave.md", "Draft one.\n") is None
    assert store.rename(CH, "chapters/02-cave.md")
    assert [r.words for r in store.revisions("chapters/02-cave.md")] == [2, 2]
    assert store.revisions(CH) == []


def test_a_copy_is_a_new_chapter_not_a_rename(store: HistoryStore) -> None:
    store.save(CH, "Same text.\n")
    (store.root / "chapters/copy.md").write_text("Same text.\n", encoding="utf-8")
    assert store.moved_from("chapters/copy.md", "Same text.\n") is None


def test_a_snapshot_pins_the_latest_revision_of_each_chapter(store: HistoryStore) -> None:
    a = store.save("chapters/a.md", "A.\n")
    b = store.save("chapters/b.md", "B.\n")
    snap = store.snapshot("sent to beta")
    store.save("chapters/a.md", "A, after the beta.\n")
    assert a and b
    assert store.snapshots()[0].name == "sent to beta"
    assert dict(store.snapshots()[0].revisions) == {"chapters/a.md": a.id, "chapters/b.md": b.id}
    assert store.text(snap.revisions["chapters/a.md"]) == "A.\n"


def test_paths_are_stored_relative_and_posix(store: HistoryStore) -> None:
    rev = store.record(store.root / "chapters" / "sub" / "x.md", "X.\n")
    assert rev is not None and rev.path == "chapters/sub/x.md"
    with pytest.raises(ValueError, match="not a file inside the project"):
        store.record(store.root.parent / "elsewhere.md", "X.\n")


def test_a_read_only_store_reads_but_refuses_writes(project: Path) -> None:
    with HistoryStore.open(project) as writer:
        rev = writer.save(CH, "Written.\n")
        assert rev is not None
        reader = HistoryStore.open(project, read_only=True)
        try:
            assert reader.text(rev.id) == "Written.\n"
            with pytest.raises(ReadOnlyProject, match="read-only"):
                reader.record(CH, "Other.\n")
        finally:
            reader.close()


def test_revision_ids_are_read_with_or_without_the_r() -> None:
    assert parse_revision_id("r42") == parse_revision_id("42") == 42
    with pytest.raises(ValueError, match="look like r42"):
        parse_revision_id("head")


@pytest.mark.parametrize(
    "text",
    ["", "one", "one\n", "a\n\nb", "\n\n\na\n\n\nb\n\n", "a\nb\n\nc\n"],
)
def test_pieces_join_back_to_the_text(text: str) -> None:
    assert "".join(split_pieces(text)) == text


def test_a_save_over_an_unrecorded_external_edit_keeps_that_edit(store: HistoryStore) -> None:
    store.save(CH, "Saved in ficwriter.\n")
    (store.root / CH).write_text("Typed in another editor a moment ago.\n", encoding="utf-8")
    store.save(CH, "Saved in ficwriter again.\n")
    texts = [store.text(r.id) for r in store.revisions(CH)]
    assert texts == [
        "Saved in ficwriter again.\n",
        "Typed in another editor a moment ago.\n",
        "Saved in ficwriter.\n",
    ]
    assert [r.source for r in store.revisions(CH)] == ["save", "external", "save"]


def test_a_restore_over_an_unrecorded_external_edit_keeps_that_edit(store: HistoryStore) -> None:
    first = store.save(CH, "First.\n")
    (store.root / CH).write_text("Edited elsewhere.\n", encoding="utf-8")
    assert first is not None
    store.restore(CH, first.id)
    assert [store.text(r.id) for r in store.revisions(CH)][1] == "Edited elsewhere.\n"


def test_a_failed_save_keeps_the_text_in_the_recovery_journal(
    store: HistoryStore, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chapter = project / "chapters" / "01.md"
    chapter.write_bytes(b"First line.\r\n\r\nSecond paragraph.\r\n")

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(SaveError, match="kept in the recovery journal"):
        store.save("chapters/01.md", "Unsaved work.\n")
    monkeypatch.undo()
    assert chapter.read_bytes() == b"First line.\r\n\r\nSecond paragraph.\r\n"
    entry = store.journal.entry("chapters/01.md")
    assert entry is not None and entry.text == "Unsaved work.\n"
    # What was on disk is now in history too; the unsaved text is not (it was never saved).
    assert [r.source for r in store.revisions("chapters/01.md")] == ["external"]
    store.save("chapters/01.md", "Unsaved work.\n")
    assert store.journal.entry("chapters/01.md") is None


def test_keeping_mine_after_a_conflict_records_each_version_once(store: HistoryStore) -> None:
    store.save(CH, "Before.\n")
    (store.root / CH).write_text("Theirs.\n", encoding="utf-8")
    store.record(CH, "Theirs.\n", "external")  # what the watcher records
    store.record(CH, "Mine.\n", "conflict")  # the editor's unsaved text, kept
    assert store.save(CH, "Mine.\n") is None  # "Keep mine": history has both already
    assert (store.root / CH).read_text(encoding="utf-8") == "Mine.\n"
    assert [(r.source, store.text(r.id)) for r in store.revisions(CH)] == [
        ("conflict", "Mine.\n"), ("external", "Theirs.\n"), ("save", "Before.\n"),
    ]
    store.save(CH, "Mine, then more.\n")
    assert [r.source for r in store.revisions(CH)] == ["save", "conflict", "external", "save"]


def test_imported_chapters_are_recorded_as_they_were_written(store: HistoryStore) -> None:
    for name in ("01-dusk.md", "02-dawn.md"):
        (store.root / "chapters" / name).write_text(f"{name[3:7].title()} came.\n", encoding="utf-8")
    written = [store.root / "chapters" / "01-dusk.md", store.root / "chapters" / "02-dawn.md"]
    revisions = store.record_imports(written)
    assert [(r.path, r.source, store.text(r.id)) for r in revisions] == [
        ("chapters/01-dusk.md", "import", "Dusk came.\n"),
        ("chapters/02-dawn.md", "import", "Dawn came.\n"),
    ]


def test_a_save_that_accepted_a_beta_readers_changes_names_the_reader(store: HistoryStore) -> None:
    store.save("chapters/01.md", "Before.\n")
    revision = store.save("chapters/01.md", "After.\n", source=beta_source("Mia  Beta"))
    assert revision is not None and revision.source == "Beta: Mia Beta"
    with pytest.raises(ValueError):
        store.record("chapters/01.md", "Other.\n", "Beta: ")
