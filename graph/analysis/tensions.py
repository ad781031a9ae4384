"""Tension clusters: contested claims grouped by community detection on the conflict structure, each
claim shown as a question with its own two camps.

1. **Contested claims**: claims someone opposes (a formal "oppose" or a sceptical "doubt that this will
   happen", which extraction records as oppose), whether or not anyone states support, plus claims a
   supported claim contradicts. The `max_claims` most contested (by strength-weighted opposition and
   support) are kept, so the cost stays bounded on large graphs.
2. **Conflict structure**: a claim graph on the contested claims. Edge weight = o x (1 + 0.25 i + t),
   o the cosine overlap of the stakeholders opposing both claims, i that of all stakeholders involved
   in both, t the Jaccard overlap of their themes (shared supporters or themes alone make no link: a
   broad group backing every aim must not tie unrelated disputes together), + 1 for an explicit
   ``contradicts`` / ``refines`` link. Above 500 claims only each claim's 15 strongest links are kept.
3. **Clusters**: Louvain communities (networkx, fixed `seed`) on that graph. A community holding two numbered parts of
   a bill ("Section 12 of Bill 31", "Section 9 of Bill 31") is split, one cluster per part: the same holders may
   contest both, but each part is its own question. Its other claims go with the part they are most linked to, or,
   linked to several about as strongly, with the part named last before they are argued.
4. **Questions**: every claim of a cluster (at most the 12 most contested are listed) is a question with its own two camps. ``support``: the
   stakeholders who support that claim; ``oppose``: those who oppose it, and those who back a claim that
   contradicts it (``via`` names that claim). Nobody is put in a claim's camp for what they said about
   another claim, unless the two claims contradict each other. Two contradicting claims whose camps mirror
   each other are one question (the second is its ``alternatives``).
5. **Sides**: the cluster's two camps, as the union of its questions' camps with the claims lined up: the
   most contested claim leads; a claim whose supporters sit with the lead claim's opponents (or that
   contradicts a claim already lined up) is turned (``orientation`` -1), so that ``support`` gathers the
   supporters of the claims lined up with the lead claim and the opponents of the turned ones, and
   ``oppose`` the rest. A claim that nobody states (a pure doubt) leaves the cluster one-sided
   (``one_sided``): it is never given the supporters of other claims.
6. **Bridges**: stakeholders found on both sides; and claims nobody opposes, discussed in the same top-level
   section of the same document as the cluster's claims or sharing a theme with them, that are supported on
   both sides (common ground), or held by neither side and either worded as a middle position
   (proportionate, pragmatic, phased, piloted, applied differently...) or discussed alongside (same section).
   Such claims held by one side only are listed with that side (``claims``, ids; ``arguments``, ids and texts):
   what that side argues, though nobody disputes it in so many words. For a cluster on a numbered part of a bill,
   only claims argued on that part count: a claim whose passage follows the naming of another part (within
   PART_REACH characters) is argued on that one.
7. **Label**: the cluster's leading themes where each names at least half its claims, else its lead claim.
8. **Rank**: ``score`` = sqrt(S x O), S and O the summed strengths of the two sides' stakeholders (each at
   their strongest position on the cluster's claims); two-sided clusters first, then by score.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import cached_property
from typing import Any

import networkx as nx
import numpy as np
import scipy.sparse as sp

from .matrix import StanceMatrix, matrix_of, theme_table
from ..model.records import Bundle

MAX_ATTACHED = 10
MAX_QUESTIONS = 12  # questions listed per cluster (the most contested); every claim still counts in the sides
#: wording of a middle position (a compromise between camps), looked for in claims near a dispute
COMPROMISE = re.compile(
    r"\b(proportionat\w*|pragmati\w*|phased|pilot\w*|trial\w*|differently|in different ways|case[- ]by[- ]case|"
    r"flexib\w*|light[- ]touch|balance[sd]?|middle ground|compromise\w*|gradual\w*|step by step|tailored|"
    r"targeted|exemptions?|opt[- ]outs?|first in one|one \w+ first)\b", re.IGNORECASE)
#: a claim that is a numbered part of a bill: "Section 12 of Bill 31", "Clause 4 of the Water Bill", "Schedule 3"
_PART_CLAIM = re.compile(r"(?:clause|schedule|section|part|head|article)\s+\d{1,3}[A-Za-z]?\b(?=\s+of\s|\s*[:,(]|\s*$)", re.I)
INVOLVED_WEIGHT = 0.25  # weight of shared involvement (any stance) next to shared opposition (1.0)
PART_REACH = 1500  # characters after a part is named within which a claim is read as argued on it
NEAR_PULL = 0.8  # links to two parts of a bill this close in weight are alike: the part named nearest before decides
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
    """Tension clusters, most contested first: ``[{id, label, themes, claims, sides, questions, bridges, evidence, ...}]``."""
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
    parts = _PartIndex(m)
    communities = _communities(m, cand, opp_p, involved, inc, relations, seed, parts)

    uncontested = ~contested
    n_sup = _colsum(sup_p)
    themes = theme_table(m.bundle)
    sup_lists = _column_lists(sup_p)
    opp_lists = _column_lists(opp_p)
    neu_lists = _column_lists(m.presence(0))
    strength = _Strengths(m)
    contra = _contradicting(m, col_of)
    sections = _claims_by_section(m, {m.claims[int(j)] for j in cand})
    labels = m.stakeholder_labels  # the label of each row
    clusters: list[dict[str, Any]] = []
    for com in communities:
        cols = sorted((int(cand[k]) for k in com), key=lambda j: (-float(intensity[j]), m.claims[j]))
        camps = {j: _camps(j, sup_lists, opp_lists, contra) for j in cols}
        orientation, side_a, side_b = _line_up(cols, camps)
        alternatives = _mirrored(cols, camps, contra)
        both = side_a & side_b
        t_count = Counter(t for j in cols for t in m.theme_ids(m.claims[j]))
        eligible = uncontested & (n_sup > 0)
        part_keys = {k for j in cols if (k := _part_named(m.claim_text(m.claims[j]))) is not None}
        if len(part_keys) == 1:  # a part's arguments are those argued on it, not on the part named just before
            key = next(iter(part_keys))
            eligible = eligible & np.array([key in parts.context.get(c, {key}) and _part_named(m.claim_text(c)) in (None, key)
                                            for c in m.claims])
        attached = _attached(m, cols, sections, col_of, inc, theme_ids, t_count, eligible, s_str, n_sup)
        bridges: list[dict[str, Any]] = []
        side_claims: list[int] = []
        oppose_claims: list[int] = []
        for j, near in attached:
            backers = set(sup_lists[j])
            on_a, on_b = bool(backers & side_a), bool(backers & side_b)
            middle = bool(COMPROMISE.search(m.claim_text(m.claims[j])))
            if on_a and on_b:
                reason = "supported on both sides"
            elif not (on_a or on_b) and (middle or near):
                reason = "a middle position" if middle else "a position held outside both sides, discussed alongside"
            else:
                if on_a:
                    side_claims.append(j)
                elif on_b:
                    oppose_claims.append(j)
                continue
            bridges.append({"kind": "claim", "id": m.claims[j], "text": m.claim_text(m.claims[j]),
                            "supporters": sorted(labels[i] for i in backers), "reason": reason})
        for i in sorted(both, key=lambda i: (labels[i], m.stakeholders[i])):
            bridges.append({"kind": "stakeholder", "id": m.stakeholders[i], "label": labels[i],
                            "reason": "holds positions on both sides"})
        via_cols = sorted({k for j in cols for k in camps[j][2].values()})
        s_weight = strength.side(cols + via_cols, side_a)
        o_weight = strength.side(cols + via_cols, side_b)
        one_sided = not (side_a and side_b)
        score = 0.0 if one_sided else float(np.sqrt(s_weight * o_weight))
        # themes ranked by how many of the cluster's claims (contested and side claims) are on them
        t_all = Counter(t for j in cols + side_claims + oppose_claims for t in m.theme_ids(m.claims[j]))
        name = lambda t: themes[t].label if t in themes else t  # noqa: E731
        top = [t for t, _ in sorted(t_all.items(), key=lambda kv: (-kv[1], -t_count.get(kv[0], 0), name(kv[0])))
               if t in t_count]
        top_labels = [name(t) for t in top]
        anchor = cols[0]
        # named after its themes where they say what most of it is about (at least half its claims), else after the
        # claim it turns on: a theme one claim of five touches ("Pay and conditions", for "who pays the levy") is no name
        n_claims = len(set(cols + side_claims + oppose_claims))
        naming = [name(t) for t in top if 2 * t_all[t] >= n_claims]
        label = " / ".join(naming[:2]) if naming else _short(m.claim_text(m.claims[anchor]))
        ev = []
        for j in cols + [col_of[b["id"]] for b in bridges if b["kind"] == "claim"]:
            for e in m.evidence(j, stances=(1, -1, 0), limit=3):
                ev.append(dict(e, claim=m.claims[j]))
        folded = {k for ks in alternatives.values() for k in ks}
        asked = [j for j in cols if j not in folded]
        questions = [_question(m, j, camps[j], neu_lists[j], orientation[j], alternatives.get(j, []), strength)
                     for j in asked[:MAX_QUESTIONS]]

        def side(rows: set[int], stance: str, claims: list[int]) -> dict[str, Any]:
            ordered = sorted(rows, key=lambda i: (labels[i], m.stakeholders[i]))
            return {"stance": stance, "stakeholders": [labels[i] for i in ordered],
                    "ids": [m.stakeholders[i] for i in ordered], "claims": [m.claims[j] for j in claims],
                    "arguments": [{"id": m.claims[j], "text": m.claim_text(m.claims[j])} for j in claims]}

        clusters.append({
            "label": label, "themes": top_labels, "theme_ids": top,
            "claims": [{"id": m.claims[j], "text": m.claim_text(m.claims[j]), "support": len(sup_lists[j]),
                        "oppose": len(opp_lists[j]), "orientation": orientation[j]} for j in cols],
            "sides": [side(side_a, "support", side_claims), side(side_b, "oppose", oppose_claims)],
            "questions": questions, "questions_total": len(asked),
            "bridges": bridges, "evidence": ev[:evidence], "score": round(score, 6),
            "weights": {"support": round(s_weight, 6), "oppose": round(o_weight, 6)}, "one_sided": one_sided,
            "anchor": {"id": m.claims[anchor], "text": m.claim_text(m.claims[anchor])},
            "doubt_only": sorted(m.claims[j] for j in cols if not sup_lists[j]),
        })
    clusters.sort(key=lambda c: (c["one_sided"], -c["score"], -(c["weights"]["support"] + c["weights"]["oppose"]),
                                 -len(c["claims"]), c["claims"][0]["id"]))
    return [{"id": f"t{k}", **c} for k, c in enumerate(clusters, 1)]


def _communities(m: StanceMatrix, cand: np.ndarray, opp_p: sp.csr_matrix, involved: sp.csc_matrix,
                 inc: sp.csr_matrix, relations: list[tuple[int, int]], seed: int, parts: "_PartIndex") -> list[set[int]]:
    """Louvain communities (indices into `cand`) of the conflict structure on the contested claims.

    Two claims are linked when the same stakeholders contest them (the camps are made by who opposes or
    doubts); shared involvement and shared themes strengthen such a link but never make one, since a broad
    group backing every aim would otherwise tie unrelated disputes together.
    """
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
    return _one_part_each(list(nx.community.louvain_communities(g, weight="weight", seed=seed)), g, m, cand, parts)


def _one_part_each(communities: list[set[int]], g: nx.Graph, m: StanceMatrix, cand: np.ndarray,
                   parts: "_PartIndex") -> list[set[int]]:
    """Communities split so that none holds two numbered parts of a bill ("Section 12 of Bill 31", "Section 9 of
    Bill 31"): the same holders may contest both, but each part is a question a reader weighs on its own. A claim that
    names no part goes with the part it is most strongly linked to; where it is linked to several about as strongly
    (within NEAR_PULL: one holder contests them all), with the part last named before it is argued ("Clause 8
    requires ... We do not believe that standard can be met")."""
    out: list[set[int]] = []
    for com in communities:
        groups: dict[str, set[int]] = {}
        for k in sorted(com):
            key = _part_named(m.claim_text(m.claims[int(cand[k])]))
            if key is not None:
                groups.setdefault(key, set()).add(k)
        if len(groups) < 2:
            out.append(com)
            continue
        keys = list(groups)
        for k in sorted(com - set().union(*groups.values())):
            pull = [round(sum(g[k][x]["weight"] for x in groups[key] if g.has_edge(k, x)), 6) for key in keys]
            near = [key for key, p in zip(keys, pull) if p >= NEAR_PULL * max(pull)]
            groups[min(near, key=lambda key: parts.distance_after(m.claims[int(cand[k])], key))
                   if len(near) > 1 else near[0]].add(k)
        out += groups.values()
    return out


def _part_named(text: str) -> str | None:
    """The numbered part of a bill a claim is, as a key ('Section 12 of Bill 31' -> 'section 12'), else None."""
    named = _PART_CLAIM.match(text)
    if named is None:
        return None
    kind, n = named.group(0).split()[:2]
    return f"{kind.casefold().rstrip('s')} {n.casefold()}"


_PART_MENTION = re.compile(r"\b(clause|schedule|section|part|head|article)s?\s+(\d{1,3}[A-Za-z]?(?:(?:\s*,\s*|\s+and\s+)\d{1,3}[A-Za-z]?)*)",
                           re.I)


class _PartIndex:
    """Where the numbered parts of a bill are named in the passages positions rest on, read once a call and only
    when a cluster holds a part."""

    def __init__(self, m: StanceMatrix) -> None:
        self.m = m

    @cached_property
    def passages(self) -> dict[str, list[tuple[str, int, int]]]:
        """claim id -> (document, start, end) of each passage a position on it rests on."""
        out: dict[str, list[tuple[str, int, int]]] = {}
        for p in self.m.bundle.positions.values():
            for e in p.evidence:
                if e.start is not None:
                    out.setdefault(p.claim, []).append((e.document, e.start, e.end if e.end is not None else e.start))
        return out

    @cached_property
    def mentions(self) -> dict[str, list[tuple[int, str]]]:
        """document -> (offset, part key) of each numbered part named in a passage, in order."""
        out: dict[str, set[tuple[int, str]]] = {}
        for p in self.m.bundle.positions.values():
            for e in p.evidence:
                if e.start is None:
                    continue
                for mm in _PART_MENTION.finditer(e.quote):
                    for n in re.findall(r"\d{1,3}[A-Za-z]?", mm.group(2)):
                        out.setdefault(e.document, set()).add((e.start + mm.start(), f"{mm.group(1).casefold()} {n.casefold()}"))
        return {d: sorted(v) for d, v in out.items()}

    @cached_property
    def context(self) -> dict[str, set[str]]:
        """claim id -> the numbered parts named last before its passages end (within PART_REACH characters of their
        start): the parts it is argued on ("On section 38, we do not accept ...": section 38). A claim argued where no
        part was named lately is absent."""
        starts = {d: [at for at, _ in v] for d, v in self.mentions.items()}
        out: dict[str, set[str]] = {}
        for claim, passages in self.passages.items():
            for doc, start, end in passages:
                if doc not in starts:
                    continue
                k = bisect.bisect_right(starts[doc], end - 1) - 1
                if k >= 0 and start - starts[doc][k] <= PART_REACH:
                    at = starts[doc][k]
                    out.setdefault(claim, set()).update(key for a, key in self.mentions[doc] if a == at)
        return out

    def distance_after(self, claim: str, key: str) -> int:
        """How far a claim's nearest passage lies after the last mention of the part `key` before it (1 << 40 when
        none)."""
        best = 1 << 40
        for doc, start, _end in self.passages.get(claim, ()):
            before = [at for at, k in self.mentions.get(doc, ()) if k == key and at <= start]
            if before:
                best = min(best, start - before[-1])
        return best


Camps = tuple[set[int], set[int], dict[int, int]]  # supporters, opponents (direct and via), via: row -> claim


def _contradicting(m: StanceMatrix, col_of: dict[str, int]) -> dict[int, set[int]]:
    """column -> the columns of the claims it contradicts or that contradict it."""
    out: dict[int, set[int]] = {}
    for cid in m.claims:
        c = m.bundle.claims.get(cid)
        if c is None:
            continue
        for other in c.contradicts:
            if other in col_of and other != cid:
                out.setdefault(col_of[cid], set()).add(col_of[other])
                out.setdefault(col_of[other], set()).add(col_of[cid])
    return out


def _camps(j: int, sup_lists: list[list[int]], opp_lists: list[list[int]], contra: dict[int, set[int]]) -> Camps:
    """A claim's two camps: its supporters; its opponents and the backers of claims that contradict it."""
    backers = set(sup_lists[j])
    against = set(opp_lists[j]) - backers
    via: dict[int, int] = {}
    for k in sorted(contra.get(j, ())):
        for i in sup_lists[k]:
            if i not in backers and i not in against:
                via[i] = k
                against.add(i)
    return backers, against, via


def _line_up(cols: list[int], camps: dict[int, Camps]) -> tuple[dict[int, int], set[int], set[int]]:
    """Orient the claims (most contested first) so that their camps line up; return the orientation
    (+1: the claim's supporters are side A) and the two sides."""
    orientation: dict[int, int] = {}
    side_a: set[int] = set()
    side_b: set[int] = set()
    for j in cols:
        backers, against, _ = camps[j]
        agree = len(backers & side_a) + len(against & side_b)
        disagree = len(backers & side_b) + len(against & side_a)
        o = -1 if disagree > agree else 1
        orientation[j] = o
        side_a |= backers if o == 1 else against
        side_b |= against if o == 1 else backers
    return orientation, side_a, side_b


def _mirrored(cols: list[int], camps: dict[int, Camps], contra: dict[int, set[int]]) -> dict[int, list[int]]:
    """Contradicting claims whose camps are each other's, folded into the first (most contested) one."""
    out: dict[int, list[int]] = {}
    folded: set[int] = set()
    inside = set(cols)
    for j in cols:
        if j in folded:
            continue
        for k in sorted(contra.get(j, set()) & inside, key=cols.index):
            if k == j or k in folded or k in out:
                continue
            if camps[k][0] == camps[j][1] and camps[k][1] == camps[j][0]:
                out.setdefault(j, []).append(k)
                folded.add(k)
    return out


def _attached(m: StanceMatrix, cols: list[int], sections: dict[Any, Any], col_of: dict[str, int], inc: sp.csr_matrix,
              theme_ids: list[str], t_count: Counter[str], eligible: np.ndarray, s_str: np.ndarray,
              n_sup: np.ndarray) -> list[tuple[int, bool]]:
    """Claims nobody opposes near the cluster (same sections) or sharing a theme with it, at most
    MAX_ATTACHED: nearby middle positions first, then the nearest, then the best supported. (column, nearby)."""
    distance = {col_of[c]: d for c, d in _nearby(sections, [m.claims[j] for j in cols]).items() if c in col_of}
    hits = np.zeros(len(m.claims), dtype=bool)
    if t_count:
        tvec = np.zeros(len(theme_ids))
        for t in t_count:
            tvec[theme_ids.index(t)] = 1.0
        hits |= inc @ tvec > 0
    hits[list(distance)] = True
    hits &= eligible
    ranked = sorted(np.flatnonzero(hits).tolist(),
                    key=lambda j: (not (j in distance and COMPROMISE.search(m.claim_text(m.claims[j]))),
                                   distance.get(j, 1 << 40), -float(s_str[j]), -int(n_sup[j]), m.claims[j]))
    return [(j, j in distance) for j in ranked[:MAX_ATTACHED]]


class _Strengths:
    """The strongest support and opposition per (stakeholder row, claim column)."""

    def __init__(self, m: StanceMatrix) -> None:
        self.by_stance = {v: sp.csc_matrix(m.strength(v)) for v in (1, -1)}
        self.any = sp.csc_matrix(self.by_stance[1].maximum(self.by_stance[-1]))

    def of(self, value: int, j: int, rows: set[int] | list[int]) -> float:
        """Summed strength of the `value` positions of `rows` on claim `j`."""
        mat = self.by_stance[value]
        lo, hi = mat.indptr[j], mat.indptr[j + 1]
        col = dict(zip(mat.indices[lo:hi].tolist(), mat.data[lo:hi].tolist()))
        return float(sum(col.get(i, 0.0) for i in rows))

    def side(self, cols: list[int], side: set[int]) -> float:
        """Sum over the side's stakeholders of their strongest position on these claims (0.5 if none)."""
        if not side or not cols:
            return 0.0
        best = np.asarray(self.any[:, sorted(set(cols))].max(axis=1).todense()).ravel()
        return float(sum(best[i] if best[i] > 0 else 0.5 for i in side))


def _question(m: StanceMatrix, j: int, camps: Camps, neutral: list[int], orientation: int, alternatives: list[int],
              strength: _Strengths) -> dict[str, Any]:
    """One claim as a question: its camps (labels and ids, ``via`` for backers of a contradicting claim)."""
    backers, against, via = camps
    labels = m.stakeholder_labels

    def camp(rows: set[int] | list[int]) -> tuple[list[str], list[str]]:
        ordered = sorted(rows, key=lambda i: (labels[i], m.stakeholders[i]))
        return [labels[i] for i in ordered], [m.stakeholders[i] for i in ordered]

    direct = against - set(via)
    s = strength.of(1, j, backers)
    o = strength.of(-1, j, direct) + sum(strength.of(1, k, [i]) for i, k in via.items())
    (s_labels, s_ids), (o_labels, o_ids), (n_labels, n_ids) = camp(backers), camp(against), camp(neutral)
    return {
        "claim": m.claims[j], "text": m.claim_text(m.claims[j]), "themes": m.theme_labels(m.claims[j]),
        "orientation": orientation,
        "alternatives": [{"id": m.claims[k], "text": m.claim_text(m.claims[k])} for k in alternatives],
        "sides": [{"stance": "support", "stakeholders": s_labels, "ids": s_ids},
                  {"stance": "oppose", "stakeholders": o_labels, "ids": o_ids,
                   "via": {m.stakeholders[i]: m.claims[k] for i, k in sorted(via.items())}}],
        "neutral": {"stakeholders": n_labels, "ids": n_ids},
        "score": round(float(np.sqrt(s * o)), 6),
    }


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
