"""Revisions count story words only: notes, their fences and comments are no story."""

from __future__ import annotations

from pathlib import Path

from ficwriter.history.database import open_database
from ficwriter.history.store import HistoryStore

STORY = "Wren walked to the mill.\n"
WITH_NOTE = STORY + "\n::: note\nThanks for reading this.\n:::\n"


def test_a_four_word_note_adds_no_words(store: HistoryStore) -> None:
    store.save("chapters/01.md", STORY)
    revision = store.save("chapters/01.md", WITH_NOTE)
    assert revision is not None
    assert (revision.words, revision.added, revision.removed) == (5, 0, 0)
    removed = store.save("chapters/01.md", STORY)
    assert removed is not None and (removed.added, removed.removed) == (0, 0)


def test_scene_metadata_and_story_edits_inside_notes_chapters(store: HistoryStore) -> None:
    first = store.save("chapters/01.md", WITH_NOTE)
    assert first is not None and first.added == 5  # the first revision: its story words
    text = '<!-- scene: pov=Wren; title="The mill" -->\nWren walked to the old mill.\n'
    revision = store.save("chapters/01.md", text + WITH_NOTE[len(STORY):])
    assert revision is not None and (revision.added, revision.removed) == (1, 0)


def test_old_histories_are_recounted_once(project: Path) -> None:
    with HistoryStore.open(project) as store:
        store.save("chapters/01.md", STORY)
        store.save("chapters/01.md", WITH_NOTE)
        # as an older ficwriter counted it: the note and its fence line, 5 words
        store.db.execute("UPDATE revisions SET added = 5 WHERE id = 2")
        store.db.execute("PRAGMA user_version = 2")
        store.db.conn.commit()
    db = open_database(project)
    counts = db.execute("SELECT words, added, removed FROM revisions ORDER BY id").fetchall()
    db.conn.close()
    assert counts == [(5, 5, 0), (5, 0, 0)]
