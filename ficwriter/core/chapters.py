"""A project's chapters as the writer arranges them: add, rename, move, split, merge,
delete to the trash and restore.

The reading order is the file names' order, so every operation ends with the files
renumbered (``01-``, ``02-``…, three digits from the 100th chapter) in step with it; the
rest of a name (the slug) stays. Nothing is ever deleted outright: a deleted chapter, and
the second half of a merge, go to ``.ficwriter/trash/`` (named with the time they went),
from where ``restore_chapter`` puts them back.

These functions only touch files; each returns a ``ChapterChange`` listing its steps in
the order done, so that ``history.chapters.change_chapters`` can carry each chapter's
history along (core does not know history). Bad input is a ``ChapterError`` (one
sentence) raised before anything is written.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ficwriter.core.atomic import save_text, write_new
from ficwriter.core.chapter import Chapter, Comment, SceneBreak, parse
from ficwriter.core.importers.draft import HEADER_PREFIX, header_comment, read_header
from ficwriter.core.names import NUMBERED, slugify
from ficwriter.core.project import Project
from ficwriter.core.stats import outline
from ficwriter.core.textfile import DecodedText, UnreadableFile, read_text

# each operation's name, as the window's Edit menu ("Undo Split Chapter") and history say it
ADD, RENAME, MOVE, SPLIT = "New Chapter", "Rename Chapter", "Move Chapter", "Split Chapter"
MERGE, DELETE, RESTORE = "Merge Chapters", "Delete Chapter", "Restore Chapter"
TRASH_DIR = Path(".ficwriter") / "trash"
_STAMP = "%Y%m%dT%H%M%S.%fZ"
_TRASHED = re.compile(r"^(\d{8}T\d{6}\.\d{6}Z)(?:-\d+)?--(.+)$")


class ChapterError(ValueError):
    """An operation that cannot be done as asked (no such chapter, no such scene…)."""


@dataclass(frozen=True)
class Moved:
    old: Path
    new: Path


@dataclass(frozen=True)
class Written:
    """A chapter file created (``before`` None) or rewritten with ``text``; ``before`` is
    what it held, so an undo can write it back (``core.chapter_undo``)."""

    path: Path
    text: str
    before: str | None = None


@dataclass(frozen=True)
class Trashed:
    path: Path
    trash: Path


@dataclass(frozen=True)
class Restored:
    trash: Path
    path: Path
    text: str


Step = Moved | Written | Trashed | Restored


@dataclass
class ChapterChange:
    """What an operation did, in order; ``chapter`` is where the writer looks next (the new
    chapter, the renamed one under its new name, the merged one…), if any."""

    steps: list[Step] = field(default_factory=list)
    chapter: Path | None = None

    def new_path(self, path: Path) -> Path | None:
        """Where the chapter that was at ``path`` is now; None if it went to the trash."""
        for step in self.steps:
            if isinstance(step, Moved) and step.old == path:
                path = step.new
            elif isinstance(step, Trashed) and step.path == path:
                return None
        return path


@dataclass(frozen=True)
class ChapterEntry:
    number: int
    title: str
    path: Path
    words: int

    def as_dict(self) -> dict[str, object]:
        return {"number": self.number, "title": self.title, "path": str(self.path),
                "words": self.words}


@dataclass(frozen=True)
class TrashEntry:
    number: int  # 1 = the latest deleted
    name: str  # the file name it had
    title: str
    path: Path  # in the trash
    deleted: str  # UTC, ISO 8601
    words: int

    def as_dict(self) -> dict[str, object]:
        return {"number": self.number, "name": self.name, "title": self.title,
                "path": str(self.path), "deleted": self.deleted, "words": self.words}


# -- reading ------------------------------------------------------------------------------
def base_name(path: Path) -> str:
    """The file's name without its order number: ``03-the-cave.md`` -> ``the-cave``."""
    return NUMBERED.sub("", path.stem) or path.stem


def title_of(path: Path, text: str | None = None) -> str:
    """The chapter's title: its header's, else its file name's (``the-cave`` -> ``The cave``)."""
    return heading(path, parse(_read(path) if text is None else text))


def heading(path: Path, chapter: Chapter) -> str:
    """``title_of`` a chapter already parsed (the editor's, with unsaved edits)."""
    title = read_header(chapter).get("title")
    return title or base_name(path).replace("-", " ").replace("_", " ").capitalize()


