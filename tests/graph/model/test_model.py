"""The canonical model: deterministic ids, merging, and the lossless RDF and JSON round trips."""

from __future__ import annotations

from stancegraph.graph.model.interchange import bundle_from_json, bundle_to_json
from stancegraph.graph.model.records import (
    Bundle, Passage, Stance, claim_id, new_claim, new_document, new_position, new_source, new_stakeholder,
    new_theme,
)
from stancegraph.graph.rdf.mapping import bundle_from_triples, bundle_triples, to_rdflib
from stancegraph.graph.rdf.validate import validate_graph

from samples import sample_bundle


def test_ids_are_deterministic_and_normalised():
    assert new_stakeholder("Care  Providers").id == new_stakeholder("care providers").id
    assert claim_id("Pay must rise.") == claim_id("pay must rise")
    assert claim_id("pay must rise") != claim_id("pay must fall")


def test_claims_with_the_same_normalised_text_merge_and_union_themes():
    b = Bundle()
    b.add(new_claim("Pay must rise", themes=["th-a"]), new_claim("pay must rise.", themes=["th-b"]))
    assert len(b.claims) == 1
    assert next(iter(b.claims.values())).themes == ("th-a", "th-b")


def test_positions_with_the_same_holder_claim_stance_and_document_merge_their_evidence():
    b = Bundle()
    kw = dict(document="doc-x")
    b.add(new_position("sh-a", "cl-b", "support", evidence=[Passage("doc-x", "one", 0, 3)], **kw),
          new_position("sh-a", "cl-b", "support", evidence=[Passage("doc-x", "two", 4, 7)], **kw))
    (pos,) = b.positions.values()
    assert [e.quote for e in pos.evidence] == ["one", "two"]


def test_rdf_round_trip_is_lossless():
    b = sample_bundle()
    assert bundle_from_triples(bundle_triples(b)) == b


def test_json_round_trip_is_lossless_apart_from_text():
    b = sample_bundle()
    data = bundle_to_json(b, include_text=True)
    assert bundle_from_json(data) == b
    assert set(data) == {"documents", "sources", "stakeholders", "themes", "claims", "positions"}
    pos = data["positions"][0]
    for key in ("id", "stakeholder", "claim", "stance", "strength", "quantifier", "evidence"):
        assert key in pos
    assert set(pos["evidence"][0]) >= {"document", "source", "start", "end", "quote"}


def test_sample_conforms_to_the_shapes():
    validate_graph(to_rdflib(bundle_triples(sample_bundle())))


def test_stance_parse_accepts_synonyms_and_rejects_others():
    assert Stance.parse("Agree") is Stance.SUPPORT
    assert Stance.parse("-1") is Stance.OPPOSE
    assert Stance.parse("pass") is Stance.NEUTRAL
    import pytest

    with pytest.raises(ValueError, match="unknown stance"):
        Stance.parse("maybe")
