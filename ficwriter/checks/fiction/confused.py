"""Commonly confused words in context: real words a spell-checker passes, used wrongly.

Each entry is a pattern that matches only where the context makes the word wrong, with the
wrong word in the group ``w``. The list is curated, not guessed: a pattern that could match
correct English ("to loose an arrow", "to effect a change", "your very own", "it's way too
late", "more people that she knew") is narrowed until it does not. When in doubt an entry
stays out, because a false alarm here is marked as an error.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
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
_MODAL = (
    r"(?:to|will|would|could|can|might|must|should|shall|don't|didn't|won't|not|never|gonna|"
    r"can't|cannot|couldn't|wouldn't|shouldn't|'d|'ll)"
)
_HEEL_OF = r"(?:her|his|their|my|your|the|its)\s+(?:hands?|palms?|boots?|shoes?|feet|foot)\b"


# Prepositions: a plural after one is not the subject ("the bruise along his ribs was").
_PREPOSITIONS = (
    "of in on at by for with from under over along behind near to about between among "
    "through across around beside against without into onto like past inside"
).split()


Fix = Callable[[str], str]  # the wrong text -> its correction


@dataclass(frozen=True)
class Confusion:
    pattern: re.Pattern[str]
    correction: str | Fix  # the right word, or how to correct the one matched
    reason: str
    keys: tuple[str, ...]  # one of these must occur (lowercased) for the pattern to match

    def fix(self, wrong: str) -> str:
        """What ``wrong`` becomes: a suggestion is applied as it is, so it is never a hint."""
        fixed = self.correction if isinstance(self.correction, str) else self.correction(wrong)
        return fixed[0].upper() + fixed[1:] if wrong[:1].isupper() else fixed

    def finditer(self, text: str, lowered: str) -> Iterator[re.Match[str]]:
        """Matches in ``text``; ``lowered`` (its lowercase) lets most entries skip at once."""
        if any(key in lowered for key in self.keys):
            yield from self.pattern.finditer(text)


_WRONG_GROUP = re.compile(r"\(\?P<w2?>([^)]*)\)")


def _entry(
    pattern: str, correction: str | Fix, reason: str, flags: int = re.IGNORECASE
) -> Confusion:
    """An entry; the plain words of its ``w`` group become its quick pre-check keys."""
    keys = tuple(
        # heals? -> heal, who's -> who, any\s+way -> any
        re.match(r"[^\\(\[]*", re.sub(r".\?", "", word).split("'")[0]).group().lower()
        for group in _WRONG_GROUP.findall(pattern)
        for word in group.split("|")
    )
    return Confusion(re.compile(pattern.replace("'", _Q), flags), correction, reason, keys)


# Corrections that depend on the word matched. Each keeps the writer's apostrophe where the
# wrong text has one.


def _joined(wrong: str) -> str:
    """'some how' -> 'somehow'."""
    return "".join(wrong.split())


_SPLIT = {
    "alot": "a lot", "infact": "in fact", "incase": "in case", "atleast": "at least",
    "eachother": "each other", "noone": "no one",
}


def _split(wrong: str) -> str:
    """'alot' -> 'a lot'."""
    return _SPLIT[wrong.lower()]


def _apostrophe_s(wrong: str) -> str:
    """'whats' -> 'what's'."""
    return wrong[:-1] + "'s"


def _moved_apostrophe(wrong: str) -> str:
    """'did'nt' -> 'didn't'."""
    return wrong[:-3] + "n" + wrong[-3] + "t"


_IRREGULAR_PARTICIPLES = {"forget": "forgotten", "stop": "stopped", "plan": "planned", "try": "tried"}


def _participle(wrong: str) -> str:
    """'had want to' -> 'had wanted to' (the verbs of that entry, all regular but these)."""
    if wrong.lower() in _IRREGULAR_PARTICIPLES:
        return _IRREGULAR_PARTICIPLES[wrong.lower()]
    return wrong + ("d" if wrong.endswith("e") else "ed")


