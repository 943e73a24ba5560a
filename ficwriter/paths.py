"""Where ficwriter's files live: bundled resources, settings, logs, caches, the source checkout."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

APP_NAME = "ficwriter"
APP_ID = "io.github.ficwriter"
"""Reverse-DNS id shared by the .desktop file, the AppStream metainfo, Flatpak and macOS."""

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The folder holding icons, styles and the sample project.

    Installed from a wheel and in the PyInstaller bundle, resources/ sits inside the package as
    ``ficwriter/resources`` (the bundle has no importable package there, only files, so the
    folder is looked for first); in a source checkout (tests, development, an editable install)
    it is the top-level ``resources/`` folder beside the package.
    """
    beside = _PACKAGE_DIR / "resources"
    if beside.is_dir():
        return beside
    try:
        path = Path(str(resources.files("ficwriter.resources")))
        if path.is_dir():
            return path
    except ModuleNotFoundError:
        pass
    return _PACKAGE_DIR.parent / "resources"


def sample_project() -> Path:
    """The sample project the start page offers and the README uses."""
    return resources_dir() / "sample" / "Starfall"


def copy_sample_project(target: Path) -> Path:
    """A fresh copy of the sample project at ``target``, without the ``.ficwriter/`` that
    running ficwriter on the sample itself leaves beside it (history, cached checks)."""
    shutil.copytree(sample_project(), target, ignore=shutil.ignore_patterns(".ficwriter"))
    return target


def app_icon(size: int | None = None) -> Path:
    """The app icon: the SVG, or the PNG rendered at ``size`` pixels (16 ... 512)."""
    icons = resources_dir() / "icons"
    return icons / (f"{APP_ID}.svg" if size is None else f"{APP_ID}-{size}.png")


def settings_dir() -> Path:
    """Per-user settings folder (``~/.config/ficwriter`` on Linux); not created here."""
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """Per-user log folder (``~/.local/state/ficwriter/log`` on Linux); not created here."""
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def state_dir() -> Path:
    """Per-user state folder (``~/.local/state/ficwriter`` on Linux): what ficwriter keeps
    for loose files' folders, which nothing may be written into; not created here."""
    import platformdirs

    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Per-user cache folder (``~/.cache/ficwriter`` on Linux): downloads that can be fetched again."""
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def languagetool_dir() -> Path:
    """Where ``scripts/get-languagetool`` puts LanguageTool's jars unless told otherwise."""
    return cache_dir() / "languagetool"


def source_version() -> str:
    """The version written in pyproject.toml of the source checkout this package runs from.

    pyproject.toml is the one source of truth for the version; installed copies and the
    bundle read it from package metadata, and this covers a checkout that was never installed.
    """
    import tomlkit

    pyproject = _PACKAGE_DIR.parent / "pyproject.toml"
    return str(tomlkit.parse(pyproject.read_text(encoding="utf-8"))["project"]["version"])
