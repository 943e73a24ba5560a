"""Subcommands of `ficwriter`; each module has ``register(subparsers)``.

A subcommand's parser sets ``run=function(args) -> int`` with ``set_defaults``.
"""

from __future__ import annotations

from types import ModuleType

from ficwriter.commands import beta, chapter, chapter_list, check, export, goals, history, names

COMMAND_MODULES: list[ModuleType] = [
    chapter_list, chapter, export, history, check, names, goals, beta
]
