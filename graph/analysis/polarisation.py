"""Polarisation of the whole graph and per theme, anchored on DNA's polarisation (Leifeld & Fisher).

Both numbers start from DNA's inputs: the congruence network ``cong`` and the conflict network ``conf``
with average normalisation (:mod:`.network`) at the chosen level, and a split into two camps.

``q``: DNA's own score (``Polarization.qualityAbsdiff``, normalised, two clusters of balanced size
n // 2 and n - n // 2, no time window), maximised over balanced splits as DNA does. With W the number
of ordered within-camp pairs, B = n(n-1) - W and ||.|| the entrywise 1-norm: E_w(c) = (n_c(n_c-1)/W)
(||cong||/W), E_b = (n_0 n_1/B)(||conf||/B), Q = sum over ordered pairs i != j of |cong_ij - E_w(c)| +
|conf_ij| inside camp c and |cong_ij| + |conf_ij - E_b| across camps, q = Q / (2(||cong|| + ||conf||)).
Reported for comparison with DNA. It counts deviations from expectation in *either* direction, so a
fragmented consensus (no conflict at all) or even a split that cuts through both camps can score high
(4 nodes, camps {A,B} and {C,D} agreeing inside and clashing across: the true split gives q = 0.25, the
split {A,C}/{B,D} gives 0.58). That makes it a poor headline number, hence:

``score`` (ours): the share of all tie weight that is organised into two opposing camps. Let V be the
nodes with at least one conflict tie and x_i = +1 or -1 their camp. Over unordered pairs i, j in V:

    score = max over x of  sum (cong_ij - conf_ij) x_i x_j  /  (sum of all cong + sum of all conf)

i.e. agreement inside camps and conflict across them count for polarisation, agreement across camps
and conflict inside them against it, and all agreement elsewhere dilutes it. 0 when nobody opposes
anyone, 1 when every tie is either agreement inside or conflict across two camps; clipped at 0. The
camps are found by a spectral start (leading eigenvector of the subtract network) and greedy single
moves, plus `restarts` random starts drawn with `seed`, and returned, so the number can be checked by hand.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import scipy.sparse as sp

from ..model.errors import UsageError
from .matrix import StanceMatrix, matrix_of, narrower_closure, theme_table
from ..model.records import Bundle
from .network import LEVELS, congruence_and_conflict

CANDIDATES = 48


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


def _top(values: np.ndarray, k: int) -> np.ndarray:
    """Positions of the k largest values, largest first, ties in position order: ``argsort(-values, kind="stable")[:k]``
    without sorting everything (one partition, then a sort of the k chosen)."""
    if len(values) <= k:
        return np.argsort(-values, kind="stable")
    kth = np.partition(values, len(values) - k)[len(values) - k]  # the k-th largest value
    above = np.flatnonzero(values > kth)
    chosen = np.concatenate([above, np.flatnonzero(values == kth)[:k - len(above)]])
    return chosen[np.argsort(-values[chosen], kind="stable")]


def _best_split(cong: np.ndarray, conf: np.ndarray, *, seed: int, restarts: int, max_swaps: int,
                leading: np.ndarray | None = None) -> np.ndarray:
    """DNA's best balanced split; `leading`: the leading eigenvector of cong - conf when already computed
    (None: computed here, unless cong - conf is all zero)."""
    n = len(cong)
    sizes = np.array([n // 2, n - n // 2], dtype=float)
    norm_c, norm_f = np.abs(cong).sum(), np.abs(conf).sum()
    w_pairs = float((sizes * (sizes - 1)).sum())
    b_pairs = n * (n - 1) - w_pairs
    e_w = sizes * (sizes - 1) / w_pairs * (norm_c / w_pairs) if w_pairs else np.zeros(2)
    e_b = sizes[0] * sizes[1] / b_pairs * (norm_f / b_pairs) if b_pairs else 0.0
    abs_conf = np.abs(conf)
    between = conf - e_b
    np.abs(between, out=between)
    between += np.abs(cong)
    # m_c: what a pair gains by being inside cluster c rather than split; swaps keep sizes, so these stay fixed
    # (|cong - e_w[c]| + |conf|) - between, computed in place on n x n arrays
    mats = []
    for c in (0, 1):
        mat = cong - e_w[c]
        np.abs(mat, out=mat)
        mat += abs_conf
        mat -= between
        np.fill_diagonal(mat, 0.0)
        mats.append(mat)
    del abs_conf

    def objective(z: np.ndarray) -> float:
        return sum(mats[c][np.ix_(z == c, z == c)].sum() for c in (0, 1))

    def improve(z: np.ndarray) -> np.ndarray:
        # best-improvement pairwise swaps. The gain of swapping i (cluster 0) with j (cluster 1) is
        # g_i + h_j - m0_ij - m1_ij; the best swap is searched among the top candidates by g and h
        # first (O(k^2)), and the full O(n^2) gain matrix is only computed to confirm a local optimum.
        z = z.copy()
        t = [mats[c][:, z == c].sum(axis=1) for c in (0, 1)]
        for _ in range(max_swaps):
            a, b = np.flatnonzero(z == 0), np.flatnonzero(z == 1)
            diff = t[1] - t[0]  # g_i = diff_i for i in cluster 0, h_j = -diff_j for j in cluster 1 (exactly)
            g, h = diff[a], -diff[b]
            best = None
            for full in (False, True):
                if full:
                    ca, cb = a, b
                else:
                    ca = a[_top(g, CANDIDATES)]
                    cb = b[_top(h, CANDIDATES)]
                at = np.ix_(ca, cb)
                gain = diff[ca][:, None] - diff[cb][None, :] - mats[1][at] - mats[0][at]
                k = int(np.argmax(gain))
                if gain.flat[k] > 1e-12:
                    best = (int(ca[k // len(cb)]), int(cb[k % len(cb)]))
                    break
                if len(ca) == len(a) and len(cb) == len(b):
                    break
            if best is None:
                break
            i, j = best
            t[0] += mats[0][j] - mats[0][i]  # rows = columns (symmetric), and contiguous
            t[1] += mats[1][i] - mats[1][j]
            z[i], z[j] = 1, 0
        return z

    starts = []
    if leading is None:
        sub = cong - conf
        leading = _leading_vector(sub) if sub.any() else None
    if leading is not None:
        order = np.argsort(-leading, kind="stable")
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
        return {"score": 0.0, "q": 0.0, "nodes": int(len(keep)), "camps": [[], []]}
    a, d, n = a[keep], d[keep], n[keep]
    cong, conf = congruence_and_conflict(a, d, n, normalize="average")
    norm_c, norm_f = float(np.abs(cong).sum()), float(np.abs(conf).sum())
    if norm_c + norm_f == 0:
        return {"score": 0.0, "q": 0.0, "nodes": int(len(keep)), "camps": [[], []]}
    sub = cong - conf  # both searches start from its leading eigenvector: compute it once
    leading = _leading_vector(sub) if sub.any() else None
    del sub
    z = _best_split(cong, conf, seed=seed, restarts=restarts, max_swaps=max_swaps, leading=leading)
    q = polarisation_quality(cong, conf, z)
    score, camp_idx = _two_camps(cong, conf, seed=seed, restarts=restarts, leading=leading)
    camps = [sorted(m.label(ids[keep[i]]) for i in c) for c in camp_idx]
    camps.sort(key=lambda c: (-len(c), c))
    return {"score": round(score, 12), "q": round(q, 12), "nodes": int(len(keep)), "camps": camps,
            "congruence": round(norm_c / 2, 12), "conflict": round(norm_f / 2, 12)}


def _leading_vector(a: np.ndarray) -> np.ndarray:
    """Eigenvector of the largest eigenvalue of a symmetric matrix (Lanczos above 64 nodes, deterministic start)."""
    if len(a) <= 64:
        return np.linalg.eigh(a)[1][:, -1]
    from scipy.sparse.linalg import eigsh

    return eigsh(a, k=1, which="LA", v0=np.ones(len(a)), tol=1e-6)[1][:, 0]


def _two_camps(cong: np.ndarray, conf: np.ndarray, *, seed: int, restarts: int,
               leading: np.ndarray | None = None) -> tuple[float, list[list[int]]]:
    """Our score and its camps (node indices), as defined in the module docstring.

    `leading`: the leading eigenvector of cong - conf (zero diagonal) when already computed; it is
    the spectral start whenever every node has a conflict tie.
    """
    total = (np.abs(cong).sum() + np.abs(conf).sum()) / 2.0
    v = np.flatnonzero((conf > 0).any(axis=1))
    if total == 0 or len(v) < 2:
        return 0.0, [[], []]
    every = len(v) == len(cong)
    sv = cong - conf if every else (cong - conf)[np.ix_(v, v)]
    np.fill_diagonal(sv, 0.0)
    reuse = every and leading is not None and not np.diagonal(cong).any() and not np.diagonal(conf).any()

    def local(x: np.ndarray) -> np.ndarray:
        x = x.copy()
        h = sv @ x
        for _ in range(20 * len(x)):
            gain = -2.0 * x * h  # objective change when x_i flips
            i = int(np.argmax(gain))
            if gain[i] <= 1e-12:
                break
            h -= 2.0 * x[i] * sv[i]  # sv is symmetric: its row is its column, and contiguous
            x[i] = -x[i]
        return x

    starts = []
    spectral = leading if reuse and leading is not None else _leading_vector(sv)
    starts.append(np.where(spectral >= 0, 1.0, -1.0))
    rng = np.random.default_rng(seed)
    starts += [rng.choice([-1.0, 1.0], size=len(v)) for _ in range(max(restarts, 0))]
    best_x, best = None, -np.inf
    for x0 in starts:
        x = local(x0)
        val = float(x @ sv @ x) / 2.0
        if val > best + 1e-12:
            best_x, best = x, val
    assert best_x is not None
    return max(best / total, 0.0), [v[best_x > 0].tolist(), v[best_x < 0].tolist()]


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
    out: dict[str, Any] = {"level": level, "definition": "score: share of tie weight forming two opposing camps; q: DNA normalised polarisation Q",
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
