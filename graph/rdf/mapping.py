"""Model <-> RDF, losslessly: records become triples in the stancegraph ontology and back.

Triples are pyoxigraph terms (fast to build, stored as they are); :func:`to_rdflib` turns
them into an rdflib graph for SHACL validation and serialisation.

>>> from stancegraph.graph.model.records import Bundle, new_document, new_stakeholder
>>> b = Bundle(); b.add(new_document("d.txt"), new_stakeholder("Providers"))
>>> bundle_from_triples(bundle_triples(b)) == b
True
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import pyoxigraph as ox

from ...ontology import names as N
from ..model.errors import MalformedSource
from ..model.records import (
    Bundle, Claim, Document, Passage, Position, Record, Source, Stakeholder, Stance, Theme,
)

_RDF_TYPE = ox.NamedNode(N.RDF + "type")
_XSD_STRING = ox.NamedNode(N.XSD + "string")
_XSD_DECIMAL = ox.NamedNode(N.XSD + "decimal")
# xsd:integer, not xsd:nonNegativeInteger: pyoxigraph 0.5 stores every integer type as xsd:integer,
# so the narrower type would not survive a store round trip (and exports would fail the shapes)
_XSD_INTEGER = ox.NamedNode(N.XSD + "integer")
_P = {t.name: ox.NamedNode(t.iri) for t in N.TERMS}
_STANCE = {k: ox.NamedNode(v) for k, v in N.STANCE_IRIS.items()}
_STANCE_BACK = {v: Stance(k) for k, v in N.STANCE_IRIS.items()}
_KIND_CLASS = {k: ox.NamedNode(v) for k, v in N.KIND_CLASSES.items()}
_CLASS_BACK = {N.SG + n: n for n in ("Document", "Source", "Stakeholder", "Theme", "Claim", "Position", "Passage")}
SKOS_CONCEPT = ox.NamedNode(N.SKOS + "Concept")
SECTION_SEP = " > "

Triple = ox.Triple
#: any RDF term pyoxigraph returns (it has no name for the union)
Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


def node(record_id: str, base: str = N.DEFAULT_BASE) -> ox.NamedNode:
    """The IRI of a record id."""
    return ox.NamedNode(base + record_id)


def record_id_of(iri: str, base: str = N.DEFAULT_BASE) -> str:
    """The record id of an IRI under `base` (the IRI itself if it is not under `base`)."""
    return iri[len(base):] if iri.startswith(base) else iri


def _lit(value: str) -> ox.Literal:
    return ox.Literal(value)


@lru_cache(maxsize=1 << 12)
def _dec(value: float) -> ox.Literal:
    return ox.Literal(f"{float(value):.6g}" if "e" not in f"{float(value):.6g}" else f"{float(value):.6f}",
                      datatype=_XSD_DECIMAL)


@lru_cache(maxsize=1 << 12)
def _int(value: int) -> ox.Literal:
    return ox.Literal(str(int(value)), datatype=_XSD_INTEGER)


_SG_CLASS = {name: ox.NamedNode(N.SG + name) for name in _CLASS_BACK.values()}


def record_classes(record: Record | Passage) -> tuple[ox.NamedNode, ...]:
    """The ``rdf:type`` values :func:`record_triples` gives a record's node (or :func:`passage_triples` a passage's).

    What a shape's ``sh:class`` asks of a node another record refers to: a load checked in chunks reads it here,
    from the record, when that record's triples are in another chunk.
    """
    if isinstance(record, Stakeholder):
        return _SG_CLASS["Stakeholder"], _KIND_CLASS[record.kind]
    if isinstance(record, Theme):
        return _SG_CLASS["Theme"], SKOS_CONCEPT
    return (_SG_CLASS[type(record).__name__],)


def record_triples(record: Record, base: str = N.DEFAULT_BASE, *, passages: bool = True) -> Iterator[Triple]:
    """The triples describing one record; a position's passages included unless `passages` is False."""
    T = ox.Triple
    s = node(record.id, base)
    if isinstance(record, Document):
        yield T(s, _RDF_TYPE, _SG_CLASS["Document"])
        yield T(s, _P["title"], _lit(record.title))
        if record.uri:
            yield T(s, _P["uri"], _lit(record.uri))
        if record.publisher:
            yield T(s, _P["publisher"], _lit(record.publisher))
        if record.date:
            yield T(s, _P["date"], _lit(record.date))
        yield T(s, _P["documentKind"], _lit(record.kind))
        if record.sha256:
            yield T(s, _P["sha256"], _lit(record.sha256))
        if record.text is not None:
            yield T(s, _P["documentText"], _lit(record.text))
    elif isinstance(record, Source):
        yield T(s, _RDF_TYPE, _SG_CLASS["Source"])
        yield T(s, _P["label"], _lit(record.label))
        yield T(s, _P["method"], _lit(record.method))
        yield T(s, _P["inDocument"], node(record.document, base))
    elif isinstance(record, Stakeholder):
        yield T(s, _RDF_TYPE, _SG_CLASS["Stakeholder"])
        yield T(s, _RDF_TYPE, _KIND_CLASS[record.kind])
        yield T(s, _P["label"], _lit(record.label))
        yield T(s, _P["stakeholderKind"], _lit(record.kind))
        for alias in record.aliases:
            yield T(s, _P["altLabel"], _lit(alias))
        for group in record.member_of:
            yield T(s, _P["memberOf"], node(group, base))
        for key, value in record.attributes:
            yield T(s, _P["attribute"], _lit(f"{key}={value}"))
    elif isinstance(record, Theme):
        yield T(s, _RDF_TYPE, _SG_CLASS["Theme"])
        yield T(s, _RDF_TYPE, SKOS_CONCEPT)
        yield T(s, _P["prefLabel"], _lit(record.label))
        for alt in record.alt_labels:
            yield T(s, _P["altLabel"], _lit(alt))
        for broader in record.broader:
            yield T(s, _P["broader"], node(broader, base))
    elif isinstance(record, Claim):
        yield T(s, _RDF_TYPE, _SG_CLASS["Claim"])
        yield T(s, _P["text"], _lit(record.text))
        for theme in record.themes:
            yield T(s, _P["subject"], node(theme, base))
        for other in record.contradicts:
            yield T(s, _P["contradicts"], node(other, base))
        for other in record.refines:
            yield T(s, _P["refines"], node(other, base))
        for flag in record.flags:
            yield T(s, _P["flag"], _lit(flag))
    elif isinstance(record, Position):
        yield T(s, _RDF_TYPE, _SG_CLASS["Position"])
        yield T(s, _P["heldBy"], node(record.stakeholder, base))
        yield T(s, _P["onClaim"], node(record.claim, base))
        yield T(s, _P["stance"], _STANCE[record.stance.value])
        yield T(s, _P["inDocument"], node(record.document, base))
        yield T(s, _P["strength"], _dec(record.strength))
        if record.quantifier:
            yield T(s, _P["quantifier"], _lit(record.quantifier))
        if record.rule:
            yield T(s, _P["rule"], _lit(record.rule))
        if record.confidence is not None:
            yield T(s, _P["confidence"], _dec(record.confidence))
        if record.coder:
            yield T(s, _P["coder"], _lit(record.coder))
        if record.date:
            yield T(s, _P["date"], _lit(record.date))
        if record.note:
            yield T(s, _P["note"], _lit(record.note))
        if record.source:
            yield T(s, _P["fromSource"], node(record.source, base))
        for passage in record.evidence:
            yield T(s, _P["evidence"], node(passage.id, base))
            if passages:
                yield from passage_triples(passage, base)
    else:  # pragma: no cover - the Record union is closed
        raise TypeError(f"not a record: {record!r}")


