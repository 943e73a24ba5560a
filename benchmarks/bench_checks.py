"""Speed of the checker: a whole generated project, the seed chapter, one edit in a
100,000-word chapter.

Run from the repository root:

    python benchmarks/bench_checks.py                # everything
    python benchmarks/bench_checks.py project        # the whole-project run only
    python benchmarks/bench_checks.py project --runs 1
    python benchmarks/bench_checks.py long           # the 16,000-word chapter, long paragraphs
    python benchmarks/bench_checks.py huge           # a 10 MB one-line file: import, check, export
    python benchmarks/bench_checks.py --languagetool   # the real LanguageTool figures alone

The whole-project run writes a ~331,000-word project of distinct generated paragraphs
(``benchmarks/prose.py``, seeded) and times, each in a process of its own so that its peak
memory is its own: bare harper-py (one linter, its default rules, paragraph by paragraph),
ficwriter's first check of every chapter (Harper + fiction rules, empty cache, the
project's SQLite cache written), and the same check again with nothing changed; the
median of ``--runs`` runs (3), with each run's CPU time and the load average beside it
(the machine is shared: wall time follows the load, CPU time much less). Then, each in its
own process too: a 16,000-word generated chapter's first check, and one paragraph of 1 MB
(a story pasted without blank lines), checked in pieces cut at sentence ends.

``huge`` runs the command line on a 10 MB file of one line (distinct generated prose):
``ficwriter import``, ``check`` (its progress lines shown) and ``export --to ao3``, each in
a process of its own, with its time and peak memory (the target: at most 1 GB).

Prints medians. Harper and the fiction rules run in-process; LanguageTool runs first against
the test suite's fake server (what an edit sends to it: one paragraph, never the chapter),
then for real from the folder scripts/get-languagetool filled: the first findings on a
10,000-word chapter after its start, and the cost of a re-check after an edit.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ficwriter.checks.engine import ChapterRule, Engine, EngineState, EngineStatus  # noqa: E402
from ficwriter.checks.harper_engine import HarperEngine  # noqa: E402
from ficwriter.checks.languagetool import LanguageToolEngine, bmp_only  # noqa: E402
from ficwriter.checks.languagetool_install import configured_folder, find_installation  # noqa: E402
from ficwriter.checks.scheduler import Checker, CheckResult  # noqa: E402
from ficwriter.checks.settings import LanguageToolSettings  # noqa: E402
from ficwriter.core.chapter import Chapter, parse  # noqa: E402
from ficwriter.core.words import count_words  # noqa: E402
from tests.checks.lt_server import start_server  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from prose import ProseWriter  # noqa: E402

SEED_NAME = "000_a076e9cb29d276f2.txt"
WARM_RUNS = 15
EDITS = 15
PROJECT_CHAPTERS = 20
PROJECT_WORDS = 331_000
CHAPTER_WORDS = 16_000
LONG_PARAGRAPH_CHARS = 1_000_000
HUGE_FILE_CHARS = 10_000_000


def find_seed() -> Path:
    for folder in (ROOT.parent / "shared", ROOT.parent.parent / "shared"):
        path = folder / "seeds" / SEED_NAME
        if path.is_file():
            return path
    raise SystemExit(f"seed chapter {SEED_NAME} not found next to the repository")


def offline_engines() -> tuple[list[Engine], list[ChapterRule], str]:
    start = time.perf_counter()
    harper = HarperEngine()
    harper.check("Warm up the linter.")
    print(f"Harper engine ready (dictionary built, first lint done): "
          f"{(time.perf_counter() - start) * 1000:.0f} ms")
    try:
        from ficwriter.checks.fiction import FictionSettings, chapter_rules, paragraph_engine
    except ModuleNotFoundError:
        return [harper], [], "Harper alone (the fiction rules are not in this branch yet)"
    settings = FictionSettings()
    return [harper, paragraph_engine(settings)], list(chapter_rules(settings)), "Harper + fiction"


def median_ms(run: Callable[[], object], times: int) -> float:
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def big_chapter(seed: Chapter, words: int) -> str:
    """Seed paragraphs repeated, each made unique, until ``words`` story words."""
    paragraphs = [p.text for p in seed.paragraphs()]
    out: list[str] = []
    total = 0
    n = 0
    while total < words:
        text = f"Day {n}. " + paragraphs[n % len(paragraphs)]
        out.append(text)
        total += count_words(text)
        n += 1
        if n % 40 == 0:
            out.append("* * *")
    return "\n\n".join(out) + "\n"


def bench_seed(engines: list[Engine], rules: list[ChapterRule], label: str) -> None:
    chapter = parse(find_seed().read_text(encoding="utf-8"))
    print(f"Seed chapter: {chapter.story_words} words, engines: {label}")
    cold = []
    for _ in range(3):
        checker = Checker(engines, rules)  # empty cache each time
        start = time.perf_counter()
        result = checker.check_chapter(chapter)
        cold.append(time.perf_counter() - start)
        checker.close(close_engines=False)
    print(f"  cold (engines loaded, empty cache) median: {statistics.median(cold) * 1000:.0f} ms, "
          f"{len(result.issues)} issues")
    checker = Checker(engines, rules)
    checker.check_chapter(chapter)
    warm = median_ms(lambda: checker.check_chapter(chapter), WARM_RUNS)
    print(f"  warm (cached paragraphs, chapter rules re-run) median: {warm:.0f} ms  (target <= 500)")
    checker.close(close_engines=False)


def bench_edit(engines: list[Engine], rules: list[ChapterRule], label: str) -> None:
    seed = parse(find_seed().read_text(encoding="utf-8"))
    text = big_chapter(seed, 100_000)
    chapter = parse(text)
    paragraphs = chapter.paragraphs()
    print(f"\n100,000-word chapter: {chapter.story_words} words, {len(paragraphs)} paragraphs, "
          f"{len(text):,} characters; engines: {label}")
    checker = Checker(engines, rules)
    start = time.perf_counter()
    checker.check_chapter(chapter)
    print(f"  first full check: {(time.perf_counter() - start):.1f} s")
    recheck, rules_ms, parse_ms = [], [], []
    sent: dict[str, list[int]] = {e.name: [] for e in engines}
    for k in range(EDITS):
        target = paragraphs[(k * 97) % len(paragraphs)]
        edited_text = text[: target.span.end] + f" Edit {k} here." + text[target.span.end :]
        started = time.perf_counter()
        edited = parse(edited_text)
        parse_ms.append(time.perf_counter() - started)
        calls, chars = dict(checker.calls), dict(checker.chars)
        started = time.perf_counter()
        checker.check_chapter(edited)
        recheck.append(time.perf_counter() - started)
        for engine in engines:
            assert checker.calls[engine.name] - calls.get(engine.name, 0) == 1, "one paragraph"
            sent[engine.name].append(checker.chars[engine.name] - chars.get(engine.name, 0))
        fresh = parse(edited_text)  # the rules remember the last chapter they placed
        started = time.perf_counter()
        for rule in rules:
            rule.check_chapter(fresh)
        rules_ms.append(time.perf_counter() - started)
    print(f"  re-check after a one-paragraph edit, median: {statistics.median(recheck) * 1000:.1f} ms"
          "  (target <= 50; engines called on exactly one paragraph each)")
    print(f"    of which chapter rules on the whole chapter: {statistics.median(rules_ms) * 1000:.1f} ms;"
          f" parsing the edited chapter (the window's job): {statistics.median(parse_ms) * 1000:.1f} ms")
    for name, counts in sent.items():
        print(f"    characters sent to {name} per edit (median): {statistics.median(counts):.0f}"
              f" of {len(text):,} in the chapter")
    checker.close(close_engines=False)


def bench_languagetool_edit() -> None:
    seed = parse(find_seed().read_text(encoding="utf-8"))
    text = big_chapter(seed, 100_000)
    server = start_server()
    lt = LanguageToolEngine(LanguageToolSettings(mode="remote", url=server.url))
    lt.wait_started(10)
    checker = Checker([lt], workers=4)
    try:
        start = time.perf_counter()
        checker.check_chapter(parse(text))
        first = time.perf_counter() - start
        before = len(server.texts)
        target = parse(text).paragraphs()[700]
        edited = text[: target.span.end] + " One more sentence." + text[target.span.end :]
        checker.check_chapter(parse(edited))
        requests = server.texts[before:]
        new_paragraph = bmp_only(parse(edited).paragraphs()[700].text)
        assert requests == [new_paragraph], "LanguageTool must get the edited paragraph only"
        print(f"\nLanguageTool (fake server), same chapter: first check {first:.1f} s, "
              f"{before} requests (one per paragraph)")
        print(f"  after a one-paragraph edit: {len(requests)} request of {len(requests[0])} "
              f"characters (the chapter has {len(edited):,}) - asserted")
    finally:
        checker.close()
        server.stop()


def write_project(root: Path) -> int:
    """A project of ``PROJECT_CHAPTERS`` generated chapters; returns its word count."""
    from ficwriter.core.project import create_project

    create_project(root, "Benchmark")
    writer = ProseWriter(seed=16)
    total = 0
    for n in range(1, PROJECT_CHAPTERS + 1):
        text = writer.chapter(PROJECT_WORDS // PROJECT_CHAPTERS)
        (root / "chapters" / f"{n:02d}-chapter.md").write_text(text, encoding="utf-8")
        total += count_words(text)
    return total


def run_bare_harper(root: Path) -> int:
    """What a script using harper-py alone would do: one linter, default rules."""
    import harper

    linter = harper.Linter(harper.Dialect.AMERICAN)
    found = 0
    for path in sorted((root / "chapters").glob("*.md")):
        for paragraph in path.read_text(encoding="utf-8").split("\n\n"):
            found += len(linter.lint(paragraph, language="plaintext"))
    return found


def run_ficwriter(root: Path) -> int:
    """Every chapter through the project's checker, as the CLI and the project scope do."""
    from ficwriter.checks.build import build_checker
    from ficwriter.core.project import open_project

    checker = build_checker(root, only=["harper", "fiction"])
    found = 0
    try:
        for path in open_project(root).chapters():
            found += len(checker.check_chapter(parse(path.read_text(encoding="utf-8"))).issues)
    finally:
        checker.close()
    return found


