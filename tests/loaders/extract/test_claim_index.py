"""The claim index: its candidates miss no near-duplicate pair that comparing all pairs finds, and merging
through it decides as before, within a batch and against a store, on the project's example documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from stancegraph.loaders.extract import extract_path, merge_bundles
from stancegraph.loaders.extract.merging import (
    ClaimIndex, _weights, cluster_claims, content_tokens, numbers_conflict, parts_conflict, polarity_conflict, same_claim,
)

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
#: every third example document, in name order (genres of every kind among them): the all-pairs reference costs the
#: square of the claims, and a third of the examples (21 documents) already give it well over a thousand to cluster
DOCUMENTS = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md", ".html"))[::3]


@pytest.fixture(scope="module")
def extracted() -> tuple[list, list[list[str]]]:
    """The example documents extracted, and the claim texts the extractor clustered within each (before merging)."""
    import stancegraph.loaders.extract.hits as hits

    seen: list[list[str]] = []
    real = hits.cluster_claims

    def recording(texts, **kw):  # noqa: ANN001, ANN003, ANN202
        seen.append(list(texts))
        return real(texts, **kw)

    mp = pytest.MonkeyPatch()
    mp.setattr(hits, "cluster_claims", recording)
    try:
        return [extract_path(p) for p in DOCUMENTS], seen
    finally:
        mp.undo()


@pytest.fixture(scope="module")
def bundles(extracted) -> list:
    return extracted[0]


@pytest.fixture(scope="module")
def texts(extracted) -> list[str]:
    """Every claim text the extractor clustered, across the documents (near-duplicates within and across them)."""
    return list(dict.fromkeys(t for batch in extracted[1] for t in batch))


def all_pairs_clusters(texts: list[str]) -> list[int]:
    """The clustering of cluster_claims with every representative a candidate (no index): the reference."""
    tokens = [content_tokens(t) for t in texts]
    w = _weights(tokens)
    reps: list[int] = []
    out = []
    for i, ti in enumerate(tokens):
        best, best_sim = None, 0.0
        for j in reps:
            if not numbers_conflict(texts[i], texts[j]) and not polarity_conflict(texts[i], texts[j]) and \
                    not parts_conflict(texts[i], texts[j]) and same_claim(ti, tokens[j], w):
                from stancegraph.loaders.extract.merging import _jaccard

                sim = _jaccard(ti, tokens[j], w)
                if best is None or sim > best_sim:
                    best, best_sim = j, sim
        if best is None:
            reps.append(i)
            out.append(i)
        else:
            out.append(best)
    return out


def test_the_sample_is_real(texts) -> None:
    assert len(DOCUMENTS) >= 6 and len(texts) > 300  # the example documents' claims (347 when written, 7 of them merged into another)


def test_candidates_hold_every_pair_all_pairs_finds(texts) -> None:
    tokens = [content_tokens(t) for t in texts]
    w = _weights(tokens)
    idx = ClaimIndex()
    merging_pairs = 0
    for text, ti in zip(texts, tokens):
        every = {j for j, rep in enumerate(idx.reps) if same_claim(ti, content_tokens(rep), w)}
        assert every <= set(idx.candidates(frozenset(ti), weights=w)), text
        merging_pairs += len(every)
        idx.place(text, weights=w)
    assert merging_pairs >= 5  # the sample has near-duplicates to find (so the check above checks something)


def test_clusters_are_those_of_all_pairs(texts) -> None:
    assert cluster_claims(texts) == all_pairs_clusters(texts)


def test_common_words_are_set_aside_only_while_a_claim_has_rarer_ones(monkeypatch) -> None:
    import stancegraph.loaders.extract.merging as merging

    monkeypatch.setattr(merging, "COMMON_POSTINGS", 1)
    idx = ClaimIndex()
    for t in ("Funding for rural buses", "Funding for youth clubs", "Funding for libraries", "Funding now"):
        idx.place(t, weights={})
    # 'fund' is in four postings (more than 1): a claim with a rarer word is compared on that word only ...
    assert [idx.reps[j] for j in idx.candidates(frozenset(content_tokens("Funding for youth clubs now")), weights={})] == [
        "Funding for youth clubs"]
    # ... and a claim with no rarer word on all its words (here the one claim it can merge with: {fund} itself)
    assert [idx.reps[j] for j in idx.candidates(frozenset(content_tokens("Funding")), weights={})] == ["Funding now"]


def test_candidates_too_light_to_merge_are_left_out() -> None:
    idx = ClaimIndex()
    for t in ("Funding for rural buses and village halls", "Rural buses"):
        idx.place(t, weights={})
    # unweighted: one word shared ('rural') of the claim's four is under 0.3 of its weight: never a merge
    tokens = frozenset(content_tokens("Rural broadband for farms and schools"))
    assert [idx.reps[j] for j in idx.candidates(tokens, weights={})] == []
    # {rural, bus, night}: with {rural, bus} 2/3 >= 0.6, a candidate; with the five-word claim 2/6 and two shared
    # words (the containment rule needs three), never a merge
    assert [idx.reps[j] for j in idx.candidates(frozenset(content_tokens("Rural buses at night")), weights={})] == [
        "Rural buses"]


def test_an_index_kept_between_batches_merges_as_merging_with_the_known_claims(bundles) -> None:
    """Documents merged one after another into a store's index decide as merge_bundles with the stored claims
    as `known` (what each ingest did before the index), document by document."""
    from stancegraph.graph.model.records import Claim

    idx = ClaimIndex()
    stored: dict[str, Claim] = {}  # what a store would hold: the claims of the merged bundles
    for b in bundles:
        (before,) = merge_bundles([b], known=list(stored.values()))
        (after,) = merge_bundles([b], index=idx)
        assert sorted(after.claims) == sorted(before.claims), b.documents
        assert {p.id: p.claim for p in after.positions.values()} == {p.id: p.claim for p in before.positions.values()}
        for c in after.claims.values():
            stored[c.id] = c
    assert len(idx) == len(stored)  # the index holds the stored texts, no more


def test_claims_that_name_different_numbers_are_not_one_claim() -> None:
    assert cluster_claims(["Clause 3 as drafted", "Clauses 9 to 12 as drafted", "Clause 3 as it is drafted"]) == [0, 1, 0]
    assert numbers_conflict("A cap of £120 a year", "A cap of £150 a year")
    assert not numbers_conflict("A cap of £120 a year", "A rent cap") and not numbers_conflict("3 homes", "3 or 4 homes")
