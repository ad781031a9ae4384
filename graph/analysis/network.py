"""Networks in the Discourse Network Analyzer's sense, computed on the stance matrix with sparse products.

One-mode (stakeholder x stakeholder, or group x group). X[i, j, k] counts the statements of node i
on claim j with qualifier level k (the stance on DNA's integer scale: support 1, neutral 0,
oppose -1; range R = 2, so with support and oppose only this is DNA's boolean qualifier). For i != i'
(the diagonal is always 0):

* ``ignore``:     y = sum_j (sum_k X[i,j,k]) (sum_k X[i',j,k])
* ``congruence``: y = sum_j sum_k sum_k' X[i,j,k] X[i',j,k'] (1 - |q_k - q_k'| / R)
* ``conflict``:   y = sum_j sum_k sum_k' X[i,j,k] X[i',j,k'] |q_k - q_k'| / R
* ``subtract``:   congruence - conflict

so congruence + conflict = ignore. Normalisations (DNA's own; 0 where the denominator is 0), with
n_i = sum_j sum_k X[i,j,k] the node's statements:

* ``average``: y / ((n_i + n_i') / 2)
* ``jaccard``: y / (sum_c X_i,c [X_i',c = 0] + sum_c X_i',c [X_i,c = 0] + sum_c X_i,c X_i',c) over cells c = (j, k)
* ``cosine``:  y / (n_i n_i'). DNA writes this as sqrt(n_i^2) sqrt(n_i'^2): it is *not* the Euclidean
  norm of the profile vectors, and it is kept so that numbers agree with DNA.

Each mode is a single sparse product C K C^T with C = [support | oppose | neutral] (n x 3m) and K the
3 x 3 qualifier kernel; Jaccard adds one more product. No Python loop runs over pairs of nodes.

Two-mode (stakeholder x claim): ``ignore`` y = sum_k X[i,j,k]; ``subtract`` y = sum_k q_k X[i,j,k]
(support minus oppose); normalisation ``activity`` divides each row by its statements, ``prominence``
each column.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from enum import Enum
from typing import Any

import networkx as nx
import numpy as np
import scipy.sparse as sp

from ..model.errors import UsageError
from ..export.formats import csv_line, guard_formula
from .matrix import StanceMatrix, matrix_of
from ..model.records import Bundle

ONE_MODE_MODES = ("congruence", "conflict", "subtract", "ignore")
ONE_MODE_NORMALIZATIONS = ("no", "average", "jaccard", "cosine")
TWO_MODE_MODES = ("ignore", "subtract")
TWO_MODE_NORMALIZATIONS = ("no", "activity", "prominence")
LEVELS = ("stakeholder", "group")
NETWORK_FORMATS = ("csv", "json", "graphml", "gexf")


class Mode(str, Enum):
    """One-mode qualifier aggregation (the option vocabulary of the CLI and the API)."""

    congruence = "congruence"
    conflict = "conflict"
    subtract = "subtract"
    ignore = "ignore"


class Level(str, Enum):
    """Network level: stakeholders, or the groups they belong to."""

    stakeholder = "stakeholder"
    group = "group"
#: up to this many nodes, normalisation works on dense arrays (n^2 floats), above it on the sparse entries
DENSE_UP_TO = 5000

#: qualifier kernels over the blocks (support, oppose, neutral): 1 - |q - q'| / 2 and |q - q'| / 2
_CONGRUENCE = np.array([[1.0, 0.0, 0.5], [0.0, 1.0, 0.5], [0.5, 0.5, 1.0]])
_CONFLICT = np.array([[0.0, 1.0, 0.5], [1.0, 0.0, 0.5], [0.5, 0.5, 0.0]])


@dataclass(frozen=True)
class Network:
    """A network as plain parts: node ids and labels, a sparse weight matrix, and what made it."""

    ids: tuple[str, ...]
    labels: tuple[str, ...]
    matrix: sp.csr_matrix
    kind: str  # onemode or twomode
    mode: str
    level: str
    normalize: str
    statements: tuple[float, ...]  # per row node
    column_ids: tuple[str, ...] = ()
    column_labels: tuple[str, ...] = ()
    node_kinds: tuple[str, ...] = ()

    def dense(self) -> np.ndarray:
        return self.matrix.toarray()

    def weight(self, a: str, b: str) -> float:
        """The weight between two nodes given by label or id."""
        rows = self.labels if a in self.labels else self.ids
        cols_l = self.labels if self.kind == "onemode" else self.column_labels
        cols_i = self.ids if self.kind == "onemode" else self.column_ids
        cols = cols_l if b in cols_l else cols_i
        return float(self.matrix[rows.index(a), cols.index(b)])

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: nodes, the full matrix (rows in node order) and the non-zero edges."""
        m = self.dense()
        nodes = [{"id": i, "label": lab, "kind": k, "statements": s}
                 for i, lab, k, s in zip(self.ids, self.labels, self.node_kinds or ("",) * len(self.ids), self.statements)]
        out: dict[str, Any] = {"type": self.kind, "mode": self.mode, "level": self.level, "normalize": self.normalize,
                               "nodes": nodes}
        coo = sp.triu(self.matrix, k=1).tocoo() if self.kind == "onemode" else self.matrix.tocoo()
        targets = self.ids if self.kind == "onemode" else self.column_ids
        edges = sorted(zip(coo.row.tolist(), coo.col.tolist(), coo.data.tolist()))
        if self.kind == "twomode":
            out["columns"] = [{"id": i, "label": lab} for i, lab in zip(self.column_ids, self.column_labels)]
        out["matrix"] = [[_num(v) for v in row] for row in m.tolist()]
        out["edges"] = [{"source": self.ids[r], "target": targets[c], "weight": _num(w)} for r, c, w in edges if w != 0]
        return out


