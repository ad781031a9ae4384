"""Benchmark of the analysis layer at medium scale (not a timed test).

Synthetic graph: 2,000 stakeholders in 20 groups, 20,000 claims whose popularity follows a Zipf law,
about 500,000 positions (each stakeholder takes ~250 distinct claims drawn by popularity; stances lean
by group and claim; 1-3 passages per position). Built directly as arrays (matrix_from_arrays), plus a
Bundle of the same positions to time build_matrix.

For every analysis: best of `--repeat` wall times, and the ratio to the bare sparse product S S^T on
the same signed matrix (the cheapest thing a stakeholder network could cost). The naive networkx
bipartite projection (weighted_projected_graph) is timed on a slice of stakeholders and compared with
the sparse product on the same slice.

    python benchmarks/bench_analysis.py            # writes benchmarks/results/analysis.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any, Callable

import networkx as nx
import numpy as np
import scipy
import scipy.sparse as sp

from stancegraph.graph.analysis import convergence as A
from stancegraph.graph.analysis.matrix import build_matrix, matrix_from_arrays
from stancegraph.graph.model.records import Bundle, Claim, Passage, Position, Stakeholder, Stance, Theme
from stancegraph.graph.analysis.network import ONE_MODE_MODES, ONE_MODE_NORMALIZATIONS

RESULTS = Path(__file__).resolve().parent / "results" / "analysis.json"


def synthetic(*, stakeholders: int = 2000, groups: int = 20, claims: int = 20000, per_stakeholder: int = 250,
              zipf: float = 1.0, themes: int = 40, seed: int = 0) -> dict[str, Any]:
    rng = np.random.default_rng(seed)
    pop = 1.0 / np.arange(1, claims + 1) ** zipf
    pop /= pop.sum()
    group_of = rng.integers(0, groups, size=stakeholders)
    lean = rng.beta(2.0, 1.2, size=(groups, claims))  # P(support | not neutral) per group and claim
    rows, cols = [], []
    for i in range(stakeholders):
        k = int(rng.integers(per_stakeholder // 2, per_stakeholder * 3 // 2))
        chosen = rng.choice(claims, size=k, replace=False, p=pop)
        rows.append(np.full(k, i))
        cols.append(chosen)
    row, col = np.concatenate(rows), np.concatenate(cols)
    u = rng.random(len(row))
    neutral = u < 0.05
    support = ~neutral & (rng.random(len(row)) < lean[group_of[row], col])
    values = np.where(neutral, 0, np.where(support, 1, -1)).astype(np.int8)
    statements = rng.integers(1, 4, size=len(row)).astype(np.float64)
    strength = rng.choice([0.6, 0.7, 0.8, 0.9], size=len(row))
    return {"row": row, "col": col, "values": values, "statements": statements, "strength": strength,
            "group_of": group_of, "groups": groups, "claims": claims, "stakeholders": stakeholders,
            "claim_theme": rng.integers(0, themes, size=claims), "themes": themes}


def records(data: dict[str, Any]) -> tuple[Bundle, list[str], list[str], list[str]]:
    """A Bundle with the stakeholders, groups, themes and claims (positions are added by `full_bundle`)."""
    b = Bundle()
    th = [Theme(id=f"th-{t}", label=f"theme {t}") for t in range(data["themes"])]
    gr = [Stakeholder(id=f"sh-g{g}", label=f"group {g:02d}", kind="group") for g in range(data["groups"])]
    sh = [Stakeholder(id=f"sh-{i}", label=f"stakeholder {i:04d}", kind="organisation",
                      member_of=(gr[data["group_of"][i]].id,)) for i in range(data["stakeholders"])]
    cl = [Claim(id=f"cl-{j:05d}", text=f"claim {j}", themes=(th[data["claim_theme"][j]].id,))
          for j in range(data["claims"])]
    b.themes.update((t.id, t) for t in th)
    b.stakeholders.update((s.id, s) for s in gr + sh)
    b.claims.update((c.id, c) for c in cl)
    return b, [s.id for s in sh], [c.id for c in cl], [g.id for g in gr]


def matrix(data: dict[str, Any]):
    b, sh, cl, gr = records(data)
    members = [np.flatnonzero(data["group_of"] == g).tolist() for g in range(data["groups"])]
    return matrix_from_arrays(b, stakeholders=sh, claims=cl, groups=gr, members=members,
                              pos_ids=[f"pos-{k}" for k in range(len(data["row"]))], rows=data["row"],
                              cols=data["col"], values=data["values"], statements=data["statements"],
                              strength=data["strength"])


def full_bundle(data: dict[str, Any]) -> Bundle:
    b, sh, cl, _ = records(data)
    stance = {1: Stance.SUPPORT, -1: Stance.OPPOSE, 0: Stance.NEUTRAL}
    for k, (i, j, v, n, s) in enumerate(zip(data["row"].tolist(), data["col"].tolist(), data["values"].tolist(),
                                            data["statements"].tolist(), data["strength"].tolist())):
        ev = tuple(Passage(document="doc-bench", quote="q", start=10 * k + t, end=10 * k + t + 1) for t in range(int(n)))
        b.positions[f"pos-{k}"] = Position(id=f"pos-{k}", stakeholder=sh[i], claim=cl[j], stance=stance[v],
                                           document="doc-bench", strength=s, evidence=ev)
    return b


def best_of(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    best, out = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def fresh(m):  # noqa: ANN001, ANN201
    """The same matrix without its cached views, so each timing pays for them."""
    return matrix_from_arrays(m.bundle, stakeholders=list(m.stakeholders), claims=list(m.claims), groups=list(m.groups),
                              members=[m.membership[g].indices.tolist() for g in range(len(m.groups))],
                              pos_ids=list(m.pos_ids), rows=m.pos_row, cols=m.pos_col, values=m.pos_value,
                              statements=m.pos_statements, strength=m.pos_strength)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--slice", type=int, default=300, help="stakeholders in the networkx comparison")
    ap.add_argument("--no-bundle", action="store_true", help="skip timing build_matrix on a full Bundle")
    ap.add_argument("-o", "--output", type=Path, default=RESULTS)
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    data = synthetic()
    m = matrix(data)
    setup = time.perf_counter() - t0
    s = m.signed
    bare, _ = best_of(lambda: (s @ s.T).tocsr(), args.repeat)
    res: dict[str, Any] = {
        "scale": {"stakeholders": len(m.stakeholders), "groups": len(m.groups), "claims": len(m.claims),
                  "positions": len(m.pos_ids), "statements": int(m.pos_statements.sum()), "zipf": 1.0,
                  "claims_with_positions": int((np.diff(m.total.tocsc().indptr) > 0).sum())},
        "machine": {"load_average_at_start": [round(x, 2) for x in os.getloadavg()], "cpus": os.cpu_count(),
                    "python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__,
                    "networkx": nx.__version__, "platform": platform.platform()},
        "setup_seconds": round(setup, 3), "bare_product_seconds": round(bare, 4), "analyses": {},
    }
    print(f"scale {res['scale']}\nbare S S^T: {bare:.3f} s", file=sys.stderr)

    jobs: dict[str, Callable[[], Any]] = {}
    for mode in ONE_MODE_MODES:
        for norm in ONE_MODE_NORMALIZATIONS:
            jobs[f"network {mode}/{norm} stakeholder"] = (
                lambda mode=mode, norm=norm: A.compute_network(fresh(m), mode=mode, level="stakeholder", normalize=norm))
    jobs["network subtract/average group"] = lambda: A.compute_network(fresh(m), mode="subtract", level="group",
                                                                      normalize="average")
    jobs["convergence"] = lambda: A.find_convergence(fresh(m))
    jobs["conflicts"] = lambda: A.find_conflicts(fresh(m))
    jobs["conflicts group pair"] = lambda: A.find_conflicts(fresh(m), group_a="group 00", group_b="group 01")
    jobs["consensus"] = lambda: A.compute_consensus(fresh(m))
    jobs["tensions"] = lambda: A.find_tensions(fresh(m), seed=0)
    jobs["polarisation group (whole + 40 themes)"] = lambda: A.compute_polarisation(fresh(m), level="group")
    jobs["polarisation stakeholder (whole graph)"] = lambda: A.compute_polarisation(fresh(m), level="stakeholder",
                                                                                    by_theme=False, restarts=0)
    for name, fn in jobs.items():
        sec, out = best_of(fn, args.repeat)
        size = len(out) if isinstance(out, list) else (len(out.ids) if hasattr(out, "ids") else None)
        res["analyses"][name] = {"seconds": round(sec, 4), "ratio_to_bare_product": round(sec / bare, 2),
                                 "under_2s": sec < 2.0, "results": size}
        print(f"{name:45s} {sec:7.3f} s  x{sec / bare:5.2f}", file=sys.stderr)

    # naive networkx bipartite projection on a slice, against the sparse product on the same slice
    k = args.slice
    sl = m.signed[:k]
    g = nx.Graph()
    g.add_nodes_from(range(k), bipartite=0)
    coo = sl.tocoo()
    g.add_nodes_from((f"c{j}" for j in np.unique(coo.col).tolist()), bipartite=1)
    g.add_edges_from((int(i), f"c{j}") for i, j in zip(coo.row, coo.col))
    naive, proj = best_of(lambda: nx.bipartite.weighted_projected_graph(g, range(k)), 1)
    ours, _ = best_of(lambda: A.compute_network(fresh(m), mode="ignore", level="stakeholder", normalize="no"), 1)
    sparse_slice, _ = best_of(lambda: (sl @ sl.T).tocsr(), args.repeat)
    res["networkx_projection"] = {
        "slice_stakeholders": k, "naive_networkx_seconds": round(naive, 4),
        "sparse_product_same_slice_seconds": round(sparse_slice, 5),
        "ratio_naive_to_sparse_same_slice": round(naive / sparse_slice, 1),
        "naive_edges": proj.number_of_edges(),
        "naive_extrapolated_full_seconds": round(naive * (len(m.stakeholders) / k) ** 2, 1),
        "ratio_naive_extrapolated_to_our_full_network": round(naive * (len(m.stakeholders) / k) ** 2 / ours, 1),
        "note": "networkx projects unweighted co-occurrence only; ours also splits stances and normalises",
    }
    print(f"networkx projection of {k} stakeholders: {naive:.3f} s vs sparse {sparse_slice:.4f} s", file=sys.stderr)

    if not args.no_bundle:
        t = time.perf_counter()
        bundle = full_bundle(data)
        made = time.perf_counter() - t
        sec, mb = best_of(lambda: build_matrix(bundle), 1)
        same = (mb.signed != m.signed).nnz == 0 if mb.shape == m.shape else False
        res["build_matrix_from_bundle"] = {"seconds": round(sec, 3), "bundle_construction_seconds": round(made, 3),
                                           "equals_array_matrix": bool(same)}
        print(f"build_matrix from a {len(bundle.positions)}-position Bundle: {sec:.3f} s (same matrix: {same})",
              file=sys.stderr)
    res["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    return res


if __name__ == "__main__":
    main()
