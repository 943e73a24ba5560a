"""What each of Harper's rules costs, in milliseconds per 1,000 words of generated fiction.

Run from the repository root:

    python benchmarks/bench_harper_rules.py            # the costliest rules
    python benchmarks/bench_harper_rules.py --top 40

Harper has some 900 rules; timing each alone would take hours and drown in noise. So the
rules are timed in groups, each group in a fresh linter with only that group on (a linter
that has seen a text answers it from its caches), minus the same linter with every rule
off (Harper's parse); a group that costs more than its share is split in halves and timed
again (while it costs 3% of all the rules or more), down to single rules. Times are CPU
time of this process, so other work on the machine does not inflate them. Each time is the median of ``RUNS`` fresh linters. The figures
behind ``HARPER_COSTLY_RULES`` in ``ficwriter/checks/settings.py`` come from here.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import harper

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from prose import ProseWriter  # noqa: E402

RUNS = 3
WORDS = 3_000


def sample(seed: int = 7) -> list[str]:
    writer = ProseWriter(seed=seed)
    paragraphs: list[str] = []
    words = 0
    for paragraph in writer.paragraphs():
        paragraphs.append(paragraph)
        words += len(paragraph.split())
        if words >= WORDS:
            return paragraphs
    return paragraphs


def seconds_with(on: set[str], every: list[str], paragraphs: list[str]) -> float:
    """Median time to lint ``paragraphs`` with only the rules ``on``, fresh linters."""
    samples = []
    for _ in range(RUNS):
        linter = harper.Linter(harper.Dialect.AMERICAN)
        linter.set_lint_config({rule: rule in on for rule in every})
        linter.lint("A warm-up sentence that shares nothing with the sample.", language="plaintext")
        start = time.process_time()  # CPU time: the machine's other load does not count
        for paragraph in paragraphs:
            linter.organized_lints(paragraph, language="plaintext")
        samples.append(time.process_time() - start)
    return statistics.median(samples)


def _first_parse(paragraphs: list[str], every: list[str]) -> float:
    """Seconds to lint ``paragraphs``, which no linter of this process has seen, with every
    rule off: Harper's parse alone."""
    linter = harper.Linter(harper.Dialect.AMERICAN)
    linter.set_lint_config({rule: False for rule in every})
    start = time.process_time()
    for paragraph in paragraphs:
        linter.organized_lints(paragraph, language="plaintext")
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--groups", type=int, default=16, help="first cut of the rule list")
    args = parser.parse_args()
    paragraphs = sample()
    words = sum(len(p.split()) for p in paragraphs)
    per_k = 1000 / words
    default = harper.Linter(harper.Dialect.AMERICAN).get_default_lint_config()
    every = sorted(default)
    on_rules = [rule for rule in every if default[rule]]
    print(f"{len(on_rules)} of {len(every)} Harper rules on by default; {words} words in "
          f"{len(paragraphs)} paragraphs; {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    unseen = sample(seed=8)
    first_parse = _first_parse(unseen, every) * 1000 * 1000 / sum(len(p.split()) for p in unseen)
    base = seconds_with(set(), every, paragraphs)
    whole = seconds_with(set(on_rules), every, paragraphs)
    print(f"parse of text Harper has not seen: {first_parse:.0f} ms per 1,000 words; "
          f"of a text it has parsed (every rule off): {base * 1000 * per_k:.0f} ms; "
          f"default rules on a parsed text: {whole * 1000 * per_k:.0f} ms per 1,000 words")
    worth = 0.03 * max(whole - base, 1e-6)  # a group below 3% of the rules' time stays whole
    size = -(-len(on_rules) // args.groups)
    todo = [on_rules[i : i + size] for i in range(0, len(on_rules), size)]
    found: list[tuple[float, list[str]]] = []
    while todo:
        group = todo.pop()
        cost = max(seconds_with(set(group), every, paragraphs) - base, 0.0)
        if len(group) == 1 or cost < worth:
            found.append((cost, group))
            continue
        half = len(group) // 2
        todo += [group[:half], group[half:]]
    found.sort(reverse=True)
    print(f"\ncostliest (ms per 1,000 words above the parse; groups not split cost little):")
    for cost, group in found[: args.top]:
        name = group[0] if len(group) == 1 else f"{len(group)} rules {group[0]}..{group[-1]}"
        print(f"  {cost * 1000 * per_k:7.1f}  {name}")


if __name__ == "__main__":
    main()
