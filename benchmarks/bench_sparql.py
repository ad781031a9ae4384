"""Benchmark of the SPARQL endpoint against pyoxigraph alone: a GROUP BY over 20,000 positions, JSON results.

    python benchmarks/bench_sparql.py [--runs 15] [--out benchmarks/results/sparql.json]

Both sides hold the same triples on disk: the stancegraph store (its named graphs and their union) served by
``stancegraph serve`` and asked over real HTTP (``/sparql``, ``Accept: application/sparql-results+json``), and a
plain ``pyoxigraph.Store`` in another folder holding the union's triples in its default graph, asked in this
process (the query, then the JSON serialisation of its results). The query groups the positions by holder and
stakeholder (one row per pair). Each query text differs by a comment so the endpoint's result cache never answers;
the runs alternate between the two sides, and the medians are compared. Target (issue 16): the server within
1.5x of pyoxigraph alone.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
import pyoxigraph as ox

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_api import start_server, stop_server  # noqa: E402
from synthetic import Scale, make_bundle  # noqa: E402

from stancegraph.graph.rdf.store import Store  # noqa: E402
from stancegraph.ontology import names as N  # noqa: E402

SCALE = Scale("positions-20k", stakeholders=1000, claims=4000, positions=20_000, documents=50, groups=20, themes=40)
QUERY = (f"SELECT ?s ?c (COUNT(?p) AS ?n) WHERE {{ ?p a <{N.SG}Position> ; <{N.SG}heldBy> ?s ; <{N.SG}onClaim> ?c ; "
         f"<{N.SG}stance> ?stance }} GROUP BY ?s ?c")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--out", type=Path, default=HERE / "results" / "sparql.json")
    args = ap.parse_args()
    out: dict[str, Any] = {"python": platform.python_version(), "cpus": os.cpu_count(), "machine": platform.machine(),
                           "pyoxigraph": ox.__version__, "query": QUERY}
    with tempfile.TemporaryDirectory(prefix="stancegraph-bench-sparql-") as tmp:
        store_dir, plain_dir = Path(tmp) / "store", Path(tmp) / "plain"
        bundle = make_bundle(SCALE, seed=0)
        out["positions"] = len(bundle.positions)
        with Store(store_dir) as st:
            st.bulk_load(bundle)
            union = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in st.graph_triples(None)]
        out["triples"] = len(union)
        plain = ox.Store(str(plain_dir))
        plain.bulk_extend(union)
        plain.flush()
        del union, bundle
        server, base = start_server(store_dir, Path(tmp) / "server.log",  # (the row limit raised past the rows)
                                    env={"STANCEGRAPH_QUERY_TIMEOUT": "300", "STANCEGRAPH_QUERY_ROW_LIMIT": "100000"})
        served: list[float] = []
        alone: list[float] = []
        rows = {}
        try:
            with httpx.Client(base_url=base, timeout=300) as client:
                for i in range(args.runs + 1):
                    text = f"# run {i}\n{QUERY}"
                    t0 = time.perf_counter()
                    r = client.post("/sparql", content=text.encode(), headers={
                        "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
                    r.raise_for_status()
                    body = r.content
                    t1 = time.perf_counter()
                    data = plain.query(text).serialize(format=ox.QueryResultsFormat.JSON)  # type: ignore[union-attr]
                    t2 = time.perf_counter()
                    if i:  # the first run of each warms caches (pages, the server's first request)
                        served.append(t1 - t0)
                        alone.append(t2 - t1)
                    rows = {"served": len(json.loads(body)["results"]["bindings"]),
                            "alone": len(json.loads(data)["results"]["bindings"])}
        finally:
            stop_server(server)
            del plain
    out["rows"] = rows
    out["served_median_s"] = round(statistics.median(served), 4)
    out["alone_median_s"] = round(statistics.median(alone), 4)
    out["ratio"] = round(out["served_median_s"] / out["alone_median_s"], 2)
    out["runs"] = args.runs
    out["target"] = "the server within 1.5x of pyoxigraph alone (query + JSON), medians"
    out["target_met"] = out["ratio"] <= 1.5 and rows["served"] == rows["alone"]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2) + "\n")
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
