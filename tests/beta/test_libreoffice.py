"""Returned files written by LibreOffice (``soffice --convert-to docx`` of flat ODT files
with tracked changes and comments, as a reader's LibreOffice keeps them)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ficwriter.beta.edits import apply_items
from ficwriter.beta.reader import read_reader_file
from ficwriter.beta.review import take
from ficwriter.beta.send import send_chapter
from ficwriter.cli import main
from ficwriter.core.project import create_project
from ficwriter.history.store import HistoryStore
from tests.beta.conftest import CHAPTER
from tests.beta.libreoffice import convert, fodt, needs_soffice
from tests.beta.marked import MARK_INSERTED, Del, Fmt, Ins, Italic, Note
from tests.beta.sent_text import document

pytestmark = needs_soffice
REL = "chapters/01-the-gate.md"
MARKED = document(
    gate=["Lexa drew her ", Italic("sword"), " and waited ", Ins("silently "), "by the gate."],
    river=["The river ran ", Note("black", "Lovely image!", replies=(("Sam", "Agreed."),)),
           " under the bridge. She was ", Del("very "), "tired and cold."],
    morning=[Fmt("Morning"), " came slowly over the ", Ins("eastern ", author="Sam"), "ridge."],
)
SPLIT = document(river=(["The river ran black under the bridge.", MARK_INSERTED],
                        ["She was very tired and cold."]))


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """A project that sent its chapter, and the files LibreOffice wrote for the reader."""
    folder = tmp_path_factory.mktemp("libreoffice")
    root = create_project(folder / "Story", "Starfall").root
    with HistoryStore.open(root) as store:
        store.save(REL, CHAPTER)
        send_chapter(store, REL, folder / "sent.docx", project_title="Starfall")
    properties = read_reader_file((folder / "sent.docx").read_bytes()).properties
    files = convert({
        "marked": fodt(MARKED, properties),
        "split": fodt(SPLIT, properties),
        "foreign": fodt(MARKED, {}),
    }, folder / "out")
    return root, files


def test_libreoffice_changes_and_comments_are_all_listed_at_their_words(made) -> None:
    root, files = made
    returned = read_reader_file(files["marked"])
    assert returned.properties["ficwriter.revision"] == "r1"  # LibreOffice kept them
    with HistoryStore.open(root, read_only=True) as store:
        review = take(returned, CHAPTER, store.text(1), 1)
    found = [(i.kind, i.author, i.text) for i in review.items]
    assert found == [
        ("insertion", "Mia", "silently "),
        ("comment", "Mia", "black"),
        ("deletion", "Mia", "very "),
        ("format", "Mia", "Morning"),
        ("insertion", "Sam", "eastern "),
    ]
    comment = review.items[1]
    assert comment.comment == "Lovely image!\nSam: Agreed."
    assert CHAPTER[comment.start : comment.end] == "black"
    assert review.items[0].date == "2026-12-01T10:00:00Z"
    new, applied = apply_items(CHAPTER, review.items)
    assert len(applied) == 4
    assert "Lexa drew her *sword* and waited silently by the gate." in new
    assert "She was tired and cold." in new
    assert "*Morning* came slowly over the eastern ridge." in new


def test_a_paragraph_split_in_libreoffice_splits_the_chapter_paragraph(made) -> None:
    _, files = made
    review = take(read_reader_file(files["split"]), CHAPTER)
    new, applied = apply_items(CHAPTER, review.items)
    assert applied and "under the bridge.\n\nShe was very tired" in new


def test_a_libreoffice_file_without_ficwriter_properties_is_compared_by_text(made) -> None:
    _, files = made
    review = take(read_reader_file(files["foreign"]), CHAPTER)
    assert review.base_revision is None and len(review.items) == 5
    assert all(i.applies for i in review.items)


def test_accept_all_from_the_command_line_keeps_the_chapter_before_as_a_revision(
    made, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root, files = made
    project = tmp_path / "Story"
    shutil.copytree(root, project, ignore=shutil.ignore_patterns("lock"))
    returned = tmp_path / "from-mia.docx"
    returned.write_bytes(files["marked"])
    monkeypatch.chdir(project)
    assert main(["beta", "take", str(returned), "--accept-all"]) == 0
    text = (project / REL).read_text(encoding="utf-8")
    assert "waited silently by the gate" in text and "very tired" not in text
    with HistoryStore.open(project, read_only=True) as store:
        revisions = store.revisions(REL)
    assert revisions[0].source == "Beta: Mia, Sam"
    assert [r.id for r in revisions][-1] == 1 and len(revisions) == 2  # r1: as sent, before
    assert "Accepted 4 change(s)" in capsys.readouterr().err
