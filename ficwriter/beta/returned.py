"""A file a reader sent back: what it says about where it came from, and the sent text.

``send`` wrote the revision, its hash, the project and the chapter into the file's custom
properties. The revision is trusted only if this project's history has it, for this
chapter, with the same text (a file from another project, or a history started anew,
does not match): otherwise the file is compared with the current chapter by its words.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ficwriter.beta.reader import NotAWordFile, ReaderDocument, read_reader_file
from ficwriter.beta.send import CHAPTER, PROJECT, REVISION, REVISION_HASH
from ficwriter.history.store import HistoryStore, UnknownRevision, parse_revision_id

__all__ = ["NotAWordFile", "Returned", "open_returned", "sent_text"]


@dataclass(frozen=True)
class Returned:
    path: Path
    document: ReaderDocument

    @property
    def chapter(self) -> str | None:
        """The chapter's path in its project, as ``send`` wrote it."""
        return self.document.properties.get(CHAPTER) or None

    @property
    def project(self) -> str | None:
        return self.document.properties.get(PROJECT) or None

    @property
    def revision_id(self) -> int | None:
        try:
            return parse_revision_id(self.document.properties.get(REVISION, ""))
        except ValueError:
            return None


def open_returned(path: Path) -> Returned:
    """Read ``path``; ``NotAWordFile`` (one sentence) if it is not a readable Word file,
    ``OSError`` if it cannot be read at all."""
    return Returned(Path(path), read_reader_file(Path(path).read_bytes()))


def sent_text(store: HistoryStore | None, rel: str, returned: Returned) -> tuple[str, int] | None:
    """The text the file was made from and its revision id, if this history has it."""
    revision_id = returned.revision_id
    if store is None or revision_id is None:
        return None
    try:
        revision = store.revision(revision_id)
    except UnknownRevision:
        return None
    if revision.hash != returned.document.properties.get(REVISION_HASH):
        return None
    if revision_id not in {r.id for r in store.revisions(rel)}:
        return None
    return store.text(revision_id), revision_id
