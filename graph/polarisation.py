"""Polarisation: DNA's polarisation quality (Leifeld & Fisher), on the whole graph and per theme.

Definition (DNA's ``Polarization.qualityAbsdiff`` with normalised scores, two clusters, no time window):
take the congruence network ``cong`` and the conflict network ``conf`` with average normalisation
(:mod:`.network`) at the chosen level, and a split of the n nodes into two clusters of balanced size
(n // 2 and n - n // 2). With W the number of ordered within-cluster pairs, B = n(n-1) - W, and
||.|| the entrywise 1-norm:

* expected within-cluster congruence in cluster c: E_w(c) = (n_c(n_c-1) / W) (||cong|| / W)
* expected between-cluster conflict: E_b = (n_0 n_1 / B) (||conf|| / B)
* Q = sum over ordered pairs i != j of
  |cong_ij - E_w(c)| + |conf_ij| when i, j are in the same cluster c, and
  |cong_ij| + |conf_ij - E_b| when they are not,
* ``q`` = max over balanced splits of Q / (2 (||cong|| + ||conf||)), in [0, 1]: DNA's normalised score.

DNA's q also rewards a fragmented consensus (congruence inside camps and none between them), so a
theme nobody disputes can score high. Our ``score`` therefore weights it by the share of conflict:
score = q * ||conf|| / (||cong|| + ||conf||), 0 without any opposition and equal to q when every
tie is a conflict. Both numbers are returned. The split is found by a
spectral start (sign of the leading eigenvector of the subtract network) followed by greedy pairwise
swaps that each raise Q the most, plus `restarts` random balanced starts drawn with `seed`; the best
split is returned with its camps, so the number can be checked by hand.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import scipy.sparse as sp

from .errors import UsageError
from .matrix import StanceMatrix, matrix_of, narrower_closure, theme_table
from .model import Bundle
from .network import LEVELS, one_mode_matrix


def polarisation_quality(cong: np.ndarray, conf: np.ndarray, z: np.ndarray) -> float:
    """Normalised Q of a split `z` (0/1 per node); 0 for an empty network."""
    n = len(z)
    norm_c, norm_f = np.abs(cong).sum(), np.abs(conf).sum()
    if n < 2 or norm_c + norm_f == 0:
        return 0.0
    sizes = np.bincount(z, minlength=2).astype(float)
    w_pairs = float((sizes * (sizes - 1)).sum())
    b_pairs = n * (n - 1) - w_pairs
    e_w = sizes * (sizes - 1) / w_pairs * (norm_c / w_pairs) if w_pairs else np.zeros(2)
    e_b = sizes[0] * sizes[1] / b_pairs * (norm_f / b_pairs) if b_pairs else 0.0
    same = z[:, None] == z[None, :]
    off = ~np.eye(n, dtype=bool)
    within = np.abs(cong - e_w[z][:, None]) + np.abs(conf)
    between = np.abs(cong) + np.abs(conf - e_b)
    q = np.where(same, within, between)[off].sum()
    return float(q / (2.0 * (norm_c + norm_f)))


def _best_split(cong: np.ndarray, conf: np.ndarray, *, seed: int, restarts: int, max_swaps: int) -> np.ndarray:
    n = len(cong)
    sizes = np.array([n // 2, n - n // 2], dtype=float)
    norm_c, norm_f = np.abs(cong).sum(), np.abs(conf).sum()
    w_pairs = float((sizes * (sizes - 1)).sum())
    b_pairs = n * (n - 1) - w_pairs
    e_w = sizes * (sizes - 1) / w_pairs * (norm_c / w_pairs) if w_pairs else np.zeros(2)
    e_b = sizes[0] * sizes[1] / b_pairs * (norm_f / b_pairs) if b_pairs else 0.0
    between = np.abs(cong) + np.abs(conf - e_b)
    # m_c: what a pair gains by being inside cluster c rather than split; swaps keep sizes, so these stay fixed
    mats = [np.abs(cong - e_w[c]) + np.abs(conf) - between for c in (0, 1)]
    for mat in mats:
        np.fill_diagonal(mat, 0.0)

    def objective(z: np.ndarray) -> float:
        return sum(mats[c][np.ix_(z == c, z == c)].sum() for c in (0, 1))

    def improve(z: np.ndarray) -> np.ndarray:
        z = z.copy()
        t = [mats[c][:, z == c].sum(axis=1) for c in (0, 1)]
        for _ in range(max_swaps):
            a, b = np.flatnonzero(z == 0), np.flatnonzero(z == 1)
            gain = ((t[1][a] - t[0][a])[:, None] + (t[0][b] - t[1][b])[None, :]
                    - mats[1][np.ix_(a, b)] - mats[0][np.ix_(a, b)])
            k = int(np.argmax(gain))
            if gain.flat[k] <= 1e-12:
                break
            i, j = int(a[k // len(b)]), int(b[k % len(b)])
            t[0] += mats[0][:, j] - mats[0][:, i]
            t[1] += mats[1][:, i] - mats[1][:, j]
            z[i], z[j] = 1, 0
        return z

    starts = []
    sub = cong - conf
    if np.abs(sub).sum() > 0:
        vals, vecs = np.linalg.eigh(sub)
        order = np.argsort(-vecs[:, -1], kind="stable")
        z0 = np.zeros(n, dtype=np.int64)
        z0[order[n // 2:]] = 1
        starts.append(z0)
    rng = np.random.default_rng(seed)
    base = np.array([0] * (n // 2) + [1] * (n - n // 2), dtype=np.int64)
    for _ in range(max(restarts, 0) + (0 if starts else 1)):
        starts.append(rng.permutation(base))
    best, best_val = None, -np.inf
    for z in starts:
        z = improve(z)
        val = objective(z)
        if val > best_val + 1e-12:
            best, best_val = z, val
    assert best is not None
    return best


def _polarise(a: sp.csr_matrix, d: sp.csr_matrix, n: sp.csr_matrix, ids: list[str], m: StanceMatrix, *,
              seed: int, restarts: int, max_swaps: int) -> dict[str, Any]:
    statements = np.asarray((a + d + n).sum(axis=1)).ravel()
    keep = np.flatnonzero(statements > 0)
    if len(keep) < 2:
        return {"score": 0.0, "q": 0.0, "nodes": int(len(keep)), "camps": [[m.label(ids[i]) for i in keep], []]}
    a, d, n = a[keep], d[keep], n[keep]
    cong = one_mode_matrix(a, d, n, mode="congruence", normalize="average").toarray()
    conf = one_mode_matrix(a, d, n, mode="conflict", normalize="average").toarray()
    if np.abs(cong).sum() + np.abs(conf).sum() == 0:
        return {"score": 0.0, "q": 0.0, "nodes": int(len(keep)), "camps": [sorted(m.label(ids[i]) for i in keep), []]}
    z = _best_split(cong, conf, seed=seed, restarts=restarts, max_swaps=max_swaps)
    camps = [sorted(m.label(ids[keep[i]]) for i in np.flatnonzero(z == c)) for c in (0, 1)]
    camps.sort(key=lambda c: (-len(c), c))
    q = polarisation_quality(cong, conf, z)
    norm_c, norm_f = float(np.abs(cong).sum()), float(np.abs(conf).sum())
    return {"score": round(q * norm_f / (norm_c + norm_f), 12), "q": round(q, 12), "nodes": int(len(keep)),
            "camps": camps, "congruence": round(norm_c / 2, 12), "conflict": round(norm_f / 2, 12)}


def compute_polarisation(bundle: "Bundle | StanceMatrix", *, level: str = "group", seed: int = 0, restarts: int = 3,
                         max_swaps: int = 10_000, by_theme: bool = True, **filters: Any) -> dict[str, Any]:
    """Polarisation of the whole graph and of each theme (claims on it or narrower themes)."""
    if level not in LEVELS:
        raise UsageError(f"unknown level {level!r} (expected {' or '.join(LEVELS)})")
    m = matrix_of(bundle, filters)
    if level == "stakeholder":
        ids, a, d, n = list(m.stakeholders), m.support, m.oppose, m.neutral
    else:
        ids, a, d, n = list(m.groups), m.grouped(m.support), m.grouped(m.oppose), m.grouped(m.neutral)
    opts = dict(seed=seed, restarts=restarts, max_swaps=max_swaps)
    out: dict[str, Any] = {"level": level, "definition": "q: DNA polarisation Q (normalised, 2 balanced camps); score: q x conflict share",
                           **_polarise(a, d, n, ids, m, **opts)}
    if by_theme:
        rows = []
        table = theme_table(m.bundle)
        used = sorted({t for c in m.claims for t in m.theme_ids(c)})
        ancestors = _with_broader(used, table)
        for tid in sorted(ancestors, key=lambda t: (table[t].label if t in table else t, t)):
            wanted = narrower_closure(m.bundle, tid)
            cols = [j for j, c in enumerate(m.claims) if wanted.intersection(m.theme_ids(c))]
            if not cols:
                continue
            res = _polarise(a[:, cols].tocsr(), d[:, cols].tocsr(), n[:, cols].tocsr(), ids, m, **opts)
            if res["nodes"] < 2:
                continue
            rows.append({"theme": tid, "label": table[tid].label if tid in table else tid, "claims": len(cols), **res})
        rows.sort(key=lambda r: (-r["score"], r["label"]))
        out["by_theme"] = rows
    return out


def _with_broader(theme_ids: list[str], table: dict) -> set[str]:
    out, todo = set(theme_ids), list(theme_ids)
    while todo:
        t = table.get(todo.pop())
        for b in (t.broader if t is not None else ()):
            if b not in out:
                out.add(b)
                todo.append(b)
    return out