def _num(v: float) -> float | int:
    return int(v) if float(v).is_integer() else float(v)


# ---------------------------------------------------------------------- one-mode

def _level_blocks(m: StanceMatrix, level: str) -> tuple[tuple[str, ...], sp.csr_matrix, sp.csr_matrix, sp.csr_matrix]:
    if level not in LEVELS:
        raise UsageError(f"unknown level {level!r} (expected {' or '.join(LEVELS)})")
    if level == "stakeholder":
        return m.stakeholders, m.support, m.oppose, m.neutral
    return m.groups, m.grouped(m.support), m.grouped(m.oppose), m.grouped(m.neutral)


def one_mode_matrix(support: sp.spmatrix, oppose: sp.spmatrix, neutral: sp.spmatrix, *, mode: str,
                    normalize: str, dense: bool = False) -> Any:
    """DNA's one-mode network from per-stance count matrices (rows = nodes, columns = claims).

    A csr matrix, or with ``dense=True`` an ndarray (cheaper when the caller wants one anyway).
    Up to DENSE_UP_TO nodes the products go through :func:`gram` (dense result, exact on counts).
    """
    if mode not in ONE_MODE_MODES:
        raise UsageError(f"unknown mode {mode!r} (expected one of {', '.join(ONE_MODE_MODES)})")
    if normalize not in ONE_MODE_NORMALIZATIONS:
        raise UsageError(f"unknown normalisation {normalize!r} (expected one of {', '.join(ONE_MODE_NORMALIZATIONS)})")
    blocks = _stance_blocks(support, oppose, neutral)
    if blocks[0].shape[0] <= DENSE_UP_TO:
        out_d = _one_mode_dense(blocks, mode=mode, normalize=normalize)
        return out_d if dense else sp.csr_matrix(out_d)
    c = sp.hstack(blocks, format="csr")
    y = _kernel_product(blocks, mode, dense=False)
    y.setdiag(0)
    y.eliminate_zeros()
    if normalize == "no" or y.nnz == 0:
        return y.toarray() if dense else y
    n = np.asarray(c.sum(axis=1)).ravel()
    coo = y.tocoo()
    r, q = coo.row, coo.col
    if normalize == "average":
        denom = (n[r] + n[q]) / 2.0
    elif normalize == "cosine":
        denom = n[r] * n[q]
    else:  # jaccard: n_i + n_i' - (E + E^T)_ii' with E = C (B - C/2)^T, B the 0/1 pattern of C
        e = _jaccard_overlap(c, dense=False)
        denom = n[r] + n[q] - _lookup(e, r, q) - _lookup(e, q, r)
    with np.errstate(divide="ignore", invalid="ignore"):
        data = np.where(denom != 0, coo.data / np.where(denom != 0, denom, 1.0), 0.0)
    out = sp.csr_matrix((data, (r, q)), shape=y.shape)
    out.eliminate_zeros()
    return out.toarray() if dense else out


