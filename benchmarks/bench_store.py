"""Load and query benchmark of the embedded store (pyoxigraph) against rdflib's in-memory graph.

    python benchmarks/bench_store.py --scale small|medium|large [--repeat 5] [--rdflib-limit 600000]

Writes benchmarks/results/store-<scale>.json: load time, quads, on-disk size, peak memory (RSS),
and per query the median over --repeat runs for pyoxigraph and, on the same data, rdflib
(rdflib is skipped above --rdflib-limit triples, where it takes minutes per query; the ratio is
then measured on a slice of the same generator, recorded as such).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import SCALES, Scale, make_bundle  # noqa: E402

from stancegraph.graph.rdf.mapping import bundle_triples, to_rdflib  # noqa: E402
from stancegraph.graph.rdf.store import Store  # noqa: E402
from stancegraph.ontology import names as N  # noqa: E402

PREFIX = "".join(f"PREFIX {k}: <{v}>\n" for k, v in N.PREFIXES.items())
QUERIES = {
    "positions_by_stance": "SELECT ?stance (COUNT(?p) AS ?n) WHERE { ?p a sg:Position ; sg:stance ?stance } GROUP BY ?stance",
    "top_supported_claims": ("SELECT ?c (COUNT(?p) AS ?n) WHERE { ?p sg:onClaim ?c ; sg:stance sg:Support } "
                             "GROUP BY ?c ORDER BY DESC(?n) LIMIT 10"),
    # one pass grouped by claim: the FILTER EXISTS form ran for over 50 minutes at medium scale
    "contested_claims": ("SELECT (COUNT(*) AS ?n) WHERE { { SELECT ?c WHERE { ?p sg:onClaim ?c ; sg:stance ?s } "
                         "GROUP BY ?c HAVING (SUM(IF(?s = sg:Support, 1, 0)) > 0 && SUM(IF(?s = sg:Oppose, 1, 0)) > 0) } }"),
    "one_stakeholder_evidence": ("SELECT ?text ?quote WHERE { ?p sg:heldBy ?s ; sg:onClaim/schema:text ?text ; "
                                 "sg:evidence/oa:exact ?quote . ?s rdfs:label \"Stakeholder 7\" } LIMIT 100"),
    "group_theme_support": ("SELECT ?g ?t (COUNT(?p) AS ?n) WHERE { ?p sg:heldBy/sg:memberOf ?g ; sg:stance sg:Support ; "
                            "sg:onClaim/dcterms:subject ?t } GROUP BY ?g ?t ORDER BY DESC(?n) LIMIT 20"),
}


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def time_query(run, repeat: int) -> dict[str, float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        run()
        times.append(time.perf_counter() - t)
    return {"median_s": statistics.median(times), "min_s": min(times), "runs": repeat}


def bench(scale: Scale, repeat: int, rdflib_limit: int) -> dict:
    out: dict = {"scale": scale.__dict__, "python": sys.version.split()[0]}
    t = time.perf_counter()
    bundle = make_bundle(scale)
    out["generate_s"] = time.perf_counter() - t
    log(f"generated {len(bundle.positions)} positions in {out['generate_s']:.1f} s")
    out["positions"] = len(bundle.positions)
    tmp = Path(tempfile.mkdtemp(prefix="sg-bench-"))
    try:
        with Store(tmp / "store") as st:
            t = time.perf_counter()
            quads = st.bulk_load(bundle)
            st._ox.flush()
            out["oxigraph_load_s"] = time.perf_counter() - t
            out["quads"] = quads
            out["positions_per_s"] = len(bundle.positions) / out["oxigraph_load_s"]
            log(f"oxigraph bulk load: {quads} quads in {out['oxigraph_load_s']:.1f} s")
            out["store_mb"] = sum(f.stat().st_size for f in (tmp / "store").rglob("*") if f.is_file()) / 2**20
            out["queries"] = {}
            for name, q in QUERIES.items():
                out["queries"][name] = {"oxigraph": time_query(lambda: st.query(PREFIX + q), repeat)}
                log(f"oxigraph {name}: {out['queries'][name]['oxigraph']['median_s']:.3f} s")
        triples = quads // 2
        rd_bundle = bundle
        if triples > rdflib_limit:
            frac = rdflib_limit / triples
            slice_scale = Scale(f"{scale.name}-slice", max(20, int(scale.stakeholders * frac)), max(50, int(scale.claims * frac)),
                                int(scale.positions * frac), max(2, int(scale.documents * frac)), scale.groups, scale.themes)
            rd_bundle = make_bundle(slice_scale)
            out["rdflib_note"] = f"rdflib measured on a {slice_scale.positions}-position slice; oxigraph re-timed on the same slice"
            with Store(tmp / "slice") as st2:
                st2.bulk_load(rd_bundle)
                for name, q in QUERIES.items():
                    out["queries"][name]["oxigraph_slice"] = time_query(lambda: st2.query(PREFIX + q), repeat)
        t = time.perf_counter()
        g = to_rdflib(bundle_triples(rd_bundle))
        out["rdflib_load_s"] = time.perf_counter() - t
        log(f"rdflib load: {out['rdflib_load_s']:.1f} s")
        for name, q in QUERIES.items():
            r = time_query(lambda: list(g.query(PREFIX + q)), max(1, min(repeat, 3)))
            entry = out["queries"][name]
            entry["rdflib"] = r
            log(f"rdflib {name}: {r['median_s']:.3f} s")
            base = entry.get("oxigraph_slice", entry["oxigraph"])["median_s"]
            entry["rdflib_over_oxigraph"] = r["median_s"] / base if base else None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    out["peak_rss_mb"] = peak_rss_mb()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", choices=sorted(SCALES), default="small")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--rdflib-limit", type=int, default=600_000, help="most triples to load into rdflib")
    args = ap.parse_args()
    result = bench(SCALES[args.scale], args.repeat, args.rdflib_limit)
    path = HERE / "results" / f"store-{args.scale}.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps({k: v for k, v in result.items() if k != "queries"}, indent=2))
    for name, q in result["queries"].items():
        ratio = q.get("rdflib_over_oxigraph")
        print(f"{name:28s} oxigraph {q['oxigraph']['median_s'] * 1000:9.1f} ms   rdflib/oxigraph {ratio and round(ratio, 1)}")
    print(f"written to {path}")


if __name__ == "__main__":
    main()
