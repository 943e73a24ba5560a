"""Native code's prints on descriptor 1 never reach the command's output."""

from __future__ import annotations

import json
import subprocess
import sys

# harper-py's compiled code prints "gerund_form: -troubling- -- verb: -trouble-" on
# descriptor 1 while it lints this sentence (and finds LookingForwardTo in it).
SENTENCE = "She was looking forward to trouble."

LINT_ON_THREADS = f"""
import json, sys
from concurrent.futures import ThreadPoolExecutor
from ficwriter.native_output import keep_native_output_off_stdout
keep_native_output_off_stdout()
from ficwriter.checks.harper_engine import HarperEngine
engine = HarperEngine(pool_size=2)
with ThreadPoolExecutor(4) as pool:
    found = list(pool.map(lambda _: sorted(f.rule_id for f in engine.check({SENTENCE!r})),
                          range(8)))
print(json.dumps(found))
"""


def test_harper_linting_on_worker_threads_leaves_stdout_to_python() -> None:
    done = subprocess.run([sys.executable, "-c", LINT_ON_THREADS], capture_output=True,
                          text=True, timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)  # only what Python printed
    assert len(found) == 8 and all("LookingForwardTo" in rules for rules in found)

