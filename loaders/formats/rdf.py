"""RDF in the stancegraph ontology: Turtle, N-Triples, JSON-LD, N-Quads, TriG, RDF/XML.

The input is parsed with pyoxigraph, validated against the SHACL shapes as it stands (so an
error names the input's node, not a rebuilt one), and read back into records with
:func:`stancegraph.graph.rdf.mapping.bundle_from_triples`. Named graphs are merged. Triples outside
the ontology are ignored. Instance IRIs may use any base (``…/id/`` by default): the base is
taken from the typed nodes, since record ids never contain ``/`` or ``#``.

JSON-LD may carry its context inline (as ``stancegraph export --format jsonld`` writes it) or
name the published context (:data:`~stancegraph.graph.export.exchange.CONTEXT_IRI`), which is read
from the package; no other remote context is fetched.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pyoxigraph as ox

from ...graph.model.errors import MalformedSource
from ...graph.model.xmltext import xml_refusal
from ...graph.export.exchange import CONTEXT_IRI, published_context
from ...graph.model.records import Bundle
from ...graph.rdf.mapping import bundle_from_triples
from ...graph.rdf.validate import validate_triples
from ...ontology import names as N

NAME = "rdf"
FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".jsonld": ox.RdfFormat.JSON_LD,
    ".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG, ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
}
EXTENSIONS = tuple(FORMATS)
_RECORD_CLASSES = {N.SG + c for c in ("Document", "Source", "Stakeholder", "Theme", "Claim", "Position", "Passage")}


def sniff(path: Path, head: bytes) -> bool:
    if not path.is_file():
        return False
    if path.suffix.lower() in FORMATS:
        return True
    return path.suffix.lower() == ".json" and b'"@context"' in head


def _format(path: Path) -> ox.RdfFormat:
    return FORMATS.get(path.suffix.lower(), ox.RdfFormat.JSON_LD)


def _jsonld_with_local_context(data: bytes, path: Path) -> bytes:
    """Replace a reference to the published context by the context itself (no network)."""
    try:
        doc = json.loads(data)
    except json.JSONDecodeError as exc:
        raise MalformedSource(f"bad JSON: {exc.msg}", path=path, line=exc.lineno) from None
    except UnicodeDecodeError as exc:
        raise MalformedSource(f"not UTF-8 (byte {exc.start})", path=path) from None
    local = published_context()["@context"]

    def swap(ctx: object) -> object:
        if ctx == CONTEXT_IRI:
            return local
        if isinstance(ctx, list):
            return [swap(c) for c in ctx]
        return ctx

    nodes = doc if isinstance(doc, list) else [doc]
    for node in nodes:
        if isinstance(node, dict) and "@context" in node:
            node["@context"] = swap(node["@context"])
    return json.dumps(doc).encode("utf-8")


def read_triples(path: Path) -> list[ox.Triple]:
    """The triples of an RDF file (named graphs merged); MalformedSource with the line on a syntax error."""
    fmt = _format(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise MalformedSource(f"cannot read: {exc.strerror}", path=path) from None
    if fmt == ox.RdfFormat.JSON_LD:
        data = _jsonld_with_local_context(data, path)
    if fmt == ox.RdfFormat.RDF_XML:  # the RDF/XML parser expands entities: refuse them first
        reason = xml_refusal(data)
        if reason:
            raise MalformedSource(f"refused: the XML {reason}", path=path)
    try:
        quads = list(ox.parse(data, format=fmt))
    except SyntaxError as exc:
        message = str(exc).splitlines()[0]
        if "LoadDocumentCallback" in message:
            message = f"remote contexts are not fetched; put the context inline, or name {CONTEXT_IRI}"
        line = None
        if message.startswith("Parser error at line "):
            try:
                line = int(message.split()[4])
            except (IndexError, ValueError):
                line = None
        raise MalformedSource(f"bad {fmt.name}: {message}", path=path, line=line) from None
    # named graphs merged as a set (RDF merge): a claim two documents share is described once
    return list(dict.fromkeys(ox.Triple(q.subject, q.predicate, q.object) for q in quads))


def instance_base(triples: list[ox.Triple], path: Path) -> str:
    """The base IRI of the record nodes (everything up to the last / or #)."""
    bases: Counter[str] = Counter()
    rdf_type = N.RDF + "type"
    for t in triples:
        if (t.predicate.value == rdf_type and isinstance(t.object, ox.NamedNode) and t.object.value in _RECORD_CLASSES
                and isinstance(t.subject, ox.NamedNode)):
            iri = t.subject.value
            cut = max(iri.rfind("/"), iri.rfind("#"))
            bases[iri[: cut + 1]] += 1
    if not bases:
        raise MalformedSource("no stancegraph records (sg:Document, sg:Stakeholder, sg:Claim, sg:Position...) found",
                              path=path)
    if len(bases) > 1:
        raise MalformedSource(f"record IRIs use several bases ({', '.join(sorted(bases))}); use one", path=path)
    return next(iter(bases))


def load(path: str | Path, *, validate: bool = True) -> Bundle:
    """Read an RDF file in the stancegraph ontology into a Bundle, SHACL-validated first."""
    p = Path(path)
    triples = read_triples(p)
    base = instance_base(triples, p)
    if validate:
        validate_triples(triples, label=str(p))
    try:
        return bundle_from_triples(triples, base)
    except MalformedSource as exc:
        raise MalformedSource(exc.detail, path=p, field=exc.field) from None
