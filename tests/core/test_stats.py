from __future__ import annotations

from pathlib import Path

from ficwriter.core.chapter import parse
from ficwriter.core.importers import import_file
from ficwriter.core.stats import chapter_stats, dialogue_words, guess_pov, outline
from ficwriter.paths import sample_project

SAMPLE = sample_project() / "chapters" / "01-the-long-walk.md"


def test_sample_chapter_stats() -> None:
    stats = chapter_stats(parse(SAMPLE.read_text(encoding="utf-8")))
    assert (stats.story_words, stats.note_words, stats.scenes) == (1522, 65, 3)
    assert stats.paragraphs == 48
    assert 0.15 < stats.dialogue_share < 0.3


def test_dialogue_words_straight_and_curly() -> None:
    assert dialogue_words('"Go home," she said. “Now, please.”') == 4
    assert dialogue_words('She said "stop') == 1  # an unclosed quote runs to the end


def test_outline_rows_use_metadata_then_guess() -> None:
    rows = outline(parse(SAMPLE.read_text(encoding="utf-8")))
    assert [r.label for r in rows] == [
        "The gate",
        "The path to the ridge climbed…",
        "The signal tower was smaller than…",
    ]
    assert [(r.pov, r.pov_guessed) for r in rows] == [
        ("Wren", False), ("Wren", True), ("Wren", True)
    ]  # fmt: skip
    assert sum(r.words for r in rows) == 1522
    assert SAMPLE.read_text(encoding="utf-8")[rows[0].start :].startswith("<!-- scene:")


def test_pov_guess_ignores_dialogue_tags_and_common_words() -> None:
    chapter = parse(
        'Mara opened the door. "Hello," Tobin said. "Hi," Tobin said. "Sit," Tobin said.\n\n'
        "Then Mara sat. Mara waited. Everyone watched. Then the kettle boiled.\n"
    )
    assert guess_pov(chapter.paragraphs(), chapter.text) == "Mara"
    assert guess_pov(parse("the rain fell.\n").paragraphs(), "the rain fell.") is None


def test_seed_outline(tmp_path: Path, seed_text: str) -> None:
    source = tmp_path / "seed.txt"
    source.write_text(seed_text, encoding="utf-8")
    rows = outline(import_file(source).chapter)
    assert len(rows) == 6
    assert rows[2].label == "An explosion." and rows[2].words == 2 and rows[2].pov is None
    assert rows[0].pov == "Clarke"
    assert sum(r.words for r in rows) == 7637


def test_pov_guess_is_a_name_not_a_capitalised_sentence_opening() -> None:
    text = "Morning came slowly. Morning always did. Wren woke, and the dog licked Wren's hand.\n"
    chapter = parse(text)
    assert guess_pov(chapter.paragraphs(), chapter.text) == "Wren"
    alone = parse("Morning came slowly. Morning always did.\n")
    assert guess_pov(alone.paragraphs(), alone.text) is None


def test_the_outline_reads_a_chapters_words_once_not_once_per_scene(monkeypatch) -> None:
    """Every scene's POV guess needs the chapter's vocabulary; a 78-scene chapter of
    100,000 words took 3 s when each scene read the whole chapter again."""
    import ficwriter.core.stats as stats

    reads: list[int] = []
    real_words = stats.words
    monkeypatch.setattr(stats, "words", lambda text: reads.append(len(text)) or real_words(text))
    stats._vocabulary.cache_clear()
    scenes = "\n\n* * *\n\n".join(f"Wren walked, and Lexa {n} followed Wren." for n in range(20))
    rows = outline(parse(scenes + "\n"))
    assert len(rows) == 20 and all(row.pov == "Wren" for row in rows)
    assert len(reads) == 1


def test_pov_guess_skips_contractions_interjections_and_places() -> None:
    text = (
        "I’m tired. I’ve walked for days, and then I’m home. Sorry isn’t enough, and Sorry"
        " never was. She rode to Arkadia, and Arkadia stood. From Arkadia the road ran on.\n"
    )
    chapter = parse(text)
    assert guess_pov(chapter.paragraphs(), chapter.text) is None
    text = (
        "Wren rode to Polis. Polis was quiet. In Polis, Wren waited, and then Wren slept."
        ' "Yes, I’m here," Wren said. Later Wren turned to Tam, and Tam smiled.\n'
    )
    chapter = parse(text)
    assert guess_pov(chapter.paragraphs(), chapter.text) == "Wren"
