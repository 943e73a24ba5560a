"""`ficwriter names PROJECT`: the project's name candidates (``checks.names``).

Capitalised words used mid-sentence several times that the dictionary does not hold:
spelling checks leave them alone until the writer adds them to the dictionary or lists
them in ``[checks] not_names``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ficwriter.checks.names import project_name_candidates
from ficwriter.commands.errors import CommandError


def register(subparsers: argparse._SubParsersAction) -> None:
    names = subparsers.add_parser(
        "names",
        help="list the project's name candidates (capitalised words it uses as names)",
        description="Capitalised words used in mid-sentence at least twice across the "
        "project, not in its dictionary: spelling checks treat them as names until you "
        "add them to dictionary.txt or list them in ficwriter.toml [checks] not_names.",
    )
    names.add_argument("project", type=Path)
    names.add_argument("--format", choices=("text", "json"), default="text")
    names.set_defaults(run=run_names)


def run_names(args: argparse.Namespace) -> int:
    if not args.project.exists():
        raise CommandError(f"{args.project}: no such file or folder")
    try:
        candidates = project_name_candidates(args.project)
    except ValueError as error:  # a malformed ficwriter.toml
        raise CommandError(str(error)) from None
    if args.format == "json":
        print(json.dumps([c.as_dict() for c in candidates], ensure_ascii=False, indent=2))
        return 0
    if not candidates:
        print("no name candidates")
    for c in candidates:
        example = f"  e.g. “{c.examples[0]}”" if c.examples else ""
        print(f"{c.word}\t{c.mid_sentence} mid-sentence, {c.uses} in all{example}")
    return 0
