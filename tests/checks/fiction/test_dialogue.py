"""Dialogue rules: adverbs on tags, a new sentence after a tag's comma, the vocative comma."""

from __future__ import annotations

import pytest

from tests.checks.fiction.helpers import findings, flagged

ADVERB = "fiction.tag-adverb"
NEW_SENTENCE = "fiction.tag-new-sentence"
VOCATIVE = "fiction.vocative-comma"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"What have you done?" she cried furiously.', ["cried furiously"]),
        ('"I care," Lexa murmured quietly.', ["murmured quietly"]),
        ('"Go," she told him sharply.', ["told him sharply"]),
        ('"Go," she softly said.', ["softly said"]),
        ("\u201cI know,\u201d she said softly.", ["said softly"]),
    ],
)
def test_tag_adverb_fires_on_adverb_next_to_the_tag(text: str, expected: list[str]) -> None:
    assert flagged(text, ADVERB) == expected


@pytest.mark.parametrize(
    "text",
    [
        '"Go," she said, and left quickly.',  # the adverb belongs to another verb
        '"Go," she said only once.',  # -ly but not a manner adverb
        '"Go," she said finally.',  # when, not how
        "She said softly that she would go.",  # no dialogue in the paragraph
        '"I said it softly," she told him.',  # inside the quotes: the character's words
        '"Go," she said. Finally the fire died.',
        '"Go." She pulled back from her slightly, then told her the rest.',
    ],
)
def test_tag_adverb_stays_quiet_without_an_adverbial_tag(text: str) -> None:
    assert flagged(text, ADVERB) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ('"I know," she said, "It\'s late."', "It's"),
        ('"Now," she spat, "Now that we are not at war."', "Now"),
        ('"Did you send them back?" she asked, "Your warriors?"', "Your"),
        ('"Stop!" he shouted, "I mean it."', "I"),  # after ? or ! even "I" starts anew
        ("\u201cGo home,\u201d Lexa told her, \u201cWinter is coming.\u201d", "Winter"),
    ],
)
def test_tag_new_sentence_fires_when_the_quote_starts_a_sentence(text: str, word: str) -> None:
    found = findings(text, NEW_SENTENCE)
    assert len(found) == 1
    assert text[found[0].start : found[0].end].endswith(word)
    assert found[0].suggestions[0].startswith(". ")
    assert f"‘{word}’" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        '"I know," she said, "it\'s late."',  # one sentence around the tag
        '"Well," she said, "I think so."',  # "I" after a comma may go on
        '"I know," she said. "It\'s late."',  # already a full stop
        '"Yes," Lexa said, "Clarke will come." She smiled at Clarke.',  # a name may go on
        'She said, "It is late."',  # the tag comes first
        '"Well," she said, "Mrs. Abernathy will know."',  # a title goes on to a name
    ],
)
def test_tag_new_sentence_stays_quiet_on_correct_punctuation(text: str) -> None:
    assert flagged(text, NEW_SENTENCE) == []


def test_tag_new_sentence_knows_project_names() -> None:
    text = '"Yes," she said, "Octavia is coming."'
    assert flagged(text, NEW_SENTENCE) == [', "Octavia']
    assert flagged(text, NEW_SENTENCE, names=("Octavia",)) == []


@pytest.mark.parametrize(
    ("text", "expected", "fixed"),
    [
        ('"Thanks Clarke."', "Thanks Clarke", "Thanks, Clarke"),
        ('"Hello Clarke," Lexa stated.', "Hello Clarke", "Hello, Clarke"),
        ("\u201cI love you Lexa.\u201d", "you Lexa", "you, Lexa"),
        ('"Thank you Wren."', "Thank you Wren", "Thank you, Wren"),  # one name, one issue
        ('"Come on Raven, we have to go."', "Come on Raven", "Come on, Raven"),
    ],
)
def test_vocative_comma_fires_on_a_name_addressed(text: str, expected: str, fixed: str) -> None:
    found = findings(text, VOCATIVE)
    assert [text[f.start : f.end] for f in found] == [expected]
    assert found[0].suggestions == (fixed,)


@pytest.mark.parametrize(
    "text",
    [
        '"Thanks, Clarke."',
        '"No Grounder would dare."',  # not addressed: the sentence goes on
        "Thanks Clarke, she thought.",  # narration, not dialogue
        '"I saw Clarke."',
        '"Hello," Clarke said.',
        "\"Tell Lexa 'thanks' from me.\"",  # a quote inside dialogue
        '"See you Monday."',
    ],
)
def test_vocative_comma_stays_quiet_otherwise(text: str) -> None:
    assert flagged(text, VOCATIVE) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"I\'ll be there." She said, and hung up.', '." She'),
        ('"It was cold." Tovan said quietly.', '." Tovan'),
        ("'Not today.' He said.", ".' He"),
    ],
)
def test_a_tag_after_a_full_stop_is_flagged(text: str, expected: str) -> None:
    assert flagged(text, "fiction.tag-full-stop", names=("Tovan",)) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        '"I\'ll be there." She laughed, a short sound.',  # an action beat, not a tag
        '"It was cold." She said nothing more.',
        '"It was cold." Later she said it again.',
        '"It was cold," she said.',
    ],
)
def test_a_beat_or_a_tag_after_a_comma_is_not(text: str) -> None:
    assert flagged(text, "fiction.tag-full-stop") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Tovan you\'re late."', "Tovan you're"),
        ('"Tovan don\'t touch that."', "Tovan don't"),
        ('"Put it down Tovan."', "down Tovan"),
        ('"Come back Mr Reyes."', "back Mr Reyes"),
        ('"Yes Mr Reyes," she said.', "Yes Mr Reyes"),
        ('He put his head round the door. "Tovan someone\'s here for you."', "Tovan someone's"),
        ('"Tovan she\'s waiting."', "Tovan she's"),
    ],
)
def test_a_known_name_addressed_without_its_comma_is_flagged(text: str, expected: str) -> None:
    assert flagged(text, "fiction.vocative-comma", names=("Tovan",)) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        '"Tovan went home."',  # the name is the subject
        "\"Tovan's here.\"",  # the name's own 's
        '"Tomorrow I go."',  # not a name
        '"You Mackey?" she asked.',  # a question: are you Mackey?
        '"We sailed to India. Then India sent us back."',
        "Tovan you could not trust.",  # narration, not speech
    ],
)
def test_names_as_subjects_and_words_that_are_not_names_are_left_alone(text: str) -> None:
    assert flagged(text, "fiction.vocative-comma", names=("Tovan", "India")) == []


def test_narration_that_goes_on_before_a_new_quote_is_not_a_tag_splice() -> None:
    text = '"Are you in?" Mara asked, and Jun had said, "Mm-hm," and left.'
    assert flagged(text, "fiction.tag-new-sentence") == []
