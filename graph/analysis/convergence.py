"""The questions the product answers, all read off one stance matrix: convergence, conflicts, consensus.

Tension clusters live in :mod:`.tensions`, polarisation in :mod:`.polarisation`, networks in
:mod:`.network`; this module re-exports them so that ``stancegraph.graph.analysis.convergence`` is the one
place to import from. Every function takes a Bundle (with the filters of
:func:`~stancegraph.graph.analysis.matrix.build_matrix`) or an already built
:class:`~stancegraph.graph.analysis.matrix.StanceMatrix`, and returns plain, JSON-ready data.

Counting: per claim and group, ``support`` / ``oppose`` / ``neutral`` count *stakeholders* of the
group holding that stance (a stakeholder counts once however many passages back it); networks count
statements (passages) instead, as DNA does.
"""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import numpy as np
import scipy.sparse as sp

from ..model.errors import NotFound
from ..model.ids import normalise_text
from .matrix import FILTER_NAMES, StanceMatrix, build_matrix, matrix_of
from ..model.records import Stance, Bundle
from .network import Network, _lookup, compute_network, compute_two_mode, serialize_network
from .polarisation import compute_polarisation
from .tensions import find_tensions

__all__ = [
    "AnalysisCache", "build_matrix", "compute_consensus", "compute_network", "compute_polarisation",
    "compute_two_mode", "find_conflicts", "find_convergence", "find_tensions", "group_counts", "serialize_network",
    "Network", "StanceMatrix",
]

Source = Bundle | StanceMatrix
F = TypeVar("F", bound=Callable[..., Any])


def without_gc_pauses(fn: F) -> F:
    """Run `fn` with the cyclic garbage collector paused (reference counting still frees everything).

    A report at scale is hundreds of thousands of small dicts and lists; each batch of new containers
    would otherwise trigger a collection that walks every live object again (a third of the time of a
    conflict report at medium scale). The results are acyclic, so nothing waits for the collector.
    The collector is switched back on afterwards if it was on, also when `fn` raises.
    """
    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> Any:
        was_on = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if was_on:
                gc.enable()

    return run  # type: ignore[return-value]


# ---------------------------------------------------------------------- per-group counts

def group_counts(m: StanceMatrix) -> dict[str, sp.csr_matrix]:
    """groups x claims: how many of each group's stakeholders support, oppose, are neutral on each claim."""
    return {name: m.grouped(m.presence(v)) for name, v in (("support", 1), ("oppose", -1), ("neutral", 0))}


#: up to this many groups x claims cells, per-group maxima are taken on a dense array
DENSE_CELLS = 4_000_000


