"""Running one fiction rule on a paragraph or a chapter, as the tests need it."""

from __future__ import annotations

from ficwriter.checks.fiction import RULES, FictionSettings, chapter_rules, paragraph_engine
from ficwriter.checks.issue import Finding, Issue
from ficwriter.core.chapter import parse


def only(rule_id: str, **values: object) -> FictionSettings:
    """Settings with just ``rule_id`` on."""
    return FictionSettings(rules={r: r == rule_id for r in RULES}, **values)  # type: ignore[arg-type]


def flagged(text: str, rule_id: str, **values: object) -> list[str]:
    """The texts that ``rule_id`` flags in one plain paragraph."""
    return [text[f.start : f.end] for f in findings(text, rule_id, **values)]


def findings(text: str, rule_id: str, **values: object) -> list[Finding]:
    return paragraph_engine(only(rule_id, **values)).check(text)


def chapter_flags(text: str, rule_id: str, **values: object) -> list[Issue]:
    chapter = parse(text)
    return [i for rule in chapter_rules(only(rule_id, **values)) for i in rule.check_chapter(chapter)]
