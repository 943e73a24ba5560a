"""Check settings from ficwriter.toml's [checks] table."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficwriter.checks.settings import (
    LT_FICTION_DISABLED_RULES,
    CheckSettings,
    load_check_settings,
)


def test_defaults_without_a_config(tmp_path: Path):
    settings = load_check_settings(tmp_path)
    assert settings.language == "en-US"
    assert settings.engines == ("languagetool", "harper", "fiction")
    assert settings.languagetool.mode == "local"
    assert "EN_QUOTES" in settings.languagetool.disabled_rules


def test_table_overrides(tmp_path: Path):
    (tmp_path / "ficwriter.toml").write_text(
        'title = "Story"\nlanguage = "en-GB"\n[checks]\nengines = ["harper"]\ncheck_notes = true\n'
        '[checks.languagetool]\nmode = "remote"\nurl = "http://lt:8010"\nusername = "u"\n'
        'api_key = "k"\npicky = true\nenabled_rules = ["EN_QUOTES"]\ndisabled_rules = ["X"]\n'
        '[checks.harper]\nmode = "fallback"\n'
    )
    settings = load_check_settings(tmp_path)
    lt = settings.languagetool
    assert settings.language == "en-GB" and settings.engines == ("harper",) and settings.check_notes
    assert (lt.mode, lt.url, lt.username, lt.api_key, lt.picky) == ("remote", "http://lt:8010", "u", "k", True)
    assert "EN_QUOTES" not in lt.disabled_rules and "X" in lt.disabled_rules
    assert set(LT_FICTION_DISABLED_RULES) - {"EN_QUOTES"} <= lt.disabled_rules
    assert settings.harper.mode == "fallback"


@pytest.mark.parametrize(
    "table, message",
    [
        ({"checks": {"engines": ["spellcheck"]}}, "unknown spellcheck"),
        ({"checks": {"languagetool": {"mode": "cloud"}}}, "mode must be one of"),
        ({"checks": {"languagetool": {"mode": "remote"}}}, "needs a url"),
        ({"checks": {"harper": {"disabled_rules": "LongSentences"}}}, "list of strings"),
    ],
)
def test_bad_settings_say_what_is_wrong(table, message):
    with pytest.raises(ValueError, match=message):
        CheckSettings.from_config(table)


def test_unparsable_toml_is_a_clear_error(tmp_path: Path):
    (tmp_path / "ficwriter.toml").write_text("[checks\n")
    with pytest.raises(ValueError, match="ficwriter.toml"):
        load_check_settings(tmp_path)


def test_authors_notes_are_checked_unless_the_writer_skips_them() -> None:
    from ficwriter.checks.settings import CheckSettings

    assert CheckSettings().check_notes is True
    assert CheckSettings.from_config({}).check_notes is True
    assert CheckSettings.from_config({"checks": {"check_notes": False}}).check_notes is False


def test_not_names_are_read_and_must_be_words() -> None:
    import pytest

    from ficwriter.checks.settings import CheckSettings

    assert CheckSettings.from_config({"checks": {"not_names": ["Hope", "Will"]}}).not_names == ("Hope", "Will")
    with pytest.raises(ValueError, match="not_names"):
        CheckSettings.from_config({"checks": {"not_names": "Hope"}})


def test_languagetool_folder_from_config_and_environment(tmp_path: Path, monkeypatch):
    (tmp_path / "ficwriter.toml").write_text('[checks.languagetool]\ndir = "~/LT"\n')
    monkeypatch.delenv("FICWRITER_LANGUAGETOOL_DIR")
    assert load_check_settings(tmp_path).languagetool.folder == "~/LT"
    monkeypatch.setenv("FICWRITER_LANGUAGETOOL_DIR", "/opt/lt")  # the environment wins
    assert load_check_settings(tmp_path).languagetool.folder == "/opt/lt"


def test_languagetool_folder_must_be_a_path(tmp_path: Path, monkeypatch):
    monkeypatch.delenv("FICWRITER_LANGUAGETOOL_DIR")
    (tmp_path / "ficwriter.toml").write_text("[checks.languagetool]\ndir = 3\n")
    with pytest.raises(ValueError, match=r"\[checks.languagetool\] dir must be a folder path"):
        load_check_settings(tmp_path)
