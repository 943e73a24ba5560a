"""Subcommands of `ficwriter`; each module has ``register(subparsers)``.

A subcommand's parser sets ``run=function(args) -> int`` with ``set_defaults``.
"""

from __future__ import annotations

from types import ModuleType

from ficwriter.commands import beta, chapter, check, history

COMMAND_MODULES: list[ModuleType] = [chapter, history, check, beta]
