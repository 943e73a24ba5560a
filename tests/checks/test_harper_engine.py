"""Harper on real text: the seed chapter's known errors, fiction defaults, threads."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import harper
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ficwriter.checks.harper_engine import HarperEngine, category_for, dialect_for
from ficwriter.checks.issue import Category
from ficwriter.checks.settings import HarperSettings
from ficwriter.core.chapter import parse
from ficwriter.core.inline import plain_text


def flagged(engine: HarperEngine, text: str) -> dict[str, str]:
    return {text[f.start : f.end]: f.rule_id for f in engine.check(text)}


def test_seed_errors_are_flagged(harper_engine: HarperEngine, seed_text: str):
    chapter = parse(seed_text)
    texts = [plain_text(p.text).text for p in chapter.paragraphs()]
    found = {
        (text[max(0, f.start - 20) : f.start], text[f.start : f.end], f.category)
        for text in texts
        for f in harper_engine.check(text)
    }
    assert any(
        b.endswith("Clarke didn't ") and w == "turned" and c is Category.GRAMMAR
        for b, w, c in found
    )
    # Harper misses "more deaths that she could count" (than): the fiction rules' job.


def test_fiction_defaults_keep_correct_prose_quiet(harper_engine: HarperEngine):
    text = (
        "He had given her a smile as he handed her her food. She let out a long breath, "
        '"Now," she spat, and for quite a while she said nothing at all.'
    )
    assert flagged(harper_engine, text) == {}


def test_a_real_double_word_is_still_flagged(harper_engine: HarperEngine):
    assert "the the" in flagged(harper_engine, "She walked to the the door.")


def test_project_words_are_known():
    plain = HarperEngine(words=[])
    named = HarperEngine(words=["Tondc", "Skaikru"])
    text = "They rode from Tondc with the Skaikru scouts."
    assert {"Tondc", "Skaikru"} <= set(flagged(plain, text))
    assert not {"Tondc", "Skaikru"} & set(flagged(named, text))
    assert plain.cache_key() != named.cache_key()


def test_enabled_rule_overrides_a_fiction_default():
    long = "She walked " + "and walked " * 40 + "home."
    quiet = HarperEngine()
    loud = HarperEngine(HarperSettings.from_table({"enabled_rules": ["LongSentences"]}))
    assert "LongSentences" not in flagged(quiet, long).values()
    assert "LongSentences" in flagged(loud, long).values()


def test_checks_from_many_threads_at_once(harper_engine: HarperEngine):
    texts = [f"Clarke didn't turned around {i} times." for i in range(40)]
    with ThreadPoolExecutor(6) as pool:
        results = list(pool.map(lambda t: flagged(harper_engine, t), texts))
    assert all(r.get("turned") == "DidPast" for r in results)


def test_markdown_like_lines_are_plain_text(harper_engine: HarperEngine):
    """Plain text mode: "# 1." at a line start is words, not a heading to skip."""
    assert "teh" in flagged(harper_engine, "# teh heading-looking line")


def test_dialect_and_categories():
    assert dialect_for("en-GB") is harper.Dialect.BRITISH
    assert dialect_for("en") is harper.Dialect.AMERICAN
    assert category_for("Spelling") is Category.SPELLING
    assert category_for("Punctuation") is Category.PUNCTUATION
    assert category_for("SomethingNew") is Category.GRAMMAR


def test_british_dialect_accepts_british_spelling():
    text = "The colour of the harbour."
    assert "colour" in flagged(HarperEngine(language="en-US"), text)
    assert "colour" not in flagged(HarperEngine(language="en-GB"), text)


def test_standard_words_harper_lacks_are_not_flagged(harper_engine: HarperEngine):
    """The sample's 'dreamed' (en-GB flagged it) and 'clockmaker's' ('clock maker's'?)."""
    text = "She dreamed of the clockmaker's daughter; the blacksmiths and a dockhand dreamt too."
    british = HarperEngine(language="en-GB")
    assert flagged(british, text) == {}
    assert flagged(harper_engine, text) == {}
    slips = flagged(british, "She dremed of the clockmakr's daughter.")
    assert set(slips) == {"dremed", "clockmakr's"}


def test_sound_words_stammers_and_deliberate_doubles_are_not_typos(harper_engine: HarperEngine):
    text = (
        '"Mmm," she said. "Hah. Mm-hm. Ooooh, erm, hmm." He had had enough. '
        "She knew that that was true, and he handed her her coat -- quietly."
    )
    assert flagged(harper_engine, text) == {}


def test_text_messages_keep_their_lowercase_and_chat_words(harper_engine: HarperEngine):
    assert flagged(harper_engine, "Kit: omg i think ur right lol. see u friday") == {}
    # the same words in narration are still checked
    assert "ur" in flagged(harper_engine, "She said ur name twice.")


def test_initials_usernames_and_signs_are_not_misspellings(harper_engine: HarperEngine):
    text = "Captain T. Vance passed her N.E.W.T. exams; thanks to tilly_writes, the sign said FERNLOW."
    assert flagged(harper_engine, text) == {}


def test_fanfiction_words_and_real_words_harper_lacked_are_known(harper_engine: HarperEngine):
    text = "A/N: this AU fic had no beta. Afterwards she packed her duffel and her spellbook."
    assert flagged(harper_engine, text) == {}
    assert "Tommorow" in flagged(harper_engine, "Tommorow she leaves.")


def _corpus_paragraphs() -> list[str]:
    from tests.checks.quality_corpus import corpus_files

    texts = []
    for path in corpus_files().values():
        chapter = parse(path.read_text(encoding="utf-8"))
        texts += [plain_text(p.text).text for p in chapter.paragraphs(notes=True)]
    return [t for t in texts if t.strip()]


def test_paragraphs_checked_together_get_what_each_gets_alone(harper_engine: HarperEngine):
    """The quality corpus's paragraphs (dialogue, texting, initials, notes), a chapter's
    worth per call: every paragraph's findings are exactly its findings checked alone."""
    texts = _corpus_paragraphs()
    batched: list = []
    for at in range(0, len(texts), 60):
        batched += harper_engine.check_many(texts[at : at + 60])
    assert batched == [harper_engine.check(t) for t in texts]
    assert sum(map(len, batched)) > 100  # the corpus's errors are in there


ENDINGS = ["", ".", " I.", " I.V.", " U.S.", '"', "*", " the", " etc.", " Mr.", "\n"]
SENTENCE_PARTS = [
    "Neither did I", "She *recieve* the letter", "Clarke didn't turned around",
    "They was late", "teh river", "Come alone", "He handed her her food", "the the door",
    "she went home", "i think so", "ok", "A/N: thanks",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(st.lists(st.sampled_from(SENTENCE_PARTS), min_size=1, max_size=3),
                  st.sampled_from(ENDINGS)).map(lambda t: ". ".join(t[0]) + t[1]),
        min_size=1, max_size=8,
    )
)
def test_a_batch_gives_each_text_its_own_findings(harper_engine: HarperEngine, texts: list[str]):
    """Whatever ends a paragraph (an initial, a quote, a word that could run on into the
    next paragraph), batching changes nothing, and no finding leaves its text."""
    together = harper_engine.check_many(texts)
    assert together == [harper_engine.check(t) for t in texts]
    assert all(0 <= f.start <= f.end <= len(t) for t, fs in zip(texts, together) for f in fs)
