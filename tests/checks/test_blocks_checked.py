"""Checks read block quotes and list items as prose and point at the file's characters."""

from __future__ import annotations

from pathlib import Path

from ficwriter.checks.build import build_checker
from ficwriter.core.chapter import parse

TEXT = """She read the note again.

> I could of told you sooner,
> but the river rose.

1. Their was no bridge
2. Rope

- You should of waited
"""


def test_slips_in_quotes_and_list_items_are_found_at_their_characters(tmp_path: Path) -> None:
    checker = build_checker(tmp_path, only=["fiction"], persist=False)
    try:
        result = checker.check_chapter(parse(TEXT))
    finally:
        checker.close()
    found = {(i.start, TEXT[i.start : i.end]) for i in result.issues}
    assert (TEXT.index("could of") + len("could "), "of") in found  # in the quote
    assert (TEXT.index("Their"), "Their") in found  # the first word of a numbered item
    assert (TEXT.index("should of") + len("should "), "of") in found  # in a bulleted item
