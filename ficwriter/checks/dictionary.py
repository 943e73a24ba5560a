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

    @classmethod
    def for_project(cls, project_root: Path) -> ProjectDictionary:
        project = open_project(project_root)
        return cls(project.dictionary_words(), project)

    @property
    def words(self) -> frozenset[str]:
        return frozenset(self._words)

    def __contains__(self, word: str) -> bool:
        word = _POSSESSIVE_RE.sub("", word.strip())
        return word in self._words or (word.lower() in self._words and not word.isupper())

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
            self.generation += 1

    def silences(self, category: Category, flagged: str) -> bool:
        """True when a finding of ``category`` on ``flagged`` text is about one of our words."""
        return category is Category.SPELLING and flagged in self


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
    known = dictionary or ProjectDictionary()
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
