"""The story's measures with its open issues: ``core.story_stats`` fed by the quick engines.

Open issues per 1,000 words are what the window shows without waiting for LanguageTool:
Harper and the fiction rules as the project configures them, dismissed issues left out,
run through the project's checker cache, so a second look costs little. The command line
(`ficwriter stats PROJECT`) and the window's Story view both read the story through here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from ficwriter.checks.build import build_checker
from ficwriter.checks.scheduler import Checker
from ficwriter.checks.settings import load_check_settings
from ficwriter.core.chapter import Chapter
from ficwriter.core.project import CONFIG_NAME
from ficwriter.core.story_stats import ChapterPicture, IssueMark, chapter_picture
from ficwriter.history.database import database_path

QUICK_ENGINES = ("harper", "fiction")


def quick_checker(root: Path) -> Checker | None:
    """The project's quick engines, or ``None`` when its settings turn both off.

    ``ValueError`` for bad check settings. The cache and dismissals are the project's when it
    has a history or a ``ficwriter.toml`` (a loose folder gets nothing written into it).
    """
    settings = load_check_settings(root)
    only = [name for name in QUICK_ENGINES if name in settings.engines]
    if not only:
        return None
    persist = database_path(root).exists() or (root / CONFIG_NAME).is_file()
    return build_checker(root, settings, only, persist=persist)


def story_pictures(
    root: Path, chapters: Sequence[Path], read: Callable[[Path], Chapter]
) -> list[tuple[Path, ChapterPicture]]:
    """Every chapter's picture, in the order given; ``read`` turns a path into a chapter
    (and reports a file it cannot read in the caller's own way)."""
    checker = quick_checker(root)
    pictures = []
    try:
        for path in chapters:
            chapter = read(path)
            issues = checker.check_chapter(chapter).issues if checker else []
            marks = [IssueMark(issue.start, issue.category.value) for issue in issues]
            pictures.append((path, chapter_picture(chapter, marks)))
    finally:
        if checker is not None:
            checker.close()
    return pictures
