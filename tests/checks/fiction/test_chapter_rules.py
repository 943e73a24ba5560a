"""Chapter rules: epithets per scene, name spellings, repeated sentence openings."""

from __future__ import annotations

from ficwriter.core.chapter import parse
from tests.checks.fiction.helpers import chapter_flags

EPITHET = "fiction.epithet"
NAMES = "fiction.name-spelling"
OPENING = "fiction.repeated-opening"


def texts(chapter: str, issues: list) -> list[str]:  # type: ignore[type-arg]
    return [chapter[i.start : i.end] for i in issues]


SCENE = (
    "Clarke walked ahead. The blonde did not look back.\n\n"
    "Lexa followed. The brunette kept her distance, and the blonde's pace quickened.\n\n"
    "At the river the other girl stopped. The blonde waited for her.\n"
)


def test_epithets_past_the_allowance_are_flagged_with_their_density() -> None:
    issues = chapter_flags(SCENE, EPITHET, epithet_allowance=2)
    assert texts(SCENE, issues) == ["the blonde", "the other girl", "The blonde"]
    assert "3 of 5 in this scene" in issues[0].message
    assert "per 1,000 words" in issues[0].message
    assert {i.scene for i in issues} == {0}
    assert [i.paragraph for i in issues] == [1, 2, 2]


def test_epithets_within_the_allowance_are_quiet() -> None:
    assert chapter_flags(SCENE, EPITHET, epithet_allowance=5) == []


def test_epithets_are_counted_per_scene() -> None:
    chapter = (
        "Clarke ran. The blonde fell.\n\n* * *\n\nLexa stopped. The blonde rose.\n\n"
        "* * *\n\nThe other girl laughed. The blonde scowled.\n"
    )
    assert chapter_flags(chapter, EPITHET, epithet_allowance=1) == [
        i for i in chapter_flags(chapter, EPITHET, epithet_allowance=1) if i.scene == 2
    ]
    assert texts(chapter, chapter_flags(chapter, EPITHET, epithet_allowance=1)) == ["The blonde"]


def test_epithets_ignore_hair_dialogue_and_notes_and_read_the_configured_list() -> None:
    chapter = (
        "::: note\nThe blonde, the blonde, the blonde: my notes.\n:::\n\n"
        'The blonde hair fell. "The blonde is trouble," Lexa said. The blonde hair again.\n\n'
        "The tall stranger nodded. The tall stranger left.\n"
    )
    assert chapter_flags(chapter, EPITHET, epithet_allowance=1) == []
    custom = chapter_flags(chapter, EPITHET, epithet_allowance=1, epithets=("the tall stranger",))
    assert texts(chapter, custom) == ["The tall stranger"]


def test_epithet_spans_map_through_emphasis() -> None:
    chapter = "The blonde ran. The *blonde* fell. The blonde rose.\n"
    issues = chapter_flags(chapter, EPITHET, epithet_allowance=2)
    assert texts(chapter, issues) == ["The blonde"]
    chapter = "The blonde ran. The blonde fell. *The blonde* rose.\n"
    assert texts(chapter, chapter_flags(chapter, EPITHET, epithet_allowance=2)) == ["The blonde"]


def test_name_spellings_differing_in_case_are_flagged() -> None:
    chapter = (
        "The missile hit Tondc at dawn. They left Tondc before it fell.\n\n"
        "Later she thought of TonDC and what was lost there.\n"
    )
    issues = chapter_flags(chapter, NAMES)
    assert texts(chapter, issues) == ["TonDC"]
    assert issues[0].suggestions == ("Tondc",)
    assert "‘Tondc’" in issues[0].message


def test_name_spellings_differing_by_one_edit_are_flagged() -> None:
    chapter = (
        "Octavia ran. Bellamy watched Octavia go, and Octavia did not look back.\n\n"
        "Later Bellamy found Octavai by the river.\n"
    )
    assert texts(chapter, chapter_flags(chapter, NAMES)) == ["Octavai"]


def test_name_spellings_catch_a_slip_at_a_sentence_start_but_not_ordinary_words() -> None:
    chapter = (
        "They waited for Brannock. Then Brannock came.\n\n"
        "Brannok swore at them. Finn nodded at Brannock. Fine, said Finn.\n"
    )
    assert texts(chapter, chapter_flags(chapter, NAMES)) == ["Brannok"]


def test_name_spellings_leave_common_words_plurals_possessives_and_shouting_alone() -> None:
    chapter = (
        "Very well, she thought. It was very late and VERY cold.\n\n"
        "The Grounder raised his spear; the Grounders behind him waited.\n\n"
        "Lexa's map lay open. Lexa folded it. Then Lexa left, and LEXA was a shout.\n\n"
        "Anna and Anya walked together, Anna first, Anya behind.\n"
    )
    assert chapter_flags(chapter, NAMES, names=("Anna", "Anya")) == []
    # Without the dictionary, Anna/Anya are one edit apart and look like a slip.
    assert texts(chapter, chapter_flags(chapter, NAMES)) == ["Anya", "Anya"]


def test_name_spellings_prefer_the_dictionary_spelling() -> None:
    chapter = "They met at TonDC. TonDC burned, and only Tondc remembered.\n"
    assert texts(chapter, chapter_flags(chapter, NAMES)) == ["Tondc"]
    assert texts(chapter, chapter_flags(chapter, NAMES, names=("Tondc",))) == ["TonDC", "TonDC"]


