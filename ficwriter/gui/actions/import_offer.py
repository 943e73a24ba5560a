"""Offering to import a file that was opened but is not in ficwriter's chapter format.

A writer's own ``.txt`` opened with *Open file…* shows its author's notes as story and has
no scene breaks; importing a copy marks both. So when a chapter opens from a folder that is
not a ficwriter project (no ``ficwriter.toml``) and ``core.importers
.import_would_add_structure`` says the import would find notes or breaks its text does not
mark, a bar offers *Import as a chapter…* and *Keep editing as is* (remembered for the file
until the window closes). A Word document or a web page cannot be edited as it is at all:
opening one asks straight away where to import it.

The import goes into a new project folder next to the file, or into a project the writer
picks; the file itself is never changed.

Deciding means parsing and importing the whole text (a quarter of a second for 100,000
words), so it runs on a worker thread; the bar appears when the answer comes back, if the
same chapter is still open and nothing more important is on the bar.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QFileDialog, QMessageBox

from ficwriter.core.importers import import_would_add_structure
from ficwriter.core.project import CONFIG_NAME
from ficwriter.gui.threads.relay import on_gui_thread

if TYPE_CHECKING:
    from ficwriter.gui.actions.opening import OpenCommands
    from ficwriter.gui.editor.editor import ChapterEditor
    from ficwriter.gui.editor.message_bar import MessageBar
    from ficwriter.gui.editor.session import ChapterSession


class ImportOfferWindow(Protocol):
    """The window as the import offer use it: the collaborators asked for, never the window
    class itself (``MainWindow`` is one; it is also the dialogs' parent)."""

    session: ChapterSession | None
    project_root: Path | None
    editor: ChapterEditor
    bar: MessageBar
    opening: OpenCommands

IMPORT = "Import as a chapter…"
KEEP = "Keep editing as is"


def new_project_folder(source: Path) -> Path:
    """A folder next to ``source`` named after it that does not exist yet: ``Draft/``, else
    ``Draft 2/``…, so an import never lands in a folder that is something else already."""
    folder = source.with_name(source.stem)
    number = 2
    while folder.exists():
        folder = source.with_name(f"{source.stem} {number}")
        number += 1
    return folder


class ImportOffer:
    def __init__(self, window: ImportOfferWindow) -> None:
        self.window = window
        self.offered_for: Path | None = None  # the chapter the bar offers to import
        self._kept: set[Path] = set()  # "Keep editing as is" was chosen for these

    def chapter_opened(self, path: Path) -> None:
        """Offer the import if ``path`` is a loose file that would gain by it."""
        if self.offered_for is not None and self.offered_for != path:
            self._dismiss()
        window = self.window
        root = window.project_root
        if path in self._kept or root is None or (root / CONFIG_NAME).is_file():
            return
        text, suffix = window.editor.text(), path.suffix

        def decide() -> None:
            if import_would_add_structure(text, suffix):
                on_gui_thread(lambda: self._offer(path))

        threading.Thread(target=decide, name="ficwriter-import-offer", daemon=True).start()

    def _offer(self, path: Path) -> None:
        window = self.window
        if window.session is None or window.session.path != path or not window.bar.isHidden():
            return  # another chapter is open, or a message that matters more (recovery…)
        self.offered_for = path
        window.bar.show_message(
            f"\u201c{path.name}\u201d is not in ficwriter's chapter format. Importing it "
            "makes a chapter that marks the author's notes and scene breaks found in it "
            "(this file stays as it is).",
            [(IMPORT, lambda: self.ask_where(path)), (KEEP, lambda: self.keep(path))],
        )

    def keep(self, path: Path) -> None:
        self._kept.add(path)
        self._dismiss()

    def ask_where(self, source: Path, *, open_project: Path | None = None) -> None:
        """Ask whether to import ``source`` into the project open in the window (when one
        is), a new project next to it, or one the writer picks, saying what each does; then
        import it there (and open the new chapter)."""
        window = self.window
        folder = new_project_folder(source)
        box = QMessageBox(QMessageBox.Icon.Question, "Import a chapter",
                          f"Import \u201c{source.name}\u201d as a chapter: where to?",
                          parent=window)
        here = f"the project \u201c{open_project.name}\u201d, as its last chapter; " \
            if open_project is not None else ""
        box.setInformativeText(
            f"Into {here}a new project \u201c{folder.name}\u201d made next to the file; or a "
            "project of yours. Author's notes and scene breaks found in it are marked. The "
            "file itself is not changed."
        )
        current = None
        if open_project is not None:
            current = box.addButton(f"Into \u201c{open_project.name}\u201d",
                                    QMessageBox.ButtonRole.AcceptRole)
        new = box.addButton(f"New project \u201c{folder.name}\u201d",
                            QMessageBox.ButtonRole.AcceptRole)
        existing = box.addButton("Into a project…", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(current or new)
        box.exec()
        if current is not None and box.clickedButton() is current:
            self.import_into(source, open_project)
        elif box.clickedButton() is new:
            self.import_into(source, folder)
        elif box.clickedButton() is existing:
            chosen = QFileDialog.getExistingDirectory(window, "Project to import into",
                                                      str(source.parent))
            if chosen:
                self.import_into(source, Path(chosen))

    def import_into(self, source: Path, root: Path) -> None:
        self._dismiss()
        self.window.opening.import_file(source, root)

    def _dismiss(self) -> None:
        if self.offered_for is not None:
            self.offered_for = None
            self.window.bar.dismiss()
