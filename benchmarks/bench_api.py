"""Latency of the web API under concurrent load, on loopback: /analysis/conflicts and a SPARQL group-by.

    python benchmarks/bench_api.py [--scale small|medium] [--concurrency 8] [--requests 400] [--max-seconds 60]
                                   [--client wrk|python|both] [--store DIR]

Builds the synthetic graph of the scale (benchmarks/synthetic.py), bulk-loads it into a fresh
store, starts ``stancegraph serve`` on a free loopback port and measures, after one cold call
(which builds the Bundle, the stance matrix and the result, all then cached per store generation):

* ``/analysis/conflicts``: cached results, so this is the HTTP + cache path;
* ``/analysis/conflicts?theme=...``: a second, cached filter;
* SPARQL ``GROUP BY`` of positions by stance, through ``/sparql``: the endpoint reuses a result until the
  next write, so this is the cached path; ``sparql_group_by_evaluated`` sends the same query with a
  different comment each time, so every call is evaluated.

Clients send ``Accept-Encoding: gzip`` (httpx's default, as browsers do), so large analysis bodies
travel compressed; ``body_bytes`` records both sizes. ``warm_up_s`` is the time from the server
answering until its start-up warm-up (Bundle and stance matrix) is done; ``cold_s`` the first
requests after that.

Each phase sends at most --requests requests from --concurrency threads (one keep-alive client
each) and stops after --max-seconds. With wrk installed the phases run again under wrk
(``load_wrk``): on a 2-core machine the Python client's own decoding of a 17 MB body competes with
the server for the CPU, so wrk's figures are the server's latency and the Python ones a client's. Results go to benchmarks/results/api.json (or --out).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import SCALES, make_bundle  # noqa: E402

from stancegraph.graph.rdf.store import Store  # noqa: E402

GROUP_BY = "SELECT ?stance (COUNT(?p) AS ?n) WHERE { ?p a sg:Position ; sg:stance ?stance } GROUP BY ?stance"


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(store: Path, log_path: Path, *, env: dict[str, str] | None = None,
                 seconds: float = 120) -> tuple[subprocess.Popen[bytes], str]:
    """``stancegraph serve`` on `store` at a free loopback port, with the environment's STANCEGRAPH_*
    settings dropped and `env` added; returns the process and its base URL once /health answers."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("STANCEGRAPH_")}
    full_env.update(env or {})
    port = free_port()
    exe = Path(sys.executable).parent / "stancegraph"
    with log_path.open("wb") as log:  # the child keeps its own handle
        server = subprocess.Popen([str(exe), "serve", "--port", str(port), "--store", str(store), "--quiet"],
                                  env=full_env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + seconds
    while True:
        try:
            if httpx.get(url + "/health", timeout=5).status_code == 200:
                return server, url
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline or server.poll() is not None:
            server.kill()
            raise SystemExit("the server did not start:\n" + log_path.read_text())
        time.sleep(0.2)


def stop_server(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


def load_phase(url: str, params: dict[str, str], *, requests: int, concurrency: int, max_seconds: float,
               distinct: bool = False) -> dict[str, Any]:
    """Send up to `requests` GETs from `concurrency` threads; latencies in ms. `distinct`: each request's
    query gets its own trailing comment, so the server's per-query result cache never answers it."""
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
                    n = next(counter, None)
                    if n is None:
                        return
                sent = {**params, "query": f"{params['query']}\n# request {n}"} if distinct else params
                t0 = time.perf_counter()
                r = client.get(url, params=sent)
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


_WRK_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _wrk_ms(text: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if not m:
        raise ValueError(f"unexpected wrk duration {text!r}")
    return float(m.group(1)) * _WRK_UNITS[m.group(2)]


def wrk_phase(url: str, params: dict[str, str], *, concurrency: int, seconds: float) -> dict[str, Any]:
    """The same measurement with wrk (a C load generator), so the client does not compete with the server
    for the CPU by parsing what it receives; wrk reads every byte but decodes nothing. Sends
    ``Accept-Encoding: gzip`` like browsers and httpx."""
    target = url + ("?" + urlencode(params) if params else "")
    done = subprocess.run(["wrk", f"-t{min(2, concurrency)}", f"-c{concurrency}", f"-d{max(1, round(seconds))}s",
                           "--timeout", "300s", "--latency", "-H", "Accept-Encoding: gzip", target],
                          capture_output=True, text=True, check=True)
    out = done.stdout
    pct = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", out, re.MULTILINE))  # wrk pads seconds with a space
    avg, _stdev, most = re.search(r"^\s+Latency\s+(\S+)\s+(\S+)\s+(\S+)", out, re.MULTILINE).groups()  # type: ignore[union-attr]
    requests, wall = re.search(r"(\d+) requests in ([\d.]+)(\w+),", out).groups()[:2]  # type: ignore[union-attr]
    errors = sum(int(x) for x in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    errors += sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    return {"client": "wrk", "requests": int(requests), "concurrency": concurrency, "errors": errors,
            "p50_ms": round(_wrk_ms(pct["50"]), 2), "p99_ms": round(_wrk_ms(pct["99"]), 2),
            "mean_ms": round(_wrk_ms(avg), 2), "max_ms": round(_wrk_ms(most), 2),
            "throughput_rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
            "wall_s": float(wall)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", default="medium", choices=sorted(SCALES))
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--requests", type=int, default=400)
    ap.add_argument("--sparql-requests", type=int, default=100)
    ap.add_argument("--max-seconds", type=float, default=60)
    ap.add_argument("--out", type=Path, default=HERE / "results" / "api.json")
    ap.add_argument("--client", choices=("wrk", "python", "both"), default="both" if shutil.which("wrk") else "python",
                    help="load generator: wrk (C; apt-get install wrk), the Python one (httpx threads), or both "
                         "[default: both when wrk is installed]")
    ap.add_argument("--store", type=Path, default=None,
                    help="keep the loaded store in this folder and reuse it when it exists (loading medium takes minutes)")
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
        store_dir = args.store or Path(tmp) / "store"
        t0 = time.perf_counter()
        with Store(store_dir) as st:
            if len(st) and args.store:
                out["quads"], out["load_s"], out["store_reused"] = len(st), None, str(store_dir)
            else:
                out["quads"] = st.bulk_load(make_bundle(args.scale, seed=0))
                out["load_s"] = round(time.perf_counter() - t0, 2)

        server, base = start_server(store_dir, Path(tmp) / "server.log", env={"STANCEGRAPH_QUERY_TIMEOUT": "300"})
        try:
            # the server warms its caches at start-up (STANCEGRAPH_WARM_CACHE): time until they are ready
            t0 = time.perf_counter()
            while httpx.get(base + "/health", timeout=30).json().get("warm") == "warming":
                time.sleep(0.5)
            out["warm_up_s"] = round(time.perf_counter() - t0, 2)
            cold: dict[str, float] = {}
            for name, path, params in (("conflicts", "/analysis/conflicts", {}),
                                       ("conflicts_theme", "/analysis/conflicts", {"theme": theme})):
                t0 = time.perf_counter()
                r = httpx.get(base + path, params=params, timeout=1800)
                r.raise_for_status()
                cold[name] = round(time.perf_counter() - t0, 3)
                out.setdefault("rows", {})[name] = len(r.json())
                plain = httpx.get(base + path, params=params, timeout=1800, headers={"Accept-Encoding": "identity"})
                out.setdefault("body_bytes", {})[name] = {"identity": len(plain.content),
                                                          "gzip": int(r.headers.get("content-length", 0))}
            out["cold_s"] = cold  # first call: Bundle from the store, stance matrix, analysis
            phases = {
                "analysis_conflicts": (base + "/analysis/conflicts", {}, args.requests),
                "analysis_conflicts_theme": (base + "/analysis/conflicts", {"theme": theme}, args.requests),
                "sparql_group_by": (base + "/sparql", {"query": GROUP_BY}, args.sparql_requests),
            }
            # the endpoint reuses a query's result until the next write: also time the evaluation itself
            uncached = load_phase(base + "/sparql", {"query": GROUP_BY}, requests=args.sparql_requests,
                                  concurrency=args.concurrency, max_seconds=args.max_seconds, distinct=True)
            out["sparql_group_by_evaluated"] = uncached
            if args.client in ("python", "both"):
                out["load"] = {name: load_phase(url, params, requests=n, concurrency=args.concurrency,
                                                max_seconds=args.max_seconds)
                               for name, (url, params, n) in phases.items()}
            if args.client in ("wrk", "both"):
                out["load_wrk"] = {name: wrk_phase(url, params, concurrency=args.concurrency,
                                                   seconds=min(args.max_seconds, 20 if "analysis" in name else 60))
                                   for name, (url, params, _n) in phases.items()}
        finally:
            stop_server(server)
    out["target"] = "p50 under 50 ms for analysis endpoints on cached matrices"
    out["target_met"] = {client: all(out[client][k]["p50_ms"] < 50 for k in ("analysis_conflicts", "analysis_conflicts_theme"))
                         for client in ("load", "load_wrk") if client in out}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2) + "\n")
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
