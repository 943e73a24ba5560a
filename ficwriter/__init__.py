"""ficwriter: a desktop writing and revision tool for fiction and fanfiction writers."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ficwriter")
except PackageNotFoundError:  # a source checkout that was never installed: ask pyproject.toml
    from ficwriter.paths import source_version

    __version__ = source_version()
