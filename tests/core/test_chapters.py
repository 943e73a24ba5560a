"""A project's chapters rearranged: numbers follow the reading order, nothing is lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ficwriter.core import chapters
from ficwriter.core.chapter import parse
from ficwriter.core.chapters import ChapterError, merge_texts, split_text
from ficwriter.core.project import create_project, open_project
from ficwriter.core.words import words


def _story(tmp_path: Path, *texts: str) -> Path:
    root = create_project(tmp_path / "Story", "Story").root
    for number, text in enumerate(texts, 1):
        (root / "chapters" / f"{number:02d}-part-{number}.md").write_text(text, encoding="utf-8")
    return root


def _names(root: Path) -> list[str]:
    return [p.name for p in open_project(root).chapters()]


def test_a_new_chapter_after_the_first_moves_the_rest_down(tmp_path: Path) -> None:
    root = _story(tmp_path, "One.\n", "Two.\n")
    change = chapters.add_chapter(open_project(root), "The Cave", after=1)
    assert _names(root) == ["01-part-1.md", "02-the-cave.md", "03-part-2.md"]
    assert change.chapter == root / "chapters" / "02-the-cave.md"
    assert change.chapter.read_text(encoding="utf-8") == '<!-- chapter: title="The Cave" -->\n\n'
    assert (root / "chapters" / "03-part-2.md").read_text(encoding="utf-8") == "Two.\n"


def test_rename_sets_the_title_and_the_file_name_and_keeps_the_text(tmp_path: Path) -> None:
    root = _story(tmp_path, "One.\n", "Two.\n")
    chapters.rename_chapter(open_project(root), 2, "Into the Dark")
    path = root / "chapters" / "02-into-the-dark.md"
    assert _names(root) == ["01-part-1.md", "02-into-the-dark.md"]
    assert path.read_text(encoding="utf-8") == '<!-- chapter: title="Into the Dark" -->\n\nTwo.\n'
    chapters.rename_chapter(open_project(root), 2, "Out")  # the header is replaced, not added
    assert (root / "chapters" / "02-out.md").read_text(encoding="utf-8") == (
        '<!-- chapter: title="Out" -->\n\nTwo.\n')
    assert [e.title for e in chapters.list_chapters(open_project(root))] == ["Part 1", "Out"]


def test_move_renumbers_every_file_in_reading_order(tmp_path: Path) -> None:
    root = _story(tmp_path, "One.\n", "Two.\n", "Three.\n")
    chapters.move_chapter(open_project(root), 3, 1)
    assert _names(root) == ["01-part-3.md", "02-part-1.md", "03-part-2.md"]
    assert [parse(p.read_text()).text for p in open_project(root).chapters()] == [
        "Three.\n", "One.\n", "Two.\n"]


def test_two_chapters_of_the_same_name_swap_places(tmp_path: Path) -> None:
    root = create_project(tmp_path / "Story").root
    (root / "chapters" / "01-chapter.md").write_text("A.\n")
    (root / "chapters" / "02-chapter.md").write_text("B.\n")
    chapters.move_chapter(open_project(root), 2, 1)
    assert [p.read_text() for p in open_project(root).chapters()] == ["B.\n", "A.\n"]
    assert sorted(p.name for p in (root / "chapters").iterdir()) == [
        "01-chapter.md", "02-chapter.md"]


def test_delete_goes_to_the_trash_and_restore_puts_it_back_where_it_stood(tmp_path: Path) -> None:
    root = _story(tmp_path, "One.\n", "Two words.\n", "Three.\n")
    chapters.delete_chapter(open_project(root), 2)
    assert _names(root) == ["01-part-1.md", "02-part-3.md"]
    [entry] = chapters.list_trash(open_project(root))
    assert (entry.name, entry.title, entry.words) == ("02-part-2.md", "Part 2", 2)
    assert entry.path.parent == root / ".ficwriter" / "trash"
    change = chapters.restore_chapter(open_project(root), "part-2")
    assert _names(root) == ["01-part-1.md", "02-part-2.md", "03-part-3.md"]
    assert change.chapter is not None and change.chapter.read_text() == "Two words.\n"
    assert chapters.list_trash(open_project(root)) == []


def test_split_at_a_scene_makes_the_next_chapter_and_merge_joins_them_again(tmp_path: Path) -> None:
    text = "One.\n\n* * *\n\n<!-- scene: title=\"The Ford\" -->\nTwo.\n\n* * *\n\nThree.\n"
    root = _story(tmp_path, text, "Last.\n")
    chapters.split_chapter(open_project(root), 1, 2)
    assert _names(root) == ["01-part-1.md", "02-the-ford.md", "03-part-2.md"]
    assert (root / "chapters" / "01-part-1.md").read_text() == "One.\n"
    assert (root / "chapters" / "02-the-ford.md").read_text() == (
        '<!-- chapter: title="The Ford" -->\n\n<!-- scene: title="The Ford" -->\nTwo.\n\n'
        "* * *\n\nThree.\n")
    chapters.merge_chapter(open_project(root), 1)
    assert _names(root) == ["01-part-1.md", "02-part-2.md"]
    merged = (root / "chapters" / "01-part-1.md").read_text()
    assert merged == text
    assert [e.name for e in chapters.list_trash(open_project(root))] == ["02-the-ford.md"]


@pytest.mark.parametrize(("operation", "message"), [
    (lambda p: chapters.move_chapter(p, 3, 1), "chapter 3: the project has chapters 1 to 2"),
    (lambda p: chapters.move_chapter(p, 1, 5), "--to 5: the project has chapters 1 to 2"),
    (lambda p: chapters.split_chapter(p, 1, 2), "scene 2: the chapter has 1 scene"),
    (lambda p: chapters.merge_chapter(p, 2), "chapter 2 is the last one"),
    (lambda p: chapters.rename_chapter(p, 1, "  "), "cannot be empty"),
    (lambda p: chapters.restore_chapter(p, "1"), "the trash is empty"),
    (lambda p: chapters.add_chapter(p, after=7), "--after 7: choose 0 to 2"),
])
def test_bad_input_is_one_sentence_and_changes_nothing(tmp_path: Path, operation, message) -> None:
    root = _story(tmp_path, "One.\n", "Two.\n")
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    with pytest.raises(ChapterError, match=message.replace("(", r"\(")):
        operation(open_project(root))
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


_WORD = st.text(st.sampled_from("abcdefghij'"), min_size=1, max_size=8).filter(
    lambda w: w.strip("'"))
_PARAGRAPH = st.lists(_WORD, min_size=1, max_size=6).map(lambda ws: " ".join(ws) + ".")
_SCENE = st.lists(_PARAGRAPH, min_size=1, max_size=3).map("\n\n".join)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(scenes=st.lists(_SCENE, min_size=2, max_size=5), data=st.data())
def test_split_then_merge_gives_back_every_word(scenes: list[str], data) -> None:
    text = "\n\n* * *\n\n".join(scenes) + "\n"
    at = data.draw(st.integers(2, len(scenes)))
    first, second = split_text(text, at)
    assert words(parse(first).text) + words(parse(second).text) == words(text)
    assert merge_texts(first, second) == text


def test_lists_name_a_chapter_by_its_number_and_title_line(tmp_path: Path) -> None:
    root = _story(tmp_path, '<!-- chapter: title="The Cave" -->\n\nDark.\n', "Two.\n")
    first, second = open_project(root).chapters()
    assert chapters.listed_title(first) == "1. The Cave"
    assert chapters.listed_title(second) == "2. Part 2"  # no title line: the file's name
    first.write_text('<!-- chapter: title="Into the Cave" -->\n\nDark.\n', encoding="utf-8")
    assert chapters.listed_title(first) == "1. Into the Cave"  # read again once changed
    assert chapters.listed_title(root / "chapters" / "07-gone.md") == "7. Gone"
