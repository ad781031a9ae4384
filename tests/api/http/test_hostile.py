"""Hostile clients against a real server: queries that reach out or write, pathological queries,
oversized bodies, writes without (or with a wrong) token, and document text made of markup.

The server of this module has a 0.2 s query time limit, a 1 MB body limit, a 1 s body read timeout and the write token;
its store holds the API fixture sheet plus NASTY_ROWS, uploaded through ``POST /documents``.
Every error response is checked for the one problem shape and for leaks (tracebacks, source
file paths, temporary folders).
"""

from __future__ import annotations

import csv
import io
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from api_fixtures import TOKEN, Server, start_server, stop_server
from hostile_fixtures import (CLAIM, CONTROL_FORMULAS, FORMULAS, HOLDER, IMG, QUOTE, SCRIPT, check_page, check_spreadsheet_csv,
                              control_sheet, literals, nasty_sheet)

pytestmark = pytest.mark.server
AUTH = {"Authorization": f"Bearer {TOKEN}"}

LEAKS = ["Traceback", 'File "', "site-packages", "/work/", "stancegraph-upload", ".py\""]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    s = start_server(tmp_path_factory.mktemp("hostile"), extra_env={
        "STANCEGRAPH_QUERY_TIMEOUT": "0.2", "STANCEGRAPH_UPLOAD_LIMIT_MB": "1", "STANCEGRAPH_BODY_TIMEOUT": "1"})
    with s.client() as c:
        r = c.post("/documents", files={"file": ("nasty.csv", nasty_sheet(), "text/csv")}, headers=AUTH)
        assert r.status_code == 201, r.text
    yield s
    stop_server(s)


@pytest.fixture
def c(server: Server) -> Iterator[httpx.Client]:
    with server.client() as client:
        yield client


def problem(r: httpx.Response, *statuses: int) -> dict:
    """The response is a problem document with one of `statuses`, and gives nothing away."""
    assert r.status_code in statuses, (r.status_code, r.text[:500])
    assert r.headers["content-type"] == "application/problem+json"
    for leak in LEAKS:
        assert leak not in r.text, (leak, r.text[:500])
    body = r.json()
    assert body["status"] == r.status_code and body["title"] and body["detail"] and "\n" not in body["detail"]
    return body


def store_state(c: httpx.Client) -> tuple[dict, str]:
    counts = c.get("/health").json()["counts"]
    quads = c.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"}).json()
    return counts, quads["results"]["bindings"][0]["n"]["value"]


