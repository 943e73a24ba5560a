"""Figures of the Linux one-folder app: its size, and how fast it starts and finishes a self-test.

    python packaging/build.py && python benchmarks/bench_bundle.py [--runs 7]

Targets (issue 6): at most 150 MB unpacked without LanguageTool; bundled app start to
`--self-test` done at most 3 s, median. Each run starts the bundle in a clean environment (no
Python of the system, an empty home folder, QT_QPA_PLATFORM=offscreen), as CI does.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE_TARGET_MB = 150.0
SELF_TEST_TARGET_S = 3.0


def _build_module():
    """packaging/build.py, loaded by path (a folder named `packaging` is no importable name)."""
    spec = importlib.util.spec_from_file_location(
        "ficwriter_build", ROOT / "packaging" / "build.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def timed_run(command: list[str], home: Path) -> float:
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }
    started = time.perf_counter()
    subprocess.run(command, env=env, capture_output=True, check=True, timeout=120)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    build = _build_module()
    executable = build.executable()
    if not executable.is_file():
        print(
            f"no bundle at {build.BUNDLE}: run `python packaging/build.py` first", file=sys.stderr
        )
        return 2
    size_mb = build.folder_size(build.BUNDLE) / 1e6
    inside = [p for p in (build.BUNDLE / "_internal").iterdir() if not p.is_symlink()]
    parts = sorted(
        ((build.folder_size(p) if p.is_dir() else p.stat().st_size, p.name) for p in inside),
        reverse=True,
    )[:5]
    print(f"bundle size: {size_mb:.1f} MB unpacked (target <= {SIZE_TARGET_MB:.0f} MB)")
    print("  largest parts: " + ", ".join(f"{name} {size / 1e6:.1f} MB" for size, name in parts))
    with tempfile.TemporaryDirectory() as home:
        timed_run([str(executable), "--self-test"], Path(home))  # warm the file cache once
        version = [timed_run([str(executable), "--version"], Path(home)) for _ in range(args.runs)]
        self_test = [
            timed_run([str(executable), "--self-test"], Path(home)) for _ in range(args.runs)
        ]
    print(
        f"start to --version done:   median {statistics.median(version):.2f} s ({args.runs} runs)"
    )
    print(
        f"start to --self-test done: median {statistics.median(self_test):.2f} s "
        f"(min {min(self_test):.2f}, max {max(self_test):.2f}; "
        f"target <= {SELF_TEST_TARGET_S:.0f} s)"
    )
    met = size_mb <= SIZE_TARGET_MB and statistics.median(self_test) <= SELF_TEST_TARGET_S
    print("targets met" if met else "targets NOT met")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
