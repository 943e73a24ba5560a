"""Quality of the checkers on ficwriter's own corpus, and the speed of the fiction rules.

    python benchmarks/bench_quality.py            # all figures
    python benchmarks/bench_quality.py --marked   # the marked corpus alone
    python benchmarks/bench_quality.py --languagetool-rules   # each LanguageTool rule
    FICWRITER_LT_URL=http://localhost:8081 python benchmarks/bench_quality.py   # that server

LanguageTool is real: the server FICWRITER_LT_URL names, else one started from the folder
scripts/get-languagetool filled (FICWRITER_LANGUAGETOOL_DIR or ficwriter's cache), timed
from its start to its first result; without either its rows are left out.

For each engine and for all of them combined: recall of the errors listed in
tests/checks/corpus/known_errors.toml (a flag that overlaps an error catches it) and the
other flags per 1,000 story words -- what a writer would see as noise; "as shown" counts
the rows of ficwriter's checker, where flags of one problem are merged. Then each fiction
rule on its own, the epithet allowance at 1..4, and the median time of the fiction rules
over the seed chapter. Harper runs as ficwriter runs it (its engine with the default
settings and the file's project language: the sample is en-GB), paragraph by paragraph on
the plain text.
"""

from __future__ import annotations

import os
import re
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ficwriter.checks.fiction import (  # noqa: E402
    RULES,
    FictionSettings,
    chapter_rules,
    paragraph_engine,
)
from ficwriter.checks.build import build_engines  # noqa: E402
from ficwriter.checks.dictionary import ProjectDictionary  # noqa: E402
from ficwriter.checks.fiction.chapter import analysed  # noqa: E402
from ficwriter.checks.harper_engine import HarperEngine  # noqa: E402
from ficwriter.checks.names import name_candidates  # noqa: E402
from ficwriter.checks.issue import Category  # noqa: E402
from ficwriter.checks.languagetool import LanguageToolEngine  # noqa: E402
from ficwriter.checks.languagetool_install import configured_folder, find_installation  # noqa: E402
from ficwriter.checks.scheduler import Checker as IssueChecker  # noqa: E402
from ficwriter.checks.settings import (  # noqa: E402
    LT_FICTION_DISABLED_RULES,
    CheckSettings,
    LanguageToolSettings,
)
from ficwriter.core.chapter import Chapter, parse  # noqa: E402
from ficwriter.core.inline import PlainText, plain_text  # noqa: E402
from ficwriter.core.project import open_project  # noqa: E402
from tests.checks.quality_corpus import (  # noqa: E402
    ERROR_KINDS,
    KnownError,
    Mark,
    MarkedFile,
    corpus_dictionary,
    corpus_files,
    fiction_flags,
    known_errors,
    marked_corpus,
    marked_dictionary,
)

SEED = REPO.parent.parent / "shared" / "seeds" / "000_a076e9cb29d276f2.txt"
if not SEED.is_file():
    SEED = REPO.parent / "shared" / "seeds" / "000_a076e9cb29d276f2.txt"


@dataclass(frozen=True)
class Flag:
    file: str
    start: int
    end: int
    rule: str
    category: str = ""  # the issue category, where the engine gives one

    @property
    def is_style(self) -> bool:
        """A style observation (counted apart from grammar and spelling noise)."""
        if self.rule in RULES:
            return self.rule in STYLE_RULES
        return self.category in ("style", "typography")


# Fiction rules that comment on style rather than mark errors.
STYLE_RULES = frozenset(
    {"fiction.epithet", "fiction.repeated-opening", "fiction.echo", "fiction.filter-word", "fiction.tag-adverb"}
)
_LT_STYLE_TYPES = {"style", "locale-violation", "register", "typographical"}


Checker = Callable[[str, Chapter], list[Flag]]


def _story(chapter: Chapter, notes: bool = False) -> Iterable[PlainText]:
    for paragraph in chapter.paragraphs(notes=notes):
        yield plain_text(paragraph.text, base=paragraph.span.start)


def fiction_checker(settings: FictionSettings, notes: bool = False) -> Checker:
    def check(name: str, chapter: Chapter) -> list[Flag]:
        return [Flag(name, *flag) for flag in fiction_flags(chapter, settings, notes)]

    return check


