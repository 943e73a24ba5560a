"""Dialogue habits and dialogue punctuation, within one paragraph.

* adverbs hung on a dialogue tag ("she said softly", "cried furiously");
* a tag followed by a comma and then a new sentence inside the quotes
  (``"I know," she said, "It's late."`` -- the tag should end with a full stop);
* a name addressed without its comma (``"Thanks Clarke."``).
"""

from __future__ import annotations

import re

from ficwriter.checks.fiction.rules import finding
from ficwriter.checks.fiction.settings import FictionSettings
from ficwriter.checks.fiction.text import ParagraphText, Token, is_capitalised
from ficwriter.checks.issue import Finding

TAG_VERBS = frozenset(
    """
    said says say asked asks replied replies answered answers cried cries whispered
    whispers murmured murmurs muttered mutters shouted shouts yelled yells screamed
    screams snapped snaps growled growls snarled snarls hissed hisses spat spits told
    tells added adds called calls stated states continued continues repeated repeats
    questioned questions demanded demands admitted admits agreed agrees offered offers
    insisted insists laughed laughs sighed sighs breathed breathes teased teases
    """.split()
)
_SUBJECTS = frozenset("i you he she we they".split())
_OBJECTS = frozenset("her him them me us you it".split())
# Words ending in -ly that are not manner adverbs: other words, and adverbs of time or of
# the speaker's stance ("she said finally"), which say when, not how.
_NOT_ADVERBS = frozenset(
    """
    only early family reply supply ugly holy belly silly lonely friendly likely lovely
    elderly daily weekly monthly yearly rely apply fly bully jelly rally hilly curly
    wily lily july italy imply comply assembly anomaly ally jolly folly melancholy
    finally eventually suddenly immediately instantly already really actually probably
    certainly possibly apparently obviously presumably initially lastly firstly secondly
    """.split()
)

_TAG_THEN_NEW = re.compile(
    r"(?P<end>[,?!])(?P<q1>[\"\u201d])[ \t]+(?P<tag>[A-Za-z][^\"\u201c\u201d.!?\n]{0,80}?)"
    r"(?P<comma>,)[ \t]+(?P<q2>[\"\u201c])(?P<word>[A-Z][\w'\u2019]*)"
)
_I_FORMS = frozenset({"I", "I'm", "I'll", "I'd", "I've", "I\u2019m", "I\u2019ll", "I\u2019d", "I\u2019ve"})
# Capitalised words that are neither names addressed nor sentence starts.
_CALENDAR = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December Christmas".split()
)
_TITLES = frozenset("Mr Mrs Ms Miss Dr Sir Lady Lord Captain Commander General Mister Madam".split())
_GREETING_NAME = re.compile(
    r"\b(?P<greeting>(?i:hello|hi|hey|thanks|thank\s+you|yes|no|okay|sorry|goodbye|bye|please|"
    r"good\s+morning|good\s+night|morning|night|welcome|come\s+on|listen|look|wait|stop))"
    r"[ \t]+(?P<name>[A-Z][a-z][\w'\u2019]*)(?=[,.!?\u2026\"\u201d]|\s*$)"
)
# "Thank you Wren." -- but not the question "You Mackey?" (are you Mackey?)
_YOU_NAME = re.compile(
    r"\b(?P<greeting>(?i:you))[ \t]+(?P<name>[A-Z][a-z][\w'\u2019]*)(?=[.!\u2026\"\u201d])"
)


# Tag verbs that are also actions: '"Fine." She laughed, a short ugly sound.' is a beat.
_ACTION_VERBS = frozenset(
    "laughed laughs sighed sighs breathed breathes cried cries spat spits teased teases "
    "offered offers".split()
)
# '"I'm fine." She said.' -- a tag after a full stop: the speech should end with a comma.
# A pronoun or a capitalised name, a tag verb, then the end of the tag (a full stop, a
# comma, an adverb, "to her"): "She said nothing." or "He said it was late" stay alone.
_FULL_STOP_TAG = re.compile(
    r"(?P<stop>\.)(?P<q>[\"\u201d'\u2019])[ \t]+(?P<who>He|She|They|We|I|You|[A-Z][a-z][\w'\u2019-]*)"
    r"[ \t]+(?P<verb>" + "|".join(sorted(TAG_VERBS - _ACTION_VERBS)) + r")\b"
    r"(?=[ \t]*[.,;]|[ \t]+\w+ly[.,]|[ \t]+(?:again|softly|to\s+(?:her|him|them|me|us))\b)"
)
# Words that open a sentence inside speech and cannot follow a name as its verb: a name
# before them, without a comma, is addressed ("Kit don't eat all of them").
_AFTER_ADDRESS = (
    r"I|I'm|I've|I'll|I'd|you|you're|you've|you'll|we|we're|we'll|it's|it|this|that's|"
    r"there's|don't|do|let|let's|stop|come|look|get|go|wait|listen|please|help|hold|give|"
    r"tell|take|sit|stay|run|move|leave|put|keep|try|watch|plot|shut|eat|drink|hurry|"
    r"open|close|turn|pass|grab|bring|follow|quick|calm|breathe|focus|enough|remember|"
    r"forget|trust|be|make|answer|say|talk|read|write|call|check|someone's|somebody's|"
    r"everyone's|everybody's|nobody's|he's|she's|they're|they've|we've"
)
_AFTER_ADDRESS = "|".join(sorted(_AFTER_ADDRESS.split("|"), key=len, reverse=True))
_NAME_FIRST = re.compile(
    r"(?:^|(?<=[\"\u201c'\u2018])|(?<=[.!?][ \t]))(?P<name>(?:(?:Mr|Mrs|Ms|Miss|Dr|Mister)\.?[ \t]+)?"
    r"[A-Z][a-z][\w\u2019'-]*)[ \t]+(?P<next>(?:" + _AFTER_ADDRESS + r"))\b"
)
# "Sit down Gem." "Drive me home Marchetti." "Write soon Hattie." -- a name after an
# adverb or particle at the end of a sentence in speech is addressed.
_NAME_LAST = re.compile(
    r"\b(?P<before>(?i:down|up|now|soon|home|here|there|again|please|tomorrow|tonight|back|"
    r"away|already|yet|too|out|off|over|inside|later|anyway|yes|no))[ \t]+"
    r"(?P<name>(?:(?:Mr|Mrs|Ms|Miss|Dr|Mister)\.?[ \t]+)?[A-Z][a-z][\w\u2019'-]*)"
    r"(?=[,.!?\u2026\"\u201d'\u2019]|\s*$)"
)


