"""The confused-word rule's newer entries on sentences written apart from the corpus.

Each entry must catch its slip in sentences it was not written from and stay quiet on the
correct English nearest to it (the trap a pattern could fall into).
"""

from __future__ import annotations

import pytest

from tests.checks.fiction.helpers import flagged

RULE = "fiction.confused-word"

CATCHES = [
    # confusables in context
    ("\"Your always late to these things.\"", "Your"),
    ("\"I can tell when your lying.\"", "your"),
    ("The cats came back at dawn. Their smarter than the dog.", "Their"),
    ("We drove up to the lake and left the boat their for the winter.", "their"),
    ("He was far to proud for his own good.", "to"),
    ("It was, to be honest, to late for that.", "to"),
    ("They had not spoken in to weeks.", "to"),
    ("I kept trying too, but the door was stuck.", "too"),
    ("We'll be loosing the light soon.", "loosing"),
    ("\"You don't no what he's like.\"", "no"),
    ("The cake was quiet good, for a first try.", "quiet"),
    ("The hole village turned out to watch.", "hole"),
    ("The cat jumped of the table and ran.", "of"),
    ("The bus drove passed the school without stopping.", "passed"),
    ("She past her exams in June.", "past"),
    ("Nobody touches my stationary.", "stationary"),
    ("The court won't except a late appeal.", "except"),
    ("Everyone accept Tom had a coat.", "accept"),
    ("Let me council you on this.", "council"),
    ("Money was the principle reason he stayed.", "principle"),
    ("She asked him weather it would rain.", "weather"),
    ("Don't brake the silence.", "brake"),
    ("I couldn't by a single ticket.", "by"),
    ("He was laying on the grass when they found him.", "laying"),
    ("The kid laid perfectly still under the blanket.", "laid"),
    ("You can peak through the keyhole.", "peak"),
    ("Her interest was suddenly peaked by the letter.", "peaked"),
    ("The old king was weary early in his long rein.", "rein"),
    ("I found a coat, but who's scarf is this?", "who's"),
    ("They went their after school.", "their"),
    ("The key was their when I looked.", "their"),
    ("I want too go home.", "too"),
    # verb forms
    ("Our mother use to sing on Sundays.", "use"),
    ("Nobody had ever decide to stay.", "decide"),
    ("She taken the last train home.", "taken"),
    ("He would'nt say.", "would'nt"),
    ("The landlord wont let us paint.", "wont"),
    ("\"So whats the plan?\"", "whats"),
    # split and joined words
    ("The baby was a sleep by seven.", "a sleep"),
    ("She lost every thing in the fire.", "every thing"),
    ("Some body left the gate open.", "Some body"),
    ("He made it him self.", "him self"),
    ("They left with out a word.", "with out"),
    ("I went any way.", "any way"),
    ("The guests had all ready left.", "all ready"),
    ("Thanks alot for the lift.", "alot"),
    # agreement
    ("My brothers was at the match.", "was"),
    ("There was three dogs in the yard.", "was"),
    # real words for others
    ("It was defiantly the wrong house.", "defiantly"),
    ("I never though of that.", "though"),
    ("The kids were so exited they couldn't sleep.", "exited"),
    ("The final was really exiting.", "exiting"),
    ("You aught to call her.", "aught"),
    ("She layed the table for six.", "layed"),
]

QUIET = [
    "\"Your own mother wouldn't know you.\"",
    "Their house was the last on the lane.",
    "They went their separate ways.",
    "It was their first night and their idea when it began.",
    "He was going to a friend's.",
    "She came to like him in time.",
    "I want to, too.",
    "He drank his tea in a quiet room.",
    "The hole in the fence was bigger now.",
    "She took off her coat and hung it up.",
    "The car passed the school at noon.",
    "In the past the village was bigger.",
    "The stationary car had its lights on.",
    "Everyone except Tom had a coat.",
    "She had to accept the offer.",
    "The council met on Tuesday.",
    "It was a matter of principle.",
    "The weather turned cold.",
    "He hit the brake too late.",
    "She walked by the river.",
    "The hen was laying eggs in the hay.",
    "She laid the book on the table.",
    "He lay awake all night.",
    "She had laid out his good shirt.",
    "They reached the peak by noon.",
    "He held the reins loosely.",
    "He kept a tight rein on the horse.",
    "Who's coming to dinner?",
    "I don't know who's there.",
    "I use to-do lists.",
    "What do you use to clean it?",
    "He had decided to stay.",
    "She had taken the last train.",
    "They found it broken.",
    "As was her wont, she said nothing.",
    "She took a sleeping pill.",
    "Every thing in its place.",
    "In any way she could.",
    "Was the car ready?",
    "The bruise along his ribs was purple.",
    "The glass was cold.",
    "There was more to it than that.",
    "She stared at him defiantly.",
    "Even though he tried, he failed.",
    "He exited the building at six.",
    "The car was exiting the lot.",
    "He had had enough.",
]


@pytest.mark.parametrize(("text", "wrong"), CATCHES)
def test_the_rule_catches_the_slip_in_sentences_of_its_own(text: str, wrong: str) -> None:
    assert flagged(text, RULE) == [wrong]


@pytest.mark.parametrize("text", QUIET)
def test_the_rule_leaves_the_nearest_correct_english_alone(text: str) -> None:
    assert flagged(text, RULE) == []
