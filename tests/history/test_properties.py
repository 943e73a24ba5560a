"""Whatever a writer records and restores, every recorded text comes back byte for byte."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ficwriter.core.textfile import read_text, to_lf
from ficwriter.history.store import HistoryStore

# Chapter-like texts: a few paragraphs from a small vocabulary (so paragraphs repeat and are
# shared), odd blank lines and line ends, and any Unicode text besides.
WORDS = st.sampled_from(
    ["Lexa", "Clarke", "the", "cave", "didn't", "é", "—", "…", "\U0001F600"]
)
PARAGRAPH = st.lists(WORDS, min_size=1, max_size=8).map(" ".join)
SEPARATOR = st.sampled_from(["\n\n", "\n", "\n\n\n", "\r\n\r\n", ""])
CHAPTER = st.one_of(
    st.lists(st.tuples(PARAGRAPH, SEPARATOR), max_size=6).map(
        lambda parts: "".join(p + s for p, s in parts)
    ),
    st.text(
        alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00"),
        max_size=60,
    ),
)
PATH = st.sampled_from(["chapters/a.md", "chapters/b.md"])
STEP = st.one_of(
    st.tuples(st.just("record"), PATH, CHAPTER),
    st.tuples(st.just("restore"), PATH, st.integers(0, 30)),
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=st.lists(STEP, max_size=12))
def test_every_recorded_text_is_retrievable_byte_for_byte(tmp_path_factory, steps) -> None:
    root: Path = tmp_path_factory.mktemp("project")
    (root / "chapters").mkdir()
    expected: dict[int, str] = {}
    with HistoryStore.open(root) as store:
        for action, path, value in steps:
            if action == "record":
                revision = store.record(path, value, "save")
                if revision is not None:
                    expected[revision.id] = value
                else:
                    latest = store.latest(path)
                    assert latest is not None and store.text(latest.id) == value
            else:
                own = [r.id for r in store.revisions(path)]
                if not own:
                    continue
                chosen = own[value % len(own)]
                file = root / path
                on_disk_before = read_text(file).text if file.exists() else None
                restored = store.restore(path, chosen)
                assert read_text(file).text == to_lf(expected[chosen])
                for revision in store.revisions(path):
                    if revision.id in expected:
                        continue
                    # A restore first keeps a version on disk that history lacked.
                    assert revision.source in ("external", "restore")
                    before = revision.source == "external"
                    expected[revision.id] = on_disk_before if before else expected[chosen]
                assert store.text(restored.id) == expected[chosen]
        for revision_id, text in expected.items():
            assert store.text(revision_id) == text