class Listener:
    """A TCP listener on loopback that counts connections: the server must never call it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/data.ttl"
        self.connections = 0
        self._stop = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop = True
        self.thread.join(timeout=2)
        self.sock.close()


# --------------------------------------------------------------------------- queries that reach out or write

def test_load_and_service_are_refused_even_with_the_token(c: httpx.Client) -> None:
    listener = Listener()
    before = store_state(c)
    try:
        update = {"Content-Type": "application/sparql-update"}
        cases = [
            (c.get("/sparql", params={"query": f"LOAD <{listener.url}>"}), 400),
            (c.post("/sparql", data={"update": f"LOAD <{listener.url}>"}), 403),
            (c.post("/sparql", data={"update": f"LOAD <{listener.url}>"}, headers=AUTH), 400),
            (c.post("/sparql", content=f"load silent <{listener.url}> into graph <http://example.org/g>",
                    headers={**update, **AUTH}), 400),
            (c.post("/sparql", content=f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}",
                    headers={**update, **AUTH}), 400),
            (c.post("/sparql", data={"query": f"SELECT * WHERE {{ service silent <{listener.url}> {{ ?s ?p ?o }} }}"},
                    headers=AUTH), 400),
            (c.post("/sparql", content=f"ASK {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}",
                    headers={"Content-Type": "application/sparql-query"}), 400),
        ]
        for r, status in cases:
            body = problem(r, status)
            assert status == 403 or any(k in body["detail"] for k in ("LOAD", "SERVICE", "read-only"))
    finally:
        listener.close()
    assert listener.connections == 0, "the server called out to another host"
    assert store_state(c) == before


def test_the_words_load_and_service_inside_strings_are_fine(c: httpx.Client) -> None:
    q = ('SELECT (COUNT(*) AS ?n) WHERE { ?c a sg:Claim ; schema:text ?t '
         'FILTER(CONTAINS(LCASE(?t), "public service") || CONTAINS(?t, "LOAD <http://x>")) }')
    r = c.get("/sparql", params={"query": q})
    assert r.status_code == 200 and r.json()["results"]["bindings"][0]["n"]["value"] == "0"


#: PN_LOCAL_ESC: the characters a prefixed name's local part may escape with a backslash (SPARQL 1.1, 19.8)
LOCAL_ESCAPES = "_~.-!$&'()*+,;=/?#@%"


def escape_forms(listener_url: str) -> list[tuple[str, str]]:
    """(name, query) pairs that hide ``SERVICE <listener>`` from a scanner that does not read SPARQL as the engine
    does; each is valid SPARQL to pyoxigraph (checked in the test with GRAPH in place of SERVICE: :func:`harmless`)."""
    call = f"SERVICE <{listener_url}> {{ ?a ?b ?c }}"
    forms = [(f"local-escape-{ch}", f"SELECT * WHERE {{ OPTIONAL {{ ?s ?p schema:x\\{ch}{'41' if ch == '%' else ''} }} {call} }}")
             for ch in LOCAL_ESCAPES]
    forms += [
        ("comment-ends-at-cr", f"SELECT * WHERE {{ ?s ?p ?o #c\r{call} }}"),
        ("iri-with-u-escape-and-hash", f"SELECT * WHERE {{ BIND(<http://x/\\u0041#> AS ?q) {call} }}"),
        ("keyword-as-prefix", f"PREFIX SERVICEx: <{listener_url}#> SELECT * WHERE {{ SERVICEx:y {{ ?a ?b ?c }} }}"),
        ("keyword-then-empty-prefix", f"PREFIX : <{listener_url}> SELECT * WHERE {{ SERVICE: {{ ?a ?b ?c }} }}"),
        ("glued-after-true", f"SELECT * WHERE {{ ?s ?p true{call} }}"),
        ("glued-after-number", f"SELECT * WHERE {{ ?s ?p 1{call} }}"),
        ("lower-case", f"select * where {{ service silent <{listener_url}> {{ ?a ?b ?c }} }}"),
        ("comment-between", f"SELECT * WHERE {{ SERVICE#x\n<{listener_url}> {{ ?a ?b ?c }} }}"),
        ("long-string-before", f'SELECT * WHERE {{ BIND("""a""b\'""" AS ?z) {call} }}'),
    ]
    return forms


def harmless(query: str) -> str:
    """The query with its SERVICE call made a GRAPH pattern (``SERVICEx:y`` stays a prefixed name, now a graph's)."""
    import re

    if "SERVICEx:y {" in query:
        return query.replace("SERVICEx:y {", "GRAPH SERVICEx:y {")
    return re.sub(r"(?i)service(\s+silent)?", "GRAPH", query)


def test_service_is_refused_in_every_escape_and_spelling_the_engine_accepts(c: httpx.Client) -> None:
    import pyoxigraph

    engine = pyoxigraph.Store()
    listener = Listener()
    try:
        for name, query in escape_forms(listener.url):
            body = problem(c.get("/sparql", params={"query": query}), 400)
            assert "SERVICE" in body["detail"], (name, body)
            prologue, pattern = query[:query.upper().index("SELECT")], query[query.index("{"):]
            update = prologue + "INSERT { GRAPH <http://example.org/g> { ?a ?b ?c } } WHERE " + pattern
            problem(c.post("/sparql", content=update, headers={"Content-Type": "application/sparql-update", **AUTH}), 400)
            # the same text with GRAPH in place of SERVICE is a query the engine parses: the form is real SPARQL
            list(engine.query(harmless(query), prefixes={"schema": "https://schema.org/"}))
    finally:
        listener.close()
    assert listener.connections == 0, "the server called out to another host"


