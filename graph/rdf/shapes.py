"""SHACL shapes compiled into checks over triples indexed by predicate and subject.

``ontology/shapes.ttl`` is read once (with pyoxigraph) and each constraint it uses becomes a small check
over an index of the data: subjects by class, and values by predicate and subject. A load of 20,000
positions is checked in well under a second, where pyshacl copies every triple into rdflib and walks the
shapes one by one (about half of an ingest). The verdicts, the results (focus node, shape, path, message,
value) and the message of :class:`ValidationFailed` are the ones pyshacl gives on the same input, with
the ontology mixed into the data graph and no inference, as :func:`.validate.validate_graph` calls it;
``tests/graph/rdf/test_shapes_parity.py`` holds the two side by side on valid and invalid inputs.

Only the constraint components listed in :data:`COMPONENTS` are compiled; a shapes file that uses any
other SHACL term fails at import (:class:`ShapesUnsupported`), so a constraint can never be skipped
silently. Literal values are read as rdflib reads them (its datatypes, ill-typed lexical forms and
comparisons): canonical decimals and integers directly, anything else through rdflib itself.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import pyoxigraph as ox

from ...ontology import ONTOLOGY_TTL, SHAPES_TTL
from ...ontology import names as N

__all__ = ["COMPONENTS", "CompiledShapes", "ShapesUnsupported", "compiled_shapes", "check_triples"]

Node = ox.NamedNode | ox.BlankNode | ox.Literal  # a term of a triple (no RDF-star here)
#: the ``rdf:type`` values of a node known from outside the triples being checked
Classes = Callable[[Node], Iterable[ox.NamedNode]]
SH = N.SH
RDF_TYPE = N.RDF + "type"
RDF_FIRST, RDF_REST, RDF_NIL = N.RDF + "first", N.RDF + "rest", N.RDF + "nil"
RDFS_SUBCLASS = N.RDFS + "subClassOf"
XSD_STRING, XSD_DECIMAL, XSD_INTEGER = N.XSD + "string", N.XSD + "decimal", N.XSD + "integer"
RDF_LANGSTRING = N.RDF + "langString"

#: the SHACL constraint parameters this module compiles, in no particular order
COMPONENTS = frozenset(SH + name for name in (
    "minCount", "maxCount", "class", "datatype", "in", "nodeKind", "minInclusive", "maxInclusive",
    "minExclusive", "maxExclusive", "minLength", "maxLength", "pattern"))
#: other terms a shape may carry that change nothing about its verdict
_NODE_SHAPE_TERMS = frozenset({RDF_TYPE, SH + "targetClass", SH + "property", N.RDFS + "label", N.RDFS + "comment"})
_PROPERTY_TERMS = frozenset({SH + "path", SH + "message", SH + "name", SH + "description", N.RDFS + "comment"})


class ShapesUnsupported(RuntimeError):
    """The shapes file uses a SHACL feature the compiler does not implement (a programming error)."""


@dataclass(frozen=True)
class Result:
    """One SHACL validation result, as pyshacl reports it (strings; `value` empty when there is none)."""

    focus: str
    path: str
    shape: str
    message: str
    value: str = ""
    component: str = ""

    def row(self) -> dict[str, str]:
        return {"focus": self.focus, "path": self.path, "shape": self.shape, "message": self.message, "value": self.value}


@dataclass
class Constraint:
    """One constraint parameter of a property shape: `kind` is the SHACL local name, `arg` its value."""

    kind: str
    arg: Any

    def generic_message(self, prefixes: dict[str, str], focus: Node, path: str) -> str:
        """pyshacl's message for a failure of this constraint when the shape gives none."""
        short_path = _short(path, prefixes)
        if self.kind == "minCount":
            return f"Less than {self.arg} values on {_focus_text(focus)}->{short_path}"
        if self.kind == "maxCount":
            return f"More than {self.arg} values on {_focus_text(focus)}->{short_path}"
        if self.kind == "class":
            return f"Value does not have class {_short(self.arg, prefixes)}"
        if self.kind == "datatype":
            return f"Value is not Literal with datatype {_short(self.arg, prefixes)}"
        if self.kind == "nodeKind":
            return f"Value is not of Node Kind {_short(self.arg, prefixes)}"
        if self.kind == "minInclusive":
            return f"Value is not >= {_literal_text(self.arg, prefixes)}"
        if self.kind == "maxInclusive":
            return f"Value is not <= {_literal_text(self.arg, prefixes)}"
        if self.kind == "minExclusive":
            return f"Value is not > {_literal_text(self.arg, prefixes)}"
        if self.kind == "maxExclusive":
            return f"Value is not < {_literal_text(self.arg, prefixes)}"
        if self.kind == "minLength":
            return f"String length not >= {_literal_text(self.arg, prefixes)}"
        if self.kind == "maxLength":
            return f"String length not <= {_literal_text(self.arg, prefixes)}"
        if self.kind == "pattern":
            return f"Value does not match pattern '{self.arg.value}'"
        if self.kind == "in":
            raise AssertionError("sh:in messages are built per value")  # see _in_message
        raise AssertionError(self.kind)  # pragma: no cover - compile() admits only the kinds above


