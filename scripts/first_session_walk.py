"""The walk of docs/first-session.md, as a writer takes it, with a picture at each step.

Called by ``scripts/screenshots.py``: a new story from the start page, two chapters typed
with the keyboard, an import, the review of the issues, a restore, an export; at 1366 x 768,
the size of a laptop's screen. Every step goes through the real window (its buttons, menu
actions and keys), so a step that stops working stops the script.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QMessageBox, QWidget

from ficwriter.gui.actions.name_offer import ADD_ALL
from ficwriter.gui.main_window import MainWindow

SIZE = (1366, 768)
FIRST = ("The lighthouse on Carrow Point had been dark for nine years when Mara Quill "
         "climbed its stairs again.")
SECOND = ("*Nobody comes here any more,* she thought. The keeper's logbook lay open on the "
          "desk, its last entry written in her mother's hand.")
THIRD = ("Tomas found her there at dusk. \"You said you'd never come back,\" he said. "
         "Mara did not turn round. \"I said alot of things.\"")


def _when_modal(app: QApplication, act: Callable[[QWidget], None]) -> None:
    """Run ``act`` on the next modal dialog once it is up (a writer's answer to it)."""

    def attempt() -> None:
        dialog = app.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, attempt)
            return
        act(dialog)

    QTimer.singleShot(0, attempt)


def _focus_editor(app: QApplication, window: MainWindow) -> None:
    """The window active and the cursor in the text, as after a click into it (a closed
    dialog leaves no window active offscreen, and shortcuts need one)."""
    window.activateWindow()
    window.editor.setFocus()
    app.processEvents()


def _type(app: QApplication, window: MainWindow, *paragraphs: str) -> None:
    editor = window.editor
    _focus_editor(app, window)
    for index, paragraph in enumerate(paragraphs):
        if index:
            QTest.keyClick(editor, Qt.Key.Key_Return)
        QTest.keyClicks(editor, paragraph)
    app.processEvents()


def walk(app: QApplication, window: MainWindow, base: Path, out: Path,
         settle: Callable[..., None], save: Callable[[QWidget, Path, str], None]) -> None:
    """Take the walk in ``window`` (on the start page), saving ``first-session-*.png``."""
    window.set_theme("light")
    window.resize(*SIZE)
    settle(app, 0.3)
    save(window, out, "first-session-1-start")

    # 1. a new story
    def fill_new_story(dialog: QWidget) -> None:
        QTest.keyClicks(dialog.title_edit, "The Keeper's Daughter")
        QTest.keyClicks(dialog.fandom_edit, "Original Work")
        dialog.language.setCurrentIndex(max(0, dialog.language.findData("en-GB")))
        app.processEvents()
        save(dialog, out, "first-session-2-new-story")
        dialog.accept()

    _when_modal(app, fill_new_story)
    QTest.mouseClick(window.start_page.new_story, Qt.MouseButton.LeftButton)
    settle(app, 1)
    _type(app, window, FIRST, SECOND)
    _focus_editor(app, window)
    QTest.keyClick(window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(app, 3, until=lambda: window.checks is not None and window.checks.idle())
    save(window, out, "first-session-3-first-chapter")

    # 2. a second chapter
    def name_chapter(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("Dusk")
        dialog.accept()

    _when_modal(app, name_chapter)
    _focus_editor(app, window)
    QTest.keyClick(window.editor, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    settle(app, 1)
    _type(app, window, THIRD)
    QTest.keyClick(window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(app, 3, until=lambda: window.checks is not None and window.checks.idle())
    save(window, out, "first-session-4-second-chapter")

    # 3. an import: a chapter the writer had in a text file
    draft = base / "Downloads" / "Chapter 3 - The Storm.txt"
    draft.parent.mkdir(parents=True, exist_ok=True)
    draft.write_text(
        "A/N: Sorry this took so long! Thanks for all the comments.\n\n"
        "The storm came in off the sea before midnight. Mara lit the lamp by hand, the way "
        "her mother had taught her, and watched the beam swing out over the water.\n\n\n"
        "By morning the harbour was full of boats that had found their way home.\n",
        encoding="utf-8")

    def import_here(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        save(dialog, out, "first-session-5-import")
        next(b for b in dialog.buttons() if b.text().startswith("Into \u201c")).click()

    _when_modal(app, import_here)
    window.import_offer.ask_where(draft, open_project=window.project_root)
    settle(app, 5, until=lambda: window.session is not None
           and window.session.path.name.startswith("03-"))
    settle(app, 10, until=lambda: window.checks is not None and window.checks.idle()
           and window.bar.isVisible())
    save(window, out, "first-session-6-imported")

    # 4. review: the names offered, the issues walked with F7
    if ADD_ALL in window.bar.buttons:
        window.bar.buttons[ADD_ALL].click()
    window.open_chapter(window.project_root / "chapters" / sorted(
        p.name for p in (window.project_root / "chapters").glob("02-*"))[0], window.project_root)
    settle(app, 10, until=lambda: window.checks is not None and window.checks.idle()
           and len(window.issue_layer) > 0)
    _focus_editor(app, window)
    QTest.keyClick(window.editor, Qt.Key.Key_F7)
    settle(app, 0.5)
    save(window, out, "first-session-7-review")

    # 5. restore: the chapter as it was before the review's edit
    window.issues.table.setFocus()
    window.issues.table.selectRow(0)
    QTest.keyClick(window.issues.table, Qt.Key.Key_A)  # apply the first suggestion
    _focus_editor(app, window)
    QTest.keyClick(window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    window.history.show()
    settle(app, 1, until=lambda: window.history.list.topLevelItemCount() > 1)
    window.history.list.setCurrentItem(window.history.list.topLevelItem(1))
    settle(app, 0.5)

    def restore(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        save(window, out, "first-session-8-restore")
        save(dialog, out, "first-session-8-restore-question")
        dialog.button(QMessageBox.StandardButton.Yes).click()

    _when_modal(app, restore)
    QTest.mouseClick(window.history.restore_button, Qt.MouseButton.LeftButton)
    settle(app, 0.5)
    window.history.hide()

    # 6. export for AO3
    dialog = window.export_dialog()
    dialog.resize(1200, 700)
    dialog.show()
    settle(app, 1)
    save(dialog, out, "first-session-9-export")
    dialog.done(QDialog.DialogCode.Rejected)