def test_load_is_refused_in_every_spelling_the_engine_accepts(c: httpx.Client) -> None:
    listener = Listener()
    before = store_state(c)
    headers = {"Content-Type": "application/sparql-update", **AUTH}
    try:
        for update in [f"PREFIX s: <http://s/> INSERT DATA {{ GRAPH <http://example.org/g> {{ <http://a> <http://b> s:x\\# }} }} ; LOAD <{listener.url}>",
                       f"PREFIX LOADx: <{listener.url}#> LOADx:y",
                       f"PREFIX : <{listener.url}> LOAD:",
                       f"INSERT DATA {{ GRAPH <http://example.org/g> {{ <http://a> <http://b> 1 }} }} #c\rLOAD <{listener.url}>"]:
            body = problem(c.post("/sparql", content=update, headers=headers), 400)
            assert "LOAD" in body["detail"], update
    finally:
        listener.close()
    assert listener.connections == 0, "the server called out to another host"
    assert store_state(c) == before


@pytest.mark.parametrize(("name", "query"), [
    ("3,000 nested groups", "SELECT * WHERE " + "{" * 3000 + "}" * 3000),
    ("1,000 nested calls", "SELECT * WHERE { FILTER(" + "CONCAT(" * 1000 + '"a"' + ")" * 1000 + ") }"),
    ("5,000 OPTIONALs", "SELECT * WHERE { " + "OPTIONAL { ?s ?p ?o } " * 5000 + "}"),
    ("20,000 negations", "SELECT * WHERE { FILTER(" + "!" * 20000 + "true) }"),
    ("a chain of 20,000 sums", "SELECT * WHERE { FILTER(" + "+".join(["1"] * 20000) + ") }"),
    ("5,000 projected expressions", "SELECT " + " ".join(f"(1 AS ?v{i})" for i in range(5000)) + " WHERE {}"),
])
def test_queries_that_overflow_the_engine_are_refused_and_the_server_lives(c: httpx.Client, name: str, query: str) -> None:
    # each of these killed the whole server (a stack overflow in pyoxigraph's parser or evaluator)
    body = problem(c.post("/sparql", content=query, headers={"Content-Type": "application/sparql-query"}), 400)
    assert "the most allowed" in body["detail"]
    update = "INSERT { GRAPH <http://example.org/g> { ?s ?p ?o } } WHERE { " + query + " }"  # as a subquery
    problem(c.post("/sparql", content=update, headers={"Content-Type": "application/sparql-update", **AUTH}), 400)
    assert c.get("/health").status_code == 200


def test_queries_at_the_bounds_are_answered(c: httpx.Client) -> None:
    from stancegraph.graph.rdf.sparql_text import MAX_DEPTH, MAX_OPERATORS

    n = MAX_DEPTH - 2
    at_bounds = ["SELECT * WHERE " + "{" * MAX_DEPTH + "}" * MAX_DEPTH,
                 "SELECT * WHERE { FILTER(" + "CONCAT(" * n + '"a"' + ")" * n + ") }",
                 "SELECT * WHERE { " + "OPTIONAL { ?s ?p ?o } " * (MAX_OPERATORS // 2) + "}",
                 "SELECT * WHERE { FILTER(" + "+".join(["1"] * (MAX_OPERATORS - 2)) + ") }",
                 "SELECT (COUNT(*) AS ?n) WHERE { VALUES ?x { " + "1 " * 50_000 + "} }"]  # a long list is data
    for query in at_bounds:
        r = c.post("/sparql", content=query, headers={"Content-Type": "application/sparql-query"})
        assert r.status_code in (200, 503), r.text[:300]  # answered, or past the 0.2 s time limit
    assert c.get("/health").status_code == 200


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN},
                                     {"Authorization": f"Basic {TOKEN}"}, {"Authorization": f"Bearer {TOKEN}x"},
                                     {"X-Write-Token": TOKEN}])
