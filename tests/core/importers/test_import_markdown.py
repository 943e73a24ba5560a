from __future__ import annotations

from pathlib import Path

from ficwriter.core.importers import import_file
from ficwriter.paths import sample_project


def test_own_chapter_files_import_unchanged() -> None:
    for path in sorted((sample_project() / "chapters").glob("*.md")):
        assert import_file(path).text == path.read_text(encoding="utf-8")


def test_markdown_from_another_editor(tmp_path: Path) -> None:
    path = tmp_path / "other.md"
    path.write_text(
        "# The Fall\n\nDisclaimer: not mine.\n\nShe _ran_.\n\n~~~\n\nHe **stayed**.\n\n"
        "---\n\nEnd.\n",
        encoding="utf-8",
    )
    result = import_file(path)
    assert result.title == "The Fall"
    chapter = result.chapter
    assert [p.text for p in chapter.paragraphs()] == ["She _ran_.", "He **stayed**.", "End."]
    assert len(chapter.scenes) == 3
    assert chapter.notes[0].paragraphs[0].text == "Disclaimer: not mine."
    assert result.text.startswith('<!-- chapter: title="The Fall" -->\n\n::: note\n')


def test_marked_notes_are_trusted_and_not_detected_again(tmp_path: Path) -> None:
    path = tmp_path / "marked.md"
    text = "::: note\nHi.\n:::\n\nThanks for reading, said the sign on the door.\n"
    path.write_text(text, encoding="utf-8")
    assert import_file(path).text == text
