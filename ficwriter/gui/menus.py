"""The window's commands: each action with its shortcut, and the menus that list them.

The keyboard map and the menu bar read in one place here, apart from what the commands do:
every action calls a slot of the window or of one of its parts (``scene_actions``,
``issue_actions``, ``panels``…). The actions are added to the window itself, so their
shortcuts work whichever panel has the focus (Cut and the like only in the editor; Undo and
Redo everywhere, ``actions.edit_undo`` choosing the text's or the chapter commands').
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from ficwriter.gui.dialogs.about import show_about

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QMenuBar

    from ficwriter.gui.actions.beta_actions import BetaActions
    from ficwriter.gui.actions.chapter_actions import ChapterActions
    from ficwriter.gui.actions.edit_undo import EditUndo
    from ficwriter.gui.actions.issue_actions import IssueActions
    from ficwriter.gui.actions.opening import OpenCommands
    from ficwriter.gui.actions.scene_actions import SceneActions
    from ficwriter.gui.app_settings import AppSettings
    from ficwriter.gui.editor.editor import ChapterEditor
    from ficwriter.gui.editor.find_bar import FindBar
    from ficwriter.gui.panels.history_dock import HistoryDock
    from ficwriter.gui.panels.issues_dock import IssuesDock
    from ficwriter.gui.panels.layout import Panels
    from ficwriter.gui.panels.outline import OutlineDock
    from ficwriter.gui.theme import Theme
    from ficwriter.gui.views.project_views import ProjectViews

Shortcut = str | QKeySequence.StandardKey | Sequence[str]


class MenuWindow(Protocol):
    """The window as the menus use it: the parts whose commands they list (``MainWindow`` is
    one; the actions are added to it, so their shortcuts work in every panel)."""

    settings: AppSettings
    theme: Theme
    editor: ChapterEditor
    find_bar: FindBar
    outline: OutlineDock
    issues: IssuesDock
    history: HistoryDock
    opening: OpenCommands
    chapter_actions: ChapterActions
    edit_undo: EditUndo
    scene_actions: SceneActions
    issue_actions: IssueActions
    beta_actions: BetaActions
    panels: Panels
    views: ProjectViews

    def save(self) -> bool: ...
    def show_export(self) -> None: ...
    def show_settings(self) -> None: ...
    def close_project(self) -> None: ...
    def toggle_theme(self) -> None: ...
    def open_path(self, path: Path) -> bool: ...
    def close(self) -> bool: ...
    def addAction(self, action: QAction) -> None: ...  # noqa: N802 (Qt's name)
    def menuBar(self) -> QMenuBar: ...  # noqa: N802 (Qt's name)


class WindowMenus:
    """The actions (``act_*``) and menus (``menu_*``) of one window."""

    def __init__(self, window: MenuWindow) -> None:
        self.window = window
        K = QKeySequence.StandardKey
        a = self._action
        editor, find_bar = window.editor, window.find_bar
        scenes, issues = window.scene_actions, window.issue_actions
        opening, stories = window.opening, window.chapter_actions
        self.act_new_project = a("&New Project…", stories.new_project, "Ctrl+Shift+N")
        self.act_new_chapter = a("New &Chapter", stories.new_chapter, K.New)
        self.act_deleted = a("&Deleted Chapters…", stories.show_deleted)
        self.act_open_folder = a("Open &Folder…", opening.choose_folder, "Ctrl+Shift+O")
        self.act_open_file = a("&Open File…", opening.choose_file, K.Open)
        self.act_sample = a("Open &Sample Project", opening.open_sample)
        self.act_save = a("&Save", window.save, K.Save)
        self.act_import = a("&Import…", opening.choose_import)
        self.act_export = a("&Export…", window.show_export, "Ctrl+E")
        self.act_send_beta = a("Send to &Beta Reader…", window.beta_actions.send)
        self.act_take_beta = a("&Take Beta Reader's Changes…", window.beta_actions.take)
        self.act_settings = a("Se&ttings…", window.show_settings, K.Preferences)
        if self.act_settings.shortcut().isEmpty():
            self.act_settings.setShortcut(QKeySequence("Ctrl+,"))
        self.act_close = a("&Close Project", window.close_project, K.Close)
        self.act_quit = a("&Quit", window.close, "Ctrl+Q")
        # Undo and Redo take the text's undo or the chapter commands' (actions.edit_undo)
        self.act_undo = a("&Undo", window.edit_undo.undo, K.Undo)
        self.act_redo = a("&Redo", window.edit_undo.redo, K.Redo)
        for action, keys in ((self.act_undo, K.Undo), (self.act_redo, K.Redo)):
            action.setShortcuts(keys)  # every binding: Redo is Ctrl+Y and Ctrl+Shift+Z
        self.act_cut = a("Cu&t", editor.cut, K.Cut)
        self.act_copy = a("&Copy", editor.copy, K.Copy)
        self.act_paste = a("&Paste", editor.paste, K.Paste)
        self.act_paste_plain = a("Paste as P&lain Text", editor.paste_plain, "Ctrl+Shift+V")
        self.act_select_all = a("Select &All", editor.selectAll, K.SelectAll)
        self.act_find = a("&Find…", lambda: find_bar.open(), K.Find)
        # explicit keys where a platform's standard ones differ (KDE's Replace is Ctrl+R) or
        # are missing (Quit on a bare X server) or clash (Find Next's Ctrl+G is Go to Scene)
        self.act_replace = a("Find and &Replace…", lambda: find_bar.open(replace=True), "Ctrl+H")
        self.act_find_next = a("Find &Next", find_bar.find_next, "F3")
        self.act_find_previous = a("Find Pre&vious", find_bar.find_previous, "Shift+F3")
        self.act_go_to_scene = a("&Go to Scene…", scenes.go_to_scene, "Ctrl+G")
        self.act_focus = a("&Focus Mode", window.panels.toggle_focus_mode, ["F11", "Ctrl+Shift+F"],
                           checkable=True)
        self.act_dark = a("&Dark Theme", window.toggle_theme, "Ctrl+Shift+D", checkable=True)
        self.act_dark.setChecked(window.theme.name == "dark")
        self.act_progress = a("&Progress", window.views.show_progress, "Ctrl+Shift+P")
        self.act_story = a("S&tory", window.views.show_story, "Ctrl+Shift+Y")
        self.act_sprint = a("Start &Sprint", self._toggle_sprint, "Ctrl+Shift+T")
        self.act_unlock_panels = a("&Unlock Panels", lambda: window.panels.set_locked(
            not self.act_unlock_panels.isChecked()), checkable=True)
        self.act_italic = a("&Italic", editor.toggle_italic, K.Italic)
        self.act_bold = a("&Bold", editor.toggle_bold, K.Bold)
        self.act_quote = a("Block &Quote", editor.toggle_block_quote, "Ctrl+Shift+Q")
        self.act_scene_break = a("Scene &Break", scenes.add_scene_break, "Ctrl+Shift+Return")
        self.act_note = a("Author's &Note", editor.insert_author_note, "Ctrl+Shift+M")
        self.act_next_issue = a("&Next Issue", issues.next_issue, "F7")
        self.act_previous_issue = a("&Previous Issue", issues.previous_issue, "Shift+F7")
        self.act_check_again = a("Check &Again", issues.check_again, "F5")
        self.act_stop_checking = a("&Stop Checking", issues.stop_checking, "Shift+F5")
        self.act_stop_checking.setEnabled(False)  # while a check runs (CheckController.checkingChanged)
        self.act_about = a("&About ficwriter", lambda: show_about(window))
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)
        for action in (self.act_cut, self.act_copy, self.act_paste, self.act_select_all):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        # formatting keys act on the text only while it has the focus (Ctrl+B in the find
        # bar is not bold); the menu works from anywhere
        for action in self._format_actions():
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            editor.addAction(action)
        window.edit_undo.bind(self.act_undo, self.act_redo)
        self._build_menus()

    def _action(self, text: str, slot: Callable[[], object], shortcut: Shortcut | None = None, *,
                checkable: bool = False) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            if isinstance(shortcut, (list, tuple)):
                action.setShortcuts([QKeySequence(s) for s in shortcut])
            else:
                action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def _build_menus(self) -> None:
        window = self.window
        bar = window.menuBar()
        self.menu_file = bar.addMenu("&File")
        for action in (self.act_new_project, self.act_new_chapter):
            self.menu_file.addAction(action)
        self.menu_file.addSeparator()
        for action in (self.act_open_folder, self.act_open_file, self.act_sample):
            self.menu_file.addAction(action)
        self.menu_recent = self.menu_file.addMenu("Open &Recent")
        self.menu_recent.aboutToShow.connect(self._fill_recent_menu)
        self.menu_file.addAction(self.act_import)
        self.menu_file.addAction(self.act_deleted)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_save)
        self.menu_file.addAction(self.act_export)
        self.menu_file.addAction(self.act_send_beta)
        self.menu_file.addAction(self.act_take_beta)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_settings)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_close)
        self.menu_file.addAction(self.act_quit)
        self.menu_edit = bar.addMenu("&Edit")
        for action in (self.act_undo, self.act_redo, None, self.act_cut, self.act_copy,
                       self.act_paste, self.act_paste_plain, self.act_select_all, None,
                       self.act_find, self.act_replace, self.act_find_next,
                       self.act_find_previous, None, self.act_go_to_scene):
            self.menu_edit.addSeparator() if action is None else self.menu_edit.addAction(action)
        self.menu_format = bar.addMenu("F&ormat")
        for action in self._format_actions():
            self.menu_format.addAction(action)
        self.menu_view = bar.addMenu("&View")
        self.menu_view.addAction(self.act_focus)
        self.menu_view.addAction(self.act_dark)
        self.menu_view.addSeparator()
        self.menu_view.addAction(self.act_progress)
        self.menu_view.addAction(self.act_story)
        self.menu_view.addAction(self.act_sprint)
        self.menu_view.aboutToShow.connect(self._name_sprint)
        self.menu_view.addSeparator()
        self.menu_view.addAction(window.outline.toggleViewAction())
        self.menu_view.addAction(window.issues.toggleViewAction())
        self.menu_view.addAction(window.history.toggleViewAction())
        self.menu_view.addAction(self.act_unlock_panels)
        self.menu_check = bar.addMenu("&Check")
        self.menu_check.addAction(self.act_next_issue)
        self.menu_check.addAction(self.act_previous_issue)
        self.menu_check.addSeparator()
        self.menu_check.addAction(self.act_check_again)
        self.menu_check.addAction(self.act_stop_checking)
        self.menu_help = bar.addMenu("&Help")
        self.menu_help.addAction(self.act_about)

    def _toggle_sprint(self) -> None:
        self.window.views.toggle_sprint()
        self._name_sprint()

    def _name_sprint(self) -> None:
        """Start or Stop, as the sprint stands (it may have ended on its own meanwhile)."""
        self.act_sprint.setText("Stop &Sprint" if self.window.views.sprinting else "Start &Sprint")

    def _format_actions(self) -> list[QAction]:
        return [self.act_italic, self.act_bold, self.act_quote, self.act_scene_break,
                self.act_note]

    def _fill_recent_menu(self) -> None:
        self.menu_recent.clear()
        for path in self.window.settings.recent_projects():
            self.menu_recent.addAction(str(path), lambda p=path: self.window.open_path(p))

    def set_editing_enabled(self, enabled: bool) -> None:
        """The commands that need an open chapter."""
        for action in (self.act_save, self.act_close, self.act_find, self.act_replace,
                       self.act_go_to_scene, self.act_next_issue, self.act_previous_issue,
                       self.act_export, self.act_send_beta, self.act_take_beta,
                       self.act_check_again, self.act_paste_plain,
                       self.act_new_chapter, self.act_deleted,
                       self.act_progress, self.act_story, self.act_sprint,
                       *self._format_actions()):
            action.setEnabled(enabled)

    def set_read_only(self, read_only: bool) -> None:
        """A project another window holds: nothing here may write its files or history."""
        for action in (self.act_save, self.act_replace, self.act_paste_plain,
                       self.act_new_chapter, self.act_deleted, *self._format_actions()):
            action.setEnabled(not read_only)
