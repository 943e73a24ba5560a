"""The project the chapter-command tests work on."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficwriter.core.project import create_project


@pytest.fixture
def story(window, tmp_path: Path, qtbot):
    """A project of three chapters, the first open."""
    root = create_project(tmp_path / "Night", "Night").root
    texts = ["Dawn came.\n\n* * *\n\nThey rode out.\n", "The cave was dark.\n", "Home.\n"]
    for number, (name, text) in enumerate(zip(("dawn", "cave", "home"), texts), 1):
        (root / "chapters" / f"{number:02d}-{name}.md").write_text(text, encoding="utf-8")
    assert window.open_path(root)
    qtbot.waitUntil(lambda: window.outline.tree.topLevelItemCount() == 3)
    return root
