"""Author's notes at the top and bottom of an imported chapter.

Posted chapters open and close with notes to readers: disclaimers, thanks, update plans,
requests for reviews. A paragraph becomes a note only when it is sure to be one; anything
unsure stays story text (the writer can turn it into a note in the editor, while a story
paragraph wrongly hidden in a note would vanish from exports).

A paragraph is scored on what lies outside its quotations (dialogue may say anything):
strong markers ("A/N", "disclaimer", "I do not own", "thanks for reading") decide alone;
weaker ones (talk of chapters, updates, readers; the writer speaking as "I" to "you all")
must add up.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ficwriter.core.importers.draft import Break, Para, RawBlock

SURE = 3

_MARKERS: tuple[tuple[int, re.Pattern[str]], ...] = tuple(
    (weight, re.compile(pattern, re.IGNORECASE))
    for weight, pattern in (
        (3, r"\bA/N\b|^\s*\(?AN\b\s*[:\-]|\bauthor'?s'? ?notes?\b"),
        (3, r"\bdisclaimer\b"),
        (3, r"\bI (?:do not|don't|don’t|do NOT) own\b|\bown nothing\b"),
        (3, r"\bthanks?(?: you)?(?: \w+){0,3} for (?:reading|reviewing|the reviews)\b"),
        (3, r"\bplease (?:review|comment|leave)\b|\bkudos\b"),
        (2, r"\breviews?\b|\breviewers?\b|\breviewing\b"),
        (2, r"\b(?:next|last|previous|first|this|new) chapter\b|\bchapters? \d+\b"),
        (2, r"\breaders?\b|\bfanfic(?:tion)?s?\b|\bfic\b|\bone-?shot\b|\bsequel\b"),
        (2, r"\bfollow(?:s|ed)?,? (?:and|or|&) fav|\bfavou?rite\b|\bbeta(?:'d|ed)?\b"),
        (1, r"\bupdates?\b|\bupdating\b|\bposting\b|\bseason \w+\b|\bepisodes?\b"),
        (1, r"\b(?:this|my|the) story\b|\benjoy\b|\bfeedback\b"),
    )
)
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^’]*’")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|my|me)\b")
_READERS = re.compile(
    r"\b(?:you all|all of you|you guys|y'all|everyone|anyone|everybody)\b", re.IGNORECASE
)


def note_score(paragraph: str) -> int:
    """How sure it is that ``paragraph`` speaks to readers rather than tells the story."""
    outside = _QUOTED.sub(" ", paragraph)
    score = sum(weight for weight, pattern in _MARKERS if pattern.search(outside))
    if _FIRST_PERSON.search(outside) and _READERS.search(outside):
        score += 2
    return score


def is_sure_note(paragraph: str) -> bool:
    return note_score(paragraph) >= SURE


_SAYS_NOTE = re.compile(
    r"^\W*(?:A/N|AN\b\s*[:\-]|author'?s'? ?notes?\b|authors? notes?\b)", re.IGNORECASE
)


def says_note(paragraph: str) -> bool:
    """Whether ``paragraph`` says it is a note ("A/N: …", "Author's note: …"): in an archive's
    chapter text, where notes have fields of their own, only such a paragraph is one."""
    return bool(_SAYS_NOTE.match(paragraph.replace("’", "'")))


def split_notes(
    blocks: Sequence[RawBlock], is_note: Callable[[str], bool] = is_sure_note
) -> tuple[list[str], list[RawBlock], list[str]]:
    """(beginning notes, story blocks, end notes): sure notes taken from either end.

    Notes are taken paragraph by paragraph from the top until the first paragraph that is
    not surely a note, and likewise from the bottom; a scene break that only separated the
    notes from the story goes with them. At least one story paragraph always remains.
    """
    items = list(blocks)
    start = 0
    beginning: list[str] = []
    while start < len(items):
        block = items[start]
        if isinstance(block, Para) and is_note(block.text):
            beginning.append(block.text)
        elif not (isinstance(block, Break) and beginning):
            break
        start += 1
    end = len(items)
    ending: list[str] = []
    while end > start:
        block = items[end - 1]
        if isinstance(block, Para) and is_note(block.text):
            ending.insert(0, block.text)
        elif not (isinstance(block, Break) and ending):
            break
        end -= 1
    story = items[start:end]
    if not any(isinstance(b, Para) for b in story):
        return [], items, []  # all of it reads like a note: unsure, so it stays story
    return beginning, story, ending
