"""The latest-only worker: waiting jobs are replaced, and nothing is lost after it closes."""

from __future__ import annotations

import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from ficwriter.gui.threads.latest_only import LatestOnly


def test_a_job_handed_over_after_close_still_runs_and_flush_returns() -> None:
    worker = LatestOnly("test-worker")
    ran: list[str] = []
    worker.submit(lambda: ran.append("before"))
    worker.close()
    worker.submit(lambda: ran.append("after"))
    worker.flush()
    assert ran == ["before", "after"]
    assert not any(t.name == "test-worker" and t.is_alive() for t in threading.enumerate())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="thread priorities are Linux's")
def test_background_jobs_and_the_threads_they_start_run_behind_the_window() -> None:
    window = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    seen: dict[str, int] = {}

    def job() -> None:
        seen["job"] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
        with ThreadPoolExecutor(1) as pool:  # as the checker starts its workers
            seen["started"] = pool.submit(
                lambda: os.getpriority(os.PRIO_PROCESS, threading.get_native_id())).result()

    worker = LatestOnly("test-background", background=True)
    worker.submit(job)
    worker.close()
    assert seen["job"] > window or window == 19
    assert seen["started"] == seen["job"]
