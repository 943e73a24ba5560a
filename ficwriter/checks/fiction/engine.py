"""The paragraph-local fiction rules as one engine the scheduler runs and caches per paragraph."""

from __future__ import annotations

from collections.abc import Callable

from ficwriter.checks.engine import EngineState, EngineStatus
from ficwriter.checks.fiction.confused import confused_words
from ficwriter.checks.fiction.dialogue import (
    full_stop_tags,
    tag_adverbs,
    tag_new_sentence,
    vocative_comma,
)
from ficwriter.checks.fiction.rules import RULES_VERSION
from ficwriter.checks.fiction.settings import FictionSettings
from ficwriter.checks.fiction.style import echoes, filter_words
from ficwriter.checks.fiction.text import ParagraphText
from ficwriter.checks.issue import Finding

ParagraphRule = Callable[[ParagraphText, FictionSettings], list[Finding]]

PARAGRAPH_RULES: dict[str, ParagraphRule] = {
    "fiction.echo": echoes,
    "fiction.filter-word": filter_words,
    "fiction.tag-adverb": tag_adverbs,
    "fiction.tag-new-sentence": tag_new_sentence,
    "fiction.tag-full-stop": full_stop_tags,
    "fiction.vocative-comma": vocative_comma,
    "fiction.confused-word": confused_words,
}


class FictionEngine:
    """Pure functions over immutable settings: safe to call from many threads at once."""

    name = "fiction"

    def __init__(self, settings: FictionSettings) -> None:
        self._settings = settings
        self._rules = [rule for rule_id, rule in PARAGRAPH_RULES.items() if settings.is_on(rule_id)]
        self._key = f"fiction/{RULES_VERSION}/{settings.fingerprint()}"

    def cache_key(self) -> str:
        return self._key

    def check(self, text: str) -> list[Finding]:
        paragraph = ParagraphText(text)
        found = [f for rule in self._rules for f in rule(paragraph, self._settings)]
        return sorted(found, key=lambda f: (f.start, f.end, f.rule_id))

    def status(self) -> EngineStatus:
        return EngineStatus(self.name, EngineState.READY if self._rules else EngineState.OFF)

    def close(self) -> None:
        """Nothing to release: the rules hold no resources."""


def paragraph_engine(settings: FictionSettings) -> FictionEngine:
    """The paragraph-local fiction rules that ``settings`` turns on, as one engine."""
    return FictionEngine(settings)