def listed_title(path: Path) -> str:
    """How lists name a chapter: its number in the reading order and its title,
    ``3. The cave`` (the title from its header; from its file name when it has none, or
    cannot be read). Read once per version of the file, so a list may ask for every row."""
    try:
        stat = path.stat()
        title = _cached_title(path, stat.st_mtime_ns, stat.st_size)
    except (OSError, ChapterError):
        title = heading(path, parse(""))
    match = NUMBERED.match(path.name)
    return f"{int(match.group(1))}. {title}" if match else title


@lru_cache(maxsize=1024)
def _cached_title(path: Path, _mtime_ns: int, _size: int) -> str:
    return title_of(path)


def list_chapters(project: Project) -> list[ChapterEntry]:
    """The chapters in reading order, numbered from 1, with title and story words."""
    entries = []
    for number, path in enumerate(project.chapters(), 1):
        text = _read(path)
        entries.append(ChapterEntry(number, title_of(path, text), path, parse(text).story_words))
    return entries


def trash_folder(project: Project) -> Path:
    return project.root / TRASH_DIR


def list_trash(project: Project) -> list[TrashEntry]:
    """The deleted chapters, the latest deleted first."""
    folder = trash_folder(project)
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            match = _TRASHED.match(path.name)
            if match is None or not path.is_file():
                continue
            stamp = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=timezone.utc)
            found.append((stamp.isoformat(timespec="seconds"), path, match.group(2)))
    found.sort(key=lambda item: (item[0], item[1].name), reverse=True)
    entries = []
    for number, (deleted, path, name) in enumerate(found, 1):
        text = _read(path)
        entries.append(TrashEntry(number, name, title_of(Path(name), text), path, deleted,
                                  parse(text).story_words))
    return entries


# -- operations ---------------------------------------------------------------------------
def add_chapter(project: Project, title: str | None = None, after: int | None = None
                ) -> ChapterChange:
    """A new chapter after chapter ``after`` (0: first; default: last), titled if given."""
    chapters = project.chapters()
    position = len(chapters) if after is None else _position(after, len(chapters), "after")
    title = (title or "").strip()
    header = header_comment(title, None) if title else None
    text = f"{header}\n\n" if header else ""  # the writer's text goes below the title
    folder = project.chapters_dir if project.chapters_dir.is_dir() else project.root
    folder.mkdir(parents=True, exist_ok=True)
    new = folder / f"{slugify(title)}.md"
    order = chapters[:position] + [new] + chapters[position:]
    change = ChapterChange()
    target = _renumber(order, change, skip=new)[position]
    _write_new(target, text, change)
    change.chapter = target
    return change


def rename_chapter(project: Project, number: int, title: str) -> ChapterChange:
    """Give chapter ``number`` a new title: in its header, and in its file name."""
    chapters = project.chapters()
    path = chapters[_index(number, chapters)]
    title = title.strip()
    if not title:
        raise ChapterError("a chapter's title cannot be empty")
    decoded = _decoded(path)
    text = set_title(decoded.text, title)
    change = ChapterChange()
    if text != decoded.text:
        save_text(path, text, like=decoded)
        change.steps.append(Written(path, text, decoded.text))
    new = path.with_name(f"{_number_prefix(path)}{slugify(title)}{path.suffix}")
    if new != path:
        move_file(path, new, change)
    change.chapter = new
    return change


def move_chapter(project: Project, number: int, to: int) -> ChapterChange:
    """Put chapter ``number`` at place ``to`` in the reading order."""
    chapters = project.chapters()
    index = _index(number, chapters)
    target = _index(to, chapters, "--to")
    order = list(chapters)
    moving = order.pop(index)
    order.insert(target, moving)
    change = ChapterChange()
    change.chapter = _renumber(order, change)[target]
    return change


def delete_chapter(project: Project, number: int) -> ChapterChange:
    """Move chapter ``number`` to the trash; the ones after it move up."""
    chapters = project.chapters()
    path = chapters[_index(number, chapters)]
    change = ChapterChange()
    to_trash(project, path, change)
    rest = [p for p in chapters if p != path]
    _renumber(rest, change)
    return change


