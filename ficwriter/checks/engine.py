"""What every checking engine offers the scheduler, and how it says whether it works.

Paragraph engines (LanguageTool, Harper, the paragraph-local fiction rules) see one plain
paragraph at a time, so their results can be cached per paragraph text. Chapter rules
(name consistency, epithet density per scene) need the whole chapter and are cheap enough
to run again on every change.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Sequence
from enum import Enum
from typing import Protocol

from ficwriter.core.chapter import Chapter
from ficwriter.checks.issue import Finding, Issue


class EngineState(str, Enum):
    STARTING = "starting"
    DOWNLOADING = "downloading"
    READY = "ready"
    UNAVAILABLE = "unavailable"
    OFF = "off"


@dataclass(frozen=True)
class EngineStatus:
    """What the status bar says about one engine; ``detail`` is the reason when unavailable."""

    engine: str
    state: EngineState
    detail: str = ""
    progress: float | None = None  # 0..1 while downloading


class EngineUnavailable(Exception):
    """Raised by ``Engine.check`` when the engine cannot answer (server down, not installed).

    The scheduler caches nothing for that paragraph, shows the engine's status, and keeps
    delivering the other engines' issues.
    """


class Engine(Protocol):
    """A paragraph engine. ``check`` may be called from worker threads at the same time."""

    name: str

    def cache_key(self) -> str:
        """Engine version and settings: results cached under another key are not reused."""
        ...

    def check(self, text: str) -> list[Finding]:
        """Findings in ``text`` (one plain paragraph), in ``text``'s offsets."""
        ...

    def status(self) -> EngineStatus: ...

    def close(self) -> None: ...


class BatchEngine(Engine, Protocol):
    """A paragraph engine whose calls cost more than their text's length: the scheduler
    hands it many texts at once, up to about ``batch_chars`` characters a call."""

    batch_chars: int

    def check_many(self, texts: Sequence[str]) -> list[list[Finding]]:
        """Each text's findings, in that text's offsets, as ``check`` would give them."""
        ...


class ChapterRule(Protocol):
    """A rule that needs the whole chapter; it maps its own findings to file offsets."""

    name: str

    def check_chapter(self, chapter: Chapter) -> list[Issue]: ...