@dataclass
class PropertyShape:
    path: str
    constraints: list[Constraint]
    messages: list[str]


@dataclass
class NodeShape:
    iri: str
    target_class: str
    properties: list[PropertyShape] = field(default_factory=list)


@dataclass
class CompiledShapes:
    """The node shapes of a shapes file, with the prefixes it declares and the ontology's class hierarchy."""

    shapes: list[NodeShape]
    prefixes: dict[str, str]
    ontology: list[ox.Triple]

    @property
    def paths(self) -> frozenset[str]:
        return frozenset(p.path for s in self.shapes for p in s.properties)


# --------------------------------------------------------------------------- compiling

def compile_shapes(shapes_path: str | Path, ontology_path: str | Path | None = None) -> CompiledShapes:
    """Compile a SHACL shapes file; :class:`ShapesUnsupported` names any construct it does not implement."""
    parser = ox.parse(path=str(shapes_path), format=ox.RdfFormat.TURTLE)
    by_subject: dict[Node, list[tuple[str, Node]]] = {}
    for q in parser:
        by_subject.setdefault(q.subject, []).append((q.predicate.value, q.object))
    prefixes = dict(parser.prefixes)
    where = Path(shapes_path).name

    def one(node: Node, pred: str) -> Node | None:
        vals = [o for p, o in by_subject.get(node, []) if p == pred]
        if len(vals) > 1:
            raise ShapesUnsupported(f"{where}: {node} has several {_short(pred, prefixes)}; the compiler takes one")
        return vals[0] if vals else None

    def rdf_list(node: Node) -> list[Node]:
        items: list[Node] = []
        while not (isinstance(node, ox.NamedNode) and node.value == RDF_NIL):
            first, rest = one(node, RDF_FIRST), one(node, RDF_REST)
            if first is None or rest is None:
                raise ShapesUnsupported(f"{where}: a malformed RDF list in sh:in")
            items.append(first)
            node = rest
        return items

    property_nodes = {o for props in by_subject.values() for p, o in props if p == SH + "property"}
    list_nodes = {s for s, props in by_subject.items() if any(p == RDF_FIRST for p, _ in props)}
    shapes: list[NodeShape] = []
    for subject, props in by_subject.items():
        if subject in property_nodes or subject in list_nodes:
            continue
        if not any(p == RDF_TYPE and o == ox.NamedNode(SH + "NodeShape") for p, o in props):
            if any(p.startswith(SH) or (isinstance(o, ox.NamedNode) and o.value.startswith(SH)) for p, o in props):
                raise ShapesUnsupported(f"{where}: {subject} uses SHACL terms but is no sh:NodeShape; "
                                        "graph/rdf/shapes.py compiles node shapes with property shapes only")
            continue
        unknown = sorted({p for p, _ in props} - _NODE_SHAPE_TERMS)
        if unknown:
            raise ShapesUnsupported(f"{where}: node shape {subject} uses {', '.join(_short(u, prefixes) for u in unknown)}, "
                                    "which graph/rdf/shapes.py does not compile")
        targets = [o for p, o in props if p == SH + "targetClass"]
        if len(targets) != 1 or not isinstance(subject, ox.NamedNode):
            raise ShapesUnsupported(f"{where}: node shape {subject} needs an IRI and exactly one sh:targetClass")
        shape = NodeShape(subject.value, targets[0].value)
        for p, prop in props:
            if p != SH + "property":
                continue
            path = one(prop, SH + "path")
            if not isinstance(path, ox.NamedNode):
                raise ShapesUnsupported(f"{where}: a property shape of {subject.value} has a complex sh:path; "
                                        "only predicate paths are compiled")
            constraints: list[Constraint] = []
            messages: list[str] = []
            for cp, arg in by_subject.get(prop, []):
                if cp in _PROPERTY_TERMS:
                    if cp == SH + "message":
                        messages.append(arg.value)
                    continue
                if cp not in COMPONENTS:
                    raise ShapesUnsupported(f"{where}: a property shape of {subject.value} on {_short(path.value, prefixes)} "
                                            f"uses {_short(cp, prefixes)}, which graph/rdf/shapes.py does not compile")
                kind = cp[len(SH):]
                if kind in ("minCount", "maxCount", "minLength", "maxLength"):
                    value: Any = int(arg.value)
                elif kind in ("class", "datatype", "nodeKind"):
                    value = arg.value
                elif kind == "in":
                    value = rdf_list(arg)
                else:
                    value = arg
                constraints.append(Constraint(kind, value))
            shape.properties.append(PropertyShape(path.value, constraints, messages))
        shapes.append(shape)
    ontology = ([ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(path=str(ontology_path), format=ox.RdfFormat.TURTLE)]
                if ontology_path is not None else [])
    return CompiledShapes(shapes, prefixes, ontology)


