"""A project's checker is built from its settings and its dictionary."""

from __future__ import annotations

from pathlib import Path

from ficwriter.checks.build import build_checker
from ficwriter.checks.settings import CheckSettings
from ficwriter.core.chapter import parse

CHAPTER = (
    "They rode out of ArKadia at dawn.\n\n"
    "Nobody in ArKadia looked up from the fires.\n\n"
    "Octavia thought Arkadia had never looked so small.\n"
)


def _name_spelling_flags(project: Path) -> set[tuple[str, tuple[str, ...]]]:
    checker = build_checker(project, CheckSettings(engines=("fiction",)), persist=False)
    try:
        result = checker.check_chapter(parse(CHAPTER), timeout=30)
    finally:
        checker.close()
    return {
        (CHAPTER[i.start : i.end], i.suggestions)
        for i in result.issues
        if i.rule_id == "fiction.name-spelling"
    }


def test_the_dictionary_decides_which_spelling_of_a_name_is_right(tmp_path: Path) -> None:
    assert _name_spelling_flags(tmp_path) == {("Arkadia", ("ArKadia",))}  # majority wins
    (tmp_path / "dictionary.txt").write_text("Arkadia\nOctavia\n", encoding="utf-8")
    assert _name_spelling_flags(tmp_path) == {("ArKadia", ("Arkadia",))}


def _harper_texts(project: Path, text: str, **settings: object) -> list[str]:
    checker = build_checker(project, CheckSettings(engines=("harper",), **settings), persist=False)  # type: ignore[arg-type]
    try:
        result = checker.check_chapter(parse(text), timeout=60)
    finally:
        checker.close()
    return [text[i.start : i.end] for i in result.issues]


def test_a_name_the_project_uses_is_not_a_misspelling_until_the_writer_says_so(tmp_path: Path) -> None:
    (tmp_path / "chapters").mkdir()
    (tmp_path / "ficwriter.toml").write_text('title = "T"\n', encoding="utf-8")
    (tmp_path / "chapters" / "01-a.md").write_text("They rode to Quorvish and met Quorvish's king.\n")
    text = "Quorvish burned that night.\n"
    assert "Quorvish" not in _harper_texts(tmp_path, text)
    (tmp_path / "ficwriter.toml").write_text('title = "T"\n[checks]\nnot_names = ["Quorvish"]\n')
    assert "Quorvish" in _harper_texts(tmp_path, text, not_names=("Quorvish",))


def test_authors_notes_are_checked_and_a_setting_skips_them(tmp_path: Path) -> None:
    text = "::: note\nThanks for reading! I will updaet soon.\n:::\n\nThe story begins.\n"
    assert "updaet" in _harper_texts(tmp_path, text)
    assert "updaet" not in _harper_texts(tmp_path, text, check_notes=False)
