"""A project: any folder holding chapters, with ``ficwriter.toml`` for its settings.

```
MyStory/
  ficwriter.toml     title, author, fandom, summary, language, [checks], [export]
  chapters/          01-slug.md, 02-slug.md … in reading order
  dictionary.txt     project words (names), one per line
```
Opening a loose file makes its folder the project (a file inside ``chapters/`` belongs to
the folder above). Nothing is written on open: ``ficwriter.toml`` is written by ``save``
and by an import (``write_imported``), so opening someone's folder never litters it.
"""

from __future__ import annotations

import codecs
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.toml_document import TOMLDocument

from ficwriter.core.atomic import SaveError, write_bytes, write_new
from ficwriter.core.importers import ImportResult, import_chapters
from ficwriter.core.names import NUMBERED, slugify
from ficwriter.core.textfile import UnreadableFile, decode_bytes, read_text

CONFIG_NAME = "ficwriter.toml"
CHAPTERS_DIR = "chapters"
DICTIONARY_NAME = "dictionary.txt"
CHAPTER_SUFFIXES = (".md", ".txt", ".markdown")
LANGUAGES: Mapping[str, str] = {  # the English variants the checkers know, as named to a writer
    "en-US": "English (United States)",
    "en-GB": "English (United Kingdom)",
    "en-AU": "English (Australia)",
    "en-CA": "English (Canada)",
    "en-NZ": "English (New Zealand)",
    "en-IN": "English (India)",
}
DEFAULTS: Mapping[str, Any] = {
    "title": "",
    "author": "",
    "fandom": "",
    "summary": "",
    "language": "en-US",
    "checks": {},
    "export": {"target": "ao3"},
}


@dataclass
class Project:
    """One project folder and its settings (a tomlkit document, comments kept on save)."""

    root: Path
    config: TOMLDocument

    @property
    def config_path(self) -> Path:
        return self.root / CONFIG_NAME

    @property
    def chapters_dir(self) -> Path:
        return self.root / CHAPTERS_DIR

    @property
    def dictionary_path(self) -> Path:
        return self.root / str(self.checks.get("dictionary", DICTIONARY_NAME))

    def _get(self, key: str) -> Any:
        return self.config.get(key, DEFAULTS[key])

    @property
    def title(self) -> str:
        return str(self._get("title")) or self.root.name

    @property
    def author(self) -> str:
        """The writer's name or pseudonym as readers see it (an e-book's creator)."""
        return str(self._get("author"))

    @property
    def fandom(self) -> str:
        return str(self._get("fandom"))

    @property
    def summary(self) -> str:
        """The work's summary (AO3's work summary field, an e-book's description)."""
        return str(self._get("summary"))

    @property
    def language(self) -> str:
        return str(self._get("language"))

    @property
    def checks(self) -> dict[str, Any]:
        """The ``[checks]`` table as plain values (the checks layer gives them meaning)."""
        return dict(self._get("checks"))

    @property
    def export(self) -> dict[str, Any]:
        """The ``[export]`` table: defaults for ``core.export.options.ExportOptions``."""
        return dict(self._get("export"))

    def chapter_files(self) -> list[Path]:
        """Files named like chapters, in reading order: ``chapters/`` by name, else the
        folder's own ``.md``/``.txt`` files; readable or not (for numbering new ones)."""
        folder = self.chapters_dir if self.chapters_dir.is_dir() else self.root
        return sorted(
            (p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in CHAPTER_SUFFIXES
             and p.name != DICTIONARY_NAME),
            key=lambda p: p.name.lower(),
        )  # fmt: skip

    def chapters(self) -> list[Path]:
        """The chapters in reading order: ``chapter_files`` that read as text. A binary or
        undecodable file named like a chapter (an image saved as ``.md``, a broken sync
        copy) is left out, since no editor could open it as one."""
        return [path for path in self.chapter_files() if _reads_as_text(path)]

    def dictionary_words(self) -> list[str]:
        """Project words, one per line; blank lines and ``#`` comments skipped."""
        if not self.dictionary_path.is_file():
            return []
        lines = self.dictionary_path.read_text(encoding="utf-8-sig").splitlines()
        return [w.strip() for w in lines if w.strip() and not w.lstrip().startswith("#")]

    def add_word(self, word: str) -> None:
        """Add ``word`` to the dictionary (once), keeping the file's order."""
        word = word.strip()
        if not word or word in self.dictionary_words():
            return
        existing = (
            self.dictionary_path.read_text(encoding="utf-8-sig")
            if self.dictionary_path.is_file()
            else ""
        )
        if existing and not existing.endswith("\n"):
            existing += "\n"
        write_bytes(self.dictionary_path, (existing + word + "\n").encode("utf-8"))

    def save(self) -> None:
        """Write ``ficwriter.toml`` (atomically; comments and layout kept)."""
        write_bytes(self.config_path, tomlkit.dumps(self.config).encode("utf-8"))