def project_child(kind: str, root: Path) -> None:
    """One timed run, in this process: prints seconds, CPU seconds, peak MB and what was
    found. ``root`` is a project folder (a chapter file for ``file``)."""
    start, cpu = time.perf_counter(), time.process_time()
    run = {"bare": run_bare_harper, "ficwriter": run_ficwriter, "file": run_file}[kind]
    found = run(root)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{seconds:.3f} {cpu:.2f} {peak:.0f} {found}")


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu: float
    peak_mb: float
    found: int
    load: float  # the one-minute load average as the run ended


def timed_child(kind: str, root: Path) -> Run:
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(root)],
        check=True, capture_output=True, text=True, cwd=ROOT,
    ).stdout.split()
    return Run(float(out[0]), float(out[1]), float(out[2]), int(out[3]), os.getloadavg()[0])


def _median(runs: list[Run], what: str) -> float:
    return statistics.median(getattr(run, what) for run in runs)


def _loads(runs: list[Run]) -> str:
    return "load " + "/".join(f"{run.load:.1f}" for run in runs)


def bench_project(runs: int) -> None:
    print(f"{os.cpu_count()} cores; load average now {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "project"
        words = write_project(root)
        print(f"Whole project: {PROJECT_CHAPTERS} chapters, {words:,} words of distinct "
              f"generated prose; median of {runs} runs, bare harper-py and ficwriter in turn")
        bare: list[Run] = []
        first: list[Run] = []
        again: list[Run] = []
        for _ in range(runs):
            shutil.rmtree(root / ".ficwriter", ignore_errors=True)  # an empty cache
            bare.append(timed_child("bare", root))
            first.append(timed_child("ficwriter", root))
            again.append(timed_child("ficwriter", root))
        ratios = [f.seconds / b.seconds for f, b in zip(first, bare)]
        b, f = _median(bare, "seconds"), _median(first, "seconds")
        print(f"  bare harper-py (one linter, default rules, paragraph by paragraph): "
              f"{b:.1f} s ({b / words * 1e6:.0f} ms per 1,000 words; CPU "
              f"{_median(bare, 'cpu'):.1f} s), peak {_median(bare, 'peak_mb'):.0f} MB, "
              f"{bare[0].found} lints; {_loads(bare)}")
        print(f"  ficwriter first check (Harper + fiction rules, empty cache): {f:.1f} s "
              f"(CPU {_median(first, 'cpu'):.1f} s) = {statistics.median(ratios):.2f}x bare "
              f"harper-py, run by run {', '.join(f'{r:.2f}' for r in ratios)} (target <= 0.5); "
              f"peak {_median(first, 'peak_mb'):.0f} MB (target <= 300), {first[0].found} "
              f"issues; {_loads(first)}")
        print(f"  re-check, nothing changed (a new process, the project's cache): "
              f"{_median(again, 'seconds'):.2f} s (target <= 1), peak "
              f"{_median(again, 'peak_mb'):.0f} MB; {_loads(again)}")


def run_file(path: Path) -> int:
    """One chapter file through ficwriter's checker, as `ficwriter check` does it."""
    from ficwriter.checks.build import build_checker

    checker = build_checker(path.parent, only=["harper", "fiction"], persist=False)
    try:
        return len(checker.check_chapter(parse(path.read_text(encoding="utf-8"))).issues)
    finally:
        checker.close()


def bench_long(runs: int) -> None:
    """The 16,000-word chapter's first check, and one paragraph of 1 MB."""
    with tempfile.TemporaryDirectory() as folder:
        chapter = Path(folder) / "chapter.md"
        chapter.write_text(ProseWriter(seed=160).chapter(CHAPTER_WORDS), encoding="utf-8")
        done = [timed_child("file", chapter) for _ in range(runs)]
        print(f"\n{CHAPTER_WORDS:,}-word generated chapter, first check (Harper + fiction, "
              f"empty cache, a new process; median of {runs}): {_median(done, 'seconds'):.2f} s "
              f"(CPU {_median(done, 'cpu'):.1f} s; target <= 1), peak "
              f"{_median(done, 'peak_mb'):.0f} MB; {_loads(done)}")
        long = Path(folder) / "pasted.md"
        one_line_file(long, LONG_PARAGRAPH_CHARS, seed=1_000)
        one = timed_child("file", long)
        print(f"one paragraph of {LONG_PARAGRAPH_CHARS:,} characters (distinct generated "
              f"prose, {count_words(long.read_text(encoding='utf-8')):,} words), checked in "
              f"pieces: {one.seconds:.1f} s (CPU {one.cpu:.1f} s; target <= 5), peak "
              f"{one.peak_mb:.0f} MB, {one.found} issues; load {one.load:.1f}")


def one_line_file(path: Path, chars: int, seed: int) -> None:
    """``chars`` characters of distinct generated prose on one line (a story pasted
    without blank lines)."""
    writer, parts, size = ProseWriter(seed=seed), [], 0
    for paragraph in writer.paragraphs():
        parts.append(paragraph)
        size += len(paragraph) + 1
        if size >= chars:
            break
    path.write_text(" ".join(parts)[:chars].rsplit(" ", 1)[0] + "\n", encoding="utf-8")


def cli_child(argv: list[str]) -> None:
    """One ficwriter command in this process: prints seconds, CPU seconds and peak MB
    last, on stderr (its own output goes where it would)."""
    from ficwriter.cli import main as ficwriter_main

    start, cpu = time.perf_counter(), time.process_time()
    code = ficwriter_main(argv)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{seconds:.3f} {cpu:.2f} {peak:.0f} {code}", file=sys.stderr)


def timed_command(argv: list[str], cwd: Path) -> Run:
    """``ficwriter ARGV`` in a process of its own; its stderr lines but the last are shown."""
    done = subprocess.run(
        [sys.executable, __file__, "--cli", *argv],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=cwd,
    )
    *shown, last = done.stderr.strip().splitlines()
    for line in shown:
        print(f"    {line}")
    out = last.split()
    return Run(float(out[0]), float(out[1]), float(out[2]), int(out[3]), os.getloadavg()[0])


def bench_huge() -> None:
    """A 10 MB one-line file through the command line: import, check, export."""
    print(f"\n{os.cpu_count()} cores; load average now {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        one_line_file(root / "pasted.txt", HUGE_FILE_CHARS, seed=10)
        words = count_words((root / "pasted.txt").read_text(encoding="utf-8"))
        print(f"a {HUGE_FILE_CHARS:,}-character file of one line ({words:,} words):")
        steps = [
            ("import", ["import", "pasted.txt", "--project", "story"]),
            ("check (Harper + fiction)", ["check", "story/chapters/01-pasted.md", "--engine",
                                          "harper", "--engine", "fiction", "--format", "json"]),
            ("export --to ao3", ["export", "story/chapters/01-pasted.md", "--to", "ao3",
                                 "-o", "out"]),
        ]
        for label, argv in steps:
            run = timed_command(argv, root)
            print(f"  {label}: {run.seconds:.1f} s (CPU {run.cpu:.1f} s), peak {run.peak_mb:.0f} MB"
                  f" (target <= 1,000), exit {run.found}; load {run.load:.1f}")


def bench_real_languagetool() -> None:
    """Real LanguageTool (the folder scripts/get-languagetool filled) on a 10,000-word chapter:
    how long after its start the window gets its first LanguageTool findings, the whole
    chapter, and what a one-paragraph edit then costs."""
    folder = configured_folder()
    if find_installation(folder) is None:
        print(f"\nreal LanguageTool: skipped (nothing in {folder}: run scripts/get-languagetool)")
        return
    seed = parse(find_seed().read_text(encoding="utf-8"))
    text = big_chapter(seed, 10_000)
    chapter = parse(text)
    began = time.perf_counter()
    lt = LanguageToolEngine(LanguageToolSettings(folder=str(folder), start_timeout=300))
    checker = Checker([lt])  # the window's checker: LanguageTool on its own pool
    seen: dict[str, float] = {}
    done = threading.Event()

    def on_status(status: EngineStatus) -> None:
        if status.state is EngineState.READY and "ready" not in seen:
            seen["ready"] = time.perf_counter() - began

    lt.add_status_listener(on_status)

    def on_result(result: CheckResult) -> None:
        now = time.perf_counter() - began
        if "first" not in seen and any("languagetool" in i.engines for i in result.issues):
            seen["first"] = now
        if result.final:
            seen["final"] = now
            done.set()

    try:
        checker.submit(chapter, 1, on_result)  # at once, as the window does on opening
        done.wait(600)
        print(f"\nreal LanguageTool {lt.status().detail.split()[1]}, 10,000-word chapter "
              f"({chapter.story_words} words, {len(chapter.paragraphs())} paragraphs), "
              f"{os.cpu_count()} cores:")
        print(f"  server started and its rules loaded (READY) {seen.get('ready', float('nan')):.1f} s"
              f" after start; load average {os.getloadavg()[0]:.1f}")
        print(f"  first LanguageTool findings {seen.get('first', float('nan')):.1f} s after start "
              f"(target <= 30 s); whole chapter {seen.get('final', float('nan')):.1f} s")
        paragraphs = chapter.paragraphs()
        costs, sent, sizes = [], [], []
        for k in range(EDITS):
            target = paragraphs[(k * 37) % len(paragraphs)]
            edited = text[: target.span.end] + f" Edit {k} here." + text[target.span.end :]
            calls, chars = checker.calls["languagetool"], checker.chars["languagetool"]
            start = time.perf_counter()
            checker.check_chapter(parse(edited))
            costs.append(time.perf_counter() - start)
            sent.append(checker.calls["languagetool"] - calls)
            sizes.append(checker.chars["languagetool"] - chars)
        assert set(sent) == {1}, f"an edit must send one paragraph, sent {sent}"
        print(f"  re-check after a one-paragraph edit: median {statistics.median(costs) * 1000:.0f} ms,"
              f" one paragraph sent each time (asserted), median {statistics.median(sizes):.0f}"
              f" characters of {len(text):,}")
    finally:
        checker.close()


def main() -> None:
    if "--languagetool" in sys.argv:  # the real LanguageTool figures alone
        bench_real_languagetool()
        return
    if sys.argv[1:2] == ["--child"]:
        project_child(sys.argv[2], Path(sys.argv[3]))
        return
    if sys.argv[1:2] == ["--cli"]:
        cli_child(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description="the checker's speed figures")
    parser.add_argument("part", nargs="?", choices=("project", "long", "huge"))
    parser.add_argument("--runs", type=int, default=3, help="runs of each timed process")
    args = parser.parse_args()
    if args.part in (None, "project"):
        bench_project(args.runs)
    if args.part in (None, "long"):
        bench_long(args.runs)
    if args.part in (None, "huge"):
        bench_huge()
    if args.part is not None:
        return
    engines, rules, label = offline_engines()
    bench_seed(engines, rules, label)
    bench_edit(engines, rules, label)
    bench_languagetool_edit()
    bench_real_languagetool()


if __name__ == "__main__":
    main()
