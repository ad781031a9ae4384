"""The stance matrix: one signed, weighted stakeholder x claim matrix (scipy.sparse) that every analysis reads.

Each position contributes *statements* to one cell: a position resting on k evidence passages counts
k statements (a position without passages counts 1), as a statement does in the Discourse Network
Analyzer. The matrix keeps one count matrix per stance (``support``, ``oppose``, ``neutral``), so that
the signed view (``signed = support - oppose``), DNA's qualifier algebra and Pol.is-style counts all
come from the same numbers.

Groups: a stakeholder's group is each group it is ``member_of``; a stakeholder with none is its own
group, except a person (an individual such as an unclustered Pol.is voter, or a DNA person without an
organisation), who is left ungrouped and so drops out of group-level counts, as DNA drops a statement
whose organisation is empty.

    >>> from stancegraph.graph.model.records import Bundle, new_claim, new_position, new_stakeholder
    >>> a, b = new_stakeholder("Providers"), new_stakeholder("Unions")
    >>> c = new_claim("Pay must improve")
    >>> bundle = Bundle(); bundle.add(a, b, c)
    >>> bundle.add(new_position(a, c, "support", document="d"), new_position(b, c, "oppose", document="d"))
    >>> m = build_matrix(bundle)
    >>> m.signed.toarray().tolist()
    [[1.0], [-1.0]]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Any

import numpy as np
import scipy.sparse as sp

from ..model.errors import NotFound, UsageError
from ..model.ids import normalise_text
from ..model.records import Bundle, Position, Stance, Theme
from ..model.themes import default_scheme

#: stance -> qualifier value on DNA's integer scale (support 1, neutral 0, oppose -1)
STANCE_VALUE = {Stance.SUPPORT: 1, Stance.NEUTRAL: 0, Stance.OPPOSE: -1}
_STANCE_NAME = {1: "support", -1: "oppose", 0: "neutral"}
FILTER_NAMES = ("theme", "document", "method", "kind", "date_from", "date_to")


@dataclass(frozen=True)
class StanceMatrix:
    """Stakeholders (rows) x claims (columns), one statement-count matrix per stance, plus the groups.

    ``pos_*`` arrays hold one entry per kept position (row, column, stance value, statements,
    strength) so that results can cite the positions and evidence behind every number.
    """

    bundle: Bundle
    stakeholders: tuple[str, ...]
    claims: tuple[str, ...]
    groups: tuple[str, ...]
    support: sp.csr_matrix
    oppose: sp.csr_matrix
    neutral: sp.csr_matrix
    membership: sp.csr_matrix  # groups x stakeholders, 1 where the stakeholder belongs to the group
    pos_ids: tuple[str, ...]
    pos_row: np.ndarray
    pos_col: np.ndarray
    pos_value: np.ndarray  # +1 support, 0 neutral, -1 oppose
    pos_statements: np.ndarray  # passages kept (>= 1)
    pos_strength: np.ndarray
    filters: dict[str, Any] = field(default_factory=dict)

    # ------------------------------------------------------------------ shapes and views
    @property
    def shape(self) -> tuple[int, int]:
        return (len(self.stakeholders), len(self.claims))

    @cached_property
    def signed(self) -> sp.csr_matrix:
        """support - oppose, in statements."""
        return (self.support - self.oppose).tocsr()

    @cached_property
    def total(self) -> sp.csr_matrix:
        """All statements per cell, whatever the stance."""
        return (self.support + self.oppose + self.neutral).tocsr()

    @cached_property
    def stacked(self) -> sp.csr_matrix:
        """[support | oppose | neutral]: DNA's X[i, j, k] with the qualifier level k as a column block."""
        return sp.hstack([self.support, self.oppose, self.neutral], format="csr")

    @cached_property
    def has_neutral(self) -> bool:
        return self.neutral.nnz > 0

    def stance_matrix(self, value: int) -> sp.csr_matrix:
        return {1: self.support, -1: self.oppose, 0: self.neutral}[value]

    def presence(self, value: int) -> sp.csr_matrix:
        """1 where a stakeholder holds that stance on a claim (stakeholders, not statements)."""
        m = self.stance_matrix(value).copy()
        m.data[:] = 1.0
        return m

    def strength(self, value: int) -> sp.csr_matrix:
        """The strongest position of that stance per cell (0 where none)."""
        keep = self.pos_value == value
        n, m = self.shape
        rows, cols, s = self.pos_row[keep], self.pos_col[keep], self.pos_strength[keep]
        if not len(rows):
            return sp.csr_matrix((n, m))
        if self.stance_matrix(value).nnz == len(rows):  # one position per cell: nothing to take the max over
            return sp.csr_matrix((s, (rows, cols)), shape=(n, m))
        order = np.lexsort((-s, cols, rows))
        rows, cols, s = rows[order], cols[order], s[order]
        first = np.ones(len(rows), dtype=bool)
        first[1:] = (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])
        return sp.csr_matrix((s[first], (rows[first], cols[first])), shape=(n, m))

    # ------------------------------------------------------------------ groups
    def grouped(self, m: sp.spmatrix) -> sp.csr_matrix:
        """A stakeholder-row matrix summed to group rows."""
        return (self.membership @ m).tocsr()

    @cached_property
    def group_of(self) -> dict[str, tuple[str, ...]]:
        """stakeholder id -> its group ids (empty for an ungrouped person)."""
        coo = self.membership.tocoo()
        out: dict[str, list[str]] = {s: [] for s in self.stakeholders}
        for g, s in zip(coo.row.tolist(), coo.col.tolist()):
            out[self.stakeholders[s]].append(self.groups[g])
        return {k: tuple(sorted(v)) for k, v in out.items()}

    # ------------------------------------------------------------------ labels and lookups
    def label(self, record_id: str) -> str:
        """A stakeholder's label (the id when the stakeholder is not in the bundle)."""
        sh = self.bundle.stakeholders.get(record_id)
        return sh.label if sh is not None else record_id

    def claim_text(self, claim_id: str) -> str:
        c = self.bundle.claims.get(claim_id)
        return c.text if c is not None else claim_id

    def theme_ids(self, claim_id: str) -> list[str]:
        c = self.bundle.claims.get(claim_id)
        return list(c.themes) if c is not None else []

    @cached_property
    def themes(self) -> dict[str, Theme]:
        """Themes by id (default scheme overlaid by the bundle's)."""
        return theme_table(self.bundle)

    def theme_labels(self, claim_id: str) -> list[str]:
        themes = self.themes
        return [themes[t].label if t in themes else t for t in self.theme_ids(claim_id)]

    @cached_property
    def positions_by_claim(self) -> tuple[np.ndarray, np.ndarray]:
        """(order, starts): position indices sorted by column (strongest first), and where each column's run starts."""
        order = np.lexsort((np.arange(len(self.pos_col)), -self.pos_strength, self.pos_col))  # strongest first
        starts = np.searchsorted(self.pos_col[order], np.arange(len(self.claims) + 1))
        return order, starts

    def claim_positions(self, col: int) -> list[int]:
        order, starts = self.positions_by_claim
        return order[starts[col]:starts[col + 1]].tolist()

    @cached_property
    def stakeholder_labels(self) -> tuple[str, ...]:
        """Row labels; rows are sorted by (label, id), so sorted row indices give sorted labels."""
        return tuple(self.label(s) for s in self.stakeholders)

    @cached_property
    def group_labels(self) -> tuple[str, ...]:
        return tuple(self.label(g) for g in self.groups)

    @cached_property
    def _quantifier_table(self) -> dict[tuple[int, int], list[str]]:
        """(column, stance value) -> the distinct quantifiers of those positions, sorted."""
        positions = self.bundle.positions
        table: dict[tuple[int, int], set[str]] = {}
        if not positions:  # a matrix built from arrays: no records, no quantifiers
            return {}
        get = positions.get
        quants = [getattr(get(pid), "quantifier", None) for pid in self.pos_ids]
        have = [k for k, q in enumerate(quants) if q]
        for k, col, value in zip(have, self.pos_col[have].tolist(), self.pos_value[have].tolist()):
            table.setdefault((col, value), set()).add(quants[k])  # type: ignore[arg-type]
        return {key: sorted(v) for key, v in table.items()}

    @cached_property
    def _stance_runs(self) -> dict[tuple[int, ...], tuple[np.ndarray, np.ndarray]]:
        """stances -> (positions of those stances in claim order, strongest first; each column's start)."""
        return {}

    def _positions_of(self, stances: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
        runs = self._stance_runs
        if stances not in runs:
            order, starts = self.positions_by_claim
            keep = np.isin(self.pos_value[order], np.array(stances, dtype=np.int8))
            before = np.concatenate(([0], np.cumsum(keep)))
            runs[stances] = (order[keep], before[starts])
        return runs[stances]

    def _claim_index(self, col: int, stances: Iterable[int]) -> np.ndarray:
        sel, starts = self._positions_of(tuple(stances))
        return sel[starts[col]:starts[col + 1]]

    def _gather(self, cols: np.ndarray, stances: tuple[int, ...], limit: int | None) -> tuple[np.ndarray, np.ndarray]:
        """The first `limit` (all when None) positions of those stances on each claim in `cols`, and how many per claim."""
        sel, starts = self._positions_of(stances)
        lo = starts[cols]
        take = starts[cols + 1] - lo
        if limit is not None:
            take = np.minimum(take, limit)
        total = int(take.sum())
        return sel[np.repeat(lo, take) + np.arange(total) - np.repeat(np.cumsum(take) - take, take)], take

    def positions_on(self, cols: Iterable[int], *, stances: Iterable[int] = (1, -1, 0)) -> np.ndarray:
        """Indices of the positions (of those stances) on the claims `cols`, claim by claim, strongest first."""
        arr = np.asarray(list(cols) if not isinstance(cols, np.ndarray) else cols, dtype=np.int64)
        return self._gather(arr, tuple(stances), None)[0]

    def evidence(self, col: int, *, stances: Iterable[int] = (1, -1, 0), limit: int = 10) -> list[dict[str, Any]]:
        """Quotes behind a claim's positions: strongest positions first, at most `limit` passages."""
        return self.evidence_of([col], stances=stances, limit=limit)[0]

    def evidence_of(self, cols: Iterable[int], *, stances: Iterable[int] = (1, -1, 0),
                    limit: int = 10) -> list[list[dict[str, Any]]]:
        """:meth:`evidence` for many claims at once (one list per column of `cols`, in that order).

        Each claim's strongest `limit` positions are gathered for all claims in one vectorised step;
        only the quotes themselves are assembled in Python.
        """
        cols = np.asarray(list(cols) if not isinstance(cols, np.ndarray) else cols, dtype=np.int64)
        if limit <= 0 or not len(cols):
            return [[] for _ in range(len(cols))]
        idx, take = self._gather(cols, tuple(stances), limit)
        ids, labels, method = self.pos_ids, self.stakeholder_labels, self.filters.get("method")
        get = self.bundle.positions.get
        pids = [ids[i] for i in idx.tolist()]
        rows, values = self.pos_row[idx].tolist(), self.pos_value[idx].tolist()
        out: list[list[dict[str, Any]]] = []
        k = 0
        if not self.bundle.positions:  # a matrix built from arrays: no records to quote, one entry per position
            flat = [{"stakeholder": labels[r], "stance": _STANCE_NAME[v], "position": pid}
                    for r, v, pid in zip(rows, values, pids)]
            for n in take.tolist():
                out.append(flat[k:k + n])
                k += n
            return out
        for n in take.tolist():
            quotes: list[dict[str, Any]] = []
            for t in range(k, k + n):
                pos = get(pids[t])
                if pos is None:  # a matrix built from arrays: no record to quote
                    quotes.append({"stakeholder": labels[rows[t]], "stance": _STANCE_NAME[values[t]], "position": pids[t]})
                    continue
                for p in _kept_passages(self.bundle, pos, method):
                    quotes.append({"document": p.document, "source": p.source, "start": p.start, "end": p.end,
                                   "quote": p.quote, "stakeholder": labels[rows[t]], "stance": pos.stance.value,
                                   "quantifier": pos.quantifier, "position": pos.id})
                    if len(quotes) >= limit:
                        break
                if len(quotes) >= limit:
                    break
            out.append(quotes)
            k += n
        return out

    def quantifiers(self, col: int, value: int) -> list[str]:
        """The distinct quantifiers of a claim's positions of one stance, sorted."""
        return list(self._quantifier_table.get((col, value), ()))


# ---------------------------------------------------------------------- themes

def theme_table(bundle: Bundle) -> dict[str, Theme]:
    """Themes by id: the default scheme, overlaid by the bundle's own."""
    table = {t.id: t for t in default_scheme()}
    table.update(bundle.themes)
    return table


def resolve_theme_id(bundle: Bundle, theme: str) -> str:
    """A theme given by id, label or alternative label; :class:`NotFound` when nothing matches."""
    table = theme_table(bundle)
    if theme in table:
        return theme
    key = normalise_text(theme)
    for t in sorted(table.values(), key=lambda t: (t.id not in bundle.themes, t.id)):
        if normalise_text(t.label) == key or key in (normalise_text(a) for a in t.alt_labels):
            return t.id
    raise NotFound(f"no theme {theme!r} (give a theme id, label or alternative label)")


def narrower_closure(bundle: Bundle, theme_id: str) -> set[str]:
    """The theme and every theme below it (through ``broader`` links, any depth)."""
    table = theme_table(bundle)
    children: dict[str, set[str]] = {}
    for t in table.values():
        for b in t.broader:
            children.setdefault(b, set()).add(t.id)
    out, todo = {theme_id}, [theme_id]
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in out:
                out.add(child)
                todo.append(child)
    return out


# ---------------------------------------------------------------------- building

def _date_key(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value).strip()


def _kept_passages(bundle: Bundle, pos: Position, method: str | None) -> tuple:
    if method is None:
        return pos.evidence
    want = normalise_text(method)
    return tuple(p for p in pos.evidence
                 if p.source is not None and p.source in bundle.sources
                 and normalise_text(bundle.sources[p.source].method) == want)


def group_ids_of(bundle: Bundle, stakeholder_id: str) -> tuple[str, ...]:
    """The groups a stakeholder counts in: its member_of groups; itself when it has none; none for a lone person."""
    sh = bundle.stakeholders.get(stakeholder_id)
    if sh is None:
        return (stakeholder_id,)
    if sh.member_of:
        return tuple(sh.member_of)
    return () if sh.kind == "person" else (sh.id,)


def build_matrix(bundle: Bundle, *, theme: str | None = None, document: str | None = None, method: str | None = None,
                 kind: str | None = None, date_from: Any = None, date_to: Any = None) -> StanceMatrix:
    """The stance matrix of `bundle`, keeping the positions that pass every filter.

    theme: a theme id or label; claims on it or on any narrower theme. document: a document id or
    title. method: a source method ("workshop", "literature review"...); only passages from such
    sources count. kind: the holder's stakeholder kind. date_from / date_to: ISO dates (inclusive,
    compared on the position's date, else its document's date; undated positions drop out).
    Every claim that passes the theme filter is a column, with or without positions. The theme
    filter narrows the claims, not the groups: a group whose members speak only on other themes is
    still a group (with no stance here), so a claim's group-informed consensus does not change when
    the view is narrowed to its theme.
    """
    filters = {k: v for k, v in dict(theme=theme, document=document, method=method, kind=kind,
                                     date_from=_date_key(date_from), date_to=_date_key(date_to)).items() if v is not None}
    claim_ok: set[str] | None = None
    if theme is not None:
        wanted = narrower_closure(bundle, resolve_theme_id(bundle, theme))
        claim_ok = {c.id for c in bundle.claims.values() if wanted.intersection(c.themes)}
    doc_ok: str | None = None
    if document is not None:
        if document in bundle.documents:
            doc_ok = document
        else:
            hits = [d.id for d in bundle.documents.values() if normalise_text(d.title) == normalise_text(document)]
            if not hits:
                raise NotFound(f"no document {document!r} (give a document id or title)")
            doc_ok = hits[0]
    if kind is not None and kind not in ("group", "organisation", "person"):
        raise UsageError(f"unknown stakeholder kind {kind!r} (expected group, organisation or person)")
    lo, hi = filters.get("date_from"), filters.get("date_to")

    kept: list[tuple[Position, int]] = []
    context: set[str] = set()  # holders of positions outside the theme: their groups still count as groups
    for pos in bundle.positions.values():
        if doc_ok is not None and pos.document != doc_ok:
            continue
        if kind is not None:
            sh = bundle.stakeholders.get(pos.stakeholder)
            if sh is None or sh.kind != kind:
                continue
        if lo is not None or hi is not None:
            d = pos.date or (bundle.documents[pos.document].date if pos.document in bundle.documents else None)
            if not d or (lo is not None and d[:len(lo)] < lo) or (hi is not None and d[:len(hi)] > hi):
                continue
        if method is not None:
            n = len(_kept_passages(bundle, pos, method))
            if n == 0:
                continue
        else:
            n = len(pos.evidence) or 1
        if claim_ok is not None and pos.claim not in claim_ok:
            context.add(pos.stakeholder)
            continue
        kept.append((pos, n))

    sh_ids = sorted({p.stakeholder for p, _ in kept}, key=lambda s: (_label(bundle, s), s))
    claim_pool = claim_ok if claim_ok is not None else set(bundle.claims)
    claim_ids = sorted(claim_pool | {p.claim for p, _ in kept})
    extra_groups = {g for s in context for g in group_ids_of(bundle, s)}
    return _assemble(bundle, kept, sh_ids, claim_ids, filters, extra_groups)


def _label(bundle: Bundle, sid: str) -> str:
    sh = bundle.stakeholders.get(sid)
    return sh.label if sh is not None else sid


def _assemble(bundle: Bundle, kept: list[tuple[Position, int]], sh_ids: list[str], claim_ids: list[str],
              filters: dict[str, Any], extra_groups: Iterable[str] = ()) -> StanceMatrix:
    row_of = {s: i for i, s in enumerate(sh_ids)}
    col_of = {c: j for j, c in enumerate(claim_ids)}
    k = len(kept)
    rows = np.fromiter((row_of[p.stakeholder] for p, _ in kept), dtype=np.int64, count=k)
    cols = np.fromiter((col_of[p.claim] for p, _ in kept), dtype=np.int64, count=k)
    values = np.fromiter((STANCE_VALUE[p.stance] for p, _ in kept), dtype=np.int8, count=k)
    counts = np.fromiter((n for _, n in kept), dtype=np.float64, count=k)
    strength = np.fromiter((p.strength for p, _ in kept), dtype=np.float64, count=k)
    group_rows: dict[str, list[int]] = {}
    for s in sh_ids:
        for g in group_ids_of(bundle, s):
            group_rows.setdefault(g, []).append(row_of[s])
    for g in extra_groups:
        group_rows.setdefault(g, [])
    groups = sorted(group_rows, key=lambda g: (_label(bundle, g), g))
    return matrix_from_arrays(bundle, stakeholders=sh_ids, claims=claim_ids, groups=groups,
                              members=[group_rows[g] for g in groups], pos_ids=[p.id for p, _ in kept],
                              rows=rows, cols=cols, values=values, statements=counts, strength=strength,
                              filters=filters)


def matrix_from_arrays(bundle: Bundle, *, stakeholders: list[str], claims: list[str], groups: list[str],
                       members: list[list[int]], pos_ids: list[str], rows: np.ndarray, cols: np.ndarray,
                       values: np.ndarray, statements: np.ndarray, strength: np.ndarray,
                       filters: dict[str, Any] | None = None) -> StanceMatrix:
    """A StanceMatrix straight from arrays (one entry per position): for benchmarks and bulk data."""
    shape = (len(stakeholders), len(claims))

    def one(value: int) -> sp.csr_matrix:
        keep = values == value
        m = sp.csr_matrix((statements[keep], (rows[keep], cols[keep])), shape=shape)
        m.sum_duplicates()
        return m

    g_rows = np.repeat(np.arange(len(groups)), [len(m) for m in members]) if groups else np.zeros(0, dtype=np.int64)
    g_cols = np.fromiter((r for m in members for r in m), dtype=np.int64, count=sum(len(m) for m in members))
    membership = sp.csr_matrix((np.ones(len(g_cols)), (g_rows, g_cols)), shape=(len(groups), len(stakeholders)))
    return StanceMatrix(bundle=bundle, stakeholders=tuple(stakeholders), claims=tuple(claims), groups=tuple(groups),
                        support=one(1), oppose=one(-1), neutral=one(0), membership=membership,
                        pos_ids=tuple(pos_ids), pos_row=np.asarray(rows, dtype=np.int64),
                        pos_col=np.asarray(cols, dtype=np.int64), pos_value=np.asarray(values, dtype=np.int8),
                        pos_statements=np.asarray(statements, dtype=np.float64),
                        pos_strength=np.asarray(strength, dtype=np.float64), filters=dict(filters or {}))


def matrix_of(source: "Bundle | StanceMatrix", filters: dict[str, Any]) -> StanceMatrix:
    """The stance matrix for an analysis: `source` itself when it is one (then no filters), else built."""
    unknown = set(filters) - set(FILTER_NAMES)
    if unknown:
        raise UsageError(f"unknown filter(s): {', '.join(sorted(unknown))} (expected {', '.join(FILTER_NAMES)})")
    if isinstance(source, StanceMatrix):
        given = {k: v for k, v in filters.items() if v is not None}
        if given and given != {k: v for k, v in source.filters.items() if k in given}:
            raise UsageError("filters must be given when the matrix is built, not on a built matrix")
        return source
    return build_matrix(source, **filters)
