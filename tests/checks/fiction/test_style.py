"""Echo words and filter words: narration habits within one paragraph."""

from __future__ import annotations

import pytest

from tests.checks.fiction.helpers import findings, flagged

ECHO = "fiction.echo"
FILTER = "fiction.filter-word"


def test_echo_flags_the_repeat_within_the_window() -> None:
    text = "The fire crackled in the dark. She fed the fire another stick."
    found = findings(text, ECHO)
    assert [text[f.start : f.end] for f in found] == ["fire"]
    assert found[0].start == text.rindex("fire")  # the second use, not the first
    assert "‘fire’" in found[0].message


def test_echo_respects_the_window() -> None:
    text = "The fire crackled in the dark. She fed the fire another stick."
    assert flagged(text, ECHO, echo_window=3) == []
    assert flagged(text, ECHO, echo_window=8) == ["fire"]


@pytest.mark.parametrize(
    "text",
    [
        "He had given her a smile as he handed her her food.",  # stop words never echo
        "She knew that Lexa had had a point, and that that was that.",
        "She walked farther and farther away.",  # deliberate doubling
        "It was really, really cold.",
        "Lexa looked at Lexa's map.",  # names are not echoes
        "She thought about the roads. She thought about the strike.",  # parallel openings
        '"I hate the cold. They say you stop noticing, but I still hate it," she said.',
        "The fire was warm. Much later, long after the others had gone to sleep and the "
        "moon had risen over the trees and the owls had begun to call, she fed the fire.",
    ],
)
def test_echo_stays_quiet_on_function_words_names_dialogue_and_distance(text: str) -> None:
    assert flagged(text, ECHO) == []


def test_echo_in_dialogue_can_be_turned_on() -> None:
    text = '"I hate the cold. They say you stop noticing, but I still hate it," she said.'
    assert flagged(text, ECHO, echo_in_dialogue=True) == ["hate"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She saw the smoke rise over the trees.", ["saw"]),
        ("Clarke felt the cold seep into her bones.", ["felt"]),
        ("She could hear the river.", ["hear"]),
        ("She suddenly realized the truth.", ["realized"]),
        ("Octavia noticed the blood first.", ["noticed"]),
    ],
)
def test_filter_word_fires_after_its_subject(text: str, expected: list[str]) -> None:
    assert flagged(text, FILTER) == expected


@pytest.mark.parametrize(
    "text",
    [
        '"I saw the smoke," she said.',  # dialogue: the character's voice
        "The saw bit into the wood.",  # no subject: a noun
        "The felt of the table was green.",
        "Her feet, felt boots and all, were soaked.",
        "Smoke rose over the trees.",
    ],
)
def test_filter_word_stays_quiet_without_a_subject_or_in_dialogue(text: str) -> None:
    assert flagged(text, FILTER) == []


def test_filter_word_list_is_configurable() -> None:
    text = "She knew the way."
    assert flagged(text, FILTER) == []
    assert flagged(text, FILTER, filter_words=("knew",)) == ["knew"]
