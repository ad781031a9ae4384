"""A bounded mixed load on loopback: many reads and one upload, against a live ``stancegraph serve``.

    python benchmarks/bench_load.py [--requests 3000] [--concurrency 8] [--max-seconds 60] [--seed 0]

Ingests the example documents and ../shared/corpus (what ``stancegraph demo`` loads) into a fresh
store, starts ``stancegraph serve`` with a write token on a free loopback port, warms each route
once (the first call builds the cached Bundle, stance matrix and maps), then sends up to
--requests GETs from --concurrency threads (one keep-alive client each, routes drawn with a
seeded random generator), for at most --max-seconds. Once a third of the requests are done, one
``POST /documents`` uploads a coding sheet of UPLOAD_ROWS positions on a new document.

The bar: zero errors (every read 200, the upload 201) and zero lost documents (afterwards the
store holds every document it held before plus the uploaded one, with all of its positions).
Per route: requests, errors, p50, p99, mean and max latency (ms); overall throughput; the
upload's duration; writes to benchmarks/results/load.json (or --out).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
TOKEN = "bench-load-token"
UPLOAD_ROWS = 300
sys.path.insert(0, str(HERE))

from bench_api import GROUP_BY, percentile, start_server, stop_server  # noqa: E402  (one copy of the load-test helpers)


def upload_sheet(rows: int) -> bytes:
    lines = ["document,source,stakeholder,group,stance,claim,themes,quantifier,quote"]
    for r in range(rows):
        lines.append(f"load-test.txt,Survey,Respondent {r % 41},Panel {r % 5},{('support', 'oppose', 'neutral')[r % 3]},"
                     f"Load test claim {r},Workforce,some,answer {r}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def routes(theme: str) -> dict[str, tuple[str, dict[str, str]]]:
    return {
        "claims": ("/claims", {"limit": "20"}),
        "stakeholders_q": ("/stakeholders", {"q": "care"}),
        "conflicts_theme": ("/analysis/conflicts", {"theme": theme}),
        "sparql_group_by": ("/sparql", {"query": GROUP_BY}),
        "viz_tensions": ("/viz/tensions", {}),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=3000)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--max-seconds", type=float, default=60.0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=HERE / "results" / "load.json")
    args = ap.parse_args()

    from stancegraph.api.cli.demo import demo_inputs

    exe = Path(sys.executable).parent / "stancegraph"
    inputs = demo_inputs()
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp_name:
        tmp = Path(tmp_name)
        store = tmp / "store"
        t0 = time.perf_counter()
        done = subprocess.run([str(exe), "ingest", *map(str, inputs), "--store", str(store), "-q"],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(done.stderr)
        ingest_s = time.perf_counter() - t0
        server, url = start_server(store, tmp / "server.log",
                                   env={"STANCEGRAPH_WRITE_TOKEN": TOKEN, "NO_PROXY": "127.0.0.1"})
        try:
            result = run_load(url, args)
        finally:
            stop_server(server)
    result.update({"inputs": [p.name for p in inputs], "ingest_s": round(ingest_s, 2)})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: result[k] for k in ("requests", "errors", "throughput_rps", "lost_documents", "upload")}, indent=2))
    if result["errors"] or result["lost_documents"]:
        raise SystemExit("FAILED: errors or lost documents")


def run_load(url: str, args: argparse.Namespace) -> dict[str, Any]:
    with httpx.Client(base_url=url, timeout=300) as c:
        before = c.get("/health").json()["counts"]
        docs_before = {d["id"] for d in c.get("/documents", params={"limit": 1000}).json()["items"]}
        themes = [t["label"] for t in c.get("/themes", params={"limit": 1000}).json()["items"]]
        theme = "Pay and conditions" if "Pay and conditions" in themes else themes[0]
        table = routes(theme)
        cold = {}
        for name, (path, params) in table.items():  # warm: build the caches once, outside the measurement
            t = time.perf_counter()
            assert c.get(path, params=params).status_code == 200, name
            cold[name] = round(time.perf_counter() - t, 3)

    latencies: dict[str, list[float]] = {name: [] for name in table}
    errors: dict[str, int] = {name: 0 for name in table}
    lock = threading.Lock()
    rng = random.Random(args.seed)
    plan = [rng.choice(list(table)) for _ in range(args.requests)]
    position = iter(range(args.requests))
    deadline = time.monotonic() + args.max_seconds
    upload: dict[str, Any] = {}
    upload_at = args.requests // 3
    sent = 0

    def do_upload() -> None:
        t = time.perf_counter()
        with httpx.Client(base_url=url, timeout=300) as client:
            r = client.post("/documents", files={"file": ("load-test.csv", upload_sheet(UPLOAD_ROWS), "text/csv")},
                            headers={"Authorization": f"Bearer {TOKEN}"})
        upload.update(status=r.status_code, seconds=round(time.perf_counter() - t, 3),
                      documents=r.json().get("documents") if r.status_code == 201 else r.text[:300])

    uploader = threading.Thread(target=do_upload)

    def worker() -> None:
        nonlocal sent
        with httpx.Client(base_url=url, timeout=120) as client:
            while time.monotonic() < deadline:
                with lock:
                    i = next(position, None)
                    if i is None:
                        return
                    sent += 1
                    if i == upload_at:
                        uploader.start()
                name = plan[i]
                path, params = table[name]
                t0 = time.perf_counter()
                try:
                    ok = client.get(path, params=params).status_code == 200
                except httpx.TransportError:
                    ok = False
                ms = (time.perf_counter() - t0) * 1000
                with lock:
                    latencies[name].append(ms)
                    errors[name] += not ok

    start = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(args.concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    if uploader.ident is not None:
        uploader.join()
    else:  # the time ran out before a third of the requests: upload now so the check still runs
        uploader.start()
        uploader.join()

    with httpx.Client(base_url=url, timeout=300) as c:
        after = c.get("/health").json()["counts"]
        docs_after = {d["id"] for d in c.get("/documents", params={"limit": 1000}).json()["items"]}
        new = sorted(docs_after - docs_before)
        uploaded_positions = c.get("/positions", params={"document": new[0], "limit": 1}).json()["total"] if new else 0

    total = sum(len(v) for v in latencies.values())
    per_route = {name: {"requests": len(v), "errors": errors[name], "p50_ms": round(percentile(v, 50), 2),
                        "p99_ms": round(percentile(v, 99), 2), "mean_ms": round(sum(v) / len(v), 2),
                        "max_ms": round(max(v), 2)} for name, v in latencies.items() if v}
    lost = len(docs_before - docs_after) + (0 if len(new) == 1 and uploaded_positions == UPLOAD_ROWS else 1)
    return {
        "python": platform.python_version(), "cpus": os.cpu_count(), "machine": platform.machine(),
        "load_average_before": [round(x, 2) for x in os.getloadavg()],
        "concurrency": args.concurrency, "seed": args.seed, "max_seconds": args.max_seconds,
        "requests": total, "errors": sum(errors.values()) + (upload.get("status") != 201),
        "wall_s": round(wall, 2), "throughput_rps": round(total / wall, 1),
        "routes": per_route, "cold_s": cold,
        "upload": {**upload, "rows": UPLOAD_ROWS, "after_request": upload_at},
        "documents_before": len(docs_before), "documents_after": len(docs_after),
        "uploaded_positions": uploaded_positions, "lost_documents": lost,
        "counts_before": before, "counts_after": after,
    }


if __name__ == "__main__":
    main()
