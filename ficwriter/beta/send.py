"""``send``: the chapter as a Word file for a beta reader, naming the revision it was made of.

The file is the Word export (``core.export``, the project's export settings) of the
chapter's latest revision, recorded first if the file on disk is newer than history, so the
exact text sent can always be read back. Its custom properties carry the revision, the
project's title and the chapter's path; its text is pinned in history by a snapshot named
for the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ficwriter.beta.properties import with_properties
from ficwriter.core.atomic import write_bytes
from ficwriter.core.chapter import parse
from ficwriter.core.export import ExportOptions, export_chapter
from ficwriter.history.pieces import text_hash
from ficwriter.history.store import HistoryStore, Snapshot
from ficwriter.history.sync import follow_file

REVISION = "ficwriter.revision"
REVISION_HASH = "ficwriter.revision-sha256"
PROJECT = "ficwriter.project"
CHAPTER = "ficwriter.chapter"
SNAPSHOT_PREFIX = "Sent to beta: "


@dataclass(frozen=True)
class Sent:
    path: Path
    revision_id: int
    snapshot: Snapshot


def snapshot_name(target: Path) -> str:
    return SNAPSHOT_PREFIX + Path(target).name


def send_chapter(
    store: HistoryStore, chapter: Path | str, target: Path, *, project_title: str,
    options: ExportOptions | None = None,
) -> Sent:
    """Write ``chapter``'s Word file to ``target`` and pin the revision it holds.

    Raises ``LookupError`` for a chapter without history or file, ``atomic.SaveError`` when
    the file cannot be written (nothing is recorded then).
    """
    rel = store.relative(chapter)
    follow_file(store, rel)  # what is on disk now is what is sent, and is in history
    revision = store.latest(rel)
    if revision is None:
        raise LookupError(f"{rel} has no text to send")
    text = store.text(revision.id)
    result = export_chapter(parse(text), "docx", options, Path(rel).stem)
    data = with_properties(result.files[result.main], {
        REVISION: revision.label,
        REVISION_HASH: text_hash(text),
        PROJECT: project_title,
        CHAPTER: rel,
    })
    write_bytes(target, data)
    snapshot = store.snapshot(snapshot_name(target), [rel])
    return Sent(Path(target), revision.id, snapshot)
