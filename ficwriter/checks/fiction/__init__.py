"""ficwriter's own fiction rules: the habits and slips other checkers do not look for.

``paragraph_engine`` runs the rules that need one paragraph (cached per paragraph by the
scheduler); ``chapter_rules`` are the ones that need a scene or the whole chapter.
``RULES`` lists every rule with its id, name, message, category, severity and default.
"""

from ficwriter.checks.fiction.chapter_rules import chapter_rules
from ficwriter.checks.fiction.engine import FictionEngine, paragraph_engine
from ficwriter.checks.fiction.rules import RULES, RULES_VERSION, RuleInfo
from ficwriter.checks.fiction.settings import FictionSettings

__all__ = [
    "RULES",
    "RULES_VERSION",
    "FictionEngine",
    "FictionSettings",
    "RuleInfo",
    "chapter_rules",
    "paragraph_engine",
]
