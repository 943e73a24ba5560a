"""What a cleaned export keeps and how it writes it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any


@dataclass(frozen=True)
class ExportOptions:
    """Choices for one export; the project's ``[export]`` table gives the defaults.

    ``scene_break`` is ``None`` for the target's own style (a rule in HTML targets, ``* * *``
    in text ones), ``"hr"`` for a rule wherever the target has one, or the text to put on a
    centred line of its own (``"~~~"``, ``"* * *"``). The typography switches turn straight
    quotes, apostrophes, ``--`` and ``...`` into their typographic forms; off, the text is
    written as the writer typed it.
    """

    keep_notes: bool = True
    drop_comments: bool = True
    scene_break: str | None = None
    quotes: bool = False
    apostrophes: bool = False
    dashes: bool = False
    ellipses: bool = False
    normalize_whitespace: bool = True

    @property
    def typographic(self) -> bool:
        return self.quotes or self.apostrophes or self.dashes or self.ellipses

    def with_typography(self, on: bool) -> ExportOptions:
        """All four typography switches set to ``on``."""
        return replace(self, quotes=on, apostrophes=on, dashes=on, ellipses=on)

    @classmethod
    def from_config(cls, table: Mapping[str, Any]) -> ExportOptions:
        """Options from a project's ``[export]`` table; ``typographic = true`` sets all four.

        Unknown keys (``target``, settings of a later version) are ignored; a value of the
        wrong type raises ``ValueError`` naming the key.
        """
        names = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        for key, value in table.items():
            if key == "scene_break":
                if value in ("", "default", None):
                    value = None
                elif not isinstance(value, str):
                    raise ValueError(f"[export] scene_break must be text, not {value!r}")
                values[key] = value
            elif key in names or key == "typographic":
                if not isinstance(value, bool):
                    raise ValueError(f"[export] {key} must be true or false, not {value!r}")
                values[key] = value
        options = cls()
        if "typographic" in values:
            options = options.with_typography(values.pop("typographic"))
        return replace(options, **values)
