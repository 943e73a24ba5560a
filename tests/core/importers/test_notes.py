from __future__ import annotations

import pytest

from ficwriter.core.importers.draft import Break, Para
from ficwriter.core.importers.notes import is_sure_note, split_notes


@pytest.mark.parametrize(
    "text",
    [
        "A/N: Sorry this took so long!",
        "Disclaimer: the characters belong to their creators.",
        "I don't own any of this, sadly.",
        "Thanks so much for reading! Please review.",
        "Author's Note: this chapter was hard to write.",
        "I hope you all liked it, I'll try to post the next chapter soon.",
    ],
)
def test_sure_notes(text: str) -> None:
    assert is_sure_note(text)


@pytest.mark.parametrize(
    "text",
    [
        "Clarke walked on, her pack heavy on her shoulders.",
        '"Thanks for reading my letter," she said. "I don\'t own a horse."',
        "She reviewed the map again.",
        "I walked to the river, and my feet were cold.",
        "Everyone in the village had seen it.",
    ],
)
def test_story_paragraphs_stay_story(text: str) -> None:
    assert not is_sure_note(text)


def test_notes_are_taken_from_both_ends_with_their_separating_break() -> None:
    blocks = [Para("A/N: hi"), Break(), Para("Story one."), Break(), Para("Story two."),
              Para("Thanks for reading!")]  # fmt: skip
    beginning, story, ending = split_notes(blocks)
    assert beginning == ["A/N: hi"]
    assert story == [Para("Story one."), Break(), Para("Story two.")]
    assert ending == ["Thanks for reading!"]


def test_a_note_in_the_middle_stays_story() -> None:
    blocks = [Para("Story."), Para("A/N: sorry for the wait"), Para("More story.")]
    assert split_notes(blocks) == ([], blocks, [])


def test_a_chapter_that_is_all_notes_stays_story() -> None:
    blocks = [Para("A/N: on hiatus, sorry!"), Para("Thanks for reading!")]
    assert split_notes(blocks) == ([], blocks, [])
