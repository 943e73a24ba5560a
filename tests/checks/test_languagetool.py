"""The LanguageTool engine through language-tool-python's remote path, against a fake server."""

from __future__ import annotations

import os
import stat
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from language_tool_python import download_lt

from ficwriter.checks.engine import EngineState, EngineStatus, EngineUnavailable
from ficwriter.checks.issue import Category
from ficwriter.checks.languagetool import LanguageToolEngine, java_problem
from ficwriter.checks.settings import LanguageToolSettings
from tests.checks.conftest import remote_settings
from tests.checks.lt_server import FakeLanguageTool


def flagged(engine: LanguageToolEngine, text: str) -> list[tuple[str, str]]:
    return [(f.rule_id, text[f.start : f.end]) for f in engine.check(text)]


def test_findings_carry_rule_category_message_and_suggestions(lt_engine: LanguageToolEngine):
    [finding] = lt_engine.check("She didn't turned around.")
    assert finding.rule_id == "DID_BASEFORM"
    assert finding.category is Category.GRAMMAR
    assert finding.suggestions == ("turn",)
    assert "base form" in finding.message
    assert lt_engine.status().state is EngineState.READY


def test_a_rule_is_named_by_what_it_checks_not_by_its_category(lt_engine: LanguageToolEngine):
    text = "She didn't turned around and read teh note."
    names = {f.rule_id: f.rule_name for f in lt_engine.check(text)}
    assert names == {"DID_BASEFORM": "did + base form",
                     "MORFOLOGIK_RULE_EN_US": "Possible spelling mistake"}


def test_spans_exact_after_emoji_and_accented_names(lt_engine: LanguageToolEngine):
    text = "Zoë 😀 and Ch\u0101ra 👩\u200d❤\ufe0f\u200d👩 read teh note 🐉🐉 and teh end."
    assert flagged(lt_engine, text) == [("MORFOLOGIK_RULE_EN_US", "teh")] * 2


def test_span_covering_emoji_has_exact_length(lt_engine: LanguageToolEngine):
    """language-tool-python corrects offsets for emoji but not lengths (UTF-16 units)."""
    text = "Lexa 😀 waved 🐉🐉"
    [_, finding] = lt_engine.check(text)
    assert (finding.start, finding.end) == (len(text) - 2, len(text))
    assert finding.rule_id == "PUNCTUATION_PARAGRAPH_END"


def test_spans_exact_with_checks_in_parallel_threads(lt_engine: LanguageToolEngine):
    """Different emoji counts per text: a shared offset correction would shift spans."""
    texts = [("🙂" * (i % 7)) + f" Lexa {i} said teh" + (" 🎉" * (i % 3)) + "." for i in range(60)]
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda t: flagged(lt_engine, t), texts))
    for result in results:
        assert sorted(result) == [("MORFOLOGIK_RULE_EN_US", "Lexa"), ("MORFOLOGIK_RULE_EN_US", "teh")]


def test_fiction_defaults_are_sent_and_respected(lt_server: FakeLanguageTool, lt_engine):
    assert flagged(lt_engine, '"Go," she said.') == []  # EN_QUOTES is off for fiction
    form = lt_server.checks[-1]
    assert "EN_QUOTES" in form["disabledRules"].split(",")
    assert form["language"] == "en-US"


def test_enabled_rule_overrides_fiction_default(lt_server: FakeLanguageTool):
    settings = LanguageToolSettings.from_table(
        {"mode": "remote", "url": lt_server.url, "enabled_rules": ["EN_QUOTES"], "picky": True}
    )
    engine = LanguageToolEngine(settings, "en-GB")
    try:
        assert engine.wait_started(10)
        assert [r for r, _ in flagged(engine, '"Go."')] == ["EN_QUOTES"] * 2
        form = lt_server.checks[-1]
        assert form["level"] == "picky" and form["language"] == "en-GB"
    finally:
        engine.close()


def test_paid_api_login_is_sent(lt_server: FakeLanguageTool):
    engine = LanguageToolEngine(remote_settings(lt_server.url, username="me@x.org", api_key="k1"))
    try:
        assert engine.wait_started(10)
        engine.check("Hello there.")
        assert lt_server.checks[-1]["username"] == "me@x.org"
        assert lt_server.checks[-1]["apiKey"] == "k1"
    finally:
        engine.close()


