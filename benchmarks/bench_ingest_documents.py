"""Benchmark of `stancegraph ingest DIR` on 100 real-size documents: extraction and loading, wall time.

    python benchmarks/bench_ingest_documents.py [--documents 100] [--workers 0] [--out benchmarks/results/ingest-documents.json]

The documents are the corpus documents (``../shared/corpus``: the King's Fund report, the Covid inquiry hearing,
the Commons committee report) and the fictional example documents (``examples/``), copied in turn under new
names into a temporary folder until there are `--documents` of them (the names change, so every copy is a
document of its own; the claims of the copies merge with the stored ones). One ``stancegraph ingest`` run
extracts them in a pool of processes (``--workers``, 0: one per core) and loads them one by one, as a user
would run it; the time is the wall time of that process, with its CPU time and peak memory beside it.
Target (issue 16): under 60 s on 2 cores for 100 documents.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT.parent / "shared" / "corpus"
DOCUMENT_SUFFIXES = (".txt", ".md", ".rst", ".html")


def sources() -> list[Path]:
    found = [p for folder in (CORPUS, ROOT / "examples") if folder.is_dir() for p in sorted(folder.iterdir())
             if p.suffix in DOCUMENT_SUFFIXES and p.name not in ("SOURCES.txt", "seed-expected.md")]
    if not found:
        raise SystemExit(f"no documents found in {CORPUS} or {ROOT / 'examples'}")
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", type=int, default=100)
    ap.add_argument("--workers", type=int, default=0)
    ap.add_argument("--also-without-validation", action="store_true",
                    help="run a second ingest with --no-validate, to show what SHACL validation costs")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "ingest-documents.json")
    args = ap.parse_args()
    docs = sources()
    out: dict[str, Any] = {"python": platform.python_version(), "cpus": os.cpu_count(), "machine": platform.machine(),
                           "documents": args.documents, "sources": [p.name for p in docs]}
    with tempfile.TemporaryDirectory(prefix="stancegraph-bench-docs-") as tmp:
        folder = Path(tmp) / "documents"
        folder.mkdir()
        size = 0
        for i in range(args.documents):
            src = docs[i % len(docs)]
            dst = folder / f"{i:03d}-{src.stem}{src.suffix}"
            shutil.copyfile(src, dst)
            size += dst.stat().st_size
        out["bytes"] = size
        exe = Path(sys.executable).parent / "stancegraph"
        env = {k: v for k, v in os.environ.items() if not k.startswith("STANCEGRAPH_")}

        def ingest(name: str, *extra: str) -> dict[str, Any]:
            store = Path(tmp) / name
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            done = subprocess.run([str(exe), "ingest", str(folder), "--store", str(store), "--quiet",
                                   "--workers", str(args.workers), *extra], env=env, capture_output=True, text=True)
            wall = time.perf_counter() - t0
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if done.returncode != 0:
                raise SystemExit(f"ingest failed ({done.returncode}):\n{done.stderr}")
            stats = subprocess.run([str(exe), "stats", "--store", str(store), "--format", "json"],
                                   env=env, capture_output=True, text=True)
            return {"wall_s": round(wall, 2),
                    "cpu_s": round((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), 2),
                    "peak_rss_mb": round(after.ru_maxrss / 1024, 1),  # the largest child process so far (Linux: KB)
                    "store": json.loads(stats.stdout) if stats.returncode == 0 and stats.stdout.strip() else stats.stderr}

        out.update(ingest("store"))
        if args.also_without_validation:
            out["without_validation"] = ingest("store-no-validate", "--no-validate")
    out["target"] = "100 real-size documents extracted and ingested in under 60 s on 2 cores"
    out["target_met"] = out["wall_s"] < 60
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2) + "\n")
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
