"""Work the writer is not waiting on yields the processor to the window.

A long chapter's first check keeps both cores of a small machine busy (two Harper workers,
Rust, no lock held); a keystroke then wakes the GUI thread into a queue for a core, and with
any other program running it waits 50-300 ms - a freeze the writer sees, though the window
has nothing to do. Threads doing background work run a little behind (nice +10): still
nearly all of the processor when nothing else wants it, but never ahead of the window.

Linux threads start at the priority of the thread that starts them, so the checker's
worker threads, started from such a thread (the hand-off of a chapter to the checker),
run behind as well. Elsewhere this does nothing: there the call sets a whole process's
priority, the window's with it.
"""

from __future__ import annotations

import logging
import os
import sys
import threading

log = logging.getLogger(__name__)

BACKGROUND_NICENESS = 10  # added to the window's; 19 is the lowest Linux allows


def run_behind_the_window() -> None:
    """Lower the priority of the calling thread (and of the threads it starts)."""
    if not sys.platform.startswith("linux"):
        return
    thread = threading.get_native_id()
    try:
        niceness = os.getpriority(os.PRIO_PROCESS, thread)
        os.setpriority(os.PRIO_PROCESS, thread, min(19, niceness + BACKGROUND_NICENESS))
    except OSError as error:  # a sandbox that forbids it: the work still runs, at par
        log.debug("background priority not set: %s", error)
