"""Any set of word deletions and insertions a reader makes in Word, accepted, gives the
chapter the reader saw; rejected, leaves it as it was."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ficwriter.beta.edits import apply_items
from ficwriter.beta.reader import read_reader_file
from ficwriter.beta.review import take
from tests.beta.marked import Del, Ins, Italic
from tests.beta.word_xml import word_file

_WORDS = st.sampled_from(["the", "river", "ran", "black", "Lexa", "sword", "cold", "night", "a"])
_PARAGRAPH = st.lists(st.tuples(_WORDS, st.booleans()), min_size=1, max_size=8)
_CHANGE = st.sampled_from(["keep", "keep", "delete", "insert"])


@st.composite
def _marked(draw: st.DrawFn) -> tuple[str, list[list], str]:
    """A chapter, the reader's marked-up paragraphs, and the chapter with them accepted."""
    chapter, marked, accepted = [], [], []
    for words in draw(st.lists(_PARAGRAPH, min_size=1, max_size=4)):
        source, pieces, result = [], [], []
        for k, (word, italic) in enumerate(words):
            text = word + (" " if k < len(words) - 1 else "")
            source.append(f"*{word}*{text[len(word):]}" if italic else text)
            change = draw(_CHANGE)
            if change == "insert":
                new = draw(_WORDS) + " "
                pieces.append(Ins(new))
                result.append(new)
            if change == "delete" and not italic:
                pieces.append(Del(text))
            else:
                pieces.append(Italic(word) if italic else text)
                if italic and text != word:
                    pieces.append(text[len(word):])
                result.append(f"*{word}*{text[len(word):]}" if italic else text)
        chapter.append("".join(source))
        marked.append(pieces)
        accepted.append("".join(result))
    return "\n\n".join(chapter) + "\n", marked, "\n\n".join(accepted) + "\n"


def _seen(text: str) -> list[tuple[str, list[tuple[str, bool]]]]:
    """What a reader sees of a chapter: its words, and which letters are italic (the
    spaces between two italic words may or may not be inside the markers)."""
    from ficwriter.core.chapter import parse
    from ficwriter.core.inline import segments

    return [(" ".join(p.text.replace("*", "").split()),
             [(c, s.italic) for s in segments(p.text) for c in s.text if not c.isspace()])
            for p in parse(text).paragraphs()]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_marked())
def test_accepting_every_change_gives_what_the_reader_saw(case: tuple[str, list[list], str]) -> None:
    chapter, marked, accepted = case
    from ficwriter.beta.properties import with_properties
    from ficwriter.core.chapter import parse
    from ficwriter.core.export import export_chapter

    exported = export_chapter(parse(chapter), "docx", None, "c")
    sent = with_properties(exported.files[exported.main], {})
    review = take(read_reader_file(word_file(sent, marked)), chapter)
    assert all(item.applies for item in review.items)
    new, _ = apply_items(chapter, review.items)
    assert _seen(new) == _seen(accepted)
    assert apply_items(chapter, []) == (chapter, [])
