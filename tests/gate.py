"""Pacing a real engine from a test: its calls wait at a gate the test opens a few at a time.

A long check is over in a second or two, too fast to watch or stop reliably from a test.
Wrapping a real engine's ``check`` in a gate makes "the check is a quarter done" a state the
test sets up rather than a moment it hopes to catch.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable

import pytest

from ficwriter.checks.issue import Finding

Check = Callable[..., list[Finding]]  # a bound ``check(text)`` or the class's ``check(self, text)``


class EngineGate:
    """Lets ``allow``-ed engine calls through; the others wait until ``open``."""

    def __init__(self) -> None:
        self._turn = threading.Condition()
        self._allowed: float = 0
        self.passed = 0  # calls that went through and returned
        self.waiting = 0  # calls held at the gate now

    def allow(self, calls: int) -> None:
        with self._turn:
            self._allowed += calls
            self._turn.notify_all()

    def open(self) -> None:
        """Let every call through from now on (a test ends with this, so no thread hangs)."""
        with self._turn:
            self._allowed = math.inf
            self._turn.notify_all()

    def hold(self, monkeypatch: pytest.MonkeyPatch, engine: object) -> None:
        """Gate ``engine``'s (an engine or its class) ``check``, one paragraph a call: no
        batches, so ``allow(n)`` lets exactly ``n`` paragraphs through."""
        monkeypatch.setattr(engine, "check", self.wrap(getattr(engine, "check")))
        monkeypatch.setattr(engine, "batch_chars", 0, raising=False)

    def wrap(self, check: Check) -> Check:
        def gated(*args: object) -> list[Finding]:
            with self._turn:
                self.waiting += 1
                self._turn.wait_for(lambda: self._allowed > 0)
                self.waiting -= 1
                self._allowed -= 1
            try:
                return check(*args)
            finally:
                with self._turn:
                    self.passed += 1

        return gated
