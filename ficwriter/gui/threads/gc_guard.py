"""Python's garbage collector runs on the GUI thread only.

The checker and the watcher run Python on worker threads, and the cyclic garbage collector
runs on whichever thread happens to allocate when it is due. If it then frees a Qt widget
held in a reference cycle, Qt destroys the widget off the GUI thread and aborts. So
automatic collection is turned off and a timer on the GUI thread collects instead: the
young generation every tenth of a second and the middle one every second (a long check
allocates so fast that a second's worth of young objects took 60 ms to look through, a
freeze while typing; a tenth's is a few ms), everything only every few minutes, since a
full collection with a large chapter's model in memory takes a noticeable moment. What exists
when the guard starts (modules, classes: most of the objects) is frozen out of collections
altogether, so even a full one only looks at what the window made since.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QTimer

INTERVAL_MS = 100
MIDDLE_EVERY = 10  # ticks
FULL_EVERY = 1800  # ticks
_timer: QTimer | None = None
_ticks = 0


def _collect() -> None:
    global _ticks
    _ticks += 1
    if _ticks % FULL_EVERY == 0:
        gc.collect()
    elif _ticks % MIDDLE_EVERY == 0:
        gc.collect(1)
    else:
        gc.collect(0)


def collect_on_gui_thread(app: QCoreApplication) -> None:
    """Move cyclic garbage collection to a timer on ``app``'s thread (once per app)."""
    global _timer
    gc.disable()
    gc.collect()
    gc.freeze()
    if _timer is not None and _timer.parent() is app:
        return
    _timer = QTimer(app)
    _timer.setInterval(INTERVAL_MS)
    _timer.timeout.connect(_collect)
    _timer.start()


def release() -> None:
    """Give collection back to Python (the application is ending): stop the timer, unfreeze
    what was frozen and collect it now, while Qt is still there to destroy its objects; left
    for the interpreter's own shutdown, frozen Qt wrappers are freed after the application is
    gone, which crashes."""
    global _timer
    if _timer is not None:
        _timer.stop()
        _timer.deleteLater()
        _timer = None
    gc.unfreeze()
    gc.collect()
    gc.enable()
