"""The same researcher questions asked two ways give the same answers: SPARQL on the embedded
store and Cypher on a real Neo4j server, after `push` (graph/questions.py holds the questions).

Data: synthetic (benchmarks/synthetic.py at the small scale, where every answer is non-empty),
and real coded data from ../shared/fixtures (a DNA file, a Pol.is export).
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, ROOT, need_shared
from neo4j_server import clean_neo4j, neo4j_uri  # noqa: F401

from stancegraph.graph.model import Bundle
from stancegraph.graph.neo4j import Neo4jGraph, run_read_query
from stancegraph.graph.questions import QUESTIONS, answer_from_rows, answer_from_sparql
from stancegraph.graph.store import Store

pytestmark = pytest.mark.neo4j


def synthetic_bundle() -> Bundle:
    spec = importlib.util.spec_from_file_location("stancegraph_synthetic", ROOT / "benchmarks" / "synthetic.py")
    assert spec and spec.loader
    module = sys.modules.setdefault(spec.name, importlib.util.module_from_spec(spec))
    spec.loader.exec_module(module)
    return module.make_bundle("small")


def fixture_bundle(relative: str) -> Bundle:
    from stancegraph.loaders import load_path

    return load_path(need_shared(FIXTURES / relative))


DATASETS = {
    "synthetic": synthetic_bundle,
    "dna": lambda: fixture_bundle("dna/sample.dna"),
    "polis": lambda: fixture_bundle("polis/15-per-hour-seattle"),
}


def question_params(bundle: Bundle, contested: list[str]) -> dict[str, Any]:
    """Parameters picked from the data: the most discussed claim, the busiest group, the theme with most claims,
    the first position with evidence, and the claims of the first tension cluster."""
    from stancegraph.graph.analysis import find_tensions

    per_claim = Counter(p.claim for p in bundle.positions.values())
    groups = {s.id for s in bundle.stakeholders.values() if s.kind == "group"}
    per_group: Counter[str] = Counter()
    for p in bundle.positions.values():
        sh = bundle.stakeholders[p.stakeholder]
        for g in {sh.id, *sh.member_of} & groups:
            per_group[g] += 1
    per_theme = Counter(t for c in bundle.claims.values() for t in c.themes)
    tensions = find_tensions(bundle)
    cluster = [c["id"] for c in tensions[0]["claims"]] if tensions else contested[:5]
    with_evidence = sorted(p.id for p in bundle.positions.values() if p.evidence) or sorted(bundle.positions)
    return {
        "claim": max(sorted(per_claim), key=per_claim.__getitem__),
        "group": max(sorted(per_group), key=per_group.__getitem__) if per_group else "sh-none",
        "theme": max(sorted(per_theme), key=per_theme.__getitem__) if per_theme else "th-none",
        "position": with_evidence[0],
        "claims": cluster,
    }


@pytest.fixture(scope="module", params=sorted(DATASETS))
def loaded(request, clean_neo4j, tmp_path_factory):  # noqa: F811
    """The dataset in an embedded store and, through `push` of that store's records, in Neo4j."""
    bundle = DATASETS[request.param]()
    store = Store(tmp_path_factory.mktemp(request.param) / "store")
    store.load(bundle, validate=False)
    stored = store.bundle()
    with Neo4jGraph(clean_neo4j) as graph:
        graph.wipe(everything=True)
        graph.push(stored)
    contested = [row[0] for row in answer_from_sparql(store.query(
        "SELECT DISTINCT ?c WHERE { ?a sg:onClaim ?c ; sg:stance sg:Support . ?b sg:onClaim ?c ; sg:stance sg:Oppose }"),
        store.base)]
    yield request.param, store, question_params(stored, contested)
    store.close()


def ask_both(question_name: str, store: Store, params: dict[str, Any]) -> tuple[list[tuple], list[tuple]]:
    q = QUESTIONS[question_name]
    kw = {k: params[k] for k in q.params}
    sparql = answer_from_sparql(store.query(q.sparql_for(store.base, **kw), timeout=120, row_limit=1_000_000), store.base)
    header, rows = run_read_query(q.cypher, parameters=q.cypher_params(**kw), timeout=120, row_limit=1_000_000)
    assert tuple(header) == q.columns
    return sparql, answer_from_rows(rows, store.base)


@pytest.mark.parametrize("question", list(QUESTIONS))
def test_sparql_and_cypher_agree(loaded, question):
    name, store, params = loaded
    sparql, cypher = ask_both(question, store, params)
    assert sparql == cypher
    if name == "synthetic":  # the synthetic data is built so that every question has an answer
        assert sparql, f"{question} has no answer on the synthetic data"


def test_acceptance_counts_after_push(loaded):
    """MATCH (p:Position) count = SPARQL count of sg:Position; contested claims through the direct edges agree."""
    name, store, _ = loaded
    n_sparql = int(store.query("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a sg:Position }").rows[0][0].value)
    assert run_read_query("MATCH (p:Position) RETURN count(p) AS n")[1] == [[n_sparql]]
    assert n_sparql == store.count("Position") > 0
    contested_sparql = answer_from_sparql(store.query(QUESTIONS["contested_claim_count"].sparql_for(store.base)))
    contested_cypher = run_read_query(
        "MATCH (:Stakeholder)-[:SUPPORTS]->(c:Claim)<-[:OPPOSES]-(:Stakeholder) RETURN count(DISTINCT c) AS n")[1]
    assert contested_sparql == [tuple(contested_cypher[0])]


def test_the_questions_module_documents_every_question():
    for q in QUESTIONS.values():
        assert q.text.endswith("?") and q.columns
        assert all(f"${p}" in q.sparql and f"${p}" in q.cypher for p in q.params)
    assert len(QUESTIONS) >= 8
    assert Path(ROOT / "graph" / "questions.py").read_text(encoding="utf-8").startswith('"""')
