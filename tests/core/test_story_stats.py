"""Measures per scene and chapter: words, point of view, dialogue, sentences, issues."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ficwriter.core.chapter import parse
from ficwriter.core.story_stats import IssueMark, chapter_picture, sentence_lengths

CHAPTER = """\
::: note
Thanks for reading, all of you.
:::

<!-- scene: pov=Wren; title="The gate" -->
Wren ran to the gate. She stopped.

"Open it," Wren said. "Now!"

* * *

Clarke waited by the fire for a long time.
"""


def test_each_scene_has_its_measures_hand_counted() -> None:
    chapter = parse(CHAPTER)
    offset = CHAPTER.index("stopped")
    picture = chapter_picture(chapter, [IssueMark(offset, "spelling"),
                                        IssueMark(CHAPTER.index("Thanks"), "grammar")])
    gate, fire = picture.scenes
    assert (gate.label, gate.pov, gate.pov_guessed) == ("The gate", "Wren", False)
    m = gate.measures
    # "Wren ran to the gate." 5, "She stopped." 2, "\"Open it,\" Wren said." 4, "\"Now!\"" 1
    assert m.words == 12 and m.paragraphs == 2
    assert m.sentence_lengths == (5, 2, 4, 1)
    assert m.dialogue_words == 3  # Open it, Now
    assert m.sentence_mean == 3.0
    assert m.sentence_spread == pytest.approx(1.5811, abs=1e-3)
    assert m.paragraph_length == 6.0
    # the issue in the note is no scene's
    assert m.issues == {"spelling": 1} and m.issues_per_1000() == {"spelling": 1000 / 12}
    assert fire.measures.words == 9 and fire.measures.sentence_lengths == (9,)
    whole = picture.measures
    assert whole.words == 21 and whole.pov_share == {"Wren": 12 / 21, "unknown": 9 / 21}


def test_chapter_measures_are_the_sum_of_their_scenes() -> None:
    picture = chapter_picture(parse(CHAPTER))
    whole = picture.measures
    assert whole.sentence_lengths == (5, 2, 4, 1, 9)
    assert whole.as_dict()["sentence_length"] == {"mean": 4.2, "spread": 2.8, "sentences": 5}


def test_a_chapter_without_words_has_zero_measures() -> None:
    measures = chapter_picture(parse("")).measures
    assert measures.words == 0 and measures.sentence_mean == 0.0
    assert measures.as_dict()["dialogue_share"] == 0.0 and measures.pov_share == {}


@given(st.lists(st.integers(min_value=1, max_value=12), min_size=1, max_size=20))
def test_sentence_lengths_of_generated_sentences(lengths: list[int]) -> None:
    text = " ".join(" ".join(["word"] * n) + "." for n in lengths)
    assert sentence_lengths(text) == lengths
