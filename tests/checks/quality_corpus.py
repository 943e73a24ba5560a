"""The quality corpus: ficwriter's own chapters with every deliberate error listed.

``tests/checks/corpus/known_errors.toml`` names each error by a context that occurs once
in its file and the wrong text inside it; this module turns those into file spans. The
corpus test and ``benchmarks/bench_quality.py`` both read the corpus, and run the fiction
rules over a chapter, through here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import tomlkit

from ficwriter.checks.fiction import FictionSettings, chapter_rules, paragraph_engine
from ficwriter.core.chapter import Chapter
from ficwriter.core.inline import plain_text

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "checks" / "corpus"
SAMPLE = REPO / "resources" / "sample" / "Starfall"


@dataclass(frozen=True)
class KnownError:
    file: str  # relative to the repository, as corpus_files() names them
    start: int
    end: int
    error: str
    kind: str
    engines: tuple[str, ...]


def corpus_files() -> dict[str, Path]:
    """The written corpus plus the sample project's chapters, by repository-relative name."""
    files = sorted(CORPUS.glob("*.md")) + sorted((SAMPLE / "chapters").glob("*.md"))
    return {path.relative_to(REPO).as_posix(): path for path in files}


def known_errors() -> list[KnownError]:
    """Every listed error, placed; a context that is missing or not unique is an error."""
    table = tomlkit.parse((CORPUS / "known_errors.toml").read_text(encoding="utf-8")).unwrap()
    out = []
    for entry in table["error"]:
        text = (REPO / entry["file"]).read_text(encoding="utf-8")
        context, error = entry["context"], entry["error"]
        if text.count(context) != 1 or error not in context:
            raise ValueError(f"{entry['file']}: context {context!r} must occur once and hold {error!r}")
        start = text.index(context) + context.index(error)
        out.append(
            KnownError(entry["file"], start, start + len(error), error, entry["kind"], tuple(entry["engines"]))
        )
    return out


def corpus_dictionary() -> list[str]:
    """The project dictionaries of the corpus and the sample: character and place names."""
    words: list[str] = []
    for path in (CORPUS / "dictionary.txt", SAMPLE / "dictionary.txt"):
        if path.is_file():
            words += [w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip()]
    return sorted(set(words))


def fiction_flags(chapter: Chapter, settings: FictionSettings) -> list[tuple[int, int, str]]:
    """(start, end, rule id) in file offsets for everything the fiction rules flag.

    Story paragraphs only, as the scheduler sends them.
    """
    engine = paragraph_engine(settings)
    flags = []
    for paragraph in chapter.paragraphs():
        plain = plain_text(paragraph.text, base=paragraph.span.start)
        for found in engine.check(plain.text):
            flags.append((*plain.source_span(found.start, found.end), found.rule_id))
    for rule in chapter_rules(settings):
        flags += [(i.start, i.end, i.rule_id) for i in rule.check_chapter(chapter)]
    return flags
