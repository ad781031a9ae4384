"""The compiled shapes (graph/rdf/shapes.py) against pyshacl, the reference, on the same inputs.

Every input is the sample bundle, valid, or with one kind of damage: each constraint of every property
shape in ontology/shapes.ttl broken in turn (generated from the compiled shapes, so a constraint added to
the file is covered), plus the hand-made cases of the other tests (a stakeholder that is not described, a
position without sg:heldBy) and the literal forms where rdflib's reading matters (ill-typed, language
tags, non-canonical numbers, subclasses, blank nodes). Both engines must agree on the verdict, on the
results (focus, path, shape, message, value) and on the :class:`ValidationFailed` message.
"""

from __future__ import annotations

from collections.abc import Callable

import pyoxigraph as ox
import pytest

from stancegraph.graph.model.errors import ValidationFailed
from stancegraph.graph.model.records import Bundle, new_claim, new_document, new_position
from stancegraph.graph.rdf.mapping import bundle_triples
from stancegraph.graph.rdf.shapes import ShapesUnsupported, compile_shapes, compiled_shapes
from stancegraph.graph.rdf.validate import validate_triples
from stancegraph.ontology import names as N

from samples import sample_bundle

RDF_TYPE = ox.NamedNode(N.RDF + "type")
XSD = N.XSD
Triples = list[ox.Triple]


def sample() -> Triples:
    return list(dict.fromkeys(bundle_triples(sample_bundle())))


def of_class(triples: Triples, cls: str) -> list[ox.Term]:
    return sorted({t.subject for t in triples if t.predicate == RDF_TYPE and t.object == ox.NamedNode(cls)}, key=str)


def outcome(triples: Triples, engine: str) -> tuple[str | None, list[dict[str, str]]]:
    try:
        validate_triples(triples, label="fixture", engine=engine)
    except ValidationFailed as exc:
        return str(exc), exc.results
    return None, []


def assert_same(triples: Triples) -> str | None:
    """Both engines on `triples`: same verdict, same results, same message; returns the message."""
    ours, our_rows = outcome(triples, "compiled")
    ref, ref_rows = outcome(triples, "pyshacl")
    key = lambda r: (r["focus"], r["path"], r["shape"], r["message"], r.get("value", ""))  # noqa: E731
    assert sorted(map(key, our_rows)) == sorted(map(key, ref_rows))
    assert (ours is None) == (ref is None)
    if ref is not None and ours != ref:
        # pyshacl takes a focus node's values from a Python set: when several results share the first
        # focus node and path, which of them it names first varies from run to run. Ours must be one of them.
        first = (ref_rows[0]["focus"], ref_rows[0]["path"])
        tied = [r for r in ref_rows if (r["focus"], r["path"]) == first]
        assert len({key(r) for r in tied}) > 1, (ours, ref)
        assert key(our_rows[0]) in {key(r) for r in tied}
        head = f"fixture: node <{first[0]}> fails shape <{ref_rows[0]['shape']}> on <{first[1]}>: "
        tail = f" (and {len(ref_rows) - 1} more)" if len(ref_rows) > 1 else ""
        assert ours.startswith(head) and ours.endswith(tail), (ours, ref)
    return ours


def test_the_sample_conforms_for_both() -> None:
    assert assert_same(sample()) is None


def _lit(value: str, datatype: str | None = None, language: str | None = None) -> ox.Literal:
    if language:
        return ox.Literal(value, language=language)
    return ox.Literal(value, datatype=ox.NamedNode(datatype)) if datatype else ox.Literal(value)


def _without(triples: Triples, s: ox.Term, p: str) -> Triples:
    return [t for t in triples if not (t.subject == s and t.predicate.value == p)]


def _replace(triples: Triples, s: ox.Term, p: str, *objects: ox.Term) -> Triples:
    return _without(triples, s, p) + [ox.Triple(s, ox.NamedNode(p), o) for o in objects]  # type: ignore[arg-type]