def _language(name: str) -> str:
    """The language of the project holding corpus file ``name`` (the sample is en-GB)."""
    return open_project(REPO / name).language


def harper_checker(
    words: list[str], language_of: Callable[[str], str] = _language, notes: bool = False
) -> Checker:
    """Harper as ficwriter runs it: default settings, the file's project language."""
    engines: dict[str, HarperEngine] = {}

    def check(name: str, chapter: Chapter) -> list[Flag]:
        language = language_of(name)
        engine = engines.get(language)
        if engine is None:
            engine = engines[language] = HarperEngine(language=language, words=words)
        flags = []
        for plain in _story(chapter, notes):
            for found in engine.check(plain.text):
                start, end = plain.source_span(found.start, found.end)
                flags.append(Flag(name, start, end, f"harper.{found.rule_id}", found.category.value))
        return flags

    return check


def shown_flags(
    chapters: dict[str, Chapter],
    words: list[str],
    engine_names: list[str],
    url: str | None,
    language_of: Callable[[str], str] = _language,
    notes: bool = False,
    each_a_project: bool = False,
) -> list[Flag]:
    """Every engine through ficwriter's checker: the dictionary applied and the flags of
    one problem merged, so each flag is a row the writer sees in the issues panel."""
    lt = LanguageToolSettings(mode="remote", url=url) if url else LanguageToolSettings(mode="off")
    checkers: dict[str, IssueChecker] = {}
    flags = []
    try:
        for name, chapter in chapters.items():
            language = language_of(name)
            # Each chapter is its own project when it brings names: its name candidates
            # join the dictionary's words, as build_checker does for a project.
            names = [c.word for c in name_candidates([chapter], words)] if each_a_project else []
            key = f"{language}/{name}" if each_a_project else language
            checker = checkers.get(key)
            if checker is None:
                settings = CheckSettings(language=language, languagetool=lt, check_notes=notes)
                engines, rules = build_engines(settings, sorted(set(words) | set(names)), engine_names)
                checker = checkers[key] = IssueChecker(
                    engines, rules, dictionary=ProjectDictionary(words), check_notes=notes,
                    project_names=names,
                )
            issues = checker.check_chapter(chapter, timeout=600).issues
            flags += [Flag(name, i.start, i.end, i.rule_id, i.category.value) for i in issues]
            if each_a_project:
                checker.close()
                del checkers[key]
    finally:
        for checker in checkers.values():
            checker.close()
    return flags


def languagetool_checker(
    url: str,
    words: list[str],
    language_of: Callable[[str], str] = _language,
    notes: bool = False,
    every_rule: bool = False,
) -> Checker:
    """LanguageTool per paragraph as ficwriter runs it (its fiction settings, the file's
    language); spelling flags on dictionary words are dropped, as ficwriter filters them."""
    engines: dict[str, LanguageToolEngine] = {}
    known = set(words)

    def check(name: str, chapter: Chapter) -> list[Flag]:
        language = language_of(name)
        engine = engines.get(language)
        if engine is None:
            settings = LanguageToolSettings(mode="remote", url=url, timeout=60)
            if every_rule:  # ficwriter's fiction list left out, to measure each rule on it
                settings = replace(settings, disabled_rules=frozenset(),
                                   disabled_categories=frozenset())  # fmt: skip
            engine = engines[language] = LanguageToolEngine(settings, language)
            engine.wait_started(60)
        flags = []
        for plain in _story(chapter, notes):
            for found in engine.check(plain.text):
                flagged = re.sub(r"['\u2019]s$", "", plain.text[found.start : found.end])
                if found.category is Category.SPELLING and flagged in known:
                    continue
                start, end = plain.source_span(found.start, found.end)
                rule = f"languagetool.{found.rule_id}"
                flags.append(Flag(name, start, end, rule, found.category.value))
        return flags

    return check


