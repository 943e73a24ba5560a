"""The incremental checker: paragraph by paragraph, cached, in worker threads, versioned.

A chapter version is split into paragraphs (story; notes only when asked; metadata
comments never) and each paragraph's plain text (``core.inline.plain_text``) goes to each
paragraph engine - unless the cache already holds that engine's findings for that text.
So an edit costs one paragraph per engine, and findings of unchanged paragraphs are
re-mapped to wherever their paragraph now stands.

Work runs on two thread pools: fast engines (Harper, fiction rules) on one, LanguageTool
(a server round trip) on the other, so a slow or starting server never delays the fast
results. ``submit`` delivers a first result when the fast engines are done and a final one
when every engine is; a long check also delivers what it has every ``PARTIAL_EVERY``
seconds, so the start of a big chapter is underlined while the rest is checked - and
LanguageTool's findings show paragraph by paragraph as its answers come, not only once
it has read the whole chapter (paragraphs are sent in reading order, so the first screen
is answered first). ``check_chapter`` waits for the final result and gets no part-way
ones: assembling a 10 MB chapter's issues part-way would cost seconds each time. Only
the newest submitted version is delivered, and work that only older versions wanted is
cancelled before it starts or skipped when it comes up.
Identical paragraph texts share one engine call, even across versions. A very long
paragraph goes to the engines in pieces cut at sentence ends (``checks.pieces``), each a
call and a cache entry of its own; findings are shifted back into the paragraph. An engine
whose calls cost more than their text (Harper: ~2 ms each) and that offers ``check_many``
gets the texts of a chapter's check in batches of about ``batch_chars`` characters, one
call each, still cached and delivered text by text.

A long first check can be watched and stopped: ``progress`` says how many of the newest
version's engine calls are done, and ``cancel`` drops the calls not yet started and
delivers what was found so far as that version's final result (``stopped=True``). What the
engines already answered stays cached, so the next submit only pays for the rest.

Chapter rules (whole-chapter fiction rules) run on every delivered version. The project
dictionary and dismissals are applied when a result is assembled, never cached, so adding
a word or dismissing an issue shows on the next result without re-checking anything.

``check_chapter`` (the command line, the project's other chapters) also stores the whole
chapter's issues, before dismissals, under a key made of the chapter's text and everything
else they depend on (engines' settings, dictionary, names, which engines show); checking
that chapter again with nothing changed reads them back instead of re-assembling them.
``submit`` (the window, on every keystroke) neither reads nor writes them.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import cast

from ficwriter.core.chapter import Chapter, Paragraph
from ficwriter.core.inline import PlainText, plain_text
from ficwriter.checks.cache import CheckCache, cache_key, text_digest
from ficwriter.checks.dictionary import ProjectDictionary, silenced_at, suggested_words
from ficwriter.checks.names import name_candidates
from ficwriter.checks.pieces import PIECE_CHARS, pieces
from ficwriter.checks.dismissals import Dismissals
from ficwriter.checks.engine import (
    BatchEngine,
    ChapterRule,
    Engine,
    EngineState,
    EngineStatus,
    EngineUnavailable,
)
from ficwriter.checks.issue import Category, Finding, Issue
from ficwriter.checks.merge import merge_issues
from ficwriter.checks.settings import CheckSettings

log = logging.getLogger(__name__)

SLOW_ENGINES = frozenset({"languagetool"})
ENGINE_ORDER = ("languagetool", "harper", "fiction")  # whose wording wins when merged
_MEMO_ENTRIES = 20_000
CHAPTER_RESULT_VERSION = "1"  # bump when what a stored chapter result means changes
PARTIAL_EVERY = 0.5  # seconds between part-way deliveries of a long check

Mapped = tuple[tuple[int, int, Finding], ...]  # findings in the paragraph's source offsets
Slot = tuple[str, int, int]  # (engine name, paragraph index, piece number)

ResultCallback = Callable[["CheckResult"], None]
StatusListener = Callable[[EngineStatus], None]


@dataclass(frozen=True)
class CheckResult:
    """Issues for one chapter version; ``final`` on the last delivery for that version."""

    version: int
    issues: list[Issue]
    done: frozenset[str]
    pending: frozenset[str]
    statuses: Mapping[str, EngineStatus]
    final: bool
    stopped: bool = False  # ``cancel`` ended this version's check before ``pending`` answered


class CheckerClosed(RuntimeError):
    """``check_chapter`` was waiting when the checker was closed (settings changed, the
    window let go of the project): no result will come."""


@dataclass(frozen=True)
class Progress:
    """How far the newest submitted version is: engine calls (one paragraph text each) done
    of those it needed when submitted; cached paragraphs are not counted."""

    version: int
    done: int
    total: int


@dataclass(frozen=True)
class _Piece:
    """What one engine call gets of a paragraph: its plain text from ``offset`` on."""

    offset: int  # into the paragraph's plain text
    text: str
    digest: str  # of text


@dataclass(frozen=True)
class _Plain:
    """A paragraph text's plain form (offsets relative to the paragraph), cut into pieces."""

    plain: PlainText
    pieces: tuple[_Piece, ...]  # one, unless the paragraph is very long


