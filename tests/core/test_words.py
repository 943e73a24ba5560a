"""Word counts as writers and archives count them."""

from ficwriter.core.words import count_words, words


def test_contractions_possessives_and_hyphenations_are_one_word() -> None:
    assert words("Lexa's sword didn't fall, Mount-Weather’s gate did.") == [
        "Lexa's",
        "sword",
        "didn't",
        "fall",
        "Mount-Weather’s",
        "gate",
        "did",
    ]


def test_markup_and_ornaments_are_not_words() -> None:
    assert count_words("* * *\n\n*She* ran -- fast...") == 3
    assert count_words("") == 0
