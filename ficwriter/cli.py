"""The `ficwriter` command: the window when given no subcommand, else one subcommand.

Each subcommand module in ``ficwriter.commands`` registers its parsers and mirrors one
function of core/, checks/ or history/, so what the window does a script can do too.
Exit codes: 0 success, 2 bad input (one line on stderr, nothing written) or a disk that
refused history ("disk full: history not updated": the chapter files stay as written),
141 when the reader of the output went away before the end (``ficwriter history CH |
head -1``): the status a shell reports for any program its closed pipe stops, so ``set -o pipefail``
scripts see an output cut short as they do for ``cat`` or ``grep``, with no traceback.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from ficwriter import __version__, selftest
from ficwriter.commands import COMMAND_MODULES
from ficwriter.commands.errors import CommandError
from ficwriter.history.disk_trouble import HistoryUnavailable
from ficwriter.native_output import keep_native_output_off_stdout, silence_broken_output

BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a writer its reader left


def build_parser() -> tuple[argparse.ArgumentParser, list[str]]:
    """The parser and the names of its subcommands."""
    parser = argparse.ArgumentParser(
        prog="ficwriter",
        description="Write, check, keep every version of, and export fiction chapters.",
    )
    parser.add_argument("--version", action="version", version=f"ficwriter {__version__}")
    selftest.add_arguments(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser, list(sub.choices)


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:  # the program itself, not a test calling it: descriptor 1 is ours
        keep_native_output_off_stdout()
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser, commands = build_parser()
    if not args_list or (not args_list[0].startswith("-") and args_list[0] not in commands):
        return _open_window(args_list, commands)
    try:
        try:
            return _run(parser.parse_args(args_list))
        finally:  # a reader gone is found here (after --help too), not at the exit's flush
            sys.stdout.flush()
    except BrokenPipeError:
        silence_broken_output()
        return BROKEN_PIPE


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.run(args) or 0)
    except (CommandError, HistoryUnavailable) as error:
        print(f"ficwriter {args.command}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # Ctrl+C: a line, not a traceback; exit hooks still run
        print(f"ficwriter {args.command}: interrupted", file=sys.stderr)
        return 130


def _unknown_command(word: str, commands: list[str]) -> int:
    """A first word that is no command and no path: a typo more often than not."""
    close = difflib.get_close_matches(word, commands, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    print(f"ficwriter: {word!r} is not a command, file or folder; {hint}commands: "
          f"{', '.join(commands)} (`ficwriter --help` says what each does)", file=sys.stderr)
    return 2


def _open_window(paths: list[str], commands: list[str]) -> int:
    """`ficwriter` and `ficwriter PATH` open the window (Qt is imported only here); any
    other first word is refused before a window could open and wait.

    Without a display Qt aborts the process with a plugin error a writer cannot act on;
    say it plainly instead (``QT_QPA_PLATFORM`` set means the caller chose a platform).
    """
    if paths and not Path(paths[0]).exists():
        return _unknown_command(paths[0], commands)
    if not os.environ.get("QT_QPA_PLATFORM") and not selftest.has_display():
        print(
            "ficwriter: there is no display to open the window on (DISPLAY and "
            "WAYLAND_DISPLAY are not set); the commands work without one: `ficwriter --help`",
            file=sys.stderr,
        )
        return 1
    try:
        from ficwriter.gui.app import run
    except ImportError as error:
        print(
            f"ficwriter: cannot open the window ({error}); "
            "`ficwriter --self-test` says what is missing",
            file=sys.stderr,
        )
        return 1
    return run(paths)
