"""The SPARQL 1.1 Graph Store HTTP Protocol's operations on the embedded store: read, replace,
merge and drop one named graph, and parse an RDF payload.

Writes go through :meth:`Store.update`, so each is one transaction and the default graph stays
the union of the named graphs. The default graph itself is derived and cannot be written.

A write is checked as a load is: the graph it leaves must pass the SHACL shapes and read back into
records (a Position with ``sg:stance "banana"`` would make every read route fail), and its literals must
hold no character XML 1.0 forbids; RDF/XML declaring a DOCTYPE or entities is refused before it is parsed
(the parser would expand them). Each failure is a 422 naming the graph, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from ..model.errors import MalformedSource, NotFound, UnsupportedFormat, UsageError
from ..model.xmltext import forbidden_char, xml_refusal
from .mapping import bundle_from_triples
from .store import Store
from .validate import validate_triples

#: media types accepted for payloads, and their pyoxigraph formats
PAYLOAD_FORMATS: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}


def parse_payload(data: bytes, media_type: str, *, base_iri: str) -> list[ox.Triple]:
    """The triples of an RDF document; UnsupportedFormat (415) or UsageError (400)."""
    fmt = PAYLOAD_FORMATS.get(media_type)
    if fmt is None:
        raise UnsupportedFormat(f"cannot read RDF sent as {media_type or 'no media type'}; "
                                f"send one of {', '.join(PAYLOAD_FORMATS)}")
    if fmt == ox.RdfFormat.RDF_XML:
        reason = xml_refusal(data)
        if reason:
            raise MalformedSource(f"refused: the RDF/XML {reason}")
    try:
        return [t if isinstance(t, ox.Triple) else ox.Triple(t.subject, t.predicate, t.object)
                for t in ox.parse(data, format=fmt, base_iri=base_iri)]
    except (SyntaxError, ValueError) as exc:
        raise UsageError(f"the payload is not valid {media_type}: {str(exc).splitlines()[0]}") from None


def _data_block(graph_iri: str, triples: Iterable[ox.Triple]) -> str:
    lines = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)
    return f"GRAPH <{graph_iri}> {{\n{lines}\n}}"


def _check_iri(graph_iri: str) -> str:
    try:
        return ox.NamedNode(graph_iri).value
    except ValueError:
        raise UsageError(f"not a valid graph IRI: {graph_iri!r}") from None


def check_graph(store: Store, graph_iri: str, triples: list[ox.Triple]) -> None:
    """What a graph must be after a write, as after a load: SHACL-valid, readable as records, XML-safe."""
    label = f"graph <{graph_iri}>"
    for t in triples:
        if isinstance(t.object, ox.Literal):
            char = forbidden_char(t.object.value)
            if char:
                raise MalformedSource(f"{label}: a literal of {t.predicate} holds the control character {char}, which "
                                      "XML cannot carry")
    validate_triples(triples, label=label)
    try:
        bundle_from_triples(triples, store.base)
    except MalformedSource as exc:
        raise MalformedSource(f"{label}: {exc.detail}", field=exc.field) from None


def replace_graph(store: Store, graph_iri: str, triples: list[ox.Triple]) -> bool:
    """Make named graph `graph_iri` hold exactly `triples`; True if the graph is new."""
    iri = _check_iri(graph_iri)
    check_graph(store, iri, triples)
    created = not store.has_graph(iri)
    ops = [f"DROP SILENT GRAPH <{iri}>"]
    if triples:
        ops.append(f"INSERT DATA {{ {_data_block(iri, triples)} }}")
    else:
        ops.append(f"CREATE SILENT GRAPH <{iri}>")
    store.update(" ;\n".join(ops))
    return created


def merge_graph(store: Store, graph_iri: str, triples: list[ox.Triple]) -> bool:
    """Add `triples` to named graph `graph_iri`; True if the graph is new."""
    iri = _check_iri(graph_iri)
    created = not store.has_graph(iri)
    check_graph(store, iri, list(dict.fromkeys([*([] if created else store.graph_triples(iri)), *triples])))
    store.update(f"INSERT DATA {{ {_data_block(iri, triples)} }}" if triples else f"CREATE SILENT GRAPH <{iri}>")
    return created


def drop_graph(store: Store, graph_iri: str) -> None:
    """Remove named graph `graph_iri`; NotFound if there is none."""
    iri = _check_iri(graph_iri)
    if not store.has_graph(iri):
        raise NotFound(f"no graph <{iri}> in the store")
    store.update(f"DROP GRAPH <{iri}>")


def read_graph(store: Store, graph_iri: str | None) -> list[ox.Triple]:
    """The triples of a named graph (NotFound if absent), or of the default graph for None."""
    if graph_iri is not None:
        iri = _check_iri(graph_iri)
        if not store.has_graph(iri):
            raise NotFound(f"no graph <{iri}> in the store")
        return list(store.graph_triples(iri))
    return list(store.graph_triples(None))
