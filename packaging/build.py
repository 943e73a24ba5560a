"""Build the ficwriter one-folder app for this operating system with one command.

    python packaging/build.py   # -> dist/ficwriter/ (+ dist/ficwriter.app on macOS,
                                #    + dist/ficwriter-X.Y.Z-setup.exe on Windows with Inno Setup)

Runs PyInstaller on packaging/pyinstaller/ficwriter.spec from a clean work folder, makes the
icons first if any is missing, checks that the built app reports pyproject's version, and
prints the bundle's size. Needs the `packaging` extra: pip install -e ".[packaging]".
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "pyinstaller" / "ficwriter.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE = DIST / "ficwriter"

sys.path.insert(0, str(ROOT))
from ficwriter.paths import APP_ID, source_version  # noqa: E402


def folder_size(folder: Path) -> int:
    """Bytes of every file under ``folder`` (unpacked size, as a writer's disk sees it)."""
    return sum(
        path.stat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


def executable(bundle: Path = BUNDLE) -> Path:
    """The bundle's command-line executable (on Windows the console twin of the window app)."""
    return bundle / ("ficwriter-cli.exe" if sys.platform == "win32" else "ficwriter")


def ensure_icons() -> None:
    """Make the icons from the SVG if one the spec needs is missing (they are committed)."""
    icons = ROOT / "resources" / "icons"
    needed = [icons / f"{APP_ID}-512.png", icons / f"{APP_ID}.ico", icons / f"{APP_ID}.icns"]
    if not all(path.is_file() for path in needed):
        subprocess.run([sys.executable, str(ROOT / "scripts" / "make_icons.py")], check=True)


def run_pyinstaller() -> None:
    shutil.rmtree(WORK, ignore_errors=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(WORK),
            str(SPEC),
        ],
        check=True,
        cwd=ROOT,
    )


def check_version() -> str:
    """The version the built app reports; it must be pyproject's."""
    done = subprocess.run(
        [str(executable()), "--version"], capture_output=True, text=True, check=True
    )
    reported = done.stdout.strip()
    expected = f"ficwriter {source_version()}"
    if reported != expected:
        raise SystemExit(f"build: the app says {reported!r}, pyproject says {expected!r}")
    return reported


def build_windows_installer() -> None:
    """dist/ficwriter-X.Y.Z-setup.exe with Inno Setup, when its compiler is on PATH."""
    iscc = shutil.which("iscc")
    if iscc is None:
        print("Inno Setup (iscc) not found: no installer, only dist/ficwriter/")
        return
    script = ROOT / "packaging" / "windows" / "ficwriter.iss"
    subprocess.run([iscc, f"/DAppVersion={source_version()}", str(script)], check=True)


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args(argv)
    started = time.perf_counter()
    ensure_icons()
    run_pyinstaller()
    reported = check_version()
    if sys.platform == "win32":
        build_windows_installer()
    size = folder_size(BUNDLE)
    files = sum(1 for path in BUNDLE.rglob("*") if path.is_file())
    print(
        f"built {BUNDLE.relative_to(ROOT)}/ ({reported}) in {time.perf_counter() - started:.0f} s"
    )
    print(f"bundle size: {size / 1e6:.1f} MB unpacked, {files} files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
