"""The whole work out: every chosen chapter of a project, for one target, in reading order.

``export_work`` reads and cleans each chapter once, renders it for the target and returns
every file to write, by path relative to the output folder: one ``.epub`` for ``epub``; a
folder per chapter plus ``posting.md`` for ``ao3``; a file (or a few) per chapter for the
other targets. Nothing is written here (``destination.write_work`` does that, all or none),
so a cancelled export leaves nothing behind. ``progress(done, total)`` is called after each
chapter and ``cancelled()`` asked before each; ``ExportCancelled`` ends the export.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ficwriter.core import names
from ficwriter.core.chapter import Chapter, parse
import ficwriter.core.export.ao3 as ao3
import ficwriter.core.export.epub as epub
import ficwriter.core.export.posting as posting
from ficwriter.core.export.clean import CleanChapter, clean, clean_paragraph
from ficwriter.core.export.markup import html_inline
from ficwriter.core.export.options import ExportOptions
from ficwriter.core.export.render import render_clean
from ficwriter.core.project import Project
from ficwriter.core.textfile import read_text

WORK_TARGETS = ("epub", "ao3", "ffn", "txt", "md", "docx", "html")
Progress = Callable[[int, int], None]


class ExportCancelled(Exception):
    """The export was stopped on request; nothing was written."""


@dataclass(frozen=True)
class WorkExport:
    """Files to write (relative path -> bytes, in reading order) and what to tell the writer."""

    target: str
    files: dict[str, bytes]
    warnings: tuple[str, ...]
    chapters: int
    words: int
    notes: tuple[str, ...] = field(default=())  # the few lines a summary adds (posting.md)

    def summary(self, folder: Path | str) -> str:
        """``"12 chapters, 84,310 words, written to /path"``."""
        count = f"{self.chapters} chapter{'s' if self.chapters != 1 else ''}"
        return f"{count}, {self.words:,} words, written to {folder}"


def read_chapter(path: Path) -> Chapter:
    """The chapter at ``path``; raises ``OSError`` or ``textfile.UnreadableFile``."""
    return parse(read_text(path).text)


def book_info(project: Project) -> epub.BookInfo:
    return epub.BookInfo(
        title=project.title,
        author=project.author,
        fandom=project.fandom,
        language=project.language,
        summary=project.summary,
    )


def _ao3_title(cleaned: CleanChapter, stem: str) -> str:
    """AO3 shows "Chapter N" itself: the chapter's own title, else its file's name without
    the number."""
    if cleaned.title:
        return cleaned.title
    title = names.chapter_title(names.NUMBERED.sub("", stem) or stem)
    return title[:1].upper() + title[1:]


def export_work(
    project: Project,
    target: str,
    options: ExportOptions | None = None,
    chapters: Sequence[Path] | None = None,
    *,
    cover: bytes | None = None,
    open_chapters: Mapping[Path, Chapter] | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> WorkExport:
    """``chapters`` (default: all the project's, in reading order) exported for ``target``.

    ``open_chapters`` are chapters as the window holds them (unsaved edits included): they
    are exported as shown rather than as last saved.

    Raises ``KeyError`` for an unknown target, ``OSError``/``UnreadableFile`` for a chapter
    that cannot be read, ``ValueError`` for a cover that is no image, ``ExportCancelled``.
    """
    if target not in WORK_TARGETS:
        raise KeyError(f"unknown export target {target!r} (known: {', '.join(WORK_TARGETS)})")
    options = options or ExportOptions()
    every = project.chapters()
    paths = list(every if chapters is None else chapters)
    numbers = {path.resolve(): number for number, path in enumerate(every, 1)}
    total = len(paths) + 1  # the last step packs the book or the checklist
    files: dict[str, bytes] = {}
    warnings: list[str] = []
    cleaned_chapters: list[CleanChapter] = []
    postings: list[posting.ChapterPosting] = []
    words = 0
    for number, path in enumerate(paths, 1):
        if cancelled():
            raise ExportCancelled()
        held = open_chapters.get(path) if open_chapters else None
        chapter = held if held is not None else read_chapter(path)
        chapter_words = chapter.story_words
        words += chapter_words
        cleaned = clean(chapter, options, path.stem)
        if target == "epub":
            cleaned_chapters.append(cleaned)
        else:
            result = render_clean(cleaned, target, options, path.stem)
            folder = f"{path.stem}/" if target == "ao3" else ""
            files.update({folder + name: data for name, data in result.files.items()})
            warnings += [f"{path.name}: {w}" for w in result.warnings]
            if target == "ao3":  # numbered as AO3 will: its place in the whole work
                place = numbers.get(path.resolve(), number)
                postings.append(_chapter_posting(place, path.stem, cleaned, options,
                                                 chapter_words))
        if progress:
            progress(number, total)
    if cancelled():
        raise ExportCancelled()
    if target == "epub":
        name = f"{names.slugify(project.title, 'story')}.epub"
        files[name] = epub.render_epub(book_info(project), cleaned_chapters, options, cover)
        if not project.author:
            warnings.append("no author in ficwriter.toml (author = \"…\"): the e-book has none")
    elif target == "ao3":
        files.update(_work_fields(project, options, postings))
    if progress:
        progress(total, total)
    return WorkExport(target, files, tuple(warnings), len(paths), words)


def _chapter_posting(
    number: int, stem: str, cleaned: CleanChapter, options: ExportOptions, words: int
) -> posting.ChapterPosting:
    texts = ao3.fields(cleaned, options)
    title = _ao3_title(cleaned, stem)
    entries = [posting.Field("Chapter title", "", len(title), ao3.TITLE_LIMIT, value=title)]
    for suffix, label, limit in (
        ("-summary.html", "Chapter summary", ao3.SUMMARY_LIMIT),
        ("-beginning-notes.html", "Beginning notes", ao3.NOTES_LIMIT),
        (".html", "Chapter text", ao3.TEXT_LIMIT),
        ("-end-notes.html", "End notes", ao3.NOTES_LIMIT),
    ):
        if texts[suffix] or suffix == ".html":
            entries.append(posting.Field(label, f"{stem}/{stem}{suffix}", len(texts[suffix]), limit))
    lengths, break_length = ao3.scene_lengths(cleaned, options)
    return posting.ChapterPosting(number, title, stem, words, tuple(entries), tuple(lengths),
                                  break_length)


def _work_fields(
    project: Project, options: ExportOptions, postings: list[posting.ChapterPosting]
) -> dict[str, bytes]:
    """The work's own summary fragment (when the project has one) and ``posting.md``."""
    files: dict[str, bytes] = {}
    paragraphs = [clean_paragraph(p, options) for p in project.summary.split("\n\n") if p.strip()]
    summary = "\n".join(f"<p>{html_inline(p)}</p>" for p in paragraphs)
    summary_file = "work-summary.html" if summary else ""
    if summary:
        files[summary_file] = (summary + "\n").encode("utf-8")
    text = posting.checklist(project.title, summary_file, len(summary), project.fandom, postings)
    files[posting.FILE_NAME] = text.encode("utf-8")
    return files
