"""History figures: a 10,000-word chapter edited 1,000 times, one paragraph per revision.

Run from the repository root:  python benchmarks/bench_history.py
Prints the database size against 1,000 full copies, and medians for recording a revision,
listing 1,000 revisions, diffing two revisions 500 edits apart, and an external write
reaching history and a subscriber through a real watchdog observer.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ficwriter.core.words import count_words  # noqa: E402
from ficwriter.history.database import database_path  # noqa: E402
from ficwriter.history.store import HistoryStore  # noqa: E402
from ficwriter.history.sync import ExternalChange, ProjectWatcher  # noqa: E402

CHAPTER = "chapters/01-long.md"
EDITS = 1_000
VOCABULARY = (
    "the a and of to in she he her his was were had not but with that as at on for from "
    "Lexa Clarke Octavia Bellamy cave forest sword blade night cold dark light fire smoke "
    "looked turned whispered walked waited breathed remembered didn't couldn't wouldn't "
    "slowly quietly almost never always again still only through beyond beneath above"
).split()


def make_paragraph(rng: random.Random, words: int) -> str:
    sentences, current = [], []
    for n in range(words):
        current.append(rng.choice(VOCABULARY))
        if len(current) >= rng.randint(8, 18) or n == words - 1:
            sentences.append(" ".join(current).capitalize() + ".")
            current = []
    return " ".join(sentences)


def make_chapter(rng: random.Random, total_words: int = 10_000) -> list[str]:
    paragraphs, count = [], 0
    while count < total_words:
        size = min(rng.randint(30, 90), total_words - count)
        paragraphs.append(make_paragraph(rng, size))
        count += size
    return paragraphs


def join(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs) + "\n"


def edit(rng: random.Random, paragraphs: list[str]) -> None:
    """One revision's worth of writing: one paragraph gets a few words changed or added."""
    i = rng.randrange(len(paragraphs))
    words = paragraphs[i].split(" ")
    for _ in range(rng.randint(1, 4)):
        words[rng.randrange(len(words))] = rng.choice(VOCABULARY)
    if rng.random() < 0.3 or " ".join(words) == paragraphs[i]:
        words.append(make_paragraph(rng, rng.randint(4, 12)))
    paragraphs[i] = " ".join(words)


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def timed(function: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return samples


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="ficwriter-bench-") as folder:
        return run(Path(folder))


def run(root: Path) -> int:
    rng = random.Random(20261124)
    (root / "chapters").mkdir()
    paragraphs = make_chapter(rng)
    print(f"chapter: {count_words(join(paragraphs)):,} words in {len(paragraphs)} paragraphs")

    with HistoryStore.open(root) as store:
        full_copies = 0
        record_times = []
        for _ in range(EDITS + 1):
            text = join(paragraphs)
            full_copies += len(text.encode("utf-8"))
            start = time.perf_counter()
            revision = store.record(CHAPTER, text, "save")
            record_times.append(time.perf_counter() - start)
            assert revision is not None
            edit(rng, paragraphs)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = database_path(root).stat().st_size
        revisions = store.revisions(CHAPTER)
        assert len(revisions) == EDITS + 1

        list_times = timed(lambda: store.revisions(CHAPTER), 50)
        ids = sorted(r.id for r in revisions)
        pairs = [(ids[i], ids[i + 500]) for i in rng.sample(range(len(ids) - 500), 30)]
        diff_times = []
        for old, new in pairs:
            start = time.perf_counter()
            store.diff(old, new)
            diff_times.append(time.perf_counter() - start)

        latencies = external_write_latencies(store, rng, paragraphs, trials=30)

    print(f"database size:            {size / 1e6:6.2f} MB  (limit 3 MB)")
    print(f"1,000 full copies:        {full_copies / 1e6:6.2f} MB")
    print(f"ratio full copies / db:   {full_copies / size:6.1f} x")
    print(f"record a revision:        {median_ms(record_times):6.2f} ms median  (limit 20 ms)")
    print(f"list 1,001 revisions:     {median_ms(list_times):6.2f} ms median  (limit 50 ms)")
    print(f"diff 500 edits apart:     {median_ms(diff_times):6.2f} ms median  (limit 100 ms)")
    print(f"external write -> announced: {median_ms(latencies):6.1f} ms median  (limit 500 ms)"
          f"  [max {max(latencies) * 1000:.0f} ms over {len(latencies)}]")
    return 0


def external_write_latencies(
    store: HistoryStore, rng: random.Random, paragraphs: list[str], trials: int
) -> list[float]:
    """Time from writing the file (as another editor would) to a subscriber hearing of it."""
    heard = threading.Event()
    arrived: list[float] = []

    def on_change(change: ExternalChange) -> None:
        if change.path == CHAPTER and change.revision is not None:
            arrived.append(time.perf_counter())
            heard.set()

    watcher = ProjectWatcher(store)
    watcher.subscribe(on_change)
    latencies = []
    with watcher:
        time.sleep(0.5)  # let the start-up look at existing chapters finish
        for _ in range(trials):
            edit(rng, paragraphs)
            heard.clear()
            start = time.perf_counter()
            (store.root / CHAPTER).write_text(join(paragraphs), encoding="utf-8")
            if not heard.wait(5):
                raise RuntimeError("the external write was never announced")
            latencies.append(arrived[-1] - start)
    return latencies


if __name__ == "__main__":
    raise SystemExit(main())
