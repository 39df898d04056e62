"""Benchmark: notes per second of `conflictwatch eval acled` over ../shared/data/acled.

Target on 2 cores: above 50 notes per second. The command prints its own
throughput (coding only); this script also times the whole command, start-up
and the gazetteer load included.

    .venv/bin/python bench/bench_eval.py [--geonames]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--geonames", action="store_true", help="load the GeoNames dumps too")
    args = parser.parse_args()
    files = sorted((SHARED / "acled").glob("*.csv"))
    if not files:
        print(f"bench: no ACLED files under {SHARED / 'acled'}", file=sys.stderr)
        return 2
    command = [str(REPO / ".venv" / "bin" / "conflictwatch"), "--no-progress"]
    if args.geonames:
        command += ["--geonames-dir", str(SHARED / "geonames")]
    command += ["eval", "acled", *map(str, files)]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        print(done.stderr, file=sys.stderr)
        return done.returncode
    coding = re.search(r"notes per second: ([\d.]+)", done.stdout)
    rows = re.search(r"^overall\s+(\d+)", done.stdout, re.MULTILINE)
    print(f"rows: {rows.group(1) if rows else '?'}  whole command: {elapsed:.1f} s")
    print(f"notes per second (coding): {coding.group(1) if coding else '?'}  (target > 50)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