def test_repeated_openings_cross_paragraphs_within_a_scene() -> None:
    chapter = (
        "She walked for hours. She did not stop.\n\n"
        "She found a cave at dusk. She slept there.\n\n"
        "* * *\n\n"
        "She woke. Lexa was gone. She ate.\n"
    )
    issues = chapter_flags(chapter, OPENING)
    # one run, one issue: where it reached three sentences, counting all four
    assert [(chapter[i.start : i.end], i.paragraph) for i in issues] == [("She", 1)]
    assert issues[0].start == chapter.index("She found")
    assert "opens 4 sentences in a row" in issues[0].message


def test_each_run_of_repeated_openings_is_one_issue() -> None:
    chapter = "She ran. She hid. She wept. He came. He looked. He left. He sighed.\n"
    issues = chapter_flags(chapter, OPENING)
    assert texts(chapter, issues) == ["She", "He"]
    assert [i.start for i in issues] == [chapter.index("She wept"), chapter.index("He left")]
    assert "opens 3 sentences" in issues[0].message and "opens 4 sentences" in issues[1].message


def test_repeated_openings_are_broken_by_dialogue_and_other_words() -> None:
    chapter = (
        'She nodded. She waited.\n\n"She is gone," Lexa said.\n\nShe left.\n\n'
        "It was late. It was cold. The fire was out. It was time.\n"
    )
    assert chapter_flags(chapter, OPENING) == []
    assert texts(chapter, chapter_flags(chapter, OPENING, opening_run=2)) == ["She", "It"]


def test_chapter_rule_issues_lie_inside_their_paragraph() -> None:
    chapter = SCENE + "\n* * *\n\nShe ran. She hid. She waited at TonDC, then Tondc.\n"
    parsed = parse(chapter)
    paragraphs = parsed.paragraphs(notes=True)
    for rule in (EPITHET, NAMES, OPENING):
        for issue in chapter_flags(chapter, rule, epithet_allowance=1):
            span = paragraphs[issue.paragraph].span
            assert span.start <= issue.start < issue.end <= span.end
            assert issue.engine == "fiction" and issue.rule_id == rule


def test_abbreviations_do_not_end_sentences() -> None:
    chapter = "She went to see Dr. Brannock at noon. She waited. She left.\n"
    assert texts(chapter, chapter_flags(chapter, OPENING)) == ["She"]


def test_no_epithets_configured_flags_nothing() -> None:
    assert chapter_flags(SCENE, EPITHET, epithet_allowance=1, epithets=()) == []


def test_an_edited_paragraph_is_read_again_and_the_others_keep_their_words() -> None:
    """Paragraph analyses are remembered by text; an edit must still show at once."""
    before = SCENE + "\n* * *\n\nShe ran. She hid. She waited at TonDC, then Tondc.\n"
    rules = (EPITHET, NAMES, OPENING)
    old = {r: texts(before, chapter_flags(before, r)) for r in rules}
    assert old[EPITHET] == ["the blonde", "the other girl", "The blonde"]
    edited = "Far away, the redhead slept.\n\n" + before.replace(
        "At the river the other girl stopped.", "At the river Lexa stopped."
    )
    new = {r: texts(edited, chapter_flags(edited, r)) for r in rules}
    assert new[EPITHET] == ["The brunette", "the blonde", "The blonde"]
    assert new[NAMES] == old[NAMES] and new[OPENING] == old[OPENING]


def test_a_common_word_one_letter_from_a_name_is_not_its_misspelling() -> None:
    text = "Rome was far. They walked to Rome. Rome burned.\n\nShe went Home at last. Home was quiet.\n"
    assert chapter_flags(text, "fiction.name-spelling", names=("Rome",)) == []


def test_repeated_openings_leave_dialogue_and_anaphora_of_two_alone() -> None:
    anaphora = "She ran. She did not stop. The road bent.\n\nShe ran again. The wind rose.\n"
    assert chapter_flags(anaphora, "fiction.repeated-opening") == []
    dialogue = '"No." "No." "No," he said.\n\n"No," she said.\n'
    assert chapter_flags(dialogue, "fiction.repeated-opening") == []


def test_a_pasted_story_without_blank_lines_is_read_in_pieces_and_flagged_in_place() -> None:
    """One paragraph far longer than a piece (a story pasted without blank lines): a name
    spelled two ways pieces apart, epithets and repeated openings are still found, each
    underlined on its own letters, emphasis before them included."""
    from ficwriter.checks.pieces import PIECE_CHARS

    filler = "Tondc was quiet that winter and *nobody* went out. Snow fell. " * (PIECE_CHARS // 20)
    text = (
        "Clarke rode into Tondc at dusk. " + filler
        + "The blonde looked back. Then the blonde sighed. Later the blonde left. "
        + "She ran. She hid. She waited. Lexa found her near TonDC before dawn.\n"
    )
    chapter = parse(text)
    assert len(chapter.paragraphs()) == 1 and len(text) > 3 * PIECE_CHARS
    [name] = chapter_flags(text, NAMES)
    assert (name.start, name.end) == (text.index("TonDC"), text.index("TonDC") + 5)
    [epithet] = chapter_flags(text, EPITHET, epithet_allowance=2)
    assert text[epithet.start : epithet.end] == "the blonde" and epithet.start > len(filler)
    [opening] = chapter_flags(text, OPENING)
    assert opening.start == text.index("She waited")  # the third in a row
