"""What pasting inserts: text in the chapter format, from whatever the clipboard holds.

Rich text (a browser, Word, Google Docs) is read by the HTML importer: italic and bold
become ``*``/``**``, paragraphs blank-line separated, ``<br>`` line breaks, rules and
``* * *`` paragraphs scene breaks; fonts, colours, links and the rest are left behind.
Plain text goes through the plain-text importer, which knows a page whose paragraphs are
single lines (Word, most web pages) from one with blank lines between them and from
hard-wrapped text. Either way a line that would read as structure is escaped. Text copied
from ficwriter itself carries its own format and is inserted exactly as it was.
"""

from __future__ import annotations

from dataclasses import replace

from ficwriter.core.importers import finish
from ficwriter.core.importers.draft import Draft, Para
from ficwriter.core.importers.html import read_html
from ficwriter.core.importers.txt import read_txt
from ficwriter.core.textfile import UnreadableFile

FICWRITER_MIME = "application/x-ficwriter-chapter-text"
"""The clipboard format of text copied from the editor: chapter text, exactly."""


def _text_of(draft: Draft) -> str:
    """The draft as chapter text; a heading in the copied part is text here, not a title,
    and nothing is taken for an author's note."""
    if draft.title:
        draft = replace(draft, blocks=[Para(draft.title), *draft.blocks], title=None)
    return finish(replace(draft, summary=None), detect_notes=False).text.rstrip("\n")


def plain_paste(text: str) -> str:
    """Plain text as chapter text: one line stays as it is (pasted into a sentence);
    more lines become paragraphs and breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n")
    if "\n" not in text.strip("\n"):
        return text.strip("\n")
    return _text_of(read_txt(text))


def rich_paste(html: str, fallback: str = "") -> str:
    """Rich text as chapter text; ``fallback`` (the clipboard's plain text) if the HTML
    holds no text."""
    try:
        drafts = read_html(html)
    except UnreadableFile:
        return plain_paste(fallback)
    text = "\n\n".join(part for part in (_text_of(d) for d in drafts) if part)
    return text or plain_paste(fallback)
