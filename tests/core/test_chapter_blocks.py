"""In-story blocks: block quotes (``> ``) and lists (``1.`` / ``-``) in the chapter file."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ficwriter.core.chapter import (
    BlockQuote,
    ChapterBuilder,
    Form,
    ListBlock,
    Note,
    Paragraph,
    SceneBreak,
    block_content,
    parse,
    serialize,
)
from ficwriter.core.inline import plain_text

LETTER = """She opened it by the fire.

> Clarke,
>
> The river rose. *Do not* wait
> for me at the ford.

1. Rope
2. Bread
   for three days

- the map
- the knife

* * *

After.
"""


def test_quotes_and_lists_are_blocks_of_story_paragraphs() -> None:
    chapter = parse(LETTER)
    kinds = [type(b) for b in chapter.blocks]
    assert kinds == [Paragraph, BlockQuote, ListBlock, ListBlock, SceneBreak, Paragraph]
    quote, ordered, bullets = chapter.blocks[1], chapter.blocks[2], chapter.blocks[3]
    assert [p.text for p in quote.paragraphs] == [
        "> Clarke,",
        "> The river rose. *Do not* wait\n> for me at the ford.",
    ]
    assert ordered.ordered and ordered.start == 1 and not bullets.ordered
    assert [p.form for p in ordered.paragraphs] == [Form.ORDERED, Form.ORDERED]
    assert [p.number for p in ordered.paragraphs] == [1, 2]
    assert [block_content(p) for p in bullets.paragraphs] == ["the map", "the knife"]
    # the scene holds them: the outline, stats and checks see every word of the letter
    assert len(chapter.scenes[0].paragraphs) == 1 + 2 + 2 + 2
    assert chapter.paragraph_at(LETTER.index("ford")).form is Form.QUOTE


def test_every_block_paragraph_span_is_its_exact_source() -> None:
    chapter = parse(LETTER)
    for paragraph in chapter.paragraphs(notes=True):
        assert LETTER[paragraph.span.start : paragraph.span.end] == paragraph.text


def test_checks_read_block_paragraphs_as_prose_with_file_offsets() -> None:
    chapter = parse(LETTER)
    quoted = chapter.blocks[1].paragraphs[1]
    plain = plain_text(quoted.text, base=quoted.span.start)
    assert plain.text == "The river rose. Do not wait\nfor me at the ford."
    start = plain.text.index("ford")
    a, b = plain.source_span(start, start + 4)
    assert LETTER[a:b] == "ford"
    item = chapter.blocks[2].paragraphs[1]
    assert plain_text(item.text).text == "Bread\nfor three days"


def test_markers_are_not_words() -> None:
    chapter = parse(LETTER)
    words = "She opened it by the fire Clarke The river rose Do not wait for me at the ford"
    words += " Rope Bread for three days the map the knife After"
    assert chapter.story_words == len(words.split())


def test_canonical_blocks_round_trip_byte_for_byte() -> None:
    assert serialize(parse(LETTER)) == LETTER


def test_a_list_typed_with_blank_lines_between_items_is_one_list() -> None:
    chapter = parse("1. eggs\n\n2. milk\n\n3. flour\n")
    assert [type(b) for b in chapter.blocks] == [ListBlock]
    assert len(chapter.blocks[0].paragraphs) == 3


def test_a_different_marker_starts_another_list_and_the_builder_keeps_them_apart() -> None:
    chapter = parse("- one\n* two\n")
    assert [len(b.paragraphs) for b in chapter.blocks] == [1, 1]
    text = ChapterBuilder().list(["a"], ordered=False).list(["b"], ordered=False).text()
    assert text == "- a\n\n* b\n"
    assert len(parse(text).blocks) == 2


def test_a_list_numbered_from_elsewhere_keeps_its_numbers() -> None:
    text = ChapterBuilder().list(["doors", "keys"], ordered=True, start=4).text()
    assert text == "4. doors\n5. keys\n"
    assert parse(text).blocks[0].start == 4


def test_a_marker_line_inside_a_paragraph_starts_the_block() -> None:
    chapter = parse("She wrote it down:\n- salt\n- iron\n")
    assert [type(b) for b in chapter.blocks] == [Paragraph, ListBlock]


def test_years_and_dashes_without_a_space_are_prose() -> None:
    chapter = parse("1984. It was cold.\n\n-and then nothing.\n\n>no space is a quote\n")
    assert [type(b) for b in chapter.blocks] == [Paragraph, Paragraph, BlockQuote]


def test_builder_escapes_paragraph_lines_that_would_read_as_blocks() -> None:
    text = ChapterBuilder().paragraph("- not a list").paragraph("12. not either").paragraph(
        "> nor a quote"
    ).text()
    chapter = parse(text)
    assert [type(b) for b in chapter.blocks] == [Paragraph, Paragraph, Paragraph]
    assert [plain_text(p.text).text for p in chapter.paragraphs()] == [
        "- not a list",
        "12. not either",
        "> nor a quote",
    ]
    assert serialize(chapter) == text


def test_a_list_inside_a_note_stays_in_the_note() -> None:
    chapter = parse("::: note\nThanks to:\n- my beta\n- you all\n:::\n\nStory.\n")
    assert isinstance(chapter.blocks[0], Note)
    assert [p.form for p in chapter.notes[0].paragraphs] == [None, Form.BULLET, Form.BULLET]
    assert chapter.story_words == 1


# Emphasis and escape characters are left out: they are markup, so the words would differ.
line = st.lists(
    st.one_of(
        st.text(
            st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r\n*_\\"),
            min_size=1,
            max_size=8,
        ),
        st.sampled_from(["> ", "- ", "1. ", "12) ", "+ ", ":::", "<!--", "-->", "\t", "  "]),
    ),
    min_size=1,
    max_size=5,
).map("".join).filter(lambda t: t.strip())
paragraph = st.lists(line, min_size=1, max_size=3).map("\n".join)
block = st.one_of(
    paragraph.map(lambda t: ("p", t)),
    st.just(("break", None)),
    st.lists(paragraph, min_size=1, max_size=3).map(lambda ps: ("quote", ps)),
    st.tuples(
        st.lists(paragraph, min_size=1, max_size=4), st.booleans(), st.integers(1, 120)
    ).map(lambda t: ("list", t)),
    st.lists(paragraph, min_size=1, max_size=2).map(lambda ps: ("note", ps)),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(block, max_size=10))
def test_files_with_blocks_round_trip_and_keep_every_word(blocks) -> None:
    builder = ChapterBuilder()
    expected: list[str] = []
    for kind, value in blocks:
        if kind == "p":
            builder.paragraph(value)
        elif kind == "break":
            builder.scene_break()
        elif kind == "quote":
            builder.quote(value)
        elif kind == "list":
            items, ordered, start = value
            builder.list(items, ordered=ordered, start=start)
        else:
            builder.note(value)
    text = builder.text()
    chapter = parse(text)
    assert serialize(chapter) == text
    for p in chapter.paragraphs(notes=True):
        assert text[p.span.start : p.span.end] == p.text
    for kind, value in blocks:
        if kind != "break":
            parts = [value] if kind == "p" else value[0] if kind == "list" else value
            expected.extend(w for part in parts for w in part.split())
    prose = " ".join(plain_text(p.text).text for p in chapter.paragraphs(notes=True))
    assert "".join(prose.split()) == "".join(expected)
