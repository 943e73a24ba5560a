"""The LanguageTool engine: language-tool-python's client against a LanguageTool server.

Three modes: ``local`` (ficwriter runs LanguageTool's HTTP server on a loopback port, from
the jars ``scripts/get-languagetool`` fetched, an unpacked release, or, failing both, a
release language-tool-python downloads; needs Java 17+; see ``languagetool_install`` and
``languagetool_process``), ``remote`` (a server URL, optionally with username + API key for
LanguageTool's paid API) and ``off``. Starting takes seconds (the server, then loading its
rules with one warm-up check), so it happens on a background thread; ``check`` waits for it
(up to ``start_timeout``) and the status says what is going on: starting, downloading,
ready, or unavailable and why.

Failure policy: when a request fails (server crashed, unreachable, hung past the time-out,
answered 500 or garbage) the engine rebuilds its client once - for a local server that
means a new server process - and tries again; after that it reports UNAVAILABLE with the
reason and raises ``EngineUnavailable``, so the scheduler keeps going with the other engines.

Fiction: besides the rules ``settings`` turns off, the flags ``fiction_words`` knows to be
correct fiction (a character's "Mmm", "tbh" in a text message, a sign's capitals, "had
had") are dropped here, as the Harper engine drops its own.

Offsets: LanguageTool counts UTF-16 code units. language-tool-python's ``Match`` converts
``offset`` (not ``length``) using two class attributes shared by every call in the process
(``Match.PREVIOUS_MATCHES_TEXT`` and ``Match.FOUR_BYTES_POSITIONS``), so two threads checking
different texts can each get the other's correction. We never let it need one: before
sending, every character outside the Basic Multilingual Plane (emoji, mostly) is replaced
by U+FFFD, which is one code point *and* one UTF-16 unit. The text keeps its length in
code points, LanguageTool's offsets and lengths are then Python indices, and the shared
correction is always empty - exact spans with any number of threads, no lock needed.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import language_tool_python
import requests
from language_tool_python.download_lt import (
    LTP_DOWNLOAD_VERSION,
    LocalLanguageTool,
    parse_java_version,
)
from language_tool_python.exceptions import LanguageToolError
from language_tool_python.match import Match
from language_tool_python.utils import get_language_tool_download_path

from ficwriter.checks.engine import EngineState, EngineStatus, EngineUnavailable
from ficwriter.checks.fiction_words import correct_double, is_texting, spelled_on_purpose
from ficwriter.checks.issue import DEFAULT_SEVERITY, Category, Finding
from ficwriter.checks.languagetool_install import (
    FOLDER_VARIABLE,
    Installation,
    configured_folder,
    find_installation,
)
from ficwriter.checks.languagetool_process import LocalServer
from ficwriter.checks.settings import LanguageToolSettings

NAME = "languagetool"
MIN_JAVA = 17
MAX_SUGGESTIONS = 5
WARM_UP_TEXT = "She didn't see it coming."
_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")
_PLACEHOLDER = "\ufffd"

_ISSUE_TYPES: dict[str, Category] = {
    "misspelling": Category.SPELLING,
    "typographical": Category.TYPOGRAPHY,
    "whitespace": Category.TYPOGRAPHY,
    "style": Category.STYLE,
    "locale-violation": Category.SPELLING,
}
_CATEGORIES: dict[str, Category] = {
    "TYPOS": Category.SPELLING,
    "PUNCTUATION": Category.PUNCTUATION,
    "TYPOGRAPHY": Category.TYPOGRAPHY,
    "STYLE": Category.STYLE,
    "REDUNDANCY": Category.STYLE,
    "PLAIN_ENGLISH": Category.STYLE,
    "REPETITIONS_STYLE": Category.STYLE,
}

_DOUBLE_RULES = {"ENGLISH_WORD_REPEAT_RULE"}

StatusListener = Callable[[EngineStatus], None]


def bmp_only(text: str) -> str:
    """``text`` with every non-BMP character replaced by U+FFFD (same length in code points)."""
    return _ASTRAL_RE.sub(_PLACEHOLDER, text)


def java_problem() -> str | None:
    """Why Java cannot run LanguageTool here, in words for the writer; None when it can."""
    java = shutil.which("java")
    advice = (
        f"install Java {MIN_JAVA} or newer (e.g. Eclipse Temurin or your system's OpenJDK "
        "package), or give a LanguageTool server URL in the check settings"
    )
    if not java:
        return f"Java is not installed: LanguageTool needs Java {MIN_JAVA} or newer; {advice}"
    try:
        output = subprocess.run(
            [java, "-version"], capture_output=True, text=True, timeout=20, check=False
        )
        major, minor = parse_java_version(output.stderr + output.stdout)
    except (OSError, subprocess.TimeoutExpired, SystemExit) as error:
        return f"Java at {java} did not report its version ({error}); {advice}"
    version = minor if major == 1 else major  # "1.8" is Java 8
    if version < MIN_JAVA:
        return f"Java {version} found at {java}, but LanguageTool needs Java {MIN_JAVA}; {advice}"
    return None


def _category(match: Match) -> Category:
    by_type = _ISSUE_TYPES.get(match.rule_issue_type)
    return by_type or _CATEGORIES.get(match.category, Category.GRAMMAR)


def _fiction_false_flag(match: Match, text: str, texting: bool) -> bool:
    """A flag LanguageTool raises on correct fiction (``fiction_words``): a word spelled
    on purpose ("Mmm", "tbh" in a text, "N.E.W.T.") or a deliberate double ("Had had")."""
    start, end = match.offset, match.offset + match.error_length
    if match.rule_id in _DOUBLE_RULES:
        return correct_double(text[start:end])
    if _category(match) is Category.SPELLING:
        return spelled_on_purpose(text, start, end, texting, match.replacements[:MAX_SUGGESTIONS])
    return False


def _finding(match: Match, rule_names: dict[str, str]) -> Finding:
    """``rule_names``: LanguageTool's own description of each rule seen (its category, such
    as "Typos", is shared by hundreds of rules and says nothing of what one checks)."""
    category = _category(match)
    return Finding(
        start=match.offset,
        end=match.offset + match.error_length,
        category=category,
        rule_id=match.rule_id,
        rule_name=(rule_names.get(match.rule_id)
                   or match.category.replace("_", " ").capitalize()),
        message=match.message,
        suggestions=tuple(match.replacements[:MAX_SUGGESTIONS]),
        severity=DEFAULT_SEVERITY[category],
    )


class _Client(language_tool_python.LanguageTool):
    """language-tool-python's client with a request time-out, the paid API's login and our server.

    The library reads its time-out from ``self._TIMEOUT`` and builds request fields in
    ``_create_params``; LanguageTool's API takes ``username`` and ``apiKey`` fields there.
    """

    def __init__(
        self,
        *args: Any,
        timeout: float,
        username: str,
        api_key: str,
        server: LocalServer | None = None,
        **kw: Any,
    ):
        self._TIMEOUT = timeout  # type: ignore[misc]  # shadows the library's 300 s
        self._login = {"username": username, "apiKey": api_key} if username else {}
        self.local_server = server
        self.rule_names: dict[str, str] = {}  # rule id -> the server's description of it
        super().__init__(*args, **kw)

    def _create_params(self, text: str) -> dict[str, str]:
        return {**super()._create_params(text), **self._login}

    def _query_server(self, url: str, params: Any = None, **kw: Any) -> Any:
        """The server's answer, its rules' descriptions noted first: the library's ``Match``
        keeps a rule's id and category but drops its description."""
        response = super()._query_server(url, params, **kw)
        if isinstance(response, dict):
            for match in response.get("matches") or ():
                rule = match.get("rule") if isinstance(match, dict) else None
                if isinstance(rule, dict) and rule.get("id") and rule.get("description"):
                    self.rule_names[rule["id"]] = str(rule["description"])
        return response

    def close(self) -> None:
        """Close the client and end the server ficwriter started for it, if any."""
        super().close()
        if self.local_server is not None:
            self.local_server.stop()