def _one_mode_dense(blocks: list[sp.csr_matrix], *, mode: str, normalize: str) -> np.ndarray:
    """The one-mode network as an ndarray (near-dense results: elementwise work is cheaper on arrays)."""
    y = _kernel_product(blocks, mode, dense=True)
    np.fill_diagonal(y, 0.0)
    return _normalised(y, blocks, normalize)


def _normalised(y: np.ndarray, blocks: list[sp.csr_matrix], normalize: str,
                denom: np.ndarray | None = None) -> np.ndarray:
    """y divided by the normalisation's denominator (0 where either is 0); `denom` when already computed."""
    if normalize == "no" or not y.any():
        return y
    if denom is None:
        denom = _denominator(blocks, normalize)
    ok = denom != 0
    ok &= y != 0
    out = np.zeros_like(y)
    np.divide(y, denom, out=out, where=ok)
    return out


def _stance_blocks(support: sp.spmatrix, oppose: sp.spmatrix, neutral: sp.spmatrix) -> list[sp.csr_matrix]:
    """The per-stance count matrices as csr, without the neutral one when it is empty."""
    blocks = [sp.csr_matrix(support), sp.csr_matrix(oppose), sp.csr_matrix(neutral)]
    return blocks if blocks[2].nnz else blocks[:2]


def _statements(blocks: list[sp.csr_matrix]) -> np.ndarray:
    """Statements per node (row sums over every stance)."""
    return np.asarray(sum(np.asarray(b.sum(axis=1)).ravel() for b in blocks), dtype=np.float64)


def _denominator(blocks: list[sp.csr_matrix], normalize: str) -> np.ndarray:
    n = _statements(blocks)
    if normalize == "average":
        denom = np.add.outer(n, n)
        denom *= 0.5
    elif normalize == "cosine":
        denom = np.multiply.outer(n, n)
    else:  # jaccard, as in one_mode_matrix
        e = _jaccard_overlap(sp.hstack(blocks, format="csr"), dense=True)
        denom = np.add.outer(n, n)
        denom -= e
        denom -= e.T
    return denom


def congruence_and_conflict(support: sp.spmatrix, oppose: sp.spmatrix, neutral: sp.spmatrix, *,
                            normalize: str = "no") -> tuple[np.ndarray, np.ndarray]:
    """The congruence and the conflict network at once, as ndarrays, from two shared products.

    congruence + conflict = ignore and congruence - conflict = subtract, so with I = T T^T and
    S the subtract product: congruence = (I + S) / 2, conflict = (I - S) / 2 (exact on counts).
    """
    if normalize not in ONE_MODE_NORMALIZATIONS:
        raise UsageError(f"unknown normalisation {normalize!r} (expected one of {', '.join(ONE_MODE_NORMALIZATIONS)})")
    blocks = _stance_blocks(support, oppose, neutral)
    ignore = _kernel_product(blocks, "ignore", dense=True)
    subtract = _kernel_product(blocks, "subtract", dense=True)
    n = _statements(blocks)
    if normalize == "average" and (n > 0).all():  # no zero denominator: ((I +- S) / 2) / ((n_i + n_j) / 2), in place
        denom = np.add.outer(n, n)
        cong = ignore + subtract
        np.divide(cong, denom, out=cong)
        ignore -= subtract
        np.divide(ignore, denom, out=ignore)
        np.fill_diagonal(cong, 0.0)
        np.fill_diagonal(ignore, 0.0)
        return cong, ignore
    cong = ignore + subtract
    cong *= 0.5
    ignore -= subtract
    ignore *= 0.5
    conf = ignore
    np.fill_diagonal(cong, 0.0)
    np.fill_diagonal(conf, 0.0)
    shared = _denominator(blocks, normalize) if normalize != "no" and (cong.any() or conf.any()) else None
    return _normalised(cong, blocks, normalize, shared), _normalised(conf, blocks, normalize, shared)


