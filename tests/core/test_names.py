"""Chapter titles and file names, both ways."""

from __future__ import annotations

from ficwriter.core.names import chapter_title, slugify


def test_slugify() -> None:
    assert slugify("Chapter 1: Café at Dawn!") == "chapter-1-cafe-at-dawn"
    assert slugify("???") == "chapter"


def test_a_file_name_reads_back_as_a_title() -> None:
    assert chapter_title("01-the-long-walk") == "1. The long walk"
    assert chapter_title(slugify("The Long Walk")) == "the long walk"
    assert chapter_title("my_first_draft") == "my first draft"
