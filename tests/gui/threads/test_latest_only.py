"""The latest-only worker: waiting jobs are replaced, and nothing is lost after it closes."""

from __future__ import annotations

import threading

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
