"""Writing targets, kept in ``ficwriter.toml`` under ``[goals]``.

```toml
[goals]
words = 60000            # the story's target length
deadline = 2027-03-01    # optional, a TOML date
daily = 500              # words a day
session = 30             # a session's target ...
session_unit = "minutes" # ... in "words" (the default) or "minutes" (a sprint)

[goals.chapters]         # per chapter, by the chapter's path in the project
"chapters/01-the-cave.md" = 5000
```
Chapter targets sit in ``[goals.chapters]`` rather than in the chapter files: a target is
the writer's plan, not part of the text, so setting one never makes a revision or shows up
in an export. A target of 0 (or none) means no target. The table is edited in place through
tomlkit, so the writer's comments and layout around it are kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

import tomlkit
from tomlkit.items import Table

from ficwriter.core.project import Project

SessionUnit = Literal["words", "minutes"]
SESSION_UNITS: tuple[SessionUnit, ...] = ("words", "minutes")


@dataclass(frozen=True)
class Goals:
    """A project's targets; ``None`` where the writer set none."""

    words: int | None = None
    deadline: date | None = None
    daily: int | None = None
    session: int | None = None
    session_unit: SessionUnit = "words"
    chapters: Mapping[str, int] = field(default_factory=dict)

    def chapter(self, rel: str) -> int | None:
        """The target of the chapter at ``rel`` (POSIX path in the project), if any."""
        return self.chapters.get(rel)


def _target(table: Mapping[str, Any], key: str) -> int | None:
    value = table.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"[goals] {key} must be a whole number of 0 or more, not {value!r}")
    return int(value) or None


def read_goals(project: Project) -> Goals:
    """The ``[goals]`` table as ``Goals``; ``ValueError`` naming the key that is wrong."""
    table = project.config.get("goals", {})
    deadline = table.get("deadline")
    if deadline is not None and not isinstance(deadline, date):
        try:
            deadline = date.fromisoformat(str(deadline))
        except ValueError:
            raise ValueError(f"[goals] deadline must be a date like 2027-03-01, not {deadline!r}")
    unit = str(table.get("session_unit", "words"))
    if unit not in SESSION_UNITS:
        raise ValueError(f"[goals] session_unit must be one of {', '.join(SESSION_UNITS)}")
    chapters = {}
    for rel in table.get("chapters", {}):
        target = _target(table["chapters"], rel)
        if target:
            chapters[str(rel)] = target
    return Goals(
        words=_target(table, "words"),
        deadline=deadline,
        daily=_target(table, "daily"),
        session=_target(table, "session"),
        session_unit=unit,  # type: ignore[arg-type]
        chapters=chapters,
    )


def _goals_table(project: Project) -> Table:
    if "goals" not in project.config:
        project.config.add("goals", tomlkit.table())
    return project.config["goals"]  # type: ignore[return-value]


def _set(table: Table, key: str, value: object | None) -> None:
    if value is None or value == 0:
        if key in table:
            del table[key]
    else:
        table[key] = value


def update_goals(
    project: Project,
    *,
    words: int | None = None,
    deadline: date | None | Literal[False] = None,
    daily: int | None = None,
    session: int | None = None,
    session_unit: SessionUnit | None = None,
    chapters: Mapping[str, int] | None = None,
) -> Goals:
    """Change the targets given (``None`` leaves one as it is, 0 or ``False`` removes it)
    in ``project.config``; the caller saves. Returns the goals as they now read."""
    table = _goals_table(project)
    for key, value in (("words", words), ("deadline", deadline), ("daily", daily),
                       ("session", session)):  # fmt: skip
        if isinstance(value, int) and not isinstance(value, bool) and value < 0:
            raise ValueError(f"a {key} target cannot be negative")
        if value is not None:
            _set(table, key, value or None)
    if session_unit is not None:
        if session_unit not in SESSION_UNITS:
            raise ValueError(f"a session counts one of {', '.join(SESSION_UNITS)}")
        _set(table, "session_unit", None if session_unit == "words" else session_unit)
    if chapters:
        if "chapters" not in table:
            table.add("chapters", tomlkit.table())
        chapter_table: Table = table["chapters"]  # type: ignore[assignment]
        for rel, target in chapters.items():
            if target < 0:
                raise ValueError("a chapter target cannot be negative")
            _set(chapter_table, rel, target)
    return read_goals(project)
