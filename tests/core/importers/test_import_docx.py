from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK

from ficwriter.core.chapter import NotePosition
from ficwriter.core.importers import import_file
from ficwriter.core.textfile import UnreadableFile


def _make(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("The Crossing", style="Title")
    document.add_paragraph("A/N: thanks to my beta for reading this twice!")
    first = document.add_paragraph("The ferry was ")
    first.add_run("late").italic = True
    first.add_run(" again, and ")
    first.add_run("nobody").bold = True
    first.add_run(" cared * at all.")
    second = document.add_paragraph("Line one")
    second.add_run().add_break()
    second.add_run("line two.")
    centred = document.add_paragraph("* * *")
    centred.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("Across the water, lights.")
    document.add_paragraph("Page end.").add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("New page, new scene.")
    document.save(str(path))


def test_docx_made_with_python_docx_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "crossing.docx"
    _make(path)
    result = import_file(path)
    assert result.title == "The Crossing"
    chapter = result.chapter
    [note] = chapter.notes_at(NotePosition.BEGINNING)
    assert note.paragraphs[0].text.startswith("A/N:")
    assert [p.text for p in chapter.paragraphs()] == [
        "The ferry was *late* again, and **nobody** cared \\* at all.",
        "Line one\nline two.",
        "Across the water, lights.",
        "Page end.",
        "New page, new scene.",
    ]
    assert len(chapter.scenes) == 3


def test_broken_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(UnreadableFile):
        import_file(path)