def languagetool_server() -> tuple[str | None, LanguageToolEngine | None]:
    """A LanguageTool URL for the figures: FICWRITER_LT_URL, else a real local server started
    from the folder scripts/get-languagetool filled (timed from start to its first result)."""
    url = os.environ.get("FICWRITER_LT_URL")
    if url:
        return url, None
    folder = configured_folder()
    if find_installation(folder) is None:
        print(f"languagetool: skipped (no LanguageTool in {folder}: run scripts/get-languagetool)")
        return None, None
    began = time.perf_counter()
    engine = LanguageToolEngine(LanguageToolSettings(folder=str(folder), start_timeout=300))
    engine.check("Clarke didn't turned around.")
    print(f"languagetool: real LanguageTool {engine.status().detail.split()[1]} from {folder}; "
          f"first result {time.perf_counter() - began:.1f} s after start "
          f"(server start, rule loading, one paragraph)")
    client = engine._client  # noqa: SLF001 - the benchmark shares the server it started
    assert client is not None and client.local_server is not None
    return client.local_server.url, engine


def _overlaps(flag: Flag, error: KnownError) -> bool:
    return flag.file == error.file and flag.start < error.end and error.start < flag.end


@dataclass(frozen=True)
class Score:
    caught: int
    expected_caught: int
    expected: int
    other: int

    def line(self, label: str, errors: int, words: int) -> str:
        per_k = 1000 * self.other / words
        expected = f"{self.expected_caught}/{self.expected}" if self.expected else "-"
        return (
            f"{label:28} recall {self.caught:3}/{errors} = {self.caught / errors:6.1%}"
            f"   (of those it should catch: {expected:>7})   other flags {self.other:4}"
            f" = {per_k:5.1f} per 1,000 words"
        )


def score(flags: list[Flag], errors: list[KnownError], engine: str | None) -> Score:
    caught = [e for e in errors if any(_overlaps(f, e) for f in flags)]
    expected = [e for e in errors if engine is None or engine in e.engines]
    other = [f for f in flags if not any(_overlaps(f, e) for e in errors)]
    return Score(len(caught), len([e for e in caught if e in expected]), len(expected), len(other))


def _listed(errors: list[KnownError]) -> str:
    return "; ".join(f"{e.error!r} ({e.kind})" for e in errors) or "none"


def run(checker: Checker, chapters: dict[str, Chapter]) -> list[Flag]:
    return [flag for name, chapter in chapters.items() for flag in checker(name, chapter)]


def seed_chapter() -> Chapter | None:
    if not SEED.is_file():
        return None
    # The seed separates scenes by two or more blank lines, as the importer reads them.
    return parse(re.sub(r"\n{3,}", "\n\n* * *\n\n", SEED.read_text(encoding="utf-8")))


def main() -> None:
    files = corpus_files()
    chapters = {name: parse(path.read_text(encoding="utf-8")) for name, path in files.items()}
    errors = known_errors()
    words = sum(c.story_words for c in chapters.values())
    print(f"corpus: {len(files)} files, {words} story words, {len(errors)} known errors")
    for name, chapter in chapters.items():
        print(f"  {name} ({chapter.story_words} words)")

    names = corpus_dictionary()
    print(f"project dictionary: {len(names)} names ({', '.join(names[:4])}, ...)")
    engines: dict[str, Checker] = {
        "harper": harper_checker(names),
        "fiction": fiction_checker(FictionSettings(names=tuple(names))),
    }
    url, _server = languagetool_server()
    if url:
        engines["languagetool"] = languagetool_checker(url, names)

    print("\n== engines (default settings)")
    all_flags: list[Flag] = []
    expected_misses: dict[str, list[KnownError]] = {}
    for name, checker in engines.items():
        flags = run(checker, chapters)
        all_flags += flags
        print(score(flags, errors, name).line(name, len(errors), words))
        expected_misses[name] = [
            e for e in errors if name in e.engines and not any(_overlaps(f, e) for f in flags)
        ]
    print(score(all_flags, errors, None).line("combined", len(errors), words))
    shown = shown_flags(chapters, names, list(engines), url)
    print(score(shown, errors, None).line("combined, as shown (merged)", len(errors), words))
    print(f"{'':28} rows shown {len(shown)}, from {len(all_flags)} engine flags")
    print(score(run(harper_checker([]), chapters), errors, "harper").line(
        "harper, no dictionary", len(errors), words
    ))
    for name, misses in expected_misses.items():
        print(f"{name} missed, though listed for it: " + _listed(misses))
    missed = [e for e in errors if not any(_overlaps(f, e) for f in all_flags)]
    print("missed by every engine: " + _listed(missed))

    print("\n== each fiction rule on its own (its own kind of error / other flags)")
    for rule_id, info in RULES.items():
        alone = FictionSettings(rules={r: r == rule_id for r in RULES}, names=tuple(names))
        line = rule_figures(alone, rule_id, chapters, errors, words)
        print(f"{rule_id:28} {'on ' if info.default_on else 'off'} {line}")

    print("\n== epithet allowance per scene")
    for allowance in (1, 2, 3, 4):
        settings = FictionSettings(
            rules={r: r == "fiction.epithet" for r in RULES},
            epithet_allowance=allowance,
            names=tuple(names),
        )
        print(f"allowance {allowance}: " + rule_figures(settings, "fiction.epithet", chapters, errors, words))

    print("\n== echo window (words)")
    for window in (10, 20, 30):
        settings = FictionSettings(
            rules={r: r == "fiction.echo" for r in RULES}, echo_window=window, names=tuple(names)
        )
        print(f"window {window}: " + rule_figures(settings, "fiction.echo", chapters, errors, words))

    marked_section(url)
    speed()


