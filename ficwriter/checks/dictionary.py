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

import os
import re
import tempfile
import threading
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from ficwriter.core.chapter import Chapter
from ficwriter.core.inline import plain_text
from ficwriter.core.words import iter_words
from ficwriter.checks.issue import Category

DICTIONARY_NAME = "dictionary.txt"
SUGGEST_MIN_USES = 3
_POSSESSIVE_RE = re.compile(r"['\u2019]s$")
_SENTENCE_END = re.compile(r"[.!?…]['\"\u2019\u201d)]*\s*$")


class ProjectDictionary:
    """The words of one project's dictionary.txt; adding a word rewrites the file atomically."""

    def __init__(self, path: Path | None = None, words: Iterable[str] = ()) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._words: set[str] = {w.strip() for w in words if w.strip()}
        if path is not None and path.is_file():
            text = path.read_text(encoding="utf-8-sig")
            self._words |= {line.strip() for line in text.splitlines() if line.strip()}

    @classmethod
    def for_project(cls, project_root: Path) -> ProjectDictionary:
        return cls(Path(project_root) / DICTIONARY_NAME)

    @property
    def words(self) -> frozenset[str]:
        return frozenset(self._words)

    def __contains__(self, word: str) -> bool:
        word = _POSSESSIVE_RE.sub("", word.strip())
        return word in self._words or (word.lower() in self._words and not word.isupper())

    def add(self, word: str) -> None:
        """Add ``word`` and rewrite dictionary.txt (temp file in the same folder, replace)."""
        word = word.strip()
        if not word or any(c.isspace() for c in word):
            raise ValueError(f"not a single word: {word!r}")
        with self._lock:
            if word in self._words:
                return
            self._words.add(word)
            if self.path is not None:
                _write_atomic(self.path, "".join(w + "\n" for w in sorted(self._words, key=str.casefold)))

    def silences(self, category: Category, flagged: str) -> bool:
        """True when a finding of ``category`` on ``flagged`` text is about one of our words."""
        return category is Category.SPELLING and flagged in self


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


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