def _breakages() -> list[tuple[str, Callable[[Triples], Triples]]]:
    """One damaged input per constraint of every property shape (generated from the compiled shapes)."""
    cases: list[tuple[str, Callable[[Triples], Triples]]] = []
    stranger = ox.NamedNode("https://example.org/not-typed")
    for shape in compiled_shapes().shapes:
        for prop in shape.properties:
            for c in prop.constraints:
                name = f"{shape.iri.rsplit('#')[-1]}.{prop.path.rsplit('/')[-1].rsplit('#')[-1]}.{c.kind}"

                def damage(ts: Triples, shape=shape, prop=prop, c=c) -> Triples:  # noqa: ANN001
                    focus = of_class(ts, shape.target_class)[0]
                    have = [t.object for t in ts if t.subject == focus and t.predicate.value == prop.path]
                    if c.kind == "minCount":
                        return _without(ts, focus, prop.path)
                    if c.kind == "maxCount":
                        extra: ox.Term = _lit("second") if not have or isinstance(have[0], ox.Literal) else stranger
                        if have and isinstance(have[0], ox.Literal) and have[0].datatype.value in (XSD + "decimal", XSD + "integer"):
                            extra = _lit("0", have[0].datatype.value)
                        return ts + [ox.Triple(focus, ox.NamedNode(prop.path), extra if extra not in have else _lit("third"))]
                    if c.kind == "class":
                        return _replace(ts, focus, prop.path, stranger)
                    if c.kind == "datatype":
                        return _replace(ts, focus, prop.path, ox.NamedNode("https://example.org/an-iri"))
                    if c.kind == "in":
                        return _replace(ts, focus, prop.path, _lit("maybe"))
                    if c.kind == "minInclusive":
                        return _replace(ts, focus, prop.path, _lit("-1", c.arg.datatype.value if c.arg.datatype.value != XSD + "integer" else XSD + "integer"))
                    if c.kind == "maxInclusive":
                        return _replace(ts, focus, prop.path, _lit("1.5", XSD + "decimal"))
                    if c.kind == "minLength":
                        return _replace(ts, focus, prop.path, _lit(""))
                    raise AssertionError(f"no damage written for {c.kind}: add one here")

                cases.append((name, damage))
    return cases


@pytest.mark.parametrize("name,damage", _breakages(), ids=[n for n, _ in _breakages()])
def test_every_constraint_broken_alone_gives_the_same_refusal(name: str, damage: Callable[[Triples], Triples]) -> None:
    ts = damage(sample())
    assert assert_same(ts) is not None, f"{name}: the damage did not break the shape"


def _position(ts: Triples) -> ox.Term:
    return of_class(ts, N.SG + "Position")[0]