@lru_cache(maxsize=1)
def compiled_shapes() -> CompiledShapes:
    """The shapes of ``ontology/shapes.ttl`` with the stancegraph ontology, compiled once per process."""
    return compile_shapes(SHAPES_TTL, ONTOLOGY_TTL)


compiled_shapes()  # a shapes file the compiler cannot read fails at import, not at the first load


# --------------------------------------------------------------------------- checking

class _Index:
    """The data (with the ontology mixed in, as pyshacl mixes it) by predicate and subject, as sets."""

    def __init__(self, triples: Iterable[ox.Triple], paths: frozenset[str], ontology: list[ox.Triple],
                 classes: Classes | None = None) -> None:
        self.classes = classes
        keep = paths | {RDF_TYPE, RDFS_SUBCLASS}
        self.values: dict[str, dict[Node, list[Node]]] = {p: {} for p in keep}
        self.multi: dict[str, set[Node]] = {p: set() for p in keep}  # by predicate, the subjects with two values or more
        for source in (ontology, triples):
            for t in source:
                by_subject = self.values.get(t.predicate.value)
                if by_subject is None:
                    continue
                subject, obj = cast(Node, t.subject), cast(Node, t.object)  # (no RDF-star in stancegraph data)
                found = by_subject.get(subject)
                if found is None:
                    by_subject[subject] = [obj]
                elif obj not in found:
                    found.append(obj)
                    self.multi[t.predicate.value].add(subject)
        self._accepting: dict[str, frozenset[Node]] = {}
        self._by_type: dict[Node, list[Node]] | None = None

    def get(self, path: str, subject: Node) -> list[Node]:
        return self.values[path].get(subject, [])

    def accepting(self, cls: str) -> frozenset[Node]:
        """The class and its subclasses, transitively (the types whose instances have class `cls`)."""
        found = self._accepting.get(cls)
        if found is None:
            subs: dict[Node, list[Node]] = {}
            for s, supers in self.values[RDFS_SUBCLASS].items():
                for sup in supers:
                    subs.setdefault(sup, []).append(s)
            seen: set[Node] = {ox.NamedNode(cls)}
            todo: list[Node] = [ox.NamedNode(cls)]
            while todo:
                for s in subs.get(todo.pop(), []):
                    if s not in seen:
                        seen.add(s)
                        todo.append(s)
            found = self._accepting[cls] = frozenset(seen)
        return found

    def instances(self, cls: str) -> list[Node]:
        accepting = self.accepting(cls)
        return [s for s, types in self.values[RDF_TYPE].items() if any(t in accepting for t in types)]

    def instance_set(self, cls: str) -> set[Node]:
        """The nodes of :meth:`instances`, as a set (in no order), from one pass over the types of the index."""
        if self._by_type is None:
            by_type: dict[Node, list[Node]] = {}
            for s, types in self.values[RDF_TYPE].items():
                for t in types:
                    found = by_type.get(t)
                    if found is None:
                        by_type[t] = [s]
                    else:
                        found.append(s)
            self._by_type = by_type
        out: set[Node] = set()
        for t in self.accepting(cls):
            out.update(self._by_type.get(t, ()))
        return out

    def has_class(self, node: Node, cls: str) -> bool:
        if isinstance(node, ox.Literal):
            return False
        accepting = self.accepting(cls)
        if any(t in accepting for t in self.values[RDF_TYPE].get(node, ())):
            return True
        return self.classes is not None and any(t in accepting for t in self.classes(node))


