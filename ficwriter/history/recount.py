"""Migration 3: revisions' words added and removed recounted as story words only.

Histories written before it counted every changed word, author's notes and the
``::: note`` fence line included (a four-word note recorded "added: 5" while the story was
unchanged). Progress and goals add these counts up, so old revisions are recounted once,
each against the chapter's revision before it, from the texts history keeps.
"""

from __future__ import annotations

import sqlite_utils

from ficwriter.history.diff import story_change
from ficwriter.history.pieces import unpack_ids

_BATCH = 500


def recount_story_words(db: sqlite_utils.Database) -> None:
    """Recount ``words``/``added``/``removed`` of every revision, chapter by chapter."""
    chapter_ids = [row[0] for row in db.execute("SELECT id FROM chapters")]
    for chapter_id in chapter_ids:
        rows = db.execute(
            "SELECT id, body, words, added, removed FROM revisions WHERE chapter_id = ? "
            "ORDER BY id",
            [chapter_id],
        ).fetchall()
        bodies = [unpack_ids(body) for _, body, *_ in rows]
        texts = _paragraph_texts(db, {i for ids in bodies for i in ids})
        previous: str | None = None
        updates = []
        for (revision_id, _, *counts), ids in zip(rows, bodies):
            text = "".join(texts[i] for i in ids)
            if previous is not None and not (_has_markup(previous) or _has_markup(text)):
                previous = text  # no notes or comments: counted as story words already
                continue
            change = story_change(previous, text)
            if [change.words, change.added, change.removed] != counts:
                updates.append((change.words, change.added, change.removed, revision_id))
            previous = text
        db.conn.executemany(
            "UPDATE revisions SET words = ?, added = ?, removed = ? WHERE id = ?", updates
        )


def _paragraph_texts(db: sqlite_utils.Database, ids: set[int]) -> dict[int, str]:
    wanted = list(ids)
    found: dict[int, str] = {}
    for start in range(0, len(wanted), _BATCH):
        batch = wanted[start : start + _BATCH]
        marks = ", ".join("?" * len(batch))
        found.update(db.execute(f"SELECT id, text FROM paragraphs WHERE id IN ({marks})", batch))
    return found


def _has_markup(text: str) -> bool:
    """Whether the old count may have included non-story words (notes, comments)."""
    return ":::" in text or "<!--" in text
