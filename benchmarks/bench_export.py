"""Whole-work export figures: EPUB and AO3 (folder per chapter + posting.md) of a generated
330,000-word, 40-chapter project, including writing the files.

    python benchmarks/bench_export.py     # targets: EPUB <= 3 s and <= 200 MB peak; AO3 <= 2 s

Times are medians of 5 runs in this process, wall clock and CPU (the CPU time of this
process, which a machine busy with other work inflates less). Peak memory is the peak resident size of a
fresh process that imports ficwriter and does one export (so it includes Python itself);
the second figure is tracemalloc's peak of the Python objects the export made.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ficwriter.core.export import export_work  # noqa: E402
from ficwriter.core.export.destination import write_export_files  # noqa: E402
from ficwriter.core.project import open_project  # noqa: E402
from tests.core.export.generated import write_project  # noqa: E402

WORDS = 330_000
CHAPTERS = 40
RUNS = 5
_CHILD = """
import json, resource, sys, tracemalloc
from pathlib import Path
from ficwriter.core.export import export_work
from ficwriter.core.export.destination import write_export_files
from ficwriter.core.project import open_project
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
tracemalloc.start()
project = open_project(sys.argv[1])
work = export_work(project, sys.argv[2])
write_export_files(work.files, sys.argv[3], project)
traced = tracemalloc.get_traced_memory()[1]
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"before_kb": before, "peak_kb": peak, "traced_kb": traced // 1024}))
"""


def _export(project_root: Path, target: str, out: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one export (CPU time tells a busy machine apart)."""
    start, cpu = time.perf_counter(), time.process_time()
    project = open_project(project_root)
    work = export_work(project, target)
    write_export_files(work.files, out, project)
    return time.perf_counter() - start, time.process_time() - cpu


def _peak(project_root: Path, target: str, out: Path) -> dict[str, int]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _CHILD, str(project_root), target, str(out)],
                          capture_output=True, text=True, check=True, env=env)
    return json.loads(done.stdout)


def main() -> None:
    print(f"cores: {os.cpu_count()}, load {os.getloadavg()[0]:.1f}; project: {WORDS:,} words, {CHAPTERS} chapters; "
          f"median of {RUNS} runs")
    with tempfile.TemporaryDirectory() as tmp:
        root = write_project(Path(tmp) / "project", WORDS, CHAPTERS)
        for target, limit in (("epub", 3.0), ("ao3", 2.0)):
            runs = [_export(root, target, Path(tmp) / f"{target}-{run}") for run in range(RUNS)]
            times = [wall for wall, _ in runs]
            memory = _peak(root, target, Path(tmp) / f"{target}-memory")
            median = statistics.median(times)
            cpu = statistics.median(c for _, c in runs)
            peak_mb = memory["peak_kb"] / 1024
            added_mb = memory["traced_kb"] / 1024
            print(f"{target:>4}: {median:.2f} s, CPU {cpu:.2f} s (limit {limit:.0f} s; runs "
                  f"{', '.join(f'{t:.2f}' for t in times)}), peak {peak_mb:.0f} MB "
                  f"(Python objects of the export at their peak: {added_mb:.0f} MB)")


if __name__ == "__main__":
    main()
