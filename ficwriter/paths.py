"""Where ficwriter's bundled resources live, installed or in a source checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resources_dir() -> Path:
    """The folder holding icons, styles and the sample project.

    Installed, resources/ is the package ``ficwriter.resources``; in a source checkout (tests,
    development) it is the top-level ``resources/`` folder beside the package.
    """
    try:
        found = resources.files("ficwriter.resources")
        path = Path(str(found))
        if path.is_dir():
            return path
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "resources"


def sample_project() -> Path:
    """The sample project the start page offers and the README uses."""
    return resources_dir() / "sample" / "Starfall"
