"""The project dictionary: ``dictionary.txt``, one word per line (names, places, slang).

Its words silence spelling findings in every engine. We filter findings by the flagged
word instead of teaching LanguageTool new words: language-tool-python's ``new_spellings``
writes into LanguageTool's shared spelling file, which would leak one project's character
names into every other project. Harper gets the words too (``import_words``) so its
suggestions know them.

Matching: a word matches itself exactly ("TonDC" does not silence "Tondc", so the
name-consistency rule and spelling still see the variant); a lowercase entry ("grounder")
also matches its capitalised forms ("Grounder" at a sentence start). A possessive
("Lexa's") matches its name.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from ficwriter.core.chapter import Chapter
from ficwriter.core.inline import plain_text
from ficwriter.core.project import Project, open_project
from ficwriter.core.words import iter_words
from ficwriter.checks.issue import Category

SUGGEST_MIN_USES = 3
# Rules outside the spelling category that respell a word as another: on a name they are
# wrong (Harper's OrthographicConsistency asks for the acronym "NAT" for the name "Nat").
NAME_RULES = frozenset({"OrthographicConsistency", "SpellCheck", "SplitWords", "CompoundNouns"})
_POSSESSIVE_RE = re.compile(r"['\u2019]s$")
_SENTENCE_END = re.compile(r"[.!?…]['\"\u2019\u201d)]*\s*$")


class ProjectDictionary:
    """A project's words; the file itself is read and written by ``core.project.Project``."""

    def __init__(self, words: Iterable[str] = (), project: Project | None = None) -> None:
        """Without ``project`` the words live in memory only (tests, loose checks)."""
        self.project = project
        self.generation = 0  # bumped by every change, so users of the words can tell
        self._lock = threading.Lock()
        self._words: set[str] = {w.strip() for w in words if w.strip()}
        self._names: frozenset[str] = frozenset()
        self._all: frozenset[str] = frozenset()
        self._parts: frozenset[str] = frozenset()
        self._lowered: frozenset[str] = frozenset()
        self._rebuild()

    @classmethod
    def for_project(cls, project_root: Path) -> ProjectDictionary:
        project = open_project(project_root)
        return cls(project.dictionary_words(), project)

    @property
    def words(self) -> frozenset[str]:
        return frozenset(self._words)

    def __contains__(self, word: str) -> bool:
        """A dictionary word or name candidate, in any form a name takes in prose.

        The possessive counts as the name, a half of a hyphenated entry as the entry
        ("Sofia" of "Anna-Sofia": engines split at hyphens), a name's all-capitals
        form on a sign ("TREVOR") and its all-lowercase form in a text message ("jojo")
        as the name. A mixed-case variant ("Tondc" of "TonDC") is not the name.
        """
        word = _POSSESSIVE_RE.sub("", word.strip())
        known = self._known
        if word in known or (word.lower() in known and not word.isupper()):
            return True
        if word.islower() and word in self._lowered:
            return True  # a name typed in lowercase, as in a text message ("jojo's lab")
        return word in self._parts or (word.isupper() and len(word) > 1 and word.title() in known)

    @property
    def _known(self) -> frozenset[str]:
        return self._all

    def set_names(self, candidates: Iterable[str]) -> None:
        """The project's name candidates (``checks.names``): silenced like dictionary
        words until the writer says otherwise."""
        names = frozenset(w.strip() for w in candidates if w.strip())
        with self._lock:
            if names == self._names:
                return
            self._names = names
            self._rebuild()
            self.generation += 1

    @property
    def names(self) -> frozenset[str]:
        return self._names

    def _rebuild(self) -> None:
        self._all = frozenset(self._words | self._names)
        self._lowered = frozenset(word.lower() for word in self._all)
        self._parts = frozenset(
            part for word in self._all if "-" in word for part in word.split("-") if part
        )

    def add(self, word: str) -> None:
        """Add ``word``; dictionary.txt is rewritten atomically (temp file, replace)."""
        word = word.strip()
        if not word or any(c.isspace() for c in word):
            raise ValueError(f"not a single word: {word!r}")
        with self._lock:
            if word in self._words:
                return
            if self.project is not None:
                self.project.add_word(word)
            self._words.add(word)
            self._rebuild()
            self.generation += 1

    def silences(self, category: Category, flagged: str, rule_id: str = "") -> bool:
        """True when a finding of ``category`` on ``flagged`` text is about one of our words:
        a spelling finding, or a rule that would respell a name ("Nat" -> "NAT")."""
        if category is not Category.SPELLING and rule_id not in NAME_RULES:
            return False
        return flagged in self


def silenced_at(
    dictionary: ProjectDictionary,
    text: str,
    start: int,
    end: int,
    category: Category,
    rule_id: str,
    not_names: Iterable[str] = (),
) -> bool:
    """``dictionary.silences`` for text[start:end], or a spelling flag on a word its
    neighbours mark as a name ("Mrs Okonjo", "Carrow Street": ``names.looks_like_name``),
    unless the writer said it is not a name."""
    if dictionary.silences(category, text[start:end], rule_id):
        return True
    from ficwriter.checks.names import looks_like_name

    if _POSSESSIVE_RE.sub("", text[start:end]) in not_names:
        return False
    return category is Category.SPELLING and looks_like_name(text, start, end, dictionary)


def suggested_words(chapter: Chapter, dictionary: ProjectDictionary | None = None) -> list[str]:
    """Capitalised words used at least three times, at least once not opening a sentence.

    These are the names a writer will want in the dictionary (characters, places); a word
    seen only at sentence starts ("Eventually") is just capitalised by position, and one
    also written in lowercase ("The" of a title, "the") is an ordinary word. Most used first.
    """
    uses: Counter[str] = Counter()
    mid_sentence: set[str] = set()
    lowercase: set[str] = set()
    for paragraph in chapter.paragraphs():
        text = plain_text(paragraph.text).text
        for match in iter_words(text):
            word = _POSSESSIVE_RE.sub("", match.group())
            if not word[:1].isupper():
                lowercase.add(word)
                continue
            if (len(word) > 1 and word.isupper()) or word == "I" or word.startswith("I'"):
                continue  # shouted ("VERY"), or the pronoun
            uses[word] += 1
            before = text[: match.start()]
            if before.strip() and not _SENTENCE_END.search(before) and not _opens_quote(before):
                mid_sentence.add(word)
    # the dictionary file's words only: name candidates are what is offered here
    known = ProjectDictionary(dictionary.words if dictionary is not None else ())
    return [
        word
        for word, count in uses.most_common()
        if count >= SUGGEST_MIN_USES
        and word in mid_sentence
        and word.lower() not in lowercase
        and word not in known
    ]


def _opens_quote(before: str) -> bool:
    """A word right after an opening quote that itself opens a sentence ('"Where ...')."""
    stripped = before.rstrip()
    return bool(stripped) and stripped[-1] in "\"\u201c'\u2018" and (
        len(stripped) == 1 or _SENTENCE_END.search(stripped[:-1]) is not None
        or stripped[:-1].rstrip().endswith((",", ":"))
    )
