"""`ficwriter stats PROJECT`: the story's measures per chapter and scene (issue 17).

Mirrors ``core.story_stats.chapter_picture`` for every chapter of the project. Open issues
are what the window shows without waiting for LanguageTool: Harper and the fiction rules
as the project configures them (dismissed issues left out), run through the same checker
and its cache, so a second run costs little.
"""

from __future__ import annotations

import json
from pathlib import Path

from ficwriter.checks.build import build_checker
from ficwriter.checks.scheduler import Checker
from ficwriter.checks.settings import load_check_settings
from ficwriter.commands.reading import read_chapter
from ficwriter.commands.errors import CommandError
from ficwriter.core.names import chapter_title
from ficwriter.core.project import CONFIG_NAME, open_project
from ficwriter.core.story_stats import ChapterPicture, IssueMark, Measures, chapter_picture
from ficwriter.history.database import database_path

QUICK_ENGINES = ("harper", "fiction")


def project_checker(root: Path) -> Checker | None:
    """The project's quick engines, or ``None`` when the settings turn both off."""
    try:
        settings = load_check_settings(root)
    except ValueError as error:
        raise CommandError(f"bad check settings: {error}") from error
    only = [name for name in QUICK_ENGINES if name in settings.engines]
    if not only:
        return None
    persist = database_path(root).exists() or (root / CONFIG_NAME).is_file()
    try:
        return build_checker(root, settings, only, persist=persist)
    except ValueError as error:
        raise CommandError(f"bad check settings: {error}") from error


def project_pictures(root: Path) -> list[tuple[Path, ChapterPicture]]:
    """Every chapter's picture, in reading order."""
    try:
        project = open_project(root)
    except ValueError as error:
        raise CommandError(str(error)) from error
    checker = project_checker(project.root)
    pictures = []
    try:
        for path in project.chapters():
            chapter = read_chapter(path)
            issues = checker.check_chapter(chapter).issues if checker else []
            marks = [IssueMark(issue.start, issue.category.value) for issue in issues]
            pictures.append((path, chapter_picture(chapter, marks)))
    finally:
        if checker is not None:
            checker.close()
    return pictures


def run_project_stats(root: Path, output_format: str) -> int:
    pictures = project_pictures(root)
    total = sum((picture.measures for _, picture in pictures), Measures())
    if output_format == "json":
        document = {
            "project": {**total.as_dict(), "chapters": len(pictures)},
            "chapters": [
                {"path": path.relative_to(root.resolve()).as_posix(),
                 "title": chapter_title(path.stem), **picture.as_dict()}
                for path, picture in pictures
            ],
        }  # fmt: skip
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    print(f"{'chapter':<28} {'words':>7} {'scenes':>6} {'dialogue':>8} {'sentence':>10} "
          f"{'para':>5} {'issues/1k':>9}  pov")  # fmt: skip
    rows = [(chapter_title(path.stem), picture.measures, len(picture.scenes))
            for path, picture in pictures]  # fmt: skip
    rows.append(("all chapters", total, sum(len(p.scenes) for _, p in pictures)))
    for name, m, scenes in rows:
        per_1000 = sum(m.issues.values()) * 1000 / m.words if m.words else 0.0
        pov = ", ".join(f"{who} {share:.0%}" for who, share in list(m.pov_share.items())[:3])
        sentence = f"{m.sentence_mean:.1f}±{m.sentence_spread:.1f}"
        print(f"{name[:28]:<28} {m.words:>7,} {scenes:>6} {m.dialogue_share:>8.0%} "
              f"{sentence:>10} {m.paragraph_length:>5.0f} {per_1000:>9.1f}  {pov or '-'}")
    return 0
