"""Exporting a whole work without freezing the window: render, then (once asked) write.

Rendering (``core.export.export_work``: every chapter read, cleaned and rendered; an
e-book zipped) runs on a worker thread and reports each chapter done; its result comes
back to the GUI thread before anything is written, so the dialog can ask about files that
exist. Writing (``destination.write_export_files``, all or none) runs on a worker too.
Cancel is asked before every chapter and every file: a cancelled export leaves nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ficwriter.core.atomic import SaveError, WriteCancelled
from ficwriter.core.export import ExportCancelled, WorkExport
from ficwriter.core.export.destination import ExportRefused, write_export_files
from ficwriter.core.project import Project
from ficwriter.core.textfile import UnreadableFile
from ficwriter.gui.threads.relay import on_gui_thread

Render = Callable[[Callable[[int, int], None], Callable[[], bool]], WorkExport]


class ExportJob(QObject):
    """One export: ``start()`` renders, ``write(...)`` writes what ``ready`` delivered."""

    progressed = Signal(int, int)  # chapters done (plus the packing step), steps in all
    ready = Signal(object)  # the WorkExport, nothing written yet
    written = Signal(list)  # the paths written
    failed = Signal(str)  # one sentence; nothing written
    stopped = Signal()  # cancelled; nothing written

    def __init__(self, render: Render, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._render = render
        self._cancelled = threading.Event()
        self.running = False

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        self._cancelled.set()

    def start(self) -> None:
        self.running = True
        threading.Thread(target=self._render_work, name="ficwriter-export", daemon=True).start()

    def write(self, work: WorkExport, folder: Path, project: Project | None, force: bool) -> None:
        self.running = True
        thread = threading.Thread(target=self._write_work, args=(work, folder, project, force),
                                  name="ficwriter-export-write", daemon=True)
        thread.start()

    def _report(self, done: int, total: int) -> None:
        on_gui_thread(lambda: self.progressed.emit(done, total))

    def _render_work(self) -> None:
        try:
            work = self._render(self._report, self._cancelled.is_set)
        except ExportCancelled:
            on_gui_thread(self._stop)
        except (OSError, UnreadableFile, ValueError) as error:
            message = str(error)
            on_gui_thread(lambda: self._fail(message))
        else:
            on_gui_thread(lambda: self._ready(work))

    def _write_work(self, work: WorkExport, folder: Path, project: Project | None,
                    force: bool) -> None:  # fmt: skip
        try:
            paths = write_export_files(work.files, folder, project, force=force,
                                       cancelled=self._cancelled.is_set)  # fmt: skip
        except WriteCancelled:
            on_gui_thread(self._stop)
        except (ExportRefused, SaveError) as error:
            message = str(error)
            on_gui_thread(lambda: self._fail(message))
        else:
            on_gui_thread(lambda: self._written(paths))

    def _ready(self, work: WorkExport) -> None:
        self.running = False
        if self.cancelled:  # Cancel pressed while the result was on its way
            self.stopped.emit()
        else:
            self.ready.emit(work)

    def _written(self, paths: list[Path]) -> None:
        self.running = False
        self.written.emit(paths)

    def _fail(self, message: str) -> None:
        self.running = False
        self.failed.emit(message)

    def _stop(self) -> None:
        self.running = False
        self.stopped.emit()