def group_max_strength(m: StanceMatrix, value: int) -> sp.csr_matrix:
    """groups x claims: the strongest position of that stance among the group's stakeholders."""
    s = m.strength(value).tocoo()
    member_t = m.membership.T.tocsr()  # stakeholders x groups
    counts = np.diff(member_t.indptr)[s.row]
    if not counts.sum():
        return sp.csr_matrix((len(m.groups), len(m.claims)))
    starts = member_t.indptr[s.row]
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    g = member_t.indices[np.repeat(starts, counts) + offsets]
    c, v = np.repeat(s.col, counts), np.repeat(s.data, counts)
    n_g, n_c = len(m.groups), len(m.claims)
    if n_g * n_c <= DENSE_CELLS:  # one scatter-max into a groups x claims array instead of a sort
        best = np.full(n_g * n_c, -np.inf)
        np.maximum.at(best, g * n_c + c, v)
        hit = np.flatnonzero(best > -np.inf)
        return sp.csr_matrix((best[hit], (hit // n_c, hit % n_c)), shape=(n_g, n_c))
    order = np.lexsort((-v, c, g))
    g, c, v = g[order], c[order], v[order]
    first = np.ones(len(g), dtype=bool)
    first[1:] = (g[1:] != g[:-1]) | (c[1:] != c[:-1])
    return sp.csr_matrix((v[first], (g[first], c[first])), shape=(len(m.groups), len(m.claims)))


def _colsum(mat: sp.spmatrix) -> np.ndarray:
    return np.asarray(mat.sum(axis=0)).ravel()


def _labels_by_column(mat: sp.spmatrix, labels: tuple[str, ...], cols: np.ndarray) -> list[list[str]]:
    """For each column in `cols` (in that order), the labels of its rows with an entry, in row order."""
    sub = sp.csc_matrix(mat)[:, cols]
    sub.sort_indices()
    flat = np.asarray(labels, dtype=object)[sub.indices].tolist() if len(labels) else []
    ptr = sub.indptr.tolist()
    return [flat[ptr[k]:ptr[k + 1]] for k in range(len(cols))]


def _group_rows(m: StanceMatrix, counts: dict[str, sp.spmatrix], cols: np.ndarray) -> list[list[dict[str, Any]]]:
    """For each column in `cols`: the groups with a stance on that claim, with their counts, in group order."""
    a, d, n = (sp.csc_matrix(counts[k])[:, cols] for k in ("support", "oppose", "neutral"))
    tot = (a + d + n).tocsc()  # counts are positive: the union of the three patterns
    tot.sort_indices()
    g = tot.indices
    k = np.repeat(np.arange(len(cols)), np.diff(tot.indptr))
    sa, sd, sn = (_lookup(x.tocsr(), g, k).astype(np.int64) for x in (a, d, n))
    ids = np.asarray(m.groups, dtype=object)[g].tolist() if len(m.groups) else []
    labels = np.asarray(m.group_labels, dtype=object)[g].tolist() if len(m.groups) else []
    flat = [{"group": gid, "label": lab, "support": x, "oppose": y, "neutral": z, "stances": x + y + z}
            for gid, lab, x, y, z in zip(ids, labels, sa.tolist(), sd.tolist(), sn.tolist())]
    ptr = tot.indptr.tolist()
    return [flat[ptr[i]:ptr[i + 1]] for i in range(len(cols))]


def _claim_fields(m: StanceMatrix, cols: np.ndarray) -> list[dict[str, Any]]:
    """The claim, text, themes and theme_ids of each column in `cols` (the first keys of every result row)."""
    claims, themes = m.bundle.claims, m.themes
    out = []
    for j in cols.tolist():
        cid = m.claims[j]
        c = claims.get(cid)
        tids = list(c.themes) if c is not None else []
        out.append({"claim": cid, "text": c.text if c is not None else cid,
                    "themes": [themes[t].label if t in themes else t for t in tids], "theme_ids": tids})
    return out


def _ranked(m: StanceMatrix, cols: np.ndarray, score: np.ndarray, tie: np.ndarray) -> np.ndarray:
    """`cols` sorted by score (rounded to 9 places) descending, then `tie` descending, then claim id."""
    if not len(cols):
        return cols
    rounded = np.array([round(v, 9) for v in score[cols].tolist()], dtype=np.float64)
    ids = np.asarray(m.claims, dtype=object)[cols]
    id_rank = np.empty(len(cols), dtype=np.int64)
    id_rank[sorted(range(len(cols)), key=ids.__getitem__)] = np.arange(len(cols))
    return cols[np.lexsort((id_rank, -tie[cols], -rounded))]


# ---------------------------------------------------------------------- convergence

@without_gc_pauses
def find_convergence(bundle: Source, *, min_groups: int = 1, evidence: int = 5, doubts_count: bool = False,
                     **filters: Any) -> list[dict[str, Any]]:
    """Claims backed by at least `min_groups` groups and opposed by no one, strongest first.

    score = sum over supporting groups of the group's strongest support (its quantifier strength), so
    each group counts once, as strongly as its most emphatic voice; ties break on the number of groups.
    Doubts that an aim will be delivered ("some participants doubted the funding would come"; extractor
    rules marked as doubts) are not opposition to the aim: such a claim still converges, with its
    doubters listed under ``doubted_by`` (``doubts_count=True`` treats them as opposition).
    """
    m = matrix_of(bundle, filters)
    counts = group_counts(m)
    strength = group_max_strength(m, 1)
    sup_groups = (counts["support"] > 0).astype(np.int64)
    n_sup_groups = _colsum(sup_groups)
    n_opp = _colsum(m.presence(-1))
    doubters = {} if doubts_count else _doubters(m)
    outright = np.array([n_opp[j] - len(doubters.get(c, ())) for j, c in enumerate(m.claims)]) if doubters else n_opp
    cols = np.flatnonzero((n_sup_groups >= max(min_groups, 1)) & (outright == 0))
    score = _colsum(strength)
    n_sup = _colsum(m.presence(1))
    n_neu = _colsum(m.presence(0))
    order = _ranked(m, cols, score, n_sup_groups)
    groups = _labels_by_column(counts["support"], m.group_labels, order)
    per_group = _group_rows(m, counts, order)
    quotes = m.evidence_of(order, stances=(1,), limit=evidence)  # empty lists when evidence is 0
    out = []
    for k, (j, row) in enumerate(zip(order.tolist(), _claim_fields(m, order))):
        row.update({
            "groups": groups[k],
            "support": int(n_sup[j]), "oppose": 0, "neutral": int(n_neu[j]), "score": round(float(score[j]), 6),
            "quantifiers": m.quantifiers(j, 1), "per_group": per_group[k],
            "doubted_by": sorted(m.label(s) for s in doubters.get(m.claims[j], ())),
            "evidence": quotes[k],
        })
        out.append(row)
    return out


#: extractor rule ids that mark scepticism about delivery rather than opposition to the aim
DOUBT_RULES = ("doubt", "+aim")


def _doubters(m: StanceMatrix) -> dict[str, set[str]]:
    """claim id -> stakeholders whose only opposition to it is a doubt about delivery."""
    bundle = getattr(m, "bundle", None)
    if bundle is None:
        return {}
    doubt: dict[str, set[str]] = {}
    outright: set[tuple[str, str]] = set()
    for p in bundle.positions.values():
        if p.stance is Stance.OPPOSE:
            if p.rule and any(r in p.rule for r in DOUBT_RULES):
                doubt.setdefault(p.claim, set()).add(p.stakeholder)
            else:
                outright.add((p.claim, p.stakeholder))
    known = set(m.stakeholders)
    return {c: {s for s in ss if (c, s) not in outright and s in known} for c, ss in doubt.items()}


# ---------------------------------------------------------------------- conflicts

def _find_group(m: StanceMatrix, name: str) -> int:
    if name in m.groups:
        return m.groups.index(name)
    key = normalise_text(name)
    for i, g in enumerate(m.groups):
        if normalise_text(m.label(g)) == key:
            return i
    raise NotFound(f"no group {name!r} among the stakeholders analysed")


@without_gc_pauses
def find_conflicts(bundle: Source, *, group_a: str | None = None, group_b: str | None = None, evidence: int = 10,
                   **filters: Any) -> list[dict[str, Any]]:
    """Contested claims: claims some stakeholders support and others oppose, most contested first.

    score = sqrt(S * O), S and O the strength-weighted support and opposition (each group counted once,
    at its strongest voice): zero unless both sides exist, largest when both are strong and balanced.
    With `group_a` and `group_b` (ids or labels): only what those two groups disagree on (one
    supports where the other opposes).
    """
    m = matrix_of(bundle, filters)
    sup_p, opp_p = m.presence(1), m.presence(-1)
    n_sup, n_opp = _colsum(sup_p), _colsum(opp_p)
    s_w, o_w = _colsum(group_max_strength(m, 1)), _colsum(group_max_strength(m, -1))
    mask = (n_sup > 0) & (n_opp > 0)
    counts = group_counts(m)
    between: dict[str, Any] | None = None
    if group_a is not None or group_b is not None:
        if group_a is None or group_b is None:
            from ..model.errors import UsageError

            raise UsageError("give both group_a and group_b, or neither")
        ga, gb = _find_group(m, group_a), _find_group(m, group_b)
        sa, oa = counts["support"][ga].toarray().ravel() > 0, counts["oppose"][ga].toarray().ravel() > 0
        sb, ob = counts["support"][gb].toarray().ravel() > 0, counts["oppose"][gb].toarray().ravel() > 0
        mask = (sa & ob) | (oa & sb)
        between = {"a": m.groups[ga], "b": m.groups[gb], "sa": sa, "oa": oa, "sb": sb, "ob": ob}
    score = np.sqrt(s_w * o_w)
    order = _ranked(m, np.flatnonzero(mask), score, n_sup + n_opp)
    labels = m.stakeholder_labels  # rows are in label order
    supporters, opponents = _labels_by_column(sup_p, labels, order), _labels_by_column(opp_p, labels, order)
    sup_groups = _labels_by_column(counts["support"], m.group_labels, order)
    opp_groups = _labels_by_column(counts["oppose"], m.group_labels, order)
    per_group = _group_rows(m, counts, order)
    quotes = m.evidence_of(order, stances=(1, -1), limit=evidence)
    out = []
    for k, (j, row) in enumerate(zip(order.tolist(), _claim_fields(m, order))):
        row.update({
            "support": supporters[k], "oppose": opponents[k], "score": round(float(score[j]), 6),
            "support_groups": sup_groups[k], "oppose_groups": opp_groups[k],
            "quantifiers": {"support": m.quantifiers(j, 1), "oppose": m.quantifiers(j, -1)},
            "per_group": per_group[k], "evidence": quotes[k],
        })
        if between is not None:
            a_st = "support" if between["sa"][j] else "oppose"
            row["between"] = {"group_a": m.label(between["a"]), "group_b": m.label(between["b"]),
                              "stance_a": a_st, "stance_b": "oppose" if a_st == "support" else "support"}
        out.append(row)
    return out


# ---------------------------------------------------------------------- consensus (Pol.is)

@without_gc_pauses
def compute_consensus(bundle: Source, *, min_stances: int = 1, **filters: Any) -> list[dict[str, Any]]:
    """Per claim: per-group counts, Pol.is group-informed consensus, and divisiveness.

    consensus = prod over groups g of (A_g + 1) / (S_g + 2), A_g the group's supporters and S_g all
    its stances, neutral (Pol.is "pass") included; a group with no stance on the claim contributes
    1/2, exactly as in Pol.is, so the raw product shrinks with the number of groups.
    ``consensus_geomean`` is its geometric mean over groups, comparable across graphs.
    divisiveness = (max - min) / 2 of the groups' mean stance (A_g - D_g) / S_g, over groups with at
    least `min_stances` stances: 0 when all such groups lean alike, 1 when one fully supports and
    another fully opposes.
    """
    m = matrix_of(bundle, filters)
    counts = group_counts(m)
    a, d, n = counts["support"].tocsc(), counts["oppose"].tocsc(), counts["neutral"].tocsc()
    s = (a + d + n).tocsc()
    n_groups = len(m.groups)
    # sum of logs over groups: every group gives log(1/2) unless it has stances on the claim
    log_c = np.full(len(m.claims), n_groups * np.log(0.5))
    s_coo = s.tocoo()
    a_at = _lookup(a.tocsr(), s_coo.row, s_coo.col)
    d_at = _lookup(d.tocsr(), s_coo.row, s_coo.col)
    np.add.at(log_c, s_coo.col, np.log((a_at + 1) / (s_coo.data + 2)) - np.log(0.5))
    consensus = np.exp(log_c)
    geomean = np.exp(log_c / n_groups) if n_groups else np.ones(len(m.claims))
    lean = (a_at - d_at) / np.where(s_coo.data > 0, s_coo.data, 1)
    ok = s_coo.data >= min_stances
    hi = np.full(len(m.claims), -np.inf)
    lo = np.full(len(m.claims), np.inf)
    np.maximum.at(hi, s_coo.col[ok], lean[ok])
    np.minimum.at(lo, s_coo.col[ok], lean[ok])
    n_ok = np.bincount(s_coo.col[ok], minlength=len(m.claims))
    divisiveness = np.where(n_ok >= 2, (hi - lo) / 2, 0.0)
    tot = {k: _colsum(m.presence(v)) for k, v in (("support", 1), ("oppose", -1), ("neutral", 0))}
    every = np.arange(len(m.claims))
    per_group = _group_rows(m, counts, every)
    out: list[dict[str, Any]] = []
    for j, row in zip(every.tolist(), _claim_fields(m, every)):
        row.update({
            "consensus": float(consensus[j]), "consensus_geomean": float(geomean[j]),
            "divisiveness": round(float(divisiveness[j]), 12),
            "support": int(tot["support"][j]), "oppose": int(tot["oppose"][j]), "neutral": int(tot["neutral"][j]),
            "n_groups": n_groups, "groups": per_group[j],
        })
        out.append(row)
    out.sort(key=lambda r: (-r["consensus"], r["claim"]))
    return out


# ---------------------------------------------------------------------- cache

class AnalysisCache:
    """Reuse the bundle, the stance matrices and results between requests while the store is unchanged.

    Keyed on ``store.generation`` (bumped by every write): the first call after a write rebuilds.
    Thread-safe; results are shared, so treat them as read-only.

        cache = AnalysisCache()
        rows = cache.analyse(store, "conflicts", theme="pay")
    """

    ANALYSES: dict[str, Callable[..., Any]] = {
        "convergence": find_convergence, "conflicts": find_conflicts, "tensions": find_tensions,
        "consensus": compute_consensus, "polarisation": compute_polarisation,
    }

    def __init__(self, max_entries: int = 64) -> None:
        self._lock = threading.RLock()
        self._key: tuple[int, int] | None = None
        self._bundle: Bundle | None = None
        self._matrices: dict[tuple, StanceMatrix] = {}
        self._results: dict[tuple, Any] = {}
        self.max_entries = max_entries
        self.hits = 0
        self.misses = 0

    def _check(self, store: Any) -> None:
        key = (id(store), int(store.generation))
        if key != self._key:
            self._key, self._bundle = key, None
            self._matrices.clear()
            self._results.clear()

    def bundle(self, store: Any) -> Bundle:
        with self._lock:
            self._check(store)
            if self._bundle is None:
                self._bundle = store.bundle()
            return self._bundle

    def matrix(self, store: Any, **filters: Any) -> StanceMatrix:
        fkey = tuple(sorted((k, str(v)) for k, v in filters.items() if v is not None and k in FILTER_NAMES))
        with self._lock:
            bundle = self.bundle(store)
            if fkey not in self._matrices:
                if len(self._matrices) >= self.max_entries:
                    self._matrices.pop(next(iter(self._matrices)))
                self._matrices[fkey] = build_matrix(bundle, **{k: v for k, v in filters.items() if v is not None})
            return self._matrices[fkey]

    def analyse(self, store: Any, name: str, **options: Any) -> Any:
        """Run analysis `name` (convergence, conflicts, tensions, consensus, polarisation) or reuse its result."""
        if name not in self.ANALYSES:
            from ..model.errors import UsageError

            raise UsageError(f"unknown analysis {name!r} (expected one of {', '.join(self.ANALYSES)})")
        filters = {k: options.pop(k) for k in list(options) if k in FILTER_NAMES}
        rkey = (name, tuple(sorted((k, str(v)) for k, v in filters.items() if v is not None)),
                tuple(sorted((k, repr(v)) for k, v in options.items())))
        with self._lock:
            m = self.matrix(store, **filters)
            if rkey in self._results:
                self.hits += 1
                return self._results[rkey]
            self.misses += 1
            result = self.ANALYSES[name](m, **options)
            if len(self._results) >= self.max_entries:
                self._results.pop(next(iter(self._results)))
            self._results[rkey] = result
            return result

    def network(self, store: Any, *, mode: str, level: str, normalize: str, **filters: Any) -> Network:
        return compute_network(self.matrix(store, **filters), mode=mode, level=level, normalize=normalize)
