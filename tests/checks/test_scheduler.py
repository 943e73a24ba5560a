"""The incremental checker with real engines: Harper in-process, LanguageTool via the fake server."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from ficwriter.checks.build import build_checker
from ficwriter.checks.cache import CheckCache
from ficwriter.checks.dictionary import ProjectDictionary
from ficwriter.checks.dismissals import Dismissals
from ficwriter.checks.engine import EngineState
from ficwriter.checks.harper_engine import HarperEngine
from ficwriter.checks.languagetool import LanguageToolEngine
from ficwriter.checks.scheduler import Checker, CheckerClosed, CheckResult, Progress
from ficwriter.core.chapter import parse
from tests.checks.conftest import remote_settings
from tests.checks.lt_server import FakeLanguageTool
from tests.gate import EngineGate
from tests.history.support import wait_for

CHAPTER = (
    "::: note\nThanks for reading teh story!\n:::\n\n"
    "<!-- scene: title=\"Teh cave\"; pov=Lexa -->\n"
    "Clarke didn't turned around as she walked away.\n\n"
    "She *recieve* the letter from Lexa. 😀\n\n"
    "* * *\n\n"
    "Octavia waited by teh river.\n"
)


def texts(result: CheckResult, text: str) -> list[tuple[str, str]]:
    return [(text[i.start : i.end], i.engine) for i in result.issues]


@pytest.fixture
def harper_checker(harper_engine: HarperEngine):
    checker = Checker([harper_engine])
    yield checker
    checker.close()


def test_story_is_checked_notes_and_metadata_are_not(harper_checker: Checker):
    chapter = parse(CHAPTER)
    result = harper_checker.check_chapter(chapter)
    flagged = [w for w, _ in texts(result, CHAPTER)]
    assert "turned" in flagged and "recieve" in flagged
    assert flagged.count("teh") == 1  # the story's, not the note's
    assert not any("Teh" in w for w in flagged)  # the scene comment is never checked
    teh = [i for i in result.issues if CHAPTER[i.start : i.end] == "teh"][0]
    assert teh.scene == 1 and chapter.paragraphs(notes=True)[teh.paragraph].text.startswith("Octavia")
    assert result.final and result.done == {"harper"} and not result.pending


def test_notes_are_checked_when_asked(harper_engine: HarperEngine):
    checker = Checker([harper_engine], check_notes=True)
    try:
        result = checker.check_chapter(parse(CHAPTER))
        assert [w for w, _ in texts(result, CHAPTER)].count("teh") == 2
    finally:
        checker.close()


def test_issue_inside_emphasis_maps_to_the_file_characters(harper_checker: Checker):
    result = harper_checker.check_chapter(parse(CHAPTER))
    [issue] = [i for i in result.issues if "recieve" in CHAPTER[i.start - 1 : i.end + 1]]
    assert CHAPTER[issue.start : issue.end] == "recieve"
    assert CHAPTER[issue.start - 1] == "*"


def test_one_paragraph_edit_rechecks_exactly_one_paragraph(harper_checker: Checker):
    first = parse(CHAPTER)
    before = harper_checker.check_chapter(first)
    calls = harper_checker.calls["harper"]
    edited = CHAPTER.replace("as she walked away", "as she walked away slowly and quietly")
    second = parse(edited)
    after = harper_checker.check_chapter(second)
    assert harper_checker.calls["harper"] == calls + 1
    assert harper_checker.chars["harper"] > 0
    # the unchanged paragraphs' issues moved with their text
    delta = len(edited) - len(CHAPTER)
    moved = [(CHAPTER[i.start : i.end], i.start + delta) for i in before.issues if i.start > 120]
    assert moved and all((edited[s : s + len(w)], s) in
                         [(edited[i.start : i.end], i.start) for i in after.issues] for w, s in moved)


def test_identical_paragraphs_share_one_engine_call(harper_checker: Checker):
    text = "Teh end.\n\nTeh end.\n\nTeh end.\n"
    result = harper_checker.check_chapter(parse(text))
    assert harper_checker.calls["harper"] == 1
    assert len([i for i in result.issues if text[i.start : i.end] == "Teh"]) == 3


def test_harper_first_then_languagetool(lt_server: FakeLanguageTool, harper_engine):
    lt_server.delay = 0.4
    lt = LanguageToolEngine(remote_settings(lt_server.url))
    checker = Checker([lt, harper_engine])
    results: list[CheckResult] = []
    final = threading.Event()

    def got(result: CheckResult) -> None:
        results.append(result)
        if result.final:
            final.set()

    try:
        assert lt.wait_started(10)
        checker.submit(parse(CHAPTER), 1, got)
        assert final.wait(10)
        first, last = results[0], results[-1]
        assert not first.final and first.pending == {"languagetool"} and "harper" in first.done
        assert {e for _, e in texts(first, CHAPTER)} == {"harper"}
        assert last.final and last.done == {"languagetool", "harper"}
        merged = [i for i in last.issues if CHAPTER[i.start : i.end] == "recieve"]
        assert len(merged) == 1 and set(merged[0].engines) == {"languagetool", "harper"}
        # LanguageTool got paragraphs, never the chapter
        assert all("\n\n" not in t for t in lt_server.texts)
        assert len(lt_server.texts) == 3
    finally:
        checker.close()


def test_stale_versions_are_dropped(lt_server: FakeLanguageTool):
    lt = LanguageToolEngine(remote_settings(lt_server.url))
    checker = Checker([lt])
    results: list[CheckResult] = []
    final = threading.Event()

    def got(result: CheckResult) -> None:
        results.append(result)
        if result.final and result.version == 3:
            final.set()

    try:
        assert lt.wait_started(10)
        lt_server.gate.clear()  # the server holds every check until we open it
        chapter = CHAPTER
        for version in (1, 2, 3):
            chapter = chapter.replace("waited", "waited" + " long" * version)
            checker.submit(parse(chapter), version, got)
        lt_server.gate.set()
        assert final.wait(10)
        time.sleep(0.2)  # late answers for versions 1 and 2 would arrive now
        assert [r.version for r in results if r.final] == [3]
        last = results[-1]
        assert ("teh", "languagetool") in texts(last, chapter)
        # the two unchanged story paragraphs were sent once for all three versions
        sent = lt_server.texts
        assert sent.count("Clarke didn't turned around as she walked away.") == 1
    finally:
        checker.close()


def test_a_one_paragraph_edit_sends_languagetool_that_paragraph_alone(
    lt_server: FakeLanguageTool,
):
    text = "\n\n".join(f"She didn't walked home on day {n}." for n in range(60)) + "\n"
    lt = LanguageToolEngine(remote_settings(lt_server.url))
    checker = Checker([lt])
    try:
        assert lt.wait_started(10)
        checker.check_chapter(parse(text), timeout=30)
        assert len(lt_server.texts) == 60
        sent = checker.chars["languagetool"]
        edited = text.replace("on day 41.", "on day 41, late and soaked.")
        after = checker.check_chapter(parse(edited), timeout=30)
        paragraph = "She didn't walked home on day 41, late and soaked."
        assert lt_server.texts[60:] == [paragraph]
        assert checker.chars["languagetool"] - sent == len(paragraph)  # of 2,100 in the chapter
        # every paragraph's finding is still shown, the unchanged ones from the cache
        flagged = {i.paragraph for i in after.issues if edited[i.start : i.end] == "walked"}
        assert flagged == set(range(60))
    finally:
        checker.close()


def test_unavailable_languagetool_does_not_stop_harper(lt_server: FakeLanguageTool, harper_engine):
    lt = LanguageToolEngine(remote_settings(lt_server.url, timeout=0.3))
    checker = Checker([lt, harper_engine])
    seen = []
    checker.add_status_listener(seen.append)
    try:
        assert lt.wait_started(10)
        lt_server.mode = "hang"
        result = checker.check_chapter(parse(CHAPTER), timeout=20)
        assert result.statuses["languagetool"].state is EngineState.UNAVAILABLE
        assert "languagetool" not in result.done
        assert ("turned", "harper") in texts(result, CHAPTER)
        assert any(s.state is EngineState.UNAVAILABLE for s in seen)
        # the next check does not wait for the dead server
        started = time.monotonic()
        again = checker.check_chapter(parse(CHAPTER + "\nNew teh words.\n"), timeout=5)
        assert time.monotonic() - started < 1.0
        assert ("turned", "harper") in texts(again, CHAPTER)
    finally:
        checker.close()


def test_dictionary_silences_every_engine(lt_server: FakeLanguageTool, harper_engine, tmp_path):
    lt = LanguageToolEngine(remote_settings(lt_server.url))
    dictionary = ProjectDictionary.for_project(tmp_path)
    # "Lexa" the writer said is not a name: flagged until it is in the dictionary
    checker = Checker([lt, harper_engine], dictionary=dictionary, not_names=("Lexa",))
    try:
        assert lt.wait_started(10)
        chapter = parse(CHAPTER)
        before = [w for w, _ in texts(checker.check_chapter(chapter), CHAPTER)]
        assert "Lexa" in before
        calls = dict(checker.calls)
        checker.add_word("Lexa")
        after = [w for w, _ in texts(checker.check_chapter(chapter), CHAPTER)]
        assert "Lexa" not in after and "teh" in after
        assert dict(checker.calls) == calls  # no engine re-ran
        assert (tmp_path / "dictionary.txt").read_text() == "Lexa\n"
    finally:
        checker.close()


def test_dismissed_issue_stays_dismissed_after_edits_elsewhere(harper_engine, tmp_path: Path):
    checker = Checker([harper_engine], dismissals=Dismissals(tmp_path))
    try:
        chapter = parse(CHAPTER)
        [turned] = [i for i in checker.check_chapter(chapter).issues
                    if CHAPTER[i.start : i.end] == "turned"]
        checker.dismiss_issue(turned, chapter, "01.md")
        edited = CHAPTER.replace("Octavia waited", "Octavia, tired, waited")
        edited = "::: note\nA new opening note.\n:::\n\n" + edited
        again = checker.check_chapter(parse(edited))
        assert "turned" not in [edited[i.start : i.end] for i in again.issues]
    finally:
        checker.close()
    # a new session (new checker, same project) still knows it
    fresh = Checker([harper_engine], dismissals=Dismissals(tmp_path))
    try:
        result = fresh.check_chapter(parse(CHAPTER))
        assert "turned" not in [CHAPTER[i.start : i.end] for i in result.issues]
        rewritten = CHAPTER.replace("as she walked away", "as she ran off")
        back = fresh.check_chapter(parse(rewritten))
        assert "turned" in [rewritten[i.start : i.end] for i in back.issues]
    finally:
        fresh.close()


def test_dismissed_rule_is_off_for_the_project(harper_engine, tmp_path: Path):
    checker = Checker([harper_engine], dismissals=Dismissals(tmp_path))
    try:
        checker.dismiss_rule("SpellCheck")
        result = checker.check_chapter(parse(CHAPTER))
        assert all(i.rule_id != "SpellCheck" for i in result.issues)
        checker.undismiss_rule("SpellCheck")
        assert any(i.rule_id == "SpellCheck" for i in checker.check_chapter(parse(CHAPTER)).issues)
        assert Dismissals(tmp_path).rules == frozenset()
    finally:
        checker.close()


def test_cache_survives_sessions(harper_engine, tmp_path: Path):
    first = Checker([harper_engine], cache=CheckCache(tmp_path))
    try:
        expected = first.check_chapter(parse(CHAPTER)).issues
    finally:
        first.close()
    second = Checker([harper_engine], cache=CheckCache(tmp_path))
    try:
        assert second.check_chapter(parse(CHAPTER)).issues == expected
        assert second.calls["harper"] == 0
    finally:
        second.close()


def test_a_chapter_checked_again_unchanged_is_read_back_whole(harper_engine, tmp_path: Path):
    from ficwriter.checks.fiction import FictionSettings, chapter_rules, paragraph_engine

    settings = FictionSettings()

    def session() -> Checker:
        return Checker([harper_engine, paragraph_engine(settings)], list(chapter_rules(settings)),
                       cache=CheckCache(tmp_path), dismissals=Dismissals(tmp_path))

    first = session()
    try:
        expected = first.check_chapter(parse(CHAPTER)).issues
    finally:
        first.close(close_engines=False)
    assert {CHAPTER[i.start : i.end] for i in expected} >= {"teh", "recieve", "turned"}
    second = session()
    ran: list[str] = []
    for rule in second.chapter_rules:
        original = rule.check_chapter
        rule.check_chapter = lambda chapter, _o=original, _r=rule: ran.append(_r.name) or _o(chapter)
    try:
        assert second.check_chapter(parse(CHAPTER)).issues == expected
        assert ran == [] and sum(second.calls.values()) == 0  # nothing re-ran
        second.dismiss_rule("SpellCheck")  # dismissals still apply to what is read back
        shown = second.check_chapter(parse(CHAPTER)).issues
        assert shown == [i for i in expected if i.rule_id != "SpellCheck"]
        second.undismiss_rule("SpellCheck")
        second.add_word("recieve")  # a new dictionary word: a new result, without it
        words = [CHAPTER[i.start : i.end] for i in second.check_chapter(parse(CHAPTER)).issues]
        assert "recieve" not in words and "teh" in words
        edited = CHAPTER.replace("Octavia waited", "Octavia wated")  # changed text: checked
        again = second.check_chapter(parse(edited)).issues
        assert "wated" in [edited[i.start : i.end] for i in again]
        assert ran  # the chapter rules ran on the new text
    finally:
        second.close(close_engines=False)


def test_a_project_checker_reads_settings_and_dictionary(lt_server: FakeLanguageTool, tmp_path: Path):
    (tmp_path / "ficwriter.toml").write_text(
        f'language = "en-GB"\n[checks]\nengines = ["languagetool", "harper"]\n'
        f'[checks.languagetool]\nmode = "remote"\nurl = "{lt_server.url}"\n'
    )
    (tmp_path / "dictionary.txt").write_text("Octavia\nLexa\n")
    checker = build_checker(tmp_path)
    try:
        result = checker.check_chapter(parse(CHAPTER), timeout=20)
        assert result.done == {"languagetool", "harper"}
        assert lt_server.checks[-1]["language"] == "en-GB"
        flagged = [CHAPTER[i.start : i.end] for i in result.issues]
        assert "Lexa" not in flagged and "Octavia" not in flagged and "teh" in flagged
        assert (tmp_path / ".ficwriter" / "history.sqlite").is_file()
    finally:
        checker.close()


def test_rapid_versions_end_with_the_newest_mapped_exactly(harper_checker: Checker):
    results: list[CheckResult] = []
    done = threading.Event()
    chapters = {}

    def got(result: CheckResult) -> None:
        results.append(result)
        if result.final and result.version == 20:
            done.set()

    for version in range(1, 21):
        text = CHAPTER.replace("Octavia waited", "Octavia " + "very " * version + "waited")
        chapters[version] = text
        harper_checker.submit(parse(text), version, got)
    assert done.wait(10)
    final = [r for r in results if r.final]
    assert final[-1].version == 20
    text = chapters[20]
    assert {"turned", "recieve", "teh"} <= {text[i.start : i.end] for i in final[-1].issues}
    assert all(r.version <= 20 for r in results)


def test_harper_fallback_is_hidden_while_languagetool_is_ready(lt_server, harper_engine):
    lt = LanguageToolEngine(remote_settings(lt_server.url))
    checker = Checker([lt, harper_engine], fallback_engines=frozenset({"harper"}))
    try:
        assert lt.wait_started(10)
        ready = checker.check_chapter(parse(CHAPTER), timeout=10)
        assert {i.engine for i in ready.issues} == {"languagetool"}
        assert all("harper" not in i.also_found_by for i in ready.issues)
        lt_server.mode = "500"
        down = checker.check_chapter(parse(CHAPTER + "\nA new teh paragraph.\n"), timeout=10)
        assert "harper" in {i.engine for i in down.issues}
    finally:
        checker.close()


def _numbered_chapter(paragraphs: int) -> str:
    """A chapter of distinct paragraphs (identical ones would share one engine call)."""
    return "\n\n".join(f"She recieved letter number {n} at dawn." for n in range(paragraphs)) + "\n"


def _flagged_paragraphs(result: CheckResult, text: str) -> set[int]:
    return {i.paragraph for i in result.issues if text[i.start : i.end] == "recieved"}


class _Finals:
    """Collects ``submit``'s deliveries; ``of(version)`` waits for that version's final one."""

    def __init__(self) -> None:
        self.results: list[CheckResult] = []

    def __call__(self, result: CheckResult) -> None:
        self.results.append(result)

    def of(self, version: int) -> CheckResult:
        wait_for(lambda: any(r.final and r.version == version for r in self.results), 10)
        return next(r for r in self.results if r.final and r.version == version)


@pytest.fixture
def gate(harper_engine: HarperEngine, monkeypatch: pytest.MonkeyPatch):
    """Harper's calls wait at a gate the test opens a few at a time."""
    gate = EngineGate()
    gate.hold(monkeypatch, harper_engine)
    yield gate
    gate.open()


