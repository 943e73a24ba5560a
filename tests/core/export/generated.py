"""Generated projects shaped like a long posted work, for the whole-work export tests and
benchmarks/bench_export.py: titled chapters (some in other scripts), author's notes at both
ends, scenes split by breaks, italics, bold, dialogue, line breaks and characters that need
escaping in HTML."""

from __future__ import annotations

import random
from pathlib import Path

from ficwriter.core.importers.draft import header_comment
from ficwriter.core.project import create_project
from ficwriter.core.words import count_words

_VOCAB = (
    "the wind over ridge she walked lantern quiet silver river Wren Isolde tower cold bright "
    "stone path under light slowly and but because never almost café naïve <gate> & Tom's"
).split()
TITLES = ("The long walk", "星の道", "Над хребтом", "ليلة النجوم", "Fish & \"chips\"")


def _sentence(rng: random.Random) -> str:
    """A sentence, sometimes spoken, with an italic or bold word now and then."""
    chosen = rng.choices(_VOCAB, k=rng.randint(6, 24))
    marks = rng.random()
    if marks < 0.25:
        chosen[1] = f"*{chosen[1]}*"
    elif marks < 0.32:
        chosen[3] = f"**{chosen[3]}**"
    text = " ".join(chosen).capitalize() + "."
    return f'"{text}" she said.' if rng.random() < 0.3 else text


def chapter_text(words: int, rng: random.Random, title: str | None = None) -> str:
    """A canonical chapter of about ``words`` story words."""
    blocks = [header_comment(title, None)] if title else []
    blocks.append("::: note\nA/N: thanks for reading, and please review!\n:::")
    story = 0
    while story < words:
        paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(1, 5)))
        if rng.random() < 0.05:
            paragraph += "\nA second line."
        blocks.append(paragraph)
        story += count_words(paragraph)
        if rng.random() < 0.02:
            blocks.append("* * *")
    blocks.append("::: note\nEnd note: see you next week.\n:::")
    return "\n\n".join(b for b in blocks if b) + "\n"


def write_project(root: Path, words: int, chapters: int, seed: int = 7) -> Path:
    """A project of ``chapters`` chapters and about ``words`` story words in all."""
    rng = random.Random(seed)
    project = create_project(root, "The Long Sky")
    project.config["author"] = "Ada Marsh"
    project.config["summary"] = "Something fell beyond the ridge."
    project.save()
    for number in range(1, chapters + 1):
        title = TITLES[number % len(TITLES)] if number % 3 else None
        text = chapter_text(words // chapters, rng, title)
        (project.chapters_dir / f"{number:02d}-part-{number}.md").write_text(text, "utf-8")
    return root
