"""The history bar: it says the disk refused history, goes when history is written again,
and never covers a bar that asks the writer something."""

from __future__ import annotations

from ficwriter.history.disk_trouble import DISK_FULL, READ_ONLY_DISK, HistoryUnavailable


def test_the_bar_says_the_refusal_and_goes_once_history_is_written_again(window) -> None:
    window.history_trouble.changed(HistoryUnavailable(READ_ONLY_DISK))
    assert not window.bar.isHidden()
    assert window.bar.label.text().startswith("Read-only disk: history not updated.")
    assert "once the disk can be written again" in window.bar.label.text()
    window.history_trouble.changed(None)
    assert window.bar.isHidden()


def test_a_question_on_the_bar_is_not_covered_nor_taken_away(window) -> None:
    asked = "“01.md” changed on disk while you had unsaved edits."
    window.bar.show_message(asked, [("Keep mine", lambda: None)])
    window.history_trouble.changed(HistoryUnavailable(DISK_FULL))
    assert window.bar.label.text() == asked
    window.history_trouble.changed(None)
    assert not window.bar.isHidden() and window.bar.label.text() == asked
