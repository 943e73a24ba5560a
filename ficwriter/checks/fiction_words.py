"""Words and forms correct in fiction that spell-checkers flag, for every engine.

Harper and LanguageTool both flag a character's "Mmm" and "Hah", the chat words of a text
message ("tbh", "ur"), a name typed in lowercase there ("jojo"), initials ("N.E.W.T."), a
sign's capitals ("CARROW STREET"), a username ("tilly_writes"), a deliberate double ("had
had", "handed her her coat") and a few standard words their dictionaries lack. The lists
live here, once, so a word found wrongly flagged is fixed for both engines; each engine
maps its own rules onto ``spelled_on_purpose`` and ``correct_double``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# "handed her her food", "had had", "that that", "is is": correct English Harper flags.
_CORRECT_DOUBLES = {"her", "had", "that", "is"}

# Sounds characters make, spelled as heard, stretched at will: "Mmm", "Mm-hm", "Hah",
# "Ooooh", "Erm". A dictionary cannot list every length; Harper flagged each as a typo.
_SOUND_WORD = re.compile(
    r"(?:m+|m+-?h?m+|hm+|h+m+p+h+|mm+ph|m+ph|u+h+|h+u+h+|e+r+m*|u+m+|a+h+|o+h+|o+o+h+|a+w+|"
    r"e+h+|u+g+h+|p+f+t+|p+s+t+|s+h+|t+s+k+|h+a+h*|h+e+h+|o+o+f+|e+w+|w+h+o+a+|g+a+h+|"
    r"b+a+h+|a+r+g+h+|h+m+p+h+)",
    re.IGNORECASE,
)
# A text message in the story: "Kit: ok who took my charger" (ficwriter's plain text of
# "**Kit:** ..."). Texts are written lowercase, in chat words, on purpose.
_TEXTING = re.compile(r"^\s*[^\W\d_][\w'-]*(?: [^\W\d_][\w'-]*)?:\s")
_CHAT_WORDS = frozenset(
    "lol omg tbh lmao rofl u ur rn idk btw brb ngl imo imho ikr smh pls plz thx ty np tho "
    "bc cuz ya yall wyd hbu irl fr ofc jk ttyl xoxo".split()
)
# "N.E.W.T.", "T." of "Captain T. Vance": initials and dotted abbreviations.
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+|[^\W\d_]")

# Standard English that Harper's dictionary lacks (or allows in one dialect only), found
# flagged in ficwriter's corpus and sample; every linter imports these, in every dialect.
# A form Harper lacks must be listed itself: importing "clockmaker" does not cover
# "clockmaker's" or "clockmakers".
VALID_WORDS: dict[str, str] = {
    "dreamed": "a past tense of 'dream' in every dialect (British dictionaries give dreamed "
    "and dreamt); Harper's dictionary marks it American, so en-GB flagged it",
    "dreamt": "the other past tense of 'dream', standard in American English too; Harper "
    "flags it with en-US",
    "clockmaker": "a standard noun Harper lacks: its SplitWords rule proposes 'clock maker' "
    "(three times in the sample chapter) and, with that rule off, SpellCheck flags it",
    "clockmakers": "the plural of 'clockmaker'",
    "clockmaker's": "the possessive of 'clockmaker', as the sample writes it",
    "blacksmiths": "Harper knows 'blacksmith' but not its plural (flagged twice in the corpus)",
    "dockhand": "a standard noun Harper lacks (flagged in the corpus)",
    "dockhands": "the plural of 'dockhand'",
    "afterwards": "standard in American English too (Harper's en-US flags it)",
    "Afterwards": "the same at a sentence start",
    "grey": "a standard American spelling beside 'gray' (Harper's en-US flags it)",
    "sunburnt": "standard British past participle (Harper's en-GB flags it)",
    "duffel": "a standard noun (duffel bag) Harper lacks",
    "loch": "a standard noun (Scottish lake) Harper lacks",
    "mortem": "the second half of 'post-mortem': Harper checks the halves of a hyphenated word",
    "cortado": "a coffee on every café menu",
    "spellbook": "a standard noun Harper lacks (with SplitWords off, SpellCheck flagged it)",
    "spellbooks": "the plural of 'spellbook'",
    "woodstove": "a standard noun Harper lacks (with SplitWords off, SpellCheck flagged it)",
    "cellarman": "a standard noun (a pub's cellar keeper) Harper lacks",
    "reliving": "the -ing form of 'relive'; Harper's en-US flagged it in the seed chapter",
}
# The words of fanfiction's own notes and summaries: Harper flagged each in authors' notes.
FANDOM_WORDS: dict[str, str] = {
    word: "fanfiction vocabulary, in nearly every author's note"
    for word in (
        "AU AUs fic fics fanfic fanfics beta betas betaing betaed betaread unbetaed kudos "
        "fandom fandoms OTP canon OOC WIP WIPs drabble drabbles oneshot one-shot headcanon "
        "POV POVs A/N smut fluff angst hurt/comfort crossover"
    ).split()
}

_POSSESSIVE = re.compile(r"['\u2019]s$")


def is_texting(text: str) -> bool:
    """A paragraph that is a text message ("Kit: ok who took my charger")."""
    return bool(_TEXTING.match(text))


def correct_double(flagged: str) -> bool:
    """A doubled word that is correct English: "had had", "that that", "her her"."""
    words = flagged.lower().split()
    return len(words) == 2 and words[0] == words[1] and words[0] in _CORRECT_DOUBLES


def spelled_on_purpose(
    text: str, start: int, end: int, texting: bool, suggestions: Sequence[str] = ()
) -> bool:
    """A spelling flag on text[start:end] that is not a misspelling in fiction: a sound
    word, initials, a sign or acronym in capitals, a username, a standard word the
    engines' dictionaries lack, and in a text message a chat word or a word whose only
    fault is its missing capital ("friday", "jojo")."""
    word = text[start:end].strip()
    if _SOUND_WORD.fullmatch(word) or _INITIALS.fullmatch(word):
        return True
    around = text[max(0, start - 1) : end + 1]
    if (len(word) > 1 and word.isupper()) or "_" in around or "@" in around:
        return True  # a sign, an acronym, shouting; a username ("tilly_writes")
    if word in VALID_WORDS or _POSSESSIVE.sub("", word) in VALID_WORDS or word in FANDOM_WORDS:
        return True
    if texting:
        if word.lower() in _CHAT_WORDS:
            return True
        return any(s.lower() == word.lower() for s in suggestions)
    return False