def restore_chapter(project: Project, key: str) -> ChapterChange:
    """Put a deleted chapter back where it stood (its old number), the others moving down.

    ``key`` is its number in ``list_trash`` (1 = the latest deleted) or its file name (with
    or without the suffix, with or without the order number).
    """
    entries = list_trash(project)
    entry = _trash_entry(entries, key.strip())
    chapters = project.chapters()
    match = NUMBERED.match(entry.name)
    position = min(int(match.group(1)) - 1, len(chapters)) if match else len(chapters)
    text = _read(entry.path)
    folder = project.chapters_dir if project.chapters_dir.is_dir() else project.root
    back = folder / NUMBERED.sub("", entry.name)
    order = chapters[:position] + [back] + chapters[position:]
    change = ChapterChange()
    target = _renumber(order, change, skip=back)[position]
    if target.exists():
        raise ChapterError(f"{target.name} exists already")
    os.rename(entry.path, target)
    change.steps.append(Restored(entry.path, target, text))
    change.chapter = target
    return change


def split_chapter(project: Project, number: int, scene: int) -> ChapterChange:
    """Scenes ``scene``.. of chapter ``number`` become a new chapter right after it.

    The scene break before that scene goes (a chapter's end is the break now); every other
    character stays, in one file or the other.
    """
    chapters = project.chapters()
    index = _index(number, chapters)
    path = chapters[index]
    decoded = _decoded(path)
    first, second = split_text(decoded.text, scene)
    chapter = parse(decoded.text)
    title = chapter.scenes[scene - 1].title
    label = outline(chapter)[scene - 1].label
    header = header_comment(title, None) if title else None
    second = f"{header}\n\n{second}" if header else second
    change = ChapterChange()
    save_text(path, first, like=decoded)
    change.steps.append(Written(path, first, decoded.text))
    new = path.with_name(f"{slugify(title or label)}.md")
    order = chapters[: index + 1] + [new] + chapters[index + 1 :]
    target = _renumber(order, change, skip=new)[index + 1]
    _write_new(target, second, change)
    change.chapter = target
    return change


def merge_chapter(project: Project, number: int) -> ChapterChange:
    """Chapter ``number + 1`` appended to chapter ``number``, a scene break between; the
    appended chapter's file goes to the trash (its history with it)."""
    chapters = project.chapters()
    index = _index(number, chapters)
    if index + 1 >= len(chapters):
        raise ChapterError(f"chapter {number} is the last one: there is none to merge into it")
    path, following = chapters[index], chapters[index + 1]
    decoded = _decoded(path)
    text = merge_texts(decoded.text, _read(following))
    change = ChapterChange()
    save_text(path, text, like=decoded)
    change.steps.append(Written(path, text, decoded.text))
    to_trash(project, following, change)
    order = [p for p in chapters if p != following]
    change.chapter = _renumber(order, change)[index]
    return change


# -- text ---------------------------------------------------------------------------------
def split_text(text: str, scene: int) -> tuple[str, str]:
    """The text before scene ``scene`` (1-based, at least 2) and from it on, without the
    scene break between them."""
    chapter = parse(text)
    if not 2 <= scene <= len(chapter.scenes):
        scenes = len(chapter.scenes)
        raise ChapterError(f"scene {scene}: the chapter has {scenes} scene{'s' * (scenes != 1)}"
                           + ("; a split needs at least two" if scenes < 2 else
                              f"; split at scene 2 to {scenes}"))
    start = chapter.scenes[scene - 1]
    cut = start.meta_span.start if start.meta_span else start.span.start
    previous_end = chapter.scenes[scene - 2].span.end
    breaks = [b for b in chapter.blocks
              if isinstance(b, SceneBreak) and previous_end <= b.span.start < cut]
    end = breaks[-1].span.start if breaks else cut
    return text[:end].rstrip("\n") + "\n", text[cut:]


def merge_texts(first: str, second: str) -> str:
    """``first``, a scene break, then ``second`` without its chapter header."""
    body = _without_header(second).strip("\n")
    head = first.rstrip("\n")
    if not body:
        return head + "\n" if head else ""
    if not head:
        return body + "\n"
    if not parse(head).paragraphs(notes=True):  # nothing written yet: no break to open it
        return f"{head}\n\n{body}\n"
    return f"{head}\n\n* * *\n\n{body}\n"