def test_progress_counts_the_newest_versions_engine_calls(harper_checker: Checker, gate: EngineGate):
    text = _numbered_chapter(40)
    finals = _Finals()
    assert harper_checker.progress() is None
    harper_checker.submit(parse(text), 1, finals)
    assert harper_checker.progress() == Progress(1, 0, 40)
    gate.allow(15)
    wait_for(lambda: harper_checker.progress() == Progress(1, 15, 40))
    gate.allow(25)
    assert not finals.of(1).stopped
    assert harper_checker.progress() is None  # nothing left to do
    # an edit of one paragraph costs one call, and that is all its progress counts
    harper_checker.submit(parse(text.replace("number 7 ", "number 7, late, ")), 2, finals)
    assert harper_checker.progress() == Progress(2, 0, 1)
    gate.allow(1)
    assert not finals.of(2).stopped


def test_cancel_keeps_what_was_found_and_a_later_submit_checks_only_the_rest(
    harper_checker: Checker, gate: EngineGate
):
    text = _numbered_chapter(40)
    chapter = parse(text)
    finals = _Finals()
    harper_checker.submit(chapter, 1, finals)
    gate.allow(10)
    wait_for(lambda: harper_checker.progress() == Progress(1, 10, 40))
    harper_checker.cancel()
    assert harper_checker.progress() is None
    gate.open()  # the two calls already under way finish; nothing else starts
    stopped = finals.of(1)
    assert stopped.stopped and stopped.pending == {"harper"}
    found = _flagged_paragraphs(stopped, text)
    assert 10 <= len(found) <= 12 and found <= set(range(12))
    assert harper_checker.calls["harper"] <= 12  # the queued paragraphs were dropped
    # the next submit checks the rest, and only the rest
    harper_checker.submit(chapter, 1, finals)
    wait_for(lambda: finals.results[-1].final and not finals.results[-1].stopped, 10)
    done = finals.results[-1]
    assert done.done == {"harper"} and not done.pending
    assert _flagged_paragraphs(done, text) == set(range(40))
    assert harper_checker.calls["harper"] == 40  # every paragraph once, across both checks


