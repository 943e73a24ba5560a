from __future__ import annotations

import hashlib
import io
from pathlib import Path

import docx
import pytest

from ficwriter.core.chapter import parse
from ficwriter.core.export import TARGETS, ExportOptions, export_chapter, write_export
from ficwriter.core.export.ao3 import NOTES_LIMIT, TEXT_LIMIT
from ficwriter.core.importers import import_file
from ficwriter.core.project import open_project
from ficwriter.paths import sample_project

SAMPLE = sample_project() / "chapters" / "01-the-long-walk.md"


def _chapter(text: str):
    return parse(text)


def test_ao3_notes_go_to_their_own_fragments() -> None:
    result = export_chapter(parse(SAMPLE.read_text(encoding="utf-8")), "ao3", name="01")
    assert list(result.files) == ["01.html", "01-beginning-notes.html", "01-end-notes.html"]
    body = result.files["01.html"].decode()
    assert "Author's note" not in body and "End note" not in body
    assert "Author's note" in result.files["01-beginning-notes.html"].decode()
    assert body.count("<hr />") == 2
    assert "<!--" not in body and "scene:" not in body


def test_ao3_uses_only_tags_ao3_keeps() -> None:
    import re

    text = "::: note\nhi\n:::\n\n<!-- c -->\n\nA *b* **c** <script>x</script>\nd\n\n* * *\n\ne\n"
    result = export_chapter(parse(text), "ao3", ExportOptions(drop_comments=False))
    tags = set()
    for data in result.files.values():
        tags |= set(re.findall(r"<(/?\w+)", data.decode()))
    assert {t.lstrip("/") for t in tags} <= {"p", "em", "strong", "br", "hr", "blockquote"}
    assert "&lt;script&gt;x&lt;/script&gt;" in result.files["chapter.html"].decode()


def test_ao3_limits_are_reported() -> None:
    long_note = "A/N " + "word " * (NOTES_LIMIT // 5 + 10)
    story = "\n\n".join(["Story " + "x" * 1000] * (TEXT_LIMIT // 1000 + 5))
    chapter = parse(f"::: note\n{long_note}\n:::\n\n{story}\n")
    warnings = export_chapter(chapter, "ao3").warnings
    assert any("chapter text" in w and "500,000" in w for w in warnings)
    assert any("beginning notes" in w for w in warnings)
    assert len(export_chapter(parse(SAMPLE.read_text(encoding="utf-8")), "ao3").warnings) == 0


def test_drop_notes_removes_them_everywhere() -> None:
    chapter = parse(SAMPLE.read_text(encoding="utf-8"))
    options = ExportOptions(keep_notes=False)
    for target in TARGETS:
        result = export_chapter(chapter, target, options)
        for name, data in result.files.items():
            text = _text_of(name, data)
            assert "Author's note" not in text and "End note" not in text, (target, name)


def _text_of(name: str, data: bytes) -> str:
    if name.endswith(".docx"):
        return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    return data.decode("utf-8")


def test_docx_has_real_italic_runs_and_centred_breaks() -> None:
    chapter = parse(SAMPLE.read_text(encoding="utf-8"))
    data = export_chapter(chapter, "docx").files["chapter.docx"]
    document = docx.Document(io.BytesIO(data))
    italic = [r.text for p in document.paragraphs for r in p.runs if r.italic]
    assert "Let him be angry," in italic and "I" in italic
    breaks = [p for p in document.paragraphs if p.text == "* * *"]
    assert len(breaks) == 4  # two scene breaks, and one each setting off the notes
    assert all(p.alignment == 1 for p in breaks)  # centred


def test_ffn_never_writes_symbol_lines() -> None:
    chapter = parse("One.\n\n* * *\n\nTwo.\n")
    result = export_chapter(chapter, "ffn", ExportOptions(scene_break="~~~"))
    assert "~~~" not in result.files["chapter.html"].decode()
    assert "<hr>" in result.files["chapter.html"].decode() and result.warnings
    worded = export_chapter(chapter, "ffn", ExportOptions(scene_break="Later"))
    assert '<p style="text-align:center;">Later</p>' in worded.files["chapter.html"].decode()


def test_html_page_is_standalone() -> None:
    page = export_chapter(parse(SAMPLE.read_text(encoding="utf-8")), "html").files["chapter.html"]
    text = page.decode()
    assert text.startswith("<!DOCTYPE html>") and "<style>" in text and "http" not in text
    assert '<aside class="note">' in text


def test_an_untitled_html_page_is_called_by_its_file_name() -> None:
    untitled = parse("Wren walked to the gate.\n")
    page = export_chapter(untitled, "html", name="03-the-gate").files["03-the-gate.html"].decode()
    assert "<title>3. The gate</title>" in page and "<h1>" not in page
    titled = parse('<!-- chapter: title="Gates & Walls" -->\n\nWren walked.\n')
    page = export_chapter(titled, "html", name="03-the-gate").files["03-the-gate.html"].decode()
    assert "<title>Gates &amp; Walls</title>" in page and "<h1>Gates &amp; Walls</h1>" in page


def test_write_export_leaves_source_untouched(tmp_path: Path) -> None:
    source = tmp_path / "ch.md"
    source.write_bytes(SAMPLE.read_bytes())
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    for target in TARGETS:
        result = export_chapter(parse(source.read_text(encoding="utf-8")), target, name="ch")
        paths = write_export(result, tmp_path / "out" / target)
        assert all(p.is_file() and p.stat().st_size > 0 for p in paths)
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before


def test_txt_export_round_trips_through_import(tmp_path: Path) -> None:
    chapter = parse(SAMPLE.read_text(encoding="utf-8"))
    result = export_chapter(chapter, "txt", ExportOptions(keep_notes=False))
    out = write_export(result, tmp_path)[0]
    back = import_file(out).chapter
    assert [p.text for p in back.paragraphs()] == [p.text for p in chapter.paragraphs()]
    assert len(back.scenes) == len(chapter.scenes)


def test_unknown_target() -> None:
    with pytest.raises(KeyError, match="pdf"):
        export_chapter(parse("x\n"), "pdf")


def test_options_from_project_config() -> None:
    options = ExportOptions.from_config(open_project(sample_project()).export)
    assert options == ExportOptions()
    custom = ExportOptions.from_config({"typographic": True, "scene_break": "~~~", "x": 1})
    assert custom.quotes and custom.dashes and custom.scene_break == "~~~"
    with pytest.raises(ValueError, match="keep_notes"):
        ExportOptions.from_config({"keep_notes": "yes"})


def test_docx_line_break_inside_a_paragraph_survives_a_round_trip(tmp_path: Path) -> None:
    chapter = parse("First line,\nsecond *line*.\n\nNext.\n")
    out = write_export(export_chapter(chapter, "docx", name="lb"), tmp_path)[0]
    back = import_file(out).chapter
    assert [p.text for p in back.paragraphs()] == ["First line,\nsecond *line*.", "Next."]
