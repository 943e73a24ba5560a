"""Import then export keeps every word, in order, for generated plain-text chapters.

(serialize∘parse on files ficwriter writes is tests/core/test_chapter.py's property.)
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ficwriter.core.export import ExportOptions, export_chapter
from ficwriter.core.importers import import_file
from ficwriter.core.words import words

_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFG'éß", min_size=1, max_size=8)
_PUNCT = st.sampled_from(["", ",", ".", "!", " --", "...", '"', "*", "_", "#", ":::", "<!--"])
_LINE = st.lists(st.tuples(_WORD, _PUNCT), min_size=1, max_size=12).map(
    lambda pairs: " ".join(w + p for w, p in pairs)
)
_PARAGRAPH = st.lists(_LINE, min_size=1, max_size=3).map("\n".join)
_NOTE = st.sampled_from(["A/N: thanks for reading!", "Disclaimer: I don't own it."])


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.tuples(_PARAGRAPH, st.integers(1, 3)), min_size=1, max_size=10),
    st.lists(_NOTE, max_size=2),
    st.lists(_NOTE, max_size=1),
)
def test_import_then_txt_export_keeps_every_word_in_order(
    tmp_path: Path, paragraphs: list[tuple[str, int]], top: list[str], bottom: list[str]
) -> None:
    body = "".join(text + "\n" * (gap + 1) for text, gap in paragraphs)
    raw = "".join(n + "\n\n" for n in top) + body + "".join("\n\n" + n for n in bottom)
    source = tmp_path / "gen.txt"
    source.write_text(raw, encoding="utf-8")
    chapter = import_file(source).chapter
    with_notes = export_chapter(chapter, "txt", ExportOptions(keep_notes=True))
    assert words(with_notes.files["chapter.txt"].decode("utf-8")) == words(raw)
    story = export_chapter(chapter, "txt", ExportOptions(keep_notes=False))
    assert words(story.files["chapter.txt"].decode("utf-8")) == words(body)
