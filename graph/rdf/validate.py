"""SHACL validation of data before it is stored (pyshacl against ontology/shapes.ttl)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import pyoxigraph as ox

from ...ontology import ONTOLOGY_TTL, SHAPES_TTL
from ...ontology import names as N
from ..model.errors import ValidationFailed
from .mapping import to_rdflib


@lru_cache(maxsize=1)
def _shapes():  # -> rdflib.Graph
    import rdflib

    g = rdflib.Graph()
    g.parse(SHAPES_TTL, format="turtle")
    return g


@lru_cache(maxsize=1)
def _ontology():  # -> rdflib.Graph
    import rdflib

    g = rdflib.Graph()
    g.parse(ONTOLOGY_TTL, format="turtle")
    return g


def validate_graph(data_graph, *, label: str = "data") -> None:  # data_graph: rdflib.Graph
    """Raise :class:`ValidationFailed` naming the first failing node and shape; return None if it conforms."""
    import pyshacl
    import rdflib

    conforms, results, text = pyshacl.validate(
        data_graph, shacl_graph=_shapes(), ont_graph=_ontology(), inference="none", advanced=False,
        allow_warnings=True,
    )
    if conforms:
        return
    SH = rdflib.Namespace(N.SH)
    rows = []
    for result in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        def get(p):  # noqa: ANN001, ANN202
            v = results.value(result, p)
            return "" if v is None else str(v)
        shape = get(SH.sourceShape)
        if shape.startswith("n") or not shape.startswith("http"):  # a blank property shape: name its node shape
            parent = next(iter(_shapes().subjects(SH.property, results.value(result, SH.sourceShape))), None)
            shape = str(parent) if parent is not None else shape
        rows.append({"focus": get(SH.focusNode), "path": get(SH.resultPath), "shape": shape,
                     "message": get(SH.resultMessage), "value": get(SH.value)})
    rows.sort(key=lambda r: (r["focus"], r["path"]))
    first = rows[0] if rows else {"focus": "?", "shape": "?", "path": "?", "message": text.splitlines()[0]}
    more = f" (and {len(rows) - 1} more)" if len(rows) > 1 else ""
    value = f" [value <{first['value']}>]" if first.get("value") else ""
    raise ValidationFailed(
        f"{label}: node <{first['focus']}> fails shape <{first['shape']}> on <{first['path']}>: {first['message']}{value}{more}",
        report=text, results=rows,
    )


def validate_triples(triples: Iterable[ox.Triple], *, label: str = "data") -> None:
    validate_graph(to_rdflib(triples), label=label)
