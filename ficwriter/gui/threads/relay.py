"""Handing work from other threads to the GUI thread without touching dying Qt objects.

Worker threads (the checker's, the parser's, the outline's) must not emit signals on a Qt
object the window may be deleting at that moment: a signal emitted while its object is
destroyed on the GUI thread crashes the process. So they all go through one relay that
lives as long as the application, and what they hand over is a plain Python callable,
run on the GUI thread. Receivers check that they are still in use before acting.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    call = Signal(object)


_relay: _Relay | None = None


def install() -> None:
    """Create the relay (on the GUI thread, once the application exists)."""
    global _relay
    app = QCoreApplication.instance()
    if _relay is None or _relay.parent() is not app:
        _relay = _Relay(app)
        _relay.call.connect(_run)


def _run(callback: Callable[[], None]) -> None:
    try:
        callback()
    except RuntimeError as error:  # a Qt object deleted while the call was on its way
        log.debug("late call dropped: %s", error)


def on_gui_thread(callback: Callable[[], None]) -> None:
    """Run ``callback`` on the GUI thread soon (callable from any thread)."""
    if _relay is None:
        raise RuntimeError("relay.install() has not been called")
    _relay.call.emit(callback)
