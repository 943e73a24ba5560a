"""The one error a subcommand raises for bad input: the CLI prints it on one line, exit 2."""


class CommandError(Exception):
    """Bad input (missing file, undecodable text, unknown target...): nothing was written."""
