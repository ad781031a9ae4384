"""Push rate to a real Neo4j server (positions per second), first push into an empty database and a second
(idempotent) push of the same records.

    scripts/neo4j-local start        # or any Neo4j 5; NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD set
    python benchmarks/bench_neo4j.py --scale medium [--batch-size 10000] [--uri bolt://...]

Writes benchmarks/results/neo4j.json (or --output): wall seconds and positions/s of each push, the
CPU seconds the server and this client spent (server CPU read from /proc when the server runs on
this machine, so the cost per position can be compared across loaded and idle machines), node and
relationship counts, the machine's load average before and after, and the versions involved.
The database is wiped first: do not point this at a database you care about.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import SCALES, make_bundle  # noqa: E402

from stancegraph.graph.neo4j.client import Neo4jGraph  # noqa: E402

TARGET = 20_000  # positions/s on loopback (issue 6)


def server_pid(uri: str) -> int | None:
    """The pid of a scripts/neo4j-local server on this machine, if that is what `uri` points at."""
    pid_file = HERE.parent / ".cache" / "neo4j" / "server" / "run" / "neo4j.pid"
    if "127.0.0.1" not in uri and "localhost" not in uri:
        return None
    try:
        pid = int(pid_file.read_text().strip())
        os.kill(pid, 0)
        return pid
    except (OSError, ValueError):
        return None


def server_memory() -> dict[str, str]:
    """Heap and page cache of the scripts/neo4j-local server (from its config), for the results file."""
    conf = HERE.parent / ".cache" / "neo4j" / "server" / "conf" / "neo4j.conf"
    out: dict[str, str] = {}
    if conf.exists():
        for line in conf.read_text().splitlines():
            if line.startswith("server.memory."):
                key, _, value = line.partition("=")
                out[key.removeprefix("server.memory.")] = value
    return out


def cpu_seconds(pid: int | None) -> float | None:
    if pid is None:
        return None
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed_push(graph: Neo4jGraph, bundle: Any, batch_size: int, pid: int | None) -> dict[str, Any]:
    s0, c0, t0 = cpu_seconds(pid), time.process_time(), time.perf_counter()
    report = graph.push(bundle, batch_size=batch_size)
    wall = time.perf_counter() - t0
    s1 = cpu_seconds(pid)
    n = len(bundle.positions)
    out = {"wall_s": round(wall, 2), "positions_per_s": round(n / wall), "client_cpu_s": round(time.process_time() - c0, 2),
           "created": report.created, "deleted": report.deleted, "nodes": report.nodes,
           "relationships": report.relationships}
    if s0 is not None and s1 is not None:
        out["server_cpu_s"] = round(s1 - s0, 2)
        out["positions_per_server_cpu_s"] = round(n / max(s1 - s0, 1e-9))
    return out


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", choices=sorted(SCALES), default="medium")
    ap.add_argument("--batch-size", type=int, default=10_000)
    ap.add_argument("--writers", type=int, default=2, help="concurrent write sessions [default: 2]")
    ap.add_argument("--uri", default=None, help="bolt URI [default: $NEO4J_URI]")
    ap.add_argument("--output", type=Path, default=HERE / "results" / "neo4j.json")
    args = ap.parse_args(argv)

    import neo4j

    t = time.perf_counter()
    bundle = make_bundle(args.scale)
    generate_s = time.perf_counter() - t
    load_before = os.getloadavg()
    with Neo4jGraph(args.uri, writers=args.writers) as graph:
        uri = graph.conn.uri
        pid = server_pid(uri)
        graph.wipe(everything=True)
        first = timed_push(graph, bundle, args.batch_size, pid)
        second = timed_push(graph, bundle, args.batch_size, pid)
        version = graph.run("CALL dbms.components() YIELD versions, edition RETURN versions[0] AS v, edition AS e")[0]
    import importlib.util

    rust = importlib.util.find_spec("neo4j._rust") is not None
    result = {
        "scale": SCALES[args.scale].__dict__,
        "positions": len(bundle.positions),
        "passages": len({e.id for p in bundle.positions.values() for e in p.evidence}),
        "generate_s": round(generate_s, 2),
        "batch_size": args.batch_size,
        "writers": args.writers,
        "first_push": first,
        "second_push": second,
        "idempotent": (first["nodes"], first["relationships"]) == (second["nodes"], second["relationships"]),
        "target_positions_per_s": TARGET,
        "meets_target": first["positions_per_s"] >= TARGET,
        "machine": {"cpus": os.cpu_count(), "load_before": [round(x, 2) for x in load_before],
                    "load_after": [round(x, 2) for x in os.getloadavg()], "platform": platform.platform()},
        "neo4j": f"{version['v']} {version['e']}", "server_memory": server_memory() if pid else None, "driver": neo4j.__version__, "driver_rust_ext": rust,
        "python": sys.version.split()[0],
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
