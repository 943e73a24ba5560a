"""Settings of the fiction rules, as the ``[checks.fiction]`` table of ficwriter.toml holds them.

Example::

    [checks.fiction]
    epithets = ["the blonde", "the brunette", "the taller woman"]
    epithet_allowance = 2
    echo_window = 20
    [checks.fiction.rules]
    echo = true            # "fiction.echo" works too
    filter-word = false

Bad values raise ``ValueError`` naming the key, so a typo in the file is reported rather
than silently ignored.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from ficwriter.checks.fiction.rules import RULES

DEFAULT_EPITHETS = (
    "the blonde",
    "the blond",
    "the brunette",
    "the redhead",
    "the raven-haired girl",
    "the dark-haired girl",
    "the blue-eyed girl",
    "the green-eyed girl",
    "the other girl",
    "the other woman",
    "the other man",
    "the other boy",
    "the older girl",
    "the younger girl",
    "the older woman",
    "the younger woman",
    "the older man",
    "the younger man",
    "the older boy",
    "the younger boy",
    "the taller girl",
    "the shorter girl",
    "the smaller girl",
    "the taller woman",
    "the shorter woman",
    "the taller man",
    "the shorter man",
)

DEFAULT_FILTER_WORDS = (
    "saw",
    "see",
    "sees",
    "felt",
    "feel",
    "feels",
    "heard",
    "hear",
    "hears",
    "noticed",
    "notices",
    "realized",
    "realised",
    "realizes",
    "realises",
    "watched",
    "watches",
    "wondered",
    "wonders",
    "seemed",
    "seems",
)


@dataclass(frozen=True)
class FictionSettings:
    """Everything the fiction rules can be told; ``FictionSettings()`` is the default set."""

    rules: Mapping[str, bool] = field(default_factory=dict)  # rule id -> on/off overrides
    epithets: tuple[str, ...] = DEFAULT_EPITHETS
    epithet_allowance: int = 2  # epithets per scene before each further one is flagged
    echo_window: int = 20  # words
    echo_min_length: int = 4  # shorter words never echo
    echo_in_dialogue: bool = False  # characters repeat themselves on purpose
    opening_run: int = 3  # consecutive sentences with the same first word
    filter_words: tuple[str, ...] = DEFAULT_FILTER_WORDS
    names: tuple[str, ...] = ()  # the project dictionary's names: spelled as the writer wants
    name_min_length: int = 4  # shorter names are not compared by one-letter differences

    def is_on(self, rule_id: str) -> bool:
        if rule_id not in RULES:
            raise KeyError(f"unknown fiction rule {rule_id!r}")
        return self.rules.get(rule_id, RULES[rule_id].default_on)

    def fingerprint(self) -> str:
        """A short hash of every setting, for the engine's cache key."""
        data = asdict(self)
        data["rules"] = {rule: self.is_on(rule) for rule in sorted(RULES)}
        blob = json.dumps(data, sort_keys=True, default=list)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]

    @classmethod
    def from_mapping(cls, table: Mapping[str, Any]) -> FictionSettings:
        """Settings from a plain dict such as the ``[checks.fiction]`` table."""
        known = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        for key, value in table.items():
            name = key.replace("-", "_")
            if name not in known:
                raise ValueError(f"checks.fiction: unknown setting {key!r}")
            if name == "rules":
                values[name] = _rule_switches(value)
            elif isinstance(getattr(cls(), name), tuple):
                values[name] = _string_list(key, value)
            elif isinstance(getattr(cls(), name), bool):
                values[name] = _typed(key, value, bool)
            else:
                values[name] = _positive_int(key, value)
        return cls(**values)


def _typed(key: str, value: Any, kind: type) -> Any:
    if not isinstance(value, kind):
        raise ValueError(f"checks.fiction: {key} must be {kind.__name__}, not {value!r}")
    return value


def _positive_int(key: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"checks.fiction: {key} must be a whole number of at least 1, not {value!r}")
    return value


def _string_list(key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"checks.fiction: {key} must be a list of strings")
    return tuple(v.strip() for v in value if v.strip())


def _rule_switches(value: Any) -> dict[str, bool]:
    if not isinstance(value, Mapping):
        raise ValueError("checks.fiction: rules must be a table of rule = true/false")
    switches: dict[str, bool] = {}
    for key, on in value.items():
        rule_id = key if key.startswith("fiction.") else f"fiction.{key}"
        if rule_id not in RULES:
            raise ValueError(f"checks.fiction: unknown rule {key!r}")
        switches[rule_id] = _typed(f"rules.{key}", on, bool)
    return switches
