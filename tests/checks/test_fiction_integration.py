"""The seed chapter through the whole checker offline: Harper plus the fiction rules."""

from __future__ import annotations

from pathlib import Path

from ficwriter.checks.build import build_checker
from ficwriter.checks.settings import CheckSettings
from ficwriter.core.chapter import parse


def test_seed_offline_checks(seed_text: str, tmp_path: Path):
    settings = CheckSettings(engines=("harper", "fiction"))
    checker = build_checker(tmp_path, settings, persist=False)
    try:
        result = checker.check_chapter(parse(seed_text), timeout=60)
    finally:
        checker.close()
    assert result.done == {"harper", "fiction"}
    found = [(seed_text[i.start : i.end], i.engine, seed_text[max(0, i.start - 15) : i.start])
             for i in result.issues]
    assert any(w == "turned" and b.endswith("didn't ") for w, _, b in found)
    assert any(w == "that" and b.endswith("deaths ") for w, _, b in found)
    by_rule = {(seed_text[i.start : i.end], i.rule_id) for i in result.issues}
    assert {w for w, rule in by_rule if rule == "fiction.name-spelling"} & {"Tondc", "TonDC"}
    assert ("the blonde", "fiction.epithet") in by_rule
