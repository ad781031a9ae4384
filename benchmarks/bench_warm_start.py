"""Benchmark of the warm start: time from `stancegraph serve` starting to its first `/analysis/conflicts` answer.

    python benchmarks/bench_warm_start.py [--scale medium] [--store DIR] [--out benchmarks/results/warm-start.json]

Three starts on the same store (built with bulk_load at `--scale`, or reused from `--store`):

* ``cold``: no snapshot beside the store; the server rebuilds the records and the stance matrix from the
  triples (the warm-up) and saves the snapshot;
* ``warm``: the snapshot is valid; the server reads it back at start-up;
* ``stale``: after one more write (a document loaded, so the store's write count moved on), the snapshot
  is ignored and rebuilt, as a corrupt one would be.

Each phase's time runs from the process start to the first 200 answer of ``/analysis/conflicts`` (the
client asks again while the server is not up yet). Target: warm under 5 s at medium scale (issue 16).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_api import free_port  # noqa: E402
from synthetic import make_bundle  # noqa: E402

from stancegraph.graph.model.records import Bundle, new_claim, new_document, new_position, new_stakeholder  # noqa: E402
from stancegraph.graph.rdf.snapshot import snapshot_path  # noqa: E402
from stancegraph.graph.rdf.store import Store  # noqa: E402


def first_answer(store: Path, log_path: Path, *, seconds: float = 1800) -> dict[str, Any]:
    """Start the server, ask for /analysis/conflicts until it answers; the time, the rows and /health."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("STANCEGRAPH_")}
    env["STANCEGRAPH_QUERY_TIMEOUT"] = "300"
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    exe = Path(sys.executable).parent / "stancegraph"
    t0 = time.perf_counter()
    with log_path.open("wb") as log:
        server = subprocess.Popen([str(exe), "serve", "--port", str(port), "--store", str(store), "--quiet"],
                                  env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        while True:
            try:
                r = httpx.get(url + "/analysis/conflicts", timeout=seconds)
                if r.status_code == 200:
                    elapsed = time.perf_counter() - t0
                    rows = len(r.json())
                    break
            except httpx.TransportError:
                pass
            if server.poll() is not None or time.perf_counter() - t0 > seconds:
                raise SystemExit("the server did not answer:\n" + log_path.read_text())
            time.sleep(0.05)
        health = httpx.get(url + "/health", timeout=60).json()
        while health.get("warm") == "warming":  # the cold start saves the snapshot after the warm-up
            time.sleep(0.5)
            health = httpx.get(url + "/health", timeout=60).json()
    finally:
        server.terminate()
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
    return {"first_conflicts_s": round(elapsed, 2), "rows": rows, "snapshot": health.get("snapshot"),
            "warm": health.get("warm")}


def one_document() -> Bundle:
    b = Bundle()
    d, sh, c = new_document("warm-start-extra.txt"), new_stakeholder("Extra stakeholder"), new_claim("An extra claim")
    b.add(d, sh, c, new_position(sh, c, "support", document=d.id))
    return b


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", default="medium")
    ap.add_argument("--store", type=Path, default=None, help="reuse (or build and keep) the store in this folder")
    ap.add_argument("--out", type=Path, default=HERE / "results" / "warm-start.json")
    args = ap.parse_args()
    out: dict[str, Any] = {"scale": args.scale, "python": platform.python_version(), "cpus": os.cpu_count(),
                           "machine": platform.machine()}
    with tempfile.TemporaryDirectory(prefix="stancegraph-bench-warm-") as tmp:
        store_dir = args.store or Path(tmp) / "store"
        with Store(store_dir) as st:
            if not len(st):
                t0 = time.perf_counter()
                out["quads"] = st.bulk_load(make_bundle(args.scale, seed=0))
                out["bulk_load_s"] = round(time.perf_counter() - t0, 2)
            else:
                out["quads"] = len(st)
            snap = snapshot_path(st)
        assert snap is not None
        snap.unlink(missing_ok=True)
        log = Path(tmp) / "server.log"
        out["cold"] = first_answer(store_dir, log)
        out["snapshot_mb"] = round(snap.stat().st_size / 1e6, 1) if snap.exists() else None
        out["warm"] = first_answer(store_dir, log)
        with Store(store_dir) as st:
            st.load(one_document())
        out["stale"] = first_answer(store_dir, log)
        with Store(store_dir) as st:  # leave the data as it was (the next run starts cold again)
            st.remove_document(next(iter(one_document().documents)))
    out["speed-up"] = round(out["cold"]["first_conflicts_s"] / out["warm"]["first_conflicts_s"], 1)
    out["target"] = "warm start: first /analysis/conflicts within 5 s of serve starting (medium store)"
    out["target_met"] = out["warm"]["first_conflicts_s"] < 5 and out["warm"]["snapshot"] == "loaded"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2) + "\n")
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
