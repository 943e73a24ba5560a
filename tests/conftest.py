"""Shared test setup: Qt runs offscreen, and the seed chapter is found when present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
# shared/ sits beside the checkout (/work/main) or two levels up from a worktree (/work/wt/x).
SEED = next(
    (p for p in (REPO.parent / "shared/seeds/000_a076e9cb29d276f2.txt",
                 REPO.parent.parent / "shared/seeds/000_a076e9cb29d276f2.txt") if p.is_file()),
    REPO.parent / "shared/seeds/000_a076e9cb29d276f2.txt",
)  # fmt: skip


@pytest.fixture
def seed_text() -> str:
    """The real posted chapter from shared/seeds (tests using it skip where it is absent)."""
    if not SEED.is_file():
        pytest.skip("seed chapter not present")
    return SEED.read_text(encoding="utf-8")
