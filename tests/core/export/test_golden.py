"""Every export target against committed reference files in tests/core/golden/.

After an intended change of output, regenerate with
``FICWRITER_UPDATE_GOLDEN=1 python -m pytest tests/core/export/test_golden.py`` and review
the diff before committing it.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from ficwriter.core.chapter import parse
from ficwriter.core.export import TARGETS, ExportOptions, export_chapter
from ficwriter.paths import sample_project

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
SOURCES = {
    "sample": sample_project() / "chapters" / "01-the-long-walk.md",
    "edge": GOLDEN / "edge-source.md",
    "blocks": GOLDEN / "blocks-source.md",
}
OPTIONS = {
    "default": ExportOptions(),
    "typo": ExportOptions(scene_break="~~~").with_typography(True),
}
UPDATE = os.environ.get("FICWRITER_UPDATE_GOLDEN") == "1"


def _comparable(name: str, data: bytes) -> bytes:
    """A .docx is a zip with timestamps: its document.xml is what must not change."""
    if name.endswith(".docx"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.read("word/document.xml")
    return data


@pytest.mark.parametrize("target", sorted(TARGETS))
@pytest.mark.parametrize("source", sorted(SOURCES))
@pytest.mark.parametrize("variant", sorted(OPTIONS))
def test_export_matches_golden(target: str, source: str, variant: str) -> None:
    chapter = parse(SOURCES[source].read_text(encoding="utf-8"))
    result = export_chapter(chapter, target, OPTIONS[variant], name=f"{source}-{variant}-{target}")
    for name, data in result.files.items():
        golden = GOLDEN / (f"{name}.document.xml" if name.endswith(".docx") else name)
        actual = _comparable(name, data)
        if UPDATE:
            golden.write_bytes(actual)
        assert golden.is_file(), f"no reference {golden.name}: run with FICWRITER_UPDATE_GOLDEN=1"
        assert actual == golden.read_bytes(), f"{golden.name} differs"
