"""`/cypher` over HTTP against a real Neo4j: JSON and CSV answers, refused writes, limits, a down server."""

from __future__ import annotations

import csv
import io
import socket
import threading
import time

import pytest
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
import httpx
import uvicorn
from neo4j_server import clean_neo4j, neo4j_uri  # noqa: F401
from samples import sample_bundle

from stancegraph.api.http import routes_cypher
from stancegraph.graph.model.errors import StancegraphError
from stancegraph.graph.neo4j.client import Neo4jGraph


def make_app() -> FastAPI:
    """The project's app when it has one (it includes this router); else the router behind a problem handler."""
    try:
        from stancegraph.api.http.app import create_app
    except ImportError:
        app = FastAPI()
        app.include_router(routes_cypher.router)

        @app.exception_handler(StancegraphError)
        async def problem(request: Request, exc: StancegraphError) -> JSONResponse:
            return JSONResponse({"title": exc.title, "status": exc.http_status, "detail": str(exc)},
                                status_code=exc.http_status, media_type="application/problem+json")

        return app
    app = create_app()
    if not any(getattr(r, "path", None) == "/cypher" for r in app.routes):
        app.include_router(routes_cypher.router)
    return app


@pytest.fixture(scope="module")
def client(clean_neo4j, tmp_path_factory):  # noqa: F811
    """The app served by a real uvicorn on a free loopback port, and an HTTP client for it."""
    with Neo4jGraph(clean_neo4j) as graph:
        graph.push(sample_bundle())
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(make_app(), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as c:
        yield c
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(autouse=True)
def _uri(monkeypatch, neo4j_uri):  # noqa: F811
    monkeypatch.setenv("NEO4J_URI", neo4j_uri)


pytestmark = pytest.mark.neo4j
WHO = "MATCH (s:Stakeholder)-[r:SUPPORTS|OPPOSES]->(c:Claim) RETURN s.label AS who, type(r) AS how ORDER BY who"


def test_get_answers_columns_and_rows(client):
    r = client.get("/cypher", params={"query": WHO})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    assert r.json() == {"columns": ["who", "how"], "rows": [["Commissioners", "OPPOSES"], ["Providers", "SUPPORTS"]]}


def test_post_takes_parameters_and_csv_on_request(client):
    body = {"query": "MATCH (s:Stakeholder {label: $name}) RETURN s.label AS label, s.aliases AS aliases",
            "parameters": {"name": "Providers"}}
    assert client.post("/cypher", json=body).json()["rows"] == [["Providers", ["provider representatives"]]]
    for r in (client.post("/cypher", json=body, params={"format": "csv"}),
              client.post("/cypher", json=body, headers={"Accept": "text/csv"})):
        assert r.headers["content-type"].startswith("text/csv")
        assert list(csv.reader(io.StringIO(r.text))) == [["label", "aliases"], ["Providers", '["provider representatives"]']]


def test_writes_are_refused_with_a_problem_document_and_change_nothing(client):
    r = client.get("/cypher", params={"query": "CREATE (:X)"})
    assert r.status_code == 400 and r.headers["content-type"].startswith("application/problem+json")
    assert "read-only" in r.json()["detail"]
    assert client.get("/cypher", params={"query": "MATCH (x:X) RETURN count(x) AS n"}).json()["rows"] == [[0]]


def test_row_limit(client):
    r = client.get("/cypher", params={"query": "MATCH (n) RETURN n.id", "limit": 3})
    assert r.status_code == 400 and "more than 3 rows" in r.json()["detail"]


def test_without_neo4j_the_answer_says_how_to_start_it(client, monkeypatch):
    from stancegraph.graph.model.settings import get_settings

    monkeypatch.delenv("NEO4J_URI")
    get_settings.cache_clear()
    r = client.get("/cypher", params={"query": "RETURN 1"})
    assert r.status_code == 503 and "scripts/neo4j-local start" in r.json()["detail"]
