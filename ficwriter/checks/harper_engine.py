"""The Harper engine: offline, in-process grammar and spelling (harper-py).

A ``harper.Linter`` costs about a second to build and is not thread-safe (a second call
while one runs raises ``RuntimeError``). The engine keeps a small pool of linters: a
call borrows one, or builds one if all are busy and the pool is below its size, and
gives it back. Unlike one linter per thread this bounds memory and build time however
many threads the scheduler uses, and unlike one linter behind a lock two workers can
lint at once (harper-py releases the GIL while linting). Linters are built when the
first paragraph needs one, not before: a check whose paragraphs are all cached (a project
checked again) never pays the second and the ~90 MB a linter holds.

Engines see plain text, so Harper lints with ``language="plaintext"``: Markdown parsing
would treat a line starting with "1." or "#" as structure.

Every linter imports the project's words and ``fiction_words.VALID_WORDS``, the few
standard words Harper's dictionary lacks that ficwriter has seen it flag (each listed with
its reason); ``fiction_words`` also decides which of its other flags are correct fiction.
"""

from __future__ import annotations

import hashlib
import queue
import threading
from collections.abc import Iterable

import harper

from ficwriter.checks.engine import EngineState, EngineStatus
from ficwriter.checks.fiction_words import (
    FANDOM_WORDS,
    VALID_WORDS,
    correct_double,
    is_texting,
    spelled_on_purpose,
)
from ficwriter.checks.issue import DEFAULT_SEVERITY, Category, Finding
from ficwriter.checks.rule_names import harper_rule_name
from ficwriter.checks.settings import HarperSettings

NAME = "harper"
MAX_SUGGESTIONS = 5

DIALECTS: dict[str, harper.Dialect] = {
    "en-US": harper.Dialect.AMERICAN,
    "en-GB": harper.Dialect.BRITISH,
    "en-AU": harper.Dialect.AUSTRALIAN,
    "en-NZ": harper.Dialect.AUSTRALIAN,
    "en-CA": harper.Dialect.CANADIAN,
    "en-IN": harper.Dialect.INDIAN,
}

_KINDS: dict[str, Category] = {
    "Spelling": Category.SPELLING,
    "BoundaryError": Category.SPELLING,
    "Punctuation": Category.PUNCTUATION,
    "Formatting": Category.TYPOGRAPHY,
    "Style": Category.STYLE,
    "Readability": Category.STYLE,
    "Redundancy": Category.STYLE,
    "Enhancement": Category.STYLE,
    "Regionalism": Category.STYLE,
    "Nonstandard": Category.STYLE,
    "Repetition": Category.GRAMMAR,
    # Agreement, Grammar, Typo (that/than...), WordChoice, Usage, Capitalization,
    # Eggcorn, Malapropism, Miscellaneous: grammar
}
_CASING_RULES = {"CapitalizePersonalPronouns", "SentenceCapitalization", "OkToOkay", "ExpandThough"}
_DOUBLE_RULES = {"RepeatedWords", "RedundantThat"}


def dialect_for(language: str) -> harper.Dialect:
    """Harper's dialect for a language tag; American for anything it does not know."""
    return DIALECTS.get(language, DIALECTS.get(language.split("-")[0] + "-US", harper.Dialect.AMERICAN))


def category_for(lint_kind: str) -> Category:
    return _KINDS.get(lint_kind, Category.GRAMMAR)


class HarperEngine:
    """Paragraph engine backed by harper-py; ``check`` is thread-safe."""

    name = NAME

    def __init__(
        self,
        settings: HarperSettings | None = None,
        language: str = "en-US",
        words: Iterable[str] = (),
        pool_size: int = 2,
    ) -> None:
        self.settings = settings or HarperSettings()
        self.dialect = dialect_for(language)
        self._words = sorted(set(words) | VALID_WORDS.keys() | FANDOM_WORDS.keys())  # cache key too
        self._pool: queue.SimpleQueue[harper.Linter] = queue.SimpleQueue()
        self._built = 0
        self._max = max(1, pool_size)
        self._build_lock = threading.Lock()
        self._status = EngineStatus(NAME, EngineState.READY, "Harper (offline)")

    def _new_linter(self) -> harper.Linter:
        linter = harper.Linter(self.dialect)
        config = {rule: False for rule in self.settings.disabled_rules}
        config.update({rule: True for rule in self.settings.enabled_rules})
        known = linter.get_default_lint_config()
        linter.set_lint_config({rule: on for rule, on in config.items() if rule in known})
        linter.import_words(self._words)
        return linter

    def _take(self) -> harper.Linter:
        """A linter no other thread is using: a free one, a new one, or wait for one."""
        try:
            return self._pool.get_nowait()
        except queue.Empty:
            pass
        with self._build_lock:
            build = self._built < self._max
            if build:
                self._built += 1
        if not build:
            return self._pool.get()
        return self._new_linter()

    def status(self) -> EngineStatus:
        return self._status

    def cache_key(self) -> str:
        parts = [
            "harper-py",
            "names-2",  # findings carry checks.rule_names' names (cached ones had the kind's)
            str(int(self.dialect)),
            ",".join(sorted(self.settings.disabled_rules)),
            ",".join(sorted(self.settings.enabled_rules)),
            ",".join(self._words),
        ]
        return "harper-" + hashlib.sha1("\n".join(parts).encode()).hexdigest()[:16]

    def check(self, text: str) -> list[Finding]:
        linter = self._take()
        try:
            organized = linter.organized_lints(text, language="plaintext")
        finally:
            self._pool.put(linter)
        findings = []
        texting = is_texting(text)
        for rule, lints in organized.items():
            for lint in lints:
                if _fiction_false_flag(rule, lint, text, texting):
                    continue
                category = category_for(lint.lint_kind)
                findings.append(
                    Finding(
                        start=lint.span.start,
                        end=lint.span.end,
                        category=category,
                        rule_id=rule,
                        rule_name=harper_rule_name(rule),
                        message=lint.message,
                        suggestions=tuple(
                            s.replacement_text for s in lint.suggestions[:MAX_SUGGESTIONS]
                        ),
                        severity=DEFAULT_SEVERITY[category],
                    )
                )
        findings.sort(key=lambda f: (f.start, f.end))
        return findings

    def close(self) -> None:
        """Nothing to stop: linters are freed with the engine."""


def _fiction_false_flag(rule: str, lint: harper.Lint, text: str, texting: bool) -> bool:
    """A flag Harper raises on correct fiction: a deliberate double ("had had"), a word
    spelled on purpose (``fiction_words``), or a text message's casing."""
    if rule in _DOUBLE_RULES and correct_double(lint.problem_text):
        return True
    if rule == "AnA" and text[lint.span.end : lint.span.end + 2] == "/N":
        return True  # "A/N": the author's note
    if rule == "SpellCheck":
        suggestions = [s.replacement_text for s in lint.suggestions[:MAX_SUGGESTIONS]]
        return spelled_on_purpose(text, lint.span.start, lint.span.end, texting, suggestions)
    return texting and rule in _CASING_RULES
