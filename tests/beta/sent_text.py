"""The paragraphs of the conftest chapter as ``beta send`` writes them into Word."""

from __future__ import annotations

from tests.beta.marked import Italic, Piece

NOTE = ["Thanks to everyone reading!"]
BREAK = ["* * *"]
GATE = ["Lexa drew her ", Italic("sword"), " and waited by the gate."]
READY = ['"Are you ready?" Clarke asked, her voice low.']
RIVER = ["The river ran black under the bridge. She was very tired and cold."]
MORNING = ["Morning came slowly over the ridge."]


def document(**changed: list[Piece | str] | tuple[list[Piece | str], ...]) -> list[list[Piece | str]]:
    """The sent paragraphs, with the ones named (``river=[...]``) as the reader left them;
    a tuple of lists stands for the several paragraphs the reader made of one."""
    order = {"note": NOTE, "break1": BREAK, "gate": GATE, "ready": READY, "break2": BREAK,
             "river": RIVER, "morning": MORNING}
    out: list[list[Piece | str]] = []
    for name, pieces in order.items():
        now = changed.get(name, pieces)
        out.extend([list(p) for p in now] if isinstance(now, tuple) else [list(now)])
    return out
