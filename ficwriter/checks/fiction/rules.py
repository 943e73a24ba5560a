"""The registry of fiction rules: what each is called, says, weighs and whether it starts on.

The settings dialog, ``ficwriter check`` and the review panel list rules from here, and each
rule's findings carry its id and name, so a dismissal of "fiction.echo" means one thing
everywhere. ``RULES_VERSION`` goes into the engine's cache key: bump it whenever a rule
changes what it finds, so cached results from the old rules are not reused.
"""

from __future__ import annotations

from dataclasses import dataclass

from ficwriter.checks.issue import Category, Finding, Severity

RULES_VERSION = "3"


@dataclass(frozen=True)
class RuleInfo:
    id: str
    name: str
    message: str  # the template the rule fills in; {placeholders} named per rule
    category: Category
    severity: Severity
    default_on: bool
    scope: str  # "paragraph" (cached per paragraph) or "chapter" (needs the whole chapter)


_RULES = (
    RuleInfo(
        "fiction.epithet",
        "Epithet overuse",
        "‘{text}’ is epithet {count} of {total} in this scene ({density:.1f} per 1,000 words):"
        " use the name or a pronoun",
        Category.FICTION,
        Severity.WARNING,
        True,
        "chapter",
    ),
    RuleInfo(
        "fiction.name-spelling",
        "Inconsistent name spelling",
        "‘{text}’ is spelled ‘{other}’ {count} time(s) elsewhere in this chapter: pick one spelling",
        Category.FICTION,
        Severity.WARNING,
        True,
        "chapter",
    ),
    RuleInfo(
        "fiction.repeated-opening",
        "Repeated sentence openings",
        "‘{text}’ opens {count} sentences in a row: vary the openings",
        Category.FICTION,
        Severity.HINT,
        True,
        "chapter",
    ),
    RuleInfo(
        "fiction.echo",
        "Echo word",
        "‘{text}’ again within {distance} words: an echo the reader may hear",
        Category.STYLE,
        Severity.HINT,
        False,
        "paragraph",
    ),
    RuleInfo(
        "fiction.filter-word",
        "Filter word",
        "‘{text}’ filters the scene through the character: show what is seen or felt instead",
        Category.STYLE,
        Severity.HINT,
        False,
        "paragraph",
    ),
    RuleInfo(
        "fiction.tag-adverb",
        "Adverb on a dialogue tag",
        "‘{text}’: an adverb on a dialogue tag tells how it was said; let the words show it",
        Category.FICTION,
        Severity.HINT,
        True,
        "paragraph",
    ),
    RuleInfo(
        "fiction.tag-full-stop",
        "Full stop before a dialogue tag",
        "‘{text}’: the speech ends with a full stop but a tag follows: end it with a comma"
        " and start the tag in lowercase",
        Category.PUNCTUATION,
        Severity.WARNING,
        True,
        "paragraph",
    ),
    RuleInfo(
        "fiction.tag-new-sentence",
        "New sentence after a dialogue tag",
        "‘{word}’ starts a new sentence after the dialogue tag: end the tag with a full stop",
        Category.PUNCTUATION,
        Severity.WARNING,
        True,
        "paragraph",
    ),
    RuleInfo(
        "fiction.vocative-comma",
        "Comma before a name addressed",
        "‘{text}’: put a comma before a name addressed (‘{fixed}’)",
        Category.PUNCTUATION,
        Severity.WARNING,
        True,
        "paragraph",
    ),
    RuleInfo(
        "fiction.confused-word",
        "Commonly confused word",
        "‘{text}’ {reason}: did you mean ‘{suggestion}’?",
        Category.GRAMMAR,
        Severity.ERROR,
        True,
        "paragraph",
    ),
)

RULES: dict[str, RuleInfo] = {rule.id: rule for rule in _RULES}


def finding(
    rule_id: str, start: int, end: int, suggestions: tuple[str, ...] = (), **values: object
) -> Finding:
    """A finding of rule ``rule_id``, its message filled in from the registry's template."""
    rule = RULES[rule_id]
    return Finding(
        start=start,
        end=end,
        category=rule.category,
        rule_id=rule.id,
        rule_name=rule.name,
        message=rule.message.format(**values),
        suggestions=suggestions,
        severity=rule.severity,
    )
