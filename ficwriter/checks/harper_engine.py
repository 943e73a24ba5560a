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

Every linter imports the project's words and ``VALID_WORDS``, the few standard words
Harper's dictionary lacks that ficwriter has seen it flag (each listed with its reason).
"""

from __future__ import annotations

import hashlib
import queue
import re
import threading
from collections.abc import Iterable

import harper

from ficwriter.checks.engine import EngineState, EngineStatus
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
# "handed her her food", "had had", "that that", "is is": correct English Harper flags.
_CORRECT_DOUBLES = {"her", "had", "that", "is"}
_DOUBLE_RULES = {"RepeatedWords", "RedundantThat"}

# Sounds characters make, spelled as heard, stretched at will: "Mmm", "Mm-hm", "Hah",
# "Ooooh", "Erm". A dictionary cannot list every length; Harper flagged each as a typo.
_SOUND_WORD = re.compile(
    r"(?:m+|m+-?h?m+|hm+|h+m+p+h+|mm+ph|m+ph|u+h+|h+u+h+|e+r+m*|u+m+|a+h+|o+h+|o+o+h+|a+w+|"
    r"e+h+|u+g+h+|p+f+t+|p+s+t+|s+h+|t+s+k+|h+a+h*|h+e+h+|o+o+f+|e+w+|w+h+o+a+|g+a+h+|"
    r"b+a+h+|a+r+g+h+|h+m+p+h+)",
    re.IGNORECASE,
)
# A text message in the story: "Kit: ok who took my charger" (ficwriter's plain text of
# "**Kit:** ..."). Texts are written lowercase, in chat words, on purpose.
_TEXTING = re.compile(r"^\s*[^\W\d_][\w'-]*(?: [^\W\d_][\w'-]*)?:\s")
_CHAT_WORDS = frozenset(
    "lol omg tbh lmao rofl u ur rn idk btw brb ngl imo imho ikr smh pls plz thx ty np tho "
    "bc cuz ya yall wyd hbu irl fr ofc jk ttyl xoxo".split()
)
_CASING_RULES = {"CapitalizePersonalPronouns", "SentenceCapitalization", "OkToOkay", "ExpandThough"}
# "N.E.W.T.", "T." of "Captain T. Vance": initials and dotted abbreviations.
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+|[^\W\d_]")

# Standard English that Harper's dictionary lacks (or allows in one dialect only), found
# flagged in ficwriter's corpus and sample; every linter imports these, in every dialect.
# A form Harper lacks must be listed itself: importing "clockmaker" does not cover
# "clockmaker's" or "clockmakers".
VALID_WORDS: dict[str, str] = {
    "dreamed": "a past tense of 'dream' in every dialect (British dictionaries give dreamed "
    "and dreamt); Harper's dictionary marks it American, so en-GB flagged it",
    "dreamt": "the other past tense of 'dream', standard in American English too; Harper "
    "flags it with en-US",
    "clockmaker": "a standard noun Harper lacks: its SplitWords rule proposes 'clock maker' "
    "(three times in the sample chapter) and, with that rule off, SpellCheck flags it",
    "clockmakers": "the plural of 'clockmaker'",
    "clockmaker's": "the possessive of 'clockmaker', as the sample writes it",
    "blacksmiths": "Harper knows 'blacksmith' but not its plural (flagged twice in the corpus)",
    "dockhand": "a standard noun Harper lacks (flagged in the corpus)",
    "dockhands": "the plural of 'dockhand'",
    "afterwards": "standard in American English too (Harper's en-US flags it)",
    "Afterwards": "the same at a sentence start",
    "grey": "a standard American spelling beside 'gray' (Harper's en-US flags it)",
    "sunburnt": "standard British past participle (Harper's en-GB flags it)",
    "duffel": "a standard noun (duffel bag) Harper lacks",
    "loch": "a standard noun (Scottish lake) Harper lacks",
    "mortem": "the second half of 'post-mortem': Harper checks the halves of a hyphenated word",
    "cortado": "a coffee on every café menu",
    "spellbook": "a standard noun Harper lacks (with SplitWords off, SpellCheck flagged it)",
    "spellbooks": "the plural of 'spellbook'",
    "woodstove": "a standard noun Harper lacks (with SplitWords off, SpellCheck flagged it)",
    "cellarman": "a standard noun (a pub's cellar keeper) Harper lacks",
    "reliving": "the -ing form of 'relive'; Harper's en-US flagged it in the seed chapter",
}
# The words of fanfiction's own notes and summaries: Harper flagged each in authors' notes.
FANDOM_WORDS: dict[str, str] = {
    word: "fanfiction vocabulary, in nearly every author's note"
    for word in (
        "AU AUs fic fics fanfic fanfics beta betas betaing betaed betaread unbetaed kudos "
        "fandom fandoms OTP canon OOC WIP WIPs drabble drabbles oneshot one-shot headcanon "
        "POV POVs A/N smut fluff angst hurt/comfort crossover"
    ).split()
}


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
        texting = bool(_TEXTING.match(text))
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
    """A flag Harper raises on correct fiction: a deliberate double ("had had"), a sound
    word, an initial, or a text message's casing and chat words."""
    problem = lint.problem_text
    if rule in _DOUBLE_RULES and _correct_double(problem):
        return True
    around = text[max(0, lint.span.start - 1) : lint.span.end + 1]
    if rule == "AnA" and text[lint.span.end : lint.span.end + 2] == "/N":
        return True  # "A/N": the author's note
    if rule == "SpellCheck":
        word = problem.strip()
        if _SOUND_WORD.fullmatch(word) or _INITIALS.fullmatch(word):
            return True
        if (len(word) > 1 and word.isupper()) or "_" in around or "@" in around:
            return True  # a sign, an acronym, shouting; a username ("tilly_writes")
        if texting:
            if word.lower() in _CHAT_WORDS:
                return True
            # "friday", "jojo": only the capital is missing, and texts leave it out
            suggestions = [s.replacement_text for s in lint.suggestions[:MAX_SUGGESTIONS]]
            return any(s.lower() == word.lower() for s in suggestions)
    return texting and rule in _CASING_RULES


def _correct_double(problem: str) -> bool:
    words = problem.lower().split()
    return len(words) == 2 and words[0] == words[1] and words[0] in _CORRECT_DOUBLES
