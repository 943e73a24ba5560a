"""When the window's panels show: hidden on the start page, as the writer left them otherwise.

The outline, issues and history docks belong to an open chapter. The start page shows
without them and they come back as they were (History starts hidden); they get their first
sizes once (a share of the window, within bounds), unless a saved layout was restored;
focus mode hides them with the menus and the status bar, says briefly how to leave it
(F11 or Esc), and brings back the ones that were showing. Kept apart from the window
because that remembering is one small state machine of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDockWidget

from ficwriter.gui.editor.focus_hint import FocusHint

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenuBar, QStatusBar, QWidget

    from ficwriter.gui.panels.history_dock import HistoryDock
    from ficwriter.gui.panels.issues_dock import IssuesDock
    from ficwriter.gui.panels.outline import OutlineDock
    from ficwriter.gui.editor.focus_words import FocusWords
    from ficwriter.gui.status_bar import StatusBar


class FocusAction(Protocol):
    act_focus: QAction  # View -> Focus Mode, checked while it is on


class PanelWindow(Protocol):
    """The window as the panels' layout uses it: its three docks and the main window's own
    dock, menu and status bar calls (``MainWindow`` is one), never the window class."""

    outline: OutlineDock
    issues: IssuesDock
    history: HistoryDock
    menus: FocusAction
    status: StatusBar  # its word counts are shown in focus mode by ``focus_words``
    focus_words: FocusWords

    def width(self) -> int: ...
    def height(self) -> int: ...
    def centralWidget(self) -> QWidget: ...  # noqa: N802 (Qt's names, here and below)
    def menuBar(self) -> QMenuBar: ...  # noqa: N802
    def statusBar(self) -> QStatusBar: ...  # noqa: N802
    def findChildren(self, kind: type[QDockWidget]) -> list[QDockWidget]: ...  # noqa: N802
    def dockWidgetArea(self, dock: QDockWidget) -> Qt.DockWidgetArea: ...  # noqa: N802
    def corner(self, corner: Qt.Corner) -> Qt.DockWidgetArea: ...
    def setCorner(self, corner: Qt.Corner, area: Qt.DockWidgetArea) -> None: ...  # noqa: N802
    def resizeDocks(self, docks: Sequence[QDockWidget], sizes: Sequence[int],  # noqa: N802
                    orientation: Qt.Orientation) -> None: ...
    def addDockWidget(self, area: Qt.DockWidgetArea, dock: QDockWidget) -> None: ...  # noqa: N802
    def tabifyDockWidget(self, first: QDockWidget, second: QDockWidget) -> None: ...  # noqa: N802
    def tabifiedDockWidgets(self, dock: QDockWidget) -> list[QDockWidget]: ...  # noqa: N802


# a panel's width or height: a share of the window's, within bounds in pixels
OUTLINE_WIDTH = (0.24, 220, 310)
HISTORY_WIDTH = (0.25, 300, 400)
ISSUES_HEIGHT = (0.5, 200, 380)
WIDE_WINDOW = 1280  # px from which history runs the full height beside a still wide issues table
# below it, history shares the outline's full-height column as a tab: beside the text it would
# leave the issues table too narrow, above the issues table too short to compare versions
TEXT_SHARE = 0.45  # of a smaller window the text keeps at least, the panels giving way
_AREAS = {
    Qt.Orientation.Horizontal: (Qt.DockWidgetArea.LeftDockWidgetArea,
                                Qt.DockWidgetArea.RightDockWidgetArea),
    Qt.Orientation.Vertical: (Qt.DockWidgetArea.TopDockWidgetArea,
                              Qt.DockWidgetArea.BottomDockWidgetArea),
}


def _share(total: int, share: tuple[float, int, int]) -> int:
    """A panel's size: its share of the window, within bounds (a panel of a 1024 px window
    gets less than one of a 1600 px window)."""
    fraction, least, most = share
    return max(least, min(most, round(total * fraction)))


class Panels:
    def __init__(self, window: PanelWindow) -> None:
        self.window = window
        self._focus_mode = False
        self._laid_out = False
        self._history_sized = False
        self._shown = True  # docks are as the writer wants them (not hidden for the start page)
        self._before_focus: list[QDockWidget] = []
        self.focus_hint = FocusHint(window.centralWidget())
        window.status.wordsShown.connect(window.focus_words.show_words)
        # Esc leaves focus mode too (only while in it; the find bar keeps Esc for itself)
        self._leave_focus = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
        self._leave_focus.setEnabled(False)
        self._leave_focus.activated.connect(lambda: self.toggle_focus_mode(False))
        window.history.opened.connect(self._history_shown)
        self.locked = True
        self.set_locked(True)

    def set_locked(self, locked: bool) -> None:
        """Locked (the default), a panel's title bar only closes it: a drag meant to select
        text or resize a panel cannot tear the panel off or move it to another side."""
        self.locked = locked
        features = QDockWidget.DockWidgetFeature.DockWidgetClosable
        if not locked:
            features |= (QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        for dock in self._docks():
            dock.setFeatures(features)

    def _docks(self) -> list[QDockWidget]:
        return [self.window.outline, self.window.issues, self.window.history]

    def set_visible(self, visible: bool) -> None:
        """Hide the docks for the start page, remembering which were showing; or show those."""
        docks = self._docks()
        if not visible:
            if self._shown:
                for dock in docks:
                    dock.setProperty("wasVisible", not dock.isHidden())
            for dock in docks:
                dock.hide()
                dock.toggleViewAction().setEnabled(False)
            self._shown = False
            return
        for dock in docks:
            dock.toggleViewAction().setEnabled(True)
            if dock.property("wasVisible") is not False:
                dock.show()
        self._shown = True
        if not self._laid_out:
            self._laid_out = True
            window = self.window
            window.resizeDocks([window.outline], [_share(window.width(), OUTLINE_WIDTH)],
                               Qt.Orientation.Horizontal)
            window.resizeDocks([window.issues], [_share(window.height(), ISSUES_HEIGHT)],
                               Qt.Orientation.Vertical)

    def _history_shown(self) -> None:
        """History starts hidden: it gets its first width the first time it shows; on a
        small window it comes to the front of the column it shares with the outline."""
        window = self.window
        if self._place_history() or window.tabifiedDockWidgets(window.history):
            QTimer.singleShot(0, window.history.raise_)  # once the tab bar exists
        if not self._history_sized:
            self._history_sized = True
            window.resizeDocks([window.history], [_share(window.width(), HISTORY_WIDTH)],
                               Qt.Orientation.Horizontal)

    def _place_history(self) -> bool:
        """History beside the text on a wide window, a tab beside the outline's on a small
        one; True when it moved. Unlocked panels stay where the writer put them."""
        window = self.window
        if not self.locked or window.history.isFloating():
            return False
        tabbed = window.outline in window.tabifiedDockWidgets(window.history)
        wide = window.width() >= WIDE_WINDOW
        if wide and tabbed:
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.history)
            return True
        if not wide and not tabbed:
            window.tabifyDockWidget(window.outline, window.history)
            return True
        return False

    def window_resized(self) -> None:
        """A window made smaller (snapped to half the screen) takes the room from the panels
        too, not from the text alone: where the text would keep less than ``TEXT_SHARE`` of
        the window's width (or height), larger panels on the sides (or below) go back to
        their share of it."""
        window = self.window
        corner = (Qt.DockWidgetArea.RightDockWidgetArea if window.width() >= WIDE_WINDOW
                  else Qt.DockWidgetArea.BottomDockWidgetArea)
        if window.corner(Qt.Corner.BottomRightCorner) != corner:
            window.setCorner(Qt.Corner.BottomRightCorner, corner)
        if self._place_history() and window.history.isVisible():
            QTimer.singleShot(0, window.history.raise_)
        for orientation, areas in _AREAS.items():
            across = orientation == Qt.Orientation.Horizontal
            docks = [dock for dock in self._docks() if dock.isVisible() and not dock.isFloating()
                     and window.dockWidgetArea(dock) in areas]
            total = window.width() if across else window.height()
            sizes = [dock.width() if across else dock.height() for dock in docks]
            if sum(sizes) <= total * (1 - TEXT_SHARE):
                continue
            shares = [_share(total, self._share_of(dock, across)) for dock in docks]
            window.resizeDocks(docks, [min(pair) for pair in zip(sizes, shares)], orientation)

    def _share_of(self, dock: QDockWidget, across: bool) -> tuple[float, int, int]:
        """A panel's share of the window's width (``across``) or height; a panel moved to
        another side takes the share of the panel usually there."""
        if not across:
            return ISSUES_HEIGHT
        return OUTLINE_WIDTH if dock is self.window.outline else HISTORY_WIDTH

    def layout_restored(self) -> None:
        """The window's saved state (docks included) was just put back."""
        self._laid_out = self._history_sized = True
        if not self._shown:  # on the start page: remember, and hide again
            self._shown = True
            self.set_visible(False)

    def toggle_focus_mode(self, on: bool | None = None) -> None:
        on = (not self._focus_mode) if on is None or not isinstance(on, bool) else on
        self._focus_mode = on
        window = self.window
        window.menus.act_focus.setChecked(on)
        if on:
            self._before_focus = [d for d in window.findChildren(QDockWidget) if d.isVisible()]
            for dock in self._before_focus:
                dock.hide()
        else:
            for dock in self._before_focus:
                dock.show()
        window.statusBar().setVisible(not on)
        window.menuBar().setVisible(not on)
        self._leave_focus.setEnabled(on)
        window.focus_words.setVisible(on)
        if on:
            self.focus_hint.flash()
        else:
            self.focus_hint.dismiss()
