"""SPARQL 1.1 query results in the W3C formats (JSON, XML, CSV, TSV) and graph results in RDF formats."""

from __future__ import annotations

from typing import Any, cast

import pyoxigraph as ox

from .mapping import Term
from .store import QueryOutcome, term_text

RESULT_FORMATS = {
    "json": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
    "xml": (ox.QueryResultsFormat.XML, "application/sparql-results+xml"),
    "csv": (ox.QueryResultsFormat.CSV, "text/csv"),
    "tsv": (ox.QueryResultsFormat.TSV, "text/tab-separated-values"),
}


def term_json(term: Term) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}  # RDF-star: not produced by stancegraph


def outcome_json(outcome: QueryOutcome) -> dict[str, Any]:
    """The W3C SPARQL 1.1 JSON results document of a SELECT or ASK outcome."""
    if outcome.kind == "ask":
        return {"head": {}, "boolean": bool(outcome.boolean)}
    if outcome.kind == "graph":
        header, rows = outcome.table()
        return {"head": {"vars": header},
                "results": {"bindings": [{h: term_json(t) for h, t in zip(header, (tr.subject, tr.predicate, tr.object))}
                                         for tr in outcome.triples]}}
    bindings = [{v: term_json(t) for v, t in zip(outcome.variables, row) if t is not None} for row in outcome.rows]
    return {"head": {"vars": outcome.variables}, "results": {"bindings": bindings}}


def serialize_outcome(outcome: QueryOutcome, fmt: str) -> bytes:
    """A SELECT/ASK outcome in json, xml, csv or tsv (W3C result formats)."""
    results_format = RESULT_FORMATS[fmt][0]
    if outcome.kind == "ask":
        answer = cast(ox.QueryBoolean, ox.Store().query("ASK {}" if outcome.boolean else "ASK { FILTER(false) }"))
        return answer.serialize(format=results_format) or b""
    return _serialize_select([ox.Variable(v) for v in outcome.variables], outcome.rows, fmt)


def _serialize_select(variables: list[ox.Variable], rows: list[list[Term | None]], fmt: str) -> bytes:
    import csv
    import io
    import json
    from xml.sax.saxutils import escape, quoteattr

    names = [v.value for v in variables]
    if fmt == "json":
        return json.dumps(outcome_json(QueryOutcome(kind="select", variables=names, rows=rows)), ensure_ascii=False).encode()
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(names)
        for row in rows:
            w.writerow(["" if t is None else term_text(t) for t in row])
        return buf.getvalue().encode()
    if fmt == "tsv":
        lines = ["\t".join("?" + n for n in names)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode()
    parts = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
    parts += [f"<variable name={quoteattr(n)}/>" for n in names]
    parts.append("</head>\n<results>")
    for row in rows:
        parts.append("<result>")
        for n, t in zip(names, row):
            if t is None:
                continue
            if isinstance(t, ox.NamedNode):
                inner = f"<uri>{escape(t.value)}</uri>"
            elif isinstance(t, ox.BlankNode):
                inner = f"<bnode>{escape(t.value)}</bnode>"
            elif isinstance(t, ox.Literal):
                attr = (f" xml:lang={quoteattr(t.language)}" if t.language else
                        "" if t.datatype.value.endswith("#string") else f" datatype={quoteattr(t.datatype.value)}")
                inner = f"<literal{attr}>{escape(t.value)}</literal>"
            else:
                inner = f"<literal>{escape(str(t))}</literal>"
            parts.append(f"<binding name={quoteattr(n)}>{inner}</binding>")
        parts.append("</result>")
    parts.append("</results>\n</sparql>\n")
    return "\n".join(parts).encode()
