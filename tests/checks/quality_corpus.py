"""The quality corpus: ficwriter's own chapters with every deliberate error listed.

``tests/checks/corpus/known_errors.toml`` names each error by a context that occurs once
in its file and the wrong text inside it; this module turns those into file spans. The
corpus test and ``benchmarks/bench_quality.py`` both read the corpus, and run the fiction
rules over a chapter, through here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import tomlkit

from ficwriter.checks.fiction import FictionSettings, chapter_rules, paragraph_engine
from ficwriter.core.chapter import Chapter, parse
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


def fiction_flags(
    chapter: Chapter, settings: FictionSettings, notes: bool = False
) -> list[tuple[int, int, str]]:
    """(start, end, rule id) in file offsets for everything the fiction rules flag.

    Story paragraphs, and author's notes with ``notes``, as the scheduler sends them.
    """
    engine = paragraph_engine(settings)
    flags = []
    for paragraph in chapter.paragraphs(notes=notes):
        plain = plain_text(paragraph.text, base=paragraph.span.start)
        for found in engine.check(plain.text):
            flags.append((*plain.source_span(found.start, found.end), found.rule_id))
    for rule in chapter_rules(settings):
        flags += [(i.start, i.end, i.rule_id) for i in rule.check_chapter(chapter)]
    return flags


# -- The marked corpus -------------------------------------------------------------------
#
# tests/checks/corpus/marked/<language>/*.md are stories written for ficwriter with every
# error marked where it stands, so the marks cannot drift from the text:
#
#     {{wrong=>right|kind}}     an error: "wrong" is what the story says (what a checker
#                               should underline), "right" the correction (may be empty)
#     {{wrong=>right|kind?}}    a debatable error (a careful editor might leave it): a flag
#                               there is neither required for recall nor counted as noise
#     {{text|trap}}             correct text a naive checker flags ("had had", "I-I"):
#                               a flag overlapping it is a false flag, counted apart
#
# ``read_marked`` strips the marks to the plain story and returns each mark's span in it.

MARKED = CORPUS / "marked"

ERROR_KINDS: dict[str, str] = {
    "spelling": "a misspelt word ('recieve', 'definately')",
    "confusable": "a real word used for another in context (lose/loose, then/than, "
    "whose/who's, rein/reign, breath/breathe, lie/lay/laid by tense)",
    "verb-form": "a wrong verb form after an auxiliary or in a tense ('had went', "
    "'didn't knew', 'could of', 'was suppose to')",
    "split-word": "a word split or joined wrongly ('some how', 'every where', 'alot')",
    "doubled": "a word written twice by mistake",
    "vocative-comma": "no comma before or after a name addressed ('Come on Sam')",
    "dialogue-punct": "dialogue punctuation: a full stop before a tag, a capital after "
    "'she said,', a comma splice between two quoted sentences",
    "apostrophe": "a missing or wrong apostrophe ('its' for 'it is', 'dont')",
    "agreement": "subject and verb disagree ('the crates was')",
    "grammar": "another grammar slip (a/an, a missing word)",
}
TRAP = "trap"

_MARK_RE = re.compile(r"\{\{(?P<body>.*?)\|(?P<kind>[a-z-]+)(?P<debatable>\?)?\}\}", re.S)


@dataclass(frozen=True)
class Mark:
    """One marked span of the plain story."""

    file: str
    start: int
    end: int
    text: str  # as the story has it
    fix: str | None  # the correction; None for a trap
    kind: str  # one of ERROR_KINDS, or TRAP
    debatable: bool = False

    @property
    def is_trap(self) -> bool:
        return self.kind == TRAP


@dataclass(frozen=True)
class MarkedFile:
    name: str  # repository-relative path of the marked source
    language: str  # en-US or en-GB, from its folder
    text: str  # the plain story: marks stripped, a chapter file as a writer would save it
    marks: tuple[Mark, ...]

    @property
    def chapter(self) -> Chapter:
        return parse(self.text)

    @property
    def errors(self) -> list[Mark]:
        """The errors a checker should find (traps and debatable marks left out)."""
        return [m for m in self.marks if not m.is_trap and not m.debatable]

    @property
    def traps(self) -> list[Mark]:
        return [m for m in self.marks if m.is_trap]

    def in_note(self, mark: Mark) -> bool:
        """Whether the mark stands in an author's note rather than the story."""
        paragraph = self.chapter.paragraph_at(mark.start)
        return paragraph is not None and not paragraph.is_story


def read_marked(source: str, name: str = "") -> tuple[str, list[Mark]]:
    """The plain text of a marked source and its marks; a malformed mark raises ValueError."""
    out: list[str] = []
    marks: list[Mark] = []
    length, last = 0, 0
    for found in _MARK_RE.finditer(source):
        out.append(source[last : found.start()])
        length += found.start() - last
        body, kind = found["body"], found["kind"]
        if "{{" in body:
            raise ValueError(f"{name}: unclosed mark before {body!r}")
        if kind == TRAP:
            if "=>" in body:
                raise ValueError(f"{name}: a trap is correct text, not wrong=>right: {body!r}")
            text, fix = body, None
        elif kind in ERROR_KINDS:
            if "=>" not in body:
                raise ValueError(f"{name}: error mark {body!r} needs wrong=>right")
            text, fix = body.split("=>", 1)
        else:
            raise ValueError(f"{name}: unknown kind {kind!r} in {found[0]!r}")
        if not text:
            raise ValueError(f"{name}: empty mark {found[0]!r}")
        marks.append(Mark(name, length, length + len(text), text, fix, kind, bool(found["debatable"])))
        out.append(text)
        length += len(text)
        last = found.end()
    rest = source[last:]
    if "{{" in rest or "}}" in rest:
        raise ValueError(f"{name}: stray '{{{{' or '}}}}' in {rest[rest.find('{'):][:40]!r}")
    out.append(rest)
    return "".join(out), marks


def marked_corpus() -> dict[str, MarkedFile]:
    """Every marked story by repository-relative name, in name order."""
    files = {}
    for path in sorted(MARKED.glob("*/*.md")):
        name = path.relative_to(REPO).as_posix()
        text, marks = read_marked(path.read_text(encoding="utf-8"), name)
        files[name] = MarkedFile(name, path.parent.name, text, tuple(marks))
    return files


def marked_dictionary() -> list[str]:
    """The words the writer of the marked stories added to their project dictionary."""
    path = MARKED / "dictionary.txt"
    return sorted({w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip()})
