"""What a checker found: the Issue model shared by every engine, the panel and the CLI.

Engines see plain paragraph text (markup removed) and report ``Finding``s in its offsets;
the scheduler maps them through ``ficwriter.core.inline.PlainText`` to ``Issue``s whose
spans index the chapter file, so the editor can underline exactly the characters meant.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum


class Category(str, Enum):
    SPELLING = "spelling"
    GRAMMAR = "grammar"
    PUNCTUATION = "punctuation"
    TYPOGRAPHY = "typography"
    STYLE = "style"
    FICTION = "fiction"
    BETA = "beta"  # a beta reader's change or comment (ficwriter.beta), not a checker's


class Severity(str, Enum):
    ERROR = "error"  # almost surely wrong: spelling, agreement
    WARNING = "warning"  # probably worth a look
    HINT = "hint"  # a style observation the writer may well keep


# What an engine reports when it has no finer severity of its own.
DEFAULT_SEVERITY: dict[Category, Severity] = {
    Category.SPELLING: Severity.ERROR,
    Category.GRAMMAR: Severity.ERROR,
    Category.PUNCTUATION: Severity.WARNING,
    Category.TYPOGRAPHY: Severity.HINT,
    Category.STYLE: Severity.HINT,
    Category.FICTION: Severity.WARNING,
    Category.BETA: Severity.WARNING,
}


@dataclass(frozen=True)
class Finding:
    """An engine's report on one text, in that text's offsets."""

    start: int
    end: int
    category: Category
    rule_id: str
    rule_name: str
    message: str
    suggestions: tuple[str, ...] = ()
    severity: Severity = Severity.WARNING


@dataclass(frozen=True)
class Issue:
    """A finding placed in the chapter file: ``start:end`` index the file's text."""

    start: int
    end: int
    category: Category
    rule_id: str
    rule_name: str
    message: str
    engine: str
    suggestions: tuple[str, ...] = ()
    severity: Severity = Severity.WARNING
    paragraph: int = -1  # index into Chapter.paragraphs(notes=True)
    scene: int | None = None
    also_found_by: tuple[str, ...] = field(default=())  # other engines that flagged the same

    @property
    def engines(self) -> tuple[str, ...]:
        return (self.engine, *self.also_found_by)

    def moved(self, delta: int) -> Issue:
        """The same issue shifted by ``delta`` characters (text was edited before it)."""
        return replace(self, start=self.start + delta, end=self.end + delta)
