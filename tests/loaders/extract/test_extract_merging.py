"""Claim merging: the thresholds on pairs that must merge and pairs that must not (pairs written for this test)."""

from __future__ import annotations

import pytest

from stancegraph.graph.model.records import Bundle
from stancegraph.loaders.extract import extract_text, merge_bundles
from stancegraph.loaders.extract.merging import (
    CONTAIN_THRESHOLD, MERGE_THRESHOLD, cluster_claims, content_tokens, same_claim, similarity,
)

SAME = [
    ("Pay and conditions must improve", "Improve pay and conditions"),
    ("Regulation/registration of the social care workforce", "Regulation and registration of social care workers"),
    ("More funding for youth services", "Increased funding for youth services"),
    ("The bus network should be expanded in rural areas", "Expand the rural bus network"),
]
DIFFERENT = [
    ("More funding for youth services", "More youth workers in schools"),
    ("Pay should be linked to the living wage", "Training should be linked to career progression"),
    ("EDI is an issue for the workforce", "Greater diversity and equality in the workforce, with staff reflecting communities"),
    ("Licensing of private landlords", "Licensing of taxi drivers"),
]


@pytest.mark.parametrize("a,b", SAME)
def test_pairs_that_merge(a: str, b: str) -> None:
    assert same_claim(content_tokens(a), content_tokens(b), {}), (a, b, similarity(a, b))


@pytest.mark.parametrize("a,b", DIFFERENT)
def test_pairs_that_stay_apart(a: str, b: str) -> None:
    assert not same_claim(content_tokens(a), content_tokens(b), {}), (a, b, similarity(a, b))


def test_thresholds_are_documented_values() -> None:
    # Unweighted: {pay, condition} vs {pay, condition} -> 1.0; {fund, youth, service} vs {youth, worker, school} -> 1/5
    assert similarity("Pay and conditions must improve", "Improve pay and conditions") == 1.0
    assert similarity("More funding for youth services", "More youth workers in schools") == pytest.approx(0.2)
    assert 0 < MERGE_THRESHOLD <= 1 and 0 < CONTAIN_THRESHOLD <= 1


def test_cluster_keeps_the_first_text() -> None:
    texts = ["Improve pay and conditions", "Pay and conditions must improve", "Licensing of taxi drivers"]
    assert cluster_claims(texts) == [0, 0, 2]


def test_merge_across_documents_shows_convergence() -> None:
    a = extract_text("Findings\n\nCouncils argued that the rural bus network should be expanded.\n", name="a.txt")
    b = extract_text("Evidence\n\nOperators told us that the bus network should be expanded in rural areas.\n", name="b.txt")
    merged = Bundle()
    for part in merge_bundles([a, b]):
        merged.update(part)
    assert len(merged.claims) == 1
    (claim,) = merged.claims.values()
    holders = {merged.stakeholders[p.stakeholder].label for p in merged.positions.values() if p.claim == claim.id}
    assert holders == {"Local authorities", "Operators"}
    assert {p.document for p in merged.positions.values()} == set(a.documents) | set(b.documents)
