"""Name candidates: capitalised words a project uses as names, found without being told.

A writer's characters, places and spells are unknown to every dictionary. Rather than
flag each of them as a misspelling until the writer adds it, a capitalised word used in
the middle of a sentence at least ``MIN_MID_SENTENCE_USES`` times across the project (and
never written in lowercase outside a text message, so "The" of a title and "Home" of a
sign are not names) is a name candidate, and so is a scene's point-of-view character
(``pov=Marcus`` in its scene comment): spelling checks leave it alone, and the window
offers it for the dictionary. Possessives count as the name ("Lexa's" is "Lexa"); an
all-capitals form on a sign ("TREVOR") is the same word. The writer can say a candidate is not a name:
``[checks] not_names`` in ficwriter.toml, and then it is checked again.

A misspelt name is not hidden by this: the name-spelling fiction rule still compares the
variants of a name with each other.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ficwriter.checks.cache import CheckCache
from ficwriter.checks.fiction_words import is_texting
from ficwriter.core.chapter import Chapter
from ficwriter.core.inline import plain_text
from ficwriter.core.project import open_project
from ficwriter.core.textfile import UnreadableFile, read_text
from ficwriter.core.chapter import parse

MIN_MID_SENTENCE_USES = 2
NAMES_VERSION = "2"  # bump when what name_candidates finds changes: stored answers go stale

# A word: letters, with inner apostrophes or hyphens ("O'Neill", "Anna-Sofia").
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['\u2019]s$")
# What ends a sentence before a word (then behind spaces, quotes, brackets, emphasis):
# the word opens a sentence and is capitalised anyway; so is one at the paragraph's start.
_ENDS = frozenset(".!?…:;—")  # and "--"
_FILLER = frozenset("\"'“”‘’*_)([]")
# After an opening quote a word is capitalised too ('"Where ...'), unless the quote
# continues a sentence after "said," (where the capital would be the writer's choice).
_QUOTES = frozenset("\"“‘'")


@dataclass(frozen=True)
class NameCandidate:
    word: str
    uses: int  # every use, sentence starts and possessives included
    mid_sentence: int  # uses in the middle of a sentence
    examples: tuple[str, ...] = field(default=(), compare=False)  # a few contexts

    def as_dict(self) -> dict[str, object]:
        return {"word": self.word, "uses": self.uses, "mid_sentence": self.mid_sentence,
                "examples": list(self.examples)}


_ABBREVIATION = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Mt|Prof|Capt|Lt|Sgt|Col|Gen|Rev)\.\s*$")


def _mid_sentence(text: str, start: int) -> bool:
    """The word at ``start`` is inside a sentence: not after a sentence end or an opening
    quote (unless "said, '...") nor at the paragraph's start, and not after "Mr.".

    Looks back only over the spaces, quotes and brackets before the word, never the whole
    paragraph: a pasted story can be one paragraph of megabytes.
    """
    end = start  # past the last character before the word that is not a space
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if _ABBREVIATION.search(text, max(0, end - 6), start):
        return True
    lead = end  # the start of the spaces, quotes and brackets before the word
    while lead > 0 and (text[lead - 1].isspace() or text[lead - 1] in _FILLER):
        lead -= 1
    if lead == 0 or text[lead - 1] in _ENDS or text[max(0, lead - 2) : lead] == "--":
        return False
    if end > 0 and text[end - 1] in _QUOTES:
        before = end - 1
        while before > 0 and text[before - 1].isspace():
            before -= 1
        return before > 0 and text[before - 1] == ","
    return True


def name_candidates(
    chapters: Iterable[Chapter],
    known: Iterable[str] = (),
    not_names: Iterable[str] = (),
    min_uses: int = MIN_MID_SENTENCE_USES,
) -> list[NameCandidate]:
    """The name candidates of these chapters (notes included), most used first.

    ``known`` words (the project dictionary) and ``not_names`` (the writer said no) are
    left out.
    """
    uses: Counter[str] = Counter()
    mid: Counter[str] = Counter()
    lowercase: set[str] = set()
    examples: dict[str, list[str]] = {}
    told: set[str] = set()  # the writer named them: a scene's point-of-view character
    for chapter in chapters:
        told.update(
            word for scene in chapter.scenes if scene.pov
            for word in _WORD.findall(scene.pov) if word[:1].isupper()
        )
        for paragraph in chapter.paragraphs(notes=True):
            text = plain_text(paragraph.text).text
            texting = is_texting(text)
            for match in _WORD.finditer(text):
                word = _POSSESSIVE.sub("", match.group())
                if not word[:1].isupper():
                    if not texting:  # texts are typed in lowercase, names too ("kit")
                        lowercase.add(word)
                    continue
                if word.isupper() or word == "I" or word.startswith(("I'", "I\u2019")):
                    continue  # shouted, an acronym, or the pronoun
                uses[word] += 1
                if texting and match.start() < text.find(":"):
                    continue  # the sender of a text message, like a speaker's label
                if _mid_sentence(text, match.start()):
                    mid[word] += 1
                    shown = examples.setdefault(word, [])
                    if len(shown) < 3:
                        shown.append(text[max(0, match.start() - 30) : match.end() + 30].strip())
    skip = {w.strip() for w in known} | {w.strip() for w in not_names}
    skip_lower = {w.lower() for w in skip}
    found = [
        NameCandidate(word, uses[word], mid[word], tuple(examples.get(word, ())))
        for word in set(mid) | told
        if (word in told or (mid[word] >= min_uses and word.lower() not in lowercase))
        and word not in skip
        and word.lower() not in skip_lower
    ]
    return sorted(found, key=lambda c: (-c.mid_sentence, -c.uses, c.word))


def project_name_candidates(
    project_root: Path, cache: CheckCache | None = None
) -> list[NameCandidate]:
    """The candidates of a project folder (or a loose chapter's folder): its chapters,
    minus its dictionary and its ``[checks] not_names``. Unreadable chapters are skipped.

    With a ``cache`` the answer is stored under a key of every chapter's text, the dictionary
    and the not-names: a project opened again unchanged is not searched word by word.
    """
    project = open_project(project_root)
    texts = []
    for path in project.chapters():
        try:
            texts.append(read_text(path).text)
        except (OSError, UnreadableFile):
            continue
    known, refused = sorted(project.dictionary_words()), not_names(project.checks)
    key = "names:" + hashlib.sha1(
        "\x00".join([NAMES_VERSION, *known, "\x01", *refused, "\x01", *texts]).encode(
            "utf-8", "surrogatepass"
        )
    ).hexdigest()
    stored = cache.get_value(key) if cache is not None else None
    if stored is not None:
        return [NameCandidate(d["word"], d["uses"], d["mid_sentence"], tuple(d["examples"]))
                for d in json.loads(stored)]
    found = name_candidates([parse(text) for text in texts], known, refused)
    if cache is not None:
        cache.put_value(key, json.dumps([c.as_dict() for c in found]))
        cache.flush()
    return found


def not_names(checks_table: dict[str, object]) -> list[str]:
    """``[checks] not_names``: words the writer said are not names."""
    value = checks_table.get("not_names", [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("[checks] not_names must be a list of words")
    return [v.strip() for v in value if v.strip()]


# Words that stand before a name ("Mrs Okonjo", "Inspector Hallam", "Lake Tahoma") and
# after one ("Carrow Street", "Kellow Bridge", "the Vespertine Charm").
TITLES = frozenset(
    "Mr Mrs Ms Miss Mx Dr Prof Professor Captain Capt Lieutenant Lt Sergeant Sgt Inspector DI "
    "DS DC DCI Detective Officer Constable Chief Coach Lord Lady Sir Dame King Queen Prince "
    "Princess Duke Duchess Count Countess Saint St Father Mother Sister Brother Aunt Uncle "
    "Grandma Grandpa Nana Señora Señor Madame Monsieur Mistress Master Lake Mount Mt River "
    "Port Fort Cape Isle Loch Glen Camp".split()
)
PLACE_NOUNS = frozenset(
    "Street St Road Rd Lane Avenue Ave Drive Way Close Court Square Place Row Hill Hills Hall "
    "House Manor Park Bridge Station Falls City County Town Village Loch Lake River Bay Beach "
    "Harbour Harbor Point Reach Marsh Moor Wood Woods Forest Valley Farm Castle Tower Abbey "
    "Church Chapel School Academy College University Building Tavern Inn Arms Motel Hotel Cafe "
    "Café Island Islands Mountains Peak Ridge Gate Gardens Green Common Cross Heath Fell "
    "Charm Spell Hex Curse Ward Rite Lantern Jinx Ritual Potion".split()
)
_CAPITALISED = re.compile(r"[A-Z][^\W\d_]*(?:['\u2019-][^\W\d_]+)*\.?")


# Words after which a capitalised word in mid-sentence names someone or somewhere: "a
# girl called Isla Dunmore", "her cousin Aldous", "a room in Pimlico", "from Falmouth".
_INTRODUCERS = frozenset(
    "called named cousin brother sister uncle aunt friend in at from to near of into "
    "towards toward outside across past via".split()
)
# After a name addressed at the end of a sentence: a closing quote, or a full stop (!, ?)
# and then a quote, the next sentence or the paragraph's end ("Go on, Devvy. I'm not").
_ADDRESS_END = re.compile(r"[.!?\u2026]?[\"\u201d'\u2019]|[.!?\u2026](?:\s|$)")
_KINDS_OF_MAGIC = frozenset("charm spell hex curse ward rite jinx ritual potion".split())


def looks_like_name(text: str, start: int, end: int, known: object) -> bool:
    """A capitalised word that its neighbours mark as a name: a title before it ("Mrs
    Okonjo"; a title itself, "Señora", "Nana"), a place noun or kind of spell after it
    ("Carrow Street", "a Wardlight charm"), a comma before it and the sentence's end
    after it (addressed: "Go on, Devvy."), a word that introduces a name before it in
    mid-sentence ("called Isla Dunmore", "in Pimlico"), or a known name beside it
    ("Delphine Ashby"). Runs of capitalised words count as one name. ``known`` answers
    ``word in known``."""
    word = text[start:end]
    if not word[:1].isupper():
        return False
    if _POSSESSIVE.sub("", word).rstrip(".") in TITLES:
        return True  # a title is part of a name ("Señora Reyes") or one ("Nana!")
    before = re.findall(r"[\w.'\u2019/-]+", text[max(0, start - 60) : start])
    after = re.findall(r"[\w.'\u2019-]+", text[end : end + 60])
    run_start = len(before)
    while run_start > 0 and _CAPITALISED.fullmatch(before[run_start - 1]) and before[run_start - 1].rstrip(".") not in TITLES:
        run_start -= 1  # "Isla" before "Dunmore": the run's first word decides
    previous = before[run_start - 1].rstrip(".") if run_start > 0 else ""
    if previous.lower() == "the" and run_start > 1:
        previous = before[run_start - 2]  # "in the Westmarch"
    if text[max(0, start - 2) : start] == ", " and _ADDRESS_END.match(text, end):
        return True  # addressed at the end of a speech or sentence: "..., Nightjar."
    k = 0
    while k < len(after) - 1 and _CAPITALISED.fullmatch(after[k]) and after[k].rstrip(".,") not in PLACE_NOUNS:
        k += 1
    following = _POSSESSIVE.sub("", after[k]).rstrip(".,;:!?") if after and text[end : end + 1] == " " else ""
    if previous in TITLES or following in PLACE_NOUNS or following.lower() in _KINDS_OF_MAGIC:
        return True
    first = start - sum(len(w) + 1 for w in before[run_start:])
    if previous.lower() in _INTRODUCERS and _mid_sentence(text, max(0, first)):
        return True
    neighbours = before[run_start:] + after[:k]
    return any(_POSSESSIVE.sub("", w.rstrip(".,")) in known for w in neighbours)  # type: ignore[operator]
