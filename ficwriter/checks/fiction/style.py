"""Narration habits within one paragraph: echo words and filter words.

Both look at narration only by default: characters repeat themselves and say "I saw" on
purpose, and dialogue is the writer's record of how they talk.
"""

from __future__ import annotations

import re

from ficwriter.checks.fiction.rules import finding
from ficwriter.checks.fiction.settings import FictionSettings
from ficwriter.checks.fiction.text import ParagraphText, Token, is_capitalised
from ficwriter.checks.issue import Finding

# Function words and the commonest verbs of narration: their repeats are not echoes.
STOP_WORDS = frozenset(
    """
    a about above after again against all almost along already also although always am
    among an and another any anyone anything are around as at away back be became because
    become been before behind being below beside between both but by came can cannot could
    couldn't did didn't do does doesn't doing done don't down during each either else even
    ever every everything few for from get gets getting give given go goes going gone got
    had hadn't has hasn't have haven't having he he'd he's her here hers herself him
    himself his how however i i'd i'll i'm i've if in into is isn't it it's its itself
    just know knew least less let like little made make many may maybe me might more most
    much must my myself near need needed never no nor not nothing now of off often on once
    one only onto or other others our ours ourselves out over own perhaps quite rather
    really said same say says she she'd she's should shouldn't since so some someone
    something still such than that that's the their theirs them themselves then there
    there's these they they'd they're thing things this those though through thus till to
    together too toward towards under until up upon us very was wasn't way we we'd we're
    well were weren't what what's when where whether which while who whom whose why will
    with within without won't would wouldn't yet you you'd you're your yours yourself
    took take taken told tell asked looked look looking turned went come coming
    nobody everybody everyone someone somebody anybody none
    """.split()
)

_SUBJECTS = frozenset("i you he she we they it".split())
_BETWEEN = frozenset("could would had did just suddenly then also still barely only almost".split())
_PARALLEL_DEPTH = 3  # words into a sentence where a repeat reads as parallelism
_WORDS_ONLY = re.compile(r"[\w\s'\u2019]*")
_JOINERS = re.compile(r"^(?:\s*,\s*|\s+(?:and|or)\s+|\s*[-\u2014\u2013]\s*)$")


def _echo_key(token: Token) -> str | None:
    """Lowercase words only: names and sentence-initial words never echo."""
    word = token.bare.replace("\u2019", "'")
    return word if word.islower() and word not in STOP_WORDS else None


def _parallel(first: tuple[int, int], second: tuple[int, int]) -> bool:
    """The same early place in two sentences: anaphora ("She thought of X. She thought of Y")."""
    return first[0] != second[0] and first[1] == second[1] <= _PARALLEL_DEPTH


def echoes(paragraph: ParagraphText, settings: FictionSettings) -> list[Finding]:
    """The same content word again within ``echo_window`` words; the repeat is flagged.

    Deliberate doubling ("farther and farther", "really, really") and parallel sentence
    openings are left alone.
    """
    out: list[Finding] = []
    last_seen: dict[str, tuple[int, Token]] = {}
    for position, token in enumerate(paragraph.tokens):
        if not settings.echo_in_dialogue and paragraph.in_dialogue(token.start):
            continue
        key = _echo_key(token)
        if key is None or len(key) < settings.echo_min_length:
            continue
        previous = last_seen.get(key)
        last_seen[key] = (position, token)
        if previous is None:
            continue
        distance = position - previous[0]
        gap = paragraph.text[previous[1].end : token.start]
        if distance > settings.echo_window or _JOINERS.match(gap):
            continue
        if _parallel(paragraph.places[previous[0]], paragraph.places[position]):
            continue
        out.append(
            finding("fiction.echo", token.start, token.end, text=token.text, distance=distance)
        )
    return out


def filter_words(paragraph: ParagraphText, settings: FictionSettings) -> list[Finding]:
    """A filter verb right after its subject ("she felt", "Clarke noticed"), in narration."""
    verbs = {w.lower() for w in settings.filter_words}
    out: list[Finding] = []
    tokens = paragraph.tokens
    for k, token in enumerate(tokens):
        if token.text.lower() not in verbs or paragraph.in_dialogue(token.start):
            continue
        j = k - 1
        while j >= 0 and (tokens[j].text.lower() in _BETWEEN or tokens[j].text.endswith("ly")):
            j -= 1
        if j < 0 or not _WORDS_ONLY.fullmatch(paragraph.text[tokens[j].end : token.start]):
            continue  # punctuation between: not the verb's subject
        subject = tokens[j].text
        is_name = is_capitalised(subject) and subject.lower() not in STOP_WORDS
        if subject.lower() in _SUBJECTS or is_name:
            out.append(finding("fiction.filter-word", token.start, token.end, text=token.text))
    return out
