"""Fixtures for history tests: a real project folder, its real store, polling helpers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ficwriter.history.store import HistoryStore


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """An empty project: a folder with chapters/."""
    root = tmp_path / "Story"
    (root / "chapters").mkdir(parents=True)
    return root


@pytest.fixture
def store(project: Path) -> Iterator[HistoryStore]:
    with HistoryStore.open(project) as opened:
        yield opened
