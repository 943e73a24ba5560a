"""Render the window's main states to docs/screenshots/*.png (offscreen, 1400x900).

    python scripts/screenshots.py [--out docs/screenshots]

Uses a copy of the sample project in a temporary folder and settings of its own, so it
touches neither the sample nor the user's settings. The real checker runs (LanguageTool
is unavailable offline; Harper and the fiction rules answer).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtGui import QTextCursor  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from ficwriter import paths  # noqa: E402
from ficwriter.gui.app import application  # noqa: E402
from ficwriter.gui.app_settings import AppSettings  # noqa: E402
from ficwriter.gui.dialogs.new_project import NewStory  # noqa: E402
from ficwriter.gui.main_window import MainWindow  # noqa: E402
from ficwriter.gui.theme import apply_theme, theme_named  # noqa: E402

import first_session_walk  # noqa: E402 (beside this script)

SIZE = (1400, 900)


def settle(app: QApplication, seconds: float, until=None) -> None:
    """Let the window work (checker results, timers) for up to ``seconds``."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if until is not None and until():
            break
        time.sleep(0.02)
    for _ in range(5):
        app.processEvents()


def save(widget: QWidget, out: Path, name: str) -> None:
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = application()
    with tempfile.TemporaryDirectory(prefix="ficwriter-shots-") as folder:
        base = Path(folder)
        os.environ["HOME"] = str(base)  # the start page shows ~/… paths, as a writer's would
        stories = base / "Documents" / "Stories"
        stories.mkdir(parents=True)
        project = stories / "Starfall"
        shutil.copytree(paths.sample_project(), project)
        settings = AppSettings(QSettings(str(base / "settings.ini"), QSettings.Format.IniFormat))
        for recent in ("Northern Lights", "The Long Winter"):
            (stories / recent).mkdir()
            settings.add_recent(stories / recent)
        settings.add_recent(project)
        apply_theme(app, theme_named("light"))
        window = MainWindow(settings)
        window.resize(*SIZE)
        window.show()
        settle(app, 0.3)
        save(window, args.out, "start-page")

        # a new story, as a first-time writer starts one, on a 1366 x 768 laptop
        window.opening.sample_folder = base / "Documents" / "ficwriter"
        window.resize(1366, 768)
        dialog = window.chapter_actions.new_project_dialog()
        dialog.title_edit.setText("The Long Night")
        dialog.author_edit.setText("Ana")
        dialog.fandom_edit.setText("The 100")
        dialog.language.setCurrentIndex(dialog.language.findData("en-GB"))
        dialog.show()
        settle(app, 0.3)
        save(dialog, args.out, "new-story")
        dialog.close()
        window.chapter_actions.create_story(dialog.story())
        editor = window.editor
        editor.insertPlainText("The dropship shook as it broke through the clouds. Clarke held "
                               "the strap above her seat and counted the seconds, the way her "
                               "father had taught her.")
        editor.insertPlainText("\n\n*Ninety-seven years*, she thought. Nobody had stood on "
                               "the ground for ninety-seven years.\n\n* * *\n\n")
        editor.insertPlainText("The door opened on green.")
        window.save()
        settle(app, 8, until=lambda: window.checks is not None and window.checks.idle())
        settle(app, 0.5)
        save(window, args.out, "new-story-editor")
        window.close_project()
        window.resize(*SIZE)
        settle(app, 0.3)

        window.open_path(project)
        settle(app, 15, until=lambda: "unavailable" in window.status.checker.text()
               and "Harper ready" in window.checks.status_text()[1]
               and len(window.issue_layer) > 10)
        window.history.hide()
        text = window.editor.text()
        cursor = window.editor.textCursor()
        cursor.setPosition(text.index("Wren Halloway"))  # the top: the note, then the story
        window.editor.setTextCursor(cursor)
        window.editor.verticalScrollBar().setValue(0)
        settle(app, 0.5)
        save(window, args.out, "editor")

        window.resizeDocks([window.issues], [460], Qt.Orientation.Vertical)
        window.issues.group_box.setChecked(True)
        window.issues.rules_view.selectRow(0)
        window.issues.table.setFocus()
        settle(app, 0.3)
        save(window, args.out, "issues")
        window.issues.group_box.setChecked(False)
        window.resizeDocks([window.issues], [290], Qt.Orientation.Vertical)

        cursor.setPosition(text.index("The road out of the valley was older than the town."))
        cursor.insertText("The frost came early that year. ")
        seven = window.editor.text().index("Seven. ")
        cursor.setPosition(seven)
        cursor.setPosition(seven + len("Seven. "), QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        window.save()
        window.history_actions.create_snapshot("Before the ridge rewrite")
        window.history_actions.show_history(window.workspace.store.revisions(
            window.workspace.relative(window.session.path))[-1].id)
        window.issues.hide()
        settle(app, 0.5)
        save(window, args.out, "history")
        window.issues.show()
        window.history.hide()

        dialog = window.export_dialog()
        dialog.resize(1200, 760)
        dialog.show()
        settle(app, 0.5)
        save(dialog, args.out, "export")
        dialog.close()

        window.set_theme("dark")
        window.history.hide()
        settle(app, 0.5)
        save(window, args.out, "dark")
        window.set_theme("light")
        window.session.mark_saved()
        window.close()
        settle(app, 0.2)
        views(app, settings, base, args.out)

        walker = MainWindow(settings)
        walker.opening.sample_folder = base / "Documents" / "ficwriter"
        walker.show()
        first_session_walk.walk(app, walker, base, args.out, settle, save)
        walker.session.mark_saved()
        walker.close()
        settle(app, 0.2)
    return 0


def write_a_month(project: Path) -> None:
    """Three weeks of writing in chapter 2 (a few sessions a day, some days off, a cut now
    and then), with its times set back, and goals to measure it against."""
    import random
    from datetime import datetime, timedelta, timezone

    import ficwriter.history.store as store_module
    from ficwriter.core.goals import update_goals
    from ficwriter.core.project import open_project
    from ficwriter.history.store import HistoryStore

    rng = random.Random(17)
    start = datetime.now(timezone.utc).replace(hour=15) - timedelta(days=24)
    clock = [start]

    def now() -> str:
        clock[0] += timedelta(minutes=20)
        return clock[0].isoformat()

    real, store_module.utc_now = store_module.utc_now, now
    chapters = sorted((project / "chapters").glob("*.md"))
    sentences = [p.strip() for p in chapters[0].read_text(encoding="utf-8").split(".")
                 if len(p.split()) > 6 and ":::" not in p and "<!--" not in p]  # fmt: skip
    try:
        with HistoryStore.open(project) as store:
            for path in chapters:
                store.record(store.relative(path), path.read_text(encoding="utf-8"), "external")
            rel, text = store.relative(chapters[1]), chapters[1].read_text(encoding="utf-8")
            for day in range(1, 25):
                clock[0] = start + timedelta(days=day)
                if rng.random() < 0.25:
                    continue
                for _ in range(rng.randint(1, 3)):
                    paragraph = ". ".join(rng.choice(sentences) for _ in range(rng.randint(3, 9)))
                    text = text.rstrip("\n") + "\n\n" + paragraph + ".\n"
                    if rng.random() < 0.2:
                        text = text.rsplit("\n\n", 2)[0] + "\n"
                    store.save(rel, text)
    finally:
        store_module.utc_now = real
    goals = open_project(project)
    update_goals(goals, words=8000, deadline=(start + timedelta(days=60)).date(), daily=300,
                 chapters={"chapters/01-the-long-walk.md": 2000,
                           "chapters/02-over-the-ridge.md": 5000})  # fmt: skip
    goals.save()


def views(app: QApplication, settings: AppSettings, base: Path, out: Path) -> None:
    """View -> Progress and View -> Story at 1366x768, in both themes."""
    project = base / "Progress" / "Starfall"
    shutil.copytree(paths.sample_project(), project)
    write_a_month(project)
    for theme in ("light", "dark"):
        settings.theme = theme
        apply_theme(app, theme_named(theme))
        window = MainWindow(settings)
        window.resize(1366, 768)
        window.show()
        window.open_path(project / "chapters" / "02-over-the-ridge.md")
        settle(app, 1.0)
        window.views.show_progress()
        progress = window.views.progress_window
        progress.resize(1366, 768)
        settle(app, 0.5)
        save(progress, out, f"progress-{theme}")
        window.views.show_story()
        story = window.views.story_window
        story.resize(1366, 768)
        settle(app, 30, until=lambda: "words" in story.status.text())
        story.show_chapter(1)
        settle(app, 0.5)
        save(story, out, f"story-{theme}")
        save(window.status, out, f"status-goals-{theme}")
        window.close()
        settle(app, 0.2)
    settings.theme = "light"


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # skip interpreter teardown: PySide6 can crash tearing down a used QApplication
