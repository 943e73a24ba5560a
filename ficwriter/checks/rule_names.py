"""Names for Harper's rules that say what each checks.

Harper names a lint by its kind ("Spelling", "Grammar"), which several rules share, so two
different rules both read "Spelling" in the issues panel and *Group by rule* cannot tell
them apart. A rule's name here is distinct and says what it looks for; a rule not listed
gets its identifier in words (``DidPast`` -> "Did past").
"""

from __future__ import annotations

import re

HARPER_RULE_NAMES = {
    "SpellCheck": "Unknown word (spelling)",
    "DisjointPrefixes": "Prefix written apart",
    "CompoundNouns": "Compound written apart",
    "SplitWords": "Word split in two",
    "CondenseAllThe": "\u201call of the\u201d that can be \u201call the\u201d",
    "DidPast": "Past form after \u201cdid\u201d",
    "RepeatedWords": "Word repeated",
    "SentenceCapitalization": "Sentence starts in lower case",
    "Spaces": "Extra spaces",
    "LongSentences": "Long sentence",
    "AnA": "\u201ca\u201d or \u201can\u201d",
    "UnclosedQuotes": "Quote not closed",
    "WrongQuotes": "Quote marks",
    "CorrectNumberSuffix": "Number suffix (1st, 2nd)",
    "Excellent": "Wordy phrase",
    "ThatWhich": "\u201cthat\u201d or \u201cwhich\u201d",
    "PossessiveYour": "\u201cyour\u201d or \u201cyou're\u201d",
    "ItsContraction": "\u201cits\u201d or \u201cit's\u201d",
    "ThenThan": "\u201cthen\u201d or \u201cthan\u201d",
    "LoseLoose": "\u201close\u201d or \u201cloose\u201d",
    "Ellipsis": "Ellipsis",
    "Dashes": "Dashes",
}

_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


def harper_rule_name(rule: str) -> str:
    """The name shown for Harper's rule ``rule`` (its identifier, e.g. ``SpellCheck``)."""
    if rule in HARPER_RULE_NAMES:
        return HARPER_RULE_NAMES[rule]
    words = _WORD.findall(rule) or [rule]
    return " ".join([words[0].capitalize(), *(w.lower() for w in words[1:])])