def _default_config(title: str, author: str = "", fandom: str = "",
                    language: str = DEFAULTS["language"]) -> TOMLDocument:
    doc = tomlkit.document()
    doc.add("title", title)
    if author:
        doc.add("author", author)
    doc.add("fandom", fandom)
    doc.add("language", language)
    doc.add("checks", tomlkit.table())
    export = tomlkit.table()
    for key, value in DEFAULTS["export"].items():
        export.add(key, value)
    doc.add("export", export)
    return doc


def project_root_for(path: Path | str) -> Path:
    """The project folder of ``path``: the folder itself, or the folder holding a file."""
    target = Path(path).resolve()
    folder = target if target.is_dir() else target.parent
    if folder.name == CHAPTERS_DIR and (folder.parent / CONFIG_NAME).is_file():
        return folder.parent
    return folder


def open_project(path: Path | str) -> Project:
    """The project holding ``path`` (a folder or a chapter file); reads, never writes.

    Raises ``ValueError`` when ``ficwriter.toml`` is not valid TOML.
    """
    root = project_root_for(path)
    config_path = root / CONFIG_NAME
    if config_path.is_file():
        try:
            config = tomlkit.parse(config_path.read_text(encoding="utf-8-sig"))
        except tomlkit.exceptions.ParseError as error:
            raise ValueError(f"{config_path}: {error}") from error
    else:
        config = _default_config(root.name)
    return Project(root, config)


def create_project(root: Path | str, title: str | None = None, *, author: str = "",
                   fandom: str = "", language: str = DEFAULTS["language"]) -> Project:
    """Make ``root`` a project (folder, ``chapters/``, ``ficwriter.toml``); keeps what exists."""
    folder = Path(root)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / CHAPTERS_DIR).mkdir(exist_ok=True)
    project = open_project(folder)
    if not project.config_path.is_file():
        project.config = _default_config(title or folder.resolve().name, author, fandom,
                                         language)
        project.save()
    return project


_SNIFF_BYTES = 8192


def _reads_as_text(path: Path) -> bool:
    """Whether ``path`` reads as text, judged from its first bytes where they settle it.

    The window lists chapters on every open and every change on disk; reading whole files
    for that read the project again and again. UTF-8 (nearly every chapter) is accepted
    from its start, a letter cut in two at the end included; a start that no encoding
    reads is binary unless the file is longer, when the whole file decides.
    """
    try:
        with path.open("rb") as file:
            head = file.read(_SNIFF_BYTES)
            more = bool(file.read(1))
    except OSError:
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=not more)
        return b"\x00" not in head
    except UnicodeDecodeError:
        pass
    try:
        decode_bytes(head)
    except UnreadableFile:
        if not more:
            return False
        try:
            read_text(path)
        except (OSError, UnreadableFile):
            return False
    return True


def next_chapter_number(project: Project) -> int:
    numbers = [int(m.group(1)) for p in project.chapter_files() if (m := NUMBERED.match(p.name))]
    return max(numbers, default=0) + 1


def _chapter_name(result: ImportResult, source: Path) -> str:
    """The slug: the source's title, else its file name without a chapter number."""
    return slugify(result.title or NUMBERED.sub("", source.stem) or source.stem)


def import_chapters_into_project(source: Path | str, project_root: Path | str) -> list[Path]:
    """Import every chapter of ``source`` as the project's next chapters; their new paths.

    ``import_chapters`` (reading and converting) then ``write_imported``. Raises what
    ``import_chapters`` raises, before anything is written.
    """
    source_path = Path(source)
    return write_imported(import_chapters(source_path), source_path, project_root)


def write_imported(
    results: Sequence[ImportResult], source: Path | str, project_root: Path | str
) -> list[Path]:
    """Write chapters already converted from ``source`` as the project's next chapters.

    The write half of an import, apart so that the slow half (``import_chapters``) can run
    elsewhere, e.g. on a worker thread. Creates the project if needed. Chapters are written
    as ``chapters/NN-slug.md`` numbered after the existing ones; an existing chapter is
    never overwritten (a taken number moves on to the next).

    All or nothing: when a write fails (a full or read-only disk) the chapters, folders and
    ``ficwriter.toml`` this import made are removed again and ``SaveError`` says why.
    """
    source_path = Path(source)
    root = Path(project_root)
    folders = [f for f in (root / CHAPTERS_DIR, root, *root.parents) if not f.exists()]
    config = None if (root / CONFIG_NAME).exists() else root / CONFIG_NAME
    written: list[Path] = []
    try:
        project = create_project(root)
        number = next_chapter_number(project)
        for result in results:
            data = result.text.encode("utf-8")
            while True:
                name = f"{number:02d}-{_chapter_name(result, source_path)}.md"
                number += 1
                if write_new(project.chapters_dir / name, data):
                    written.append(project.chapters_dir / name)
                    break
    except (SaveError, OSError) as error:
        made = [*written, *([config] if config and config.is_file() else []), *folders]
        for path in made:  # files, then folders innermost first (one holding more stays)
            try:
                path.rmdir() if path in folders else path.unlink()
            except OSError:
                pass
        if isinstance(error, SaveError):
            raise
        raise SaveError.from_os_error(Path(error.filename or root), error) from error
    return written
