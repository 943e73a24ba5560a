"""Fixtures for the checks: a fake LanguageTool server and shared real engines."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ficwriter.checks.harper_engine import HarperEngine
from ficwriter.checks.languagetool import LanguageToolEngine
from ficwriter.checks.settings import LanguageToolSettings
from tests.checks.lt_server import FakeLanguageTool, start_server


@pytest.fixture
def lt_server() -> Iterator[FakeLanguageTool]:
    server = start_server()
    yield server
    server.stop()


def remote_settings(url: str, **changes: object) -> LanguageToolSettings:
    base = LanguageToolSettings(mode="remote", url=url, timeout=2.0, start_timeout=10.0)
    return LanguageToolSettings(**{**base.__dict__, **changes})


@pytest.fixture
def lt_engine(lt_server: FakeLanguageTool) -> Iterator[LanguageToolEngine]:
    engine = LanguageToolEngine(remote_settings(lt_server.url))
    assert engine.wait_started(10)
    yield engine
    engine.close()


@pytest.fixture(scope="session")
def harper_engine() -> HarperEngine:
    """One real Harper engine for the session (building linters takes about a second)."""
    return HarperEngine()
