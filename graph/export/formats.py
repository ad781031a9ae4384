"""Serialising the store or a bundle: RDF formats, the interchange JSON, and the coding sheet.

Network formats (GraphML, GEXF, CSV node/edge tables) are added by the network exports.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable

import pyoxigraph as ox

from ...ontology import names as N
from ..model.errors import UsageError
from ..model.interchange import bundle_to_json
from ..model.records import Bundle

RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
MEDIA_TYPES = {
    "ttl": "text/turtle", "nt": "application/n-triples", "jsonld": "application/ld+json", "nq": "application/n-quads",
    "trig": "application/trig", "rdfxml": "application/rdf+xml", "json": "application/json", "csv": "text/csv",
    "graphml": "application/graphml+xml", "gexf": "application/gexf+xml",
}

#: format name -> function(bundle, triples, base) -> bytes; network formats register here
EXTRA_FORMATS: dict[str, Callable[[Bundle], bytes]] = {}


def serialize_triples(triples: Iterable[ox.Triple | ox.Quad], fmt: str, *, base: str = N.DEFAULT_BASE) -> bytes:
    """Triples (or quads, for nq/trig) in an RDF format, with the project's prefixes."""
    if fmt not in RDF_FORMATS:
        raise UsageError(f"unknown RDF format {fmt!r}; choose one of {', '.join(RDF_FORMATS)}")
    if fmt == "jsonld":  # compacted with the published context (graph/export/exchange.py)
        return exchange.jsonld_bytes(t for t in triples if isinstance(t, ox.Triple))
    prefixes = dict(N.PREFIXES)
    prefixes["id"] = base
    out = ox.serialize(list(triples), format=RDF_FORMATS[fmt], prefixes=prefixes)  # type: ignore[arg-type]
    return out if isinstance(out, bytes) else b""


def guard_formula(cell: str) -> str:
    """Neutralise spreadsheet formula injection: a cell starting with = + - @ gets a leading apostrophe."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@") and not _is_number(cell) else cell


def _is_number(cell: str) -> bool:
    try:
        float(cell)
        return True
    except ValueError:
        return False


def write_csv(rows: Iterable[dict[str, object]], columns: list[str] | tuple[str, ...]) -> str:
    """CSV with a header row; every text cell passed through :func:`guard_formula`."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([guard_formula("" if row.get(c) is None else str(row.get(c))) for c in columns])
    return buf.getvalue()


def bundle_json_bytes(bundle: Bundle) -> bytes:
    return (json.dumps(bundle_to_json(bundle, include_text=True), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


from . import exchange  # noqa: E402  (registers graphml, gexf and csv in EXTRA_FORMATS)
