"""Finding LanguageTool on disk: Maven jars first, then unpacked releases, newest first."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficwriter import paths
from ficwriter.checks.languagetool_install import (
    FOLDER_VARIABLE,
    configured_folder,
    find_installation,
    jar_folder,
    write_server_config,
)


def jars(folder: Path, *names: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_bytes(b"PK")
    return folder


def release(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "languagetool-server.jar").write_bytes(b"PK")
    return folder


def test_jar_folder_runs_every_jar_in_it(tmp_path: Path) -> None:
    folder = jars(tmp_path, "languagetool-server-6.8.jar", "language-en-6.8.jar", "guava.jar")
    found = jar_folder(folder)
    assert found is not None and (found.kind, found.version) == ("jars", "6.8")
    command = found.command("java", 8123)
    assert command == ["java", "-XX:TieredStopAtLevel=1", "-cp", f"{folder}/*",
                       "org.languagetool.server.HTTPServer", "--port", "8123"]  # fmt: skip
    assert "--public" not in command  # loopback only


def test_the_server_caches_its_rule_pipeline_for_ficwriters_settings(tmp_path: Path) -> None:
    folder = jars(tmp_path, "languagetool-server-6.8.jar", "language-en-6.8.jar")
    config = write_server_config(tmp_path / "server.properties")
    assert "pipelineCaching=true\n" in config.read_text()
    command = jar_folder(folder).command("java", 8123, config)  # type: ignore[union-attr]
    assert command[-2:] == ["--config", str(config)]


def test_jar_folder_without_english_rules_is_not_one(tmp_path: Path) -> None:
    assert jar_folder(jars(tmp_path, "languagetool-server-6.8.jar")) is None


def test_newest_server_jar_names_the_version(tmp_path: Path) -> None:
    folder = jars(tmp_path, "languagetool-server-6.9.jar", "languagetool-server-6.10.jar",
                  "language-en-6.10.jar")  # fmt: skip
    assert jar_folder(folder).version == "6.10"  # type: ignore[union-attr]


def test_jars_are_preferred_to_an_unpacked_release(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "downloads"))
    release(tmp_path / "downloads" / "LanguageTool-6.7")
    folder = jars(tmp_path / "jars", "languagetool-server-6.8.jar", "language-en-6.8.jar")
    assert find_installation(folder).kind == "jars"  # type: ignore[union-attr]
    empty = jars(tmp_path / "empty")
    found = find_installation(empty)
    assert found is not None and (found.kind, found.version) == ("release", "6.7")
    assert found.classpath == str(tmp_path / "downloads/LanguageTool-6.7/languagetool-server.jar")


def test_configured_folder_may_be_a_release_or_hold_releases(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "none"))
    release(tmp_path / "LanguageTool-6.5")
    release(tmp_path / "LanguageTool-6.6")
    assert find_installation(tmp_path).version == "6.6"  # type: ignore[union-attr]
    assert find_installation(tmp_path / "LanguageTool-6.5").version == "6.5"  # type: ignore[union-attr]
    assert find_installation(tmp_path / "none") is None


@pytest.mark.parametrize("given, env, expected", [
    ("/given", "/env", "/given"),
    ("", "/env", "/env"),
    ("~/lt", "", "~/lt"),
])  # fmt: skip
def test_folder_choice_order(monkeypatch, given: str, env: str, expected: str) -> None:
    monkeypatch.setenv(FOLDER_VARIABLE, env)
    assert configured_folder(given) == Path(expected).expanduser()


def test_default_folder_is_ficwriters_cache(monkeypatch) -> None:
    monkeypatch.delenv(FOLDER_VARIABLE)
    assert configured_folder() == paths.cache_dir() / "languagetool"