@pytest.mark.parametrize("mode", ["500", "garbage", "hang"])
def test_failing_server_is_retried_once_then_unavailable(lt_server: FakeLanguageTool, mode: str):
    engine = LanguageToolEngine(remote_settings(lt_server.url, timeout=0.3))
    seen = []
    engine.add_status_listener(seen.append)
    try:
        assert engine.wait_started(10)
        lt_server.mode = mode
        with pytest.raises(EngineUnavailable):
            engine.check("A paragraph.")
        status = engine.status()
        assert status.state is EngineState.UNAVAILABLE
        assert lt_server.url in status.detail
        assert EngineState.STARTING in [s.state for s in seen]  # it restarted once
        with pytest.raises(EngineUnavailable):  # and then stays down, without waiting
            started = time.monotonic()
            engine.check("Another.")
        assert time.monotonic() - started < 0.2
    finally:
        engine.close()


def test_server_error_reason_is_in_the_status(lt_server: FakeLanguageTool):
    engine = LanguageToolEngine(remote_settings(lt_server.url))
    try:
        assert engine.wait_started(10)
        lt_server.mode = "500"
        with pytest.raises(EngineUnavailable):
            engine.check("A paragraph.")
        assert "OutOfMemoryError" in engine.status().detail
    finally:
        engine.close()


def test_one_failure_is_survived_by_the_restart(lt_server: FakeLanguageTool, lt_engine):
    lt_server.fail_next = 1
    assert flagged(lt_engine, "I recieve it.") == [("MORFOLOGIK_RULE_EN_US", "recieve")]
    assert lt_engine.status().state is EngineState.READY


def test_refused_connection_gives_clear_status(lt_server: FakeLanguageTool):
    url = lt_server.url
    lt_server.stop()
    engine = LanguageToolEngine(remote_settings(url))
    try:
        assert engine.wait_started(10)
        status = engine.status()
        assert status.state is EngineState.UNAVAILABLE
        assert "unreachable" in status.detail and "no connection" in status.detail
        with pytest.raises(EngineUnavailable):
            engine.check("Text.")
    finally:
        engine.close()


def test_off_mode_never_contacts_anything():
    engine = LanguageToolEngine(LanguageToolSettings(mode="off"))
    assert engine.status().state is EngineState.OFF
    with pytest.raises(EngineUnavailable):
        engine.check("Text.")


def local_engine(tmp_path: Path, monkeypatch) -> tuple[LanguageToolEngine, list[EngineStatus]]:
    """A local-mode engine downloading into ``tmp_path``, and the statuses it reports."""
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    engine = LanguageToolEngine(LanguageToolSettings(mode="local"))
    seen: list[EngineStatus] = []
    engine.add_status_listener(seen.append)
    return engine, seen


def test_local_mode_without_network_says_the_download_failed(tmp_path, monkeypatch):
    """The real case here: language-tool-python's download fails at once (ConnectionError)."""
    engine, seen = local_engine(tmp_path, monkeypatch)
    try:
        assert engine.wait_started(60)
        status = engine.status()
        assert status.state is EngineState.UNAVAILABLE
        if java_problem() is None:
            assert any(
                s.state is EngineState.DOWNLOADING and str(tmp_path) in s.detail for s in seen
            )
            assert "could not download LanguageTool" in status.detail
            assert "no connection" in status.detail
        else:
            assert "Java" in status.detail
    finally:
        engine.close()


