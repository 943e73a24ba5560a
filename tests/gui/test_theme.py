"""Colours a writer must be able to read in both themes: every underline against the page,
the history diff's added and removed text against their highlight (WCAG AA, 4.5:1)."""

from __future__ import annotations

import re

import pytest

from ficwriter.gui.panels.history_dock import diff_html
from ficwriter.gui.theme import THEMES, Theme
from ficwriter.history.diff import diff_texts

AA = 4.5


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_is_computed_as_wcag_defines_it() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("theme", THEMES.values(), ids=lambda t: t.name)
def test_every_underline_colour_reads_on_the_page(theme: Theme) -> None:
    for category, colour in theme.categories.items():
        assert contrast(colour, theme.paper) >= AA, (theme.name, category, colour)


@pytest.mark.parametrize("theme", THEMES.values(), ids=lambda t: t.name)
def test_the_history_diff_reads_in_both_themes(theme: Theme) -> None:
    html = diff_html(diff_texts("The old words stay.\n", "The new words stay.\n"), theme)
    styles = re.findall(r"<span style='([^']*)'>", html)
    assert len(styles) == 2  # one removed run, one added
    for style in styles:
        colour = re.search(r"(?<!-)color:\s*(#[0-9a-f]{6})", style).group(1)
        background = re.search(r"background-color:\s*(#[0-9a-f]{6})", style).group(1)
        assert contrast(colour, background) >= AA, (theme.name, style)
    for label in re.findall(r"<p style='[^']*?color:(#[0-9a-f]{6})", html):
        assert contrast(label, theme.paper) >= AA, (theme.name, "diff label", label)
