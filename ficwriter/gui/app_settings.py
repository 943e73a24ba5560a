"""The window's own settings (theme, font, autosave, recent projects), kept in QSettings.

Project settings (language, checks, export defaults) live in the project's ficwriter.toml
and go through ``ficwriter.core.project``; these here belong to the person, not the story.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

MAX_RECENT = 8
DEFAULT_AUTOSAVE_SECONDS = 30


class AppSettings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings("ficwriter", "ficwriter")

    def _get(self, key: str, default, kind):
        value = self._settings.value(key, default)
        try:
            return kind(value)
        except (TypeError, ValueError):
            return default

    @property
    def theme(self) -> str:
        return self._get("appearance/theme", "light", str)

    @theme.setter
    def theme(self, value: str) -> None:
        self._settings.setValue("appearance/theme", value)

    @property
    def font_family(self) -> str:
        return self._get("appearance/font_family", "", str)

    @font_family.setter
    def font_family(self, value: str) -> None:
        self._settings.setValue("appearance/font_family", value)

    @property
    def font_size(self) -> float:
        return self._get("appearance/font_size", 13.0, float)

    @font_size.setter
    def font_size(self, value: float) -> None:
        self._settings.setValue("appearance/font_size", float(value))

    @property
    def autosave_seconds(self) -> int:
        """Seconds between autosaves while there are unsaved edits; 0 turns autosave off."""
        return self._get("editor/autosave_seconds", DEFAULT_AUTOSAVE_SECONDS, int)

    @autosave_seconds.setter
    def autosave_seconds(self, value: int) -> None:
        self._settings.setValue("editor/autosave_seconds", int(value))

    def recent_projects(self) -> list[Path]:
        value = self._settings.value("recent/projects", [])
        if isinstance(value, str):
            value = [value]
        return [Path(p) for p in (value or []) if p]

    def add_recent(self, path: Path) -> None:
        path = Path(path).resolve()
        recent = [p for p in self.recent_projects() if p != path]
        recent.insert(0, path)
        self._settings.setValue("recent/projects", [str(p) for p in recent[:MAX_RECENT]])

    def window_state(self) -> tuple[bytes | None, bytes | None]:
        return self._settings.value("window/geometry"), self._settings.value("window/state")

    def save_window_state(self, geometry: bytes, state: bytes) -> None:
        self._settings.setValue("window/geometry", geometry)
        self._settings.setValue("window/state", state)

    def sync(self) -> None:
        self._settings.sync()