def passage_triples(passage: Passage, base: str = N.DEFAULT_BASE) -> Iterator[Triple]:
    T = ox.Triple
    p = node(passage.id, base)
    yield T(p, _RDF_TYPE, _SG_CLASS["Passage"])
    yield T(p, _P["inDocument"], node(passage.document, base))
    yield T(p, _P["exact"], _lit(passage.quote))
    if passage.start is not None:
        yield T(p, _P["start"], _int(passage.start))
    if passage.end is not None:
        yield T(p, _P["end"], _int(passage.end))
    if passage.source:
        yield T(p, _P["fromSource"], node(passage.source, base))
    if passage.section:
        yield T(p, _P["sectionPath"], _lit(SECTION_SEP.join(passage.section)))


def bundle_triples(bundle: Bundle, base: str = N.DEFAULT_BASE) -> Iterator[Triple]:
    for record in bundle.records():
        yield from record_triples(record, base)


def _values(props: dict[str, list[Any]], name: str) -> list[Any]:
    return props.get(N.BY_NAME[name].iri, [])


def _one(props: dict[str, list[Any]], name: str, subject: str, required: bool = True) -> str | None:
    vals = _values(props, name)
    if not vals:
        if required:
            raise MalformedSource(f"{subject} has no {N.BY_NAME[name].iri}", field=name)
        return None
    return vals[0].value


def _ids(props: dict[str, list[Any]], name: str, base: str) -> tuple[str, ...]:
    return tuple(sorted(record_id_of(v.value, base) for v in _values(props, name)))


def _strs(props: dict[str, list[Any]], name: str) -> tuple[str, ...]:
    return tuple(sorted(v.value for v in _values(props, name)))