def _hits(flag: Flag, mark: Mark) -> bool:
    return flag.file == mark.file and flag.start < mark.end and mark.start < flag.end


@dataclass(frozen=True)
class MarkedScore:
    """One engine on the marked corpus."""

    caught: dict[str, tuple[int, int]]  # error kind -> (caught, marked)
    trap_flags: list[tuple[Flag, Mark]]
    noise: list[Flag]  # grammar and spelling flags on unmarked text
    style: list[Flag]  # style flags on unmarked text

    @property
    def recall(self) -> tuple[int, int]:
        return sum(c for c, _ in self.caught.values()), sum(n for _, n in self.caught.values())


def marked_score(flags: list[Flag], stories: dict[str, MarkedFile]) -> MarkedScore:
    """Recall per kind of error, flags on traps, and flags on unmarked text.

    A flag over a debatable mark counts neither way; a flag over an error and a trap at
    once (rare: neighbours) counts for the error.
    """
    by_file: dict[str, list[Flag]] = defaultdict(list)
    for flag in flags:
        by_file[flag.file].append(flag)
    caught: dict[str, list[int]] = {kind: [0, 0] for kind in ERROR_KINDS}
    traps, noise, style = [], [], []
    for name, story in stories.items():
        mine = by_file.get(name, [])
        for error in story.errors:
            caught[error.kind][1] += 1
            caught[error.kind][0] += any(_hits(f, error) for f in mine)
        for flag in mine:
            over = [m for m in story.marks if _hits(flag, m)]
            if any(not m.is_trap for m in over):
                continue
            if over:
                traps.append((flag, over[0]))
            elif flag.is_style:
                style.append(flag)
            else:
                noise.append(flag)
    return MarkedScore({k: (c, n) for k, (c, n) in caught.items() if n}, traps, noise, style)


