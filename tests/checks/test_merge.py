"""Two engines, one problem: shown once, both sources kept; two problems stay two rows.

The cases from real engine output run the real Harper engine and the fiction rules
through the checker, so they show what a writer sees in the issues panel.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from ficwriter.checks.dictionary import ProjectDictionary
from ficwriter.checks.fiction import FictionSettings, chapter_rules, paragraph_engine
from ficwriter.checks.harper_engine import HarperEngine
from ficwriter.checks.issue import Category, Issue
from ficwriter.checks.merge import merge_issues
from ficwriter.checks.scheduler import Checker
from ficwriter.core.chapter import parse

ORDER = ("languagetool", "harper", "fiction")
Row = tuple[str, str, tuple[str, ...]]  # flagged text, rule id, engines


def issue(
    start: int,
    end: int,
    engine: str,
    category: Category = Category.SPELLING,
    suggestions: tuple[str, ...] = (),
    rule_id: str = "",
) -> Issue:
    return Issue(start, end, category, rule_id or f"{engine}-rule", "name", f"{engine} says",
                 engine, suggestions)


TEXT = "x" * 40


# -- the rules, on hand-made issues ----------------------------------------------------


def test_same_span_same_reason_is_one_issue_with_both_engines():
    [merged] = merge_issues([issue(5, 8, "harper"), issue(5, 8, "languagetool")], ORDER, text=TEXT)
    assert merged.engine == "languagetool"  # the preferred engine's wording
    assert merged.also_found_by == ("harper",)
    assert merged.engines == ("languagetool", "harper")


def test_overlapping_spelling_flags_are_one_word():
    """One engine flags "Lexa's", the other "Lexa"."""
    [merged] = merge_issues([issue(0, 6, "languagetool"), issue(0, 4, "harper")], ORDER, text=TEXT)
    assert merged.also_found_by == ("harper",)


def test_different_reasons_stay_apart():
    grammar = issue(5, 8, "harper", Category.GRAMMAR)
    assert len(merge_issues([issue(5, 8, "languagetool"), grammar], ORDER, text=TEXT)) == 2


def test_same_word_with_different_fixes_is_two_problems():
    """'teh' at a sentence start: capitalise it ('Teh') or spell it ('the')."""
    text = "teh cat sat."
    capital = issue(0, 3, "languagetool", Category.TYPOGRAPHY, ("Teh",))
    spelling = issue(0, 3, "harper", Category.SPELLING, ("the",))
    assert len(merge_issues([capital, spelling], ORDER, text=text)) == 2


def test_nested_flags_with_the_same_fix_are_one_problem_whatever_their_categories():
    text = "Its a long climb."
    punctuation = issue(0, 3, "harper", Category.PUNCTUATION, ("It's", "It has"))
    grammar = issue(0, 3, "fiction", Category.GRAMMAR, ("It\u2019s",))  # curly apostrophe
    [merged] = merge_issues([grammar, punctuation], ORDER, text=text)
    assert merged.engines == ("harper", "fiction")


def test_nested_flags_without_a_fix_merge_only_in_the_same_category():
    text = "The crates was supposed to come."
    wide = issue(4, 14, "languagetool", Category.GRAMMAR)  # "crates was", no suggestion
    assert len(merge_issues([wide, issue(11, 14, "harper", Category.GRAMMAR, ("were",))],
                            ORDER, text=text)) == 1
    assert len(merge_issues([wide, issue(11, 14, "harper", Category.PUNCTUATION, ("were",))],
                            ORDER, text=text)) == 2


def test_name_spelling_keeps_its_wording_before_any_engine():
    name = issue(0, 7, "fiction", Category.FICTION, ("Ashmere",), "fiction.name-spelling")
    [merged] = merge_issues([issue(0, 9, "languagetool"), name], ORDER, text="AshMere's walls")
    assert merged.rule_id == "fiction.name-spelling"
    assert merged.engines == ("fiction", "languagetool")
    assert (merged.start, merged.end, merged.suggestions) == (0, 7, ("Ashmere",))


def test_a_fiction_observation_never_absorbs_a_slip_inside_it():
    epithet = issue(0, 10, "fiction", Category.FICTION, (), "fiction.epithet")
    spelling = issue(4, 10, "harper", Category.SPELLING, ("blonde",))
    assert len(merge_issues([epithet, spelling], ORDER, text="the blnde laughed")) == 2


def test_one_engines_two_issues_are_never_merged():
    assert len(merge_issues([issue(5, 8, "harper"), issue(5, 8, "harper")], ORDER, text=TEXT)) == 2


def test_three_engines_fold_into_one_sorted_result():
    issues = [issue(30, 33, "fiction", Category.GRAMMAR), issue(30, 33, "harper", Category.GRAMMAR),
              issue(30, 33, "languagetool", Category.GRAMMAR), issue(1, 2, "harper")]
    merged = merge_issues(issues, ORDER, text=TEXT)
    assert [(i.start, i.engines) for i in merged] == [
        (1, ("harper",)), (30, ("languagetool", "harper", "fiction"))
    ]


# -- what a writer sees: the real Harper engine and the fiction rules ----------------------


@pytest.fixture
def shown(harper_engine: HarperEngine) -> Iterator[Callable[..., list[Row]]]:
    """Check a chapter with Harper and the fiction rules; the rows of the issues panel."""
    checkers: list[Checker] = []

    def check(text: str, names: tuple[str, ...] = (), **fiction: object) -> list[Row]:
        settings = FictionSettings(names=names, **fiction)  # type: ignore[arg-type]
        checker = Checker([harper_engine, paragraph_engine(settings)], chapter_rules(settings),
                          dictionary=ProjectDictionary(names))
        checkers.append(checker)
        issues = checker.check_chapter(parse(text), timeout=30).issues
        return [(text[i.start : i.end], i.rule_id, i.engines) for i in issues]

    yield check
    for checker in checkers:
        checker.close(close_engines=False)  # the Harper engine is shared by the session


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ('"You could of sent a boy."', ("could of", "ModalOf", ("harper", "fiction"))),
        ('"Nobody has to loose anything."', ("to loose", "ToLoseTooLoose", ("harper", "fiction"))),
        ('"Its a long climb from the river."', ("Its", "ItsContraction", ("harper", "fiction"))),
        ("She gave you free reign to choose your road.",
         ("free reign", "FreeRein", ("harper", "fiction"))),
    ],
)
def test_a_confused_word_both_engines_flag_is_one_row(shown, text: str, row: Row) -> None:
    """Harper flags the phrase, the fiction rules the word in it; both suggest the same fix."""
    assert shown(text) == [row]


def test_a_misspelt_name_is_one_row_with_the_name_rules_message(shown) -> None:
    text = (
        "Ashmere was a walled town. They rode for Ashmere at dawn.\n\n"
        "Nobody in Ashmere slept. She saw AshMere's walls at last.\n"
    )
    assert shown(text, names=("Ashmere",)) == [
        ("AshMere", "fiction.name-spelling", ("fiction", "harper"))
    ]


def test_an_epithet_and_a_misspelling_inside_it_stay_two_rows(shown) -> None:
    """A project epithet ("the grounder gril") holding a misspelt word."""
    text = "The grounder gril waited. The grounder gril spoke. Then the grounder gril left.\n"
    rows = shown(text, epithets=("the grounder gril",))
    assert ("the grounder gril", "fiction.epithet", ("fiction",)) in rows
    assert ("gril", "SpellCheck", ("harper",)) in rows


def test_a_repeated_opening_and_a_slip_at_it_stay_two_rows(shown) -> None:
    text = "She walked to the gate. She waited. She she knocked twice.\n"  # the third She
    assert shown(text) == [
        ("She", "fiction.repeated-opening", ("fiction",)),
        ("She she", "MultipleSequentialPronouns", ("harper",)),
    ]
