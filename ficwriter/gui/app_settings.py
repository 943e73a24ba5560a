"""The window's own settings (theme, font, autosave, issues scope, recent projects): QSettings.

Project settings (language, checks, export defaults) live in the project's ficwriter.toml
and go through ``ficwriter.core.project``; these here belong to the person, not the story.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QSettings

MAX_RECENT = 8
MAX_CURSORS = 300  # chapters whose cursor place is remembered, the latest left
DEFAULT_AUTOSAVE_SECONDS = 30


class _Setting:
    """One QSettings value as a typed attribute, with its default."""

    def __init__(self, key: str, default, kind) -> None:
        self.key, self.default, self.kind = key, default, kind

    def __get__(self, owner: AppSettings | None, _type=None):
        if owner is None:
            return self
        value = owner.qsettings.value(self.key, self.default)
        try:
            return self.kind(value)
        except (TypeError, ValueError):
            return self.default

    def __set__(self, owner: AppSettings, value) -> None:
        owner.qsettings.setValue(self.key, self.kind(value))


class AppSettings:
    theme = _Setting("appearance/theme", "light", str)
    font_family = _Setting("appearance/font_family", "", str)
    font_size = _Setting("appearance/font_size", 13.0, float)
    #: seconds between autosaves while there are unsaved edits; 0 turns autosave off
    autosave_seconds = _Setting("editor/autosave_seconds", DEFAULT_AUTOSAVE_SECONDS, int)
    #: the issues panel shows the open chapter's issues ("chapter") or the project's ("project")
    issues_scope = _Setting("issues/scope", "chapter", str)

    def __init__(self, settings: QSettings | None = None) -> None:
        self.qsettings = settings or QSettings("ficwriter", "ficwriter")

    def recent_projects(self) -> list[Path]:
        value = self.qsettings.value("recent/projects", [])
        if isinstance(value, str):
            value = [value]
        return [Path(p) for p in (value or []) if p]

    def add_recent(self, path: Path) -> None:
        path = Path(path).resolve()
        recent = [p for p in self.recent_projects() if p != path]
        recent.insert(0, path)
        self.qsettings.setValue("recent/projects", [str(p) for p in recent[:MAX_RECENT]])

    def _cursors(self) -> dict[str, int]:
        try:
            value = json.loads(str(self.qsettings.value("editor/cursors", "{}")))
        except ValueError:
            return {}
        return {k: v for k, v in value.items() if isinstance(v, int)} if isinstance(value, dict) else {}

    def cursor_position(self, chapter: Path) -> int:
        """Where the cursor was when ``chapter`` was last left (0 when never)."""
        return self._cursors().get(str(Path(chapter).resolve()), 0)

    def set_cursor_position(self, chapter: Path, position: int) -> None:
        cursors = self._cursors()
        key = str(Path(chapter).resolve())
        cursors.pop(key, None)
        cursors[key] = int(position)  # newest last: the oldest go first
        kept = dict(list(cursors.items())[-MAX_CURSORS:])
        self.qsettings.setValue("editor/cursors", json.dumps(kept))

    def window_state(self) -> tuple[bytes | None, bytes | None]:
        return self.qsettings.value("window/geometry"), self.qsettings.value("window/state")

    def save_window_state(self, geometry: bytes, state: bytes) -> None:
        self.qsettings.setValue("window/geometry", geometry)
        self.qsettings.setValue("window/state", state)

    def sync(self) -> None:
        self.qsettings.sync()