def marked_section(url: str | None) -> None:
    """The engines on the marked corpus (tests/checks/corpus/marked), notes included."""
    stories = marked_corpus()
    chapters = {name: story.chapter for name, story in stories.items()}
    words = sum(c.story_words + c.note_words for c in chapters.values())
    errors = sum(len(s.errors) for s in stories.values())
    print(
        f"\n== marked corpus: {len(stories)} stories, {words} words (notes included),"
        f" {errors} errors, {sum(len(s.traps) for s in stories.values())} traps,"
        f" {sum(m.debatable for s in stories.values() for m in s.marks)} debatable"
    )
    names = marked_dictionary()

    def language_of(name: str) -> str:
        return stories[name].language

    engines: dict[str, list[Flag]] = {
        "harper": run(harper_checker(names, language_of, notes=True), chapters),
        "fiction": run(fiction_checker(FictionSettings(names=tuple(names)), notes=True), chapters),
    }
    if url:
        engines["languagetool"] = run(
            languagetool_checker(url, names, language_of, notes=True), chapters
        )
    engines["combined"] = [f for flags in list(engines.values()) for f in flags]
    engine_names = [e for e in engines if e != "combined"]
    engines["as shown"] = shown_flags(
        chapters, names, engine_names, url, language_of, notes=True, each_a_project=True
    )
    scores = {name: marked_score(flags, stories) for name, flags in engines.items()}

    per_k = 1000 / words
    print(f"{'':14} {'recall':>16} {'traps flagged':>14} {'noise /1,000':>13} {'style /1,000':>13}")
    for name, score in scores.items():
        caught, marked = score.recall
        print(
            f"{name:14} {caught:4}/{marked:<4} {caught / marked:6.1%} {len(score.trap_flags):14}"
            f" {len(score.noise) * per_k:13.2f} {len(score.style) * per_k:13.2f}"
        )
    print("\nrecall by kind of error")
    print(f"{'':16}" + "".join(f"{name:>14}" for name in scores))
    for kind, (_, marked) in scores["combined"].caught.items():
        cells = "".join(f"{scores[n].caught[kind][0]:>7}/{marked:<3} {'':3}" for n in scores)
        print(f"{kind:16}{cells}")
    shown = scores["as shown"]
    print("\ntraps flagged (as shown): " + (
        "; ".join(f"{m.text!r} by {f.rule}" for f, m in shown.trap_flags) or "none"
    ))
    print("grammar/spelling flags on unmarked text (as shown):")
    for flag in shown.noise:
        text = chapters[flag.file].text
        print(f"  {flag.rule:36} {text[flag.start:flag.end]!r:24} {flag.file.rsplit('/', 2)[-2:]}")
    by_rule: dict[str, int] = defaultdict(int)
    for flag in shown.style:
        by_rule[flag.rule] += 1
    print("style flags (as shown): " + (", ".join(f"{r} {n}" for r, n in sorted(by_rule.items())) or "none"))
    missed = [
        m for s in stories.values() for m in s.errors if not any(_hits(f, m) for f in engines["as shown"])
    ]
    print(f"missed ({len(missed)}): " + "; ".join(f"{m.text!r} ({m.kind})" for m in missed))


def languagetool_rules_section(url: str) -> None:
    """Each LanguageTool rule on both corpora with ficwriter's fiction list left out: the
    errors it catches (and of those, the ones Harper and the fiction rules miss), the traps
    and unmarked text it flags. The figures behind LT_FICTION_DISABLED_RULES."""
    stories = marked_corpus()
    marked_chapters = {name: story.chapter for name, story in stories.items()}
    names = marked_dictionary()

    def language_of(name: str) -> str:
        return stories[name].language

    raw = run(languagetool_checker(url, names, language_of, notes=True, every_rule=True),
              marked_chapters)  # fmt: skip
    offline = run(harper_checker(names, language_of, notes=True), marked_chapters) + run(
        fiction_checker(FictionSettings(names=tuple(names)), notes=True), marked_chapters
    )
    files = corpus_files()
    chapters = {name: parse(path.read_text(encoding="utf-8")) for name, path in files.items()}
    errors = known_errors()
    old_names = corpus_dictionary()
    old_raw = run(languagetool_checker(url, old_names, every_rule=True), chapters)
    print("\n== LanguageTool rule by rule (fiction list left out; marked corpus + known-errors corpus)")
    print(f"{'rule':44} {'off?':4} {'errors':>6} {'only LT':>7} {'traps':>5} {'noise':>5}"
          f" {'style':>5}   examples of what it flags on correct text")  # fmt: skip
    by_rule: dict[str, list[Flag]] = defaultdict(list)
    for flag in raw + old_raw:
        by_rule[flag.rule].append(flag)
    rows = []
    for rule, flags in by_rule.items():
        marked = marked_score([f for f in flags if f.file in stories], stories)
        caught, _ = marked.recall
        only = sum(
            any(_hits(f, m) for f in flags) and not any(_hits(o, m) for o in offline)
            for s in stories.values() for m in s.errors
        )  # fmt: skip
        old = [f for f in flags if f.file in chapters]
        old_caught = sum(any(_overlaps(f, e) for f in old) for e in errors)
        old_other = [f for f in old if not any(_overlaps(f, e) for e in errors)]
        examples = [
            repr(marked_chapters[f.file].text[f.start : f.end])
            for f in [f for f, _ in marked.trap_flags] + marked.noise + marked.style
        ] + [repr(chapters[f.file].text[f.start : f.end]) for f in old_other]
        rule_id = rule.removeprefix("languagetool.")
        off = "off" if rule_id in LT_FICTION_DISABLED_RULES else ""
        rows.append((rule_id, off, caught + old_caught, only, len(marked.trap_flags),
                     len(marked.noise) + sum(not f.is_style for f in old_other),
                     len(marked.style) + sum(f.is_style for f in old_other),
                     ", ".join(examples[:4])))  # fmt: skip
    for row in sorted(rows, key=lambda r: (-r[4] - r[5], r[0])):
        print(f"{row[0]:44} {row[1]:4} {row[2]:6} {row[3]:7} {row[4]:5} {row[5]:5} {row[6]:5}"
              f"   {row[7][:120]}")  # fmt: skip


