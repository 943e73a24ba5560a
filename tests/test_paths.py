"""Where ficwriter finds its resources and keeps its files, installed, bundled or in a checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ficwriter import paths

REPO = Path(__file__).resolve().parent.parent


def test_checkout_finds_the_top_level_resources_folder() -> None:
    assert paths.resources_dir() in {REPO / "resources", REPO / "ficwriter" / "resources"}
    assert paths.app_icon().is_file()
    assert paths.app_icon(48).name == f"{paths.APP_ID}-48.png"


def test_installed_or_bundled_layout_finds_resources_beside_the_package(tmp_path: Path) -> None:
    """A wheel and the PyInstaller bundle both put resources/ inside the package folder."""
    package = tmp_path / "site" / "ficwriter"
    (package / "resources" / "icons").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    shutil.copy(REPO / "ficwriter" / "paths.py", package / "paths.py")
    done = subprocess.run(
        [sys.executable, "-c", "from ficwriter.paths import resources_dir; print(resources_dir())"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path / "site")},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert Path(done.stdout.strip()) == package / "resources"


@pytest.mark.skipif(sys.platform != "linux", reason="XDG folders are Linux's")
def test_settings_and_logs_follow_the_xdg_folders(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert paths.settings_dir() == tmp_path / "config" / "ficwriter"
    assert paths.log_dir() == tmp_path / "state" / "ficwriter" / "log"
    assert not paths.settings_dir().exists()  # asking never creates folders


def test_source_version_is_pyprojects() -> None:
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{paths.source_version()}"' in text