def test_drop_all_without_the_token_changes_nothing(c: httpx.Client, headers: dict[str, str]) -> None:
    before = store_state(c)
    problem(c.post("/sparql", data={"update": "DROP ALL"}, headers=headers), 403)
    problem(c.post("/sparql", content="DROP ALL", headers={"Content-Type": "application/sparql-update", **headers}), 403)
    problem(c.get("/sparql", params={"update": "DROP ALL"}, headers=headers), 400)
    problem(c.get("/sparql", params={"query": "DROP ALL"}, headers=headers), 400)
    problem(c.post("/sparql", params={"token": TOKEN}, data={"update": "DROP ALL"}, headers=headers), 403)
    assert store_state(c) == before


def test_every_write_needs_the_token(c: httpx.Client) -> None:
    before = store_state(c)
    doc_id = c.get("/documents").json()["items"][0]["id"]
    ttl = {"Content-Type": "text/turtle"}
    for headers in ({}, {"Authorization": "Bearer not-the-token"}):
        for r in (
            c.post("/documents", files={"file": ("x.csv", nasty_sheet(), "text/csv")}, headers=headers),
            c.delete(f"/documents/{doc_id}", headers=headers),
            c.put("/rdf-graphs", params={"graph": "http://example.org/g"}, content="<a:b> <a:c> <a:d> .", headers={**ttl, **headers}),
            c.post("/rdf-graphs", params={"graph": "http://example.org/g"}, content="<a:b> <a:c> <a:d> .", headers={**ttl, **headers}),
            c.post("/rdf-graphs", content="<a:b> <a:c> <a:d> .", headers={**ttl, **headers}),
            c.delete("/rdf-graphs", params={"graph": doc_id}, headers=headers),
            c.post("/sparql", data={"update": "CLEAR ALL"}, headers=headers),
        ):
            assert "www-authenticate" not in r.headers  # 403 throughout, never a 401 challenge
            problem(r, 403)
    assert store_state(c) == before


def test_token_comparison_is_constant_time(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import hmac

    from stancegraph.api.http import service as service_module
    from stancegraph.graph.model.errors import Forbidden
    from stancegraph.graph.model.settings import Settings

    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(service_module.hmac, "compare_digest", spy)
    svc = service_module.Service(Settings(store=tmp_path / "s", write_token="s3cret"))
    svc.check_token("Bearer s3cret")
    with pytest.raises(Forbidden):
        svc.check_token("Bearer s3creT")
    assert calls == [(b"s3cret", b"s3cret"), (b"s3creT", b"s3cret")]  # both through compare_digest, never ==


# --------------------------------------------------------------------------- limits

def test_a_cross_join_hits_the_time_limit_and_the_server_keeps_answering(c: httpx.Client) -> None:
    # about 0.6 s on the fixture data (a 500 x 500 join with a filter), three times the 0.2 s limit
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f FILTER(STR(?c) < STR(?f)) }"
    r = c.get("/sparql", params={"query": q})
    body = problem(r, 503)
    assert "time limit of 0.2 s" in body["detail"] and r.elapsed.total_seconds() < 3
    assert c.get("/claims", params={"limit": 1}).status_code == 200
    assert c.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).status_code == 200


def test_bodies_over_the_limit_are_413(c: httpx.Client) -> None:
    big = "#" + "x" * (1024 * 1024 + 10) + "\nASK {}"
    problem(c.post("/sparql", content=big, headers={"Content-Type": "application/sparql-query"}), 413)
    problem(c.put("/rdf-graphs", params={"graph": "http://example.org/big"}, content=big,
                  headers={"Content-Type": "text/turtle", **AUTH}), 413)

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit holds while the body streams in
        for _ in range(20):
            yield b"#" + b"y" * (100 * 1024) + b"\n"

    problem(c.post("/sparql", content=chunks(), headers={"Content-Type": "application/sparql-query"}), 413)
    assert c.get("/health").status_code == 200


def raw_request(server: Server, head: str) -> socket.socket:
    """A socket that has sent `head` (request line and headers) to the server."""
    host, port = server.url.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)), timeout=10)
    sock.sendall(head.replace("\n", "\r\n").encode() + b"\r\n")
    return sock


