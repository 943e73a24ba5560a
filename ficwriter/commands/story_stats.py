"""`ficwriter stats PROJECT`: the story's measures per chapter and scene (issue 17).

Mirrors ``checks.story.story_pictures`` (``core.story_stats`` with the open issues of the
quick engines) for every chapter of the project, as the window's Story view shows them.
"""

from __future__ import annotations

import json
from pathlib import Path

from ficwriter.checks.story import story_pictures
from ficwriter.commands.reading import chapter_entry, project_chapters, read_chapter
from ficwriter.core.project import Project
from ficwriter.core.story_stats import ChapterPicture, Measures


def project_pictures(root: Path) -> tuple[Project, list[tuple[Path, ChapterPicture]]]:
    """The project and every chapter's picture, in reading order."""
    project, chapters = project_chapters(root)
    return project, story_pictures(project.root, chapters, read_chapter)


def run_project_stats(root: Path, output_format: str) -> int:
    project, pictures = project_pictures(root)
    total = sum((picture.measures for _, picture in pictures), Measures())
    if output_format == "json":
        document = {
            "project": {**total.as_dict(), "chapters": len(pictures)},
            "chapters": [{**chapter_entry(project, path), **picture.as_dict()}
                         for path, picture in pictures],
        }  # fmt: skip
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    print(f"{'chapter':<28} {'words':>7} {'scenes':>6} {'dialogue':>8} {'sentence':>10} "
          f"{'para':>5} {'issues/1k':>9}  pov")  # fmt: skip
    rows = [(chapter_entry(project, path)["title"], picture.measures, len(picture.scenes))
            for path, picture in pictures]  # fmt: skip
    rows.append(("all chapters", total, sum(len(p.scenes) for _, p in pictures)))
    for name, m, scenes in rows:
        per_1000 = sum(m.issues.values()) * 1000 / m.words if m.words else 0.0
        pov = ", ".join(f"{who} {share:.0%}" for who, share in list(m.pov_share.items())[:3])
        sentence = f"{m.sentence_mean:.1f}±{m.sentence_spread:.1f}"
        print(f"{name[:28]:<28} {m.words:>7,} {scenes:>6} {m.dialogue_share:>8.0%} "
              f"{sentence:>10} {m.paragraph_length:>5.0f} {per_1000:>9.1f}  {pov or '-'}")
    return 0
