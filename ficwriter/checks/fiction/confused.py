"""Commonly confused words in context: real words a spell-checker passes, used wrongly.

Each entry is a pattern that matches only where the context makes the word wrong, with the
wrong word in the group ``w``. The list is curated, not guessed: a pattern that could match
correct English ("to loose an arrow", "to effect a change", "your very own", "it's way too
late", "more people that she knew") is narrowed until it does not. When in doubt an entry
stays out, because a false alarm here is marked as an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ficwriter.checks.fiction.rules import finding
from ficwriter.checks.fiction.settings import FictionSettings
from ficwriter.checks.fiction.text import ParagraphText
from ficwriter.checks.issue import Finding

_Q = "['\u2019]"  # either apostrophe
# Comparatives that are not also adverbs of time or motion ("closer then stopped",
# "easier then" = at that time), followed by what a comparison compares with.
_COMPARATIVES = (
    "better|worse|other|larger|smaller|bigger|older|younger|taller|shorter|stronger|"
    "weaker|greater|smarter|wiser|louder|quieter"
)
_THAN_OBJECT = (
    r"I|you|he|she|we|they|it|me|him|her|us|them|anyone|anything|anybody|ever|usual|"
    r"before|expected|the|a|an|his|their|my|your|our|that|this|those|these"
)
_SUBJECT = r"(?:I|you|he|she|we|they|it|anyone|anybody|everyone|any\s+of\s+us)"
_MODAL = r"(?:to|will|would|could|can|might|must|should|shall|don't|didn't|won't|not|never|gonna)"
_HEEL_OF = r"(?:her|his|their|my|your|the|its)\s+(?:hands?|palms?|boots?|shoes?|feet|foot)\b"


@dataclass(frozen=True)
class Confusion:
    pattern: re.Pattern[str]
    suggestion: str
    reason: str
    keys: tuple[str, ...]  # one of these must occur (lowercased) for the pattern to match

    def finditer(self, text: str, lowered: str) -> Iterator[re.Match[str]]:
        """Matches in ``text``; ``lowered`` (its lowercase) lets most entries skip at once."""
        if any(key in lowered for key in self.keys):
            yield from self.pattern.finditer(text)


_WRONG_GROUP = re.compile(r"\(\?P<w2?>([^)]*)\)")


def _entry(pattern: str, suggestion: str, reason: str, flags: int = re.IGNORECASE) -> Confusion:
    """An entry; the plain words of its ``w`` group become its quick pre-check keys."""
    keys = tuple(
        re.sub(r".\?", "", word).split("'")[0].lower()  # heals? -> heal, who's -> who
        for group in _WRONG_GROUP.findall(pattern)
        for word in group.split("|")
    )
    return Confusion(re.compile(pattern.replace("'", _Q), flags), suggestion, reason, keys)


CONFUSIONS: tuple[Confusion, ...] = (
    _entry(
        rf"\b(?:(?:more|less|fewer|rather)(?:\s+\w+){{0,2}}?|{_COMPARATIVES})\s+(?P<w>then)\s+"
        rf"(?:{_THAN_OBJECT})\b",
        "than",
        "after a comparative",
    ),
    _entry(
        r"\b(?:easier|harder|better|worse|safer|simpler|quicker|kinder|wiser|smarter|"
        r"(?:more|less)\s+\w+)\s+to\s+[^.!?;:,\"\u201c\u201d]{1,60}?"
        r"(?<!\band)(?<!\bbut)(?<!\bor)(?<!\bby)(?<!\buntil)(?<!\beven)(?<!\bjust)"
        r"(?<!\bonly)(?<!\bright)(?<!\bback)(?<!\bsince)\s(?P<w>then)\s+"
        r"(?:one|ones|anyone|anything|to|ever|usual|I|you|he|she|we|they)\b",
        "than",
        "ends a comparison (‘easier to … than …’)",
    ),
    _entry(
        r"(?:\bwould|'d)\s+rather\s+(?:\w+\s+){1,3}?(?P<w>then)\b(?!\s*,)",
        "than",
        "after ‘would rather’",
    ),
    _entry(
        rf"\b(?:more|less|fewer|rather)\s+(?:\w+\s+){{1,3}}(?P<w>that)\s+{_SUBJECT}\s+"
        r"(?:could|can|would|had|has|have|ever|will)(?:\s+(?:ever|possibly|even))?\s+"
        r"(?:count|imagine|bear|stand|handle|remember|recall|believe|afford|manage|expected|"
        r"hoped|realized|realised|known|ever)\b",
        "than",
        "compares, so it needs ‘than’",
    ),
    _entry(
        r"\b(?:more|less|fewer|rather|better|worse)\s+(?P<w>that)\s+"
        r"(?:ever|usual|before|anyone|anything|expected)\b",
        "than",
        "after a comparative",
    ),
    _entry(
        r"\b(?P<w>your)\s+(?:not|gonna|kidding|lying|sure|wrong|welcome[.,!?]|right[.,!?])",
        "you're",
        "is a possessive, but here it means ‘you are’",
    ),
    _entry(r"\b(?P<w>you're)\s+own\b", "your", "means ‘you are’, but here a possessive is needed"),
    _entry(
        r"\b(?P<w>its)\s+(?:a|an|the|not|been|going|gonna|okay|fine|too|so)\b(?!-)",
        "it's",
        "is a possessive, but here it means ‘it is’",
    ),
    _entry(
        r"\b(?P<w>it's)\s+(?:own|tail|wings|jaws|trunk|branches|leaves|fur|paws|hinges|contents)\b",
        "its",
        "means ‘it is’, but here a possessive is needed",
    ),
    _entry(
        rf"\b{_MODAL}\s+(?:\w+ly\s+)?(?P<w>loose)\b(?!\s+(?:an?|the|his|her|their|my|another)"
        r"\s+(?:arrows?|bolts?|shafts?|hounds|dogs|shot))(?!-)",
        "lose",
        "means not tight; to fail to keep something is ‘lose’",
    ),
    _entry(
        r"\b(?:came|come|comes|coming|broke|break|breaks|breaking|cut|set|let|hung|shook|"
        r"worked|shaken|pulled)\s+(?P<w>lose)\b",
        "loose",
        "is to fail to keep; not tight is ‘loose’",
    ),
    _entry(
        r"\b(?:an|any|no|side|desired|lasting|calming|full|opposite|little)\s+(?P<w>affect)\b",
        "effect",
        "is the verb; the noun is ‘effect’",
    ),
    _entry(
        r"\b(?:was|were|been|be|is|are|deeply|greatly)\s+(?P<w>effected)\s+by\b",
        "affected",
        "means brought about; influenced is ‘affected’",
    ),
    _entry(
        r"\b(?P<w>effects?)\s+(?:me|him|her|us|them|you)\b(?!\s+(?:to|and))",
        "affect",
        "is the noun; to influence is ‘affect’",
    ),
    _entry(
        r"\b(?P<w>who's)\s+(?:name|eyes|face|hands?|voice|mother|father|life|fault|job|turn|"
        r"idea|house|blood|heart|body|side)\b",
        "whose",
        "means ‘who is’, but here a possessive is needed",
    ),
    _entry(
        r"\b(?P<w>whose)\s+(?:there|here|going|coming|gonna)\b",
        "who's",
        "is a possessive, but here it means ‘who is’",
    ),
    _entry(r"\b(?P<w>there)\s+own\b", "their", "is a place; the possessive is ‘their’"),
    _entry(
        r"\b(?P<w>their)\s+(?:is|are|was|were|isn't|wasn't|aren't|weren't|must\s+be|might\s+be)\b",
        "there",
        "is a possessive; ‘there is’ is meant",
    ),
    _entry(r"\b(?P<w>they're)\s+own\b", "their", "means ‘they are’; the possessive is ‘their’"),
    _entry(
        r"\b(?:had|has|have|was|were|been)\s+(?P<w>lead)\b(?!\s+(?:pipes?|poisoning|singer|"
        r"role|paint|weights?|actor|actress|character|investigator|detective)\b)",
        "led",
        "is the metal or the present tense; the past of ‘to lead’ is ‘led’",
    ),
    _entry(
        rf"\b(?:had|has|have|{_SUBJECT})\s+(?P<w>past)\s+(?:the|her|him|them|it|by|me|us|a)\b",
        "passed",
        "is not a verb; the verb is ‘passed’",
    ),
    _entry(
        r"\b(?:walked|ran|went|drove|rode|hurried|stepped|slipped|rushed|raced|flew|"
        r"glanced|stared|pushed|brushed|shoved|squeezed|strode|swept)\s+(?P<w>passed)\b",
        "past",
        "is a verb; going by something is ‘past’",
    ),
    _entry(
        r"\b(?:can't|cannot|couldn't|could|can|not|no\s+longer|to)\s+(?P<w>bare)\s+"
        r"(?:to|it|the\s+thought|watching|looking|seeing|hearing|thinking|being)\b",
        "bear",
        "means uncovered; to endure is ‘bear’",
    ),
    _entry(
        rf"\b(?P<w>heals)\s+of\s+{_HEEL_OF}",
        "heels",
        "means cures; the backs of hands or feet are ‘heels’",
    ),
    _entry(
        rf"\b(?P<w>heal)\s+of\s+{_HEEL_OF}",
        "heel",
        "means to cure; the back of the hand or foot is the ‘heel’",
    ),
    _entry(
        r"\b(?:to|not|didn't|never|without|would|could|began\s+to)\s+(?P<w>waiver)\b"
        r"|\b(?P<w2>waivered|waivering)\b",
        "waver",
        "is a legal release; to falter is ‘waver’",
    ),
    _entry(
        r"(?<!was )(?<!were )(?<!been )(?<!be )(?<!is )\b(?P<w>laid)\s+(?:down\s+)?"
        r"(?:on|in|there|still|awake|beside|next\s+to)\s+(?!wait\b)",
        "lay",
        "needs an object; to recline, the past is ‘lay’",
    ),
    _entry(
        r"\b(?:could|would|should|must|might)\s+(?P<w>of)\b(?!\s+course)",
        "have",
        "after a modal verb is heard as ‘’ve’ and written ‘have’",
    ),
    _entry(
        rf"\b(?:{_MODAL}|couldn't|can't|cannot)\s+(?:\w+ly\s+)?(?P<w>breath)\b",
        "breathe",
        "is the noun; the verb is ‘breathe’",
    ),
    _entry(
        r"\b(?:a|deep|the|her|his|my|their|your|long|sharp|shaky|shuddering|ragged|last|"
        r"calming|steadying)\s+(?P<w>breathe)\b",
        "breath",
        "is the verb; the noun is ‘breath’",
    ),
    _entry(
        r"\b(?P<w>peaked|peeked)\s+(?:her|his|their|my|your|our)\s+(?:interest|curiosity)\b",
        "piqued",
        "means reached a top or glanced; to stir interest is ‘piqued’",
    ),
    _entry(
        r"\b(?:a|take|took|taking|takes|sneak|sneaked|snuck|quick)\s+(?P<w>peak)\b",
        "peek",
        "is a summit; a quick look is a ‘peek’",
    ),
    _entry(r"\bfree\s+(?P<w>reign)\b", "rein", "is to rule; ‘free rein’ comes from horses"),
    _entry(r"\b(?P<w>reigned)\s+(?:in|herself|himself|themselves)\b", "reined",
           "means ruled; holding back is ‘reined in’"),
    _entry(r"\b(?:caught|catch|catching|lost|lose|out\s+of)\s+(?P<w>site)\b", "sight",
           "is a place; seeing is ‘sight’"),
    _entry(
        r"\b(?:walk|walked|go|went|run|ran|come|came|look|looked|push|pushed|break|broke|"
        r"burst|step|stepped|get|got|peer|peered|cut|tore|sliced|shot)\s+(?P<w>threw)\b",
        "through",
        "is the past of ‘throw’; here ‘through’ is meant",
    ),
    _entry(r"\b(?P<w>weather)\s+or\s+not\b", "whether", "is the sky's mood; ‘whether or not’"),
    _entry(
        r"\b(?:was|is|were|are|be|it's|far|way|much|all)\s+(?P<w>to)\s+(?:much|many|late|soon|"
        r"far|tired|heavy|often|early)\b",
        "too",
        "before an adjective of degree is ‘too’",
    ),
    _entry(r"\b(?:out|read|said|spoke|laughed|wondered)\s+(?P<w>allowed)\b", "aloud",
           "means permitted; spoken is ‘aloud’"),
)


def _cased(suggestion: str, wrong: str) -> str:
    return suggestion[0].upper() + suggestion[1:] if wrong[:1].isupper() else suggestion


def confused_words(paragraph: ParagraphText, settings: FictionSettings) -> list[Finding]:
    out: list[Finding] = []
    seen: set[int] = set()
    lowered = paragraph.text.lower()
    for entry in CONFUSIONS:
        for match in entry.finditer(paragraph.text, lowered):
            group = "w" if match.group("w") is not None else "w2"
            start, end = match.span(group)
            if start in seen:
                continue
            seen.add(start)
            wrong = match.group(group)
            suggestion = _cased(entry.suggestion, wrong)
            out.append(
                finding(
                    "fiction.confused-word",
                    start,
                    end,
                    (suggestion,),
                    text=wrong,
                    reason=entry.reason,
                    suggestion=suggestion,
                )
            )
    return out