SG = N.SG
CASES: dict[str, Callable[[Triples], Triples]] = {
    "ill-typed decimal": lambda ts: _replace(ts, _position(ts), SG + "strength", _lit("abc", XSD + "decimal")),
    "decimal with an exponent": lambda ts: _replace(ts, _position(ts), SG + "strength", _lit("1e-1", XSD + "decimal")),
    "non-canonical decimal": lambda ts: _replace(ts, _position(ts), SG + "strength", _lit("0.50", XSD + "decimal")),
    "strength as a plain string": lambda ts: _replace(ts, _position(ts), SG + "strength", _lit("0.5")),
    "strength as an integer": lambda ts: _replace(ts, _position(ts), SG + "strength", _lit("1", XSD + "integer")),
    "strength as a double": lambda ts: _replace(ts, _position(ts), SG + "strength", _lit("0.5", XSD + "double")),
    "strength exactly 0 and 1": lambda ts: _replace(ts, _position(ts), SG + "confidence", _lit("1.0", XSD + "decimal")),
    "two failing strengths": lambda ts: _replace(ts, _position(ts), SG + "strength", _lit("2", XSD + "decimal"),
                                                  _lit("-2", XSD + "decimal")),
    "label with a language tag": lambda ts: _replace(ts, of_class(ts, SG + "Stakeholder")[0], N.RDFS + "label",
                                                       _lit("", language="en")),
    "kind as a language-tagged string": lambda ts: _replace(ts, of_class(ts, SG + "Stakeholder")[0], SG + "stakeholderKind",
                                                              _lit("group", language="en")),
    "stance as a literal": lambda ts: _replace(ts, _position(ts), SG + "stance", _lit(SG + "Support")),
    "holder is a blank node": lambda ts: _replace(ts, _position(ts), SG + "heldBy", ox.BlankNode("b0")),
    "holder is a literal": lambda ts: _replace(ts, _position(ts), SG + "heldBy", _lit("someone")),
    "holder typed by a subclass": lambda ts: _replace(ts, _position(ts), SG + "heldBy", ox.NamedNode(SG + "x-org")) + [
        ox.Triple(ox.NamedNode(SG + "x-org"), RDF_TYPE, ox.NamedNode(SG + "Organisation"))],
    "exact start non-negative integer as -0": lambda ts: ts + [ox.Triple(of_class(ts, SG + "Passage")[0], ox.NamedNode(N.OA + "start"),
                                                                            _lit("-0", XSD + "integer"))]
    if of_class(ts, SG + "Passage") else ts + [ox.Triple(_position(ts), ox.NamedNode(SG + "strength"), _lit("x"))],
    "a stray typed node with nothing": lambda ts: ts + [ox.Triple(ox.NamedNode("https://example.org/bare"), RDF_TYPE,
                                                                   ox.NamedNode(SG + "Source"))],
    "every position without its claim": lambda ts: [t for t in ts if t.predicate.value != SG + "onClaim"],
    "a subclass declared in the data": lambda ts: ts + [
        ox.Triple(ox.NamedNode("https://example.org/Lobby"), ox.NamedNode(N.RDFS + "subClassOf"), ox.NamedNode(SG + "Stakeholder")),
        ox.Triple(ox.NamedNode("https://example.org/lobby1"), RDF_TYPE, ox.NamedNode("https://example.org/Lobby"))],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_literal_forms_and_classes_give_the_same_verdict(name: str) -> None:
    assert_same(CASES[name](sample()))


def test_the_store_test_case_a_stakeholder_not_described() -> None:
    bad = Bundle()
    d = new_document("bad.txt")
    bad.add(d, new_claim("x"), new_position("sh-ghost-0000000000", new_claim("x"), "support", document=d.id))
    message = assert_same(list(bundle_triples(bad)))
    assert message is not None and "sh-ghost" in message


def test_the_rdf_loader_case_a_position_without_its_holder() -> None:
    ts = sample()
    p = _position(ts)
    message = assert_same(_without(ts, p, SG + "heldBy"))
    assert message is not None and f"node <{p.value}> fails shape <{SG}PositionShape> on <{SG}heldBy>" in message


def test_a_shape_using_an_unknown_constraint_fails_at_compile_time(tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "shapes.ttl"
    path.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .\n"
                    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:uniqueLang true ] .\n",
                    encoding="utf-8")
    with pytest.raises(ShapesUnsupported, match="sh:uniqueLang"):
        compile_shapes(path)
    path.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .\n"
                    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:closed true .\n", encoding="utf-8")
    with pytest.raises(ShapesUnsupported, match="sh:closed"):
        compile_shapes(path)


def _every_fixture() -> list[tuple[str, Triples]]:
    return ([("the sample", sample())] + [(name, damage(sample())) for name, damage in _breakages()]
            + [(name, CASES[name](sample())) for name in sorted(CASES)])


def test_the_bulk_proof_of_conformance_never_passes_what_the_constraint_loop_refuses() -> None:
    """check_triples skips its loop when _conforms proves, value by value, that nothing fails; on every fixture
    above, a proof is never given where the loop finds a result, and is given for the valid sample (the fast path)."""
    from stancegraph.graph.rdf.shapes import _conforms, _Index, _results

    shapes = compiled_shapes()
    for name, ts in _every_fixture():
        index = _Index(ts, shapes.paths, shapes.ontology)
        found = _results(index, shapes)
        if _conforms(index, shapes):
            assert not found, f"{name}: proved conforming, but the loop finds {found[:1]}"
        if name == "the sample":
            assert _conforms(index, shapes) and not found
