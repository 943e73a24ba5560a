"""The fiction engine as the scheduler uses it: settings, cache key, threads, spans, the seed."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given, settings, strategies as st

from ficwriter.checks.engine import EngineState
from ficwriter.checks.fiction import RULES, FictionSettings, chapter_rules, paragraph_engine
from ficwriter.checks.issue import Category, Severity
from ficwriter.core.chapter import parse
from ficwriter.core.inline import plain_text

ALL_ON = FictionSettings(rules={rule: True for rule in RULES})


def test_every_rule_is_registered_with_a_clear_message() -> None:
    assert set(RULES) == {
        "fiction.epithet",
        "fiction.name-spelling",
        "fiction.repeated-opening",
        "fiction.echo",
        "fiction.filter-word",
        "fiction.tag-adverb",
        "fiction.tag-new-sentence",
        "fiction.tag-full-stop",
        "fiction.vocative-comma",
        "fiction.confused-word",
    }
    for rule in RULES.values():
        assert rule.id.startswith("fiction.") and rule.name and rule.message
        assert isinstance(rule.category, Category) and isinstance(rule.severity, Severity)
        assert rule.scope in {"paragraph", "chapter"}
    assert RULES["fiction.filter-word"].severity is Severity.HINT


def test_defaults_follow_the_registry() -> None:
    defaults = FictionSettings()
    for rule in RULES.values():
        assert defaults.is_on(rule.id) is rule.default_on
    with pytest.raises(KeyError):
        defaults.is_on("fiction.nonsense")


def test_from_mapping_reads_the_toml_table() -> None:
    loaded = FictionSettings.from_mapping(
        {
            "epithets": ["the tall stranger"],
            "epithet-allowance": 4,
            "echo_window": 12,
            "echo_in_dialogue": True,
            "rules": {"echo": True, "fiction.tag-adverb": False},
        }
    )
    assert loaded.epithets == ("the tall stranger",)
    assert loaded.epithet_allowance == 4 and loaded.echo_window == 12 and loaded.echo_in_dialogue
    assert loaded.is_on("fiction.echo") and not loaded.is_on("fiction.tag-adverb")
    assert FictionSettings.from_mapping({}) == FictionSettings()


@pytest.mark.parametrize(
    ("table", "complaint"),
    [
        ({"epithet_alowance": 2}, "unknown setting 'epithet_alowance'"),
        ({"echo_window": 0}, "echo_window must be a whole number"),
        ({"echo_window": "20"}, "echo_window must be a whole number"),
        ({"epithets": "the blonde"}, "epithets must be a list of strings"),
        ({"echo_in_dialogue": "yes"}, "echo_in_dialogue must be bool"),
        ({"rules": {"spelling": True}}, "unknown rule 'spelling'"),
        ({"rules": {"echo": 1}}, "rules.echo must be bool"),
    ],
)
def test_from_mapping_rejects_bad_values_naming_the_key(table: dict, complaint: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(ValueError, match=re.escape(complaint)):
        FictionSettings.from_mapping(table)


def test_cache_key_changes_with_settings_and_only_then() -> None:
    key = paragraph_engine(FictionSettings()).cache_key()
    assert key == paragraph_engine(FictionSettings()).cache_key()
    assert key.startswith("fiction/")
    assert key != paragraph_engine(FictionSettings(echo_window=7)).cache_key()
    assert key != paragraph_engine(FictionSettings(rules={"fiction.echo": True})).cache_key()
    assert key != paragraph_engine(FictionSettings(epithets=("the tall one",))).cache_key()


def test_rules_turned_off_find_nothing() -> None:
    text = '"Thanks Clarke," she said softly. It was to late.'
    off = FictionSettings(rules={rule: False for rule in RULES})
    engine = paragraph_engine(off)
    assert engine.check(text) == []
    assert engine.status().state is EngineState.OFF
    assert chapter_rules(off) == []
    on = paragraph_engine(FictionSettings())
    assert {f.rule_id for f in on.check(text)} == {
        "fiction.vocative-comma",
        "fiction.tag-adverb",
        "fiction.confused-word",
    }
    assert on.status().state is EngineState.READY
    on.close()


@pytest.mark.parametrize(
    "text",
    [
        "He had given her a smile as he handed her her food.",
        "She knew that Lexa had had a point.",
        "She said that that was all.",
        "Clarke ran. Lexa followed. Octavia waited by the gate.",
        "\"She told me 'never again,' and she meant it,\" Raven said.",
        "\u201cShe told me \u2018never again,\u2019 and she meant it,\u201d Raven said.",
        "It was easier then, before the mountain.",
    ],
)
def test_correct_english_is_not_flagged_by_any_rule(text: str) -> None:
    assert paragraph_engine(ALL_ON).check(text) == []


def test_check_from_many_threads_gives_the_serial_results(seed_text: str) -> None:
    engine = paragraph_engine(ALL_ON)
    paragraphs = [p for p in seed_text.split("\n") if p.strip()]
    serial = [engine.check(p) for p in paragraphs]
    with ThreadPoolExecutor(max_workers=4) as pool:
        parallel = list(pool.map(engine.check, paragraphs))
    assert parallel == serial
    assert any(serial)


PROSE = st.lists(
    st.sampled_from(
        [
            "She", "said", "softly", "the", "blonde", "fire", "Thanks", "Clarke", "then",
            "more", "than", "that", "could", "count", "your", "not", "\u201c", "\u201d", '"',
            ",", ".", "?", "its", "a", "loose", "to", "felt", "saw", "Lexa", "*", "TonDC",
            "Tondc", "I", "\n", "\u00e9", "\U0001f600",
        ]
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(PROSE)
def test_every_finding_lies_in_the_text_and_names_what_it_flags(text: str) -> None:
    for found in paragraph_engine(ALL_ON).check(text):
        assert 0 <= found.start < found.end <= len(text)
        flagged = text[found.start : found.end]
        if found.rule_id == "fiction.tag-new-sentence":
            assert found.message.split("‘")[1].split("’")[0] in flagged
        else:
            assert f"‘{flagged}’" in found.message


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gives_findings_inside_it(text: str) -> None:
    for found in paragraph_engine(ALL_ON).check(text):
        assert 0 <= found.start < found.end <= len(text)
    chapter = parse(text)
    for rule in chapter_rules(ALL_ON):
        for issue in rule.check_chapter(chapter):
            assert 0 <= issue.start < issue.end <= len(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(PROSE, min_size=1, max_size=6))
def test_chapter_issues_map_to_the_words_they_name(paragraphs: list[str]) -> None:
    chapter_text = "\n\n".join(p.replace("\n", " ").strip() or "x" for p in paragraphs) + "\n"
    chapter = parse(chapter_text)
    for rule in chapter_rules(FictionSettings(epithet_allowance=1)):
        for issue in rule.check_chapter(chapter):
            paragraph = chapter.paragraphs(notes=True)[issue.paragraph]
            assert paragraph.span.start <= issue.start < issue.end <= paragraph.span.end
            plain = plain_text(chapter_text[issue.start : issue.end]).text
            assert f"‘{plain}’" in issue.message


@settings(max_examples=60, deadline=None)
@given(st.lists(PROSE, min_size=2, max_size=6), st.sampled_from(["Rain fell.", "*Quiet*, she said."]))
def test_chapter_issues_keep_their_words_after_an_unrelated_edit_before_them(
    paragraphs: list[str], inserted: str
) -> None:
    body = "\n\n".join(p.replace("\n", " ").replace("*", "").strip() or "x" for p in paragraphs)
    before = "Opening line.\n\n" + body + "\n"
    after = f"Opening line. {inserted}\n\n" + body + "\n"
    delta = len(after) - len(before)
    settings_ = FictionSettings(epithet_allowance=1)

    def found(text: str, body_start: int) -> list[tuple[str, int, str]]:
        chapter = parse(text)
        return [
            (i.rule_id, i.start - body_start, text[i.start : i.end])
            for rule in chapter_rules(settings_)
            for i in rule.check_chapter(chapter)
            if i.start >= body_start
        ]

    body_start = len("Opening line.\n\n")
    assert found(after, body_start + delta) == found(before, body_start)


def test_seed_findings(seed_text: str) -> None:
    """The seed's known slips are flagged by the rule the issue names."""
    chapter = parse(re.sub(r"\n{3,}", "\n\n* * *\n\n", seed_text))
    issues = [i for rule in chapter_rules(FictionSettings()) for i in rule.check_chapter(chapter)]
    names = {chapter.text[i.start : i.end] for i in issues if i.rule_id == "fiction.name-spelling"}
    assert names in ({"TonDC"}, {"Tondc"})
    epithets = {
        chapter.text[i.start : i.end].lower() for i in issues if i.rule_id == "fiction.epithet"
    }
    assert "the blonde" in epithets
    engine = paragraph_engine(FictionSettings())
    confused = []
    for paragraph in chapter.paragraphs():
        plain = plain_text(paragraph.text, base=paragraph.span.start)
        for found in engine.check(plain.text):
            if found.rule_id == "fiction.confused-word":
                start, end = plain.source_span(found.start, found.end)
                confused.append((chapter.text[start - 12 : end + 16], found.suggestions))
    assert ("more deaths that she could count", ("than",)) in [
        (context.strip(), s) for context, s in confused
    ]