def _download_size(folder: Path) -> int:
    """Bytes in language-tool-python's temporary download folders (it downloads there)."""
    total = 0
    for temp in folder.glob("tmp*"):
        for part in temp.rglob("*"):
            try:
                total += part.stat().st_size
            except OSError:
                continue
    return total


def _archive_size(version: str) -> int | None:
    """Bytes of the archive language-tool-python is about to download, if the host says."""
    try:
        url = LocalLanguageTool.from_version_name(version).download_url
        head = requests.head(url, allow_redirects=True, timeout=10)
        return int(head.headers["Content-Length"]) if head.ok else None
    except (requests.RequestException, LanguageToolError, KeyError, ValueError):
        return None


def _reason(error: BaseException) -> str:
    """What went wrong, in words: language-tool-python wraps the requests error it got."""
    chain: list[BaseException] = [error]
    while chain[-1].__cause__ is not None and len(chain) < 5:
        chain.append(chain[-1].__cause__)
    for cause in chain:
        if isinstance(cause, (requests.Timeout, TimeoutError)):
            return "no answer within the time-out"
        if isinstance(cause, requests.ConnectionError):
            return f"no connection ({_short(cause)})"
    return _short(error)


def _short(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= 240 else text[:237] + "..."


class LanguageToolEngine:
    """Paragraph engine backed by a LanguageTool server; ``check`` is thread-safe."""

    name = NAME

    def __init__(self, settings: LanguageToolSettings, language: str = "en-US") -> None:
        self.settings = settings
        self.language = language
        self._lock = threading.Lock()
        self._listeners: list[StatusListener] = []
        self._client: _Client | None = None
        self._generation = 0
        self._restarts_left = 1
        self._version = settings.url if settings.mode == "remote" else LTP_DOWNLOAD_VERSION
        self._started = threading.Event()
        self._closed = False
        self._starting: LocalServer | None = None
        if settings.mode == "off":
            self._status = EngineStatus(NAME, EngineState.OFF, "turned off in the settings")
            self._started.set()
        else:
            self._status = EngineStatus(NAME, EngineState.STARTING, "starting LanguageTool")
            threading.Thread(target=self._start, name="languagetool-start", daemon=True).start()

    # -- status -------------------------------------------------------------------------

    def status(self) -> EngineStatus:
        return self._status

    def add_status_listener(self, listener: StatusListener) -> None:
        self._listeners.append(listener)

    def _set_status(self, state: EngineState, detail: str, progress: float | None = None) -> None:
        self._status = EngineStatus(NAME, state, detail, progress)
        for listener in list(self._listeners):
            listener(self._status)

    def wait_started(self, timeout: float | None = None) -> bool:
        """Block until the engine is ready, off or unavailable; False on time-out."""
        return self._started.wait(timeout)

    def cache_key(self) -> str:
        s = self.settings
        parts = [
            "fiction-words-1",  # findings are filtered by checks.fiction_words
            self._version,
            self.language,
            str(s.picky),
            ",".join(sorted(s.enabled_rules)),
            ",".join(sorted(s.disabled_rules)),
            ",".join(sorted(s.enabled_categories)),
            ",".join(sorted(s.disabled_categories)),
        ]
        return "lt-" + hashlib.sha1("\n".join(parts).encode()).hexdigest()[:16]

    # -- starting -----------------------------------------------------------------------

    def _start(self) -> None:
        """Background start; a failed first attempt uses the one restart."""
        try:
            while True:
                try:
                    client = self._connect()
                except EngineUnavailable as error:
                    self._set_status(EngineState.UNAVAILABLE, str(error))
                    return
                except Exception as error:  # noqa: BLE001 - any failure becomes a status
                    if self._restarts_left and not self._closed:
                        self._restarts_left -= 1
                        self._set_status(EngineState.STARTING, f"retrying: {_reason(error)}")
                        continue
                    self._set_status(EngineState.UNAVAILABLE, self._failure_text(error))
                    return
                with self._lock:
                    self._client, self._generation = client, self._generation + 1
                if self._closed:
                    self.close()
                    return
                self._set_status(EngineState.READY, self._ready_text())
                return
        finally:
            self._started.set()

    def _failure_text(self, error: BaseException) -> str:
        if self.settings.mode == "remote":
            return f"LanguageTool server {self.settings.url} unreachable: {_reason(error)}"
        return f"local LanguageTool server failed: {_reason(error)}"

    def _ready_text(self) -> str:
        if self.settings.mode == "remote":
            return f"LanguageTool at {self.settings.url}"
        return f"LanguageTool {self._version} running locally"

    def _connect(self) -> _Client:
        s = self.settings
        common = {
            "timeout": s.timeout,
            "username": s.username,
            "api_key": s.api_key,
        }
        if s.mode == "remote":
            client = _Client(self.language, remote_server=s.url, **common)
        else:
            client = self._start_local(common)
        client.picky = s.picky
        client.enabled_rules = set(s.enabled_rules)
        client.disabled_rules = set(s.disabled_rules)
        client.enabled_categories = set(s.enabled_categories)
        client.disabled_categories = set(s.disabled_categories)
        if client.local_server is not None:
            self._warm_up(client)
        return client

    def _warm_up(self, client: _Client) -> None:
        """A fresh server loads its English rules on the first check (about 10 s): do it now,
        so READY means the next check answers in milliseconds."""
        self._set_status(EngineState.STARTING, f"LanguageTool {self._version}: loading its rules")
        try:
            client.check(WARM_UP_TEXT)
        except BaseException:
            client.close()
            raise

    def _start_local(self, common: dict[str, Any]) -> _Client:
        """Start LanguageTool from the best installation found, downloading one if none is."""
        problem = java_problem()
        if problem:
            raise EngineUnavailable(problem)
        folder = configured_folder(self.settings.folder)
        installation = find_installation(folder) or self._download(folder)
        self._version = installation.version
        self._set_status(
            EngineState.STARTING,
            f"starting LanguageTool {installation.version} from {installation.folder}",
        )
        server = LocalServer(installation, shutil.which("java") or "java")
        self._starting = server  # so close() can end a server that is still starting
        try:
            url = server.start(self.settings.start_timeout)
        finally:
            self._starting = None
        try:
            return _Client(self.language, remote_server=url, server=server, **common)
        except BaseException:
            server.stop()
            raise

    def _download(self, folder: Path) -> Installation:
        """No LanguageTool here: language-tool-python downloads a release; report how far it got."""
        downloads = get_language_tool_download_path()
        done = threading.Event()
        reporting = threading.Lock()  # no "downloading" may follow the download's end

        def report() -> None:
            total = _archive_size(self._version)
            while not done.wait(0.5):
                size = _download_size(downloads)
                with reporting:
                    if done.is_set():
                        return
                    self._set_status(
                        EngineState.DOWNLOADING,
                        f"downloading LanguageTool {self._version} to {downloads}: "
                        f"{size / 1e6:.0f} MB of {total / 1e6 if total else 250:.0f} MB "
                        "(first use only)",
                        min(1.0, size / total) if total else None,
                    )

        self._set_status(
            EngineState.DOWNLOADING,
            f"no LanguageTool in {folder}: downloading LanguageTool {self._version} to "
            f"{downloads} (about 250 MB, first use only)",
        )
        reporter = threading.Thread(target=report, name="languagetool-download", daemon=True)
        reporter.start()
        try:
            LocalLanguageTool.from_version_name(self._version).download()
            installation = find_installation(folder)
            if installation is None:
                raise LanguageToolError(f"the download left no LanguageTool in {downloads}")
        except Exception as error:  # noqa: BLE001 - the writer gets the reason and a way out
            raise EngineUnavailable(
                f"could not download LanguageTool {self._version}: {_reason(error)}. Get it "
                f"from Maven Central with ficwriter's scripts/get-languagetool, then name its "
                f"folder with --languagetool-dir, {FOLDER_VARIABLE} or [checks.languagetool] "
                "dir (or give a LanguageTool server URL)"
            ) from error
        finally:
            with reporting:
                done.set()
        return installation

    # -- checking -----------------------------------------------------------------------

    def check(self, text: str) -> list[Finding]:
        if not self._started.wait(self.settings.start_timeout):
            raise EngineUnavailable(f"LanguageTool did not start in {self.settings.start_timeout:g} s")
        for _ in range(2):
            with self._lock:
                client, generation = self._client, self._generation
            if client is None or self._status.state is not EngineState.READY:
                raise EngineUnavailable(self._status.detail)
            try:
                matches = client.check(bmp_only(text))
                texting = is_texting(text)
                return [
                    _finding(m, client.rule_names) for m in matches
                    if m.error_length > 0 and not _fiction_false_flag(m, text, texting)
                ]
            except (LanguageToolError, requests.RequestException, OSError, KeyError,
                    TypeError, ValueError) as error:
                self._recover(generation, error)
        raise EngineUnavailable(self._status.detail)

    def _recover(self, generation: int, error: BaseException) -> None:
        """One restart per engine; after that the engine stays unavailable with the reason."""
        with self._lock:
            if generation != self._generation:
                return  # another thread already restarted (or gave up)
            old, self._client = self._client, None
            self._generation += 1
            restart = self._restarts_left > 0 and not self._closed
            if restart:
                self._restarts_left -= 1
        if old is not None:
            old.close()
        if not restart:
            self._set_status(EngineState.UNAVAILABLE, self._failure_text(error))
            return
        self._set_status(EngineState.STARTING, f"restarting after: {_reason(error)}")
        try:
            client = self._connect()
        except Exception as second:  # noqa: BLE001 - any failure becomes a status
            self._set_status(EngineState.UNAVAILABLE, self._failure_text(second))
            return
        with self._lock:
            self._client, self._generation = client, self._generation + 1
        self._set_status(EngineState.READY, self._ready_text())

    def close(self) -> None:
        self._closed = True
        starting = self._starting
        if starting is not None:
            starting.stop()
        with self._lock:
            client, self._client = self._client, None
        if client is not None:
            client.close()
