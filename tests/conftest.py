"""Shared test setup: Qt runs offscreen, and the seed chapter is found when present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
_SEED_NAME = Path("shared") / "seeds" / "000_a076e9cb29d276f2.txt"
# The nearest shared/ above the checkout: /work/main and the worktrees in /work/wt/* alike.
SEED = next(
    (p / _SEED_NAME for p in REPO.parents if (p / _SEED_NAME).is_file()), REPO.parent / _SEED_NAME
)


@pytest.fixture
def seed_text() -> str:
    """The real posted chapter from shared/seeds (tests using it skip where it is absent)."""
    if not SEED.is_file():
        pytest.skip("seed chapter not present")
    return SEED.read_text(encoding="utf-8")
