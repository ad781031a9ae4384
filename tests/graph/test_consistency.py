"""The same researcher questions asked three ways give the same answers: SPARQL on the embedded
store, Cypher on a real Neo4j server after `push`, and the REST API (graph/analysis/questions.py holds them).

The REST way runs the app on a real uvicorn over its own copy of the store and asks over HTTP:
every question through ``/sparql`` (SPARQL 1.1 Protocol) and ``/cypher``, and the questions a
resource endpoint answers (how many positions, who supports a claim, the evidence of a position)
through ``/positions`` as well.

Data: synthetic (benchmarks/synthetic.py at the small scale, where every answer is non-empty),
the development corpus through the extractor, and real coded data from ../shared/fixtures (a
DNA file, a Pol.is export).
"""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from conftest import FIXTURES, ROOT, SEED_DOC, need_shared
from neo4j_server import clean_neo4j, neo4j_uri  # noqa: F401

from stancegraph.graph.model.records import Bundle
from stancegraph.graph.neo4j.client import Neo4jGraph, run_read_query
from stancegraph.graph.analysis.questions import QUESTIONS, answer_from_rows, answer_from_sparql
from stancegraph.graph.rdf.store import Store

pytestmark = pytest.mark.neo4j


def synthetic_bundle() -> Bundle:
    from benchmark_data import synthetic

    return synthetic().make_bundle("small")


def fixture_bundle(relative: str) -> Bundle:
    from stancegraph.loaders import load_path

    return load_path(need_shared(FIXTURES / relative))


def corpus_bundle() -> Bundle:
    from stancegraph.loaders import load_path

    return load_path(need_shared(SEED_DOC))


DATASETS = {
    "synthetic": synthetic_bundle,
    "corpus": corpus_bundle,
    "dna": lambda: fixture_bundle("dna/sample.dna"),
    "polis": lambda: fixture_bundle("polis/15-per-hour-seattle"),
}


def question_params(bundle: Bundle, contested: list[str]) -> dict[str, Any]:
    """Parameters picked from the data: the most discussed claim, the busiest group, the theme with most claims,
    the first position with evidence, and the claims of the first tension cluster."""
    from stancegraph.graph.analysis.convergence import find_tensions

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
    api_store = tmp_path_factory.mktemp(request.param) / "api-store"
    with Store(api_store) as st:
        st.load(stored, validate=False)
    with serve_api(api_store) as client:
        yield request.param, store, question_params(stored, contested), client
    store.close()


@contextmanager
def serve_api(store_path: Path) -> Iterator[httpx.Client]:
    """The project's app (with the /cypher router) on a real uvicorn on a free loopback port."""
    from stancegraph.api.http import routes_cypher
    from stancegraph.api.http.app import create_app
    from stancegraph.graph.model.settings import Settings

    app = create_app(Settings(store=store_path))
    if not any(getattr(r, "path", None) == "/cypher" for r in app.routes):
        app.include_router(routes_cypher.router)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
            yield client
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def sparql_over_http(client: httpx.Client, text: str) -> list[tuple]:
    r = client.post("/sparql", data={"query": text}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.text
    data = r.json()
    names = data["head"]["vars"]
    numeric = ("integer", "decimal", "double", "float", "long", "int", "nonNegativeInteger")

    def value(b: dict[str, str] | None) -> Any:
        if b is None:
            return None
        if b["type"] == "literal" and b.get("datatype", "").rsplit("#", 1)[-1] in numeric:
            return Decimal(b["value"])
        return b["value"]

    return answer_from_rows([[value(row.get(n)) for n in names] for row in data["results"]["bindings"]])


def cypher_over_http(client: httpx.Client, text: str, parameters: dict[str, Any]) -> list[tuple]:
    r = client.post("/cypher", json={"query": text, "parameters": parameters}, params={"limit": 1_000_000})
    assert r.status_code == 200, r.text
    return answer_from_rows(r.json()["rows"])


def positions_over_http(client: httpx.Client, **filters: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    while True:
        r = client.get("/positions", params={**filters, "limit": 1000, "offset": len(items)})
        assert r.status_code == 200, r.text
        page = r.json()
        items += page["items"]
        if len(items) >= page["total"]:
            return items


#: questions a resource endpoint answers, the REST way a client would ask them
RESOURCE_WAYS: dict[str, Callable[[httpx.Client, dict[str, Any]], list[tuple]]] = {
    "position_count": lambda c, p: [(c.get("/positions", params={"limit": 1}).json()["total"],)],
    "supporters_of_claim": lambda c, p: answer_from_rows(
        {(i["stakeholder"],) for i in positions_over_http(c, claim=p["claim"], stance="support")}),
    "evidence_for_position": lambda c, p: answer_from_rows(
        [(e["document"], e.get("start"), e.get("end"), e["quote"])
         for e in c.get(f"/positions/{p['position']}").json()["evidence"]]),
}


def ask_both(question_name: str, store: Store, params: dict[str, Any]) -> tuple[list[tuple], list[tuple]]:
    q = QUESTIONS[question_name]
    kw = {k: params[k] for k in q.params}
    sparql = answer_from_sparql(store.query(q.sparql_for(store.base, **kw), timeout=120, row_limit=1_000_000), store.base)
    header, rows = run_read_query(q.cypher, parameters=q.cypher_params(**kw), timeout=120, row_limit=1_000_000)
    assert tuple(header) == q.columns
    return sparql, answer_from_rows(rows, store.base)


@pytest.mark.parametrize("question", list(QUESTIONS))
def test_sparql_cypher_and_rest_agree(loaded, question):
    name, store, params, client = loaded
    sparql, cypher = ask_both(question, store, params)
    assert sparql == cypher
    if name == "synthetic":  # the synthetic data is built so that every question has an answer
        assert sparql, f"{question} has no answer on the synthetic data"
    q = QUESTIONS[question]
    kw = {k: params[k] for k in q.params}
    assert sparql_over_http(client, q.sparql_for(store.base, **kw)) == sparql
    assert cypher_over_http(client, q.cypher, q.cypher_params(**kw)) == sparql
    if question in RESOURCE_WAYS:
        assert RESOURCE_WAYS[question](client, params) == sparql


def test_acceptance_counts_after_push(loaded):
    """MATCH (p:Position) count = SPARQL count of sg:Position; contested claims through the direct edges agree."""
    name, store, _, _ = loaded
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
    assert Path(ROOT / "graph" / "analysis" / "questions.py").read_text(encoding="utf-8").startswith('"""')
