"""The main window: start page or editor in the middle, panels around it, menus on top.

The window builds its widgets, wires them to each other and to the open project and
chapter, and owns the lifecycle: opening a chapter and its project, saving, closing. What
the writer asks for is done by its parts, each in a module of its own: the menus
(``menus``), the panels' visibility (``panels.layout``), choosing what to open
(``actions.opening``, and ``actions.import_offer`` for a file better imported than edited
as it is), scene, issue and history commands (``actions.scene_actions``,
``actions.issue_actions``, ``actions.history_actions``), word counts (``word_tally``),
following the disk (``actions.disk_sync``). Each gets the window as a small protocol of
what it uses and never imports this module; the work itself is done by core/, checks/ and
history/ (through ``Workspace``).
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ficwriter.core.atomic import SaveError
from ficwriter.core.chapter import Chapter
from ficwriter.core.chapters import heading
from ficwriter.core.importers import IMPORT_ONLY
from ficwriter.core.project import CONFIG_NAME, open_project, project_root_for
from ficwriter.core.textfile import UnreadableFile, read_text
from ficwriter.gui.threads import relay
from ficwriter.gui.app_settings import AppSettings
from ficwriter.gui.background.checking import CheckController
from ficwriter.gui.actions.chapter_actions import ChapterActions
from ficwriter.gui.actions.disk_sync import DiskSync
from ficwriter.gui.actions.history_trouble import HistoryTroubleBar
from ficwriter.gui.actions.edit_undo import EditUndo
from ficwriter.gui.editor.editor import ChapterEditor
from ficwriter.gui.editor.find_bar import FindBar
from ficwriter.gui.editor.focus_words import FocusWords
from ficwriter.gui.actions.history_actions import HistoryActions
from ficwriter.gui.panels.history_dock import HistoryDock
from ficwriter.gui.actions.import_offer import ImportOffer
from ficwriter.gui.actions.beta_actions import BetaActions
from ficwriter.gui.actions.name_offer import NameOffer
from ficwriter.gui.actions.issue_actions import IssueActions
from ficwriter.gui.panels.issues_dock import IssuesDock
from ficwriter.gui.menus import WindowMenus
from ficwriter.gui.editor.message_bar import MessageBar
from ficwriter.gui.editor.positions import QtPositions
from ficwriter.gui.actions.opening import OpenCommands
from ficwriter.gui.panels.outline import OutlineDock
from ficwriter.gui.panels.layout import Panels
from ficwriter.gui.actions.scene_actions import SceneActions
from ficwriter.gui.editor.session import ChapterSession
from ficwriter.gui.start_page import StartPage
from ficwriter.gui.status_bar import StatusBar
from ficwriter.gui.theme import apply_theme, editor_font, theme_named
from ficwriter.gui.views.project_views import ProjectViews
from ficwriter.gui.word_counts import chapter_words
from ficwriter.gui.word_tally import WordTally
from ficwriter.gui.workspace import Workspace
from ficwriter.history.database import DamagedDatabase
from ficwriter.history.disk_trouble import HistoryUnavailable
from ficwriter.history.lock import ProjectLocked
from ficwriter.history.store import ReadOnlyProject

if TYPE_CHECKING:
    from ficwriter.gui.dialogs.export_dialog import ExportDialog
    from ficwriter.gui.editor.issue_layer import ShownIssue
    from ficwriter.gui.panels.project_issues import ChapterIssue
    from ficwriter.gui.dialogs.settings_dialog import SettingsDialog


def _scene_counts(rows: Iterable[ShownIssue | ChapterIssue]) -> Counter[int]:
    """Issues per scene index (issues outside every scene, in notes, are not counted)."""
    return Counter(row.issue.scene for row in rows if row.issue.scene is not None)


class MainWindow(QMainWindow):
    shown = Signal()
    chapterOpened = Signal(Path)

    def __init__(self, settings: AppSettings | None = None) -> None:
        super().__init__()
        relay.install()
        self.settings = settings or AppSettings()
        self.theme = theme_named(self.settings.theme)
        self.setWindowTitle("ficwriter[*]")
        # 1400 x 900 where the screen has room, else the screen's free area (a laptop's
        # 1366 x 768, half of a wide screen)
        room = self.screen().availableGeometry()
        self.resize(min(1400, room.width()), min(900, room.height()))
        self.project_root: Path | None = None
        self.session: ChapterSession | None = None

        self.stack = QStackedWidget()
        self.start_page = StartPage()
        self.editor = ChapterEditor(theme=self.theme)
        self.editor.set_editor_font(editor_font(self.settings.font_family, self.settings.font_size))
        self.issue_layer = self.editor.issue_layer
        self.find_bar = FindBar(self.editor)
        self.find_bar.hide()
        self.editor_page = QWidget()
        self.editor_column = QVBoxLayout(self.editor_page)
        self.editor_column.setContentsMargins(0, 0, 0, 0)
        self.editor_column.setSpacing(0)
        self.bar = MessageBar()
        self.editor_column.addWidget(self.bar)
        self.editor_column.addWidget(self.editor, 1)
        self.editor_column.addWidget(self.find_bar)
        self.focus_words = FocusWords()
        self.editor_column.addWidget(self.focus_words)
        self.stack.addWidget(self.start_page)
        self.stack.addWidget(self.editor_page)
        self.stack.currentChanged.connect(self._page_changed)
        self._page_changed()
        self.setCentralWidget(self.stack)

        self.outline = OutlineDock(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.outline)
        self.issues = IssuesDock(self.issue_layer, self, self.settings)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.issues)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        # the bottom right corner: Panels.window_resized gives it to history where the window
        # is wide enough
        self.history = HistoryDock(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history)
        self.history.hide()
        self.history.setProperty("wasVisible", False)
        self.workspace: Workspace | None = None
        self.checks: CheckController | None = None
        self.disk = DiskSync(self)
        self.history_trouble = HistoryTroubleBar(self, self)

        self.status = StatusBar()
        self.setStatusBar(self.status)
        self._outline_timer = QTimer(self, singleShot=True, interval=200)
        self._outline_timer.timeout.connect(self._update_outline_issues)
        self.issue_layer.changed.connect(self._outline_timer.start)
        self.issues.project.changed.connect(self._outline_timer.start)
        self._autosave = QTimer(self)
        self._autosave.timeout.connect(self._autosave_tick)
        self.apply_autosave_interval()

        self.word_tally = WordTally(self)
        self.opening = OpenCommands(self)
        self.import_offer = ImportOffer(self)
        self.name_offer = NameOffer(self)
        self.panels = Panels(self)
        self.chapter_actions = ChapterActions(self)
        self.edit_undo = EditUndo(self.editor, self.outline, self.chapter_actions)
        self.scene_actions = SceneActions(self)
        self.issue_actions = IssueActions(self)
        self.history_actions = HistoryActions(self)
        self.beta_actions = BetaActions(self)
        self.views = ProjectViews(self)
        self.history_actions.listeners.append(self.views.history_changed)
        self.menus = WindowMenus(self)
        self._connect_start_page()
        self._connect_outline()
        self._connect_issue_actions()
        self._connect_history()
        self.editor.selectionChanged.connect(self.word_tally.selection_changed)
        self._cursor_positions: tuple[object, QtPositions | None] = (None, None)
        self._cursor_timer = QTimer(self, singleShot=True, interval=150)
        self._cursor_timer.timeout.connect(self._follow_cursor)
        self.editor.cursorPositionChanged.connect(self._cursor_timer.start)
        self.outline.rowsReady.connect(lambda _path: self._cursor_timer.start())
        self.chapterOpened.connect(self.import_offer.chapter_opened)
        self.editor.document().modificationChanged.connect(self._modification_changed)
        self.show_start_page()

    # -- wiring -----------------------------------------------------------------------------
    def _connect_start_page(self) -> None:
        page, opening = self.start_page, self.opening
        page.newStoryRequested.connect(self.chapter_actions.new_project)
        page.openRequested.connect(self.open_path)
        page.openFolderRequested.connect(opening.choose_folder)
        page.openFileRequested.connect(opening.choose_file)
        page.sampleRequested.connect(opening.open_sample)
        page.importRequested.connect(opening.choose_import)

    def _connect_outline(self) -> None:
        scenes = self.scene_actions
        self.outline.chapterActivated.connect(self._open_from_outline)
        self.outline.sceneActivated.connect(scenes.go_to_scene_of)
        self.outline.sceneMoved.connect(scenes.move_scene)
        self.outline.sceneFieldEdited.connect(scenes.set_scene_field)
        self.outline.sceneBreakRequested.connect(scenes.add_scene_break)
        stories = self.chapter_actions
        self.outline.chapterRenameRequested.connect(stories.rename_chapter)
        self.outline.chapterMoveRequested.connect(stories.move_chapter)
        self.outline.chapterMergeRequested.connect(stories.merge_with_next)
        self.outline.chapterDeleteRequested.connect(stories.delete_chapter)
        self.outline.chapterSplitRequested.connect(stories.split_chapter)

    def _connect_issue_actions(self) -> None:
        actions = self.issue_actions
        for source in (self.editor, self.issues):
            source.applyRequested.connect(actions.apply_suggestion)
            source.dismissRequested.connect(actions.dismiss_issue)
            source.dismissRuleRequested.connect(actions.dismiss_rule)
            source.addWordRequested.connect(actions.add_word)
        self.issues.jumpRequested.connect(actions.jump_to_issue)
        self.issues.openIssueRequested.connect(actions.open_issue)
        self.chapterOpened.connect(lambda path: self.issues.project.follow(self.workspace, path))
        self.issues.stopLanguageToolRequested.connect(actions.stop_languagetool)
        beta = self.beta_actions
        self.issues.betaAcceptRequested.connect(beta.accept)
        self.issues.betaRejectRequested.connect(beta.reject)
        self.issues.betaAcceptAllRequested.connect(beta.accept_all)
        self.issues.betaRejectAllRequested.connect(beta.reject_all)
        self.chapterOpened.connect(lambda _path: beta.chapter_closed())

    def _connect_history(self) -> None:
        self.history.restoreRequested.connect(self.history_actions.restore_revision)
        self.history.snapshotRequested.connect(self.history_actions.create_snapshot)
        self.history.visibilityChanged.connect(self.history_actions.panel_shown)

    # -- pages ------------------------------------------------------------------------------
    def show_start_page(self) -> None:
        self.start_page.set_recent([p for p in self.settings.recent_projects() if p.exists()])
        self.stack.setCurrentWidget(self.start_page)
        self.menus.set_editing_enabled(False)
        self.panels.set_visible(False)
        self.status.set_chapter_open(False)
        self.status.show_checker("")
        self.status.show_saved("")

    def _page_changed(self) -> None:
        """Only the page on show counts for the window's minimum size (a stack counts every
        page): the start page's row of buttons must not make the editor with its three
        panels wider than a small screen."""
        for page in (self.start_page, self.editor_page):
            shown = page is self.stack.currentWidget()
            policy = QSizePolicy.Policy.Preferred if shown else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)

    # -- opening ----------------------------------------------------------------------------
    def open_path(self, path: Path) -> bool:
        """Open a project folder (its first chapter) or a chapter file (its folder's project).

        A Word document or web page is no chapter as it is: the writer is asked where to
        import it instead (False: nothing is open yet; the import opens it when done).
        """
        path = Path(path).resolve()
        if not path.exists():
            self.complain(f"{path} does not exist.")
            return False
        if path.is_file() and path.suffix.lower() in IMPORT_ONLY:
            self.import_offer.ask_where(path)
            return False
        try:
            project = open_project(path)
        except ValueError as error:  # a ficwriter.toml that is not valid TOML
            self.complain(str(error))
            return False
        if path.is_dir():
            chapters = project.chapters()
            if not chapters:
                self.complain(f"{path} holds no chapters (.md or .txt files).")
                return False
            chapter = chapters[0]
        else:
            chapter = path
        if not self.open_chapter(chapter, project.root):
            return False
        if (project.root / CONFIG_NAME).is_file():  # a loose file's folder is no project yet:
            self.settings.add_recent(project.root)  # it becomes one when imported
        return True

    def open_chapter(self, path: Path, root: Path | None = None) -> bool:
        if self.session is not None and self.session.dirty and not self.save():
            return False
        try:
            decoded = read_text(path)
        except (OSError, UnreadableFile) as error:
            self.complain(f"Cannot open {path.name}: {error}")
            return False
        if self.session is not None:
            self._remember_cursor()
            self.session.detach()
            self.session.deleteLater()
        new_root = root or project_root_for(path)
        project_changed = new_root != self.project_root
        if project_changed and not self._open_workspace(new_root):
            return False
        self.project_root = new_root
        self.session = ChapterSession(path, self.editor, self)
        self.session.reparsed.connect(self._chapter_reparsed)
        self.session.load(decoded.text)
        if self.checks is not None:
            self.checks.attach(self.session)
        self.disk.reset()
        if project_changed:
            self.outline.show_project(new_root, path)
        self.outline.set_current(path)
        self.session.reparse()
        if self.stack.currentWidget() is not self.editor_page:
            self.stack.setCurrentWidget(self.editor_page)
            self.panels.set_visible(True)
            self.status.set_chapter_open(True)
        self.menus.set_editing_enabled(True)
        self.menus.set_read_only(self.workspace is not None and self.workspace.read_only)
        self._set_title(path)
        self.editor.go_to(self.settings.cursor_position(path))  # where the writer left it
        self.status.show_saved("Saved")
        if self.workspace is not None:
            self.workspace.follow(path)
            self.history.set_chapter(self.workspace.store, self.workspace.relative(path))
            self.history.set_current_text(decoded.text)
            self.views.project_opened()
            self.disk.offer_recovery()
        self.chapterOpened.emit(path)
        return True

    def _open_workspace(self, root: Path) -> bool:
        self._close_workspace()
        locked: ProjectLocked | None = None
        try:
            try:
                self.workspace = Workspace.open(root, self)
            except ProjectLocked as error:  # another ficwriter has it: open it to read
                locked = error
                self.workspace = Workspace.open(root, self, read_only=True)
        except (ProjectLocked, DamagedDatabase, OSError, ValueError) as error:
            self.complain(f"Cannot open the project {root.name}: {error}")
            return False
        self.workspace.externalChange.connect(self.disk.on_change)
        self.workspace.historyTrouble.connect(self.history_trouble.changed)
        self.workspace.externalChange.connect(lambda _change: self.views.history_changed())
        self.start_checks()
        self.editor.setReadOnly(locked is not None)
        self.history.setEnabled(locked is None)
        if locked is not None:
            holder = locked.holder
            self.bar.show_message(
                "Open in another ficwriter window: read-only. Edits follow that window's "
                f"saves. (Process {holder.pid} on {holder.host} has it; close it there to "
                "edit here.)",
                [("OK", self.bar.dismiss)],
            )
        elif self.workspace.store.damage is not None:
            self.bar.show_message(self.workspace.store.damage.message, [("OK", self.bar.dismiss)])
        return True

    def start_checks(self, *, recheck: bool = False) -> None:
        """A check controller for the workspace's checker; ``recheck`` the open chapter now."""
        assert self.workspace is not None
        if self.checks is not None:
            self.checks.close()
            self.checks.deleteLater()
        self.checks = CheckController(self.workspace.checker, self.issue_layer, self)
        self.checks.statusChanged.connect(self._checker_status)
        self.checks.checkingChanged.connect(self.menus.act_stop_checking.setEnabled)
        self.checks.checkingChanged.connect(self._outline_timer.start)  # "no issues" once checked
        self.checks.checkingChanged.connect(self.name_offer.check_finished)
        self._checker_status(*self.checks.status_text())
        if recheck and self.session is not None:
            self.checks.attach(self.session)
            self.session.reparse()
            self.issues.project.recheck()

    def _close_workspace(self) -> None:
        self.chapter_actions.project_closed()
        self.issues.project.follow(None, None)
        self.views.project_closed()
        if self.checks is not None:
            self.checks.close()
            self.checks.deleteLater()
            self.checks = None
        if self.workspace is not None:
            self.history.set_chapter(None, None)  # the panel must not read a closed history
            self.disk.flush_journal()
            self.workspace.close()
            self.workspace.deleteLater()
            self.workspace = None

    def _checker_status(self, short: str, full: str) -> None:
        self.status.show_checker(short, full)
        busy = self.checks is not None and self.checks.languagetool_busy()
        self.issues.set_checker_status(short, full, languagetool_busy=busy)

    def _open_from_outline(self, path: Path) -> None:
        if self.session is None or path != self.session.path:
            self.open_chapter(path, self.project_root)

    def close_project(self) -> None:
        if self.session is not None:
            if self.session.dirty and not self.save():
                return
            self._remember_cursor()
            self.session.detach()
            self.session.deleteLater()
            self.session = None
        self._close_workspace()
        self.project_root = None
        self.outline.tree.clear()
        self.issue_layer.clear()
        self.editor.clear()
        self.setWindowTitle("ficwriter[*]")
        self.show_start_page()

    # -- export and settings ----------------------------------------------------------------
    def export_dialog(self) -> ExportDialog:
        from ficwriter.gui.dialogs.export_dialog import ExportDialog

        assert self.session is not None
        project = self.workspace.project if self.workspace is not None else None
        defaults = project.export if project is not None else None
        return ExportDialog(self.session.current_chapter(), self.session.path.stem, defaults,
                            self, project=project, path=self.session.path)

    def show_export(self) -> None:
        if self.session is not None:
            self.export_dialog().exec()

    def settings_dialog(self) -> SettingsDialog:
        from ficwriter.gui.dialogs.settings_dialog import SettingsDialog

        project = self.workspace.project if self.workspace is not None else None
        return SettingsDialog(self.settings, project, self)

    def show_settings(self) -> None:
        dialog = self.settings_dialog()
        if dialog.exec():
            self.apply_settings(project_changed=dialog.project is not None)

    def apply_settings(self, *, project_changed: bool) -> None:
        """Use the settings just saved: theme, font, autosave, and a checker built anew."""
        self.set_theme(self.settings.theme)
        self.editor.set_editor_font(editor_font(self.settings.font_family, self.settings.font_size))
        self.apply_autosave_interval()
        if project_changed and self.workspace is not None:
            try:
                self.workspace.reload_checker()
            except ValueError as error:  # a setting the checks layer cannot use
                self.complain(f"The check settings cannot be used: {error}")
                return
            self.start_checks(recheck=True)

    # -- saving -----------------------------------------------------------------------------
    def save(self, *, autosave: bool = False) -> bool:
        """Save the open chapter; the status bar tells a save the writer asked for
        ("Saved") from one the timer made ("Autosaved 14:02")."""
        if self.session is None:
            return True
        if self.workspace is None:
            return False
        if self.disk.changed_behind_us():
            return False  # the bar asks which text to keep
        text = self.editor.text()
        missed = ""
        try:
            self.workspace.store.save(self.workspace.relative(self.session.path), text,
                                      source=self.beta_actions.save_source())
        except (SaveError, ReadOnlyProject) as error:  # SaveError says it in plain words
            self.complain(f"Could not save {self.session.path.name}: {error}")
            return False
        except HistoryUnavailable as trouble:  # the file is saved; the bar says the rest
            missed = f"; {trouble}"
        self.beta_actions.saved()
        self.session.mark_saved()
        self.session.note_disk_text(text)
        self.disk.conflict = None
        said = f"Autosaved {datetime.now().strftime('%H:%M')}" if autosave else "Saved"
        self.history_actions.after_history_change(said + missed)
        return True

    def apply_autosave_interval(self) -> None:
        seconds = self.settings.autosave_seconds
        if seconds > 0:
            self._autosave.start(seconds * 1000)
        else:
            self._autosave.stop()

    def _autosave_tick(self) -> None:
        conflict = self.disk.conflict is not None
        if self.session is not None and self.session.dirty and not conflict:
            self.save(autosave=True)

    def _modification_changed(self, modified: bool) -> None:
        self.setWindowModified(modified)  # the title's "[*]" shows as "*": unsaved text
        if modified:
            self.status.show_saved("Edited")
        else:
            self.disk.text_matches_file()

    def _set_title(self, path: Path) -> None:
        """"The cave* — Starfall — ficwriter": the chapter's title line (as typed) and the
        story's title from ficwriter.toml (else its folder's name)."""
        assert self.project_root is not None
        story = self.workspace.project.title if self.workspace is not None else ""
        chapter = heading(path, self.session.chapter) if self.session is not None else path.stem
        self.setWindowTitle(f"{chapter}[*] — {story or self.project_root.name} — ficwriter")
        self.setWindowModified(self.session is not None and self.session.dirty)

    # -- following the chapter --------------------------------------------------------------
    def _chapter_reparsed(self, chapter: Chapter) -> None:
        assert self.session is not None
        self.word_tally.chapter_reparsed(self.session.path, chapter)
        self.views.chapter_words(chapter_words(chapter))
        self.outline.update_chapter(self.session.path, chapter)
        self._set_title(self.session.path)
        if self.history.isVisible():
            self.history.set_current_text(chapter.text)

    def chapter_renamed(self, path: Path) -> None:
        if self.session is not None:
            self.session.path = path
            if self.workspace is not None:  # the history panel follows the file
                self.history.set_chapter(self.workspace.store, self.workspace.relative(path))
            self.outline.show_project(self.project_root, path)
            self.outline.update_chapter(path, self.session.chapter)
            self._set_title(path)

    def _remember_cursor(self) -> None:
        assert self.session is not None
        self.settings.set_cursor_position(self.session.path, self.editor.textCursor().position())

    def _follow_cursor(self) -> None:
        """The outline selects the scene the cursor is in (after the cursor rests a moment)."""
        session = self.session
        if session is None:
            return
        # the text's positions are read once per version, not on every move of the cursor
        if self._cursor_positions[0] != (id(session), session.version):
            self._cursor_positions = ((id(session), session.version), self.editor.positions())
        offset = self._cursor_positions[1].from_qt(self.editor.textCursor().position())
        scene = session.chapter.scene_at(offset)
        if scene is not None:
            self.outline.show_scene(self.session.path, scene.index)

    def _update_outline_issues(self) -> None:
        """Issue counts in the outline: the open chapter's (as its check delivers them),
        and the other chapters' where the issues panel's "Whole project" checked them."""
        if self.session is None:
            return
        project = self.issues.project
        known = {path: _scene_counts(rows) for path, rows in project.by_chapter().items()
                 } if project.active else {}
        shown = self.issue_layer.shown
        if shown or (self.checks is not None and self.checks.idle()):
            known[self.session.path] = _scene_counts(shown)
        self.outline.set_issues(known)

    # -- view -------------------------------------------------------------------------------
    def toggle_theme(self) -> None:
        self.set_theme("dark" if self.theme.name == "light" else "light")

    def set_theme(self, name: str) -> None:
        self.theme = theme_named(name)
        self.settings.theme = self.theme.name
        apply_theme(QApplication.instance(), self.theme)
        self.editor.set_theme(self.theme)
        self.issues.set_theme(self.theme)
        self.history.set_theme(self.theme)
        self.views.set_theme(self.theme)
        self.menus.act_dark.setChecked(self.theme.name == "dark")

    # -- window events ----------------------------------------------------------------------
    def complain(self, message: str) -> None:
        QMessageBox.warning(self, "ficwriter", message)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.shown.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.panels.window_resized()

    def restore_layout(self) -> None:
        geometry, state = self.settings.window_state()
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray) and self.restoreState(state):
            self.panels.layout_restored()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.session is not None and self.session.dirty and not self.save():
            event.ignore()
            return
        if self.session is not None:
            self._remember_cursor()
        self.settings.save_window_state(self.saveGeometry(), self.saveState())
        self.settings.sync()
        self._close_workspace()
        self.disk.close()
        if self.session is not None:
            self.session.detach()
        self.outline.close_workers()
        super().closeEvent(event)

