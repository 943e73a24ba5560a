"""Work the GUI thread hands off and does not wait for, newest first.

Handing a 100,000-word chapter to the checker or writing it to the recovery journal takes
tens of milliseconds of Python; on the GUI thread that is a stall a writer feels. A
``LatestOnly`` runs such jobs on its own thread, one at a time; a job superseded by a newer
one before it started is skipped (only the newest text matters). A ``background`` one runs
behind the window (``priority``), and so do the threads its jobs start.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from ficwriter.gui.threads.priority import run_behind_the_window

log = logging.getLogger(__name__)


class LatestOnly:
    def __init__(self, name: str, background: bool = False) -> None:
        self._name = name
        self._background = background
        self._job: Callable[[], None] | None = None
        self._wake = threading.Condition()
        self._closed = False
        self._running = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def submit(self, job: Callable[[], None]) -> None:
        """Run ``job`` soon on the worker thread, replacing a job still waiting (once the
        worker is closed, right here: a job handed over late is neither lost nor waited for
        by ``flush`` forever)."""
        with self._wake:
            if not self._closed:
                self._job = job
                self._wake.notify_all()
                return
        job()

    def flush(self) -> None:
        """Wait until the waiting job, if any, has run."""
        with self._wake:
            while self._job is not None or self._running:
                self._wake.wait()

    def close(self, wait: bool = True) -> None:
        """Finish the waiting job (if any) and stop."""
        with self._wake:
            self._closed = True
            self._wake.notify_all()
        if wait:
            self._thread.join()

    def _run(self) -> None:
        if self._background:
            run_behind_the_window()
        while True:
            with self._wake:
                while self._job is None and not self._closed:
                    self._wake.wait()
                job, self._job = self._job, None
                if job is None:
                    self._wake.notify_all()
                    return
                self._running = True
            try:
                job()
            except Exception:  # a failed hand-off must not end the worker
                log.exception("%s: background job failed", self._name)
            finally:
                with self._wake:
                    self._running = False
                    self._wake.notify_all()
