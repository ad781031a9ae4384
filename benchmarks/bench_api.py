"""Latency of the web API under concurrent load, on loopback: /analysis/conflicts and a SPARQL group-by.

    python benchmarks/bench_api.py [--scale small|medium] [--concurrency 8] [--requests 400] [--max-seconds 60]

Builds the synthetic graph of the scale (benchmarks/synthetic.py), bulk-loads it into a fresh
store, starts ``stancegraph serve`` on a free loopback port and measures, after one cold call
(which builds the Bundle, the stance matrix and the result, all then cached per store generation):

* ``/analysis/conflicts``: cached results, so this is the HTTP + cache path;
* ``/analysis/conflicts?theme=...``: a second, cached filter;
* SPARQL ``GROUP BY`` of positions by stance, through ``/sparql`` (evaluated on every call).

Each phase sends at most --requests requests from --concurrency threads (one keep-alive client
each) and stops after --max-seconds. Results go to benchmarks/results/api.json (or --out).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import SCALES, make_bundle  # noqa: E402

from stancegraph.graph.store import Store  # noqa: E402

GROUP_BY = "SELECT ?stance (COUNT(?p) AS ?n) WHERE { ?p a sg:Position ; sg:stance ?stance } GROUP BY ?stance"


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


def load_phase(url: str, params: dict[str, str], *, requests: int, concurrency: int, max_seconds: float) -> dict[str, Any]:
    """Send up to `requests` GETs from `concurrency` threads; latencies in ms."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    counter = iter(range(requests))
    deadline = time.monotonic() + max_seconds

    def worker() -> None:
        nonlocal errors
        with httpx.Client(timeout=120) as client:
            while time.monotonic() < deadline:
                with lock:
                    if next(counter, None) is None:
                        return
                t0 = time.perf_counter()
                r = client.get(url, params=params)
                ms = (time.perf_counter() - t0) * 1000
                with lock:
                    latencies.append(ms)
                    errors += r.status_code != 200

    start = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    return {"requests": len(latencies), "concurrency": concurrency, "errors": errors,
            "p50_ms": round(percentile(latencies, 50), 2), "p99_ms": round(percentile(latencies, 99), 2),
            "mean_ms": round(statistics.fmean(latencies), 2), "max_ms": round(max(latencies), 2),
            "throughput_rps": round(len(latencies) / wall, 1), "wall_s": round(wall, 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", default="medium", choices=sorted(SCALES))
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--requests", type=int, default=400)
    ap.add_argument("--sparql-requests", type=int, default=100)
    ap.add_argument("--max-seconds", type=float, default=60)
    ap.add_argument("--out", type=Path, default=HERE / "results" / "api.json")
    args = ap.parse_args()

    out: dict[str, Any] = {"scale": args.scale, "python": platform.python_version(), "cpus": os.cpu_count(),
                           "machine": platform.machine()}
    with tempfile.TemporaryDirectory(prefix="stancegraph-bench-api-") as tmp:
        t0 = time.perf_counter()
        bundle = make_bundle(args.scale, seed=0)
        out["generate_s"] = round(time.perf_counter() - t0, 2)
        out["positions"] = len(bundle.positions)
        theme = sorted(t.label for t in bundle.themes.values())[0]
        del bundle
        store_dir = Path(tmp) / "store"
        t0 = time.perf_counter()
        with Store(store_dir) as st:
            out["quads"] = st.bulk_load(make_bundle(args.scale, seed=0))
        out["load_s"] = round(time.perf_counter() - t0, 2)

        port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("STANCEGRAPH_")}
        env["STANCEGRAPH_QUERY_TIMEOUT"] = "300"
        exe = Path(sys.executable).parent / "stancegraph"
        log = (Path(tmp) / "server.log").open("wb")
        server = subprocess.Popen([str(exe), "serve", "--port", str(port), "--store", str(store_dir), "--quiet"],
                                  env=env, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    if httpx.get(base + "/openapi.json", timeout=5).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start:\n" + (Path(tmp) / "server.log").read_text())
                time.sleep(0.2)
            cold: dict[str, float] = {}
            for name, path, params in (("conflicts", "/analysis/conflicts", {}),
                                       ("conflicts_theme", "/analysis/conflicts", {"theme": theme})):
                t0 = time.perf_counter()
                r = httpx.get(base + path, params=params, timeout=1800)
                r.raise_for_status()
                cold[name] = round(time.perf_counter() - t0, 3)
                out.setdefault("rows", {})[name] = len(r.json())
            out["cold_s"] = cold  # first call: Bundle from the store, stance matrix, analysis
            phases = {
                "analysis_conflicts": (base + "/analysis/conflicts", {}, args.requests),
                "analysis_conflicts_theme": (base + "/analysis/conflicts", {"theme": theme}, args.requests),
                "sparql_group_by": (base + "/sparql", {"query": GROUP_BY}, args.sparql_requests),
            }
            out["load"] = {name: load_phase(url, params, requests=n, concurrency=args.concurrency,
                                            max_seconds=args.max_seconds)
                           for name, (url, params, n) in phases.items()}
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
    out["target"] = "p50 under 50 ms for analysis endpoints on cached matrices"
    out["target_met"] = all(out["load"][k]["p50_ms"] < 50 for k in ("analysis_conflicts", "analysis_conflicts_theme"))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2) + "\n")
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
