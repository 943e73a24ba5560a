"""Importing a file into a project without freezing the window.

Reading and converting the file (``core.importers.import_chapters``, the slow part: a long
``.docx`` takes seconds) runs once, on a worker thread, under a progress dialog whose
Cancel discards the result. Only when it has succeeded and was not cancelled are the
converted chapters written (``core.project.write_imported``) and recorded in the project's
history as "import", on the GUI thread: that part is quick.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ficwriter.core.atomic import SaveError
from ficwriter.core.importers import ImportResult, import_chapters
from ficwriter.core.project import write_imported
from ficwriter.core.textfile import UnreadableFile
from ficwriter.gui.threads.relay import on_gui_thread
from ficwriter.history.database import DamagedDatabase
from ficwriter.history.lock import ProjectLocked
from ficwriter.history.store import HistoryStore

log = logging.getLogger(__name__)


def write_and_record(
    results: Sequence[ImportResult], source: Path, root: Path, store: HistoryStore | None
) -> list[Path]:
    """Write converted chapters into the project at ``root`` and record each in its history
    as "import"; the new chapter files.

    ``store`` is the history of the project open in the window, or ``None`` when the import
    goes into another project, whose history is opened for the moment (the window opens
    that project next, and its watcher then finds the chapters known). Writing and
    recording hold the store's lock together, so a watcher never takes the new files for
    changes on disk. A history that cannot take them (the project is open in another
    ficwriter, whose watcher records them; a history file that cannot be opened) costs the
    import nothing.
    """
    if store is None:
        try:
            store = HistoryStore.open(root)
        except (ProjectLocked, DamagedDatabase, sqlite3.Error, OSError) as error:
            log.warning("import into %s not recorded in its history: %s", root, error)
            return write_imported(results, source, root)
        with store:
            return write_and_record(results, source, root, store)
    if store.read_only:
        return write_imported(results, source, root)
    with store.lock:
        written = write_imported(results, source, root)
        try:
            store.record_imports(written)
        except (sqlite3.Error, OSError, UnreadableFile) as error:
            log.warning("import into %s not recorded in its history: %s", root, error)
        return written


class ImportJob(QObject):
    finished = Signal(Path)  # the first new chapter file
    failed = Signal(str)

    def __init__(self, source: Path, root: Path, store: HistoryStore | None,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.source = source
        self.root = root
        self.store = store  # the open project's history when ``root`` is that project
        self.cancelled = False
        self.progress = QProgressDialog(f"Importing {source.name}…", "Cancel", 0, 0, parent)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.canceled.connect(self._cancel)

    def start(self) -> None:
        threading.Thread(target=self._work, name="ficwriter-import", daemon=True).start()

    def _work(self) -> None:
        try:
            results = import_chapters(self.source)
        except (OSError, UnreadableFile) as error:
            message = str(error)
            on_gui_thread(lambda: self._done([], message))
            return
        on_gui_thread(lambda: self._done(results, None))

    def _cancel(self) -> None:
        self.cancelled = True

    def _done(self, results: list[ImportResult], error: str | None) -> None:
        self.progress.reset()
        if self.cancelled:
            self.deleteLater()
            return
        if error is not None:
            self.failed.emit(error)
        else:
            try:
                written = write_and_record(results, self.source, self.root, self.store)
            except (OSError, ValueError, SaveError) as failure:  # a broken ficwriter.toml,
                # a full or read-only disk (the import took back what it wrote)
                self.failed.emit(str(failure))
            else:
                self.finished.emit(written[0])
        self.deleteLater()