def rule_figures(
    settings: FictionSettings,
    rule_id: str,
    chapters: dict[str, Chapter],
    errors: list[KnownError],
    words: int,
) -> str:
    """How many errors of the rule's own kind it caught, and what else it flagged."""
    flags = run(fiction_checker(settings), chapters)
    mine = [e for e in errors if e.kind == rule_id.removeprefix("fiction.")]
    hit = sum(any(_overlaps(f, e) for f in flags) for e in mine)
    other = len([f for f in flags if not any(_overlaps(f, e) for e in errors)])
    return (
        f"caught {hit:2}/{len(mine):2}   other flags {other:3}"
        f" = {1000 * other / words:5.1f} per 1,000 words"
    )


def speed() -> None:
    chapter = seed_chapter()
    if chapter is None:
        print("\nseed: not found, speed skipped")
        return
    by_rule: dict[str, int] = defaultdict(int)
    for flag in fiction_checker(FictionSettings())("seed", chapter):
        by_rule[flag.rule] += 1
    print(f"\n== seed ({chapter.story_words} story words), default rules flag:")
    for rule, count in sorted(by_rule.items()):
        print(f"  {rule:28} {count}")
    for label, settings in (
        ("defaults", FictionSettings()),
        ("all rules on", FictionSettings(rules={r: True for r in RULES})),
    ):
        checker = fiction_checker(settings)
        times = []
        for _ in range(15):
            analysed.cache_clear()  # cold: no paragraph read before
            began = time.perf_counter()
            checker("seed", chapter)
            times.append(time.perf_counter() - began)
        print(f"fiction rules, full seed, cold, {label}: median {1000 * statistics.median(times):.1f} ms")
    edit_in_long_chapter(chapter)


def edit_in_long_chapter(seed: Chapter) -> None:
    """A 100,000-word chapter with one paragraph edited: the work the scheduler redoes.

    The paragraph engine sees only the edited paragraph (the others come from the cache);
    the chapter rules run over the whole chapter, reading again only the changed paragraph.
    """
    copies = -(-100_000 // seed.story_words)
    text = "\n\n* * *\n\n".join([seed.text.strip()] * copies) + "\n"
    chapter = parse(text)
    settings = FictionSettings()
    engine, rules = paragraph_engine(settings), chapter_rules(settings)
    for rule in rules:
        rule.check_chapter(chapter)  # the first, full check
    paragraphs = chapter.paragraphs()
    times = []
    for n in range(15):
        target = paragraphs[len(paragraphs) * n // 15]
        edited = parse(text[: target.span.end] + f" She waited {n} heartbeats." + text[target.span.end :])
        changed = edited.paragraph_at(target.span.start)
        assert changed is not None
        began = time.perf_counter()
        engine.check(plain_text(changed.text).text)
        for rule in rules:
            rule.check_chapter(edited)
        times.append(time.perf_counter() - began)
    print(
        f"fiction rules, {edited.story_words}-word chapter, one paragraph edited"
        f" (engine on that paragraph + chapter rules): median {1000 * statistics.median(times):.1f} ms"
    )


if __name__ == "__main__":
    if "--marked" in sys.argv:  # the marked corpus alone
        marked_section(languagetool_server()[0])
    elif "--languagetool-rules" in sys.argv:  # each LanguageTool rule on both corpora
        lt_url, _engine = languagetool_server()
        if lt_url:
            languagetool_rules_section(lt_url)
    else:
        main()
