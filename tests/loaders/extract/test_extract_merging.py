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


def _one_claim_bundle(doc_name: str, holder: str, text: str, theme_label: str) -> Bundle:
    from stancegraph.graph.model.records import new_claim, new_document, new_position, new_stakeholder, new_theme

    b = Bundle()
    doc, who, theme = new_document(doc_name), new_stakeholder(holder), new_theme(theme_label)
    claim = new_claim(text, themes=[theme.id])
    b.add(doc, who, theme, claim, new_position(who, claim, "support", document=doc.id, rule="test"))
    return b


def test_merged_bundles_carry_the_themes_their_claims_take_from_other_documents() -> None:
    # The 86 HanDeSeT debates lost 10 documents in one ingest: a claim merged across documents took a theme
    # whose record lived only in another document's graph, and the load failed sg:ClaimShape.
    from stancegraph.graph.rdf.mapping import bundle_triples
    from stancegraph.graph.rdf.validate import validate_triples

    a = _one_claim_bundle("a.txt", "Alice", "Care workers must be paid the real living wage", "London government")
    b = _one_claim_bundle("b.txt", "Bob", "Care workers must be paid the real living wage now", "Orders of the day")
    merged = merge_bundles([a, b])
    assert len({c.id for m in merged for c in m.claims.values()}) == 1  # one claim, both themes
    for m in merged:
        (claim,) = m.claims.values()
        assert set(claim.themes) == set(m.themes) and len(claim.themes) == 2
        validate_triples(bundle_triples(m), label="merged")  # each bundle loads on its own
    # against claims in a store: the stored theme's record comes from known_themes, or the theme is left off
    (known_claim,) = a.claims.values()
    (with_record,) = merge_bundles([b], known=[known_claim], known_themes=a.themes.values())
    (without,) = merge_bundles([b], known=[known_claim])
    validate_triples(bundle_triples(with_record), label="with the stored theme")
    validate_triples(bundle_triples(without), label="without it")
    assert len(next(iter(with_record.claims.values())).themes) == 2
    assert set(next(iter(without.claims.values())).themes) == set(b.themes)


@pytest.mark.slow
def test_the_86_handeset_debates_load_whole_in_one_ingest(tmp_path) -> None:
    import subprocess
    import sys
    from pathlib import Path

    shared = Path(__file__).resolve().parents[3].parent / "shared"
    tool, data = shared / "tools" / "handeset_debates.py", shared / "fixtures" / "handeset" / "HanDeSeT-dev.csv"
    if not tool.is_file() or not data.is_file():
        pytest.skip("../shared/fixtures/handeset is not here")
    rendered = subprocess.run([sys.executable, str(tool), "render", str(data), str(tmp_path / "debates")],
                              capture_output=True, text=True, timeout=300)
    assert rendered.returncode == 0, rendered.stderr
    assert len(list((tmp_path / "debates").glob("*.txt"))) == 86
    exe = str(Path(sys.executable).parent / "stancegraph")
    done = subprocess.run([exe, "ingest", str(tmp_path / "debates"), "--store", str(tmp_path / "store"), "--quiet"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    stats = subprocess.run([exe, "stats", "--format", "json", "--store", str(tmp_path / "store")],
                           capture_output=True, text=True, timeout=120)
    assert '"documents": 86' in stats.stdout


def test_a_claim_and_its_denial_are_never_one_claim() -> None:
    from stancegraph.loaders.extract.merging import cluster_claims, polarity_conflict
    assert cluster_claims(["Rents should be capped", "Rents should not be capped", "Rents must be capped"]) == [0, 1, 0]
    assert cluster_claims(["A second person in the cab makes a modern train safer",
                           "A second person in the cab does not make a train safer"]) == [0, 1]
    assert polarity_conflict("Copse Road has no footway", "Copse Road has a footway")
    assert not polarity_conflict("It is not true that rents never fall", "Rents fall")  # two negations assert


def test_a_contradiction_follows_a_claim_merged_into_a_known_one() -> None:
    from stancegraph.graph.model.records import Bundle, new_claim
    from stancegraph.loaders.extract.merging import merge_bundles
    known = new_claim("The Welsh Government should scrap the visitor levy")
    aim = new_claim("Calls on the Welsh Government to scrap the visitor levy")  # merges into the known claim
    other = new_claim("The visitor levy will fund local services", contradicts=[aim.id])
    b = Bundle()
    b.extend([aim, other])
    (merged,) = merge_bundles([b], known=[known])
    assert known.id in merged.claims
    assert merged.claims[other.id].contradicts == (known.id,)  # not the id of a claim no longer there


def test_the_snowball_stemmer_is_the_c_one_the_lock_installs() -> None:
    """PyStemmer (pinned in requirements.lock) gives snowballstemmer the C implementation of the same algorithm: the
    stems are the ones the pure-Python stemmer gives, at a fraction of the cost of a cold extraction."""
    import snowballstemmer
    import snowballstemmer.english_stemmer as pure_english

    fast, pure = snowballstemmer.stemmer("english"), pure_english.EnglishStemmer()
    assert type(fast).__module__ == "Stemmer", type(fast)
    words = ["caring", "housing", "house", "regulations", "generously", "committees", "moratoria", "neighbourhoods"]
    assert [fast.stemWord(w) for w in words] == [pure.stemWord(w) for w in words]