@dataclass(frozen=True)
class _Para:
    index: int  # into chapter.paragraphs(notes=True)
    paragraph: Paragraph
    plain: PlainText  # offsets relative to the paragraph's start
    pieces: tuple[_Piece, ...]
    scene: int | None


@dataclass(eq=False)  # compared and hashed by identity
class _Job:
    """One chapter version being checked."""

    version: int
    chapter: Chapter
    paras: list[_Para]
    engines: list[Engine]
    on_result: ResultCallback
    wanted: Callable[[], bool]
    findings: dict[Slot, list[Finding]] = field(default_factory=dict)
    keys: dict[Slot, str] = field(default_factory=dict)  # cache key per slot
    waiting: dict[str, list[Slot]] = field(default_factory=dict)  # key -> slots it answers
    remaining: Counter[str] = field(default_factory=Counter)  # engine -> keys still to come
    failed: set[str] = field(default_factory=set)
    chapter_issues: list[Issue] | None = None
    remember: bool = False  # store the final issues under the chapter's key
    partial: bool = True  # deliver part-way results too (check_chapter waits for the final)
    ready: list[Issue] | None = None  # issues read back from the chapter's key: no work
    delivered_final: bool = False
    stopped: bool = False  # by ``Checker.cancel``
    total: int = 0  # engine calls this version waits for, fixed before anyone sees the job
    calls_done: int = 0  # of those, answered (or failed)
    last_delivery: float = field(default_factory=time.monotonic)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def live(self) -> bool:
        """Its results are still wanted: the newest version and not stopped."""
        return not self.stopped and self.wanted()

    def slow_left(self) -> int:
        return sum(n for name, n in self.remaining.items() if name in SLOW_ENGINES)

    def fast_left(self) -> int:
        return sum(n for name, n in self.remaining.items() if name not in SLOW_ENGINES)


@dataclass
class _Task:
    """One engine call on one paragraph text, shared by every job that needs it."""

    key: str
    engine: Engine
    text: str
    jobs: list[_Job]
    future: Future[None] | None = None  # shared by the tasks of one batch

    def wanted(self) -> bool:
        return any(job.live() for job in self.jobs)


def _batches(tasks: list[_Task]) -> list[list[_Task]]:
    """``tasks`` in calls, in order: runs of one engine's tasks of about its
    ``batch_chars`` characters where it offers ``check_many``, else one task a call."""
    out: list[list[_Task]] = []
    size = 0
    for task in tasks:
        limit = getattr(task.engine, "batch_chars", 0)
        last = out[-1] if out else None
        if last is not None and last[0].engine is task.engine and size + len(task.text) <= limit:
            last.append(task)
            size += len(task.text)
        else:
            out.append([task])
            size = len(task.text)
    return out


