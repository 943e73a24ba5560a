"""A small HTTP server that answers as LanguageTool's documented HTTP API does.

language-tool-python's remote path uses two endpoints: ``GET /v2/languages`` (a list of
``{name, code, longCode}``) when the client is created, and ``POST /v2/check`` (form
fields ``text``, ``language``, ``disabledRules``, ``enabledRules``, ``level``, ...) for
every check, whose answer holds ``matches`` with ``offset``/``length`` in UTF-16 code units,
``replacements``, ``rule {id, description, issueType, category {id, name}}``, ``context``
and ``sentence``. The server knows a handful of rules (below) and can be told to refuse,
hang, answer 500 or answer garbage, so tests can see the engine fail as it would for real.
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
]

TYPOS = {"teh": ["the"], "recieve": ["receive"], "Lexa": ["Lex", "Alexa"], "Tondc": ["Tonic"]}
_WORD_RE = re.compile(r"\w+")
_DID_RE = re.compile(r"\b(?:didn't|did not) (\w+ed)\b")
_QUOTE_RE = re.compile(r'"')


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass
class Rule:
    id: str
    description: str
    issue_type: str
    category_id: str
    category_name: str


SPELLING = Rule("MORFOLOGIK_RULE_EN_US", "Possible spelling mistake", "misspelling", "TYPOS",
                "Possible Typo")
DID_BASEFORM = Rule("DID_BASEFORM", "did + base form", "grammar", "GRAMMAR", "Grammar")
PARAGRAPH_END = Rule("PUNCTUATION_PARAGRAPH_END", "No punctuation at paragraph end",
                     "typographical", "PUNCTUATION", "Punctuation")
EN_QUOTES = Rule("EN_QUOTES", "Smart quotes", "typographical", "TYPOGRAPHY", "Typography")


def _match(text: str, start: int, end: int, rule: Rule, message: str, replacements: list[str]):
    """One match as LanguageTool writes it: offsets and lengths in UTF-16 units."""
    offset, length = utf16_len(text[:start]), utf16_len(text[start:end])
    ctx_start = max(0, start - 20)
    context = text[ctx_start : end + 20]
    return {
        "message": message,
        "shortMessage": rule.description,
        "replacements": [{"value": r} for r in replacements],
        "offset": offset,
        "length": length,
        "context": {
            "text": context,
            "offset": utf16_len(text[ctx_start:start]),
            "length": length,
        },
        "sentence": text,
        "type": {"typeName": "Other"},
        "rule": {
            "id": rule.id,
            "description": rule.description,
            "issueType": rule.issue_type,
            "category": {"id": rule.category_id, "name": rule.category_name},
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def find_matches(text: str, disabled: set[str]) -> list[dict]:
    matches = []
    if SPELLING.id not in disabled:
        for word in _WORD_RE.finditer(text):
            if word.group() in TYPOS:
                matches.append(_match(text, word.start(), word.end(), SPELLING,
                                      "Possible spelling mistake found.", TYPOS[word.group()]))
    if DID_BASEFORM.id not in disabled:
        for found in _DID_RE.finditer(text):
            verb = found.group(1)
            matches.append(_match(text, found.start(1), found.end(1), DID_BASEFORM,
                                  "The verb after 'did' takes the base form.", [verb[:-2]]))
    if EN_QUOTES.id not in disabled:
        for quote in _QUOTE_RE.finditer(text):
            matches.append(_match(text, quote.start(), quote.end(), EN_QUOTES,
                                  "Use a typographic quote.", ["\u201c", "\u201d"]))
    last = re.search(r"(\S+)\s*$", text)
    if PARAGRAPH_END.id not in disabled and last and not re.search(r"[.!?\"'\u2026:)]$", last.group(1)):
        matches.append(_match(text, last.start(1), last.end(1), PARAGRAPH_END,
                              "The paragraph does not end with punctuation.", [last.group(1) + "."]))
    return sorted(matches, key=lambda m: m["offset"])


@dataclass
class FakeLanguageTool:
    """The server's behaviour, changeable while it runs."""

    mode: str = "ok"  # ok | hang | 500 | garbage
    delay: float = 0.0  # seconds before answering a check
    fail_next: int = 0  # answer this many checks with 500, then behave per ``mode``
    gate: threading.Event = field(default_factory=lambda: _opened())
    checks: list[dict[str, str]] = field(default_factory=list)  # form fields of every check
    lock: threading.Lock = field(default_factory=threading.Lock)
    server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def texts(self) -> list[str]:
        with self.lock:
            return [c["text"] for c in self.checks]

    def stop(self) -> None:
        if self.server is not None:
            self.gate.set()
            self.server.shutdown()
            self.server.server_close()


def _opened() -> threading.Event:
    event = threading.Event()
    event.set()
    return event


def _handler(state: FakeLanguageTool) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # keep test output quiet
            pass

        def _send(self, status: int, body: bytes, kind: str = "application/json") -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting (time-out tests)

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            if self.path.startswith("/v2/languages"):
                self._send(200, json.dumps(LANGUAGES).encode())
            elif self.path.startswith("/v2/healthcheck"):
                self._send(200, b"OK", "text/plain")
            else:
                self._send(404, b"not found", "text/plain")

        def do_POST(self) -> None:  # noqa: N802
            if not self.path.startswith("/v2/check"):
                self._send(404, b"not found", "text/plain")
                return
            length = int(self.headers.get("Content-Length", 0))
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
            with state.lock:
                state.checks.append(form)
                failing = state.fail_next > 0
                state.fail_next -= failing
            state.gate.wait(30)
            if state.delay:
                time.sleep(state.delay)
            if failing or state.mode == "500":
                self._send(500, b"Error: Internal Error: java.lang.OutOfMemoryError", "text/plain")
            elif state.mode == "hang":
                time.sleep(3)
                self._send(200, b'{"matches": []}')
            elif state.mode == "garbage":
                self._send(200, b"<html>proxy says hello</html>", "text/html")
            else:
                disabled = set(filter(None, form.get("disabledRules", "").split(",")))
                text = form.get("text", "")
                answer = {
                    "software": {"name": "LanguageTool", "version": "6.8", "apiVersion": 1},
                    "language": {"name": "English (US)", "code": "en-US"},
                    "matches": find_matches(text, disabled),
                }
                self._send(200, json.dumps(answer).encode())

    return Handler


def start_server() -> FakeLanguageTool:
    state = FakeLanguageTool()
    state.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.server.daemon_threads = True
    threading.Thread(target=state.server.serve_forever, daemon=True).start()
    return state
