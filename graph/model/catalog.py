"""Listing, filtering and describing the records of a Bundle: the query side of the REST resources.

A :class:`Catalog` indexes one Bundle once (positions by stakeholder, claim and document; group
membership; the theme tree) and then answers list and item questions as plain data, so the API
routers only page, negotiate formats and add links.

Filters mean the same on every kind. ``theme`` (id or label; narrower themes included),
``stakeholder``, ``group`` (the stakeholder or any of its members), ``claim``, ``stance`` and ``document``
select positions; a list of claims, stakeholders, groups, themes, documents or sources is then
the records those positions touch. ``q`` is a case-insensitive text search on the kind's own
text (label, aliases, claim text, quotes). Filter values name records by id or by label; an
unknown one raises :class:`NotFound`.

>>> from stancegraph.graph.model.records import Bundle, new_document, new_stakeholder, new_claim, new_position
>>> doc = new_document("d.txt"); sh = new_stakeholder("Providers"); c = new_claim("Pay must rise")
>>> b = Bundle(); b.add(doc, sh, c, new_position(sh, c, "support", document=doc.id))
>>> cat = Catalog(b)
>>> [row["text"] for row in cat.list_page("claims", stakeholder="providers")["items"]]
['Pay must rise']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import cached_property
from typing import Any

from .errors import NotFound, UsageError
from .ids import normalise_text
from .interchange import passage_json, position_json, record_json
from .records import Bundle, Position, Stance

KINDS = ("stakeholders", "groups", "claims", "themes", "sources", "documents", "positions")
FILTERS = ("theme", "stakeholder", "group", "claim", "stance", "document", "q")

#: CSV columns of each kind's list rows (lists are joined with "; ")
CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "stakeholders": ("id", "label", "kind", "member_of", "aliases", "support", "oppose", "neutral"),
    "groups": ("id", "label", "kind", "members", "support", "oppose", "neutral"),
    "claims": ("id", "text", "themes", "theme_labels", "support", "oppose", "neutral"),
    "themes": ("id", "label", "broader", "alt_labels", "claims"),
    "sources": ("id", "label", "method", "document", "positions"),
    "documents": ("id", "title", "uri", "publisher", "date", "kind", "positions"),
    "positions": ("id", "stakeholder", "stakeholder_label", "claim", "claim_text", "stance", "strength",
                  "quantifier", "document", "quotes"),
}


def _fold(text: str | None) -> str:
    return (text or "").casefold()


def display_labels(bundle: Bundle, ids: Iterable[str] | None = None) -> dict[str, str]:
    """Labels that tell stakeholders apart: a label several stakeholders share (an unnamed collective such as
    "Workshop participants" in four documents) gets the titles of the documents its holder speaks in.

    >>> from stancegraph.graph.model.records import Bundle, new_document, new_stakeholder, new_claim, new_position
    >>> b = Bundle(); c = new_claim("Open later")
    >>> for name in ("a.txt", "b.txt"):
    ...     d = new_document(name, title=name.upper()); s = new_stakeholder("Participants", scope=d.id)
    ...     b.add(d, s, c, new_position(s, c, "support", document=d.id))
    >>> sorted(display_labels(b).values())
    ['Participants (A.TXT)', 'Participants (B.TXT)']
    """
    wanted = set(bundle.stakeholders if ids is None else ids)
    by_label: dict[str, list[str]] = defaultdict(list)
    for s in bundle.stakeholders.values():
        by_label[normalise_text(s.label)].append(s.id)
    shared = {sid for sid in wanted if sid in bundle.stakeholders
              and len(by_label[normalise_text(bundle.stakeholders[sid].label)]) > 1}
    docs: dict[str, set[str]] = defaultdict(set)
    if shared:
        for p in bundle.positions.values():
            if p.stakeholder in shared:
                docs[p.stakeholder].add(p.document)
    out: dict[str, str] = {}
    for sid in wanted:
        sh = bundle.stakeholders.get(sid)
        label = sh.label if sh is not None else sid
        if sid in shared:
            titles = sorted(bundle.documents[d].title if d in bundle.documents else d for d in docs.get(sid, ()))
            label = (f"{label} ({titles[0]}{', …' if len(titles) > 1 else ''})" if titles
                     else f"{label} ({sh.kind if sh is not None else 'stakeholder'})")
        out[sid] = label
    return out


class Catalog:
    """Indexes over one Bundle for listing, filtering and describing its records."""

    def __init__(self, bundle: Bundle) -> None:
        self.bundle = bundle
        b = bundle
        self.by_stakeholder: dict[str, list[Position]] = defaultdict(list)
        self.by_claim: dict[str, list[Position]] = defaultdict(list)
        self.by_document: dict[str, list[Position]] = defaultdict(list)
        for p in sorted(b.positions.values(), key=lambda p: p.id):
            self.by_stakeholder[p.stakeholder].append(p)
            self.by_claim[p.claim].append(p)
            self.by_document[p.document].append(p)
        # groups: stakeholders of kind "group" and anything another stakeholder is a member of
        self.members: dict[str, set[str]] = defaultdict(set)
        for s in b.stakeholders.values():
            for g in s.member_of:
                self.members[g].add(s.id)
        self.group_ids = {s.id for s in b.stakeholders.values() if s.kind == "group"} | {
            g for g in self.members if g in b.stakeholders}
        self.narrower: dict[str, set[str]] = defaultdict(set)
        for t in b.themes.values():
            for parent in t.broader:
                self.narrower[parent].add(t.id)
        self.claims_by_theme: dict[str, set[str]] = defaultdict(set)
        for c in b.claims.values():
            for tid in c.themes:
                self.claims_by_theme[tid].add(c.id)
        self._labels = {
            "stakeholders": {normalise_text(s.label): s.id for s in b.stakeholders.values()},
            "themes": {normalise_text(t.label): t.id for t in b.themes.values()},
            "documents": {normalise_text(d.title): d.id for d in b.documents.values()},
            "claims": {normalise_text(c.text): c.id for c in b.claims.values()},
        }
        for theme in b.themes.values():
            for alt in theme.alt_labels:
                self._labels["themes"].setdefault(normalise_text(alt), theme.id)
        for s in b.stakeholders.values():
            for alias in s.aliases:
                self._labels["stakeholders"].setdefault(normalise_text(alias), s.id)

    # ------------------------------------------------------------------ lookups
    def resolve(self, kind: str, value: str) -> str:
        """The id of a stakeholder, theme or document named by id or label (case-insensitive)."""
        table: dict[str, Any] = getattr(self.bundle, kind)
        if value in table:
            return value
        found = self._labels.get(kind, {}).get(normalise_text(value))
        if found is None:
            raise NotFound(f"no {kind[:-1]} with id or label {value!r}")
        return found

    def descendants(self, theme_id: str) -> set[str]:
        """A theme and every narrower theme below it."""
        out, todo = set(), [theme_id]
        while todo:
            t = todo.pop()
            if t not in out:
                out.add(t)
                todo.extend(self.narrower.get(t, ()))
        return out

    def group_closure(self, group_id: str) -> set[str]:
        """A group and all its members, members of members included."""
        out, todo = set(), [group_id]
        while todo:
            s = todo.pop()
            if s not in out:
                out.add(s)
                todo.extend(self.members.get(s, ()))
        return out

    def groups_of(self, stakeholder_id: str) -> list[str]:
        """The groups a stakeholder belongs to (directly or through other groups); itself if it is a group."""
        out, todo = [], [stakeholder_id]
        seen: set[str] = set()
        while todo:
            s = todo.pop()
            if s in seen:
                continue
            seen.add(s)
            if s in self.group_ids:
                out.append(s)
            sh = self.bundle.stakeholders.get(s)
            if sh:
                todo.extend(sh.member_of)
        return sorted(out)

    # ------------------------------------------------------------------ filtering
    def positions(self, *, theme: str | None = None, stakeholder: str | None = None, group: str | None = None,
                  claim: str | None = None, stance: str | None = None, document: str | None = None) -> list[Position]:
        """The positions that match every given filter, sorted by id."""
        pool: Iterable[Position] = sorted(self.bundle.positions.values(), key=lambda p: p.id)
        if stakeholder is not None:
            pool = self.by_stakeholder.get(self.resolve("stakeholders", stakeholder), [])
        if claim is not None:
            cid = self.resolve("claims", claim)
            pool = [p for p in pool if p.claim == cid]
        if document is not None:
            doc = self.resolve("documents", document)
            pool = [p for p in pool if p.document == doc]
        if group is not None:
            gid = self.resolve("stakeholders", group)
            members = self.group_closure(gid)
            pool = [p for p in pool if p.stakeholder in members]
        if theme is not None:
            claims = set().union(*(self.claims_by_theme.get(t, set()) for t in self.descendants(self.resolve("themes", theme))))
            pool = [p for p in pool if p.claim in claims]
        if stance is not None:
            try:
                wanted = Stance.parse(stance)
            except ValueError as exc:
                raise UsageError(str(exc)) from None
            pool = [p for p in pool if p.stance is wanted]
        return list(pool)

    def list_page(self, kind: str, *, theme: str | None = None, stakeholder: str | None = None, group: str | None = None,
             claim: str | None = None, stance: str | None = None, document: str | None = None, q: str | None = None,
             limit: int | None = 50, offset: int = 0) -> dict[str, Any]:
        """One page of a kind's rows: ``{"total", "limit", "offset", "items"}``."""
        if kind not in KINDS:
            raise NotFound(f"no such kind {kind!r}; choose one of {', '.join(KINDS)}")
        if limit is not None and limit < 0 or offset < 0:
            raise UsageError("limit and offset must not be negative")
        filtered = any(v is not None for v in (theme, stakeholder, claim, stance, document)) or (
            group is not None and kind != "stakeholders")
        matched = self.positions(theme=theme, stakeholder=stakeholder, group=None if kind == "stakeholders" else group,
                                 claim=claim, stance=stance, document=document) if filtered else None
        rows = self._rows(kind, matched)
        if kind == "stakeholders" and group is not None:
            members = self.group_closure(self.resolve("stakeholders", group))
            rows = [r for r in rows if r["id"] in members]
        if q:
            needle = q.casefold()
            rows = [r for r in rows if needle in self._haystack(kind, r)]
        total = len(rows)
        page = rows[offset: None if limit is None else offset + limit]
        return {"total": total, "limit": limit, "offset": offset, "items": page}

    def _rows(self, kind: str, matched: list[Position] | None) -> list[dict[str, Any]]:
        b = self.bundle
        if kind == "positions":
            pos = matched if matched is not None else sorted(b.positions.values(), key=lambda p: p.id)
            rows = [self.position_row(p) for p in pos]
            return sorted(rows, key=lambda r: (r["document"], _fold(r["stakeholder_label"]), _fold(r["claim_text"]), r["id"]))
        if kind in ("stakeholders", "groups"):
            if matched is None:
                ids = set(b.stakeholders)
            elif kind == "groups":
                ids = {g for p in matched for g in self.groups_of(p.stakeholder)}
            else:
                ids = {p.stakeholder for p in matched}
            if kind == "groups":
                ids &= self.group_ids
            return sorted((self.stakeholder_row(b.stakeholders[i], group=kind == "groups") for i in ids if i in b.stakeholders),
                          key=lambda r: (_fold(r["label"]), r["id"]))
        if kind == "claims":
            ids = set(b.claims) if matched is None else {p.claim for p in matched}
            return sorted((self.claim_row(i) for i in ids if i in b.claims), key=lambda r: (_fold(r["text"]), r["id"]))
        if kind == "themes":
            ids = set(b.themes) if matched is None else {t for p in matched for t in b.claims[p.claim].themes
                                                          if p.claim in b.claims}
            return sorted(({**record_json(b.themes[i]), "claims": len(self.claims_by_theme.get(i, ()))}
                           for i in ids if i in b.themes), key=lambda r: (_fold(r["label"]), r["id"]))
        if kind == "documents":
            ids = set(b.documents) if matched is None else {p.document for p in matched}
            return sorted(({**record_json(b.documents[i]), "positions": len(self.by_document.get(i, ()))}
                           for i in ids if i in b.documents), key=lambda r: (_fold(r["title"]), r["id"]))
        # sources
        counts: dict[str, int] = defaultdict(int)
        for p in b.positions.values():
            for s in {e.source for e in p.evidence if e.source}:
                counts[s] += 1
        if matched is None:
            ids = set(b.sources)
        else:
            ids = {e.source for p in matched for e in p.evidence if e.source}
        return sorted(({**record_json(b.sources[i]), "positions": counts.get(i, 0)} for i in ids if i in b.sources),
                      key=lambda r: (r["document"], _fold(r["label"]), r["id"]))

    @staticmethod
    def _haystack(kind: str, row: dict[str, Any]) -> str:
        parts: list[str] = []
        for key in ("label", "text", "title", "method", "stakeholder_label", "claim_text"):
            if isinstance(row.get(key), str):
                parts.append(row[key])
        for key in ("aliases", "alt_labels", "quotes"):
            parts.extend(row.get(key) or [])
        return "\n".join(parts).casefold()

    # ------------------------------------------------------------------ rows
    def stance_counts(self, positions: Iterable[Position]) -> dict[str, int]:
        out = {"support": 0, "oppose": 0, "neutral": 0}
        for p in positions:
            out[p.stance.value] += 1
        return out

    @cached_property
    def display(self) -> dict[str, str]:
        """Stakeholder id -> a label that tells same-label stakeholders apart (:func:`display_labels`)."""
        return display_labels(self.bundle)

    def stakeholder_row(self, sh: Any, *, group: bool = False) -> dict[str, Any]:
        row = {**record_json(sh), "display_label": self.display.get(sh.id, sh.label),
               **self.stance_counts(self.by_stakeholder.get(sh.id, ()))}
        if group:
            row["members"] = sorted(self.members.get(sh.id, ()))
        return row

    def claim_row(self, claim_id: str) -> dict[str, Any]:
        c = self.bundle.claims[claim_id]
        labels = [self.bundle.themes[t].label for t in c.themes if t in self.bundle.themes]
        return {**record_json(c), "theme_labels": labels, **self.stance_counts(self.by_claim.get(claim_id, ()))}

    def position_row(self, p: Position) -> dict[str, Any]:
        b = self.bundle
        sh = b.stakeholders.get(p.stakeholder)
        claim = b.claims.get(p.claim)
        return {**position_json(p), "stakeholder_label": sh.label if sh else p.stakeholder,
                "stakeholder_display": self.display.get(p.stakeholder, sh.label if sh else p.stakeholder),
                "claim_text": claim.text if claim else p.claim, "quotes": [e.quote for e in p.evidence]}

    def evidence_row(self, p: Position) -> dict[str, Any]:
        """A position as evidence on an item page: who, which way, and the quotes with their sources."""
        b = self.bundle
        row = self.position_row(p)
        doc = b.documents.get(p.document)
        row["document_title"] = doc.title if doc else p.document
        row["evidence"] = [{**passage_json(e), "source_label": b.sources[e.source].label if e.source in b.sources else None}
                           for e in p.evidence]
        return row

    # ------------------------------------------------------------------ items
    def item(self, kind: str, record_id: str) -> dict[str, Any]:
        """One record with what it links to and the evidence behind it."""
        b = self.bundle
        if kind not in KINDS:
            raise NotFound(f"no such kind {kind!r}")
        table = b.stakeholders if kind == "groups" else getattr(b, kind)
        if record_id not in table or (kind == "groups" and record_id not in self.group_ids):
            raise NotFound(f"no {kind[:-1]} {record_id!r}")
        if kind in ("stakeholders", "groups"):
            sh = b.stakeholders[record_id]
            out = self.stakeholder_row(sh, group=kind == "groups")
            out["groups"] = [self.ref(g) for g in self.groups_of(record_id) if g != record_id]
            out["members"] = [self.ref(m) for m in sorted(self.members.get(record_id, ()))]
            held = self.by_stakeholder.get(record_id, [])
            if kind == "groups":
                members = self.group_closure(record_id)
                held = [p for p in b.positions.values() if p.stakeholder in members]
            out["positions"] = [self.evidence_row(p) for p in sorted(held, key=lambda p: (p.claim, p.id))]
            return out
        if kind == "claims":
            out = self.claim_row(record_id)
            c = b.claims[record_id]
            out["theme_refs"] = [{"id": t, "label": b.themes[t].label} for t in c.themes if t in b.themes]
            by_stance: dict[str, list[dict[str, Any]]] = {"support": [], "oppose": [], "neutral": []}
            for p in sorted(self.by_claim.get(record_id, ()), key=lambda p: (-p.strength, p.id)):
                by_stance[p.stance.value].append(self.evidence_row(p))
            out["supporters"], out["opponents"], out["neutral_positions"] = (
                by_stance["support"], by_stance["oppose"], by_stance["neutral"])
            out["related"] = [{"id": o, "relation": rel, "text": b.claims[o].text if o in b.claims else None}
                              for rel, ids in (("contradicts", c.contradicts), ("refines", c.refines)) for o in ids]
            return out
        if kind == "themes":
            t = b.themes[record_id]
            out = {**record_json(t), "claims": len(self.claims_by_theme.get(record_id, ()))}
            out["broader_refs"] = [{"id": x, "label": b.themes[x].label} for x in t.broader if x in b.themes]
            out["narrower"] = [{"id": x, "label": b.themes[x].label} for x in sorted(self.narrower.get(record_id, ()))]
            claims = set().union(*(self.claims_by_theme.get(x, set()) for x in self.descendants(record_id)))
            out["claim_rows"] = sorted((self.claim_row(c) for c in claims), key=lambda r: (_fold(r["text"]), r["id"]))
            return out
        if kind == "documents":
            d = b.documents[record_id]
            held = self.by_document.get(record_id, [])
            out = {**record_json(d), "positions": len(held), "characters": len(d.text) if d.text else None}
            out["sources"] = [record_json(s) for s in sorted(b.sources.values(), key=lambda s: s.label)
                              if s.document == record_id]
            out["stance_counts"] = self.stance_counts(held)
            return out
        if kind == "sources":
            s = b.sources[record_id]
            held = [p for p in b.positions.values() if any(e.source == record_id for e in p.evidence)]
            out = {**record_json(s), "positions": len(held)}
            out["evidence_rows"] = [self.evidence_row(p) for p in sorted(held, key=lambda p: p.id)]
            return out
        return self.evidence_row(b.positions[record_id])

    def ref(self, stakeholder_id: str) -> dict[str, str]:
        sh = self.bundle.stakeholders.get(stakeholder_id)
        return {"id": stakeholder_id, "label": sh.label if sh else stakeholder_id}

    def theme_tree(self) -> list[dict[str, Any]]:
        """The SKOS theme scheme as a tree: top concepts with their ``narrower`` children, recursively."""
        b = self.bundle

        def node(tid: str, seen: frozenset[str]) -> dict[str, Any]:
            t = b.themes[tid]
            kids = sorted((k for k in self.narrower.get(tid, ()) if k in b.themes and k not in seen),
                          key=lambda k: _fold(b.themes[k].label))
            return {"id": t.id, "label": t.label, "alt_labels": list(t.alt_labels),
                    "claims": len(self.claims_by_theme.get(tid, ())),
                    "narrower": [node(k, seen | {k}) for k in kids]}

        tops = [t.id for t in b.themes.values() if not any(x in b.themes for x in t.broader)]
        return [node(t, frozenset({t})) for t in sorted(tops, key=lambda k: _fold(b.themes[k].label))]


def csv_rows(kind: str, rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """List rows flattened for CSV: lists joined with "; "."""
    out = []
    for r in rows:
        flat = {}
        for col in CSV_COLUMNS[kind]:
            v = r.get(col)
            flat[col] = "; ".join(str(x) for x in v) if isinstance(v, (list, tuple)) else v
        out.append(flat)
    return out