def check_triples(triples: Iterable[ox.Triple], shapes: CompiledShapes | None = None, *,
                  classes: Classes | None = None) -> list[Result]:
    """Every validation result of the triples against the shapes, sorted as the error message reads them.

    `classes` answers the ``rdf:type`` values a node has outside these triples: with it, a part of a load
    (every triple of each subject in it) is checked as the whole load would be, its references to records
    in other parts included (:mod:`.chunks`).
    """
    shapes = shapes or compiled_shapes()
    index = _Index(triples, shapes.paths, shapes.ontology, classes)
    try:
        if _conforms(index, shapes):
            return []
    except Exception:  # (a value no focus node holds, that the checks cannot read): the loop decides
        pass
    return _results(index, shapes)


def _results(index: _Index, shapes: CompiledShapes) -> list[Result]:
    """The results of :func:`check_triples`: every focus node of every shape, constraint by constraint."""
    results: list[Result] = []
    for shape in shapes.shapes:
        focus_nodes = index.instances(shape.target_class)
        if not focus_nodes:
            continue
        for prop in shape.properties:
            by_subject = index.values[prop.path]
            for c in prop.constraints:
                check = _CHECKS[c.kind]
                for focus in focus_nodes:
                    values = by_subject.get(focus, _EMPTY)
                    failed = check(c, values, index)
                    if failed:
                        for v in failed:
                            results.append(_result(shape, prop, c, focus, v, shapes.prefixes))
    results.sort(key=lambda r: (r.focus, r.path))
    return results


_EMPTY: list[Node] = []
_NO_VALUE = object()  # a failure that is about the focus node (cardinality), not one of its values


def _conforms(index: _Index, shapes: CompiledShapes) -> bool:
    """True only when the loop of :func:`check_triples` would find no result: its cheap proof for the common case.

    The same shapes, focus nodes and constraints, tested in bulk: each value-constraint on each *distinct* value
    (every check but the cardinalities is a test of one value, the same for that value wherever it appears) of
    any subject with the property, focus node or not (more values, so never fewer failures); ``sh:minCount``
    and ``sh:maxCount`` on the focus nodes that could fail them. False when anything fails, and then
    :func:`check_triples` runs its loop, which gives the results, their order and their messages.
    """
    for shape in shapes.shapes:
        focus = index.instance_set(shape.target_class)
        if not focus:
            continue
        for prop in shape.properties:
            by_subject = index.values[prop.path]
            distinct: set[Node] | None = None
            for c in prop.constraints:
                if c.kind == "minCount":
                    if c.arg <= 0:
                        continue
                    if not by_subject.keys() >= focus:
                        return False
                    if c.arg > 1 and any(len(by_subject[f]) < c.arg for f in focus):
                        return False
                elif c.kind == "maxCount":
                    candidates = index.multi[prop.path] if c.arg >= 1 else by_subject.keys()
                    if any(len(by_subject[f]) > c.arg for f in focus.intersection(candidates)):
                        return False
                else:
                    if distinct is None:
                        distinct = set(itertools.chain.from_iterable(by_subject.values()))
                    check = _CHECKS[c.kind]
                    if any(check(c, [v], index) for v in distinct):
                        return False
    return True


def _result(shape: NodeShape, prop: PropertyShape, c: Constraint, focus: Node, v: Any,
            prefixes: dict[str, str]) -> Result:
    if prop.messages:
        message = prop.messages[0]
    elif c.kind == "in":
        message = _in_message(c.arg, v, prefixes)
    else:
        message = c.generic_message(prefixes, focus, prop.path)
    value = "" if v is _NO_VALUE else _rdflib_text(v)
    return Result(_node_text(focus), prop.path, shape.iri, message, value, c.kind)


# each check returns the failing values (or [_NO_VALUE] for a cardinality failure); an empty list passes

def _check_min_count(c: Constraint, values: list[Node], index: _Index) -> list[Any]:
    return [_NO_VALUE] if len(values) < c.arg else []


