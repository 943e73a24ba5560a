"""Real AO3 "Download -> HTML" files, of several ages of the archive's template."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficwriter.core.chapter import BlockQuote, ListBlock, SceneBreak
from ficwriter.core.importers import import_chapters
from ficwriter.core.inline import plain_text
from ficwriter.core.project import import_chapters_into_project

DATA = Path(__file__).parent / "data"
MODERN = DATA / "ao3_2024_multichapter.html"
OLD = DATA / "ao3_2011_oneshot.html"


def _breaks(chapter) -> int:
    return sum(isinstance(b, SceneBreak) for b in chapter.blocks)


def _story(chapter) -> str:
    return "\n".join(plain_text(p.text).text for p in chapter.paragraphs())


def test_comments_anywhere_in_the_download_are_skipped() -> None:
    results = import_chapters(MODERN)
    assert [r.title for r in results] == ["雨の夜", "Глава о снеге", "الفصل الأخير"]
    assert all("chapter content" not in r.text for r in results)


def test_spacer_paragraphs_are_space_and_only_rules_and_symbols_are_breaks() -> None:
    first, second, third = (r.chapter for r in import_chapters(MODERN))
    assert _breaks(first) == 1  # one <hr>; five &nbsp; / blank / <br/> spacers
    assert _breaks(second) == 2  # a centred "~~~" and a centred "§"
    assert _breaks(third) == 2  # "oOo"; "* * *" right before "xXx" is one break
    old = import_chapters(OLD)[0].chapter
    assert _breaks(old) == 1  # the centred ❦; three spacers in a row are still space


def test_in_story_quotes_and_lists_keep_their_form() -> None:
    first, second, _ = (r.chapter for r in import_chapters(MODERN))
    quote = next(b for b in first.blocks if isinstance(b, BlockQuote))
    assert [plain_text(p.text).text for p in quote.paragraphs] == [
        "Mara,",
        "The water is at the third step.\nDo not come down to the ford.",
        "T.",
    ]
    numbered = next(b for b in first.blocks if isinstance(b, ListBlock))
    assert numbered.ordered and [plain_text(p.text).text for p in numbered.paragraphs] == [
        "Rope, the long one",
        "Bread for three days",
        "The lantern\nand its spare wick",
    ]
    bullets = next(b for b in second.blocks if isinstance(b, ListBlock))
    assert not bullets.ordered and len(bullets.paragraphs) == 2


def test_story_inside_userstuff_stays_story_and_notes_come_from_their_blocks() -> None:
    first, second, third = (r.chapter for r in import_chapters(MODERN))
    story = _story(first)
    assert story.startswith("I told you all, once, that the chapters of my life")
    beginning = first.notes[0].text
    assert "Thanks to my beta" in beginning and "Please leave kudos" in beginning
    assert "Chapter one was a prompt fill." in beginning  # the work notes' list, as text
    assert second.notes[0].text == "A/N: this one is short, sorry!"  # it says it is one
    assert "Thank you for reading to the end." in third.notes[-1].text
    assert "More soon, I hope." in first.notes[-1].text


def test_layout_whitespace_collapses_as_a_browser_shows_it() -> None:
    first = import_chapters(MODERN)[0].chapter
    register = next(p.text for p in first.paragraphs() if "Register" in p.text)
    assert register == "*The Register* , I am told, lists every crossing."
    old = import_chapters(OLD)[0].chapter
    texts = [p.text for p in old.paragraphs()]
    assert texts[0] == "The station master swept the platform every morning, snow or no snow."
    assert texts[1] == "Trains had not stopped there in eleven years."
    assert texts[-1] == ("A woman stepped down with a suitcase tied shut with string,\n"
                         "and asked him the way to the river.")  # fmt: skip


def test_entities_and_nested_spans_read_as_text() -> None:
    second, third = (r.chapter for r in import_chapters(MODERN)[1:])
    assert "She sent it with the ferryman’s boy & waited." in _story(second)
    assert _story(third).endswith("It said only: come home.")


def test_an_old_one_shot_takes_the_work_title_and_summary() -> None:
    [result] = import_chapters(OLD)
    assert result.title == "Первый снег"
    assert result.summary == "Winter, and a station nobody stops at."
    assert result.metadata["author"] == "snegir"


@pytest.mark.parametrize("fixture", [MODERN, OLD])
def test_chapter_files_keep_titles_in_their_own_script(fixture: Path, tmp_path: Path) -> None:
    written = import_chapters_into_project(fixture, tmp_path / "story")
    names = [p.name for p in written]
    expected = {
        MODERN: ["01-雨の夜.md", "02-глава-о-снеге.md", "03-الفصل-الأخير.md"],
        OLD: ["01-первый-снег.md"],
    }[fixture]
    assert names == expected
    assert all(p.read_text(encoding="utf-8") for p in written)
