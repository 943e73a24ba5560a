"""Check settings: which engines run and how, read from the project's ficwriter.toml.

Core's project model (``core.project``) owns ficwriter.toml and hands us the ``[checks]``
table as plain values; this module gives them meaning:

    [checks]
    engines = ["languagetool", "harper", "fiction"]
    language = "en-GB"            # else the top-level `language`, else en-US
    check_notes = true            # author's notes are checked too; false skips them
    not_names = ["Hope"]          # capitalised words that are not names (checked again)

    [checks.languagetool]
    mode = "remote"               # local | remote | off
    dir = "~/LanguageTool"        # local mode: jars or a release (FICWRITER_LANGUAGETOOL_DIR wins)
    url = "https://api.languagetoolplus.com"
    username = "me@example.org"
    api_key = "..."
    picky = false
    enabled_rules = ["EN_QUOTES"]  # also re-enables a rule ficwriter turns off for fiction
    disabled_rules = ["PASSIVE_VOICE"]

    [checks.harper]
    mode = "always"               # always | fallback (only while LanguageTool is not ready)
    disabled_rules = []
    enabled_rules = []

Defaults are chosen for fiction: rules that complain about a writer's deliberate choices in
dialogue and narration are off (the lists below say why, rule by rule).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ficwriter.checks.languagetool_install import FOLDER_VARIABLE
from ficwriter.core.project import open_project

ENGINE_NAMES = ("languagetool", "harper", "fiction")

# LanguageTool rules that fight fiction rather than help it. The figures after a reason are
# LanguageTool 6.8 on ficwriter's two corpora (tests/checks/corpus: 21,579 marked words and
# the known-errors stories), from `python benchmarks/bench_quality.py --languagetool-rules`:
# flags on correct text, and errors caught that neither Harper nor the fiction rules catch.
LT_FICTION_DISABLED_RULES: Mapping[str, str] = {
    "EN_QUOTES": "straight quotes are how most writers type dialogue; archives accept both",
    "EN_UNPAIRED_QUOTES": "dialogue running over several paragraphs leaves the opening "
    "quote unclosed by convention, and paragraphs are checked one at a time",
    "EN_UNPAIRED_BRACKETS": "older LanguageTool versions check quotes with this rule too",
    "ENGLISH_WORD_REPEAT_BEGINNING_RULE": "repeated sentence openings are a fiction rule "
    "with its own threshold",
    "STYLE_REPEATED_WORD_RULE_EN": "echo words are a fiction rule with its own window",
    "SENT_START_CONJUNCTIVE_LINKING_ADVERB_COMMA": "'Instead she ...' without a comma is "
    "a rhythm choice in narration",
    "TOO_LONG_SENTENCE": "long sentences in narration are deliberate",
    "PROFANITY": "characters swear",
    "DASH_RULE": "dash typography is the export's job, not the draft's",
    "ELLIPSIS": "'...' or the ellipsis character: the export can convert either",
    # measured on the corpora (flags on correct text / errors only LanguageTool caught)
    "COMMA_COMPOUND_SENTENCE": "'She turned and he followed': no comma before 'and' is "
    "narration's rhythm, not an error (22 / 0)",
    "COMMA_COMPOUND_SENTENCE_2": "the same wish for a comma before 'and' (7 / 0)",
    "UPPERCASE_SENTENCE_START": "text messages and chat are typed in lowercase on purpose "
    "('it', 'come' opening a message: 11 / 0)",
    "I_LOWERCASE": "'i think' in a text message is the character's voice (10, and a "
    "marked trap / 0)",
    "OXFORD_SPELLING_Z_NOT_S": "'realised', 'sympathise' are standard British spelling; "
    "-ize is one house style (5 / 0)",
    "AFTERWARDS_US": "'afterwards' is American English too, and a character's word (3 / 0)",
    "TRUNK_BOOT": "an American character in a British story says 'trunk' (1 / 0)",
    "EN_GB_SIMPLE_REPLACE_SEDAN": "'sedan' in a British story: a character's word (1 / 0)",
    "MISSING_COMMA_AFTER_INTRODUCTORY_PHRASE": "'At dusk the lamps came on': the comma "
    "after a short opening phrase is optional (2 / 0)",
    "EN_COMPOUNDS_HALF_TIME": "'at half time' is an open compound in British usage (2 / 0)",
    "EN_COMPOUNDS_STONE_COLD": "'the tea was stone cold': hyphenated only before a noun "
    "(1 / 0)",
    "PRP_VBG": "'You going?' -- dropped auxiliaries are how people talk in dialogue (1 / 0)",
    "YOU_GOOD": "'You okay?' in dialogue (1 / 0)",
    "GOING_TO_JJ": "'You're going to anyway.' -- the verb is left out in speech (1 / 0)",
    "Y_ALL": "'Y'all' is dialect, spelled as the character says it (a marked trap / 0)",
    "DEPEND_ON": "'Depends who's asking.' -- spoken English drops the 'on' (a marked "
    "trap / 0)",
    "IF_WE_CANT_COMMA": "'If we can't I'll go' in quick speech: a comma choice (1 / 0)",
}
LT_FICTION_DISABLED_CATEGORIES: Mapping[str, str] = {
    "REPETITIONS_STYLE": "echo words are a fiction rule with its own window",
}

# Harper rules that, on real fiction (the seed chapter), flagged only correct prose.
HARPER_FICTION_DISABLED_RULES: Mapping[str, str] = {
    "LongSentences": "long sentences in narration are deliberate",
    "OxfordComma": "a house-style choice, not an error",
    "DiscourseMarkers": "'Instead she ...' without a comma is a rhythm choice",
    "LetsConfusion": "flags every 'let out a breath' / 'let down'",
    "PronounVerbAgreement": "flags 'she spat', 'she self-consciously rubbed'",
    "QuiteQuiet": "flags 'for quite a while'",
    "MassNouns": "flags 'the only one celebrating'",
    "ThatThan": "flags 'the danger that was flying' and misses the seed's real 'more deaths "
    "that'; the fiction rules' confused-words list checks that/than in context",
    "UseEllipsisCharacter": "'...' or the ellipsis character: the export can convert either",
    "CompoundNouns": "'boarding house', 'sea wall', 'river boats': correct open compounds "
    "it wants joined; it caught none of the marked corpus's errors",
    "SplitWords": "'spellbook', 'woodstove', 'cellarman': correct words it wants split",
    "ItsPossessive": "flags 'It's somebody deciding', 'It's Bea.'; the fiction rules check "
    "its/it's in context",
    "MissingPreposition": "flags 'I can't.' and 'I love him.' in dialogue",
    "WereWhere": "flags 'all you could see were the lights'",
    "ThingThink": "flags 'It's not a you thing.'",
    "ProgressiveNeedsBe": "flags 'We have morning skate.'",
    "Excellent": "wants 'very good' replaced by 'excellent', even in a character's speech "
    "('a very good light', said four times on purpose)",
    "Dashes": "'--' is how writers type a dash (the export sets it as one); Harper took it "
    "for a typo",
    "OrthographicConsistency": "wants 'Who's' at a sentence start lowercased ('the canonical "
    "spelling is who's'): 13 flags on the marked corpus's correct text, none on its 221 errors",
    "AvoidCurses": "characters swear; it flags every 'Shit' of the dialogue",
}
# Speed: what the remaining rules cost is spread thin. Measured with
# benchmarks/bench_harper_rules.py (CPU time, fresh linters, 3,039 words of generated
# fiction, idle machine): all default rules 140 ms per 1,000 words; SpellCheck alone 7.9 ms;
# every other group of ~28 rules 1.6-3.8 ms, no single rule above the noise. Measured again
# for issue 16 (2 shared cores, load 3-6, 8,000-10,000 words): Harper's parse of text it has
# not seen 35-45 ms per 1,000 words (7 ms once parsed: it keeps the parse across linters),
# the 885 rules on here about 100 ms more; each rule alone 0.1-8 ms above the parse (median
# 0.8, UpdatePlaceNames and SpellCheck the highest), and leaving any 56 of them out saves
# less than the run-to-run noise (+-15 ms). A call costs ~2 ms besides its text, so
# paragraphs go to Harper in batches (harper_engine.check_many: a third less CPU). So no
# rule is off for its cost alone: the ones above are off because they flag correct
# fiction, and the speed comes from batching and linting on both cores.


def _strings(value: Any, where: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where} must be a list of strings")
    return frozenset(value)


def _choice(value: Any, choices: tuple[str, ...], where: str) -> str:
    if value not in choices:
        raise ValueError(f"{where} must be one of {', '.join(choices)}, not {value!r}")
    return str(value)


@dataclass(frozen=True)
class LanguageToolSettings:
    """How to reach LanguageTool and which of its rules to use."""

    mode: str = "local"  # local | remote | off
    folder: str = ""  # local mode: where LanguageTool is; "" = ficwriter's cache folder
    url: str = ""
    username: str = ""
    api_key: str = ""
    picky: bool = False
    enabled_rules: frozenset[str] = frozenset()
    disabled_rules: frozenset[str] = frozenset(LT_FICTION_DISABLED_RULES)
    enabled_categories: frozenset[str] = frozenset()
    disabled_categories: frozenset[str] = frozenset(LT_FICTION_DISABLED_CATEGORIES)
    timeout: float = 20.0  # seconds per request
    start_timeout: float = 120.0  # seconds to wait for a local server (and its download)

    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> LanguageToolSettings:
        where = "[checks.languagetool]"
        mode = _choice(table.get("mode", "local"), ("local", "remote", "off"), f"{where} mode")
        url = str(table.get("url", ""))
        if mode == "remote" and not url:
            raise ValueError(f"{where} mode = 'remote' needs a url")
        enabled = _strings(table.get("enabled_rules"), f"{where} enabled_rules")
        disabled = _strings(table.get("disabled_rules"), f"{where} disabled_rules")
        enabled_cat = _strings(table.get("enabled_categories"), f"{where} enabled_categories")
        disabled_cat = _strings(table.get("disabled_categories"), f"{where} disabled_categories")
        folder = os.environ.get(FOLDER_VARIABLE) or table.get("dir", "")
        if not isinstance(folder, str):
            raise ValueError(f"{where} dir must be a folder path")
        return cls(
            mode=mode,
            folder=folder,
            url=url,
            username=str(table.get("username", "")),
            api_key=str(table.get("api_key", "")),
            picky=bool(table.get("picky", False)),
            enabled_rules=enabled,
            disabled_rules=(frozenset(LT_FICTION_DISABLED_RULES) | disabled) - enabled,
            enabled_categories=enabled_cat,
            disabled_categories=(frozenset(LT_FICTION_DISABLED_CATEGORIES) | disabled_cat)
            - enabled_cat,
            timeout=float(table.get("timeout", cls.timeout)),
            start_timeout=float(table.get("start_timeout", cls.start_timeout)),
        )


@dataclass(frozen=True)
class HarperSettings:
    mode: str = "always"  # always | fallback (only while LanguageTool is not ready)
    disabled_rules: frozenset[str] = frozenset(HARPER_FICTION_DISABLED_RULES)
    enabled_rules: frozenset[str] = frozenset()

    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> HarperSettings:
        where = "[checks.harper]"
        enabled = _strings(table.get("enabled_rules"), f"{where} enabled_rules")
        disabled = _strings(table.get("disabled_rules"), f"{where} disabled_rules")
        return cls(
            mode=_choice(table.get("mode", "always"), ("always", "fallback"), f"{where} mode"),
            disabled_rules=(frozenset(HARPER_FICTION_DISABLED_RULES) | disabled) - enabled,
            enabled_rules=enabled,
        )


@dataclass(frozen=True)
class CheckSettings:
    """Everything the checker needs to build its engines."""

    language: str = "en-US"
    engines: tuple[str, ...] = ENGINE_NAMES
    check_notes: bool = True  # author's notes are posted with the chapter
    not_names: tuple[str, ...] = ()  # capitalised words the writer said are not names
    languagetool: LanguageToolSettings = field(default_factory=LanguageToolSettings)
    harper: HarperSettings = field(default_factory=HarperSettings)
    fiction: Mapping[str, Any] = field(default_factory=dict)  # handed to FictionSettings

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> CheckSettings:
        """Settings from a whole ficwriter.toml as a dict (its ``[checks]`` table)."""
        table = config.get("checks", {}) or {}
        if not isinstance(table, Mapping):
            raise ValueError("[checks] must be a table")
        engines = table.get("engines", list(ENGINE_NAMES))
        unknown = set(_strings(engines, "[checks] engines")) - set(ENGINE_NAMES)
        if unknown:
            raise ValueError(f"[checks] engines: unknown {', '.join(sorted(unknown))}")
        return cls(
            language=str(table.get("language") or config.get("language") or "en-US"),
            engines=tuple(engines),
            check_notes=bool(table.get("check_notes", True)),
            not_names=tuple(sorted(_strings(table.get("not_names"), "[checks] not_names"))),
            languagetool=LanguageToolSettings.from_table(table.get("languagetool", {})),
            harper=HarperSettings.from_table(table.get("harper", {})),
            fiction=dict(table.get("fiction", {})),
        )


def load_check_settings(project_root: Path) -> CheckSettings:
    """The project's check settings; defaults when it has no ficwriter.toml.

    Raises ``ValueError`` naming the file or the key when the settings are wrong.
    """
    project = open_project(project_root)
    return CheckSettings.from_config({"checks": project.checks, "language": project.language})