def status_of(sock: socket.socket) -> int:
    data = b""
    while b"\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
    return int(data.split(b" ", 2)[1])


def send_chunks(sock: socket.socket, total: int) -> int:
    """Send up to `total` bytes as 64 KB chunks until the server answers or stops reading; the bytes sent."""
    import select

    sent, piece = 0, b"x" * 65536
    while sent < total:
        if select.select([sock], [], [], 0)[0]:
            break  # the server has answered
        try:
            sock.sendall(b"%x\r\n" % len(piece) + piece + b"\r\n")
        except OSError:
            break  # the server closed the connection
        sent += len(piece)
    return sent


def test_an_upload_without_the_token_is_refused_before_its_body_is_read(server: Server) -> None:
    sock = raw_request(server, "POST /documents HTTP/1.1\nHost: x\nTransfer-Encoding: chunked\n"
                               "Content-Type: multipart/form-data; boundary=b\n")
    try:
        sock.sendall(b"5\r\n--b\r\n\r\n")  # one chunk of the body, then nothing: the server must not wait for more
        assert status_of(sock) == 403
    finally:
        sock.close()


def test_an_oversized_chunked_upload_is_413_and_not_read_to_its_end(server: Server) -> None:
    sock = raw_request(server, f"POST /documents HTTP/1.1\nHost: x\nTransfer-Encoding: chunked\n"
                               f"Authorization: Bearer {TOKEN}\nContent-Type: multipart/form-data; boundary=b\n")
    try:
        start = b'--b\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n\r\n'
        sock.sendall(b"%x\r\n" % len(start) + start + b"\r\n")
        sent = send_chunks(sock, 20 * 1024 * 1024)
        assert status_of(sock) == 413
        assert sent < 8 * 1024 * 1024  # reading stopped near the 1 MB limit, not at the end of 20 MB
    finally:
        sock.close()


@pytest.mark.parametrize("path", ["/documents", "/sparql", "/rdf-graphs?graph=http://example.org/slow"])
def test_a_body_that_stops_arriving_times_out(server: Server, path: str) -> None:
    import time

    kind = "multipart/form-data; boundary=b" if path == "/documents" else \
        "application/sparql-query" if path == "/sparql" else "text/turtle"
    method = "PUT" if "rdf-graphs" in path else "POST"
    sock = raw_request(server, f"{method} {path} HTTP/1.1\nHost: x\nContent-Length: 1000\n"
                               f"Authorization: Bearer {TOKEN}\nContent-Type: {kind}\n")
    try:
        sock.sendall(b"--b\r\n")  # 5 of the 1,000 bytes declared
        began = time.monotonic()
        assert status_of(sock) == 408
        assert time.monotonic() - began < 8
    finally:
        sock.close()


# --------------------------------------------------------------------------- Graph Store writes are checked as loads are

RDFXML_BOMB = ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
               + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(7))
               + ']><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">'
               '<rdf:Description rdf:about="http://example.org/s"><ex:p>&h;</ex:p></rdf:Description></rdf:RDF>')


def test_graph_store_refuses_xml_entities_in_any_encoding(c: httpx.Client) -> None:
    before = store_state(c)
    for body in (RDFXML_BOMB.encode(), RDFXML_BOMB.replace('version="1.0"?>', 'version="1.0" encoding="UTF-16"?>')
                 .encode("utf-16")):
        r = c.put("/rdf-graphs", params={"graph": "http://example.org/bomb"}, content=body,
                  headers={"Content-Type": "application/rdf+xml", **AUTH})
        assert "DOCTYPE" in problem(r, 422)["detail"]  # (it expanded into a 100 MB literal)
    assert store_state(c) == before


