from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from ficwriter.core.chapter import NotePosition, parse, serialize
from ficwriter.core.importers import import_file
from ficwriter.core.textfile import UnreadableFile
from ficwriter.core.words import words

SEED_FIRST_STORY = "Clarke didn't turned around as she walked away"
SEED_LAST_STORY = "Clarke watched her until the brunette disappeared"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_seed_notes_breaks_and_words(tmp_path: Path, seed_text: str) -> None:
    result = import_file(_write(tmp_path, "seed.txt", seed_text.encode("utf-8")))
    chapter = parse(result.text)
    beginning = chapter.notes_at(NotePosition.BEGINNING)
    end = chapter.notes_at(NotePosition.END)
    assert [len(n.paragraphs) for n in beginning] == [2]
    assert beginning[0].paragraphs[0].text.startswith("Hello friendly readers!")
    assert beginning[0].paragraphs[1].text.startswith("Anyway, I hope you all enjoy!")
    assert [len(n.paragraphs) for n in end] == [1]
    assert end[0].paragraphs[0].text.startswith("So there's the first chapter.")
    story = chapter.paragraphs()
    assert story[0].text.startswith(SEED_FIRST_STORY)
    assert story[-1].text.startswith(SEED_LAST_STORY)
    # The five runs of two blank lines are five breaks. "An explosion." stands alone between
    # two of them: it is a scene of its own (two words), as the file's own layout says.
    assert sum(1 for b in chapter.blocks if type(b).__name__ == "SceneBreak") == 5
    assert len(chapter.scenes) == 6
    assert [p.text for p in chapter.scenes[2].paragraphs] == ["An explosion."]
    assert chapter.story_words == 7637
    assert chapter.note_words == 278
    assert words(seed_text) == words(" ".join(p.text for p in chapter.paragraphs(notes=True)))
    assert serialize(chapter) == result.text


def test_seed_import_is_canonical_and_reimports_unchanged(tmp_path: Path, seed_text: str) -> None:
    result = import_file(_write(tmp_path, "seed.txt", seed_text.encode("utf-8")))
    again = import_file(_write(tmp_path, "again.md", result.text.encode("utf-8")))
    assert serialize(parse(result.text)) == result.text
    assert again.text == result.text  # importing ficwriter's own file changes nothing


TEXT = "“Don’t,” she said — café.\n\nSecond paragraph.\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        TEXT.replace("—", "-").encode("cp1252"),  # Word's curly quotes
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "cp1252"],
)
def test_encodings_become_utf8_text(tmp_path: Path, data: bytes) -> None:
    result = import_file(_write(tmp_path, "enc.txt", data))
    assert result.text.startswith("“Don’t,” she said")
    assert "café" in result.text and "\ufeff" not in result.text
    assert len(result.chapter.paragraphs()) == 2


@pytest.mark.parametrize(("newline", "name"), [("\r\n", "CRLF"), ("\r", "CR")])
def test_windows_and_old_mac_line_ends(tmp_path: Path, newline: str, name: str) -> None:
    text = "One.\n\nTwo.\n\n\nThree.\n".replace("\n", newline)
    result = import_file(_write(tmp_path, "nl.txt", text.encode("utf-8")))
    assert "\r" not in result.text
    assert result.text == "One.\n\nTwo.\n\n* * *\n\nThree.\n"
    assert result.metadata["newline"] == name


def test_symbol_breaks_and_structure_like_lines(tmp_path: Path) -> None:
    text = "First scene.\n\nxXx\n\nSecond scene.\n\n   #\n\nThird.\n\n::: not a fence\n"
    result = import_file(_write(tmp_path, "sym.txt", text.encode("utf-8")))
    chapter = result.chapter
    assert len(chapter.scenes) == 3
    assert chapter.paragraphs()[-1].text == "::: not a fence"  # escaped, still story text


def test_binary_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile):
        import_file(_write(tmp_path, "x.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01"))


def test_empty_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile):
        import_file(_write(tmp_path, "x.txt", b"\n\n  \n"))
