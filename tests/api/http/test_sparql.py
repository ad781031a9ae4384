"""The SPARQL 1.1 Protocol endpoint against a real server, with real clients (httpx, SPARQLWrapper,
rdflib's SPARQLStore). The malformed-request cases follow the W3C protocol test suite
(w3c/rdf-tests, sparql/sparql11/protocol/manifest.ttl: bad_query_*, bad_update_*, query_*)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import httpx
import pytest
import rdflib
from SPARQLWrapper import CSV, JSON, POST, TURTLE, SPARQLWrapper
from rdflib.plugins.stores.sparqlstore import SPARQLStore

from api_fixtures import TOKEN, Server, start_server, stop_server

pytestmark = [pytest.mark.server,
              pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")]  # rdflib JSON-LD parser

COUNT_POSITIONS = "SELECT (COUNT(?p) AS ?n) WHERE { ?p a sg:Position }"
BY_STANCE = """SELECT ?stance (COUNT(?p) AS ?n) WHERE { ?p a sg:Position ; sg:stance ?stance }
GROUP BY ?stance ORDER BY ?stance"""
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def n_of(response: httpx.Response) -> int:
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_get_select_defaults_to_sparql_json(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": COUNT_POSITIONS})
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/sparql-results+json"
    assert n_of(r) == 11


@pytest.mark.parametrize(("accept", "media"), [
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("application/json", "application/sparql-results+json"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/sparql-results+xml"),
])
def test_select_content_negotiation(client: httpx.Client, accept: str, media: str) -> None:
    r = client.get("/sparql", params={"query": BY_STANCE}, headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].split(";")[0] == media
    if media == "text/csv":  # 11 positions: 2 oppose, 8 support, 1 neutral (sheet in api_fixtures.py)
        rows = list(csv.reader(io.StringIO(r.text)))
        assert rows[0] == ["stance", "n"]
        assert {tuple(row) for row in rows[1:]} == {("https://w3id.org/stancegraph/ns#Neutral", "1"),
                                                    ("https://w3id.org/stancegraph/ns#Oppose", "2"),
                                                    ("https://w3id.org/stancegraph/ns#Support", "8")}
    if media == "text/tab-separated-values":
        assert r.text.splitlines()[0] == "?stance\t?n"


def test_post_form_and_direct_give_the_same_answer(client: httpx.Client) -> None:
    form = client.post("/sparql", data={"query": COUNT_POSITIONS})
    direct = client.post("/sparql", content=COUNT_POSITIONS, headers={"Content-Type": "application/sparql-query"})
    assert form.status_code == direct.status_code == 200
    assert n_of(form) == n_of(direct) == 11


@pytest.mark.parametrize(("accept", "fmt"), [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                                             ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml")])
def test_construct_negotiates_rdf_formats(client: httpx.Client, accept: str, fmt: str) -> None:
    q = "CONSTRUCT { ?c schema:text ?t } WHERE { ?c a sg:Claim ; schema:text ?t }"
    r = client.get("/sparql", params={"query": q}, headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].split(";")[0] == accept
    g = rdflib.Graph().parse(data=r.text, format=fmt)
    assert len(g) == 4


def test_ask_and_format_parameter(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": "ASK { ?s a sg:Claim }", "format": "xml"})
    assert r.headers["content-type"].startswith("application/sparql-results+xml") and "<boolean>true</boolean>" in r.text
    assert client.get("/sparql", params={"query": "ASK { ?s a sg:Nothing }"}).json() == {"head": {}, "boolean": False}


def test_protocol_dataset_replaces_the_default_graph(client: httpx.Client) -> None:
    base = client.get("/health").json()  # noqa: F841 - the server is up
    docs = client.get("/documents").json()["items"]
    hearing = next(d for d in docs if d["title"] == "hearing")
    iri = client.get(f"/documents/{hearing['id']}").json()["iri"]
    # only hearing.txt's graph as the default graph: its 3 positions
    r = client.get("/sparql", params={"query": COUNT_POSITIONS, "default-graph-uri": iri})
    assert n_of(r) == 3
    # W3C query_get: a default graph that does not exist is simply empty
    r = client.post("/sparql?default-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata0.rdf",
                    content="query=ASK%20%7B%7D", headers=FORM)
    assert r.json()["boolean"] is True
    # named-graph-uri limits what GRAPH ?g can see
    q = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?d a sg:Document } }"
    assert n_of(client.get("/sparql", params={"query": q})) == 2
    assert n_of(client.get("/sparql", params={"query": q, "named-graph-uri": iri})) == 1


def test_relative_iris_resolve_against_the_endpoint(client: httpx.Client) -> None:
    # W3C query_content_type_construct
    r = client.post("/sparql", content="CONSTRUCT { <s> <p> 1 } WHERE {}", headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 200 and "/s>" in r.text


@pytest.mark.parametrize(("method", "url", "kwargs", "status"), [
    ("PUT", "/sparql?query=ASK%20%7B%7D", {"headers": FORM}, 405),                          # bad_query_method
    ("GET", "/sparql?query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D", {}, 400),            # bad_multiple_queries
    ("POST", "/sparql", {"content": "ASK {}", "headers": {"Content-Type": "text/plain"}}, 415),  # bad_query_wrong_media_type
    ("POST", "/sparql", {"content": "query=ASK%20%7B%7D"}, 415),                           # bad_query_missing_form_type
    ("POST", "/sparql", {"content": "ASK {}"}, 415),                                       # bad_query_missing_direct_type
    ("POST", "/sparql", {"content": "ASK {}".encode("utf-16"),
                         "headers": {"Content-Type": "application/sparql-query; charset=UTF-16"}}, 400),  # bad_query_non_utf8
    ("GET", "/sparql?query=ASK%20%7B", {}, 400),                                           # bad_query_syntax
    ("GET", "/sparql?update=CLEAR%20ALL", {}, 400),                                        # bad_update_get
    ("POST", "/sparql", {"content": "update=CLEAR%20NAMED&update=CLEAR%20DEFAULT", "headers": FORM}, 400),  # bad_multiple_updates
    ("POST", "/sparql", {"content": "CLEAR NAMED", "headers": {"Content-Type": "text/plain"}}, 415),  # bad_update_wrong_media_type
    ("POST", "/sparql", {"content": "update=CLEAR%20NAMED"}, 415),                         # bad_update_missing_form_type
    ("GET", "/sparql?query=INSERT%20DATA%20%7B%3Ca%3E%20%3Cb%3E%20%3Cc%3E%7D", {}, 400),   # an update sent as a query
    ("GET", "/sparql?query=SELECT%20*%20WHERE%20%7BSERVICE%20%3Chttp%3A%2F%2Fx%3E%20%7B%3Fs%20%3Fp%20%3Fo%7D%7D", {}, 400),
])
def test_malformed_requests_are_4xx_problems(client: httpx.Client, method: str, url: str, kwargs: dict, status: int) -> None:
    r = client.request(method, url, **kwargs)
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["status"] == status and r.json()["detail"]


def test_update_without_the_token_is_403_and_changes_nothing(client: httpx.Client) -> None:
    before = client.get("/health").json()
    update = "DELETE WHERE { ?p a sg:Position ; ?x ?y }"
    for headers in ({}, {"Authorization": "Bearer wrong-token"}, {"Authorization": TOKEN}):
        r1 = client.post("/sparql", data={"update": update}, headers=headers)
        r2 = client.post("/sparql", content=update, headers={"Content-Type": "application/sparql-update", **headers})
        assert r1.status_code == r2.status_code == 403
        assert r1.headers["content-type"] == "application/problem+json"
    after = client.get("/health").json()
    assert after == before and n_of(client.get("/sparql", params={"query": COUNT_POSITIONS})) == 11


def test_editor_page_for_browsers_and_service_description_otherwise(client: httpx.Client) -> None:
    page = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert page.headers["content-type"].startswith("text/html") and "<textarea" in page.text
    assert "http://" not in page.text and "https://" not in page.text
    sd = client.get("/sparql", headers={"Accept": "text/turtle"})
    g = rdflib.Graph().parse(data=sd.text, format="turtle")
    SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    assert (None, SD.supportedLanguage, SD.SPARQL11Query) in g


# --------------------------------------------------------------------------- real clients

def test_sparqlwrapper_select_json_csv_and_post(server: Server) -> None:
    sw = SPARQLWrapper(server.url + "/sparql")
    sw.setQuery("PREFIX sg: <https://w3id.org/stancegraph/ns#>\n" + BY_STANCE)
    sw.setReturnFormat(JSON)
    rows = sw.query().convert()["results"]["bindings"]
    assert {r["stance"]["value"].rsplit("#")[1]: int(r["n"]["value"]) for r in rows} == {
        "Neutral": 1, "Oppose": 2, "Support": 8}
    sw.setReturnFormat(CSV)
    text = sw.query().convert().decode("utf-8")
    assert text.splitlines()[0] == "stance,n" and len(text.splitlines()) == 4
    sw.setMethod(POST)
    sw.setReturnFormat(JSON)
    assert len(sw.query().convert()["results"]["bindings"]) == 3
    sw.setQuery("CONSTRUCT { ?c a <https://w3id.org/stancegraph/ns#Claim> } WHERE { ?c a <https://w3id.org/stancegraph/ns#Claim> }")
    sw.setReturnFormat(TURTLE)
    g = rdflib.Graph().parse(data=sw.query().convert(), format="turtle")
    assert len(g) == 4


def test_rdflib_sparqlstore_reads_the_endpoint(server: Server) -> None:
    store = SPARQLStore(server.url + "/sparql")
    g = rdflib.Graph(store=store)
    sg = rdflib.Namespace("https://w3id.org/stancegraph/ns#")
    claims = set(g.subjects(rdflib.RDF.type, sg.Claim))
    assert len(claims) == 4
    res = g.query("SELECT ?label WHERE { ?s a <https://w3id.org/stancegraph/ns#StakeholderGroup> ; "
                  "<http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?label")
    assert [str(r[0]) for r in res] == ["People who draw on care", "Providers", "Workforce representatives"]
    store.close()


# --------------------------------------------------------------------------- limits, and a server without a token

@pytest.fixture(scope="module")
def strict_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """No write token configured; a 5-row limit and a 1 s time limit (generous for the small queries
    on a loaded 2-core CI machine; the slow query below takes minutes)."""
    s = start_server(tmp_path_factory.mktemp("strict"), token=None,
                     extra_env={"STANCEGRAPH_QUERY_ROW_LIMIT": "5", "STANCEGRAPH_QUERY_TIMEOUT": "1"})
    yield s
    stop_server(s)


def test_row_and_time_limits_give_clear_errors(strict_server: Server) -> None:
    with strict_server.client() as c:
        ok = c.get("/sparql", params={"query": "SELECT ?c WHERE { ?c a sg:Claim }"})
        assert ok.status_code == 200 and len(ok.json()["results"]["bindings"]) == 4
        big = c.get("/sparql", params={"query": "SELECT ?p WHERE { ?p a sg:Position }"})
        assert big.status_code == 400 and "row limit" in big.json()["detail"]
        # a three-way cross join of every triple: hundreds of millions of combinations
        slow = c.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i "
                                                 "FILTER(CONTAINS(STR(?c), STR(?f)) && CONTAINS(STR(?i), STR(?c))) }"})
        assert slow.status_code == 503 and "time limit" in slow.json()["detail"]


def test_updates_are_refused_when_no_token_is_configured(strict_server: Server) -> None:
    with strict_server.client() as c:
        r = c.post("/sparql", data={"update": "CLEAR ALL"}, headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 403 and "read-only" in r.json()["detail"]
        assert json.loads(c.get("/health").text)["counts"]["positions"] == 11
