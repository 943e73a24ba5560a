"""Commonly confused words: each entry fires in its wrong context and not in correct English."""

from __future__ import annotations

import pytest

from tests.checks.fiction.helpers import findings, flagged

RULE = "fiction.confused-word"

MUST_FIRE = [
    ("She had been responsible for more deaths that she could count.", "that", "than"),
    ("It hurt more then she expected.", "then", "than"),
    ("She was taller then her mother.", "then", "than"),
    ("I would rather die then go back.", "then", "than"),
    ("It was easier to keep a promise to herself then one made to anyone else.", "then", "than"),
    ("It was harder to stay then to go.", "then", "than"),
    ("\"Your not listening to me.\"", "Your", "You're"),
    ("\"Fine, your right.\"", "your", "you're"),
    ("She had you're own key.", "you're", "your"),
    ("\"Its not safe here.\"", "Its", "It's"),
    ("The cave kept it's own secrets.", "it's", "its"),
    ("She did not want to loose her way.", "loose", "lose"),
    ("A strand of hair had come lose from her braid.", "lose", "loose"),
    ("The smoke had no affect on her.", "affect", "effect"),
    ("She was deeply effected by the news.", "effected", "affected"),
    ("The cold effects her more than she admits.", "effects", "affect"),
    ("The girl who's eyes followed her was gone.", "who's", "whose"),
    ("\"Whose there?\" she called.", "Whose", "Who's"),
    ("They made there own way home.", "there", "their"),
    ("Their was no way out of the cave.", "Their", "There"),
    ("They're own people turned on them.", "They're", "Their"),
    ("Anya had lead her here years ago.", "lead", "led"),
    ("She past the bush without a second look.", "past", "passed"),
    ("She walked passed the guards.", "passed", "past"),
    ("She could no longer bare to feel it.", "bare", "bear"),
    ("She pressed the heals of her hands against her ears.", "heals", "heels"),
    ("She pressed the heal of her hand to the wound.", "heal", "heel"),
    ("She did not allow her arm to waiver even an inch.", "waiver", "waver"),
    ("Her voice was waivering.", "waivering", "waver"),
    ("A Grounder laid on the ground, screaming.", "laid", "lay"),
    ("She should of known better.", "of", "have"),
    ("She could not breath in the smoke.", "breath", "breathe"),
    ("She took a deep breathe and went on.", "breathe", "breath"),
    ("She could hardly breath.", "breath", "breathe"),
    ("The map peaked her interest.", "peaked", "piqued"),
    ("She took a peak inside the basket.", "peak", "peek"),
    ("Lexa gave her free reign of the cave.", "reign", "rein"),
    ("She reigned in her temper.", "reigned", "reined"),
    ("She never lost site of the fire.", "site", "sight"),
    ("She walked threw the trees.", "threw", "through"),
    ("It was good to walk threw the woods.", "threw", "through"),
    ("She had to decide weather or not to stay.", "weather", "whether"),
    ("It was to late to turn back.", "to", "too"),
    ("She read the letter out allowed.", "allowed", "aloud"),
    # corrections made from the word matched
    ("She walked alot that winter.", "alot", "a lot"),
    ("Noone came to the door.", "Noone", "No one"),
    ("Some how she found the road.", "Some how", "Somehow"),
    ("She told her self to breathe.", "her self", "herself"),
    ("\"Whats that?\"", "Whats", "What's"),
    ("She did'nt look back.", "did'nt", "didn't"),
    ("She did\u2019nt look back.", "did\u2019nt", "didn\u2019t"),
    ("She had want to leave for years.", "want", "wanted"),
    ("He had decide to stay.", "decide", "decided"),
    ("They had try to warn her.", "try", "tried"),
    ("She taken the key from the hook.", "taken", "took"),
    ("The boys wasn't listening.", "wasn't", "weren't"),
]

MUST_NOT_FIRE = [
    "He had given her a smile as he handed her her food.",
    "She knew that Lexa had had a point.",
    "She said that that was the end of it.",
    "It was easier then, before the war.",
    "Things were better then, she thought.",
    "She moved closer then stopped.",
    "It was easier to wait until dawn, then she could go.",
    "It was better to rest, and then to go on.",
    "It was better to sleep first and then she would decide.",
    "There were more people that she knew in the camp.",
    "It's better that you go now.",
    "It is more that I do not trust her.",
    "She drew the bow to loose an arrow at the deer.",
    "She went to effect a change in the council.",
    "It had its own rules.",
    "It's way too late for that.",
    "Its walls were damp with rain.",
    "Your very own cave, Lexa said.",
    "Whose is this knife?",
    "There are people in the woods.",
    "They're friends, or they were.",
    "Lead poisoning had killed them.",
    "She walked past the guards.",
    "She had passed the test.",
    "The wolf bared its teeth.",
    "She laid the blanket on the ground.",
    "The blanket was laid on the ground.",
    "Her wounds began to heal.",
    "He signed the waiver.",
    "Could of course was not what she said.",
    "She held her breath.",
    "She tried to breathe.",
    "She went to the site of the old camp.",
    "He threw the spear.",
    "The weather turned cold.",
    "She had to go to the river.",
    "She was allowed to leave.",
    "They reached the peak by noon.",
]


@pytest.mark.parametrize(("text", "wrong", "suggestion"), MUST_FIRE)
def test_confused_word_fires_in_its_wrong_context(text: str, wrong: str, suggestion: str) -> None:
    found = findings(text, RULE)
    assert [text[f.start : f.end] for f in found] == [wrong]
    assert found[0].suggestions == (suggestion,)
    assert f"‘{wrong}’" in found[0].message and f"‘{suggestion}’" in found[0].message


@pytest.mark.parametrize("text", MUST_NOT_FIRE)
def test_confused_word_stays_quiet_on_correct_english(text: str) -> None:
    assert flagged(text, RULE) == []


def test_confused_word_reads_curly_apostrophes() -> None:
    assert flagged("The girl who\u2019s eyes followed her.", RULE) == ["who\u2019s"]
    assert flagged("\u201cYour not listening.\u201d", RULE) == ["Your"]


def test_every_correction_applied_clears_its_flag_on_the_marked_corpus() -> None:
    """Apply reads a suggestion as the text to put in: it must be a correction, not a hint
    such as 'two words', and once applied the rule has nothing left to say there."""
    from tests.checks.quality_corpus import corpus_files

    applied = 0
    for path in corpus_files().values():
        for paragraph in path.read_text(encoding="utf-8").split("\n\n"):
            for found in findings(paragraph, RULE):
                (fix,) = found.suggestions
                fixed = paragraph[: found.start] + fix + paragraph[found.end :]
                again = [f for f in findings(fixed, RULE) if f.start == found.start]
                assert again == [], (paragraph[found.start : found.end], fix)
                applied += 1
    assert applied >= 20  # the corpus holds that many of this rule's errors