def _kernel_product(blocks: list[sp.csr_matrix], mode: str, *, dense: bool) -> Any:
    """The raw one-mode weights C K C^T (diagonal included), in the cheapest form per mode.

    Without neutral stances: ignore = T T^T (T = support + oppose), congruence = [A|D] [A|D]^T,
    conflict = A D^T + D A^T, subtract = (A - D)(A - D)^T. With them, the general kernel product
    (subtract still factors: (A - D)(A - D)^T + N N^T).
    """
    with_neutral = len(blocks) == 3
    if mode == "ignore":
        t = blocks[0] + blocks[1] + (blocks[2] if with_neutral else 0)
        return gram(t, t, dense=dense)
    if mode == "subtract":
        s = (blocks[0] - blocks[1]).tocsr()
        s = sp.hstack([s, blocks[2]], format="csr") if with_neutral else s
        return gram(s, s, dense=dense)
    a, d = blocks[0], blocks[1]
    if not with_neutral:
        if mode == "congruence":
            c = sp.hstack(blocks, format="csr")
            return gram(c, c, dense=dense)
        x = gram(a, d, dense=dense)  # conflict = A D^T + D A^T
    else:
        half_n = 0.5 * blocks[2]
        p = (a + d).tocsr()
        if mode == "congruence":  # A A^T + D D^T + N N^T + (P N^T + N P^T) / 2 = X + X^T, P = A + D
            x = gram(sp.hstack([a, d, blocks[2], p], format="csr"),
                     sp.hstack([0.5 * a, 0.5 * d, half_n, half_n], format="csr"), dense=dense)
        else:  # conflict: A D^T + D A^T + (P N^T + N P^T) / 2 = X + X^T
            x = gram(sp.hstack([a, p], format="csr"), sp.hstack([d, half_n], format="csr"), dense=dense)
    return x + x.T if dense else (x + x.T).tocsr()


def _jaccard_overlap(c: sp.csr_matrix, *, dense: bool) -> Any:
    """E = C (B - C/2)^T, B the 0/1 pattern of C: E + E^T = C B^T + B C^T - C C^T (jaccard's shared part)."""
    b = c.copy()
    b.data[:] = 1.0
    return gram(c, (b - 0.5 * c).tocsr(), dense=dense)


#: in :func:`gram`, inner columns filled in about this share of the rows or more go through dense BLAS
HEAVY_SHARE = 0.05


def gram(x: sp.spmatrix, y: sp.spmatrix, *, dense: bool = True) -> Any:
    """x @ y.T for two row-aligned matrices (nodes x claims); an ndarray when `dense`, else csr.

    A claim held by many nodes costs a sparse product the square of its holders but a dense one a
    fixed n^2, so with ``dense=True`` the popular columns (those where nnz_x * nnz_y reaches
    (HEAVY_SHARE n)^2) go through one dense matrix product (BLAS) and the long tail through the sparse product; the two
    parts add up to the same matrix (exactly, for counts and halves: both are sums of the same terms).
    """
    if not dense:
        return (sp.csr_matrix(x) @ sp.csr_matrix(y).T).tocsr()
    xc = sp.csc_matrix(x)
    yc = xc if y is x else sp.csc_matrix(y)
    # a column costs the sparse product nnz_x * nnz_y, the dense one n^2 (n^2 / 2 when x is y)
    work = np.diff(xc.indptr).astype(np.float64) * np.diff(yc.indptr)
    heavy = work >= max(HEAVY_SHARE * xc.shape[0], 1.0) * max(HEAVY_SHARE * yc.shape[0], 1.0)
    if not heavy.any():
        return (xc.tocsr() @ yc.T.tocsr()).toarray()
    dtype = np.float32 if _exact_in_float32(xc, yc) else np.float64
    hx = xc[:, heavy].astype(dtype).toarray()
    hy = hx if yc is xc else yc[:, heavy].astype(dtype).toarray()
    if heavy.all():
        return (hx @ hy.T).astype(np.float64, copy=False)
    light = ~heavy
    xl = xc[:, light]
    yl = xl if yc is xc else yc[:, light]
    out = (xl.tocsr() @ yl.T).toarray()  # yl.T of a csc slice is csr already; toarray adds up any duplicates
    out += hx @ hy.T
    return out


