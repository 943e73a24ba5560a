"""The window's log file: what a writer can attach to a bug report.

The command line logs nothing to a file (its errors are printed); the window has no console
a writer would see, so its warnings and any unhandled error go to ``ficwriter.log`` in the
per-user log folder (``ficwriter --self-test`` names it). The file is rotated so that a year
of use never fills the disk.
"""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from ficwriter import paths

LOG_NAME = "ficwriter.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_file() -> Path:
    """Where the window writes its log (the folder may not exist yet)."""
    return paths.log_dir() / LOG_NAME


def start_log_file(level: int = logging.INFO) -> Path | None:
    """Send ficwriter's log records and unhandled errors to the log file.

    Returns the file, or None when it cannot be written (a read-only home, a full disk): the
    window must still open, so the records then go to stderr only, as before.
    """
    target = log_file()
    root = logging.getLogger()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(
            target, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError as error:
        logging.basicConfig(level=logging.WARNING, format=_FORMAT)
        logging.getLogger(__name__).warning("cannot write the log file %s: %s", target, error)
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    root.setLevel(min(root.level, level) if root.level else level)
    sys.excepthook = _log_unhandled
    return target


def _log_unhandled(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """Record an error no code caught (in a Qt slot, say) before the usual report on stderr."""
    if not issubclass(kind, KeyboardInterrupt):
        logging.getLogger("ficwriter").critical("unhandled error", exc_info=(kind, error, trace))
    sys.__excepthook__(kind, error, trace)
