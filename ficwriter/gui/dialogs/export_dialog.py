"""Export: pick a target, a scope and cleaning options, see the chapter live, copy or export.

The dialog only chooses options and shows ``core.export``'s output; cleaning and rendering
are core's. Each file of the chapter's export has a tab, and the copy button copies the
tab on show. AO3 fragments are shown as AO3 shows them (paragraphs, italics, centred
breaks), with an *HTML* tab beside the chapter text for the code that is copied: the chapter
text is exactly what goes in AO3's HTML box; the summary and notes, which have boxes of
their own, have their own tabs. A Word document is shown as Word would show it
(``docx_preview``) and copied as formatted text; an e-book chapter as a reader shows it.

*Export…* writes this chapter, the whole story or chosen chapters into a folder, off the
GUI thread (``background.exporting``) with a progress bar and Cancel; files that exist
are replaced only after a question naming them, a chapter never; the end says what was
written, with *Open folder*.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ficwriter.core.chapter import Chapter, parse
from ficwriter.core.export import (
    TARGETS,
    WORK_TARGETS,
    ExportOptions,
    ExportResult,
    WorkExport,
    export_chapter,
    export_work,
)
from ficwriter.core.export.clean import clean
from ficwriter.core.export.destination import ExportExists, ExportRefused, check_destination
from ficwriter.core.export.epub import chapter_xhtml
from ficwriter.core.export.posting import FILE_NAME as POSTING_FILE
from ficwriter.core.importers import read_header
from ficwriter.core.names import chapter_title
from ficwriter.core.project import Project
from ficwriter.core.textfile import UnreadableFile, read_text
from ficwriter.gui.background.exporting import ExportJob, Render
from ficwriter.gui.dialogs.docx_preview import docx_html

TARGET_LABELS = {
    "ao3": "AO3 (HTML box)",
    "epub": "E-book (EPUB)",
    "ffn": "FanFiction.net",
    "txt": "Plain text",
    "md": "Markdown",
    "docx": "Word (DOCX)",
    "html": "Web page (HTML)",
}
SCOPES = [("This chapter", "chapter"), ("Whole story", "story"), ("Chapters…", "chosen")]
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
# AO3's work page as a reader sees it: serif text, spaced paragraphs, centred rules
_AO3_STYLE = ("p { margin-top: 0.9em; margin-bottom: 0.9em; } "
              "blockquote { margin-left: 2em; margin-right: 2em; }")
_EPUB_STYLE = ("p { margin-top: 0; margin-bottom: 0; text-indent: 24px; } "  # Qt: px only
               "h2 { text-align: center; font-weight: normal; } "
               "div.note { margin-top: 1em; margin-bottom: 1em; margin-left: 1.5em; }")
_ASKED_NAMES = 8  # files named in the question before "and N more"


class ExportDialog(QDialog):
    def __init__(self, chapter: Chapter, name: str, defaults: dict | None = None,
                 parent: QWidget | None = None, *, project: Project | None = None,
                 path: Path | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(f"Export \u201c{name}\u201d")
        self._fit_screen()
        self.chapter = chapter
        self.name = name
        self.project = project
        self.path = path  # the chapter's file: its place in the story
        self.result: ExportResult | None = None
        self.word_html: dict[str, str] = {}  # each Word file as rich text: shown, copied
        self._tab_files: list[str] = []  # the file each tab shows (the HTML tab: the text's)
        self.job: ExportJob | None = None
        self.folder: Path | None = None
        self.replace_box: QMessageBox | None = None
        self.written: list[Path] = []
        self._work: WorkExport | None = None  # rendered, waiting for the answer or written
        defaults = dict(defaults or {})
        options = ExportOptions.from_config({k: v for k, v in defaults.items() if k != "target"})

        self.target = QComboBox()
        for key in WORK_TARGETS:
            self.target.addItem(TARGET_LABELS.get(key, key), key)
        self.target.setCurrentIndex(max(0, self.target.findData(defaults.get("target", "ao3"))))
        self.scope = QComboBox()
        for label, value in SCOPES:
            self.scope.addItem(label, value)
        self.scope.setEnabled(project is not None)
        self.chapter_list = QListWidget()
        self.chapter_list.setMaximumHeight(150)
        for chapter_path in project.chapters() if project is not None else []:
            item = QListWidgetItem(self._chapter_label(chapter_path))
            item.setData(Qt.ItemDataRole.UserRole, chapter_path)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            same = path is not None and chapter_path.resolve() == path.resolve()
            item.setCheckState(Qt.CheckState.Checked if same else Qt.CheckState.Unchecked)
            self.chapter_list.addItem(item)
        self.chapter_list.setVisible(False)
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
        form.addRow("Export", self.scope)
        form.addRow("", self.chapter_list)
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
        self.progress = QProgressBar()
        self.cancel_button = QPushButton("Cancel")
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button)
        self.running_row = QWidget()
        self.running_row.setLayout(running)
        self.running_row.setVisible(False)
        right.addWidget(self.running_row)
        done = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder = QPushButton("Open folder")
        done.addWidget(self.summary, 1)
        done.addWidget(self.open_folder)
        self.done_row = QWidget()
        self.done_row.setLayout(done)
        self.done_row.setVisible(False)
        right.addWidget(self.done_row)
        buttons = QHBoxLayout()
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        self.copy_button = QPushButton("Copy chapter text")
        self.copy_button.setObjectName("primary")
        self.export_button = QPushButton("Export…")
        close = QPushButton("Close")
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        right.addLayout(buttons)

        body = QHBoxLayout(self)
        side = QWidget()
        side.setLayout(left)
        scroll = QScrollArea()
        scroll.setWidget(side)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFixedWidth(330)
        body.addWidget(scroll)
        body.addLayout(right, 1)

        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self.refresh)
        for box in (self.keep_notes, self.drop_comments, self.quotes, self.apostrophes,
                    self.dashes, self.ellipses, self.whitespace):
            box.toggled.connect(self._timer.start)
        self.target.currentIndexChanged.connect(self._timer.start)
        self.scene_break.currentIndexChanged.connect(self._timer.start)
        self.scope.currentIndexChanged.connect(self._scope_changed)
        self.copy_button.clicked.connect(self.copy)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.export_button.clicked.connect(self._choose_folder)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.open_folder.clicked.connect(self._open_folder)
        close.clicked.connect(self.accept)
        self.refresh()

    def _fit_screen(self) -> None:
        """1100x720, or less on a small screen (a 1024x700 laptop keeps a margin)."""
        screen = self.screen().availableGeometry() if self.screen() else None
        width = min(1100, screen.width() - 40) if screen else 1100
        height = min(720, screen.height() - 40) if screen else 720
        self.resize(width, height)

    @staticmethod
    def _chapter_label(path: Path) -> str:
        try:
            title = read_header(parse(read_text(path).text)).get("title")
        except (OSError, UnreadableFile):
            title = None
        return title or chapter_title(path.stem)

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

    # -- the preview: this chapter --------------------------------------------------------
    def refresh(self) -> None:
        """Export the chapter again with the current choices and show every file it makes."""
        key = self.target.currentData()
        options = self.options()
        if key == "epub":
            xhtml = chapter_xhtml(clean(self.chapter, options, self.name), options)
            self.result = ExportResult("epub", {f"{self.name}.xhtml": xhtml.encode()}, ())
            self.description.setText("E-book (EPUB 3): every chapter of the scope in one book, "
                                     "with a table of contents")
        else:
            self.result = export_chapter(self.chapter, key, options, self.name)
            self.description.setText(TARGETS[key].description)
        self.warnings.setText("\n".join(f"\u26a0 {w}" for w in self.result.warnings))
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        self.tabs.clear()
        self._tab_files = []
        self.word_html = {name: docx_html(data) for name, data in self.result.files.items()
                          if name.endswith(_BINARY_SUFFIXES)}
        for file_name, data in self.result.files.items():
            if file_name in self.word_html:
                self._add_tab(self._rich_view(self.word_html[file_name], word=True), file_name)
            elif key in ("ao3", "epub"):
                style = _AO3_STYLE if key == "ao3" else _EPUB_STYLE
                self._add_tab(self._rich_view(data.decode("utf-8"), style=style), file_name)
                if key == "ao3" and file_name == self.result.main:
                    self._add_tab(self._text_view(data.decode("utf-8")), file_name, "HTML")
            else:
                self._add_tab(self._text_view(data.decode("utf-8")), file_name)
        self.tabs.setCurrentIndex(max(0, min(current, self.tabs.count() - 1)))
        self.tabs.blockSignals(False)
        self._tab_shown()

    def _add_tab(self, view: QWidget, file_name: str, label: str | None = None) -> None:
        self.tabs.addTab(view, label or self._tab_label(file_name))
        self._tab_files.append(file_name)

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
    def _rich_view(html: str, *, word: bool = False, style: str = "") -> QTextBrowser:
        """Rich text as its reader shows it: a Word page, AO3's work page, an e-book."""
        serif = QFont()
        families = ["Liberation Serif", "Times New Roman"] if word else ["Georgia", "DejaVu Serif"]
        serif.setFamilies([*families, "serif"])
        serif.setPointSizeF(12)
        view = QTextBrowser()
        view.setObjectName("preview")
        view.setFont(serif)
        view.document().setDocumentMargin(24)
        view.document().setDefaultStyleSheet(style)
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
        is_book = self.target.currentData() == "epub"  # an e-book is exported, not pasted
        self.copy_button.setVisible(not is_book)
        self.copy_button.setEnabled(bool(shown) and not is_book)
        if self.status.text().startswith("Copied "):  # about another tab; an export's stays
            self.status.setText("")

    def shown_file(self) -> str:
        """The name of the file whose tab is on show ("" before the first export)."""
        index = self.tabs.currentIndex()
        return self._tab_files[index] if 0 <= index < len(self._tab_files) else ""

    def copy(self) -> None:
        """The tab on show to the clipboard (the chapter text: for AO3, the HTML its box
        wants, from the rendered tab and the HTML tab alike; a notes tab: what AO3's notes
        box wants; a Word document: its formatted text)."""
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

    # -- exporting: this chapter, the story, chosen chapters ---------------------------
    def _scope_changed(self) -> None:
        self.chapter_list.setVisible(self.scope.currentData() == "chosen")

    def chosen_chapters(self) -> list[Path] | None:
        """The chapters the scope names, in reading order; None for this chapter alone."""
        scope = self.scope.currentData()
        if scope == "chapter" or self.project is None:
            return None
        items = [self.chapter_list.item(i) for i in range(self.chapter_list.count())]
        if scope == "story":
            return [item.data(Qt.ItemDataRole.UserRole) for item in items]
        return [item.data(Qt.ItemDataRole.UserRole) for item in items
                if item.checkState() == Qt.CheckState.Checked]  # fmt: skip

    def _renderer(self) -> Render:
        """What the export's thread runs: the scope's files, with every choice read from the
        widgets here, on the GUI thread (this chapter as shown, unsaved edits included)."""
        target = self.target.currentData()
        options = self.options()
        chapters = self.chosen_chapters()
        chapter, path, project, preview = self.chapter, self.path, self.project, self.result
        if chapters is None and target != "epub":
            assert preview is not None  # the preview is this chapter's export

            def one_chapter(progress, cancelled) -> WorkExport:
                progress(1, 1)
                return WorkExport(target, dict(preview.files), preview.warnings, 1,
                                  chapter.story_words)  # fmt: skip

            return one_chapter

        def work(progress, cancelled) -> WorkExport:
            if project is None or path is None:
                raise ValueError("an e-book needs the chapter's project")
            return export_work(project, target, options, chapters or [path],
                               open_chapters={path: chapter}, progress=progress,
                               cancelled=cancelled)  # fmt: skip

        return work

    def export_to(self, folder: Path) -> None:
        """Export the scope into ``folder`` in the background (the result is shown)."""
        chapters = self.chosen_chapters()
        if chapters == []:
            self.status.setText("No chapter chosen: tick the chapters to export.")
            return
        if self._timer.isActive():  # a choice made a moment ago: the preview catches up first
            self._timer.stop()
            self.refresh()
        self.folder = Path(folder)
        self.written = []
        self.job = ExportJob(self._renderer(), self)
        self.job.progressed.connect(self._progressed)
        self.job.ready.connect(self._ready)
        self.job.written.connect(self._written)
        self.job.failed.connect(self._failed)
        self.job.stopped.connect(self._stopped)
        self._progressed(0, len(chapters or [None]) + (0 if chapters is None else 1))
        self._running(True)
        self.status.setText(f"Exporting to {self.folder}…")
        self.job.start()

    def cancel_export(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.status.setText("Cancelling…")

    def _running(self, on: bool) -> None:
        self.running_row.setVisible(on)
        self.cancel_button.setEnabled(on)
        self.export_button.setEnabled(not on)
        if on:
            self.done_row.setVisible(False)

    def _progressed(self, done: int, total: int) -> None:
        """Chapters done, then the last step (packing the e-book, the checklist) and writing."""
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        chapters = max(1, total - 1)
        if done < total:
            self.progress.setFormat(f"{done} of {chapters} chapter{'s' if chapters != 1 else ''}")
        else:
            self.progress.setFormat("Writing the files…")

    def _ready(self, work: WorkExport) -> None:
        """Rendered, nothing written: ask before replacing files, never write on a chapter."""
        assert self.job is not None and self.folder is not None
        self._work = work
        try:
            check_destination(work.files, self.folder, self.project)
        except ExportExists as exists:
            self._ask_replace(exists.paths)
            return
        except ExportRefused as refused:
            self._failed(str(refused))
            return
        self.job.write(work, self.folder, self.project, force=False)

    def _ask_replace(self, paths: list[Path]) -> None:
        names = [str(p.relative_to(self.folder)) if self.folder else str(p) for p in paths]
        shown = "\n".join(names[:_ASKED_NAMES])
        more = len(names) - _ASKED_NAMES
        if more > 0:
            shown += f"\n… and {more} more"
        box = QMessageBox(QMessageBox.Icon.Question, "Replace files?",
                          f"{len(names)} file{'s' if len(names) != 1 else ''} of an earlier "
                          f"export {'are' if len(names) != 1 else 'is'} in {self.folder}:\n\n"
                          f"{shown}\n\nReplace {'them' if len(names) != 1 else 'it'}?",
                          QMessageBox.StandardButton.NoButton, self)
        self.replace_button = box.addButton("Replace", QMessageBox.ButtonRole.AcceptRole)
        self.keep_button = box.addButton("Keep them", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.keep_button)
        box.finished.connect(lambda _: self._answered(box.clickedButton() is self.replace_button))
        self.replace_box = box
        self.status.setText("Some files are there already: replace them?")
        box.open()

    def _answered(self, replace_them: bool) -> None:
        assert self.job is not None and self.folder is not None and self._work is not None
        self.replace_box = None
        if replace_them:
            self.job.write(self._work, self.folder, self.project, force=True)
        else:
            self._running(False)
            self.status.setText("Nothing written: the earlier export is kept.")

    def _written(self, paths: list[Path]) -> None:
        assert self.folder is not None and self._work is not None
        self._running(False)
        self.written = paths
        self.status.setText("")
        text = self._work.summary(self.folder)
        if POSTING_FILE in self._work.files:
            text += f"; {POSTING_FILE} lists what to paste into each AO3 field"
        self.summary.setText(text)
        self.done_row.setVisible(True)

    def _failed(self, message: str) -> None:
        self._running(False)
        self.status.setText(f"\u26a0 {message}")

    def _stopped(self) -> None:
        self._running(False)
        self.status.setText("Export cancelled: nothing written.")

    def _open_folder(self) -> None:
        if self.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Export into")
        if folder:
            self.export_to(Path(folder))
