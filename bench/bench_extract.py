"""Benchmark: `conflictwatch extract` over the VOA stories (whole pipeline, linking on).

Runs the real command in a subprocess, so start-up (loading the gazetteer and
lexicons) is counted, and prints articles per second and the peak memory of
the process. Target on 2 cores: at least 20 articles/s and under 1.5 GB.

    .venv/bin/python bench/bench_extract.py [--repeat N] [PATH]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
VOA = REPO.parent / "shared" / "data" / "voa" / "voa_stories.jsonl"


def corpus(path: Path, repeat: int, folder: Path) -> tuple[Path, int]:
    """The stories, repeated with fresh ids so a longer run can be timed."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = folder / "stories.jsonl"
    with out.open("w", encoding="utf-8") as handle:
        for copy in range(repeat):
            for line in lines:
                story = json.loads(line)
                story["id"] = f"{story.get('id')}-{copy}"
                handle.write(json.dumps(story) + "\n")
    return out, len(lines) * repeat


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(VOA))
    parser.add_argument("--repeat", type=int, default=1, help="copies of the corpus to code")
    args = parser.parse_args()
    source = Path(args.path)
    if not source.exists():
        print(f"bench: no corpus at {source}", file=sys.stderr)
        return 2
    command = [str(REPO / ".venv" / "bin" / "conflictwatch"), "--no-progress", "extract"]
    with tempfile.TemporaryDirectory() as tmp:
        path, count = corpus(source, args.repeat, Path(tmp))
        started = time.perf_counter()
        done = subprocess.run([*command, str(path)], capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - started
    if done.returncode != 0:
        print(done.stderr, file=sys.stderr)
        return done.returncode
    events = sum(1 for line in done.stdout.splitlines() if line.strip())
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"articles: {count}  events: {events}  seconds: {elapsed:.2f}")
    print(f"articles/s: {count / elapsed:.1f}  (target >= 20)")
    print(f"peak memory: {peak_mb:.0f} MB  (target < 1500)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