def _exact_in_float32(x: sp.spmatrix, y: sp.spmatrix) -> bool:
    """True when x @ y.T is exact in single precision: entries multiples of 1/2 and every partial sum
    (bounded by max row sum of |x| times max row sum of |y|, in quarters) below 2^24."""
    if not x.nnz or not y.nnz:
        return True
    for m in (x, y):
        twice = m.data * 2.0
        if not np.array_equal(twice, np.round(twice)):
            return False
    bound = 4.0 * np.abs(x).sum(axis=1).max() * np.abs(y).sum(axis=1).max()
    return bool(bound < 2.0 ** 24)


def _lookup(m: sp.csr_matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """m[rows[t], cols[t]] for each t, vectorised (0 where the entry is absent)."""
    m = m.tocsr()
    m.sort_indices()
    out = np.zeros(len(rows))
    if not len(rows):
        return out
    # global position of (row, col) in a flattened key space; searchsorted on the sorted keys
    ncols = m.shape[1]
    keys = np.repeat(np.arange(m.shape[0], dtype=np.int64), np.diff(m.indptr)) * ncols + m.indices.astype(np.int64)
    want = rows.astype(np.int64) * ncols + cols.astype(np.int64)
    at = np.searchsorted(keys, want)
    at_ok = at < len(keys)
    hit = np.zeros(len(want), dtype=bool)
    hit[at_ok] = keys[at[at_ok]] == want[at_ok]
    out[hit] = m.data[at[hit]]
    return out


def compute_network(bundle: "Bundle | StanceMatrix", *, mode: str = "congruence", level: str = "stakeholder",
                    normalize: str = "no", **filters: Any) -> Network:
    """A one-mode network (DNA): nodes are stakeholders or groups, weights count statements."""
    m = matrix_of(bundle, filters)
    ids, a, d, n = _level_blocks(m, level)
    statements = np.asarray((a + d + n).sum(axis=1)).ravel()
    keep = np.flatnonzero(statements > 0)  # DNA drops nodes without statements (isolates=FALSE)
    if len(keep) < len(ids):  # rows without statements add nothing: drop them before the products
        a, d, n = a[keep], d[keep], n[keep]
    y = one_mode_matrix(a, d, n, mode=mode, normalize=normalize)
    ids = tuple(ids[i] for i in keep)
    return Network(ids=ids, labels=tuple(m.label(i) for i in ids), matrix=y, kind="onemode", mode=mode, level=level,
                   normalize=normalize, statements=tuple(float(statements[i]) for i in keep),
                   node_kinds=tuple(_kind(m, i) for i in ids))


def _kind(m: StanceMatrix, sid: str) -> str:
    sh = m.bundle.stakeholders.get(sid)
    return sh.kind if sh is not None else "group"


def compute_two_mode(bundle: "Bundle | StanceMatrix", *, mode: str = "ignore", level: str = "stakeholder",
                     normalize: str = "no", **filters: Any) -> Network:
    """A two-mode network: stakeholders (or groups) x claims."""
    if mode not in TWO_MODE_MODES:
        raise UsageError(f"unknown two-mode aggregation {mode!r} (expected one of {', '.join(TWO_MODE_MODES)})")
    if normalize not in TWO_MODE_NORMALIZATIONS:
        raise UsageError(f"unknown two-mode normalisation {normalize!r} (expected one of {', '.join(TWO_MODE_NORMALIZATIONS)})")
    m = matrix_of(bundle, filters)
    ids, a, d, n = _level_blocks(m, level)
    total = (a + d + n).tocsr()
    y = total if mode == "ignore" else (a - d).tocsr()
    rows_n = np.asarray(total.sum(axis=1)).ravel()
    cols_n = np.asarray(total.sum(axis=0)).ravel()
    keep_r, keep_c = np.flatnonzero(rows_n > 0), np.flatnonzero(cols_n > 0)
    if normalize == "activity":
        y = sp.diags(np.where(rows_n > 0, 1.0 / np.where(rows_n > 0, rows_n, 1), 0.0)) @ y
    elif normalize == "prominence":
        y = y @ sp.diags(np.where(cols_n > 0, 1.0 / np.where(cols_n > 0, cols_n, 1), 0.0))
    y = sp.csr_matrix(y)[keep_r][:, keep_c].tocsr()
    y.eliminate_zeros()
    ids = tuple(ids[i] for i in keep_r)
    cids = tuple(m.claims[j] for j in keep_c)
    return Network(ids=ids, labels=tuple(m.label(i) for i in ids), matrix=y, kind="twomode", mode=mode, level=level,
                   normalize=normalize, statements=tuple(float(rows_n[i]) for i in keep_r), column_ids=cids,
                   column_labels=tuple(m.claim_text(c) for c in cids), node_kinds=tuple(_kind(m, i) for i in ids))


# ---------------------------------------------------------------------- serialising

def network_to_csv(net: Network) -> str:
    """A labelled matrix: the first row holds an empty corner cell and the column labels."""
    cols = net.labels if net.kind == "onemode" else net.column_labels
    lines = [csv_line([""] + [guard_formula(c) for c in cols])]
    for label, row in zip(net.labels, net.dense().tolist()):
        lines.append(csv_line([guard_formula(label)] + [repr(_num(v)) for v in row]))
    return "".join(lines)


def network_to_json(net: Network) -> str:
    return json.dumps(net.to_dict(), ensure_ascii=False, indent=2) + "\n"


def network_to_networkx(net: Network) -> nx.Graph:
    """An undirected networkx graph (two-mode: bipartite, attribute ``bipartite`` 0 or 1)."""
    g = nx.Graph(mode=net.mode, level=net.level, normalize=net.normalize, type=net.kind)
    for i, lab, s in zip(net.ids, net.labels, net.statements):
        g.add_node(i, label=lab, kind=(net.node_kinds[net.ids.index(i)] if net.node_kinds else ""), statements=s,
                   bipartite=0)
    coo = (sp.triu(net.matrix, k=1) if net.kind == "onemode" else net.matrix).tocoo()
    targets = net.ids
    if net.kind == "twomode":
        for i, lab in zip(net.column_ids, net.column_labels):
            g.add_node(i, label=lab, kind="claim", statements=0.0, bipartite=1)
        targets = net.column_ids
    g.add_edges_from((net.ids[r], targets[c], {"weight": float(w), "sign": int(np.sign(w))})
                     for r, c, w in zip(coo.row.tolist(), coo.col.tolist(), coo.data.tolist()) if w != 0)
    return g


def serialize_network(net: Network, fmt: str) -> bytes:
    """The network as csv, json, graphml or gexf bytes."""
    if fmt == "csv":
        return network_to_csv(net).encode("utf-8")
    if fmt == "json":
        return network_to_json(net).encode("utf-8")
    if fmt in ("graphml", "gexf"):
        buf = io.BytesIO()
        g = network_to_networkx(net)
        (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(g, buf)
        return buf.getvalue()
    raise UsageError(f"unknown network format {fmt!r} (expected one of {', '.join(NETWORK_FORMATS)})")
