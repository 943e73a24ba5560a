from __future__ import annotations

from pathlib import Path

from ficwriter.core.chapter import NotePosition
from ficwriter.core.importers import import_chapters, import_file

AO3 = Path(__file__).parent / "data" / "ao3_download.html"


def test_ao3_download_chapters_titles_summary_and_notes() -> None:
    first, second = import_chapters(AO3)
    assert first.title == "Dusk" and second.title == "Midnight"
    assert first.summary == "Pell learns the route."
    assert first.metadata["work_title"] == "The Lamplighter's Apprentice"
    assert first.metadata["author"] == "ficwriter_tests"
    assert first.metadata["fandom"] == "Original Work"
    chapter = first.chapter
    [beginning] = chapter.notes_at(NotePosition.BEGINNING)
    assert [p.text for p in beginning.paragraphs] == [
        "Written for a prompt about *small* jobs.",
        "Thank you for all the kudos on the teaser!",
    ]
    [end] = chapter.notes_at(NotePosition.END)
    assert [p.text for p in end.paragraphs] == ["More soon, I hope."]
    [work_end] = second.chapter.notes_at(NotePosition.END)
    assert work_end.paragraphs[0].text == "That is the whole story. Thank you for reading it."


def test_ao3_chapter_text_markup_and_breaks() -> None:
    chapter = import_chapters(AO3)[0].chapter
    texts = [p.text for p in chapter.paragraphs()]
    assert texts == [
        "Pell carried the ladder & the long brass taper, and the *old man* carried nothing at all.",
        '"Left foot first," he said.\n"Always the left."',
        "By the ninth lamp her arms were **shaking**.",
        "Nobody thanked them. Nobody ever did.",
    ]
    assert len(chapter.scenes) == 3  # <hr/> and the centred "* * *" paragraph


def test_import_file_takes_the_first_chapter_and_says_so() -> None:
    result = import_file(AO3)
    assert result.title == "Dusk"
    assert any("2 chapters" in w for w in result.warnings)


def test_plain_html_page(tmp_path: Path) -> None:
    page = tmp_path / "page.htm"
    page.write_text(
        "<html><head><script>alert(1)</script></head><body><h1>Rain</h1>"
        "<p>It rained <i>all</i> day.</p><p>&nbsp;</p><p><span style='font-weight:700'>"
        "Then</span> it stopped_ at last *really*.</p><div>~~~</div><p>Next.</p></body></html>",
        encoding="utf-8",
    )
    result = import_file(page)
    assert result.title == "Rain"
    texts = [p.text for p in result.chapter.paragraphs()]
    assert texts == [
        "It rained *all* day.",
        "**Then** it stopped\\_ at last \\*really\\*.",
        "Next.",
    ]
    assert len(result.chapter.scenes) == 2
    assert "alert" not in result.text


def test_google_docs_class_styles(tmp_path: Path) -> None:
    page = tmp_path / "gdocs.html"
    page.write_text(
        '<html><head><style type="text/css">.c1{font-style:italic;color:#000}'
        ".c2{font-weight:700}</style></head><body>"
        '<p class="c0"><span>She was </span><span class="c1">not</span><span> sorry, </span>'
        '<span class="c2">never</span><span>.</span></p></body></html>',
        encoding="utf-8",
    )
    texts = [p.text for p in import_file(page).chapter.paragraphs()]
    assert texts == ["She was *not* sorry, **never**."]
