"""Writes with the write token against a real server of this module's own: SPARQL updates, the
Graph Store Protocol, uploads and document removal. Without the token each is 403."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import httpx
import pytest
import rdflib

from api_fixtures import TOKEN, Server, start_server, stop_server

pytestmark = pytest.mark.server
AUTH = {"Authorization": f"Bearer {TOKEN}"}
G = "http://example.org/graphs/test"
TTL = "@prefix ex: <http://example.org/> .\nex:a ex:p ex:b .\nex:a ex:q \"<script>x</script>\" .\n"


@pytest.fixture(scope="module")
def wserver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    s = start_server(tmp_path_factory.mktemp("writes"), extra_env={"STANCEGRAPH_UPLOAD_LIMIT_MB": "1"})
    yield s
    stop_server(s)


@pytest.fixture
def c(wserver: Server) -> Iterator[httpx.Client]:
    with wserver.client() as client:
        yield client


def ask(c: httpx.Client, query: str) -> bool:
    return bool(c.get("/sparql", params={"query": f"ASK {{ {query} }}"}).json()["boolean"])


def test_sparql_update_with_the_token(c: httpx.Client) -> None:
    r = c.post("/sparql", data={"update": f"INSERT DATA {{ GRAPH <{G}/u> {{ <http://example.org/x> <http://example.org/p> 1 }} }}"},
               headers=AUTH)
    assert r.status_code == 204
    assert ask(c, f"GRAPH <{G}/u> {{ ?s ?p 1 }}")
    assert ask(c, "<http://example.org/x> <http://example.org/p> 1")  # the default graph (union) follows
    direct = c.post("/sparql", content=f"DROP GRAPH <{G}/u>", headers={"Content-Type": "application/sparql-update", **AUTH})
    assert direct.status_code == 204 and not ask(c, "<http://example.org/x> ?p ?o")


def test_bad_updates_with_the_token_are_400(c: httpx.Client) -> None:
    assert c.post("/sparql", data={"update": "CLEAR XYZ"}, headers=AUTH).status_code == 400  # W3C bad_update_syntax
    conflict = c.post("/sparql?using-named-graph-uri=http%3A%2F%2Fexample%2Fpeople",  # W3C bad_update_dataset_conflict
                      content="WITH <http://example/addresses> DELETE { ?p <http://x> 'Bill' } WHERE { ?p <http://x> 'Bill' }",
                      headers={"Content-Type": "application/sparql-update", **AUTH})
    assert conflict.status_code == 400 and "USING" in conflict.json()["detail"]


def test_graph_store_put_get_post_delete(c: httpx.Client) -> None:
    turtle = {"Content-Type": "text/turtle", **AUTH}
    assert c.put("/rdf-graphs", params={"graph": G}, content=TTL, headers={"Content-Type": "text/turtle"}).status_code == 403
    assert c.put("/rdf-graphs", params={"graph": G}, content=TTL, headers=turtle).status_code == 201
    assert c.put("/rdf-graphs", params={"graph": G}, content=TTL, headers=turtle).status_code == 204
    got = c.get("/rdf-graphs", params={"graph": G}, headers={"Accept": "application/n-triples"})
    assert got.headers["content-type"] == "application/n-triples"
    assert len(rdflib.Graph().parse(data=got.text, format="nt")) == 2
    nt = {"Content-Type": "application/n-triples", **AUTH}
    merged = c.post("/rdf-graphs", params={"graph": G}, content="<http://example.org/c> <http://example.org/p> <http://example.org/d> .\n",
                    headers=nt)
    assert merged.status_code == 204
    assert len(rdflib.Graph().parse(data=c.get("/rdf-graphs", params={"graph": G}).text, format="turtle")) == 3
    union = c.get("/rdf-graphs?default", headers={"Accept": "application/n-triples"}).text
    assert "<http://example.org/c>" in union
    assert c.head("/rdf-graphs", params={"graph": G}).status_code == 200
    assert c.delete("/rdf-graphs", params={"graph": G}).status_code == 403
    assert c.delete("/rdf-graphs", params={"graph": G}, headers=AUTH).status_code == 204
    assert c.delete("/rdf-graphs", params={"graph": G}, headers=AUTH).status_code == 404
    assert c.get("/rdf-graphs", params={"graph": G}).status_code == 404
    assert "<http://example.org/c>" not in c.get("/rdf-graphs?default", headers={"Accept": "application/n-triples"}).text


def test_graph_store_refusals(c: httpx.Client) -> None:
    turtle = {"Content-Type": "text/turtle", **AUTH}
    assert c.put("/rdf-graphs?default", content=TTL, headers=turtle).status_code == 405
    assert c.put("/rdf-graphs", params={"graph": G}, content="ex:a ex:b", headers=turtle).status_code == 400
    assert c.put("/rdf-graphs", params={"graph": G}, content="a,b", headers={"Content-Type": "text/csv", **AUTH}).status_code == 415
    assert c.get("/rdf-graphs").status_code == 400
    assert c.get("/rdf-graphs", params={"graph": G, "default": ""}).status_code == 400


def test_post_to_the_store_creates_a_graph(c: httpx.Client) -> None:
    r = c.post("/rdf-graphs", content=TTL, headers={"Content-Type": "text/turtle", **AUTH})
    assert r.status_code == 201
    got = c.get(r.headers["location"])
    assert got.status_code == 200 and "example.org" in got.text


def sheet_bytes(rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["document", "source", "stakeholder", "group", "stance", "claim", "themes", "quote"])
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


def test_upload_a_coding_sheet_then_delete_its_document(c: httpx.Client) -> None:
    data = sheet_bytes([["survey.txt", "Survey", "Skills for Care", "Employers", "support",
                         "Care workers need a clear career pathway", "Career development", "A pathway helps retention."],
                        ["survey.txt", "Survey", "UNISON", "Workforce representatives", "support",
                         "Care workers need a clear career pathway", "Career development", "Staff want progression."]])
    files = {"file": ("my survey sheet.csv", data, "text/csv")}
    assert c.post("/documents", files=files).status_code == 403
    before = c.get("/positions").json()["total"]
    r = c.post("/documents", files=files, headers=AUTH)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["file"] == "my survey sheet.csv" and body["counts"]["positions"] == 2 and len(body["documents"]) == 1
    assert c.get("/positions").json()["total"] == before + 2
    doc_id = body["documents"][0]
    supporters = c.get("/stakeholders", params={"document": doc_id}).json()["items"]
    assert {s["label"] for s in supporters} == {"Skills for Care", "UNISON"}
    again = c.post("/documents", files=files, headers=AUTH)  # loading it again changes nothing
    assert again.json()["replaced"] == [doc_id] and c.get("/positions").json()["total"] == before + 2
    assert c.delete(f"/documents/{doc_id}").status_code == 403
    assert c.delete(f"/documents/{doc_id}", headers=AUTH).status_code == 204
    assert c.get(f"/documents/{doc_id}").status_code == 404
    assert c.get("/positions").json()["total"] == before
    assert c.delete(f"/documents/{doc_id}", headers=AUTH).status_code == 404


def test_upload_refusals_are_problems(c: httpx.Client) -> None:
    bad = sheet_bytes([["x.txt", "S", "A", "", "maybe", "Some claim", "", "q"]])
    r = c.post("/documents", files={"file": ("bad.csv", bad, "text/csv")}, headers=AUTH)
    assert r.status_code == 422 and r.json()["line"] == 2 and r.json()["field"] == "stance"
    assert "stancegraph-upload" not in r.text  # no server paths in messages
    r = c.post("/documents", files={"file": ("tool.exe", b"MZ\x90\x00", "application/octet-stream")}, headers=AUTH)
    assert r.status_code == 415
    big = b"x" * (1024 * 1024 + 10)  # the server's upload limit is 1 MB
    r = c.post("/documents", files={"file": ("big.csv", big, "text/csv")}, headers=AUTH)
    assert r.status_code == 413 and r.headers["content-type"] == "application/problem+json"


def test_an_update_into_the_default_graph_is_refused_with_the_way_to_write_it(c: httpx.Client) -> None:
    before = c.get("/health").json()["counts"]
    r = c.post("/sparql", data={"update": "INSERT DATA { <http://example.org/lost> <http://example.org/p> 1 }"},
               headers=AUTH)
    assert r.status_code == 400 and r.headers["content-type"].startswith("application/problem+json")
    assert "GRAPH <iri>" in r.json()["detail"]
    assert not ask(c, "<http://example.org/lost> ?p ?o")
    assert c.get("/health").json()["counts"] == before


def test_query_results_are_reused_only_until_the_next_write(c: httpx.Client) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <%s/cache> { ?s ?p ?o } }" % G

    def n() -> int:
        return int(c.get("/sparql", params={"query": count}).json()["results"]["bindings"][0]["n"]["value"])

    assert n() == n() == 0
    insert = f"INSERT DATA {{ GRAPH <{G}/cache> {{ <http://example.org/c> <http://example.org/p> 1 }} }}"
    assert c.post("/sparql", data={"update": insert}, headers=AUTH).status_code == 204
    assert n() == 1  # the write made the cached answer stale
    assert c.post("/sparql", data={"update": f"DROP GRAPH <{G}/cache>"}, headers=AUTH).status_code == 204
    assert n() == 0
    uuid = {"query": "SELECT (STRUUID() AS ?u) WHERE {}"}
    first, second = (c.get("/sparql", params=uuid).json()["results"]["bindings"][0]["u"]["value"] for _ in range(2))
    assert first != second  # a query with STRUUID(), RAND(), NOW()... is evaluated every time
