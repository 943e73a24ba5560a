"""Messages and rule names as the issues panel shows them."""

from __future__ import annotations

from ficwriter.checks.harper_engine import HarperEngine
from ficwriter.checks.messages import message_html, readable
from ficwriter.checks.rule_names import HARPER_RULE_NAMES, harper_rule_name


def test_backticks_become_quoted_words() -> None:
    assert readable("Did you mean `their`?") == "Did you mean \u201ctheir\u201d?"
    assert message_html("Use `a < b` here") == "Use <i>\u201ca &lt; b\u201d</i> here"
    assert readable("no code here") == "no code here"


def test_every_named_rule_has_a_name_of_its_own() -> None:
    names = list(HARPER_RULE_NAMES.values())
    assert len(names) == len(set(names))
    assert harper_rule_name("DidPast") != harper_rule_name("SpellCheck")
    assert harper_rule_name("SomeNewRule") == "Some new rule"


def test_two_harper_rules_of_one_kind_read_differently_in_a_real_check() -> None:
    text = "Wren Hallowayy walked in the dissapointing rain. It was a un happy day."
    findings = HarperEngine().check(text)
    by_rule = {f.rule_id: f.rule_name for f in findings}
    assert len(by_rule) >= 2, by_rule
    assert len(set(by_rule.values())) == len(by_rule), by_rule  # distinct names
    assert all("`" not in readable(f.message) for f in findings)
