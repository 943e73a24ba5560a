from __future__ import annotations

from pathlib import Path

import pytest

from ficwriter.core.importers import import_chapters
from ficwriter.core.project import (
    create_project,
    import_chapters_into_project,
    open_project,
    write_imported,
)
from ficwriter.paths import copy_sample_project, sample_project


def import_into_project(source: Path, root: Path) -> Path:
    """The first chapter an import writes (the usual file holds one)."""
    return import_chapters_into_project(source, root)[0]


def test_sample_project_settings_chapters_and_dictionary() -> None:
    project = open_project(sample_project())
    assert project.title == "Starfall"
    assert project.language == "en-GB"
    assert project.export["target"] == "ao3"
    assert [p.name for p in project.chapters()] == ["01-the-long-walk.md", "02-over-the-ridge.md"]
    assert {"Wren", "Isolde", "Ashmere"} <= set(project.dictionary_words())


def test_opening_a_chapter_file_finds_its_project() -> None:
    chapter = sample_project() / "chapters" / "01-the-long-walk.md"
    assert open_project(chapter).root == sample_project().resolve()


def test_loose_file_makes_its_folder_the_project_and_writes_nothing(tmp_path: Path) -> None:
    loose = tmp_path / "chapter.txt"
    loose.write_text("Some story.\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("More.\n", encoding="utf-8")
    project = open_project(loose)
    assert project.root == tmp_path.resolve()
    assert project.title == tmp_path.name
    assert [p.name for p in project.chapters()] == ["chapter.txt", "notes.md"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chapter.txt", "notes.md"]


def test_save_keeps_comments_and_changes(tmp_path: Path) -> None:
    root = tmp_path / "Starfall"
    copy_sample_project(root)
    project = open_project(root)
    project.config["fandom"] = "Mine"
    project.save()
    text = (root / "ficwriter.toml").read_text(encoding="utf-8")
    assert text.startswith("# ficwriter project settings")
    assert open_project(root).fandom == "Mine"


def test_add_word_once(tmp_path: Path) -> None:
    project = create_project(tmp_path / "P")
    project.add_word("Wren")
    project.add_word("Wren")
    project.add_word("Tavi")
    assert project.dictionary_path.read_text(encoding="utf-8") == "Wren\nTavi\n"


def test_bad_toml_is_reported(tmp_path: Path) -> None:
    (tmp_path / "ficwriter.toml").write_text("title = [unclosed\n", encoding="utf-8")
    with pytest.raises(ValueError, match="ficwriter.toml"):
        open_project(tmp_path)


def test_import_numbers_chapters_and_never_overwrites(tmp_path: Path) -> None:
    source = tmp_path / "My Chapter!.txt"
    source.write_text("A/N: hello readers, thanks for reading!\n\nShe ran.\n", encoding="utf-8")
    root = tmp_path / "Story"
    first = import_into_project(source, root)
    assert first == root / "chapters" / "01-my-chapter.md"
    (root / "chapters" / "02-my-chapter.md").write_text("mine\n", encoding="utf-8")
    third = import_into_project(source, root)
    assert third.name == "03-my-chapter.md"
    assert (root / "chapters" / "02-my-chapter.md").read_text(encoding="utf-8") == "mine\n"
    assert third.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
    assert (root / "ficwriter.toml").is_file()
    assert not [p for p in (root / "chapters").iterdir() if p.name.startswith(".")]


def test_imported_chapter_files_are_renumbered(tmp_path: Path) -> None:
    source = sample_project() / "chapters" / "02-over-the-ridge.md"
    written = import_into_project(source, tmp_path)
    assert written.name == "01-over-the-ridge.md"
    assert written.read_bytes() == source.read_bytes()


def test_import_of_a_multi_chapter_download_writes_every_chapter(tmp_path: Path) -> None:
    source = Path(__file__).parent / "importers" / "data" / "ao3_download.html"
    first = import_into_project(source, tmp_path)
    assert first.name == "01-dusk.md"
    assert [p.name for p in open_project(tmp_path).chapters()] == ["01-dusk.md", "02-midnight.md"]


def test_failed_import_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "x.txt"
    source.write_bytes(b"\x00\x01\x02binary\x00")
    with pytest.raises(ValueError):
        import_into_project(source, tmp_path / "New")
    assert not (tmp_path / "New").exists()


def test_writing_converted_chapters_never_overwrites(tmp_path: Path) -> None:
    source = tmp_path / "draft.txt"
    source.write_text("She ran.\n\n\nHe stayed.\n", encoding="utf-8")
    converted = import_chapters(source)  # the slow half, done once (on a worker, in the window)
    root = tmp_path / "Story"
    (first,) = write_imported(converted, source, root)
    (again,) = write_imported(converted, source, root)
    assert [first.name, again.name] == ["01-draft.md", "02-draft.md"]
    assert first.read_text(encoding="utf-8") == converted[0].text == again.read_text(encoding="utf-8")


def test_unreadable_files_are_not_chapters_but_keep_their_number(tmp_path: Path) -> None:
    root = tmp_path / "Story"
    create_project(root)
    (root / "chapters" / "01-dawn.md").write_text("Dawn came.\n", encoding="utf-8")
    (root / "chapters" / "02-photo.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00")
    (root / "chapters" / "03-dusk.md").write_text("Dusk fell.\n", encoding="cp1252")
    project = open_project(root)
    assert [p.name for p in project.chapters()] == ["01-dawn.md", "03-dusk.md"]
    assert [p.name for p in project.chapter_files()] == ["01-dawn.md", "02-photo.md", "03-dusk.md"]
    source = tmp_path / "night.txt"
    source.write_text("Night.\n", encoding="utf-8")
    assert import_into_project(source, root).name == "04-night.md"


def test_a_long_chapter_is_told_from_a_binary_file_by_its_start(tmp_path: Path) -> None:
    """Only the start of each file is read to list chapters; a letter cut in two at the
    end of that start must not make a long chapter look like binary."""
    root = tmp_path / "Story"
    create_project(root)
    prose = ("雨が降っていた。", "Она не обернулась. ", "Wren said “no”… ")
    for n, sentence in enumerate(prose, start=1):
        for pad in range(3):  # the letter at byte 8,192 cut in every place
            text = "x" * pad + sentence * 3000 + "\n"
            (root / "chapters" / f"{n}{pad}-long.md").write_text(text, encoding="utf-8")
    (root / "chapters" / "99-photo.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + b"\x00" * 20000)
    names = [p.name for p in open_project(root).chapters()]
    assert len(names) == 3 * len(prose) and "99-photo.md" not in names
