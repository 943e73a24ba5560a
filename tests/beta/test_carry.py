"""The writer kept writing while the beta read: changes land on the same words, or say
they no longer apply; a change accepted on an earlier take is not offered again."""

from __future__ import annotations

from ficwriter.beta.edits import apply_items
from ficwriter.beta.reader import read_reader_file
from ficwriter.beta.review import Review, take
from ficwriter.history.store import HistoryStore
from tests.beta.conftest import CHAPTER, Sent
from tests.beta.marked import Del, Ins, Italic, Note
from tests.beta.sent_text import document
from tests.beta.word_xml import word_file

MARKED = dict(
    gate=["Lexa drew her ", Italic("sword"), " and waited ", Ins("silently "), "by the gate."],
    river=["The river ran ", Note("black", "Lovely!"), " under the bridge. She was ",
           Del("very "), "tired and cold."],
)


def _take(sent: Sent, current: str) -> Review:
    returned = read_reader_file(word_file(sent.docx, document(**MARKED)))
    with HistoryStore.open(sent.root, read_only=True) as store:
        base = store.text(sent.revision)
    return take(returned, current, base, sent.revision)


def test_changes_follow_their_words_when_the_writer_wrote_more_before_them(sent: Sent) -> None:
    current = CHAPTER.replace(
        "Lexa drew her",
        "The night was long.\n\nShe had not slept. Lexa drew her",
    ).replace("Morning came", "A bird called. Morning came")
    sent.edit(current)
    review = _take(sent, current)
    assert [i.kind for i in review.items] == ["insertion", "comment", "deletion"]
    insertion, comment, deletion = review.items
    assert current[insertion.start :].startswith("by the gate.")
    assert current[comment.start : comment.end] == "black"
    assert current[deletion.start : deletion.end] == "very "
    new, applied = apply_items(current, review.items)
    assert len(applied) == 2
    assert "She had not slept. Lexa drew her *sword* and waited silently by the gate." in new
    assert "She was tired and cold." in new and "A bird called. Morning came" in new


def test_a_change_whose_words_the_writer_rewrote_no_longer_applies(sent: Sent) -> None:
    current = CHAPTER.replace("She was very tired and cold.", "She was exhausted and cold.")
    sent.edit(current)
    review = _take(sent, current)
    deletion = next(i for i in review.items if i.kind == "deletion")
    assert not deletion.applies and (deletion.start, deletion.end) == (None, None)
    assert "very tired" in deletion.context  # what it was about, from the text as sent
    new, applied = apply_items(current, review.items)
    assert deletion not in applied and "She was exhausted and cold." in new
    assert "waited silently by the gate." in new  # the others still apply


def test_taking_the_same_file_again_lists_only_what_was_not_accepted(sent: Sent) -> None:
    first = _take(sent, CHAPTER)
    insertion = next(i for i in first.items if i.kind == "insertion")
    accepted, _ = apply_items(CHAPTER, [insertion])
    sent.edit(accepted)
    again = _take(sent, accepted)
    assert [i.kind for i in again.items] == ["comment", "deletion"]
    assert again.accepted_before == 1
    assert all(i.applies for i in again.items)


def test_a_file_not_made_by_send_is_compared_with_the_chapter_by_its_words(sent: Sent) -> None:
    current = CHAPTER.replace("Morning came", "At last, morning came")
    returned = read_reader_file(word_file(sent.docx, document(**MARKED)))
    review = take(returned, current)  # no base: the current chapter, found by its words
    assert review.base_revision is None
    assert [(i.kind, i.applies) for i in review.items] == [
        ("insertion", True), ("comment", True), ("deletion", True)]
    assert current[review.items[2].start : review.items[2].end] == "very "


def test_typographic_quotes_of_the_export_do_not_lose_the_anchor(sent: Sent) -> None:
    returned = read_reader_file(word_file(sent.docx, document(
        ready=["\u201cAre you ready?\u201d Clarke asked, her voice ", Del("low"), Ins("hoarse"), "."])))
    review = take(returned, CHAPTER)
    assert [(i.kind, i.applies) for i in review.items] == [("deletion", True), ("insertion", True)]
    new, _ = apply_items(CHAPTER, review.items)
    assert '"Are you ready?" Clarke asked, her voice hoarse.' in new
