"""Saying on the window's bar that history is not being written (a full or read-only disk).

The store tells when a write is refused and when writes succeed again (``on_trouble``),
from whichever thread wrote: a save, the folder watcher, the recovery journal. The bar
says it once, in the words the command line uses ("disk full: history not updated"), and
that saves still write the chapter files; it goes away by itself once history is written
again. It never covers a bar that asks the writer something (a conflict, a recovery).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject

from ficwriter.history.disk_trouble import DISK_FULL, READ_ONLY_DISK, HistoryUnavailable

if TYPE_CHECKING:
    from ficwriter.gui.editor.message_bar import MessageBar

_UNTIL = {
    DISK_FULL: "once the disk has room again",
    READ_ONLY_DISK: "once the disk can be written again",
}


class TroubleWindow(Protocol):
    bar: MessageBar


def trouble_text(trouble: HistoryUnavailable) -> str:
    """What the bar says: the problem, and that saving chapters goes on without history."""
    line = str(trouble)
    until = _UNTIL.get(trouble.problem, "once the disk allows it")
    return (
        f"{line[:1].upper()}{line[1:]}. Saves still go to the chapter files (and say so "
        f"when they cannot); history catches up with the files {until}."
    )


class HistoryTroubleBar(QObject):
    """Shows and takes away the history bar; ``changed`` may be called from any thread
    through a queued signal (``Workspace.historyTrouble``)."""

    def __init__(self, window: TroubleWindow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self._text: str | None = None  # what the bar says while it is ours

    @property
    def showing(self) -> bool:
        """True while the bar says that history is not written."""
        bar = self.window.bar
        return self._text is not None and not bar.isHidden() and bar.label.text() == self._text

    def changed(self, trouble: HistoryUnavailable | None) -> None:
        bar = self.window.bar
        if trouble is None:
            if self.showing:
                bar.dismiss()
            self._text = None
            return
        if not bar.isHidden() and not self.showing:
            return  # another bar asks the writer something; the status line still says it
        self._text = trouble_text(trouble)
        bar.show_message(self._text, [("OK", bar.dismiss)])