class Checker:
    """Checks chapters with paragraph engines and chapter rules; see the module docstring."""

    def __init__(
        self,
        engines: Sequence[Engine],
        chapter_rules: Sequence[ChapterRule] = (),
        *,
        dictionary: ProjectDictionary | None = None,
        dismissals: Dismissals | None = None,
        cache: CheckCache | None = None,
        check_notes: bool = False,
        workers: int = 2,
        fallback_engines: frozenset[str] = frozenset(),
        project_names: Iterable[str] = (),
        not_names: Iterable[str] = (),
        find_names: bool = True,
        piece_chars: int = PIECE_CHARS,
    ) -> None:
        """``fallback_engines`` (e.g. {"harper"}) are shown only while LanguageTool is not
        ready; a paragraph longer than ``piece_chars`` is sent in pieces (``checks.pieces``)."""
        self.piece_chars = piece_chars
        self.engines = list(engines)
        self.chapter_rules = list(chapter_rules)
        self.dictionary = dictionary or ProjectDictionary()
        self.project_names = frozenset(project_names)  # candidates from the other chapters
        self.not_names = tuple(not_names)
        self.find_names = find_names  # False: only the dictionary decides what is a name
        self._names_of: tuple[str | None, frozenset[str]] = (None, frozenset())
        self.dismissals = dismissals or Dismissals()
        self.cache = cache or CheckCache()
        self.check_notes = check_notes
        self.fallback_engines = fallback_engines
        self.calls: Counter[str] = Counter()  # engine -> paragraphs sent, since creation
        self.chars: Counter[str] = Counter()  # engine -> characters sent, since creation
        self._fast = ThreadPoolExecutor(workers, thread_name_prefix="ficwriter-check")
        self._slow = ThreadPoolExecutor(workers, thread_name_prefix="ficwriter-languagetool")
        self._lock = threading.Lock()
        self._latest: int | None = None
        self._current: _Job | None = None  # the newest submitted version's job
        self._waiters: set[threading.Event] = set()  # check_chapter calls waiting
        self._closed = False
        self._inflight: dict[str, _Task] = {}
        self._plain: dict[str, _Plain] = {}
        self._mapped: dict[tuple[str, str, int], Mapped] = {}
        self._listeners: list[StatusListener] = []
        for engine in self.engines:
            add = getattr(engine, "add_status_listener", None)
            if add is not None:
                add(self._status_changed)

    # -- statuses -----------------------------------------------------------------------

    def add_status_listener(self, listener: StatusListener) -> None:
        """``listener(status)`` on every engine status change, from whichever thread."""
        self._listeners.append(listener)

    def _status_changed(self, status: EngineStatus) -> None:
        for listener in list(self._listeners):
            listener(status)

    def statuses(self) -> dict[str, EngineStatus]:
        return {engine.name: engine.status() for engine in self.engines}

    # -- checking -----------------------------------------------------------------------

    def check_chapter(
        self,
        chapter: Chapter,
        timeout: float | None = None,
        on_progress: Callable[[Progress], None] | None = None,
    ) -> CheckResult:
        """Check ``chapter`` and wait for every engine (the CLI, the project's other
        chapters, tests); ``CheckerClosed`` if the checker is closed before it is done.

        ``on_progress`` is called on the waiting thread every ``PARTIAL_EVERY`` seconds
        while the check runs (a 10 MB file takes minutes: the command line shows it)."""
        done = threading.Event()
        final: list[CheckResult] = []

        def keep(result: CheckResult) -> None:
            if result.final:
                final.append(result)
                done.set()

        with self._lock:
            if self._closed:
                raise CheckerClosed("the checker is closed")
            self._waiters.add(done)
        try:
            try:
                job = self._start(chapter, -1, keep, wanted=lambda: True, remember=True,
                                  partial=False)
            except RuntimeError:  # the thread pools shut down under it
                if self._closed:
                    raise CheckerClosed("the checker was closed") from None
                raise
            deadline = None if timeout is None else time.monotonic() + timeout
            while not done.wait(PARTIAL_EVERY if on_progress else timeout):
                if deadline is not None and time.monotonic() >= deadline:
                    raise TimeoutError(f"checking did not finish in {timeout} s")
                if on_progress is not None:
                    on_progress(Progress(job.version, job.calls_done, job.total))
        finally:
            with self._lock:
                self._waiters.discard(done)
        if not final:
            raise CheckerClosed("the checker was closed before the chapter was checked")
        return final[0]

    def submit(self, chapter: Chapter, version: int, on_result: ResultCallback) -> None:
        """Check ``chapter`` as ``version`` in the background; never blocks on an engine.

        ``on_result`` runs on a worker thread: when the fast engines are done, part-way
        (at most every ``PARTIAL_EVERY`` seconds) while a long check or LanguageTool is
        still answering, and once more (``final=True``) when every engine is; not at all
        if a newer version was submitted meanwhile.
        """
        with self._lock:
            self._latest = version
        try:
            job = self._start(chapter, version, on_result, wanted=lambda: self._latest == version)
        except RuntimeError:  # the thread pools shut down under it: nobody wants the result
            if self._closed:
                return
            raise
        with self._lock:
            if self._latest == version:
                self._current = job
        self._drop_unwanted()

    def progress(self) -> Progress | None:
        """How far the newest submitted version's engine calls are; None when it is done,
        stopped or superseded (or nothing was submitted).

        Reads without taking a lock: the GUI thread asks this a few times a second and must
        never wait for a worker (a job's lock is held while its result is assembled).
        """
        job = self._current
        if job is None or job.delivered_final or not job.live():
            return None
        return Progress(job.version, job.calls_done, job.total)

    def cancel(self) -> None:
        """Stop checking: engine calls not yet started are dropped, calls under way finish
        into the cache, and each version being checked gets its issues so far as its final
        result (``stopped=True`` when an engine had not answered for every paragraph).
        The next ``submit`` checks again, paying only for paragraphs not cached."""
        with self._lock:
            jobs = {job for task in self._inflight.values() for job in task.jobs if job.live()}
            if self._current is not None and self._current.live():
                jobs.add(self._current)
            for job in jobs:
                job.stopped = True
        self._drop_unwanted()
        for job in jobs:  # assembling a long chapter's result takes a moment: not here
            self._fast.submit(self._deliver, job, True)

    def _start(
        self,
        chapter: Chapter,
        version: int,
        on_result: ResultCallback,
        wanted: Callable[[], bool],
        remember: bool = False,
        partial: bool = True,
    ) -> _Job:
        engines = [
            e for e in self.engines
            if e.status().state not in (EngineState.OFF, EngineState.UNAVAILABLE)
        ]
        key = self._chapter_key(chapter, engines) if remember else None  # not per keystroke
        ready = self.cache.get_issues(key) if key is not None else None
        if ready is not None:
            job = _Job(version, chapter, [], engines, on_result, wanted, ready=ready)
            self._fast.submit(self._deliver, job, True)
            return job
        job = _Job(version, chapter, self._paragraphs(chapter), engines, on_result, wanted,
                   remember=remember, partial=partial)
        to_run: list[_Task] = []
        with self._lock:
            for engine in engines:
                engine_key = engine.cache_key()
                keys = {
                    (engine.name, para.index, n): cache_key(engine.name, engine_key, piece.digest)
                    for para in job.paras
                    for n, piece in enumerate(para.pieces)
                    if piece.text.strip()
                }
                cached = self.cache.get_many(set(keys.values()))
                for para in job.paras:
                    for n, piece in enumerate(para.pieces):
                        slot = (engine.name, para.index, n)
                        key = keys.get(slot)
                        if key is None:
                            job.findings[slot] = []
                            continue
                        job.keys[slot] = key
                        if key in job.waiting:
                            job.waiting[key].append(slot)
                            continue
                        found = cached.get(key)
                        if found is not None:
                            job.findings[slot] = found
                            continue
                        job.waiting[key] = [slot]
                        job.remaining[engine.name] += 1
                        task = self._inflight.get(key)
                        if task is None:
                            task = self._inflight[key] = _Task(key, engine, piece.text, [])
                            to_run.append(task)
                        task.jobs.append(job)
            # decided under the lock: no task can report to this job before it is released
            deliver_now, final_now = job.fast_left() == 0, job.slow_left() == 0
            job.total = sum(job.remaining.values())
        for batch in _batches(to_run):
            pool = self._slow if batch[0].engine.name in SLOW_ENGINES else self._fast
            future = pool.submit(self._run_tasks, batch)
            for task in batch:
                task.future = future
        if deliver_now:
            self._fast.submit(self._deliver, job, final_now)
        return job

    def _chapter_key(self, chapter: Chapter, engines: Sequence[Engine]) -> str | None:
        """The key of ``chapter``'s stored issues; None while an engine is off or unavailable
        (what it would find could change the result once it is back)."""
        if len(engines) != len(self.engines):
            return None
        parts = [
            CHAPTER_RESULT_VERSION,
            f"notes={self.check_notes} names={self.find_names} pieces={self.piece_chars}",
            *(f"{e.name}={e.cache_key()}" for e in engines),
            *(type(rule).__name__ for rule in self.chapter_rules),
            "hidden=" + ",".join(sorted(self._hidden_engines())),
            "words=" + "\n".join(sorted(self.dictionary.words)),
            "names=" + "\n".join(sorted(self.project_names)),
            "not=" + "\n".join(self.not_names),
            chapter.text,
        ]
        digest = hashlib.sha1("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
        return f"chapter:{digest}"

    def _paragraphs(self, chapter: Chapter) -> list[_Para]:
        scene_of = {id(p): scene.index for scene in chapter.scenes for p in scene.paragraphs}
        paras = []
        for index, paragraph in enumerate(chapter.paragraphs(notes=True)):
            if paragraph.is_story or self.check_notes:
                known = self._plain_of(paragraph.text)
                paras.append(_Para(index, paragraph, known.plain, known.pieces,
                                   scene_of.get(id(paragraph))))
        return paras

    def _plain_of(self, text: str) -> _Plain:
        found = self._plain.get(text)
        if found is None:
            if len(self._plain) > _MEMO_ENTRIES:
                self._plain.clear()
            plain = plain_text(text)
            cut = tuple(_Piece(at, piece, text_digest(piece)) for at, piece in pieces(plain.text, self.piece_chars))
            found = self._plain[text] = _Plain(plain, cut)
        return found

    def _drop_unwanted(self) -> None:
        """Cancel engine calls that only superseded or stopped versions wait for (a batch
        when none of its texts is wanted)."""
        with self._lock:
            batches: dict[Future[None], list[_Task]] = {}
            for task in self._inflight.values():
                if task.future is not None:
                    batches.setdefault(task.future, []).append(task)
            for future, tasks in batches.items():
                if not any(task.wanted() for task in tasks) and future.cancel():
                    for task in tasks:
                        del self._inflight[task.key]

    def _run_tasks(self, tasks: list[_Task]) -> None:
        """One engine call on the texts of ``tasks`` still wanted (one engine's)."""
        with self._lock:
            wanted = []
            for task in tasks:
                if task.wanted():
                    wanted.append(task)
                else:  # only stale or stopped versions wanted this
                    self._inflight.pop(task.key, None)
            if not wanted:
                return
            engine = wanted[0].engine
            self.calls[engine.name] += len(wanted)
            self.chars[engine.name] += sum(len(task.text) for task in wanted)
        results: list[list[Finding]] | list[None]
        try:
            if len(wanted) == 1:
                results = [engine.check(wanted[0].text)]
            else:
                batching = cast(BatchEngine, engine)  # _batches joins only such engines' tasks
                results = batching.check_many([task.text for task in wanted])
        except EngineUnavailable:
            results = [None] * len(wanted)
        except Exception:  # an engine's bug must not stop the others
            log.exception("%s failed on a paragraph", engine.name)
            results = [None] * len(wanted)
        for task, findings in zip(wanted, results):
            if findings is not None:
                self.cache.put(task.key, findings)
            with self._lock:
                self._inflight.pop(task.key, None)
                jobs = list(task.jobs)
            for job in jobs:
                self._task_done(job, task, findings)

    def _task_done(self, job: _Job, task: _Task, findings: list[Finding] | None) -> None:
        name = task.engine.name
        with job.lock:
            for slot in job.waiting.get(task.key, ()):
                if findings is not None:
                    job.findings[slot] = findings
            if findings is None:
                job.failed.add(name)
            job.remaining[name] -= 1
            job.calls_done += 1
            fast_left, slow_left = job.fast_left(), job.slow_left()
            now = time.monotonic()
            part_way = (
                findings is not None
                and (fast_left > 0 or slow_left > 0)
                and now - job.last_delivery >= PARTIAL_EVERY
            )
            if part_way:
                job.last_delivery = now
        if name in SLOW_ENGINES and slow_left == 0 and fast_left == 0:
            self._deliver(job, final=True)
        elif name not in SLOW_ENGINES and fast_left == 0:
            self._deliver(job, final=slow_left == 0)
        elif part_way and job.live():  # LanguageTool's findings too, as they come
            self._deliver(job, final=False)

    # -- results ------------------------------------------------------------------------

    def _deliver(self, job: _Job, final: bool) -> None:
        if not final and not job.partial:
            return  # nobody looks: assembling a 10 MB chapter part-way costs seconds each time
        with job.lock:  # one delivery at a time per job; a partial never follows the final
            if job.delivered_final or not job.wanted():
                return
            if job.ready is None and job.chapter_issues is None:
                job.chapter_issues = self._run_chapter_rules(job.chapter)
            pending = frozenset(n for n, left in job.remaining.items() if left > 0)
            names = {e.name for e in job.engines}
            issues = job.ready if job.ready is not None else self._assemble(job)
            if job.remember and final and not pending and not job.failed and not job.stopped:
                key = self._chapter_key(job.chapter, job.engines)
                if key is not None:
                    self.cache.put_issues(key, issues)
            result = CheckResult(
                version=job.version,
                issues=self.dismissals.filter(issues, job.chapter),
                done=frozenset(names - pending - job.failed),
                pending=pending,
                statuses=self.statuses(),
                final=final,
                stopped=final and job.stopped and bool(pending),
            )
            job.delivered_final = final
            if final:
                self.cache.flush()  # a final result is also a saved one
            job.on_result(result)

    def _run_chapter_rules(self, chapter: Chapter) -> list[Issue]:
        issues: list[Issue] = []
        for rule in self.chapter_rules:
            try:
                issues.extend(rule.check_chapter(chapter))
            except Exception:  # a rule's bug must not stop the others
                log.exception("chapter rule %s failed", rule.name)
        return issues

    def _hidden_engines(self) -> frozenset[str]:
        ready = {e.name for e in self.engines if e.status().state is EngineState.READY}
        return self.fallback_engines if "languagetool" in ready else frozenset()

    def _mapped_findings(
        self, key: str, para: _Para, piece: _Piece, findings: list[Finding]
    ) -> Mapped:
        """``findings`` on ``piece`` minus dictionary words, in the paragraph's source
        offsets (memoized).

        The memo is keyed by the paragraph's source text, not its plain text: two sources
        with the same words ("*a*" and "a") map differently.
        """
        memo_key = (key, para.paragraph.text, piece.offset, self.dictionary.generation)
        found = self._mapped.get(memo_key)
        if found is None:
            plain, at = para.plain, piece.offset
            mapped = []
            for f in findings:
                if not 0 <= f.start <= f.end <= len(piece.text):
                    continue  # an engine answered for another text
                start, end = at + f.start, at + f.end
                if silenced_at(
                    self.dictionary, plain.text, start, end, f.category, f.rule_id, self.not_names
                ):
                    continue
                mapped.append((*plain.source_span(start, end), f))
            if len(self._mapped) > _MEMO_ENTRIES:
                self._mapped.clear()
            found = self._mapped[memo_key] = tuple(mapped)
        return found

    def _update_names(self, chapter: Chapter) -> None:
        """Name candidates of the project and of this chapter as it is now (a name the
        writer just introduced twice is one), handed to the dictionary."""
        if not self.find_names:
            return
        if self._names_of[0] != chapter.text:
            found = name_candidates([chapter], self.dictionary.words, self.not_names)
            self._names_of = (chapter.text, frozenset(c.word for c in found))
        self.dictionary.set_names(self.project_names | self._names_of[1])

    def _assemble(self, job: _Job) -> list[Issue]:
        self._update_names(job.chapter)
        hidden = self._hidden_engines()
        names = [e.name for e in job.engines if e.name not in hidden]
        issues: list[Issue] = []
        for para in job.paras:
            base = para.paragraph.span.start
            for name in names:
                for n, piece in enumerate(para.pieces):
                    slot = (name, para.index, n)
                    findings = job.findings.get(slot)
                    if not findings:
                        continue
                    mapped = self._mapped_findings(job.keys[slot], para, piece, findings)
                    for start, end, f in mapped:
                        issues.append(
                            Issue(base + start, base + end, f.category, f.rule_id, f.rule_name,
                                  f.message, name, f.suggestions, f.severity, para.index,
                                  para.scene)
                        )
        text = job.chapter.text
        for issue in job.chapter_issues or ():
            if self.dictionary.silences(issue.category, text[issue.start : issue.end], issue.rule_id):
                continue
            issues.append(issue)
        return merge_issues(issues, ENGINE_ORDER, text=text)

    # -- dictionary and dismissals ------------------------------------------------------

    def add_word(self, word: str) -> None:
        """Add ``word`` to the project dictionary; the next result no longer flags it."""
        self.dictionary.add(word)

    def suggested_words(self, chapter: Chapter) -> list[str]:
        return suggested_words(chapter, self.dictionary)

    def dismiss_issue(self, issue: Issue, chapter: Chapter, chapter_name: str = "") -> None:
        self.dismissals.dismiss_issue(issue, chapter, chapter_name)

    def dismiss_rule(self, rule_id: str) -> None:
        self.dismissals.dismiss_rule(rule_id)

    def undismiss_rule(self, rule_id: str) -> None:
        self.dismissals.undismiss_rule(rule_id)

    def close(self, close_engines: bool = True) -> None:
        """Stop the worker threads (queued work is dropped) and, unless told not to, the
        engines; a ``check_chapter`` still waiting raises ``CheckerClosed``."""
        with self._lock:
            self._latest = None
            self._closed = True
            for waiter in self._waiters:
                waiter.set()
        self._fast.shutdown(wait=False, cancel_futures=True)
        self._slow.shutdown(wait=False, cancel_futures=True)
        if close_engines:
            for engine in self.engines:
                engine.close()
        self.cache.close()
