"""SPARQL 1.1 query results in the W3C formats (JSON, XML, CSV, TSV), written by pyoxigraph's own serialisers.

A :class:`~stancegraph.graph.rdf.store.QueryOutcome` holds its result as pyoxigraph serialised it; this module
turns it into the format a client asked for, and into the JSON results document for Python callers.
"""

from __future__ import annotations

import json
from typing import Any

import pyoxigraph as ox

from .mapping import Term
from .store import RESULT_FORMATS, QueryOutcome

__all__ = ["RESULT_FORMATS", "serialize_outcome", "outcome_json", "term_json"]


def term_json(term: Term) -> dict[str, Any]:
    """One RDF term as a SPARQL JSON results binding."""
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
    """The W3C SPARQL 1.1 JSON results document of an outcome (a graph outcome as subject, predicate, object rows)."""
    if outcome.kind == "graph":
        header = ["subject", "predicate", "object"]
        return {"head": {"vars": header},
                "results": {"bindings": [{h: term_json(t) for h, t in zip(header, (tr.subject, tr.predicate, tr.object))}
                                         for tr in outcome.triples]}}
    return json.loads(outcome.serialize("json"))  # type: ignore[no-any-return]


def serialize_outcome(outcome: QueryOutcome, fmt: str) -> bytes:
    """A SELECT/ASK outcome in json, xml, csv or tsv (W3C result formats)."""
    return outcome.serialize(fmt)
