"""Export: pick a target and cleaning options, see the result live, copy it or save it.

The dialog only chooses options and shows ``core.export.export_chapter``'s output; cleaning
and rendering are core's. Each file of the export has a tab, and the copy button copies the
tab on show (for AO3: the chapter text is exactly what goes in AO3's HTML box; the summary
and notes, which have boxes of their own, have their own tabs). A Word document is shown
as Word would show it (``docx_preview``), read-only, and copied as formatted text (to paste
into Google Docs or an email with its italics).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ficwriter.core.chapter import Chapter
from ficwriter.core.export import TARGETS, ExportOptions, ExportResult, export_chapter, write_export
from ficwriter.gui.dialogs.docx_preview import docx_html

TARGET_LABELS = {
    "ao3": "AO3 (HTML box)",
    "ffn": "FanFiction.net",
    "txt": "Plain text",
    "md": "Markdown",
    "docx": "Word (DOCX)",
    "html": "Web page (HTML)",
}
SCENE_BREAKS = [
    ("Target's own style", None),
    ("Horizontal rule", "hr"),
    ("* * *", "* * *"),
    ("~~~", "~~~"),
    ("#", "#"),
]
_BINARY_SUFFIXES = (".docx",)
_PART_LABELS = {"-summary.html": "Summary", "-beginning-notes.html": "Beginning notes",
                "-end-notes.html": "End notes"}


class ExportDialog(QDialog):
    def __init__(self, chapter: Chapter, name: str, defaults: dict | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Export \u201c{name}\u201d")
        self.resize(1100, 720)
        self.chapter = chapter
        self.name = name
        self.result: ExportResult | None = None
        self.word_html: dict[str, str] = {}  # each Word file as rich text: shown, copied
        defaults = dict(defaults or {})
        options = ExportOptions.from_config({k: v for k, v in defaults.items() if k != "target"})

        self.target = QComboBox()
        for key in TARGETS:
            self.target.addItem(TARGET_LABELS.get(key, key), key)
        self.target.setCurrentIndex(max(0, self.target.findData(defaults.get("target", "ao3"))))
        self.keep_notes = QCheckBox("Keep author's notes")
        self.keep_notes.setChecked(options.keep_notes)
        self.drop_comments = QCheckBox("Leave out comments")
        self.drop_comments.setChecked(options.drop_comments)
        self.drop_comments.setToolTip("HTML comments and scene metadata stay in your file only")
        self.scene_break = QComboBox()
        for label, value in SCENE_BREAKS:
            self.scene_break.addItem(label, value)
        self.scene_break.setCurrentIndex(max(0, self.scene_break.findData(options.scene_break)))
        self.quotes = QCheckBox("Curly quotes")
        self.quotes.setChecked(options.quotes)
        self.apostrophes = QCheckBox("Curly apostrophes")
        self.apostrophes.setChecked(options.apostrophes)
        self.dashes = QCheckBox("-- to em dash")
        self.dashes.setChecked(options.dashes)
        self.ellipses = QCheckBox("... to ellipsis")
        self.ellipses.setChecked(options.ellipses)
        self.whitespace = QCheckBox("Tidy spaces")
        self.whitespace.setChecked(options.normalize_whitespace)

        form = QFormLayout()
        form.addRow("Target", self.target)
        form.addRow("Scene breaks", self.scene_break)
        for box in (self.keep_notes, self.drop_comments, self.quotes, self.apostrophes,
                    self.dashes, self.ellipses, self.whitespace):
            form.addRow("", box)
        self.description = QLabel()
        self.description.setObjectName("muted")
        self.description.setWordWrap(True)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.description)
        left.addWidget(self.warnings)
        left.addStretch(1)

        self.tabs = QTabWidget()
        right = QVBoxLayout()
        right.addWidget(self.tabs, 1)
        buttons = QHBoxLayout()
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.copy_button = QPushButton("Copy chapter text")
        self.copy_button.setObjectName("primary")
        self.save_button = QPushButton("Save…")
        close = QPushButton("Close")
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        right.addLayout(buttons)

        body = QHBoxLayout(self)
        side = QWidget()
        side.setLayout(left)
        side.setFixedWidth(320)
        body.addWidget(side)
        body.addLayout(right, 1)

        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self.refresh)
        for box in (self.keep_notes, self.drop_comments, self.quotes, self.apostrophes,
                    self.dashes, self.ellipses, self.whitespace):
            box.toggled.connect(self._timer.start)
        self.target.currentIndexChanged.connect(self._timer.start)
        self.scene_break.currentIndexChanged.connect(self._timer.start)
        self.copy_button.clicked.connect(self.copy)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.save_button.clicked.connect(self._choose_folder)
        close.clicked.connect(self.accept)
        self.refresh()

    def options(self) -> ExportOptions:
        return replace(
            ExportOptions(),
            keep_notes=self.keep_notes.isChecked(),
            drop_comments=self.drop_comments.isChecked(),
            scene_break=self.scene_break.currentData(),
            quotes=self.quotes.isChecked(),
            apostrophes=self.apostrophes.isChecked(),
            dashes=self.dashes.isChecked(),
            ellipses=self.ellipses.isChecked(),
            normalize_whitespace=self.whitespace.isChecked(),
        )

    def refresh(self) -> None:
        """Export again with the current choices and show every file it makes."""
        key = self.target.currentData()
        self.result = export_chapter(self.chapter, key, self.options(), self.name)
        self.description.setText(TARGETS[key].description)
        self.warnings.setText("\n".join(f"\u26a0 {w}" for w in self.result.warnings))
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        self.tabs.clear()
        self.word_html = {name: docx_html(data) for name, data in self.result.files.items()
                          if name.endswith(_BINARY_SUFFIXES)}
        for file_name, data in self.result.files.items():
            view = self._word_view(self.word_html[file_name]) if file_name in self.word_html else (
                self._text_view(data.decode("utf-8")))
            self.tabs.addTab(view, self._tab_label(file_name))
        self.tabs.setCurrentIndex(max(0, min(current, self.tabs.count() - 1)))
        self.tabs.blockSignals(False)
        self._tab_shown()

    @staticmethod
    def _text_view(text: str) -> QPlainTextEdit:
        mono = QFont()
        mono.setFamilies(["JetBrains Mono", "DejaVu Sans Mono", "monospace"])
        mono.setPointSizeF(10)
        view = QPlainTextEdit()
        view.setObjectName("preview")
        view.setReadOnly(True)
        view.setFont(mono)
        view.setPlainText(text)
        return view

    @staticmethod
    def _word_view(html: str) -> QTextBrowser:
        """The Word document as Word shows it: a serif page with its italics and breaks."""
        serif = QFont()
        serif.setFamilies(["Liberation Serif", "Times New Roman", "DejaVu Serif", "serif"])
        serif.setPointSizeF(12)
        view = QTextBrowser()
        view.setObjectName("preview")
        view.setFont(serif)
        view.document().setDocumentMargin(24)
        view.setHtml(html)
        return view

    def _tab_label(self, file_name: str) -> str:
        assert self.result is not None
        label = _PART_LABELS.get(file_name[len(self.name):])
        return label or ("Chapter text" if file_name == self.result.main else file_name)

    def _tab_shown(self) -> None:
        """The copy button names what it copies: the tab on show."""
        shown = self.shown_file()
        label = self._tab_label(shown) if shown else "Chapter text"
        if shown.endswith(_BINARY_SUFFIXES):
            label = "Formatted text"
        named = label if label == shown else label[:1].lower() + label[1:]
        self.copy_button.setText(f"Copy {named}")
        self.copy_button.setEnabled(bool(shown))
        self.status.setText("")

    def shown_file(self) -> str:
        """The name of the file whose tab is on show ("" before the first export)."""
        files = list(self.result.files) if self.result is not None else []
        index = self.tabs.currentIndex()
        return files[index] if 0 <= index < len(files) else ""

    def copy(self) -> None:
        """The tab on show to the clipboard (the chapter text: for AO3, what its HTML box
        wants; a notes tab: what AO3's notes box wants; a Word document: its formatted text)."""
        assert self.result is not None
        shown = self.shown_file()
        data = self.result.files[shown]
        if shown in self.word_html:
            formatted = QMimeData()
            formatted.setHtml(self.word_html[shown])
            formatted.setText(self.tabs.currentWidget().toPlainText())
            QGuiApplication.clipboard().setMimeData(formatted)
        else:
            QGuiApplication.clipboard().setText(data.decode("utf-8"))
        self.status.setText(f"Copied the {self.copy_button.text()[len('Copy '):]}.")

    def save_to(self, folder: Path) -> list[Path]:
        assert self.result is not None
        written = write_export(self.result, folder)
        self.status.setText(f"Saved {len(written)} file{'s' if len(written) != 1 else ''} in {folder}")
        return written

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Save the export in")
        if folder:
            self.save_to(Path(folder))