def test_graph_store_writes_that_would_break_the_reads_are_refused(c: httpx.Client) -> None:
    doc = c.get("/documents", params={"limit": 1}).json()["items"][0]
    graph = c.get(f"/documents/{doc['id']}").json()["iri"]
    before = store_state(c)
    banana = (f"<{graph}#p> a <https://w3id.org/stancegraph/ns#Position> ; "
              '<https://w3id.org/stancegraph/ns#stance> "banana" .')
    for method in ("put", "post"):
        r = getattr(c, method)("/rdf-graphs", params={"graph": graph}, content=banana,
                               headers={"Content-Type": "text/turtle", **AUTH})
        problem(r, 422)
    tab = '<http://example.org/s> <http://www.w3.org/2000/01/rdf-schema#label> "Care\\u000bEngland" .'
    assert "U+000B" in problem(c.put("/rdf-graphs", params={"graph": "http://example.org/vt"}, content=tab,
                                     headers={"Content-Type": "text/turtle", **AUTH}), 422)["detail"]
    assert store_state(c) == before
    for path in ("/positions", "/documents", "/claims", "/analysis/conflicts", "/export?format=graphml"):
        assert c.get(path).status_code == 200, path


def test_control_characters_are_refused_at_load_time_naming_the_field(c: httpx.Client) -> None:
    rows = [["vt.txt", "W", "Care\x0bEngland", "", "support", "Pay must rise", "", "", ""]]
    r = c.post("/documents", files={"file": ("vt.csv", nasty_sheet(rows), "text/csv")}, headers=AUTH)
    body = problem(r, 422)
    assert body.get("field") == "stakeholder" and body.get("line") == 2 and "U+000B" in body["detail"]
    for path in ("/export?format=graphml", "/export?format=gexf", "/analysis/network?format=graphml"):
        assert c.get(path).status_code == 200, path


# --------------------------------------------------------------------------- documents naming server files

def test_an_uploaded_sheet_cannot_make_the_server_read_its_own_files(c: httpx.Client, server: Server) -> None:
    secret = server.store.parent / "secret-notes.txt"
    secret.write_text("TOP SECRET: the server's own file.\n", encoding="utf-8")
    rows = [[str(secret), "W", "Spy", "", "support", "Files stay private", "", "", ""],
            ["../" * 12 + str(secret).lstrip("/"), "W", "Spy", "", "support", "Files stay private too", "", "", ""]]
    r = c.post("/documents", files={"file": ("spy.csv", nasty_sheet(rows), "text/csv")}, headers=AUTH)
    assert r.status_code == 201, r.text
    q = 'ASK { ?d sg:documentText ?t FILTER(CONTAINS(?t, "TOP SECRET")) }'
    assert c.get("/sparql", params={"query": q}).json()["boolean"] is False
    assert "TOP SECRET" not in c.get("/export", params={"format": "nt"}).text


# --------------------------------------------------------------------------- HTML, errors and exports

def test_maps_pages_and_error_pages_carry_no_markup_from_documents(c: httpx.Client) -> None:
    check_page(c.get("/viz/tensions").text, expect_data=True)
    check_page(c.get("/viz/graph").text, expect_data=True)
    for path in ("/", "/sparql"):
        r = c.get(path, headers={"Accept": "text/html"})
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        check_page(r.text, expect_data=False)
    # the explorer gets its data as JSON, the strings exactly as stored
    claims = c.get("/claims", params={"q": "pay must rise", "limit": 50}).json()["items"]
    assert any(IMG in cl["text"] and "\u202e" in cl["text"] for cl in claims)
    for r in (c.get(f"/claims/{IMG}"), c.get(f"/{SCRIPT}"), c.get("/viz/tensions", params={"theme": SCRIPT}),
              c.get("/stakeholders", params={"group": SCRIPT}), c.get("/sparql", params={"query": SCRIPT}),
              c.get("/export", params={"format": SCRIPT[:20]})):
        problem(r, 400, 404, 422)
        assert r.headers.get("x-content-type-options", "nosniff") == "nosniff"


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")  # inside rdflib's JSON-LD parser
def test_rdf_exports_round_trip_the_strings_exactly(c: httpx.Client) -> None:
    import rdflib

    rows = c.get("/sparql", params={"query": "SELECT DISTINCT ?o WHERE { ?s ?p ?o FILTER(isLiteral(?o)) }"}).json()
    stored = {b["o"]["value"] for b in rows["results"]["bindings"]}
    assert CLAIM in stored and HOLDER in stored and QUOTE in stored and FORMULAS[0] in stored
    for fmt, parser in (("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")):
        r = c.get("/export", params={"format": fmt})
        assert r.status_code == 200
        g = rdflib.Graph().parse(data=r.text, format=parser)
        assert literals(g) == stored, fmt