class _SlowArchive(BaseHTTPRequestHandler):
    """A download host streaming 3 MB that is not LanguageTool (its checksum will not match).

    language-tool-python reads 1 MB chunks, so 3 MB over 1.5 s shows progress on the way.
    """

    size = 3_000_000

    def log_message(self, *args: object) -> None:
        pass

    def _headers(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/zip")
        self.send_header("Content-Length", str(self.size))
        self.end_headers()

    def do_HEAD(self) -> None:  # noqa: N802
        self._headers()

    def do_GET(self) -> None:  # noqa: N802
        self._headers()
        for _ in range(10):
            self.wfile.write(b"x" * (self.size // 10))
            self.wfile.flush()
            time.sleep(0.15)


@pytest.mark.skipif(java_problem() is not None, reason="needs Java 17+ to get to the download")
def test_first_use_download_reports_progress(tmp_path, monkeypatch):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _SlowArchive)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setattr(
        download_lt, "BASE_URL_NEW_RELEASES", f"http://127.0.0.1:{server.server_address[1]}/"
    )
    engine, seen = local_engine(tmp_path, monkeypatch)
    try:
        assert engine.wait_started(30)
        progress = [s.progress for s in seen if s.state is EngineState.DOWNLOADING and s.progress]
        assert progress and 0 < progress[0] <= 1
        assert any("MB of 3 MB" in s.detail for s in seen)
        assert engine.status().state is EngineState.UNAVAILABLE
        assert "checksum mismatch" in engine.status().detail
    finally:
        engine.close()
        server.shutdown()
        server.server_close()


def _fake_java(folder: Path, version_line: str) -> None:
    java = folder / "java"
    java.write_text(f"#!/bin/sh\necho '{version_line}' >&2\n")
    java.chmod(java.stat().st_mode | stat.S_IEXEC)


def test_missing_java_is_said_plainly(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    engine = LanguageToolEngine(LanguageToolSettings(mode="local"))
    assert engine.wait_started(10)
    assert engine.status().state is EngineState.UNAVAILABLE
    assert engine.status().detail.startswith("Java is not installed: LanguageTool needs Java 17")


def test_old_java_is_named_with_its_version(tmp_path, monkeypatch):
    _fake_java(tmp_path, 'openjdk version "11.0.2" 2019-01-15')
    monkeypatch.setenv("PATH", str(tmp_path) + os.pathsep + "/bin:/usr/bin")
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    engine = LanguageToolEngine(LanguageToolSettings(mode="local"))
    assert engine.wait_started(10)
    assert "Java 11 found" in engine.status().detail
    assert "needs Java 17" in engine.status().detail


def test_java_8_old_style_version_is_understood(tmp_path, monkeypatch):
    _fake_java(tmp_path, 'java version "1.8.0_292"')
    monkeypatch.setenv("PATH", str(tmp_path))
    assert "Java 8 found" in (java_problem() or "")


@pytest.mark.real_languagetool
def test_real_languagetool_flags_real_errors_with_exact_spans(real_languagetool):
    text = "Zoë 😀🐉 said: Clarke didn't turned around, and she recieved it. We could of gone."
    found = {(f.rule_id, text[f.start : f.end]) for f in real_languagetool.check(text)}
    assert ("DID_BASEFORM", "turned") in found
    assert ("MORFOLOGIK_RULE_EN_US", "recieved") in found
    assert ("MODAL_OF", "could of") in found


@pytest.mark.real_languagetool
def test_real_languagetool_rules_have_distinct_names_that_say_what_they_check(real_languagetool):
    text = "She didn't turned around, and she recieved it. We could of gone to to the lake."
    names = {f.rule_id: f.rule_name for f in real_languagetool.check(text)}
    assert len(names) >= 3
    assert len(set(names.values())) == len(names)  # no two rules share a name
    assert all(name.lower() not in {"typos", "grammar", "misc"} for name in names.values())


@pytest.mark.real_languagetool
def test_real_languagetool_keeps_fiction_defaults(real_languagetool):
    """Straight quotes and a dialogue paragraph left open are how fiction is typed."""
    text = '"Wait," she said. "I\'m coming.'
    assert real_languagetool.check(text) == []
    assert "EN_QUOTES" in real_languagetool.settings.disabled_rules


# Correct fiction that LanguageTool's defaults flag (each from the marked corpus's kind):
# comma-free compound sentences, dialogue fragments, dialect, lowercase texting.
FICTION_LINES = [
    "She pulled the door shut behind her and the whole house went quiet.",
    '"You going?" he asked. "You okay?"',
    '"You\'re going to anyway."',
    "\"Y'all eat yet?\" \"Depends who's asking.\"",
    "Kit: i think ur right tbh. it was fine lmao",
    '"Mmph." Ooooh. Had had enough, she said, and handed her her coat.',
]


@pytest.mark.real_languagetool
def test_real_languagetool_leaves_correct_dialogue_texting_and_dialect_alone(real_languagetool):
    for line in FICTION_LINES:
        found = [(f.rule_id, line[f.start : f.end]) for f in real_languagetool.check(line)]
        assert found == [], line
    # ... and still catches what a copy editor marks in the same kind of prose
    errors = "i think she could of gone. The group of them was late, and she didn't knew."
    found = {f.rule_id for f in real_languagetool.check(errors)}
    assert {"MODAL_OF", "AUXILIARY_DO_WITH_INCORRECT_VERB_FORM"} <= found


@pytest.mark.real_languagetool
def test_real_languagetool_status_names_version_and_checks_in_parallel(real_languagetool):
    assert real_languagetool.status().detail == "LanguageTool 6.8 running locally"
    texts = [("🙂" * (i % 5)) + f" Lexa {i} recieved it." for i in range(20)]
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda t: flagged(real_languagetool, t), texts))
    assert all(("MORFOLOGIK_RULE_EN_US", "recieved") in r for r in results)
