"""Importing a file into the project without freezing the window.

``core.importers.import_chapters`` (the slow part: reading and converting the file) runs on
a worker thread under a progress dialog whose Cancel discards the result; only when it has
succeeded and was not cancelled does ``core.project.import_into_project`` write the new
chapter files, on the GUI thread.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ficwriter.core.importers import import_chapters
from ficwriter.core.project import import_into_project
from ficwriter.core.textfile import UnreadableFile
from ficwriter.gui.relay import on_gui_thread


class ImportJob(QObject):
    finished = Signal(Path)  # the first new chapter file
    failed = Signal(str)

    def __init__(self, source: Path, root: Path, parent: QWidget) -> None:
        super().__init__(parent)
        self.source = source
        self.root = root
        self.cancelled = False
        self.progress = QProgressDialog(f"Importing {source.name}…", "Cancel", 0, 0, parent)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.canceled.connect(self._cancel)

    def start(self) -> None:
        threading.Thread(target=self._work, name="ficwriter-import", daemon=True).start()

    def _work(self) -> None:
        try:
            import_chapters(self.source)
        except (OSError, UnreadableFile) as error:
            message = str(error)
            on_gui_thread(lambda: self._done(message))
            return
        on_gui_thread(lambda: self._done(None))

    def _cancel(self) -> None:
        self.cancelled = True

    def _done(self, error: str | None) -> None:
        self.progress.reset()
        if self.cancelled:
            self.deleteLater()
            return
        if error is not None:
            self.failed.emit(error)
        else:
            try:
                self.finished.emit(import_into_project(self.source, self.root))
            except (OSError, UnreadableFile) as failure:
                self.failed.emit(str(failure))
        self.deleteLater()
