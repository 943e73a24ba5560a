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

A Harper call costs about 2 ms on top of its text's length (every rule readies itself per
document), more than an ordinary 30-word paragraph's own lint. So ``check_many`` lints
several paragraphs in one call, joined by blank lines (Harper's paragraph break, across
which its rules do not look), and hands each paragraph its own findings in its own offsets:
a chapter's first check takes about a third less CPU than paragraph by paragraph. A finding
that would reach across the break is dropped (no paragraph alone would raise it). Two
things differ at the end of a text, and a paragraph they touch is linted alone: Harper
reads an initial at the very end of its text ("Neither did I.", "I.V.") as a word and a
full stop, but before more text as one word it then flags; and it never asks the text's
last sentence for a capital (it may be unfinished), so a capital flag on a paragraph that
was not last in its call is checked again alone. So each paragraph gets the same findings
however it was batched (tests/checks/test_harper_engine.py checks this on the corpus and
on generated paragraphs).

Every linter imports the project's words and ``fiction_words.VALID_WORDS``, the few
standard words Harper's dictionary lacks that ficwriter has seen it flag (each listed with
its reason); ``fiction_words`` also decides which of its other flags are correct fiction.
"""

from __future__ import annotations

import hashlib
import queue
import re
import threading
from bisect import bisect_right
from collections.abc import Iterable, Sequence

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
BATCH_CHARS = 8_000  # characters per Harper call when checking many paragraphs at once
_BREAK = "\n\n"  # between the paragraphs of one call: a paragraph break to Harper
# an initial (or several) ending the text, behind closing quotes or emphasis at most
# rules that skip the last sentence of a text (it may be unfinished): one that flagged a
# paragraph that was not last in its call may have flagged that paragraph's last sentence
_LAST_SENTENCE_RULES = {"SentenceCapitalization"}
_ENDS_IN_INITIAL = re.compile(r"(?<![\w.])(?:[^\W\d_]\.)+[\"'\u201d\u2019*_)\]]*\s*\Z")

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
    batch_chars = BATCH_CHARS

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
        return self.check_many([text])[0]

    def check_many(self, texts: Sequence[str]) -> list[list[Finding]]:
        """Each text's findings, in its own offsets, as ``check`` gives them, from as few
        Harper calls as that allows (see the module docstring)."""
        found: list[list[Finding] | None] = [None] * len(texts)
        together = [n for n, text in enumerate(texts) if not _ENDS_IN_INITIAL.search(text)]
        for n, findings, last_sentence in self._lint(texts, together):
            if not last_sentence or n == together[-1]:
                found[n] = findings
        for n, text in enumerate(texts):
            if found[n] is None:
                found[n] = self._lint(texts, [n])[0][1]
        return [findings or [] for findings in found]

    def _lint(
        self, texts: Sequence[str], group: list[int]
    ) -> list[tuple[int, list[Finding], bool]]:
        """``(n, findings, checked its last sentence)`` for each ``texts[n]`` of ``group``,
        from one call on them joined by paragraph breaks."""
        if not group:
            return []
        starts, at = [], 0
        for n in group:
            starts.append(at)
            at += len(texts[n]) + len(_BREAK)
        linter = self._take()
        try:
            organized = linter.organized_lints(
                _BREAK.join(texts[n] for n in group), language="plaintext"
            )
        finally:
            self._pool.put(linter)
        found: list[list[Finding]] = [[] for _ in group]
        last_sentence = [False] * len(group)
        texting: dict[int, bool] = {}
        for rule, lints in organized.items():
            for lint in lints:
                span = lint.span
                k = bisect_right(starts, span.start) - 1
                n, start, end = group[k], span.start - starts[k], span.end - starts[k]
                text = texts[n]
                if end > len(text):
                    continue  # reaches across the break into the next paragraph
                if rule in _LAST_SENTENCE_RULES:
                    last_sentence[k] = True
                if k not in texting:
                    texting[k] = is_texting(text)
                finding = _finding(rule, lint, text, start, end, texting[k])
                if finding is not None:
                    found[k].append(finding)
        for findings in found:
            findings.sort(key=lambda f: (f.start, f.end))
        return [(n, found[k], last_sentence[k]) for k, n in enumerate(group)]

    def close(self) -> None:
        """Nothing to stop: linters are freed with the engine."""


def _finding(
    rule: str, lint: harper.Lint, text: str, start: int, end: int, texting: bool
) -> Finding | None:
    """``lint`` (at ``start:end`` of ``text``) as a finding; None for a flag Harper raises on
    correct fiction."""
    suggestions = tuple(s.replacement_text for s in lint.suggestions[:MAX_SUGGESTIONS])
    if _fiction_false_flag(rule, lint.problem_text, suggestions, text, start, end, texting):
        return None
    category = category_for(lint.lint_kind)
    return Finding(
        start=start,
        end=end,
        category=category,
        rule_id=rule,
        rule_name=harper_rule_name(rule),
        message=lint.message,
        suggestions=suggestions,
        severity=DEFAULT_SEVERITY[category],
    )


def _fiction_false_flag(
    rule: str, problem: str, suggestions: tuple[str, ...], text: str, start: int, end: int,
    texting: bool,
) -> bool:
    """A flag Harper raises on correct fiction: a deliberate double ("had had"), a word
    spelled on purpose (``fiction_words``), or a text message's casing; or one a paragraph
    only gets inside a batch: an initial at its very end ("Neither did I.")."""
    if rule in _DOUBLE_RULES and correct_double(problem):
        return True
    if rule == "AnA" and text[end : end + 2] == "/N":
        return True  # "A/N": the author's note
    if rule == "SpellCheck":
        return spelled_on_purpose(text, start, end, texting, list(suggestions))
    return texting and rule in _CASING_RULES
