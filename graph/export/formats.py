"""Serialising the store or a bundle: RDF formats, the interchange JSON, and the coding sheet.

Network formats (GraphML, GEXF, CSV node/edge tables) are added by the network exports.
"""

from __future__ import annotations

import json
import re
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


#: what a spreadsheet skips before it decides whether a cell is a formula: whitespace and control characters
_LEADING = re.compile(r"[\s\x00-\x1f\x7f-\x9f]*")


def guard_formula(cell: str) -> str:
    r"""Neutralise spreadsheet formula injection: a leading apostrophe before a cell that starts with a tab, CR or
    LF, or whose first character after whitespace and control characters is = + - or @ (numbers excepted).

    >>> [guard_formula(c) for c in ("=1+1", "\r=2+2", " @SUM(A1)", "-1.5", "\t-1", "a=b")]
    ["'=1+1", "'\r=2+2", "' @SUM(A1)", '-1.5', "'\t-1", 'a=b']
    """
    stripped = cell[_LEADING.match(cell).end():]  # type: ignore[union-attr]  # (matches the empty string too)
    risky = cell[:1] in ("\t", "\r", "\n") or stripped[:1] in ("=", "+", "-", "@")
    return "'" + cell if risky and not (stripped == cell and _is_number(cell)) else cell


def unguard_formula(cell: str) -> str:
    """Undo :func:`guard_formula` (stancegraph reading back its own sheets): the apostrophe goes where it was added."""
    return cell[1:] if cell.startswith("'") and guard_formula(cell[1:]) == cell else cell


def _is_number(cell: str) -> bool:
    try:
        float(cell)
        return True
    except ValueError:
        return False


def csv_line(cells: Iterable[str]) -> str:
    """One CSV record (RFC 4180 quoting, LF-terminated): a cell holding a comma, a quote, CR or LF is quoted
    (Python's csv module leaves a lone CR unquoted when lines end in LF)."""
    out = ['"' + c.replace('"', '""') + '"' if any(ch in c for ch in ',"\r\n') else c for c in cells]
    return (",".join(out) if out != [""] else '""') + "\n"


def write_csv(rows: Iterable[dict[str, object]], columns: list[str] | tuple[str, ...], *, guard: bool = True) -> str:
    """CSV with a header row. For spreadsheets (`guard`, the default) every text cell passes through
    :func:`guard_formula`; query results (SPARQL, Cypher) are data and keep their values exactly."""
    cell = guard_formula if guard else str
    lines = [csv_line(cell(str(c)) for c in columns)]
    for row in rows:
        lines.append(csv_line(cell("" if row.get(c) is None else str(row.get(c))) for c in columns))
    return "".join(lines)


def query_csv(columns: list[str], rows: Iterable[Iterable[object]]) -> str:
    """Rows of a query result (Cypher, or a SPARQL graph as subject, predicate, object) as CSV, values exactly
    (nested lists and maps as JSON): the same on the command line and over HTTP."""
    def cell(v: object) -> object:
        return json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v

    return write_csv(({c: cell(v) for c, v in zip(columns, row)} for row in rows), columns, guard=False)


def bundle_json_bytes(bundle: Bundle) -> bytes:
    return (json.dumps(bundle_to_json(bundle, include_text=True), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


from . import exchange  # noqa: E402  (registers graphml, gexf and csv in EXTRA_FORMATS)
