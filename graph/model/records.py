"""The canonical model: plain typed records that every loader produces and every backend consumes.

A :class:`Bundle` holds the records of one or more documents. Ids are deterministic (see
:mod:`stancegraph.graph.model.ids`), so records with the same id are the same thing and merge:
aliases, themes and evidence are unioned, never duplicated.

Build records through the ``new_*`` helpers, which compute the id from the content::

    >>> doc = new_document("consultation.txt", title="A consultation")
    >>> sh = new_stakeholder("Care providers", kind="group")
    >>> claim = new_claim("Pay must improve")
    >>> pos = new_position(sh, claim, "support", document=doc.id, strength=0.9)
    >>> b = Bundle(); b.add(doc, sh, claim, pos); len(b.positions)
    1
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields, replace
from enum import Enum
from functools import cached_property
from typing import Any

from .ids import PREFIXES, make_id, normalise_text


class Stance(str, Enum):
    SUPPORT = "support"
    OPPOSE = "oppose"
    NEUTRAL = "neutral"

    @classmethod
    def parse(cls, value: str) -> "Stance":
        """Accept the stance names and common synonyms (agree/disagree/pass, +1/-1/0)."""
        v = str(value).strip().casefold()
        table = {
            "support": cls.SUPPORT, "supports": cls.SUPPORT, "agree": cls.SUPPORT, "for": cls.SUPPORT,
            "yes": cls.SUPPORT, "+1": cls.SUPPORT, "1": cls.SUPPORT, "pro": cls.SUPPORT,
            "oppose": cls.OPPOSE, "opposes": cls.OPPOSE, "disagree": cls.OPPOSE, "against": cls.OPPOSE,
            "no": cls.OPPOSE, "-1": cls.OPPOSE, "con": cls.OPPOSE,
            "neutral": cls.NEUTRAL, "pass": cls.NEUTRAL, "0": cls.NEUTRAL, "mixed": cls.NEUTRAL,
        }
        if v not in table:
            raise ValueError(f"unknown stance {value!r} (expected support, oppose or neutral)")
        return table[v]

    @property
    def sign(self) -> int:
        return {"support": 1, "oppose": -1, "neutral": 0}[self.value]


STAKEHOLDER_KINDS = ("group", "organisation", "person")


def _sorted_unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({v for v in values if v}))


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    uri: str | None = None
    publisher: str | None = None
    date: str | None = None  # ISO 8601 date or date-time
    kind: str = "report"  # report, strategy, plan, transcript, dataset, coding-sheet...
    sha256: str | None = None
    text: str | None = None  # the full text every Passage's offsets index

    def __repr__(self) -> str:
        return f"Document({self.id!r}, title={self.title!r})"


@dataclass(frozen=True)
class Source:
    """An evidence strand inside a document: a literature review, a workshop, a vote..."""

    id: str
    label: str
    method: str
    document: str

    def __repr__(self) -> str:
        return f"Source({self.id!r}, method={self.method!r})"


@dataclass(frozen=True)
class Stakeholder:
    id: str
    label: str
    kind: str = "group"  # group, organisation, person
    aliases: tuple[str, ...] = ()
    member_of: tuple[str, ...] = ()
    attributes: tuple[tuple[str, str], ...] = ()  # extra key/value pairs (type, colour...) from coded data

    def __repr__(self) -> str:
        return f"Stakeholder({self.id!r}, {self.label!r})"


@dataclass(frozen=True)
class Theme:
    """A SKOS concept."""

    id: str
    label: str
    alt_labels: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"Theme({self.id!r}, {self.label!r})"


@dataclass(frozen=True)
class Claim:
    id: str
    text: str
    themes: tuple[str, ...] = ()
    contradicts: tuple[str, ...] = ()
    refines: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()  # e.g. "moderated-out" for a Pol.is comment

    def __repr__(self) -> str:
        return f"Claim({self.id!r}, {self.text[:40]!r})"


@dataclass(frozen=True)
class Passage:
    """The exact span of a document a position rests on: ``text[start:end] == quote``."""

    document: str
    quote: str
    start: int | None = None
    end: int | None = None
    source: str | None = None
    section: tuple[str, ...] = ()  # heading path, outermost first

    @cached_property
    def id(self) -> str:
        if self.start is not None:
            return make_id(PREFIXES["passage"], self.quote[:30], self.document, self.start, self.end)
        return make_id(PREFIXES["passage"], self.quote[:30], self.document, self.quote)

    def sort_key(self) -> tuple[Any, ...]:
        return (self.document, -1 if self.start is None else self.start, self.end or 0, self.quote)


@dataclass(frozen=True)
class Position:
    """An n-ary stance record: who, on what, which way, how strongly, on what evidence, by which rule."""

    id: str
    stakeholder: str
    claim: str
    stance: Stance
    document: str
    strength: float = 1.0
    quantifier: str | None = None
    evidence: tuple[Passage, ...] = ()
    rule: str | None = None  # extractor rule id
    confidence: float | None = None
    coder: str | None = None
    date: str | None = None
    note: str | None = None
    source: str | None = None  # the evidence strand, for a position coded without a passage

    def __repr__(self) -> str:
        return f"Position({self.stakeholder!r} {self.stance.value} {self.claim!r})"


Record = Document | Source | Stakeholder | Theme | Claim | Position


def new_document(key: str, **kw: Any) -> Document:
    """A document whose id comes from `key` (usually the file name), so a new version replaces the old."""
    kw.setdefault("title", key)
    return Document(id=make_id(PREFIXES["document"], key), **kw)


def new_source(label: str, method: str, document: str) -> Source:
    return Source(id=make_id(PREFIXES["source"], label, document), label=label, method=method, document=document)


def new_stakeholder(label: str, *, kind: str = "group", aliases: Iterable[str] = (), member_of: Iterable[str] = (),
                    attributes: Iterable[tuple[str, str]] = (), scope: str | None = None) -> Stakeholder:
    """A stakeholder whose id comes from its label, so the same name is the same stakeholder everywhere.

    `scope` (a document id) keeps an unnamed collective such as "Some participants" apart from
    the "Some participants" of another document: same label, different people, different id.
    """
    if kind not in STAKEHOLDER_KINDS:
        raise ValueError(f"unknown stakeholder kind {kind!r} (expected one of {', '.join(STAKEHOLDER_KINDS)})")
    label = " ".join(label.split())
    return Stakeholder(id=stakeholder_id(label, scope=scope), label=label, kind=kind,
                       aliases=_sorted_unique(a for a in aliases if normalise_text(a) != normalise_text(label)),
                       member_of=_sorted_unique(member_of), attributes=tuple(sorted(set(attributes))))


def stakeholder_id(label: str, *, scope: str | None = None) -> str:
    if scope:
        return make_id(PREFIXES["stakeholder"], label, scope)
    return make_id(PREFIXES["stakeholder"], label)


def new_theme(label: str, *, alt_labels: Iterable[str] = (), broader: Iterable[str] = ()) -> Theme:
    label = " ".join(label.split())
    return Theme(id=theme_id(label), label=label, alt_labels=_sorted_unique(alt_labels), broader=_sorted_unique(broader))


def theme_id(label: str) -> str:
    return make_id(PREFIXES["theme"], label)


def new_claim(text: str, *, themes: Iterable[str] = (), contradicts: Iterable[str] = (), refines: Iterable[str] = (),
              flags: Iterable[str] = ()) -> Claim:
    text = " ".join(text.split())
    return Claim(id=claim_id(text), text=text, themes=_sorted_unique(themes), contradicts=_sorted_unique(contradicts),
                 refines=_sorted_unique(refines), flags=_sorted_unique(flags))


def claim_id(text: str) -> str:
    """Claims with the same normalised text share an id, and so merge."""
    return make_id(PREFIXES["claim"], text)


def new_position(stakeholder: Stakeholder | str, claim: Claim | str, stance: Stance | str, *, document: str,
                 evidence: Iterable[Passage] = (), **kw: Any) -> Position:
    sh = stakeholder if isinstance(stakeholder, str) else stakeholder.id
    cl = claim if isinstance(claim, str) else claim.id
    st = stance if isinstance(stance, Stance) else Stance.parse(stance)
    pid = make_id(PREFIXES["position"], st.value, sh, cl, document)
    ev = tuple(sorted(set(evidence), key=Passage.sort_key))
    return Position(id=pid, stakeholder=sh, claim=cl, stance=st, document=document, evidence=ev, **kw)


def _merge(old: Any, new: Any) -> Any:
    """Merge two records with the same id: union the tuple fields, keep the first non-empty scalars."""
    changes: dict[str, Any] = {}
    for f in fields(old):
        a, b = getattr(old, f.name), getattr(new, f.name)
        if f.name == "evidence":
            merged = tuple(sorted(set(a) | set(b), key=Passage.sort_key))
            if merged != a:
                changes[f.name] = merged
        elif isinstance(a, tuple):
            merged_t = tuple(sorted(set(a) | set(b)))
            if merged_t != a:
                changes[f.name] = merged_t
        elif f.name == "strength":
            if b > a:
                changes[f.name] = b
        elif a in (None, "") and b not in (None, ""):
            changes[f.name] = b
    return replace(old, **changes) if changes else old


_KIND_OF_TYPE: dict[type, str] = {
    Document: "documents", Source: "sources", Stakeholder: "stakeholders", Theme: "themes", Claim: "claims",
    Position: "positions",
}


@dataclass
class Bundle:
    """The records of one or more documents, keyed by id; adding a record with a known id merges it."""

    documents: dict[str, Document] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    stakeholders: dict[str, Stakeholder] = field(default_factory=dict)
    themes: dict[str, Theme] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    positions: dict[str, Position] = field(default_factory=dict)

    def add(self, *records: Record) -> None:
        for record in records:
            table: dict[str, Any] = getattr(self, _KIND_OF_TYPE[type(record)])
            old = table.get(record.id)
            table[record.id] = record if old is None else _merge(old, record)

    def extend(self, records: Iterable[Record]) -> None:
        self.add(*records)

    def update(self, other: "Bundle") -> None:
        """Merge every record of `other` into this bundle."""
        self.extend(other.records())

    def records(self) -> Iterator[Record]:
        for name in ("documents", "sources", "themes", "stakeholders", "claims", "positions"):
            yield from getattr(self, name).values()

    def __len__(self) -> int:
        return sum(len(getattr(self, n)) for n in _KIND_OF_TYPE.values())

    def counts(self) -> dict[str, int]:
        return {n: len(getattr(self, n)) for n in ("documents", "sources", "stakeholders", "themes", "claims", "positions")}

    def for_document(self, document_id: str) -> "Bundle":
        """The records one document needs on its own: its sources, positions, and what they refer to."""
        return self.by_document().get(document_id, Bundle())

    def by_document(self) -> dict[str, "Bundle"]:
        """Each document's own records (see :meth:`for_document`), computed in one pass."""
        out: dict[str, Bundle] = {}
        for doc_id, doc in self.documents.items():
            out[doc_id] = Bundle()
            out[doc_id].add(doc)
        for src in self.sources.values():
            if src.document in out:
                out[src.document].add(src)
        for pos in self.positions.values():
            if pos.document in out:
                out[pos.document].positions[pos.id] = pos
        for part in out.values():
            sh_ids = {p.stakeholder for p in part.positions.values()}
            for cid in sorted({p.claim for p in part.positions.values()}):
                claim = self.claims.get(cid)
                if claim:
                    part.claims[cid] = claim
            self._add_closure(part, sh_ids, {t for c in part.claims.values() for t in c.themes})
        return out

    def _add_closure(self, out: "Bundle", sh_ids: set[str], theme_ids: set[str]) -> None:
        todo = list(sh_ids)
        while todo:
            sid = todo.pop()
            sh = self.stakeholders.get(sid)
            if sh and sid not in out.stakeholders:
                out.add(sh)
                todo.extend(sh.member_of)
        todo = list(theme_ids)
        while todo:
            tid = todo.pop()
            th = self.themes.get(tid)
            if th and tid not in out.themes:
                out.add(th)
                todo.extend(th.broader)

    def documentless(self) -> "Bundle":
        """Records no document owns (a theme scheme, stakeholders without positions)."""
        out = Bundle()
        used_sh = {p.stakeholder for p in self.positions.values()}
        used_sh |= {m for s in self.stakeholders.values() if s.id in used_sh for m in s.member_of}
        used_th = {t for c in self.claims.values() for t in c.themes}
        out.extend(s for s in self.stakeholders.values() if s.id not in used_sh)
        out.extend(t for t in self.themes.values() if t.id not in used_th)
        used_cl = {p.claim for p in self.positions.values()}
        out.extend(c for c in self.claims.values() if c.id not in used_cl)
        return out
