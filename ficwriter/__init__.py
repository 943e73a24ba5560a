"""ficwriter: a desktop writing and revision tool for fiction and fanfiction writers."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ficwriter")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
