"""Native libraries' prints kept off the command's output.

harper-py's compiled code prints debugging lines such as ``gerund_form: …`` straight to
file descriptor 1 while it lints; redirecting ``sys.stdout`` does not reach them, and they
would land in the middle of ``ficwriter check --format json``. Swapping descriptor 1 only
around each lint would race with the worker threads that lint at once (and with anything
else printing meanwhile), so the process does it once, before any engine runs: descriptor
1 goes to the null device for good, and ``sys.stdout`` writes to a copy of the real
output. Whatever Python prints reaches the reader; what native code or an inherited
child process writes to descriptor 1 does not.
"""

from __future__ import annotations

import io
import os
import sys


def keep_native_output_off_stdout() -> None:
    """Point descriptor 1 at the null device and ``sys.stdout`` at the real output.

    Does nothing when there is no descriptor-backed stdout (a windowed app without a
    console) or when ``sys.stdout`` was replaced already (a test capturing it, or this
    function called before).
    """
    stream = sys.stdout
    if stream is None or stream is not sys.__stdout__ or not isinstance(stream, io.TextIOWrapper):
        return
    try:
        if stream.fileno() != 1:
            return
    except (OSError, ValueError):
        return
    stream.flush()
    real = os.dup(1)
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 1)
    finally:
        os.close(null)
    sys.stdout = open(  # noqa: SIM115 - the process's stdout from now on, never closed here
        real, "w", buffering=1 if stream.line_buffering else -1, encoding=stream.encoding,
        errors=stream.errors,
    )  # fmt: skip


def silence_broken_output() -> None:
    """The reader of stdout or stderr went away (``ficwriter … | head -1``): send what is
    still buffered, and whatever the interpreter flushes at exit, to the null device so
    that no second BrokenPipeError is reported."""
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        for stream in (sys.stdout, sys.stderr):
            try:
                os.dup2(null, stream.fileno())
            except (AttributeError, OSError, ValueError):
                pass
    finally:
        os.close(null)
