"""Tension clusters: contested claims grouped by community detection on the conflict structure.

1. **Contested claims**: claims someone opposes (a formal "oppose" or a sceptical "doubt that this will
   happen", which extraction records as oppose), whether or not anyone states support, plus claims a
   supported claim contradicts. The `max_claims` most contested (by strength-weighted opposition and
   support) are kept, so the cost stays bounded on large graphs.
2. **Conflict structure**: a claim graph on the contested claims. Edge weight = o x (1 + 0.25 i + t),
   o the cosine overlap of the stakeholders opposing both claims, i that of all stakeholders involved
   in both, t the Jaccard overlap of their themes (shared supporters or themes alone make no link: a
   broad group backing every aim must not tie unrelated disputes together), + 1 for an explicit
   ``contradicts`` / ``refines`` link. Above 500 claims only each claim's 15 strongest links are kept.
3. **Clusters**: Louvain communities (networkx, fixed `seed`) on that graph.
4. For each cluster: the claims opposed by no one that are discussed in the same sections as its
   claims (same top-level section of the same document), or share a theme with it, are *attached*
   (at most 10): nearby claims worded as a middle position (proportionate, pragmatic, phased, piloted,
   applied differently...) first, then nearby claims closest in the text, then the best supported. **Sides**: ``support`` = stakeholders supporting a contested
   claim of the cluster, ``oppose`` = those opposing one. When nobody states support for a contested
   claim (a pure doubt), the supporters of the attached claims (the aims the doubt is about) form the
   support side. **Bridges**: attached claims whose supporters sit on both sides, or on neither (a third,
   middle position such as proportionality), and stakeholders found on both sides.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import networkx as nx
import numpy as np
import scipy.sparse as sp

from .matrix import StanceMatrix, matrix_of, theme_table
from ..model.records import Bundle

MAX_ATTACHED = 10
#: wording of a middle position (a compromise between camps), looked for in claims near a dispute
COMPROMISE = re.compile(
    r"\b(proportionat\w*|pragmati\w*|phased|pilot\w*|trial\w*|differently|in different ways|case[- ]by[- ]case|"
    r"flexib\w*|light[- ]touch|balance[sd]?|middle ground|compromise\w*|gradual\w*|step by step|tailored|"
    r"targeted|exemptions?|opt[- ]outs?|first in one|one \w+ first)\b", re.IGNORECASE)
INVOLVED_WEIGHT = 0.25  # weight of shared involvement (any stance) next to shared opposition (1.0)
KNN_ABOVE = 500
KNN = 15


def _colsum(mat: sp.spmatrix) -> np.ndarray:
    return np.asarray(mat.sum(axis=0)).ravel()


def _theme_incidence(m: StanceMatrix) -> tuple[sp.csr_matrix, list[str]]:
    """claims x themes, 1 where the claim is on the theme."""
    themes = sorted({t for c in m.claims for t in m.theme_ids(c)})
    idx = {t: i for i, t in enumerate(themes)}
    rows, cols = [], []
    for j, c in enumerate(m.claims):
        for t in m.theme_ids(c):
            rows.append(j)
            cols.append(idx[t])
    inc = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(m.claims), len(themes)))
    return inc, themes


def _relation_pairs(m: StanceMatrix, col_of: dict[str, int]) -> list[tuple[int, int]]:
    pairs = []
    for cid in m.claims:
        c = m.bundle.claims.get(cid)
        if c is None:
            continue
        for other in c.contradicts + c.refines:
            if other in col_of:
                pairs.append((col_of[cid], col_of[other]))
    return pairs


def find_tensions(bundle: "Bundle | StanceMatrix", *, seed: int = 0, max_claims: int = 1000, evidence: int = 10,
                  **filters: Any) -> list[dict[str, Any]]:
    """Tension clusters, most intense first: ``[{id, label, themes, claims, sides, bridges, evidence, ...}]``."""
    m = matrix_of(bundle, filters)
    n_claims = len(m.claims)
    if n_claims == 0:
        return []
    sup_p, opp_p = m.presence(1), m.presence(-1)
    involved = (m.total > 0).astype(np.float64).tocsc()
    s_str, o_str = _colsum(m.strength(1)), _colsum(m.strength(-1))
    col_of = {c: j for j, c in enumerate(m.claims)}
    relations = _relation_pairs(m, col_of)
    supported = _colsum(sup_p) > 0
    contested = _colsum(opp_p) > 0
    for a, b in relations:
        rec = m.bundle.claims.get(m.claims[a])
        if rec is not None and m.claims[b] in rec.contradicts and supported[a] and supported[b]:
            contested[a] = contested[b] = True
    cand = np.flatnonzero(contested)
    if not len(cand):
        return []
    intensity = o_str + np.minimum(s_str, o_str)
    if len(cand) > max_claims:
        cand = cand[np.lexsort((cand, -intensity[cand]))][:max_claims]
        cand.sort()
    inc, theme_ids = _theme_incidence(m)

    # conflict structure on the contested claims: two claims are linked when the same stakeholders
    # contest them (the camps are made by who opposes or doubts); shared involvement and shared themes
    # strengthen such a link but never make one, since a broad group backing every aim would otherwise
    # tie unrelated disputes together
    opp_link = _cosine(opp_p.astype(np.float64).tocsc()[:, cand])
    ti = inc[cand]
    shared = (ti @ ti.T).tocoo()
    tsize = np.asarray(ti.sum(axis=1)).ravel()
    union = tsize[shared.row] + tsize[shared.col] - shared.data
    theme_j = sp.csr_matrix((shared.data / np.where(union > 0, union, 1), (shared.row, shared.col)), shape=opp_link.shape)
    w = opp_link + opp_link.multiply(INVOLVED_WEIGHT * _cosine(involved[:, cand]) + theme_j)
    local = {int(j): k for k, j in enumerate(cand)}
    rel = [(local[a], local[b]) for a, b in relations if a in local and b in local]
    if rel:
        r = np.array(rel)
        w = w + sp.csr_matrix((np.ones(len(r)), (r[:, 0], r[:, 1])), shape=w.shape)
        w = w + sp.csr_matrix((np.ones(len(r)), (r[:, 1], r[:, 0])), shape=w.shape)
    w = sp.csr_matrix(w)
    w.setdiag(0)
    w.eliminate_zeros()
    if len(cand) > KNN_ABOVE:
        w = _knn(w, KNN)
    g = nx.Graph()
    g.add_nodes_from(range(len(cand)))
    coo = sp.triu(w, k=1).tocoo()
    g.add_weighted_edges_from(zip(coo.row.tolist(), coo.col.tolist(), coo.data.tolist()))
    communities = nx.community.louvain_communities(g, weight="weight", seed=seed)

    # attach uncontested claims sharing a theme, best supported first
    uncontested = ~contested
    n_sup = _colsum(sup_p)
    themes = theme_table(m.bundle)
    sup_lists = _column_lists(sup_p)
    opp_lists = _column_lists(opp_p)
    sections = _claims_by_section(m, {m.claims[int(j)] for j in cand})
    labels = m.stakeholder_labels  # the label of each row
    clusters: list[dict[str, Any]] = []
    for com in communities:
        cols = sorted(int(cand[k]) for k in com)
        t_count = Counter(t for j in cols for t in m.theme_ids(m.claims[j]))
        # the claims discussed in the same sections as the dispute come first (its local context, such
        # as a proportionality position), then those sharing a theme, best supported first
        distance = {col_of[c]: d for c, d in _nearby(sections, [m.claims[j] for j in cols]).items() if c in col_of}
        nearby = set(distance)
        hits = np.zeros(n_claims, dtype=bool)
        if t_count:
            tvec = np.zeros(len(theme_ids))
            for t in t_count:
                tvec[theme_ids.index(t)] = 1.0
            hits |= inc @ tvec > 0
        hits[list(nearby)] = True
        hits &= uncontested & (n_sup > 0)
        attached = sorted(np.flatnonzero(hits).tolist(),
                          key=lambda j: (not (j in nearby and COMPROMISE.search(m.claim_text(m.claims[j]))),
                                         distance.get(j, 1 << 40), -float(s_str[j]), -int(n_sup[j]), m.claims[j]))[:MAX_ATTACHED]
        support_side = {i for j in cols for i in sup_lists[j]}
        oppose_side = {i for j in cols for i in opp_lists[j]}
        doubt_only = [j for j in cols if not sup_lists[j]]
        if doubt_only and attached:
            support_side |= {i for j in attached for i in sup_lists[j]} - oppose_side
        bridges: list[dict[str, Any]] = []
        side_claims: list[int] = []
        oppose_claims: list[int] = []
        for j in attached:
            backers = set(sup_lists[j])
            on_s, on_o = bool(backers & support_side), bool(backers & oppose_side)
            if (on_s and on_o) or not (on_s or on_o):
                bridges.append({"kind": "claim", "id": m.claims[j], "text": m.claim_text(m.claims[j]),
                                "supporters": sorted(labels[i] for i in backers),
                                "reason": ("supported on both sides" if on_s and on_o
                                           else "a position held outside both sides")})
            elif on_s:
                side_claims.append(j)
            else:
                oppose_claims.append(j)
        for i in sorted(support_side & oppose_side, key=lambda i: labels[i]):
            bridges.append({"kind": "stakeholder", "id": m.stakeholders[i], "label": labels[i],
                            "reason": "holds positions on both sides"})
        s_weight = _side_weight(m, cols + side_claims, support_side, 1)
        o_weight = _side_weight(m, cols, oppose_side, -1)
        score = float(np.sqrt(max(s_weight, 0.0) * o_weight)) if support_side else 0.0
        # themes ranked by how many of the cluster's claims (contested and side claims) are on them
        t_all = Counter(t for j in cols + side_claims + oppose_claims for t in m.theme_ids(m.claims[j]))
        name = lambda t: themes[t].label if t in themes else t  # noqa: E731
        top = [t for t, _ in sorted(t_all.items(), key=lambda kv: (-kv[1], -t_count.get(kv[0], 0), name(kv[0])))
               if t in t_count]
        top_labels = [name(t) for t in top]
        anchor = max(cols, key=lambda j: (float(intensity[j]), m.claims[j]))
        label = " / ".join(top_labels[:2]) if top_labels else _short(m.claim_text(m.claims[anchor]))
        ev = []
        for j in sorted(cols, key=lambda j: (-float(intensity[j]), m.claims[j])) + [m.claims.index(b["id"]) for b in bridges if b["kind"] == "claim"]:
            for e in m.evidence(j, stances=(1, -1, 0), limit=3):
                ev.append(dict(e, claim=m.claims[j]))
        clusters.append({
            "label": label, "themes": top_labels, "theme_ids": top,
            "claims": [{"id": m.claims[j], "text": m.claim_text(m.claims[j]),
                        "support": len(sup_lists[j]), "oppose": len(opp_lists[j])} for j in cols],
            "sides": [{"stance": "support", "stakeholders": sorted(labels[i] for i in support_side),
                       "claims": [m.claims[j] for j in side_claims]},
                      {"stance": "oppose", "stakeholders": sorted(labels[i] for i in oppose_side),
                       "claims": [m.claims[j] for j in oppose_claims]}],
            "bridges": bridges, "evidence": ev[:evidence], "score": round(score, 6),
            "anchor": {"id": m.claims[anchor], "text": m.claim_text(m.claims[anchor])},
            "doubt_only": [m.claims[j] for j in doubt_only],
        })
    clusters.sort(key=lambda c: (-c["score"], -len(c["claims"]), c["claims"][0]["id"]))
    return [{"id": f"t{k}", **c} for k, c in enumerate(clusters, 1)]


def _claims_by_section(m: StanceMatrix, claims: set[str]) -> dict[str, Any]:
    """For the given claims, their evidence as (document, top-level section, start); and, under ("@",
    document, section), every claim with evidence in one of those sections, with its passages' starts.
    One pass over the positions (two when sections are found)."""
    spots: dict[str, list[tuple[str, tuple[str, ...], int]]] = {}
    positions = list(m.bundle.positions.values()) if getattr(m, "bundle", None) is not None else []
    for p in positions:
        if p.claim in claims:
            for e in p.evidence:
                if e.section:
                    spots.setdefault(p.claim, []).append((e.document, e.section[:1], e.start or 0))
    wanted = {(d, sec) for ss in spots.values() for d, sec, _ in ss}
    out: dict[Any, Any] = dict(spots)
    for p in positions if wanted else ():
        for e in p.evidence:
            if (e.document, e.section[:1]) in wanted:
                out.setdefault(("@", e.document, e.section[:1]), []).append((p.claim, e.start or 0))
    return out


def _nearby(sections: dict[Any, Any], claims: list[str]) -> dict[str, int]:
    """Claims with evidence in the same sections as `claims`, with their distance in characters
    from the closest passage of those claims."""
    best: dict[str, int] = {}
    for c in claims:
        for doc, sec, start in sections.get(c, ()):
            for other, o_start in sections.get(("@", doc, sec), ()):
                d = abs(o_start - start)
                if other not in best or d < best[other]:
                    best[other] = d
    return best


def _cosine(cols: sp.spmatrix) -> sp.csr_matrix:
    """Cosine similarity between the columns of a stakeholder x claim incidence matrix."""
    norms = np.sqrt(np.asarray(cols.multiply(cols).sum(axis=0)).ravel())
    norms[norms == 0] = 1.0
    n = cols @ sp.diags(1.0 / norms)
    return (n.T @ n).tocsr()


def _side_weight(m: StanceMatrix, cols: list[int], side: set[int], value: int) -> float:
    """Sum over the side's stakeholders of their strongest position of that stance on these claims (0.5 if none)."""
    if not side:
        return 0.0
    idx = m.positions_on(cols, stances=(value,))
    best = np.full(len(m.stakeholders), -1.0)
    if len(idx):
        np.maximum.at(best, m.pos_row[idx], m.pos_strength[idx])
    members = np.fromiter(side, dtype=np.int64, count=len(side))
    vals = best[members]
    return float(np.where(vals < 0, 0.5, vals).sum())


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1].rsplit(" ", 1)[0] + "…"


def _column_lists(mat: sp.spmatrix) -> list[list[int]]:
    csc = sp.csc_matrix(mat)
    csc.sort_indices()
    ind, ptr = csc.indices.tolist(), csc.indptr.tolist()
    return [ind[ptr[j]:ptr[j + 1]] for j in range(csc.shape[1])]


def _knn(w: sp.csr_matrix, k: int) -> sp.csr_matrix:
    """Keep each row's k strongest entries, then symmetrise (an edge stays if either end keeps it)."""
    w = w.tocsr()
    rows, cols, vals = [], [], []
    for i in range(w.shape[0]):
        lo, hi = w.indptr[i], w.indptr[i + 1]
        if hi - lo > k:
            sel = lo + np.argpartition(-w.data[lo:hi], k)[:k]
        else:
            sel = np.arange(lo, hi)
        rows.append(np.full(len(sel), i))
        cols.append(w.indices[sel])
        vals.append(w.data[sel])
    kept = sp.csr_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=w.shape)
    return kept.maximum(kept.T).tocsr()
