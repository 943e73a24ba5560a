"""``posting.md``: the checklist for posting a whole work on AO3, chapter by chapter.

Every AO3 field a chapter fills is listed with its file and its length against AO3's limit
(counted as AO3 counts: the HTML with its markup), each field over its limit is flagged, and
a chapter text too long for one AO3 chapter is offered a split at scene breaks: the parts
and their exact lengths, each under the limit where the scenes allow it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ficwriter.core.export.ao3 import NOTES_LIMIT, SUMMARY_LIMIT, TEXT_LIMIT, TITLE_LIMIT

FILE_NAME = "posting.md"


@dataclass(frozen=True)
class Field:
    """One AO3 field: what it is, the file to paste into it ("" for a title), its length."""

    label: str
    file: str
    characters: int
    limit: int
    value: str = ""  # shown instead of a file (a title)

    @property
    def over(self) -> int:
        """Characters past AO3's limit (0 when it fits)."""
        return max(0, self.characters - self.limit)


@dataclass(frozen=True)
class ChapterPosting:
    number: int
    title: str
    folder: str
    words: int
    fields: tuple[Field, ...]
    scene_lengths: tuple[int, ...]  # the chapter text's HTML per scene
    break_length: int  # what a scene break adds between two scenes

    def split(self) -> list[range] | None:
        """Scenes (0-based ranges) per part for a chapter text over AO3's limit, packed in
        reading order so that each part stays under it; None when the text fits."""
        text = next(f for f in self.fields if f.file.endswith(".html") and f.limit == TEXT_LIMIT)
        if not text.over:
            return None
        parts: list[range] = []
        start, size = 0, 0
        for index, length in enumerate(self.scene_lengths):
            grown = length if index == start else size + self.break_length + length
            if index > start and grown > TEXT_LIMIT:
                parts.append(range(start, index))
                start, grown = index, length
            size = grown
        parts.append(range(start, len(self.scene_lengths)))
        return parts

    def part_length(self, part: range) -> int:
        return sum(self.scene_lengths[i] for i in part) + self.break_length * (len(part) - 1)


def _line(field: Field) -> str:
    where = f"“{field.value}”" if field.value else f"`{field.file}`"
    count = f"{field.characters:,} / {field.limit:,} characters"
    flag = f" — **over AO3's limit by {field.over:,}**" if field.over else ""
    return f"- [ ] {field.label}: {where} ({count}){flag}"


def _split_advice(chapter: ChapterPosting) -> list[str]:
    parts = chapter.split()
    if parts is None:
        return []
    if len(parts) == 1:
        return ["", f"This chapter has no scene break to split it at: split it by hand into "
                f"chapters under {TEXT_LIMIT:,} characters."]
    lines = ["", f"Too long for one AO3 chapter. Split it at scene breaks into {len(parts)} "
             "chapters:"]
    for number, part in enumerate(parts, 1):
        scenes = (f"scene {part.start + 1}" if len(part) == 1
                  else f"scenes {part.start + 1}–{part.stop}")
        length = chapter.part_length(part)
        note = "" if length <= TEXT_LIMIT else " (one scene over the limit: split it by hand)"
        lines.append(f"{number}. {scenes}: {length:,} characters{note}")
    return lines


def checklist(
    title: str,
    summary_file: str,
    summary_characters: int,
    fandom: str,
    chapters: Sequence[ChapterPosting],
) -> str:
    """The Markdown text of ``posting.md``: the work's fields, then each chapter's."""
    work = [
        Field("Work title", "", len(title), TITLE_LIMIT, value=title),
        Field("Work summary", summary_file, summary_characters, SUMMARY_LIMIT),
    ]
    flagged = [f"the work's {f.label[5:].lower()}" for f in work if f.over]
    flagged += [f"chapter {c.number} {f.label.lower()}" for c in chapters for f in c.fields
                if f.over]  # fmt: skip
    words = sum(c.words for c in chapters)
    lines = [f"# Posting “{title}” on AO3", ""]
    lines.append(f"{len(chapters)} chapter{'s' if len(chapters) != 1 else ''}, {words:,} words"
                 + (f"; fandom: {fandom}" if fandom else "") + ".")
    lines.append("Paste each file into the AO3 field it is named for; tick it off when done.")
    lines.append("")
    if flagged:
        lines.append(f"**{len(flagged)} field{'s' if len(flagged) != 1 else ''} over AO3's "
                     f"limits:** {', '.join(flagged)}.")
    else:
        lines.append("Every field fits AO3's limits.")
    lines += ["", "## The work", ""]
    lines += [_line(f) for f in work if f.file or f.value]
    if not summary_file:
        lines.append("- [ ] Work summary: none in ficwriter.toml (`summary = \"…\"`)")
    for chapter in chapters:
        lines += ["", f"## Chapter {chapter.number}: {chapter.title}", "",
                  f"Folder `{chapter.folder}/`, {chapter.words:,} words.", ""]
        lines += [_line(f) for f in chapter.fields]
        lines += _split_advice(chapter)
    return "\n".join(lines) + "\n"
