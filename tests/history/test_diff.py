"""Word diffs as the history view colours them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ficwriter.core.words import count_words
from ficwriter.history.diff import diff_texts
from ficwriter.history.store import HistoryStore

OLD = "Lexa drew her sword.\n\nThe cave was dark.\n\nClarke waited outside.\n"


def test_a_changed_word_is_a_replace_run_at_its_place_in_both_texts() -> None:
    new = OLD.replace("dark", "cold")
    change = diff_texts(OLD, new)
    [paragraph] = change.paragraphs
    assert (paragraph.kind, paragraph.old_index, paragraph.new_index) == ("changed", 1, 1)
    [replaced] = [r for r in paragraph.runs if r.kind != "equal"]
    assert (replaced.old_text, replaced.new_text) == ("dark", "cold")
    assert OLD[replaced.old_start : replaced.old_end] == "dark"
    assert new[replaced.new_start : replaced.new_end] == "cold"
    assert (change.words_added, change.words_removed) == (1, 1)


def test_inserted_and_deleted_paragraphs_are_whole_runs_with_counts() -> None:
    new = "Lexa drew her sword.\n\nClarke waited outside.\n\nNight fell fast.\n"
    change = diff_texts(OLD, new)
    kinds = [(p.kind, p.old_index, p.new_index) for p in change.paragraphs]
    assert ("deleted", 1, None) in kinds and ("inserted", None, 2) in kinds
    deleted = next(p for p in change.paragraphs if p.kind == "deleted")
    assert deleted.old_span is not None
    assert OLD[slice(*deleted.old_span)] == "The cave was dark.\n\n"
    assert (change.words_added, change.words_removed) == (3, 4)
    assert (change.paragraphs_inserted, change.paragraphs_deleted) == (1, 1)


def test_unchanged_paragraphs_are_not_reported() -> None:
    new = OLD.replace("outside", "inside")
    change = diff_texts(OLD, new)
    assert [p.old_index for p in change.paragraphs] == [2]
    assert diff_texts(OLD, OLD).unchanged


def test_appending_a_paragraph_does_not_rewrite_the_old_last_one() -> None:
    change = diff_texts(OLD, OLD + "\nA new ending.\n")
    inserted = [p for p in change.paragraphs if p.kind == "inserted"]
    assert len(inserted) == 1
    assert (change.words_added, change.words_removed) == (3, 0)


def test_runs_rebuild_both_texts_of_a_changed_paragraph() -> None:
    new = "Lexa drew  her  long sword!\n\nThe cave was dark.\n\nClarke waited outside.\n"
    [paragraph] = diff_texts(OLD, new).paragraphs
    assert paragraph.old_span and paragraph.new_span
    assert "".join(r.old_text for r in paragraph.runs) == OLD[slice(*paragraph.old_span)]
    assert "".join(r.new_text for r in paragraph.runs) == new[slice(*paragraph.new_span)]


def test_store_diffs_two_revisions_or_a_revision_and_the_file(store: HistoryStore) -> None:
    first = store.save("chapters/01.md", OLD)
    second = store.save("chapters/01.md", OLD.replace("sword", "blade"))
    (store.root / "chapters/01.md").write_text(OLD.replace("Clarke", "Octavia"), encoding="utf-8")
    assert first and second
    between = store.diff(first.id, second.id)
    assert (between.words_added, between.words_removed) == (1, 1)
    to_file = store.diff(second.id, path="chapters/01.md")
    assert to_file.paragraphs_changed == 2


PROSE = st.lists(
    st.sampled_from(
        ["Lexa", "the", "cave", "didn't", "Mount-Weather", ",", ".", " ", "  ", "\n", "\n\n"]
        + ["é—"]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(old=PROSE, new=PROSE)
def test_runs_cover_both_texts_and_the_counts_add_up(old: str, new: str) -> None:
    change = diff_texts(old, new)
    for paragraph in change.paragraphs:
        if paragraph.old_span is not None:
            assert "".join(r.old_text for r in paragraph.runs) == old[slice(*paragraph.old_span)]
        if paragraph.new_span is not None:
            assert "".join(r.new_text for r in paragraph.runs) == new[slice(*paragraph.new_span)]
        for run in paragraph.runs:
            assert old[run.old_start : run.old_end] == run.old_text
            assert new[run.new_start : run.new_end] == run.new_text
    assert change.words_added - change.words_removed == count_words(new) - count_words(old)
    assert change.unchanged == (old == new)


def test_a_change_of_blank_lines_alone_is_told_apart() -> None:
    (spacing,) = diff_texts("One.\n\nTwo.\n", "One.\n\n\nTwo.\n").paragraphs
    assert spacing.spacing_only
    (words,) = diff_texts("One.\n\nTwo.\n", "One more.\n\nTwo.\n").paragraphs
    assert not words.spacing_only


def test_a_paragraph_written_above_an_edited_one_is_an_insertion_not_a_rewrite() -> None:
    old = "Lexa drew her sword and waited by the gate.\n\nThe end.\n"
    new = ("The night was long.\n\nShe had not slept. Lexa drew her sword and waited by the "
           "gate.\n\nThe end.\n")
    inserted, changed = diff_texts(old, new).paragraphs
    assert (inserted.kind, inserted.new_index) == ("inserted", 0)
    assert inserted.runs[0].old_start == 0  # it stands before the paragraph it came above
    assert (changed.kind, changed.old_index, changed.new_index) == ("changed", 0, 1)
    assert [r.new_text for r in changed.runs if r.kind == "insert"] == ["She had not slept. "]
