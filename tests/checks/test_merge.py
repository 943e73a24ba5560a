"""Two engines, one problem: shown once, both sources kept."""

from __future__ import annotations

from ficwriter.checks.issue import Category, Issue
from ficwriter.checks.merge import merge_issues

ORDER = ("languagetool", "harper", "fiction")


def issue(start: int, end: int, engine: str, category=Category.SPELLING, message="m") -> Issue:
    return Issue(start, end, category, f"{engine}-rule", "name", f"{engine}: {message}", engine)


def test_same_span_same_reason_is_one_issue_with_both_engines():
    [merged] = merge_issues([issue(5, 8, "harper"), issue(5, 8, "languagetool")], ORDER)
    assert merged.engine == "languagetool"  # the preferred engine's wording
    assert merged.also_found_by == ("harper",)
    assert merged.engines == ("languagetool", "harper")


def test_overlapping_spelling_flags_are_one_word():
    """One engine flags "Lexa's", the other "Lexa"."""
    [merged] = merge_issues([issue(0, 6, "languagetool"), issue(0, 4, "harper")], ORDER)
    assert merged.also_found_by == ("harper",)


def test_different_reasons_stay_apart():
    grammar = issue(5, 8, "harper", Category.GRAMMAR)
    assert len(merge_issues([issue(5, 8, "languagetool"), grammar], ORDER)) == 2


def test_one_engines_two_issues_are_never_merged():
    assert len(merge_issues([issue(5, 8, "harper"), issue(5, 8, "harper", message="x")], ORDER)) == 2


def test_three_engines_fold_into_one_sorted_result():
    issues = [issue(30, 33, "fiction", Category.GRAMMAR), issue(30, 33, "harper", Category.GRAMMAR),
              issue(30, 33, "languagetool", Category.GRAMMAR), issue(1, 2, "harper")]
    merged = merge_issues(issues, ORDER)
    assert [(i.start, i.engines) for i in merged] == [
        (1, ("harper",)), (30, ("languagetool", "harper", "fiction"))
    ]
