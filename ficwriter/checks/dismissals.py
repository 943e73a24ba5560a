"""Dismissed issues and rules, kept in the project's history database.

One dismissed issue is remembered by its rule id and the text around it inside its own
paragraph (``context_of``), not by offsets: edits in other paragraphs move offsets but
leave that text alone, so the issue stays dismissed; editing the words around it brings
it back, which is what a writer expects of a changed sentence. A dismissed rule is off
for the whole project.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path

from ficwriter.core.chapter import Chapter, Paragraph
from ficwriter.checks.issue import Issue
from ficwriter.history.database import open_database

CONTEXT_CHARS = 30
_MARK = "\u2063"  # invisible separator: sets the flagged text apart in the stored context


def context_of(issue: Issue, chapter: Chapter, paragraph: Paragraph | None = None) -> str:
    """Up to 30 characters either side of ``issue`` (within its paragraph) and its text."""
    paragraph = paragraph or chapter.paragraph_at(issue.start)
    lo, hi = (paragraph.span.start, paragraph.span.end) if paragraph else (0, len(chapter.text))
    text = chapter.text
    before = text[max(lo, issue.start - CONTEXT_CHARS) : issue.start]
    after = text[issue.end : min(hi, issue.end + CONTEXT_CHARS)]
    return f"{before}{_MARK}{text[issue.start:issue.end]}{_MARK}{after}"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Dismissals:
    """The project's dismissed issues and rules; reads are from memory, writes go to SQLite."""

    def __init__(self, project_root: Path | None = None) -> None:
        """With no ``project_root`` dismissals live in memory only (tests, loose checks)."""
        self._root = project_root
        self._lock = threading.Lock()
        self._issues: set[tuple[str, str]] = set()
        self._rules: set[str] = set()
        if project_root is not None:
            db = open_database(project_root)
            try:
                self._issues = {(r["rule_id"], r["context"]) for r in db["dismissed_issues"].rows}
                self._rules = {r["rule_id"] for r in db["dismissed_rules"].rows}
            finally:
                db.close()

    @property
    def rules(self) -> frozenset[str]:
        return frozenset(self._rules)

    def dismiss_issue(self, issue: Issue, chapter: Chapter, chapter_name: str = "") -> None:
        key = (issue.rule_id, context_of(issue, chapter))
        with self._lock:
            self._issues.add(key)
        self._write(
            "dismissed_issues",
            {"rule_id": key[0], "context": key[1], "chapter": chapter_name, "created": _now()},
            ["rule_id", "context"],
        )

    def dismiss_rule(self, rule_id: str) -> None:
        with self._lock:
            self._rules.add(rule_id)
        self._write("dismissed_rules", {"rule_id": rule_id, "created": _now()}, ["rule_id"])

    def undismiss_rule(self, rule_id: str) -> None:
        with self._lock:
            self._rules.discard(rule_id)
        if self._root is not None:
            db = open_database(self._root)
            try:
                with db.conn:
                    db["dismissed_rules"].delete_where("rule_id = ?", [rule_id])
            finally:
                db.close()

    def _write(self, table: str, row: dict[str, str], keys: list[str]) -> None:
        if self._root is None:
            return
        db = open_database(self._root)
        try:
            with db.conn:
                where = " and ".join(f"{k} = ?" for k in keys)
                if not db[table].count_where(where, [row[k] for k in keys]):
                    db[table].insert(row)
        finally:
            db.close()

    def is_dismissed(
        self, issue: Issue, chapter: Chapter, paragraph: Paragraph | None = None
    ) -> bool:
        if issue.rule_id in self._rules:
            return True
        if not self._issues:
            return False
        return (issue.rule_id, context_of(issue, chapter, paragraph)) in self._issues

    def filter(self, issues: Iterable[Issue], chapter: Chapter) -> list[Issue]:
        """``issues`` without the dismissed ones (``Issue.paragraph`` finds each paragraph)."""
        if not self._issues and not self._rules:
            return list(issues)
        paragraphs = chapter.paragraphs(notes=True)
        kept = []
        for issue in issues:
            paragraph = paragraphs[issue.paragraph] if 0 <= issue.paragraph < len(paragraphs) else None
            if not self.is_dismissed(issue, chapter, paragraph):
                kept.append(issue)
        return kept