def set_title(text: str, title: str) -> str:
    """``text`` with its chapter header's title set to ``title`` (summary kept)."""
    chapter = parse(text)
    fields = read_header(chapter)
    header = header_comment(title, fields.get("summary"))
    assert header is not None
    for block in chapter.blocks:
        if isinstance(block, Comment) and block.text.startswith(HEADER_PREFIX):
            return text[: block.span.start] + header + text[block.span.end :]
    return f"{header}\n\n{text}" if text.strip() else f"{header}\n"


def _without_header(text: str) -> str:
    for block in parse(text).blocks:
        if isinstance(block, Comment) and block.text.startswith(HEADER_PREFIX):
            return text[: block.span.start] + text[block.span.end :]
    return text


# -- files --------------------------------------------------------------------------------
def _read(path: Path) -> str:
    return _decoded(path).text


def _decoded(path: Path) -> DecodedText:
    try:
        return read_text(path)
    except (OSError, UnreadableFile) as error:
        raise ChapterError(f"cannot read {path.name}: {error}") from error


def _index(number: int, chapters: list[Path], what: str = "chapter") -> int:
    if not chapters:
        raise ChapterError("the project has no chapters")
    if not 1 <= number <= len(chapters):
        raise ChapterError(f"{what} {number}: the project has chapters 1 to {len(chapters)}")
    return number - 1


def _position(after: int, count: int, what: str) -> int:
    if not 0 <= after <= count:
        raise ChapterError(f"--{what} {after}: choose 0 to {count}")
    return after


def _trash_entry(entries: list[TrashEntry], key: str) -> TrashEntry:
    if not entries:
        raise ChapterError("the trash is empty")
    if key.isdigit():
        number = int(key)
        if not 1 <= number <= len(entries):
            raise ChapterError(f"deleted chapter {number}: the trash holds 1 to {len(entries)}")
        return entries[number - 1]
    for entry in entries:
        name = Path(entry.name)
        if key in (entry.name, name.stem, NUMBERED.sub("", entry.name), base_name(name)):
            return entry
    raise ChapterError(f"no deleted chapter is called {key!r} (see `chapter list --deleted`)")


def _number_prefix(path: Path) -> str:
    match = NUMBERED.match(path.name)
    return match.group(0) if match else ""


def _numbered(path: Path, number: int, width: int) -> Path:
    return path.with_name(f"{number:0{width}d}-{base_name(path)}{path.suffix}")


def _renumber(order: list[Path], change: ChapterChange, skip: Path | None = None
              ) -> list[Path]:
    """Rename the files of ``order`` so their numbers follow it; the names they get, in
    order. ``skip`` is a file not written yet (it is given its name, not moved).

    A rename never replaces a file: one whose new name is still taken waits until that
    file has moved on, and a ring of them (two chapters swapping the same name) goes
    through a hidden name, which no chapter list or watcher counts as a chapter.
    """
    width = max(2, len(str(len(order))))
    targets = [_numbered(path, number, width) for number, path in enumerate(order, 1)]
    pending = [(old, new) for old, new in zip(order, targets) if old != new and old != skip]
    while pending:
        waiting = []
        for old, new in pending:
            if new.exists() and any(o == new for o, _ in pending):
                waiting.append((old, new))
            elif new.exists():
                raise ChapterError(f"{new.name} exists already")
            else:
                move_file(old, new, change)
        if len(waiting) == len(pending):  # a ring: step one aside
            old, new = waiting[0]
            aside = old.with_name(f".{old.name}.moving")
            os.replace(old, aside)
            waiting[0] = (aside, new)
            change.steps.append(Moved(old, aside))
        pending = waiting
    return targets


def move_file(old: Path, new: Path, change: ChapterChange) -> None:
    """Rename ``old`` to ``new``, never replacing a file."""
    if new.exists():
        raise ChapterError(f"{new.name} exists already")
    os.rename(old, new)
    change.steps.append(Moved(old, new))


def _write_new(path: Path, text: str, change: ChapterChange) -> None:
    if not write_new(path, text.encode("utf-8")):
        raise ChapterError(f"{path.name} exists already")
    change.steps.append(Written(path, text))


def to_trash(project: Project, path: Path, change: ChapterChange) -> None:
    """Move ``path`` into the trash under a name stamped with the time it went."""
    folder = trash_folder(project)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime(_STAMP)
    trash = folder / f"{stamp}--{path.name}"
    count = 1
    while trash.exists():
        count += 1
        trash = folder / f"{stamp}-{count}--{path.name}"
    os.rename(path, trash)
    change.steps.append(Trashed(path, trash))
