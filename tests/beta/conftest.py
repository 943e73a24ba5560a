"""A project with one chapter in history and the Word file ``beta send`` made of it."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from ficwriter.beta.properties import read_properties
from ficwriter.beta.send import send_chapter
from ficwriter.core.project import create_project
from ficwriter.history.store import HistoryStore

CHAPTER = (
    "::: note\nThanks to everyone reading!\n:::\n\n"
    "Lexa drew her *sword* and waited by the gate.\n\n"
    '"Are you ready?" Clarke asked, her voice low.\n\n'
    "* * *\n\n"
    "The river ran black under the bridge. She was very tired and cold.\n\n"
    "Morning came slowly over the ridge.\n"
)


@dataclass
class Sent:
    root: Path
    rel: str
    text: str
    docx: bytes
    revision: int

    @property
    def chapter(self) -> Path:
        return self.root / self.rel

    @property
    def properties(self) -> dict[str, str]:
        return read_properties(zipfile.ZipFile(io.BytesIO(self.docx)))

    def edit(self, text: str) -> None:
        """The writer keeps writing after sending: saved, so it is a revision."""
        with HistoryStore.open(self.root) as store:
            store.save(self.rel, text)
        self.text = text


def unsent_project(folder: Path, rel: str = "chapters/01-the-gate.md") -> Path:
    """A project holding the chapter as a file, without history yet."""
    root = create_project(folder / "Story", "Starfall").root
    (root / rel).write_text(CHAPTER, encoding="utf-8")
    return root


@pytest.fixture
def sent(tmp_path: Path) -> Sent:
    root = create_project(tmp_path / "Story", "Starfall").root
    rel = "chapters/01-the-gate.md"
    with HistoryStore.open(root) as store:
        store.save(rel, CHAPTER)
        result = send_chapter(store, rel, tmp_path / "gate.docx", project_title="Starfall")
    return Sent(root, rel, CHAPTER, (tmp_path / "gate.docx").read_bytes(), result.revision_id)
