"""Where LanguageTool is on this machine, for local mode, in ficwriter's order of preference.

1. A folder of Maven jars, as ``scripts/get-languagetool`` makes it: the configured folder
   (``--languagetool-dir``, ``FICWRITER_LANGUAGETOOL_DIR``, ``[checks.languagetool] dir``)
   or, when none is configured, ficwriter's cache (``paths.languagetool_dir()``). Started as
   ``java -cp 'DIR/*' org.languagetool.server.HTTPServer``.
2. An unpacked LanguageTool release (a ``LanguageTool-6.x`` folder with
   ``languagetool-server.jar``, whose manifest names its libraries): that folder itself, one
   inside it, ``LTP_JAR_DIR_PATH``, or one language-tool-python downloaded earlier.
3. Nothing: the engine then asks language-tool-python to download a release (case 2 next time).

Only finding happens here; starting and stopping the server is ``languagetool_process``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from ficwriter.paths import languagetool_dir

LANGUAGETOOL_VERSION = "6.8"
"""The LanguageTool ``scripts/get-languagetool`` fetches (the newest 6.x on Maven Central)."""
STAMP_NAME = "ficwriter-languagetool.json"
"""The file in a jar folder listing the jars the script put there, and their version."""
MAIN_CLASS = "org.languagetool.server.HTTPServer"
FOLDER_VARIABLE = "FICWRITER_LANGUAGETOOL_DIR"
"""Environment variable naming LanguageTool's folder for local mode (over ficwriter.toml)."""
JAVA_OPTIONS = ("-XX:TieredStopAtLevel=1",)
"""Java's quick compiler alone: an editor's LanguageTool answers short paragraphs, and the
optimising compiler's work at start-up competes for the same cores. Measured on 2 cores
(load 5-9): the first check after start 3.1-10.7 s instead of 10.8-22.1 s, paragraphs
after it 68-134 ms instead of 151-450 ms (benchmarks/bench_checks.py has the chapter)."""
SERVER_CONFIG = {
    "pipelineCaching": "true",
    "maxPipelinePoolSize": "20",
    "pipelineExpireTimeInSeconds": "3600",
}
"""The server's ``--config`` properties. ficwriter sends the same settings (its fiction list
of disabled rules) with every paragraph; without pipeline caching LanguageTool builds its
rule pipeline for them again on each request. Measured on 2 cores (load 15): a paragraph
222-229 ms instead of 322-456 ms."""
_SERVER_JAR = re.compile(r"languagetool-server-(\d[\w.\-]*)\.jar")
_RELEASE_DIR = re.compile(r"LanguageTool-(.+)")


@dataclass(frozen=True)
class Installation:
    """A LanguageTool ficwriter can start: its classpath, version and where it is."""

    folder: Path
    classpath: str
    version: str
    kind: str  # "jars" (Maven jars) or "release" (an unpacked release)

    def command(self, java: str, port: int, config: Path | None = None) -> list[str]:
        """The server command; without ``--public`` LanguageTool listens on loopback only.
        ``config`` is a file of ``SERVER_CONFIG``'s properties (``write_server_config``)."""
        command = [java, *JAVA_OPTIONS, "-cp", self.classpath, MAIN_CLASS, "--port", str(port)]
        return command + ["--config", str(config)] if config is not None else command


def write_server_config(path: Path) -> Path:
    """``SERVER_CONFIG`` as the properties file LanguageTool's ``--config`` reads."""
    path.write_text("".join(f"{key}={value}\n" for key, value in SERVER_CONFIG.items()))
    return path


def _version_key(version: str) -> tuple[int, ...]:
    """"6.10" after "6.9"; a snapshot's date (``20250101``) sorts as its number."""
    return tuple(int(part) for part in re.findall(r"\d+", version))


def jar_folder(folder: Path) -> Installation | None:
    """``folder`` as a folder of Maven jars (the server's and the English rules'), if it is."""
    versions = [m.group(1) for p in _jars(folder) if (m := _SERVER_JAR.fullmatch(p.name))]
    if not versions or not any(p.name.startswith("language-en-") for p in _jars(folder)):
        return None
    version = max(versions, key=_version_key)
    return Installation(folder, str(folder / "*"), version, "jars")


def _jars(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.iterdir() if p.suffix == ".jar"]
    except OSError:
        return []


def release_folder(folder: Path) -> Installation | None:
    """``folder`` as an unpacked release, if it is one."""
    jar = folder / "languagetool-server.jar"
    if not jar.is_file():
        return None
    named = _RELEASE_DIR.fullmatch(folder.name)
    return Installation(folder, str(jar), named.group(1) if named else "release", "release")


def releases_in(folder: Path) -> list[Installation]:
    """``folder`` itself as a release, else the releases inside it, newest first."""
    itself = release_folder(folder)
    if itself:
        return [itself]
    try:
        inside = [p for p in folder.iterdir() if _RELEASE_DIR.fullmatch(p.name) and p.is_dir()]
    except OSError:
        return []
    found = [r for p in inside if (r := release_folder(p))]
    return sorted(found, key=lambda r: _version_key(r.version), reverse=True)


def configured_folder(folder: str = "") -> Path:
    """The jar folder to look in: ``folder`` (CLI, settings), else the environment's, else the cache."""
    chosen = folder or os.environ.get(FOLDER_VARIABLE, "")
    return Path(chosen).expanduser() if chosen else languagetool_dir()


def downloaded_releases_folder() -> Path:
    """Where language-tool-python downloads releases (``LTP_PATH``, else its cache folder)."""
    return Path(os.environ.get("LTP_PATH") or Path.home() / ".cache" / "language_tool_python")


def find_installation(folder: Path) -> Installation | None:
    """The LanguageTool to start, in ficwriter's order of preference; None when there is none."""
    found = jar_folder(folder)
    if found:
        return found
    candidates = releases_in(folder)
    jar_dir = os.environ.get("LTP_JAR_DIR_PATH")
    if jar_dir:
        candidates += releases_in(Path(jar_dir))
    candidates += releases_in(downloaded_releases_folder())
    return candidates[0] if candidates else None