def full_stop_tags(paragraph: ParagraphText, settings: FictionSettings) -> list[Finding]:
    """``"Not good." He said.``: a tag after speech that ended with a full stop."""
    out = []
    for match in _FULL_STOP_TAG.finditer(paragraph.text):
        who = match.group("who")
        if who.lower() not in _SUBJECTS and not _probably_name(paragraph, who, settings):
            continue
        start, end = match.start("stop"), match.end("who")
        text = paragraph.text[start:end]
        fixed = "," + match.group("q") + " " + (who if who not in ("He", "She", "They", "We", "You") else who.lower())
        out.append(finding("fiction.tag-full-stop", start, end, (fixed,), text=text))
    return out


def _is_adverb(word: str) -> bool:
    return word.islower() and word.endswith("ly") and len(word) > 4 and word not in _NOT_ADVERBS


def tag_adverbs(paragraph: ParagraphText, settings: FictionSettings) -> list[Finding]:
    """``said softly``, ``told her quietly``, ``softly said``: narration next to dialogue."""
    if not paragraph.dialogue:
        return []
    tokens = paragraph.narration_tokens()
    out: list[Finding] = []
    for k, token in enumerate(tokens):
        if token.text.lower() not in TAG_VERBS:
            continue
        after = tokens[k + 1 : k + 3]
        if after and (after[0].text.lower() in _OBJECTS or is_capitalised(after[0].text)):
            after = after[1:]
        candidates = [t for t in after[:1] if _adjacent(paragraph, token, t)]
        if k > 1 and _adjacent(paragraph, tokens[k - 1], token) and _subject(tokens[k - 2]):
            candidates.append(tokens[k - 1])
        for adverb in candidates:
            if _is_adverb(adverb.text):
                start, end = min(token.start, adverb.start), max(token.end, adverb.end)
                text = paragraph.text[start:end]
                out.append(finding("fiction.tag-adverb", start, end, text=text))
    return out


def _subject(token: Token) -> bool:
    return token.text.lower() in _SUBJECTS or is_capitalised(token.text)


def _adjacent(paragraph: ParagraphText, first: Token, second: Token) -> bool:
    """Only spaces (and at most one object word) stand between the two tokens."""
    gap = paragraph.text[first.end : second.start]
    return bool(re.fullmatch(r"[ \t]+(?:\w+[ \t]+)?", gap))


def tag_new_sentence(paragraph: ParagraphText, settings: FictionSettings) -> list[Finding]:
    out: list[Finding] = []
    for match in _TAG_THEN_NEW.finditer(paragraph.text):
        if re.search(r"(?:^|[\s,])(?:and|but|then|so)\s", match.group("tag"), re.IGNORECASE):
            continue  # narration goes on ("..., and Priya had said, "Mm-hm"): a new quote
        word = match.group("word")
        continues = word in _I_FORMS or word in _TITLES or _probably_name(paragraph, word, settings)
        if match.group("end") == "," and continues:
            continue  # "Well," she said, "I think so." / "..., Clarke is here." may go on
        start, end = match.start("comma"), match.end("word")
        replacement = ". " + match.group("q2") + word
        out.append(finding("fiction.tag-new-sentence", start, end, (replacement,), word=word))
    return out


def _probably_name(paragraph: ParagraphText, word: str, settings: FictionSettings) -> bool:
    if word in settings.names:
        return True
    return any(
        t.bare == word and t.start not in paragraph.sentence_openers for t in paragraph.tokens
    )


def vocative_comma(paragraph: ParagraphText, settings: FictionSettings) -> list[Finding]:
    out: list[Finding] = []
    seen: set[int] = set()  # names already flagged: "Thank you Wren" is not also "you Wren"
    for pattern in (_GREETING_NAME, _YOU_NAME, _NAME_FIRST, _NAME_LAST):
        for match in pattern.finditer(paragraph.text):
            if pattern in (_NAME_FIRST, _NAME_LAST) and not _addressed_name(
                match.group("name"), settings
            ):
                continue
            if match.start("name") in seen or not paragraph.in_dialogue(match.start()):
                continue
            if match.group("name") in _CALENDAR:
                continue  # "See you Monday."
            seen.add(match.start("name"))
            text = match.group()
            if pattern is _NAME_FIRST:
                fixed = f"{match.group('name')}, {match.group('next')}"
            elif pattern is _NAME_LAST:
                fixed = f"{match.group('before')}, {match.group('name')}"
            else:
                fixed = f"{match.group('greeting')}, {match.group('name')}"
            out.append(
                finding(
                    "fiction.vocative-comma",
                    match.start(),
                    match.end(),
                    (fixed,),
                    text=text,
                    fixed=fixed,
                )
            )
    return out


def _addressed_name(name: str, settings: FictionSettings) -> bool:
    """A name the project knows (its dictionary and name candidates), or one after a title."""
    bare = name.split()[-1]
    return bare in settings.names or name != bare
