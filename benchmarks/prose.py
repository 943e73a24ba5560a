"""Generated fiction for the benchmarks: seeded, distinct paragraphs, narration and dialogue.

Repeating one chapter's paragraphs hides costs (the checker's cache answers the repeats),
so the speed benchmarks write their own prose: every paragraph is built from word lists by
a seeded random, sentences of varied length and shape, dialogue with tags and beats, a few
names the dictionary does not know and the odd slip a checker should catch - roughly what
a fanfiction chapter looks like to a spelling and grammar checker.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

NAMES = ["Maren", "Tobias", "Ilse", "Corwin", "Nadia", "Rook", "Elspeth", "Dario", "Wren",
         "Fenna", "Jory", "Talia", "Osric", "Brannagh", "Kestrel", "Aldous"]
PLACES = ["the harbour", "the kitchen", "the old mill", "the library", "the ridge", "the market",
          "the infirmary", "the courtyard", "the stables", "the lighthouse", "the bridge",
          "the back stairs", "the orchard", "the north road", "the workshop"]
NOUNS = ["door", "window", "lamp", "letter", "knife", "coat", "cup", "table", "map", "key",
         "rope", "boat", "wall", "fire", "rain", "wind", "book", "chair", "bell", "ledger",
         "lantern", "blanket", "bottle", "basket", "thread", "needle", "candle", "ring",
         "scarf", "satchel", "compass", "floorboard", "shutter", "kettle", "oar", "stone",
         "sleeve", "collar", "doorway", "staircase", "corridor", "crate", "bench", "blade"]
ABSTRACT = ["silence", "the truth", "the plan", "an answer", "the noise", "the cold",
            "the smell of smoke", "the last of the light", "her patience", "his nerve",
            "the argument", "the promise", "the debt", "the warning", "a reason"]
ADJECTIVES = ["old", "narrow", "heavy", "quiet", "pale", "crooked", "warm", "damp", "bright",
              "worn", "empty", "sharp", "familiar", "small", "tired", "careful", "stubborn",
              "faded", "brittle", "restless", "dark", "sudden", "steady", "uneven", "bitter"]
VERBS_PAST = ["opened", "closed", "lifted", "pushed", "pulled", "held", "dropped", "folded",
              "turned", "touched", "studied", "grabbed", "found", "carried", "counted",
              "checked", "straightened", "set down", "picked up", "traced", "tightened",
              "unwrapped", "weighed", "tested", "ignored"]
MOTION = ["walked", "crossed", "hurried", "slipped", "climbed", "wandered", "stepped", "ran",
          "edged", "strode", "limped", "drifted", "paced"]
BODY = ["shoulders", "hands", "jaw", "eyes", "mouth", "fingers", "breath", "knees", "throat"]
BEATS = ["shrugged", "sighed", "frowned", "laughed", "nodded", "hesitated", "looked away",
         "crossed her arms", "rubbed his neck", "raised an eyebrow", "smiled faintly",
         "shook her head", "glanced at the door", "swallowed"]
TAGS = ["said", "asked", "whispered", "muttered", "called", "replied", "snapped", "admitted",
        "murmured", "answered"]
ADVERBS = ["slowly", "quietly", "finally", "carefully", "again", "suddenly", "almost",
           "already", "still", "barely", "softly"]
TIMES = ["By morning", "After a while", "Later", "That night", "At first", "Before long",
         "For a moment", "In the end", "Once the rain stopped", "When the bell rang"]
SPOKEN = [
    "I told you it wouldn't work", "We don't have time for this", "Where were you last night",
    "You should have said something", "It's not what you think", "Give me the {noun}",
    "I can't stay here", "Did you see {name} at {place}", "Nobody knows we're here",
    "Then we go tonight", "You're going to get us both killed", "I never asked for any of it",
    "Is that the {noun} from {place}", "Tell me the truth for once", "Keep your voice down",
    "How long have you known", "I'm not leaving without {name}", "That's not fair and you know it",
    "We could wait until morning", "Put the {noun} back where you found it",
]
SLIPS = [("their", "there"), ("your", "you're"), ("then", "than"), ("loose", "lose")]
TYPOS = ["teh", "recieve", "definately", "seperate", "wierd", "untill", "accross", "alot"]


class ProseWriter:
    """Paragraphs of generated fiction; the same ``seed`` always writes the same text."""

    def __init__(self, seed: int = 16) -> None:
        self.random = random.Random(seed)

    def pick(self, items: list[str]) -> str:
        return self.random.choice(items)

    def fill(self, template: str) -> str:
        return template.format(noun=self.pick(NOUNS), name=self.pick(NAMES),
                               place=self.pick(PLACES))

    def narration(self) -> str:
        r = self.random
        name, pronoun = self.pick(NAMES), r.choice(["She", "He", "They"])
        possessive = {"She": "her", "He": "his", "They": "their"}[pronoun]
        shapes = [
            lambda: f"{name} {self.pick(VERBS_PAST)} the {self.pick(ADJECTIVES)} {self.pick(NOUNS)}.",
            lambda: f"{pronoun} {self.pick(MOTION)} across {self.pick(PLACES)}, "
                    f"{self.pick(ADVERBS)} counting the {self.pick(NOUNS)}s as {pronoun.lower()} went.",
            lambda: f"{self.pick(TIMES)}, {name} {self.pick(VERBS_PAST)} the {self.pick(NOUNS)} "
                    f"and waited for {self.pick(ABSTRACT)} to settle.",
            lambda: f"The {self.pick(NOUNS)} was {self.pick(ADJECTIVES)} and "
                    f"{self.pick(ADJECTIVES)}, and it smelled of {self.pick(NOUNS)}s and rain.",
            lambda: f"{pronoun} could feel {possessive} {self.pick(BODY)} tighten.",
            lambda: f"Somewhere beyond {self.pick(PLACES)}, a {self.pick(NOUNS)} fell over.",
            lambda: f"{name} did not answer; {pronoun.lower()} {self.pick(VERBS_PAST)} the "
                    f"{self.pick(NOUNS)} instead, as if {self.pick(ABSTRACT)} lived inside it.",
            lambda: f"It had been {r.randint(2, 19)} days since anyone had seen "
                    f"{self.pick(NAMES)} near {self.pick(PLACES)}.",
            lambda: f"{pronoun} {self.pick(MOTION)} to the {self.pick(NOUNS)}, "
                    f"{self.pick(VERBS_PAST)} it, and {self.pick(MOTION)} back again.",
            lambda: f"Nothing about {self.pick(ABSTRACT)} made sense, not the "
                    f"{self.pick(NOUNS)}, not the {self.pick(ADJECTIVES)} {self.pick(NOUNS)}, "
                    f"not even {self.pick(NAMES)}.",
        ]
        sentence = r.choice(shapes)()
        roll = r.random()
        if roll < 0.03:  # the odd slip a checker should catch
            right, wrong = r.choice(SLIPS)
            sentence = sentence.replace(f" {possessive} ", f" {wrong} ", 1) if right == possessive \
                else sentence + f" It was {r.choice(['more', 'less'])} {self.pick(ADJECTIVES)} then before."
        elif roll < 0.05:
            words = sentence.split(" ")
            words[r.randrange(len(words))] = self.pick(TYPOS)
            sentence = " ".join(words)
        return sentence

    def dialogue(self) -> str:
        r = self.random
        name = self.pick(NAMES)
        line = self.fill(self.pick(SPOKEN))
        question = line.split()[0] in {"Where", "Did", "Is", "How"}
        end = "?" if question else r.choice([",", ",", "!", "..."])
        if end == ",":
            tag = f"{name} {self.pick(TAGS)}"
            if r.random() < 0.3:
                tag += f" {self.pick(ADVERBS)}"
            return f'"{line},"  {tag}.'.replace("  ", " ")
        beat = f"{name} {self.pick(BEATS)}."
        return f'"{line}{end}" {beat}' if r.random() < 0.5 else f'{beat} "{line}{end}"'

    def paragraph(self) -> str:
        r = self.random
        if r.random() < 0.45:
            parts = [self.dialogue()]
            if r.random() < 0.5:
                parts.append(self.narration())
        else:
            parts = [self.narration() for _ in range(r.randint(2, 7))]
        if r.random() < 0.1:
            parts[0] = f"*{parts[0]}*" if not parts[0].startswith('"') else parts[0]
        return " ".join(parts)

    def paragraphs(self) -> Iterator[str]:
        seen: set[str] = set()
        while True:
            text = self.paragraph()
            if text not in seen:  # distinct: a repeat would be a free cache hit
                seen.add(text)
                yield text

    def chapter(self, words: int, scene_every: int = 40) -> str:
        """A chapter of about ``words`` words, a scene break every ``scene_every`` paragraphs."""
        out: list[str] = []
        total = 0
        for n, text in enumerate(self.paragraphs(), 1):
            out.append(text)
            total += len(text.split())
            if total >= words:
                break
            if n % scene_every == 0:
                out.append("* * *")
        return "\n\n".join(out) + "\n"