def test_a_long_check_delivers_what_it_has_found_part_way(
    harper_checker: Checker, gate: EngineGate, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr("ficwriter.checks.scheduler.PARTIAL_EVERY", 0.0)  # after every call
    text = _numbered_chapter(40)
    finals = _Finals()
    harper_checker.submit(parse(text), 1, finals)
    gate.allow(10)
    wait_for(lambda: any(_flagged_paragraphs(r, text) for r in finals.results))
    early = finals.results[-1]
    assert not early.final and early.pending == {"harper"}
    assert _flagged_paragraphs(early, text) <= set(range(10))  # only what was checked
    gate.open()
    assert _flagged_paragraphs(finals.of(1), text) == set(range(40))


def test_languagetool_findings_show_paragraph_by_paragraph_as_they_come(
    lt_server: FakeLanguageTool, harper_engine: HarperEngine, monkeypatch: pytest.MonkeyPatch
):
    """Harper is done at once; LanguageTool's answers are shown as they come, in reading
    order, long before it has read the whole chapter."""
    monkeypatch.setattr("ficwriter.checks.scheduler.PARTIAL_EVERY", 0.0)  # after every call
    lt = LanguageToolEngine(remote_settings(lt_server.url))
    gate = EngineGate()
    gate.hold(monkeypatch, lt)
    text = "\n\n".join(f"She didn't walked home on day {n}." for n in range(30)) + "\n"
    finals = _Finals()
    checker = Checker([lt, harper_engine])
    try:
        assert lt.wait_started(10)
        checker.submit(parse(text), 1, finals)
        wait_for(lambda: any("harper" in r.done for r in finals.results))
        assert not any(_lt_paragraphs(r, text) for r in finals.results)
        gate.allow(4)
        wait_for(lambda: any(_lt_paragraphs(r, text) for r in finals.results))
        early = finals.results[-1]
        assert not early.final and early.pending == {"languagetool"} and "harper" in early.done
        assert _lt_paragraphs(early, text) <= set(range(4))  # the first ones, nothing beyond
        gate.open()
        assert _lt_paragraphs(finals.of(1), text) == set(range(30))
    finally:
        gate.open()
        checker.close()


def _lt_paragraphs(result: CheckResult, text: str) -> set[int]:
    return {
        i.paragraph for i in result.issues
        if "languagetool" in i.engines and text[i.start : i.end] == "walked"
    }


def test_closing_the_checker_releases_a_waiting_chapter_check(harper_engine, gate: EngineGate):
    checker = Checker([harper_engine])
    failures: list[BaseException] = []

    def check() -> None:
        try:
            checker.check_chapter(parse(_numbered_chapter(5)), timeout=60)
        except BaseException as error:  # noqa: BLE001 (the test inspects it)
            failures.append(error)

    waiting = threading.Thread(target=check)
    waiting.start()
    wait_for(lambda: gate.waiting > 0)  # the check is under way, held at the gate
    checker.close(close_engines=False)
    waiting.join(5)
    assert not waiting.is_alive()
    assert len(failures) == 1 and isinstance(failures[0], CheckerClosed)
    with pytest.raises(CheckerClosed):
        checker.check_chapter(parse("She waited.\n"))


def test_a_chapter_checked_in_batches_gets_the_issues_of_one_call_a_paragraph(
    seed_text: str, monkeypatch: pytest.MonkeyPatch
):
    """The first check hands Harper many paragraphs a call; what the writer sees is exactly
    what one call per paragraph finds, and an edit then sends its paragraph alone."""
    chapter = parse(seed_text)
    engine, alone = HarperEngine(), HarperEngine()
    monkeypatch.setattr(alone, "batch_chars", 0)
    batch_sizes: list[int] = []
    check_many = engine.check_many
    monkeypatch.setattr(engine, "check_many", lambda texts: batch_sizes.append(len(texts)) or check_many(texts))
    batched, one_by_one = Checker([engine], find_names=False), Checker([alone], find_names=False)
    try:
        together = batched.check_chapter(chapter).issues
        assert max(batch_sizes) > 10  # many paragraphs in one call
        assert together and together == one_by_one.check_chapter(chapter).issues
        third = chapter.paragraphs()[3]
        edited = parse(seed_text[: third.span.end] + " Teh end." + seed_text[third.span.end :])
        sent = batched.calls["harper"]
        batched.check_chapter(edited)
        assert batched.calls["harper"] - sent == 1
    finally:
        batched.close()
        one_by_one.close()
