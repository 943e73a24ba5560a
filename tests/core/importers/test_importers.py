"""The importers' front door: whether a text file opened as it is would gain by an import."""

from __future__ import annotations

from ficwriter.core.importers import IMPORT_ONLY, import_would_add_structure
from ficwriter.paths import sample_project


def test_a_posted_chapter_would_gain_its_notes_and_breaks(seed_text: str) -> None:
    assert import_would_add_structure(seed_text, ".txt")
    assert import_would_add_structure(seed_text, ".md")


def test_a_ficwriter_chapter_is_taken_as_it_is() -> None:
    chapter = (sample_project() / "chapters" / "01-the-long-walk.md").read_text(encoding="utf-8")
    assert not import_would_add_structure(chapter, ".md")
    # its notes are marked: even a break style ficwriter does not write does not matter
    assert not import_would_add_structure(chapter.replace("* * *", "~~~"), ".md")


def test_plain_prose_has_nothing_to_gain() -> None:
    assert not import_would_add_structure("She ran.\n\nHe followed.\n", ".txt")


def test_breaks_another_editor_writes_are_worth_an_import() -> None:
    assert import_would_add_structure("She ran.\n\n~~~\n\nHe followed.\n", ".md")
    assert import_would_add_structure("She ran.\n\n\n\nHe followed.\n", ".txt")


def test_word_documents_and_web_pages_are_only_imported() -> None:
    assert {".docx", ".html", ".htm"} <= IMPORT_ONLY
    assert not {".txt", ".md"} & IMPORT_ONLY