_SIMPLE_PAST = {
    "taken": "took", "seen": "saw", "done": "did", "eaten": "ate", "written": "wrote",
    "given": "gave", "spoken": "spoke", "broken": "broke", "chosen": "chose", "driven": "drove",
    "ridden": "rode", "fallen": "fell", "forgotten": "forgot", "shown": "showed",
    "thrown": "threw", "drawn": "drew", "flown": "flew", "stolen": "stole", "woken": "woke",
    "bitten": "bit", "beaten": "beat",
}


def _simple_past(wrong: str) -> str:
    """'she taken the' -> 'she took the'."""
    return _SIMPLE_PAST[wrong.lower()]


_PLURAL_VERBS = {"was": "were", "doesn't": "don't", "wasn't": "weren't", "hasn't": "haven't"}


def _plural_verb(wrong: str) -> str:
    """'the boys was' -> 'the boys were'."""
    plain = wrong.lower().replace("\u2019", "'")
    fixed = _PLURAL_VERBS[plain]
    return fixed.replace("'", "\u2019") if "\u2019" in wrong else fixed


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
        r"(?:(?:very|perfectly|completely|quite)\s+)?(?:on|in|there|still|awake|beside|next\s+to)"
        r"(?:\s+|[.,;!?])(?!wait\b)",
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
    # -- more confusables in context ------------------------------------------------
    _entry(
        r"\b(?P<w>your)\s+(?:so|still|always|never|just|really|being|doing|going|joking|"
        r"talking|mad|crazy|late|early|insane|serious|in|at|on|here|there|back|home)\b(?!-)"
        r"(?!\s+(?:own|way|turn|place|time)\b)",
        "you're",
        "is a possessive, but here it means ‘you are’",
    ),
    _entry(
        r"(?:^|[.!?]\s+|[\"“‘]\s*)(?P<w>Their)\s+(?:all|not|so|too|very|just|really|going|"
        r"coming|here|there|gone|always|never|still|both|fine|smarter|\w+er\s+than)\b",
        "They're",
        "is a possessive; ‘they are’ is meant",
        0,
    ),
    _entry(
        r"\b(?:and|but|because|so)\s+(?P<w>there|their)\s+(?!(?:never|ever|other|over|"
        r"under|after|together|rather|either|neither|whether|longer)\b)\w{3,}er\s+than\b",
        "they're",
        "compares them, so ‘they are’ is meant",
    ),
    _entry(
        r"\b(?:went|go|goes|going|gone|get|got|been|stay|stayed|live|lived|sat|stood|"
        r"left\s+(?:it|them|him|her|(?:the|a|his|her|my|our|their)\s+\w+))"
        r"\s+(?P<w>their)\b(?=\s*[.,!?;]|\s+(?:once|before|again|yesterday|today|tonight|"
        r"alone|first|for|with|at|and|but|too|already|anymore|every|when|because|last|now|"
        r"after|until|together)\b)",
        "there",
        "is a possessive; the place is ‘there’",
    ),
    _entry(
        r"\b(?:was|were|is|are|be|been)\s+(?P<w>their)\b(?=\s*[.,!?;]|\s+(?:when|before|again|"
        r"yesterday|today|tonight|already|anymore|now|until|too)\b)",
        "there",
        "is a possessive; ‘whatever light was there when’ is a place",
    ),
    _entry(
        r"\b(?:was|is|were|are|be|been|being|seemed|looked|felt|got|get|he's|she's|it's|"
        r"he|she|too|I'm|you're|and|far|way|much|just|,)\s+(?P<w>to)\s+(?:important|late|early|soon|young|old|stubborn|fond|big|small|"
        r"tired|good|bad|hot|cold|busy|scared|afraid|proud|loud|quiet|heavy|high|low|deep|"
        r"dark|bright|weak|strong|sweet|kind|nice|happy|sad|angry|drunk|sick|expensive|"
        r"cheap|dangerous|short|tall|adorable|beautiful|pretty|smart|stupid|hard|easy|"
        r"soft|slow|fast|close|long)\b(?=\s*[.,!?;:]|\s+(?:for|to|of|now)\b)",
        "too",
        "before an adjective of degree is ‘too’",
    ),
    _entry(
        r"[\"“‘]\s*(?P<w>to)\s+(?:\w+\s+)?(?:adorable|late|much|early|soon|far|bad|good)[.!?]",
        "too",
        "before an adjective of degree is ‘too’",
    ),
    _entry(
        r"\b(?:in|for|past|last|about|nearly|almost|only|just|first|next)\s+(?P<w>to)\s+"
        r"(?:years|days|weeks|months|hours|minutes|seconds|nights|decades)\b",
        "two",
        "counts, so the number ‘two’ is meant",
    ),
    _entry(
        r"\b(?:meaning|going|want|wanted|have|has|had|need|needed|trying|tried|supposed|"
        r"ought|able|used|wanting|hoping)\s+(?P<w>too)\b(?=\s*[,.;!?]|\s+(?:and|but|go|be|see|"
        r"do|get|make|know|say|take|come|find|give|tell|think|leave|stay|help|keep|try|ask|"
        r"work|talk|eat|sleep|have|hear|buy|win|kiss|cry|run|stop|wait)\b)",
        "to",
        "leads to a verb left unsaid, so ‘to’ is meant",
    ),
    _entry(
        r"\b(?P<w>loosing)\b(?!\s+(?:an?|the|his|her|their)\s+(?:arrows?|bolts?|hounds|dogs))",
        "losing",
        "is letting fly; failing to keep is ‘losing’",
    ),
    _entry(
        r"\b(?:I|you|we|they|don't|didn't|doesn't|to|wouldn't|couldn't)\s+(?P<w>no)\b"
        r"(?=\s*[.,!?]|\s+(?:that|what|how|why|where|who|it|him|her|them|you|about|if|anything|"
        r"everything|much)\b)",
        "know",
        "is the negative; to be aware is ‘know’",
    ),
    _entry(
        r"\b(?:was|is|it's|were|are|be|been|not|looked|seemed|sounded)\s+(?P<w>quiet)\s+"
        r"(?:good|bad|nice|sure|right|well|enough|likely|possibly|clear|certain|true|different|"
        r"simple|small|big|large|lovely|brilliant|terrible|awful|beautiful|pretty|strong|sorry|"
        r"a\s+(?:lot|few|bit))\b",
        "quite",
        "means silent; ‘to a degree’ is ‘quite’",
    ),
    _entry(
        r"\b(?:the|a|this|that|my|his|her|their|our|your)\s+(?P<w>hole)\s+(?:valley|day|night|"
        r"world|thing|time|family|town|village|room|house|team|point|way|week|year|life|city|"
        r"school|place|story|street|body|country|crew|class|lot)\b",
        "whole",
        "is an opening; all of it is ‘whole’",
    ),
    _entry(
        r"\b(?:fell|falling|fall|jumped|jumping|slid|sliding|blew|blowing|rolled|rolling|"
        r"came|coming|climbed|climbing|stepped|got|wind\s+\w+)\s+(?P<w>of)\s+(?:the|his|her|"
        r"my|a|their)\s+(?:hills?|roof|table|bed|cliff|wall|ledge|bridge|boat|horse|bike|"
        r"chair|stairs|edge|sea|water|lake|river|shelf|ship|train|bus|plane|moors?|mountains?)\b",
        "off",
        "belongs to something; away from it is ‘off’",
    ),
    _entry(
        r"\b(?:go|goes|going|went|gone|walk|walked|walking|run|ran|running|drive|drove|driving|"
        r"got\s+\w+|get\s+\w+|come|came|coming|hurry|hurried|slip|slipped|move|moved|race|"
        r"raced|sped|speed|fly|flew)\s+(?P<w>passed)\s+(?!away\b|out\b)",
        "past",
        "is a verb; going by something is ‘past’",
    ),
    _entry(
        r"\b(?:I|you|he|she|we|they)\s+(?P<w>past)\s+(?:away|out)\b"
        r"|\b(?P<w2>past)\s+(?:her|his|my|their|your|the)\s+(?:driving\s+)?(?:test|exams?)\b",
        "passed",
        "is not a verb; the verb is ‘passed’",
    ),
    _entry(
        r"\b(?:my|your|his|her|their|our|the)\s+(?P<w>stationary)\b(?=\s*[.,!?;]|\s+(?:cupboard|"
        r"drawer|shop|supplies|set|box|cabinet|and|is|was)\b)",
        "stationery",
        "means not moving; paper and pens are ‘stationery’",
    ),
    _entry(
        r"\b(?:very|so|really|quite|most|more|less|extremely|highly)\s+(?P<w>affective)\b",
        "effective",
        "is about feelings; working well is ‘effective’",
    ),
    _entry(
        r"\b(?:to|doesn't|don't|didn't|won't|will|would|wouldn't|can't|cannot|could|couldn't|"
        r"must|should|never|'ll)\s+(?P<w>except)\s+(?!for\b)",
        "accept",
        "means leaving out; to take or agree is ‘accept’",
    ),
    _entry(
        r"\b(?:everyone|everybody|everything|anyone|anything|nothing|nobody|world|all)\s+"
        r"(?P<w>accept)\s+(?:for\s+)?(?:(?:a|an|the|me|him|her|them|us|you|my|his|their)\b|"
        r"\w+\s+(?:had|has|was|were|is|came|left|went|stayed|knew)\b)",
        "except",
        "is to take; leaving out is ‘except’",
    ),
    _entry(
        r"\b(?:to|can|could|will|would|must|should|'ll|'d|might)\s+(?P<w>council)\b"
        r"|\b(?:me|us)\s+(?P<w2>council)\s+(?:you|him|her|them)\b",
        "counsel",
        "is a body of people; to advise is ‘counsel’",
    ),
    _entry(
        r"\b(?P<w>principle)\s+(?:purpose|reason|cause|aim|goal|character|actor|dancer|source|"
        r"concern|role|object|objection|part|player|investor|owner|residence|witness)\b",
        "principal",
        "is a rule or belief; the main one is ‘principal’",
    ),
    _entry(
        r"(?<!the )(?<!this )(?<!bad )(?<!good )(?<!fine )(?<!nice )(?<!of )(?<!in )"
        r"\b(?P<w>weather)\s+(?:it|he|she|they|we|I|you|to|there|or|'|\"|‘|“)",
        "whether",
        "is the sky's mood; ‘if’ is ‘whether’",
    ),
    _entry(
        r"\b(?P<w>brake)\s+(?:your|his|her|my|the|their|our)\s+(?:fingers?|arms?|legs?|necks?|"
        r"hearts?|noses?|promises?|rules?|news|silence|window|glass|bones?|spirit|word)\b"
        r"|\b(?P<w2>brake)\s+(?:up|free|into|out|apart|loose|down\s+(?:in|and))\b",
        "break",
        "is what stops a wheel; to smash or end is ‘break’",
    ),
    _entry(
        r"\b(?:to|don't|didn't|can't|couldn't|won't|will|would|could|should|'ll|never|not|"
        r"gonna|wanna)\s+(?P<w>by)\s+(?!the\s+way|then|now|myself|yourself|himself|herself|"
        r"themselves|ourselves|accident|mistake|far|chance|hand|heart|any|no|much|a\s+lot|"
        r"tomorrow|tonight|morning|night|noon|midnight|\d)(?:a|an|the|some|any|more|it|them|"
        r"\w+s)\b",
        "buy",
        "is a preposition; to pay for is ‘buy’",
    ),
    _entry(
        r"\b(?:was|were|is|are|be|been|am|'m|'re|'s|keep|kept|just|still|stop|stopped)\s+"
        r"(?P<w>laying)\s+(?:on|in|there|here|awake|down|still|back|beside|next|under|"
        r"against|face|flat|around|about)\b",
        "lying",
        "needs an object; to recline is ‘lying’",
    ),
    _entry(
        r"\b(?:sneak|quick|can|could|just|'ll|will|to|dare|don't|didn't)\s+(?P<w>peak)\b"
        r"(?=\s*[.,!?]|\s+(?:at|if|inside|in|through|into|around|over|under|behind)\b)",
        "peek",
        "is a summit; a quick look is a ‘peek’",
    ),
    _entry(
        r"\b(?:curiou?s?ity|interest)\s+(?:was|had\s+been|is)\s+(?:\w+\s+){0,3}?(?P<w>peaked)\b",
        "piqued",
        "means reached a top; stirred interest is ‘piqued’",
    ),
    _entry(
        r"\b(?:her|his|their|my|your|our)\s+(?:new\s+|long\s+|short\s+|brief\s+)?(?P<w>rein)\b"
        r"(?!\s+(?:in|back|on)\b)",
        "reign",
        "is a strap for a horse; a ruler's time is a ‘reign’",
    ),
    # -- verb forms ---------------------------------------------------------------------
    _entry(
        r"(?<!\bdid )(?<!\bdidn't )(?<!\bdo )(?<!\bdoes )(?<!\bto )(?<!\bwill )(?<!\bcan )"
        r"(?<!\bcould )(?<!\bwould )(?<!\bmight )(?<!\bmust )(?<!\bshould )(?<!\bwhat )"
        r"\b(?:I|you|he|she|we|they|father|mother|grandmother|grandfather|grandma|grandpa|"
        r"dad|mum|mom|[A-Z][a-z]+)\s+(?P<w>use)\s+to\s+(?!be\s+used)[a-z]+",
        "used",
        "is the present; ‘used to’ tells of a habit in the past",
        0,
    ),
    _entry(
        r"\b(?:had|has|have|'ve|'d)\s+(?:ever\s+|never\s+|just\s+|already\s+|always\s+)?"
        r"(?P<w>manage|decide|want|need|try|start|stop|love|hate|live|work|ask|call|learn|"
        r"hope|plan|promise|agree|refuse|offer|wish|seem|pretend|forget|expect)\s+to\b",
        _participle,
        "after ‘had’/‘have’ the verb takes its past participle",
    ),
    _entry(
        r"(?<![,;] )\b(?:I|[Hh]e|[Ss]he|[Ww]e|[Tt]hey|[Yy]ou)\s+(?P<w>taken|seen|done|eaten|written|given|"
        r"spoken|broken|chosen|driven|ridden|fallen|forgotten|shown|thrown|drawn|flown|"
        r"stolen|woken|bitten|beaten)\s+(?:a|an|the|his|her|my|their|our|your|it|him|them|"
        r"me|us|off|out|up|down|away)\b",
        _simple_past,
        "is a past participle: it needs ‘had’ or ‘has’, or the simple past",
        0,
    ),
    _entry(
        r"\b(?P<w>\w+'nt)\b",
        _moved_apostrophe,
        "puts the apostrophe in the wrong place: it stands for the missing o (‘n't’)",
    ),
    _entry(
        r"\b(?P<w>wont)\s+(?:be|go|help|do|let|stop|work|hurt|last|take|come|say|tell|know|"
        r"see|get|make|listen|matter|happen|believe|leave|give|find|even|ever|you|I|he|she|we|"
        r"they|it)\b",
        "won't",
        "is a habit (‘as was her wont’); ‘will not’ is ‘won't’",
    ),
    _entry(r"\b(?P<w>whats|thats|theres|hows|whos|wheres)\b(?!-)", _apostrophe_s,
           "needs its apostrophe (‘what's’: what is)"),
    _entry(r"\b(?P<w>Lot's)\s+of\b", "Lots", "is a plural: no apostrophe"),
    # -- split and joined words --------------------------------------------------------
    _entry(r"\b(?:was|were|is|be|fell|fall|falls|falling|half|fast|lay)\s+(?P<w>a\s+sleep)\b",
           "asleep", "is one word"),
    _entry(r"\b(?P<w>every\s+thing)\b(?!\s+in\s+its)", "everything", "is one word"),
    _entry(r"\b(?P<w>some\s+(?:body|body's|thing|where|how))\b", _joined, "is one word"),
    _entry(r"\b(?P<w>(?:him|her|my|your|them|our|it)\s+(?:self|selves))\b(?!-)", _joined,
           "is one word"),
    _entry(r"\b(?P<w>with\s+out)\b(?!-)", "without", "is one word"),
    _entry(r"(?<!\bin )(?<!\bno )(?<!\beither )(?<!\bone )(?<!\bthe )(?<!\bsome )"
           r"(?<!\bevery )(?<!\bthat )(?<!\bthis )(?<!\bwhich )(?<!\bany )"
           r"\b(?P<w>any\s+way)\b(?=\s*[.,;!?])", "anyway", "is one word here"),
    _entry(r"\b(?:has|have|had|was|were|'ve|'d)\s+(?P<w>all\s+ready)\s+(?!to\b|for\b)\w+",
           "already", "is one word: ‘already’ (by now)"),
    _entry(r"\b(?P<w>alot|infact|incase|atleast|eachother|noone)\b", _split,
           "is two words"),
    # -- agreement ---------------------------------------------------------------------
    _entry(
        "".join(f"(?<!\\b{p} )" for p in _PREPOSITIONS)
        + r"\b(?:the|my|his|her|their|our|your|these|those|you|all|both)\s+(?:\w+\s+)?"
        r"(?!\w*(?:ss|us|is|ics|news|means|series|species)\b)[a-z]{3,}s\s+(?P<w>was|doesn't|"
        r"wasn't|hasn't)\b",
        _plural_verb,
        "the subject is plural",
    ),
    _entry(
        r"\b[Tt]here\s+(?P<w>was)\s+(?:more|several|many|two|three|four|five|six|seven|eight|"
        r"nine|ten|dozens|hundreds|thousands)\s+(?!\w*(?:ss|us|news)\b)[a-z]+s\b",
        "were",
        "the subject after it is plural",
    ),
    # -- real words for others ---------------------------------------------------------
    _entry(r"\b(?:is|was|it's|it\s+is|'s|are|were)\s+(?P<w>defiantly)\s+(?:not|a|an|the|going|"
           r"worth|true|right|wrong|better|worse)\b", "definitely",
           "means in defiance; for certain is ‘definitely’"),
    _entry(r"\b(?:I|you|he|she|we|they|have|had|has|never|'ve|'d)\s+(?P<w>though)\s+(?:about|"
           r"of|that|possible|so|I|you|he|she|we|they|it)\b", "thought",
           "is ‘although’; the past of ‘think’ is ‘thought’"),
    _entry(r"\b(?:very|so|really|too|be|being|get|got|getting|all|super|was|were|'m|'re|am|is|are)"
           r"\s+(?P<w>exited)\b(?!\s+(?:the|from|through|via|by)\b)", "excited",
           "means left; eager is ‘excited’"),
    _entry(r"\b(?:was|is|so|very|really|how|that's|it's)\s+(?P<w>exiting)\b(?=\s*[.,!?])",
           "exciting", "means leaving; thrilling is ‘exciting’"),
    _entry(r"\b(?:I|you|he|she|we|they|one)\s+(?P<w>aught)\s+to\b", "ought",
           "is ‘anything’ (archaic); ‘should’ is ‘ought’"),
    _entry(r"\b(?:a|and|was|were|is|not|more|less|very|so)\s+(?P<w>wiling)\b", "willing",
           "is to while away time; ready is ‘willing’"),
    _entry(r"\b(?P<w>layed)\b", "laid", "is not a word: the past of ‘lay’ is ‘laid’"),
    _entry(
        r"\b(?P<w>who's)\s+(?!going|coming|gonna|there|here|that|this|next|asking|been|got|"
        r"gotten|in|on|at|out|up|the|a|an|he|she|it|we|they|you|I)\w+\s+(?:that|this|is|was|"
        r"I|you|he|she|we|they|it)\b",
        "whose",
        "means ‘who is’, but here a possessive is needed",
    ),

)


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
            suggestion = entry.fix(wrong)
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
