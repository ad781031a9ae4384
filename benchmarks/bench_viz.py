"""Time to build the tension view and the whole-graph page, and the size of the pages.

    python benchmarks/bench_viz.py [--stakeholders 2000] [--repeat 7] [--out benchmarks/results/viz.json]

Data: ``synthetic.disputes_bundle`` (every stakeholder holds a position; 40 groups; 24 disputes of one to
four claims between blocs of groups; every position quoted from its document), and the corpus documents in
``../shared/corpus`` when present (extracted once, not timed). For each, after one warm-up build:

* ``tensions_s``: ``find_tensions`` (the analysis, cached by the server per store generation);
* ``page_s``: ``tension_map_html`` from the analysis' result (the view's data, the cards, the page): what the
  target of issue 13 is about (under 0.5 s at 2,000 stakeholders; pyvis ``add_node`` one by one took 4.1 s
  for 2,000 nodes alone);
* ``graph_page_s``: ``graph_map_html`` (the whole-graph view, aggregated above 300 nodes);
* page sizes in bytes, raw and gzipped (the server sends gzip to browsers that accept it).

Times are medians of ``--repeat`` runs, with the minimum beside them.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthetic import disputes_bundle  # noqa: E402

from stancegraph.graph.analysis.tensions import find_tensions  # noqa: E402
from stancegraph.graph.export.tension_view import tension_map_html, tension_view  # noqa: E402
from stancegraph.graph.export.viz import graph_map_html  # noqa: E402

CORPUS = HERE.parent.parent / "shared" / "corpus"
TARGET_S = 0.5


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    """Median and minimum seconds of `repeat` calls after one warm-up; the last result."""
    out = fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), out


def measure(name: str, bundle: Any, repeat: int) -> dict[str, Any]:
    t_med, t_min, tensions = timed(lambda: find_tensions(bundle, seed=0), repeat)
    p_med, p_min, html = timed(lambda: tension_map_html(bundle, tensions), repeat)
    g_med, g_min, graph = timed(lambda: graph_map_html(bundle), repeat)
    view = tension_view(bundle, tensions)
    raw, graph_raw = html.encode("utf-8"), graph.encode("utf-8")
    row = {
        "data": name, "stakeholders_with_positions": len({p.stakeholder for p in bundle.positions.values()}),
        "positions": len(bundle.positions), "claims": len(bundle.claims), "clusters": len(tensions),
        "stakeholders_in_clusters": view["people"], "level": view["level"],
        "tensions_s": round(t_med, 4), "tensions_min_s": round(t_min, 4),
        "page_s": round(p_med, 4), "page_min_s": round(p_min, 4), "page_under_target": p_med < TARGET_S,
        "page_bytes": len(raw), "page_gzip_bytes": len(gzip.compress(raw, 6)),
        "graph_page_s": round(g_med, 4), "graph_page_min_s": round(g_min, 4),
        "graph_page_bytes": len(graph_raw), "graph_page_gzip_bytes": len(gzip.compress(graph_raw, 6)),
    }
    print(f"{name:28s} tensions {t_med:6.3f} s  page {p_med:6.3f} s ({len(raw) / 1e6:5.2f} MB, "
          f"{row['page_gzip_bytes'] / 1e6:4.2f} MB gzip)  graph page {g_med:6.3f} s", file=sys.stderr)
    return row


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stakeholders", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--out", type=Path, default=HERE / "results" / "viz.json")
    args = ap.parse_args()
    rows = [measure(f"synthetic {args.stakeholders} stakeholders", disputes_bundle(args.stakeholders, seed=0),
                    args.repeat)]
    if CORPUS.is_dir():
        from stancegraph.loaders import load_path
        from stancegraph.graph.model.records import Bundle

        corpus = Bundle()
        for path in sorted(CORPUS.iterdir()):
            if path.suffix in (".txt", ".rst") and "expected" not in path.name and not path.name.startswith("SOURCES"):
                corpus.update(load_path(path))
        rows.append(measure("corpus (3 documents)", corpus, args.repeat))
    result = {"target_page_s": TARGET_S, "repeat": args.repeat, "results": rows,
              "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0], "platform": platform.platform(),
                          "load_average": [round(x, 2) for x in os.getloadavg()]}}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0 if all(r["page_under_target"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
