"""Files marked up as Word marks them: every kind of change found, at the right words."""

from __future__ import annotations

from ficwriter.beta.edits import apply_items
from ficwriter.beta.reader import read_reader_file
from ficwriter.beta.review import JSON_KEYS, Review, take
from ficwriter.history.store import HistoryStore
from tests.beta.conftest import Sent
from tests.beta.marked import MARK_DELETED, MARK_INSERTED, Del, Fmt, Ins, Italic, MoveFrom, MoveTo, Note
from tests.beta.sent_text import document
from tests.beta.word_xml import word_file


def _review(sent: Sent, **changed: list) -> Review:
    returned = read_reader_file(word_file(sent.docx, document(**changed)))
    with HistoryStore.open(sent.root, read_only=True) as store:
        base = store.text(sent.revision)
    return take(returned, sent.text, base, sent.revision)


def test_runs_split_mid_word_give_one_deletion_at_the_words_deleted(sent: Sent) -> None:
    review = _review(sent, river=["The river ran black under the bridge. She was ",
                                  Del("very "), "tired and cold."])
    (item,) = review.items
    assert (item.kind, item.author, item.text) == ("deletion", "Mia", "very ")
    assert sent.text[item.start : item.end] == "very "
    assert item.date == "2026-12-01T10:00:00Z"
    assert "She was very tired and cold." in item.context
    assert list(item.as_json()) == list(JSON_KEYS)
    assert review.as_json()["base_revision"] == f"r{sent.revision}"


def test_an_insertion_lands_between_the_words_it_was_typed_between(sent: Sent) -> None:
    review = _review(sent, gate=["Lexa drew her ", Italic("sword"), " and waited ",
                                 Ins("silently "), "by the gate."])
    (item,) = review.items
    assert item.kind == "insertion" and item.start == item.end
    assert sent.text[item.start - 7 : item.start] == "waited " and sent.text[item.start :].startswith("by the")
    new, _ = apply_items(sent.text, review.items)
    assert "Lexa drew her *sword* and waited silently by the gate." in new


def test_a_move_is_a_deletion_and_an_insertion(sent: Sent) -> None:
    review = _review(sent, river=["The river ran black under the bridge. She was ",
                                  MoveFrom("very "), "tired and ", MoveTo("very "), "cold."])
    assert [i.kind for i in review.items] == ["deletion", "insertion"]
    new, applied = apply_items(sent.text, review.items)
    assert len(applied) == 2 and "She was tired and very cold." in new


def test_italics_the_reader_added_or_removed_are_format_items(sent: Sent) -> None:
    review = _review(
        sent,
        gate=["Lexa drew her ", Fmt("sword", italic=False), " and waited by the gate."],
        river=["The river ran ", Fmt("black"), " under the bridge. She was very tired and cold."],
    )
    assert [(i.kind, i.text, i.comment) for i in review.items] == [
        ("format", "sword", "italic removed"), ("format", "black", "made italic")]
    new, _ = apply_items(sent.text, review.items)
    assert "Lexa drew her sword and waited" in new
    assert "The river ran *black* under the bridge." in new


def test_comments_keep_their_anchor_and_replies_and_never_touch_the_text(sent: Sent) -> None:
    review = _review(sent, river=["The river ran ", Note("black", "Lovely image!",
                                  replies=(("Sam", "Agreed, keep it."),)),
                                  " under the bridge. She was very tired and cold."])
    (item,) = review.items
    assert item.kind == "comment" and item.text == "black"
    assert item.comment == "Lovely image!\nSam: Agreed, keep it."
    assert sent.text[item.start : item.end] == "black"
    assert apply_items(sent.text, review.items) == (sent.text, [])


def test_a_paragraph_split_and_a_join_are_changes_too(sent: Sent) -> None:
    split = _review(sent, river=(["The river ran black under the bridge.", MARK_INSERTED],
                                 [Del(" "), "She was very tired and cold."]))
    assert [(i.kind, i.text) for i in split.items] == [("insertion", "\n"), ("deletion", " ")]
    new, _ = apply_items(sent.text, split.items)
    assert "under the bridge.\n\nShe was very tired" in new
    added = _review(sent, morning=([Ins("Dawn, at last."), MARK_INSERTED],
                                   ["Morning came slowly over the ridge."]))
    new, _ = apply_items(sent.text, added.items)
    assert new.endswith("cold.\n\nDawn, at last.\n\nMorning came slowly over the ridge.\n")
    joined = _review(sent, river=[*document()[5], MARK_DELETED])
    (item,) = joined.items
    assert item.kind == "deletion" and item.text == "\n"
    new, _ = apply_items(sent.text, joined.items)
    assert "tired and cold.Morning came" in new


def test_changes_of_two_readers_keep_their_names(sent: Sent) -> None:
    review = _review(sent, ready=['"Are you ready?" Clarke asked', Ins(" softly", author="Sam"),
                                  ", her voice ", Del("low", author="Mia"), Ins("rough", author="Mia"),
                                  "."])
    assert [(i.kind, i.author) for i in review.items] == [
        ("insertion", "Sam"), ("deletion", "Mia"), ("insertion", "Mia")]
    assert review.readers[0] == "Mia"
    new, _ = apply_items(sent.text, review.items)
    assert '"Are you ready?" Clarke asked softly, her voice rough.' in new
