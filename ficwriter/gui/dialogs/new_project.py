"""File → New Project…: a story's title, author, fandom, English variant and folder.

The folder follows the title (``Documents/ficwriter/<title>``) until the writer picks one
of their own. The dialog only asks; ``actions.chapter_actions`` creates the project.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ficwriter.core.names import slugify
from ficwriter.core.project import CONFIG_NAME, LANGUAGES


@dataclass(frozen=True)
class NewStory:
    title: str
    author: str
    fandom: str
    language: str
    folder: Path


def folder_name(title: str) -> str:
    """A folder name for a title: the title itself where the file system allows it."""
    cleaned = "".join(c for c in title.strip() if c not in '<>:"/\\|?*' and c >= " ").strip(". ")
    return cleaned or slugify(title, "story")


class NewProjectDialog(QDialog):
    def __init__(self, base: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New story")
        self.base = base
        self._folder_chosen = False
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("The story's title")
        self.author_edit = QLineEdit()
        self.author_edit.setPlaceholderText("optional")
        self.fandom_edit = QLineEdit()
        self.fandom_edit.setPlaceholderText("optional")
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.folder_edit = QLineEdit()
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        form.addRow("&Title", self.title_edit)
        form.addRow("&Author", self.author_edit)
        form.addRow("&Fandom", self.fandom_edit)
        form.addRow("&Language", self.language)
        form.addRow("Folder", folder_row)
        self.problem = QLabel("")
        self.problem.setObjectName("muted")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.title_edit.textChanged.connect(self._title_changed)
        self.folder_edit.textEdited.connect(self._folder_edited)
        self.folder_edit.textChanged.connect(self._check)
        self.resize(520, self.sizeHint().height())
        self._title_changed("")

    def _title_changed(self, title: str) -> None:
        if not self._folder_chosen:
            self.folder_edit.setText(str(self.base / folder_name(title)) if title.strip() else "")
        self._check()

    def _folder_edited(self) -> None:
        self._folder_chosen = bool(self.folder_edit.text().strip())

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Folder for the story", str(self.base))
        if folder:
            self._folder_chosen = True
            self.folder_edit.setText(folder)

    def problem_text(self) -> str:
        """Why the story cannot be created as filled in ("" when it can)."""
        if not self.title_edit.text().strip():
            return "Give the story a title."
        folder = Path(self.folder_edit.text().strip()).expanduser()
        if not self.folder_edit.text().strip():
            return "Choose a folder for the story."
        if folder.exists() and not folder.is_dir():
            return f"{folder} is a file."
        if (folder / CONFIG_NAME).exists():
            return f"{folder} holds a story already: open it with Open Folder."
        return ""

    def _check(self) -> None:
        problem = self.problem_text()
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def story(self) -> NewStory:
        return NewStory(
            title=self.title_edit.text().strip(),
            author=self.author_edit.text().strip(),
            fandom=self.fandom_edit.text().strip(),
            language=str(self.language.currentData()),
            folder=Path(self.folder_edit.text().strip()).expanduser(),
        )