def _check_max_count(c: Constraint, values: list[Node], index: _Index) -> list[Any]:
    return [_NO_VALUE] if len(values) > c.arg else []


def _check_class(c: Constraint, values: list[Node], index: _Index) -> list[Any]:
    return [v for v in values if not index.has_class(v, c.arg)]


def _check_datatype(c: Constraint, values: list[Node], index: _Index) -> list[Any]:
    return [v for v in values if not _has_datatype(v, c.arg)]


def _check_in(c: Constraint, values: list[Node], index: _Index) -> list[Any]:
    return [v for v in values if v not in c.arg]


def _check_node_kind(c: Constraint, values: list[Node], index: _Index) -> list[Any]:
    kinds = {SH + "IRI": (ox.NamedNode,), SH + "BlankNode": (ox.BlankNode,), SH + "Literal": (ox.Literal,),
             SH + "BlankNodeOrIRI": (ox.BlankNode, ox.NamedNode), SH + "BlankNodeOrLiteral": (ox.BlankNode, ox.Literal),
             SH + "IRIOrLiteral": (ox.NamedNode, ox.Literal)}[c.arg]
    return [v for v in values if not isinstance(v, kinds)]


def _range_check(test: Callable[[int], bool]) -> Callable[[Constraint, list[Node], _Index], list[Any]]:
    def check(c: Constraint, values: list[Node], index: _Index) -> list[Any]:
        return [v for v in values if not _in_range(v, c.arg, test)]
    return check


def _check_min_length(c: Constraint, values: list[Node], index: _Index) -> list[Any]:
    if c.arg == 0:
        return []
    return [v for v in values if isinstance(v, ox.BlankNode) or len(_string_of(v)) < c.arg]


def _check_max_length(c: Constraint, values: list[Node], index: _Index) -> list[Any]:
    return [v for v in values if isinstance(v, ox.BlankNode) or len(_string_of(v)) > c.arg]


def _check_pattern(c: Constraint, values: list[Node], index: _Index) -> list[Any]:
    pattern = re.compile(c.arg.value)
    return [v for v in values if isinstance(v, ox.BlankNode) or not pattern.search(_string_of(v))]


_CHECKS: dict[str, Callable[[Constraint, list[Node], _Index], list[Any]]] = {
    "minCount": _check_min_count, "maxCount": _check_max_count, "class": _check_class,
    "datatype": _check_datatype, "in": _check_in, "nodeKind": _check_node_kind,
    "minInclusive": _range_check(lambda cmp: cmp >= 0), "maxInclusive": _range_check(lambda cmp: cmp <= 0),
    "minExclusive": _range_check(lambda cmp: cmp > 0), "maxExclusive": _range_check(lambda cmp: cmp < 0),
    "minLength": _check_min_length, "maxLength": _check_max_length, "pattern": _check_pattern,
}
assert set(_CHECKS) == {c[len(SH):] for c in COMPONENTS}


# --------------------------------------------------------------------------- literals, as rdflib reads them

_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\Z")
_INTEGER = re.compile(r"[+-]?[0-9]+\Z")


@lru_cache(maxsize=65536)
def _python_value(v: ox.Literal) -> tuple[bool, Any]:
    """(well-typed, value) of a literal as rdflib reads it; canonical numbers without rdflib."""
    dt = v.datatype.value
    if dt == XSD_DECIMAL and _DECIMAL.match(v.value):
        return True, Decimal(v.value)
    if dt == XSD_INTEGER and _INTEGER.match(v.value):
        return True, int(v.value)
    if dt == XSD_STRING and not v.language:
        return True, v.value
    lit = _to_rdflib(v)
    return getattr(lit, "ill_typed", None) is not True, lit.value


