"""Properties over generated chapters: canonical files round-trip, exports keep every word."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ficwriter.core.chapter import ChapterBuilder, parse, serialize
from ficwriter.core.export import ExportOptions, export_chapter
from ficwriter.core.importers import import_file
from ficwriter.core.words import words

_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFG'éß", min_size=1, max_size=8)
_PUNCT = st.sampled_from(["", ",", ".", "!", " --", "...", '"', "*", "_", "#", ":::", "<!--"])
_LINE = st.lists(st.tuples(_WORD, _PUNCT), min_size=1, max_size=12).map(
    lambda pairs: " ".join(w + p for w, p in pairs)
)
_PARAGRAPH = st.lists(_LINE, min_size=1, max_size=3).map("\n".join)
_BLOCK = st.one_of(
    st.tuples(st.just("p"), _PARAGRAPH),
    st.tuples(st.just("p"), _PARAGRAPH),
    st.tuples(st.just("break"), st.just("")),
    st.tuples(st.just("note"), _PARAGRAPH),
    st.tuples(st.just("meta"), _WORD),
    st.tuples(st.just("comment"), _LINE),
)


def _build(blocks: list[tuple[str, str]]) -> str:
    builder = ChapterBuilder()
    for kind, text in blocks:
        if kind == "p":
            builder.paragraph(text)
        elif kind == "break":
            builder.scene_break()
        elif kind == "note":
            builder.note([text])
        elif kind == "meta":
            builder.scene_meta({"title": text, "pov": "Wren"})
        else:
            builder.comment(f"<!-- {text.replace('-->', '')} -->")
    return builder.text()


@settings(max_examples=60, deadline=None)
@given(st.lists(_BLOCK, max_size=12))
def test_serialize_parse_is_identity_on_built_chapters(blocks: list[tuple[str, str]]) -> None:
    text = _build(blocks)
    assert serialize(parse(text)) == text


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(_PARAGRAPH, st.integers(1, 3)), min_size=1, max_size=10))
def test_import_then_txt_export_keeps_every_story_word(
    tmp_path: Path, paragraphs: list[tuple[str, int]]
) -> None:
    raw = "".join(text + "\n" * (gap + 1) for text, gap in paragraphs)
    source = tmp_path / "gen.txt"
    source.write_text(raw, encoding="utf-8")
    chapter = import_file(source).chapter
    with_notes = export_chapter(chapter, "txt", ExportOptions(keep_notes=True))
    assert words(with_notes.files["chapter.txt"].decode("utf-8")) == words(raw)
    story = export_chapter(chapter, "txt", ExportOptions(keep_notes=False))
    story_words = [w for p in chapter.paragraphs() for w in words(p.text)]
    assert words(story.files["chapter.txt"].decode("utf-8")) == story_words
