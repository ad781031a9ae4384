"""Run every benchmark one after the other (what `make bench` runs); each writes benchmarks/results/.

    python benchmarks/run_all.py [--scale small|medium]

small finishes in minutes; medium takes an hour or more on 2 cores. The Neo4j benchmark runs when
NEO4J_URI is set (start a server with scripts/neo4j-local start). The reliability load test, when present
(bench_load.py), runs too.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", choices=("small", "medium"), default="small")
    args = ap.parse_args()
    runs = [
        ["bench_extract.py"],
        ["bench_store.py", "--scale", args.scale],
        ["bench_ingest.py", *(["--medium"] if args.scale == "medium" else [])],
        ["bench_analysis.py"] if args.scale == "medium" else None,
        ["bench_api.py", "--scale", args.scale],
        ["bench_viz.py"],
        ["bench_neo4j.py", "--scale", args.scale] if os.environ.get("NEO4J_URI") else None,
        ["bench_load.py"] if (HERE / "bench_load.py").exists() else None,
    ]
    failed = []
    for run in filter(None, runs):
        print(f"== {' '.join(run)}", file=sys.stderr, flush=True)
        if subprocess.run([sys.executable, str(HERE / run[0]), *run[1:]]).returncode != 0:
            failed.append(run[0])
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
