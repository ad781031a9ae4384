"""SHACL validation of data before it is stored, against ontology/shapes.ttl.

Loads use the compiled shapes of :mod:`.shapes` (checks over the triples in bulk); ``stancegraph validate``
and :func:`validate_graph` use pyshacl, the reference the compiled checks are tested against. Both raise
the same :class:`ValidationFailed`: the first failing focus node (by IRI, then path), its shape, path,
message and value, and how many more results there are.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import pyoxigraph as ox

from ...ontology import ONTOLOGY_TTL, SHAPES_TTL
from ...ontology import names as N
from ..model.errors import ValidationFailed
from .mapping import to_rdflib
from .shapes import check_triples


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
    _fail(rows, label=label, report=text)


def _fail(rows: list[dict[str, str]], *, label: str, report: str) -> None:
    first = rows[0] if rows else {"focus": "?", "shape": "?", "path": "?", "message": report.splitlines()[0]}
    more = f" (and {len(rows) - 1} more)" if len(rows) > 1 else ""
    value = f" [value <{first['value']}>]" if first.get("value") else ""
    raise ValidationFailed(
        f"{label}: node <{first['focus']}> fails shape <{first['shape']}> on <{first['path']}>: {first['message']}{value}{more}",
        report=report, results=rows,
    )


def validate_triples(triples: Iterable[ox.Triple], *, label: str = "data", engine: str = "compiled") -> None:
    """Raise :class:`ValidationFailed` if the triples break a shape; `engine` is ``compiled`` or ``pyshacl``.

    The compiled checks (:mod:`.shapes`) give pyshacl's verdict and message at a fraction of its cost;
    ``pyshacl`` runs the reference implementation (``stancegraph validate`` does).
    """
    if engine == "pyshacl":
        validate_graph(to_rdflib(triples), label=label)
        return
    if engine != "compiled":
        raise ValueError(f"unknown validation engine {engine!r}: compiled or pyshacl")
    fail_on(check_triples(triples), label=label)


def fail_on(results: list, *, label: str = "data") -> None:  # noqa: ANN001 - list[shapes.Result]
    """Raise :class:`ValidationFailed` for the results of the compiled checks, if there are any.

    A load checked in chunks gathers every chunk's results and calls this once, so that its message (the
    first result by focus node and path, and how many more) is the one the whole load would get.
    """
    if results:
        results = sorted(results, key=lambda r: (r.focus, r.path))
        _fail([r.row() for r in results], label=label, report=_report_text(results))


def _report_text(results: list) -> str:  # noqa: ANN001 - list[shapes.Result]
    """A text report in pyshacl's layout, for :attr:`ValidationFailed.report`."""
    lines = ["Validation Report", "Conforms: False", f"Results ({len(results)}):"]
    for r in results:
        component = r.component[:1].upper() + r.component[1:] + "ConstraintComponent"
        lines += [f"Constraint Violation in {component} ({N.SH}{component}):", "\tSeverity: sh:Violation",
                  f"\tSource Shape: <{r.shape}>", f"\tFocus Node: <{r.focus}>"]
        if r.value:
            lines.append(f"\tValue Node: {r.value}")
        lines += [f"\tResult Path: <{r.path}>", f"\tMessage: {r.message}"]
    return "\n".join(lines)
