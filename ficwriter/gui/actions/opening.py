"""The ways into a chapter the writer picks from: folder and file dialogs, the sample, import.

Each ends in ``MainWindow.open_path`` or ``open_chapter``, which do the opening itself; what
is here is choosing what to open: the dialogs, the writer's own copy of the sample project,
and a file imported into a project first. The start page and the File menu both call these.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import platformdirs
from PySide6.QtWidgets import QFileDialog

from ficwriter import paths
from ficwriter.gui.background.importing import ImportJob

if TYPE_CHECKING:
    from ficwriter.gui.app_settings import AppSettings
    from ficwriter.gui.panels.outline import OutlineDock
    from ficwriter.gui.workspace import Workspace


class ImportDestination(Protocol):
    """Asks the writer where an import goes (``import_offer.ImportOffer``)."""

    def ask_where(self, source: Path, *, open_project: Path | None = None) -> None: ...


class OpeningWindow(Protocol):
    """The window as the opening commands use it: the collaborators asked for, never the window
    class itself (``MainWindow`` is one; it is also the dialogs' parent)."""

    project_root: Path | None
    workspace: Workspace | None
    settings: AppSettings
    outline: OutlineDock
    import_offer: ImportDestination

    def open_path(self, path: Path) -> bool: ...
    def open_chapter(self, path: Path, root: Path | None = None) -> bool: ...
    def complain(self, message: str) -> None: ...


class OpenCommands:
    def __init__(self, window: OpeningWindow) -> None:
        self.window = window
        #: where "Open sample project" keeps the writer's copy of the sample
        self.sample_folder = platformdirs.user_documents_path() / "ficwriter"

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Open project folder")
        if folder:
            self.window.open_path(Path(folder))

    def choose_file(self) -> None:
        file, _ = QFileDialog.getOpenFileName(
            self.window, "Open chapter", "",
            "Chapters (*.md *.txt *.markdown);;Word and web pages, to import (*.docx *.html *.htm)"
            ";;All files (*)",
        )
        if file:
            self.window.open_path(Path(file))

    def open_sample(self) -> bool:
        """Open the writer's own copy of the sample project (made on first use), so the
        installed sample stays untouched and the writer's experiments are kept."""
        copy = self.sample_folder / paths.sample_project().name
        if not copy.exists():
            try:
                paths.copy_sample_project(copy)
            except OSError as error:
                self.window.complain(f"Cannot copy the sample project to {copy.parent}: {error}")
                return False
        return self.window.open_path(copy)

    # -- import -----------------------------------------------------------------------------
    def choose_import(self) -> None:
        """Ask for the file to import first, then where it goes (the open project, a new
        project beside the file, or one the writer picks), saying what will happen."""
        window = self.window
        source, _ = QFileDialog.getOpenFileName(
            window, "Import a chapter", "",
            "Chapters and AO3 downloads (*.txt *.md *.docx *.html *.htm);;All files (*)",
        )
        if source:
            window.import_offer.ask_where(Path(source), open_project=window.project_root)

    def import_file(self, source: Path, root: Path) -> None:
        """Import in the background with a cancellable progress dialog, then open it.

        Into the project open in the window, the import is recorded in its history; into
        another, in that one's (see ``importing.write_and_record``).
        """
        root = root.resolve()
        workspace = self.window.workspace
        store = workspace.store if workspace is not None and workspace.root == root else None
        job = ImportJob(source, root, store, self.window)
        job.finished.connect(lambda path: self._imported(path, root))
        job.failed.connect(
            lambda message: self.window.complain(f"Cannot import {source.name}: {message}"))
        job.start()

    def _imported(self, path: Path, root: Path) -> None:
        same_project = root == self.window.project_root  # else opening it lists its chapters
        if self.window.open_chapter(path, root):
            if same_project:
                self.window.outline.show_project(root, path)  # the new chapter is among them
            self.window.settings.add_recent(root)