def _to_rdflib(v: Node) -> Any:
    from .mapping import to_rdflib

    g = to_rdflib([ox.Triple(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"), v)])
    return next(iter(g.objects()))


def _has_datatype(v: Node, datatype: str) -> bool:
    """pyshacl's sh:datatype test (rdflib's notion of an ill-typed literal included)."""
    if not isinstance(v, ox.Literal):
        return False
    if datatype == N.RDFS + "Literal":
        return True
    actual = RDF_LANGSTRING if v.language else v.datatype.value
    if actual != datatype:
        return False
    if datatype in (XSD_DECIMAL, XSD_INTEGER, XSD_STRING):
        ok, value = _python_value(v)
        kind = {XSD_DECIMAL: Decimal, XSD_INTEGER: int, XSD_STRING: str}[datatype]
        return ok and isinstance(value, kind) and not isinstance(value, bool)
    lit = _to_rdflib(v)  # other datatypes: pyshacl's own test on rdflib's value
    from pyshacl.constraints.core.value_constraints import DatatypeConstraintComponent

    if getattr(lit, "ill_typed", None) is True:
        return False
    return bool(DatatypeConstraintComponent._assert_actual_datatype(None, lit, _rdflib_iri(datatype)))  # type: ignore[arg-type]


def _rdflib_iri(iri: str) -> Any:
    import rdflib

    return rdflib.URIRef(iri)


def _in_range(v: Node, bound: ox.Literal, test: Callable[[int], bool]) -> bool:
    """pyshacl's comparison of a value node with a range bound (False where it cannot compare)."""
    if not isinstance(v, ox.Literal):
        return False
    ok_v, value = _python_value(v)
    ok_b, limit = _python_value(bound)
    numeric = (int, Decimal)
    if ok_v and ok_b and isinstance(value, numeric) and isinstance(limit, numeric) \
            and not isinstance(value, bool) and not isinstance(limit, bool):
        return test((value > limit) - (value < limit))
    return _in_range_rdflib(v, bound, test)


def _in_range_rdflib(v: ox.Literal, bound: ox.Literal, test: Callable[[int], bool]) -> bool:
    from pyshacl.rdfutil.compare import compare_literal

    lv, lb = _to_rdflib(v), _to_rdflib(bound)
    if isinstance(lb.value, str) != isinstance(lv.value, str):
        return False
    try:
        return test(compare_literal(lv, lb))
    except (TypeError, NotImplementedError):
        return False


def _string_of(v: Node) -> str:
    """pyshacl's string of a value node for length and pattern tests."""
    if isinstance(v, ox.Literal):
        if v.language or v.datatype.value == XSD_STRING:
            return v.value
        return str(_to_rdflib(v))
    return v.value  # type: ignore[union-attr]


# --------------------------------------------------------------------------- text, as pyshacl writes it

def _node_text(node: Node) -> str:
    return node.value if isinstance(node, (ox.NamedNode, ox.BlankNode, ox.Literal)) else str(node)


def _rdflib_text(v: Node) -> str:
    """str() of the value as rdflib holds it (rdflib may normalise a literal's lexical form)."""
    if isinstance(v, ox.Literal) and not v.language and v.datatype.value != XSD_STRING:
        return str(_to_rdflib(v))
    return _node_text(v)


def _short(iri: str, prefixes: dict[str, str]) -> str:
    best = ""
    for prefix, ns in prefixes.items():
        if iri.startswith(ns) and len(ns) > len(prefixes.get(best, "")) and re.fullmatch(r"[A-Za-z_][\w.-]*", iri[len(ns):]):
            best = prefix
    return f"{best}:{iri[len(prefixes[best]):]}" if best else f"<{iri}>"


def _focus_text(focus: Node) -> str:
    """A focus node as pyshacl names it in the data graph (which binds the stancegraph prefixes)."""
    if isinstance(focus, ox.NamedNode):
        return _short(focus.value, dict(N.PREFIXES))
    return _node_text(focus)


def _literal_text(lit: ox.Literal, prefixes: dict[str, str]) -> str:
    """pyshacl's ``stringify_literal``: ``Literal("lexical" = value, lang=.., datatype=prefix:name)``."""
    lex = _rdflib_text(lit)
    ok, value = _python_value(lit)
    shown = f'"{lex}"' if not ok or value is None or str(value) == lex else f'"{lex}" = {value}'
    lang = f", lang={lit.language}" if lit.language else ""
    datatype = "" if lit.language or lit.datatype.value == XSD_STRING else f", datatype={_short(lit.datatype.value, prefixes)}"
    return f"Literal({shown}{lang}{datatype})"


def _term_text(v: Node, prefixes: dict[str, str]) -> str:
    if isinstance(v, ox.NamedNode):
        return _short(v.value, prefixes)
    if isinstance(v, ox.Literal):
        return _literal_text(v, prefixes)
    return _node_text(v)


def _in_message(allowed: list[Node], v: Node, prefixes: dict[str, str]) -> str:
    items = [_term_text(a, prefixes) for a in allowed]
    return f"Value {_term_text(v, dict(N.PREFIXES))} not in list {items}"