def test_csv_exports_guard_formulas(c: httpx.Client) -> None:
    sheet = list(csv.reader(io.StringIO(c.get("/export", params={"format": "sheet"}).text)))
    stakeholders = c.get("/stakeholders", params={"format": "csv", "limit": 500}).text
    cells = {cell for row in sheet for cell in row} | {cell for row in csv.reader(io.StringIO(stakeholders)) for cell in row}
    for formula in FORMULAS:
        assert formula not in cells and "'" + formula in cells, formula
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "@") or (cell[:1] == "-" and not cell[1:2].isdigit())]


def test_csv_guards_formulas_behind_control_characters_and_quotes_line_breaks(c: httpx.Client) -> None:
    r = c.post("/documents", files={"file": ("control.csv", control_sheet(), "text/csv")}, headers=AUTH)
    assert r.status_code == 201, r.text
    positions = c.get("/positions", params={"format": "csv", "document": r.json()["documents"][0], "limit": 50}).text
    records = check_spreadsheet_csv(positions, rows=1 + len(CONTROL_FORMULAS))
    quotes = {cell for row in records for cell in row}
    assert {"'" + q for q in CONTROL_FORMULAS} <= quotes
    check_spreadsheet_csv(c.get("/export", params={"format": "sheet"}).text)
    # query results are data, not spreadsheets: the values come back exactly, CR and all
    rows = c.get("/sparql", params={"query": "SELECT ?q WHERE { ?p oa:exact ?q }", "format": "csv"}).text
    assert set(CONTROL_FORMULAS) <= {row[0] for row in csv.reader(io.StringIO(rows, newline=""))}


# --------------------------------------------------------------------------- CORS and the bind address

def test_cors_is_off_by_default(c: httpx.Client) -> None:
    origin = {"Origin": "https://evil.example"}
    for r in (c.get("/claims", headers=origin), c.get("/sparql", params={"query": "ASK {}"}, headers=origin),
              c.options("/sparql", headers={**origin, "Access-Control-Request-Method": "POST"})):
        assert "access-control-allow-origin" not in r.headers


def test_cors_origins_setting_allows_those_origins_only(tmp_path: Path) -> None:
    s = start_server(tmp_path, load=False, extra_env={"STANCEGRAPH_CORS_ORIGINS": "https://explorer.example, https://b.example"})
    try:
        tc = s.client()
        ok = tc.get("/claims", headers={"Origin": "https://explorer.example"})
        assert ok.headers["access-control-allow-origin"] == "https://explorer.example"
        pre = tc.options("/sparql", headers={"Origin": "https://b.example", "Access-Control-Request-Method": "POST",
                                             "Access-Control-Request-Headers": "Authorization, Content-Type"})
        assert pre.status_code == 200 and pre.headers["access-control-allow-origin"] == "https://b.example"
        other = tc.get("/claims", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers
        tc.close()
    finally:
        stop_server(s)


def test_serve_listens_on_loopback_by_default(server: Server) -> None:
    from typer.testing import CliRunner

    from stancegraph.api.cli.main import app

    help_text = CliRunner().invoke(app, ["serve", "--help"], env={"COLUMNS": "200"}).output
    assert "127.0.0.1" in help_text
    port = int(server.url.rsplit(":", 1)[1])
    listening = [line.split()[1] for line in Path("/proc/net/tcp").read_text().splitlines()[1:]
                 if line.split()[3] == "0A" and int(line.split()[1].split(":")[1], 16) == port]
    assert listening == [f"0100007F:{port:04X}"]  # 127.0.0.1 only (the fixture passes no --host)
    assert not [line for line in Path("/proc/net/tcp6").read_text().splitlines()[1:]
                if line.split()[3] == "0A" and int(line.split()[1].split(":")[1], 16) == port]
