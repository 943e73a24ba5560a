"""One version, written once in pyproject.toml, everywhere a writer or a store can see it."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import tomlkit

import ficwriter

REPO = Path(__file__).resolve().parents[2]
PYPROJECT = tomlkit.parse((REPO / "pyproject.toml").read_text(encoding="utf-8"))
PYPROJECT_VERSION = str(PYPROJECT["project"]["version"])


def test_version_option_prints_pyprojects_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ficwriter", "--version"],
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0
    assert done.stdout.strip() == f"ficwriter {PYPROJECT_VERSION}"


def test_package_version_for_the_about_box_is_pyprojects() -> None:
    assert ficwriter.__version__ == PYPROJECT_VERSION


def test_appstream_newest_release_is_pyprojects_version() -> None:
    metainfo = ET.parse(REPO / "packaging" / "linux" / "io.github.ficwriter.metainfo.xml")
    newest = metainfo.getroot().find("releases/release")
    assert newest is not None and newest.get("version") == PYPROJECT_VERSION
