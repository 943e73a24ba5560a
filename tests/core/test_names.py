"""Chapter titles and file names, both ways."""

from __future__ import annotations

from ficwriter.core.names import chapter_title, slugify


def test_slugify() -> None:
    assert slugify("Chapter 1: Café at Dawn!") == "chapter-1-café-at-dawn"
    assert slugify("???") == "chapter"


def test_a_file_name_reads_back_as_a_title() -> None:
    assert chapter_title("01-the-long-walk") == "1. The long walk"
    assert chapter_title(slugify("The Long Walk")) == "the long walk"
    assert chapter_title("my_first_draft") == "my first draft"


def test_slugs_keep_the_letters_of_every_script() -> None:
    assert slugify("Chapter 1: 雨の夜") == "chapter-1-雨の夜"
    assert slugify("Глава 2. Снег") == "глава-2-снег"
    assert slugify("الفصل الأخير") == "الفصل-الأخير"
    assert slugify("नमस्ते दुनिया") == "नमस्ते-दुनिया"  # combining vowel signs stay


def test_slugs_hold_nothing_a_file_system_refuses() -> None:
    assert slugify('a/b\\c:d*e?"f<g>h|i\x00j') == "a-b-c-d-e-f-g-h-i-j"
    assert slugify("Nul") == "nul-chapter"  # a name Windows reserves
    assert slugify("★ ☆ ★") == "chapter"
    assert len(slugify("長" * 300)) == 48
