"""Core figures: import + parse + clean + export of a 100,000-word chapter per target, and
parse of the seed chapter.

    python benchmarks/bench_core.py            # targets: <= 1 s per target, <= 20 ms seed parse

Prints medians; the chapter is generated (seed-shaped: notes at both ends, blank-line
paragraphs, scene breaks of extra blank lines, italics and dialogue).
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ficwriter.core.chapter import parse  # noqa: E402
from ficwriter.core.export import TARGETS, ExportOptions, export_chapter  # noqa: E402
from ficwriter.core.importers import import_file  # noqa: E402

WORDS = 100_000
RUNS = 5
SEED_RUNS = 50
_SEED_NAME = "shared/seeds/000_a076e9cb29d276f2.txt"
# shared/ sits beside a checkout (/work/main) or two levels above a worktree (/work/wt/x).
SEED = next(
    (p / _SEED_NAME for p in Path(__file__).resolve().parents if (p / _SEED_NAME).is_file()),
    Path(_SEED_NAME),
)
_VOCAB = (
    "the wind over ridge she walked lantern quiet silver river Wren Isolde tower "
    "cold bright stone path under light slowly and but because never almost"
).split()


def generate_chapter(words: int, rng: random.Random) -> str:
    """A plain-text chapter of about ``words`` words in the shape posted chapters have."""
    parts = ["A/N: Thanks for reading, and please review! I do not own the sky."]
    count = 0
    while count < words:
        n = rng.randint(20, 120)
        chosen = [rng.choice(_VOCAB) for _ in range(n)]
        if rng.random() < 0.3:
            chosen[2] = f"*{chosen[2]}*"
        text = " ".join(chosen).capitalize() + "."
        if rng.random() < 0.35:
            text = f'"{text}" she said, "don\'t... wait--"'
        parts.append(text)
        count += n
        if rng.random() < 0.02:
            parts.append("")  # two blank lines: a scene break
    parts.append("Thanks so much for reading! Reviews make my day.")
    return "\n\n".join(parts) + "\n"


def median_seconds(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "big.txt"
        source.write_text(generate_chapter(WORDS, random.Random(7)), encoding="utf-8")
        options = ExportOptions().with_typography(True)
        story = import_file(source).chapter.story_words
        print(f"generated chapter: {story:,} story words, {source.stat().st_size:,} bytes")
        print(f"import + parse + clean + export, median of {RUNS} (target <= 1 s):")
        for target in TARGETS:

            def run(target: str = target) -> None:
                export_chapter(parse(import_file(source).text), target, options)

            print(f"  {target:<5} {median_seconds(run, RUNS) * 1000:8.1f} ms")
    if SEED.is_file():
        text = SEED.read_text(encoding="utf-8")
        seed_ms = median_seconds(lambda: parse(text), SEED_RUNS) * 1000
        print(f"parse of the seed, median of {SEED_RUNS} (target <= 20 ms): {seed_ms:.2f} ms")
    else:
        print("parse of the seed: skipped (seed not present)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
