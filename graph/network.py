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

from .errors import UsageError
from .export import guard_formula
from .matrix import StanceMatrix, matrix_of
from .model import Bundle

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
    """
    if mode not in ONE_MODE_MODES:
        raise UsageError(f"unknown mode {mode!r} (expected one of {', '.join(ONE_MODE_MODES)})")
    if normalize not in ONE_MODE_NORMALIZATIONS:
        raise UsageError(f"unknown normalisation {normalize!r} (expected one of {', '.join(ONE_MODE_NORMALIZATIONS)})")
    blocks = [sp.csr_matrix(support), sp.csr_matrix(oppose), sp.csr_matrix(neutral)]
    with_neutral = blocks[2].nnz > 0
    if not with_neutral:
        blocks = blocks[:2]
    c = sp.hstack(blocks, format="csr")
    if mode == "ignore":
        t = blocks[0] + blocks[1] + (blocks[2] if with_neutral else 0)
        y = (t @ t.T).tocsr()
    else:
        kernel = {"congruence": _CONGRUENCE, "conflict": _CONFLICT, "subtract": _CONGRUENCE - _CONFLICT}[mode]
        k = kernel if with_neutral else kernel[:2, :2]
        mixed = [sum((k[a, b] * blocks[a] for a in range(len(blocks)) if k[a, b] != 0), sp.csr_matrix(blocks[b].shape))
                 for b in range(len(blocks))]
        y = (c @ sp.hstack(mixed, format="csr").T).tocsr()
    y.setdiag(0)
    y.eliminate_zeros()
    if normalize == "no" or y.nnz == 0:
        return y.toarray() if dense else y
    n = np.asarray(c.sum(axis=1)).ravel()
    e = None
    if normalize == "jaccard":  # denominator n_i + n_i' - (E + E^T)_ii' with E = C (B - C/2)^T, B the 0/1 pattern of C
        b = c.copy()
        b.data[:] = 1.0
        e = (c @ (b - 0.5 * c).T).tocsr()
    if y.shape[0] <= DENSE_UP_TO:  # one-mode results are near-dense: elementwise work is cheaper on arrays
        yd = y.toarray()
        if normalize == "average":
            denom = (n[:, None] + n[None, :]) / 2.0
        elif normalize == "cosine":
            denom = n[:, None] * n[None, :]
        else:
            assert e is not None
            ed = e.toarray()
            denom = n[:, None] + n[None, :] - ed - ed.T
        nz = (yd != 0) & (denom != 0)
        out_d = np.zeros_like(yd)
        np.divide(yd, denom, out=out_d, where=nz)
        return out_d if dense else sp.csr_matrix(out_d)
    coo = y.tocoo()
    r, q = coo.row, coo.col
    if normalize == "average":
        denom = (n[r] + n[q]) / 2.0
    elif normalize == "cosine":
        denom = n[r] * n[q]
    else:
        denom = n[r] + n[q] - _lookup(e, r, q) - _lookup(e, q, r)
    with np.errstate(divide="ignore", invalid="ignore"):
        data = np.where(denom != 0, coo.data / np.where(denom != 0, denom, 1.0), 0.0)
    out = sp.csr_matrix((data, (r, q)), shape=y.shape)
    out.eliminate_zeros()
    return out.toarray() if dense else out


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
    y = one_mode_matrix(a, d, n, mode=mode, normalize=normalize)
    statements = np.asarray((a + d + n).sum(axis=1)).ravel()
    keep = np.flatnonzero(statements > 0)  # DNA drops nodes without statements (isolates=FALSE)
    y = y[keep][:, keep].tocsr()
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
    import csv

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    cols = net.labels if net.kind == "onemode" else net.column_labels
    w.writerow([""] + [guard_formula(c) for c in cols])
    for label, row in zip(net.labels, net.dense().tolist()):
        w.writerow([guard_formula(label)] + [repr(_num(v)) for v in row])
    return buf.getvalue()


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
