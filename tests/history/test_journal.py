"""The recovery journal: unsaved text survives a crash and is offered only when it matters."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

from ficwriter.history.store import HistoryStore
from tests.history.support import python_process

CH = "chapters/01.md"


def _age_file(path: Path, seconds: float) -> None:
    stat = path.stat()
    os.utime(path, (stat.st_atime - seconds, stat.st_mtime - seconds))


def test_unsaved_text_is_offered_after_a_crash(project: Path) -> None:
    crashing = python_process(
        textwrap.dedent(
            f"""
            import os
            from ficwriter.history.store import HistoryStore
            store = HistoryStore.open({str(project)!r})
            store.save({CH!r}, "Saved text.\\n")
            st = os.stat(store.root / {CH!r})
            os.utime(store.root / {CH!r}, (st.st_atime - 60, st.st_mtime - 60))
            store.journal.write({CH!r}, "Saved text, and an unsaved sentence.\\n")
            os._exit(3)  # a crash: no close, the lock stays behind
            """
        )
    )
    assert crashing.wait(timeout=30) == 3, crashing.stderr.read() if crashing.stderr else ""
    assert (project / ".ficwriter" / "lock").exists()

    with HistoryStore.open(project) as after:  # the stale lock of the dead process is taken over
        [entry] = after.journal.pending()
    assert entry.path == CH and entry.text == "Saved text, and an unsaved sentence.\n"


def test_an_entry_older_than_the_file_is_not_offered(store: HistoryStore) -> None:
    store.save(CH, "Saved.\n")
    store.journal.write(CH, "Typed, then saved elsewhere.\n")
    (store.root / CH).write_text("Edited in another editor later.\n", encoding="utf-8")
    os.utime(store.root / CH)
    future = os.stat(store.root / CH).st_mtime + 5
    os.utime(store.root / CH, (future, future))
    assert store.journal.pending() == []


def test_an_entry_equal_to_the_file_is_not_offered(store: HistoryStore) -> None:
    store.save(CH, "Same.\n")
    _age_file(store.root / CH, 60)
    store.journal.write(CH, "Same.\n")
    assert store.journal.pending() == []


def test_an_entry_whose_file_vanished_is_offered(store: HistoryStore) -> None:
    store.journal.write(CH, "Never saved at all.\n")
    assert [e.text for e in store.journal.pending()] == ["Never saved at all.\n"]


def test_a_newer_write_replaces_the_entry_and_clear_removes_it(store: HistoryStore) -> None:
    store.journal.write(CH, "One.\n")
    store.journal.write(CH, "Two.\n")
    assert [e.text for e in store.journal.entries()] == ["Two.\n"]
    store.journal.clear(CH)
    assert store.journal.entry(CH) is None
