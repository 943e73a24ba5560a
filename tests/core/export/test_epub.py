"""EPUB 3 of a whole work: valid for epubcheck, every story word in order, the metadata
and the table of contents a reader's library shows."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from ebooklib import ITEM_DOCUMENT, epub
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree, html

from ficwriter.core.chapter import parse
from ficwriter.core.export import ExportOptions, export_work
from ficwriter.core.export.clean import clean
from ficwriter.core.export.epub import chapter_xhtml
from ficwriter.core.inline import plain_text
from ficwriter.core.project import create_project, open_project
from ficwriter.core.words import words
from ficwriter.paths import sample_project
from tests.core.export.generated import write_project

# a 1x1 PNG
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)


def _epubcheck() -> list[str]:
    """The command that runs epubcheck (Debian installs it as an executable .jar)."""
    found = shutil.which("epubcheck")
    if found is None or shutil.which("java") is None:
        pytest.skip("epubcheck (Debian package epubcheck) or java is not installed")
    jar = Path(found).resolve()
    return ["java", "-jar", str(jar)] if jar.suffix == ".jar" else [found]


def _check(path: Path) -> str:
    done = subprocess.run([*_epubcheck(), str(path)], capture_output=True, text=True,
                          timeout=600)  # fmt: skip
    report = done.stdout + done.stderr
    assert done.returncode == 0, report
    assert "0 fatals / 0 errors" in report, report
    return report


def _write(tmp_path: Path, data: bytes, name: str = "book.epub") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _story_words(project_root: Path) -> list[str]:
    project = open_project(project_root)
    out: list[str] = []
    for path in project.chapters():
        chapter = parse(path.read_text(encoding="utf-8"))
        for paragraph in chapter.paragraphs():
            out += words(re.sub(r"[*\\]", "", paragraph.text))
    return out


def _book_words(path: Path) -> list[str]:
    book = epub.read_epub(str(path))
    out: list[str] = []
    for item_id, _ in book.spine:
        item = book.get_item_with_id(item_id)
        if item is None or item.get_type() != ITEM_DOCUMENT:
            continue
        tree = html.fromstring(item.get_content())
        out += words(" ".join(tree.itertext()))
    return out


def _in_order(needles: list[str], haystack: list[str]) -> bool:
    it = iter(haystack)
    return all(any(word == other for other in it) for word in needles)


def test_the_sample_project_passes_epubcheck_with_its_cover(tmp_path: Path) -> None:
    project = open_project(sample_project())
    work = export_work(project, "epub", cover=PNG)
    assert list(work.files) == ["starfall.epub"]
    report = _check(_write(tmp_path, work.files["starfall.epub"]))
    assert "0 warnings" in report


def test_a_300000_word_project_passes_epubcheck_with_every_word_in_order(
    tmp_path: Path,
) -> None:
    root = write_project(tmp_path / "long", 300_000, 30)
    work = export_work(open_project(root), "epub")
    path = _write(tmp_path, next(iter(work.files.values())))
    _check(path)
    story = _story_words(root)
    assert len(story) > 290_000 and work.words > 290_000
    assert _in_order(story, _book_words(path))


def test_metadata_and_table_of_contents_come_from_the_project(tmp_path: Path) -> None:
    root = write_project(tmp_path / "p", 3_000, 5)
    path = _write(tmp_path, export_work(open_project(root), "epub").files["the-long-sky.epub"])
    with zipfile.ZipFile(path) as archive:
        opf_name = next(n for n in archive.namelist() if n.endswith(".opf"))
        opf = etree.fromstring(archive.read(opf_name))
        nav_name = next(n for n in archive.namelist() if n.endswith("nav.xhtml"))
        nav = etree.fromstring(archive.read(nav_name))
    ns = {"dc": "http://purl.org/dc/elements/1.1/", "opf": "http://www.idpf.org/2007/opf"}
    assert opf.findtext(".//dc:title", namespaces=ns) == "The Long Sky"
    assert opf.findtext(".//dc:creator", namespaces=ns) == "Ada Marsh"
    assert opf.findtext(".//dc:language", namespaces=ns) == "en-US"
    assert opf.findtext(".//dc:identifier", namespaces=ns).startswith("urn:uuid:")
    assert opf.xpath("//opf:meta[@property='dcterms:modified']", namespaces=ns)
    labels = [a.text for a in nav.iter("{http://www.w3.org/1999/xhtml}a")]
    # chapters 1, 2, 4, 5 carry titles (Japanese, Russian...); 3 is named by its file
    assert labels == ["星の道", "Над хребтом", "3. Part 3", 'Fish & "chips"', "The long walk"]
    again = _write(tmp_path, export_work(open_project(root), "epub").files["the-long-sky.epub"],
                   "again.epub")  # the same book to a reader's library: the same identifier
    assert epub.read_epub(str(again)).uid == epub.read_epub(str(path)).uid == _opf_id(opf)


def _chapter_html(data: bytes) -> str:
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as archive:
        return "".join(archive.read(n).decode() for n in sorted(archive.namelist())
                       if "chapter-" in n)  # fmt: skip


def test_emphasis_breaks_and_notes_are_marked_up(tmp_path: Path) -> None:
    project = open_project(sample_project())
    kept = _chapter_html(export_work(project, "epub").files["starfall.epub"])
    assert "<em>Let him be angry,</em>" in kept
    assert kept.count('<hr class="scene"/>') >= 2
    assert '<div class="note">' in kept and "Author's note" in kept
    dropped = export_work(project, "epub", ExportOptions(keep_notes=False))
    text = _chapter_html(dropped.files["starfall.epub"])
    assert "Author's note" not in text and '<div class="note">' not in text
    tilde = export_work(project, "epub", ExportOptions(scene_break="~~~"))
    assert '<p class="break">~~~</p>' in _chapter_html(tilde.files["starfall.epub"])


def test_a_cover_that_is_no_image_is_refused() -> None:
    with pytest.raises(ValueError, match="not a JPEG, PNG or GIF"):
        export_work(open_project(sample_project()), "epub", cover=b"%PDF-1.4")


def _opf_id(opf: etree._Element) -> str:
    return opf.findtext(".//{http://purl.org/dc/elements/1.1/}identifier")


_WORD = st.text(alphabet="abcdefgXYZ'éß日本ё&<>\"", min_size=1, max_size=8)
_PUNCT = st.sampled_from(["", ",", ".", " --", "...", "*", "**", "_", "\\", "\x0c", "\x01"])
_LINE = st.lists(st.tuples(_WORD, _PUNCT), min_size=1, max_size=10).map(
    lambda pairs: " ".join(w + p for w, p in pairs))
_BLOCK = st.one_of(
    st.lists(_LINE, min_size=1, max_size=3).map("\n".join),
    st.just("* * *"),
    _LINE.map(lambda line: f"::: note\nA/N: {line}\n:::"),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_BLOCK, min_size=1, max_size=12), st.booleans())
def test_any_chapter_is_well_formed_xhtml_with_every_story_word_in_order(
    blocks: list[str], keep_notes: bool
) -> None:
    chapter = parse("\n\n".join(blocks) + "\n")
    options = ExportOptions(keep_notes=keep_notes)
    xhtml = chapter_xhtml(clean(chapter, options, "01-x"), options)
    tree = etree.fromstring(f"<body>{xhtml}</body>".encode())  # raises on anything XML refuses
    shown = words(" ".join(tree.itertext()))
    story = [w for p in chapter.paragraphs() for w in words(plain_text(p.text, 0).text)]
    assert _in_order([w for w in story if re.search(r"\w", w)], shown)


def test_block_quotes_and_lists_are_written_as_such_and_pass_epubcheck(tmp_path: Path) -> None:
    project = create_project(tmp_path / "Letters", "Letters")
    (project.chapters_dir / "01-the-letter.md").write_text(
        "She opened the letter.\n\n"
        "> Dear Wren,\n>\n> Come home. *Please.*\n\n"
        "She made a list.\n\n"
        "4. rope\n5. matches\n\n"
        "- bread\n- the chart\n\n"
        "* * *\n\n"
        "Then she went.\n", encoding="utf-8")  # fmt: skip
    data = export_work(open_project(project.root), "epub").files["letters.epub"]
    _check(_write(tmp_path, data))
    body = _chapter_html(data)
    assert "<blockquote>" in body and "<em>Please.</em>" in body
    assert '<ol start="4">' in body and "<li>matches</li>" in body
    assert "<ul>" in body and "<li>the chart</li>" in body
