"""Desktop integration files: valid for the desktops' own validators, and pointing at real icons."""

from __future__ import annotations

import configparser
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from ficwriter import paths

REPO = Path(__file__).resolve().parents[2]
LINUX = REPO / "packaging" / "linux"
DESKTOP = LINUX / f"{paths.APP_ID}.desktop"
METAINFO = LINUX / f"{paths.APP_ID}.metainfo.xml"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def run_validator(*command: str) -> subprocess.CompletedProcess[str]:
    if shutil.which(command[0]) is None:
        pytest.skip(f"{command[0]} is not installed (Debian: appstream, desktop-file-utils)")
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_desktop_file_passes_desktop_file_validate() -> None:
    done = run_validator("desktop-file-validate", str(DESKTOP))
    assert done.returncode == 0, done.stdout + done.stderr


def test_metainfo_passes_appstreamcli_validate() -> None:
    done = run_validator("appstreamcli", "validate", "--no-net", str(METAINFO))
    assert done.returncode == 0, done.stdout + done.stderr


def test_desktop_entry_launches_ficwriter_with_its_icon_and_chapter_types() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(DESKTOP, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Exec"].split()[0] == "ficwriter"
    assert section["Icon"] == paths.APP_ID
    assert {"text/markdown", "text/plain"} <= set(section["MimeType"].strip(";").split(";"))


def test_icons_exist_at_every_size_and_match_it() -> None:
    assert paths.app_icon().is_file()
    for size in PNG_SIZES:
        image = QImage(str(paths.app_icon(size)))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()
    for suffix in (".ico", ".icns"):
        assert (paths.resources_dir() / "icons" / f"{paths.APP_ID}{suffix}").stat().st_size > 1000


def test_flatpak_manifest_installs_the_desktop_files_it_names() -> None:
    manifest = json.loads(
        (REPO / "packaging" / "flatpak" / f"{paths.APP_ID}.json").read_text("utf-8")
    )
    assert manifest["app-id"] == paths.APP_ID
    assert manifest["command"] == "ficwriter"
    commands = "\n".join(
        command for module in manifest["modules"] for command in module.get("build-commands", [])
    )
    for source in (DESKTOP, METAINFO, paths.app_icon()):
        assert str(source.relative_to(REPO)) in commands
