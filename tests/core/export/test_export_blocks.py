"""Block quotes and lists inside the story come out of every export as what they are."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from ficwriter.core.chapter import parse
from ficwriter.core.export import TARGETS, export_chapter, write_export
from ficwriter.core.importers import import_file

SOURCE = Path(__file__).resolve().parent.parent / "golden" / "blocks-source.md"
CHAPTER = parse(SOURCE.read_text(encoding="utf-8"))
AO3_KEEPS = {"p", "em", "strong", "br", "hr", "blockquote", "ol", "ul", "li"}


def _main(target: str) -> bytes:
    result = export_chapter(CHAPTER, target, name="letters")
    return result.files[result.main]


def test_ao3_writes_quotes_and_lists_with_tags_ao3_keeps() -> None:
    body = _main("ao3").decode()
    assert set(re.findall(r"<(\w+)", body)) <= AO3_KEEPS
    assert body.count("<blockquote>") == 2 and body.count("<ol") == 2 and "<ul>" in body
    assert "<li>The lantern<br />and its spare wick</li>" in body
    assert "&gt;" not in body and "<li>1." not in body  # markers became structure, not text


def test_every_target_keeps_every_word_of_the_letter_and_the_lists() -> None:
    words = ["Clarke", "ford", "Rope", "lantern", "wick", "map", "anything", "bridge", "doors"]
    for target in TARGETS:
        data = _main(target)
        if target == "docx":
            document = docx.Document(io.BytesIO(data))
            data = "\n".join(p.text for p in document.paragraphs).encode()
        text = data.decode()
        assert all(word in text for word in words), target


def test_plain_text_and_ffn_set_quotes_and_items_in() -> None:
    txt = _main("txt").decode()
    assert "\n    Clarke,\n" in txt
    assert "    3. The lantern\n       and its spare wick" in txt
    assert "    - the map\n    - *anything* of his" in txt
    ffn = _main("ffn").decode()
    assert "<p>\u00a0\u00a0\u00a0\u00a04. Forty-two doors</p>" in ffn
    assert "<blockquote>" not in ffn and "<li>" not in ffn


def test_markdown_export_reads_back_as_the_same_blocks(tmp_path: Path) -> None:
    path = tmp_path / "letters.md"
    path.write_bytes(_main("md"))
    again = import_file(path).chapter
    shape = lambda c: [(type(b).__name__, len(getattr(b, "paragraphs", ()))) for b in c.blocks]  # noqa: E731
    assert shape(again)[-8:] == shape(CHAPTER)[-8:]
    assert again.story_words == CHAPTER.story_words


def test_word_uses_quote_style_and_restarts_numbering_for_each_list() -> None:
    document = docx.Document(io.BytesIO(_main("docx")))
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Quote", "Clarke,") in styles
    assert ("List Number", "Rope, the long one") in styles
    assert ("List Bullet", "the map") in styles
    numbers = {p._p.pPr.numPr.numId.val for p in document.paragraphs if p.style.name == "List Number"}
    assert len(numbers) == 2  # two numbered lists, two numberings
    numbering = document.part.numbering_part.element
    starts = sorted(
        int(numbering.num_having_numId(n).xpath("./w:lvlOverride/w:startOverride/@w:val")[0])
        for n in numbers
    )
    assert starts == [1, 4]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_numbers_the_word_lists_as_written(tmp_path: Path) -> None:
    [path] = write_export(export_chapter(CHAPTER, "docx", name="letters"), tmp_path)
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", "txt:Text", "--outdir", str(tmp_path), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    text = (tmp_path / "letters.txt").read_text(encoding="utf-8-sig")
    numbered = re.findall(r"^\s*(\d+)\. (\w+)", text, re.MULTILINE)
    assert numbered == [("1", "Rope"), ("2", "Bread"), ("3", "The"), ("4", "Forty"), ("5", "One")]


def test_epub_chapters_keep_quotes_and_lists() -> None:
    from ficwriter.core.export import ExportOptions
    from ficwriter.core.export.clean import clean
    from ficwriter.core.export.epub import chapter_xhtml

    page = chapter_xhtml(clean(CHAPTER, ExportOptions()), ExportOptions())
    assert page.count("<blockquote>") == 2 and '<ol start="4">' in page and "<ul>" in page
