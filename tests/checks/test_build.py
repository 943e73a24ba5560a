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