def bundle_from_triples(triples: Iterable[Triple], base: str = N.DEFAULT_BASE) -> Bundle:
    """Read records back from triples in the stancegraph ontology (other triples are ignored)."""
    subjects: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for t in triples:
        if isinstance(t.subject, ox.NamedNode):
            subjects[t.subject.value][t.predicate.value].append(t.object)
    passages: dict[str, Passage] = {}
    for iri, props in subjects.items():
        if N.SG + "Passage" in {o.value for o in props.get(_RDF_TYPE.value, [])}:
            start = _one(props, "start", iri, required=False)
            end = _one(props, "end", iri, required=False)
            section = _one(props, "sectionPath", iri, required=False)
            src = _one(props, "fromSource", iri, required=False)
            passages[iri] = Passage(
                document=record_id_of(_one(props, "inDocument", iri) or "", base),
                quote=_one(props, "exact", iri) or "",
                start=None if start is None else int(start),
                end=None if end is None else int(end),
                source=None if src is None else record_id_of(src, base),
                section=tuple(section.split(SECTION_SEP)) if section else (),
            )
    bundle = Bundle()
    for iri, props in subjects.items():
        types = {o.value for o in props.get(_RDF_TYPE.value, [])}
        kinds = [_CLASS_BACK[t] for t in types if t in _CLASS_BACK]
        if not kinds or kinds == ["Passage"]:
            continue
        kind = kinds[0]
        rid = record_id_of(iri, base)
        if kind == "Document":
            bundle.add(Document(
                id=rid, title=_one(props, "title", iri) or "", uri=_one(props, "uri", iri, False),
                publisher=_one(props, "publisher", iri, False), date=_one(props, "date", iri, False),
                kind=_one(props, "documentKind", iri, False) or "report", sha256=_one(props, "sha256", iri, False),
                text=_one(props, "documentText", iri, False)))
        elif kind == "Source":
            bundle.add(Source(id=rid, label=_one(props, "label", iri) or "", method=_one(props, "method", iri) or "",
                              document=record_id_of(_one(props, "inDocument", iri) or "", base)))
        elif kind == "Stakeholder":
            attrs = tuple(sorted(tuple(a.split("=", 1)) for a in _strs(props, "attribute") if "=" in a))
            bundle.add(Stakeholder(
                id=rid, label=_one(props, "label", iri) or "", kind=_one(props, "stakeholderKind", iri, False) or "group",
                aliases=_strs(props, "altLabel"), member_of=_ids(props, "memberOf", base),
                attributes=attrs))  # type: ignore[arg-type]
        elif kind == "Theme":
            bundle.add(Theme(id=rid, label=_one(props, "prefLabel", iri) or "", alt_labels=_strs(props, "altLabel"),
                             broader=_ids(props, "broader", base)))
        elif kind == "Claim":
            bundle.add(Claim(id=rid, text=_one(props, "text", iri) or "", themes=_ids(props, "subject", base),
                             contradicts=_ids(props, "contradicts", base), refines=_ids(props, "refines", base),
                             flags=_strs(props, "flag")))
        elif kind == "Position":
            stance_iri = _one(props, "stance", iri) or ""
            if stance_iri not in _STANCE_BACK:
                raise MalformedSource(f"{iri} has an unknown stance {stance_iri}", field="stance")
            conf = _one(props, "confidence", iri, False)
            evidence = tuple(sorted((passages[e.value] for e in _values(props, "evidence") if e.value in passages),
                                    key=Passage.sort_key))
            bundle.add(Position(
                id=rid, stakeholder=record_id_of(_one(props, "heldBy", iri) or "", base),
                claim=record_id_of(_one(props, "onClaim", iri) or "", base), stance=_STANCE_BACK[stance_iri],
                document=record_id_of(_one(props, "inDocument", iri) or "", base),
                strength=float(_one(props, "strength", iri, False) or 1.0),
                quantifier=_one(props, "quantifier", iri, False), evidence=evidence,
                rule=_one(props, "rule", iri, False), confidence=None if conf is None else float(conf),
                coder=_one(props, "coder", iri, False), date=_one(props, "date", iri, False),
                note=_one(props, "note", iri, False),
                source=None if (src := _one(props, "fromSource", iri, False)) is None else record_id_of(src, base)))
    return bundle


def to_rdflib(triples: Iterable[Triple]):  # -> rdflib.Graph
    """An rdflib graph of the triples, term by term (as rdflib's N-Triples parser would build them).

    Not through N-Triples text: rdflib's N-Triples parser is quadratic in the length of a line, and
    a document's text is one line there (about 2 minutes for a 5 MB document).
    """
    import rdflib

    g = rdflib.Graph()
    for prefix, ns in N.PREFIXES.items():
        g.bind(prefix, ns)
    terms: dict[object, object] = {}

    def term(t: object) -> object:
        found = terms.get(t)
        if found is None:
            if isinstance(t, ox.NamedNode):
                found = rdflib.URIRef(t.value)
            elif isinstance(t, ox.BlankNode):
                found = rdflib.BNode(t.value)
            elif isinstance(t, ox.Literal):
                if t.language:
                    found = rdflib.Literal(t.value, lang=t.language)
                elif t.datatype == _XSD_STRING:
                    found = rdflib.Literal(t.value)
                else:
                    found = rdflib.Literal(t.value, datatype=rdflib.URIRef(t.datatype.value))
            else:  # pragma: no cover - quoted triples are not used
                raise TypeError(f"unsupported RDF term {t!r}")
            terms[t] = found
        return found

    add = g.add
    for t in triples:
        add((term(t.subject), term(t.predicate), term(t.object)))  # type: ignore[arg-type]
    return g



def from_rdflib(graph) -> list[Triple]:  # graph: rdflib.Graph
    """pyoxigraph triples from an rdflib graph."""
    data = graph.serialize(format="nt", encoding="utf-8")
    return list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
