"""The chapter model: structure found, spans exact, canonical files round-trip."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ficwriter.core.chapter import (
    ChapterBuilder,
    Comment,
    Note,
    NotePosition,
    Paragraph,
    SceneBreak,
    SceneMeta,
    format_meta,
    parse,
    parse_meta,
    serialize,
)

CANONICAL = """::: note
A/N: thank you all for reading!

Disclaimer: I own nothing.
:::

<!-- scene: title="The cave"; pov=Lexa; status=draft -->
Clarke walked *alone* into the cave.
She did not look back.

"Stay," Lexa said.

* * *

Morning came grey and cold.

::: note
Thanks for reading, see you next week!
:::
"""


def test_canonical_file_parses_into_notes_scenes_and_paragraphs() -> None:
    chapter = parse(CANONICAL)
    kinds = [type(b) for b in chapter.blocks]
    assert kinds == [Note, SceneMeta, Paragraph, Paragraph, SceneBreak, Paragraph, Note]
    assert [n.position for n in chapter.notes] == [NotePosition.BEGINNING, NotePosition.END]
    assert len(chapter.notes[0].paragraphs) == 2
    assert [len(s.paragraphs) for s in chapter.scenes] == [2, 1]
    first = chapter.scenes[0]
    assert (first.title, first.pov, first.status) == ("The cave", "Lexa", "draft")
    assert chapter.scenes[1].meta == {}


def test_every_span_indexes_the_exact_source_text() -> None:
    chapter = parse(CANONICAL)
    for paragraph in chapter.paragraphs(notes=True):
        assert CANONICAL[paragraph.span.start : paragraph.span.end] == paragraph.text
    assert chapter.paragraphs()[0].text == "Clarke walked *alone* into the cave.\nShe did not look back."


def test_canonical_file_round_trips_byte_for_byte() -> None:
    assert serialize(parse(CANONICAL)) == CANONICAL


def test_other_files_keep_every_word() -> None:
    messy = "  Intro line\n\n\n\n***\n\nOne\ntwo\n\n\n:::  note\nunclosed note text"
    chapter = parse(messy)
    out = serialize(chapter)
    assert [w for w in out.split() if w.isalpha()] == [w for w in messy.split() if w.isalpha()]
    assert "unclosed note text" in chapter.notes[0].text
    assert len(chapter.scenes) == 2


def test_word_counts_separate_story_and_notes() -> None:
    chapter = parse(CANONICAL)
    assert chapter.story_words == 19
    assert chapter.note_words == 18


def test_paragraph_and_scene_lookup_by_offset() -> None:
    chapter = parse(CANONICAL)
    offset = CANONICAL.index("Morning")
    assert chapter.paragraph_at(offset).text.startswith("Morning")
    assert chapter.scene_at(offset).index == 1
    assert chapter.paragraph_at(CANONICAL.index("* * *")) is None


def test_other_comments_are_kept_as_comments() -> None:
    chapter = parse("Text.\n\n<!-- a private reminder\nacross lines -->\n\nMore.\n")
    assert [type(b) for b in chapter.blocks] == [Paragraph, Comment, Paragraph]
    assert chapter.blocks[1].text == "<!-- a private reminder\nacross lines -->"


def test_builder_escapes_lines_that_would_read_as_structure() -> None:
    text = ChapterBuilder().paragraph("* * *").paragraph(":::").paragraph("<!-- x -->").text()
    chapter = parse(text)
    assert [type(b) for b in chapter.blocks] == [Paragraph, Paragraph, Paragraph]
    assert serialize(chapter) == text


def test_builder_drops_indents_and_never_leaves_trailing_breaks() -> None:
    text = ChapterBuilder().paragraph("    indented\n\tline").scene_break().scene_break().text()
    assert text == "indented\nline\n"


def test_scene_metadata_round_trips_with_awkward_values() -> None:
    fields = {"title": 'Say "when"; or not', "pov": "Lexa", "note": ""}
    line = format_meta(fields)
    assert parse_meta(line[len("<!-- scene:") : -len("-->")]) == fields


paragraph_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r"),
    min_size=1,
    max_size=40,
).filter(lambda t: t.strip())
block = st.one_of(
    paragraph_text.map(lambda t: ("p", t)),
    st.just(("break", "")),
    st.lists(paragraph_text, min_size=1, max_size=3).map(lambda ps: ("note", ps)),
    st.dictionaries(
        st.from_regex(r"[a-z]{1,6}", fullmatch=True), paragraph_text, min_size=1, max_size=2
    ).map(lambda d: ("meta", d)),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(block, max_size=12))
def test_files_ficwriter_writes_round_trip(blocks: list[tuple[str, object]]) -> None:
    builder = ChapterBuilder()
    for kind, value in blocks:
        if kind == "p":
            builder.paragraph(value)
        elif kind == "break":
            builder.scene_break()
        elif kind == "note":
            builder.note(value)
        else:
            builder.scene_meta(value)
    text = builder.text()
    chapter = parse(text)
    assert serialize(chapter) == text
    for paragraph in chapter.paragraphs(notes=True):
        assert text[paragraph.span.start : paragraph.span.end] == paragraph.text


def test_seed_parses_quickly_into_paragraphs_with_exact_spans(seed_text: str) -> None:
    chapter = parse(seed_text)
    for paragraph in chapter.paragraphs():
        assert seed_text[paragraph.span.start : paragraph.span.end] == paragraph.text
    assert chapter.story_words + chapter.note_words == 7915
