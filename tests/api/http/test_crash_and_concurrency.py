"""The API under a kill and under concurrent use, against real ``stancegraph serve`` processes.

* SIGKILL while ``POST /documents`` is storing a large sheet: the store opens afterwards, answers
  queries and holds the document whole or not at all (the load stages its graphs, then swaps them
  in with one transaction; the test kills the server as soon as the staged graphs are visible).
* Reads keep answering 200 while an upload is read, validated and stored; readers polling the
  position count of the document being loaded see 0 or all of it, never a part.
* Two uploads of different documents at the same time both land whole.

Sizes: a sheet of ROWS rows takes about 7 ms a row to validate and store (measured: 1,500 rows in
11 s on this machine), long enough to kill in the middle and to serve many reads meanwhile.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from api_fixtures import TOKEN, Server, start_server, stop_server
from stancegraph.graph.model.records import new_document
from stancegraph.graph.rdf.store import STAGING_PREFIX, Store
from stancegraph.ontology import names as N

pytestmark = [pytest.mark.server, pytest.mark.slow]
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ROWS = 1000
BASE_POSITIONS = 11  # the API fixture sheet (api_fixtures.py)


def big_sheet(document: str, rows: int = ROWS) -> bytes:
    """`rows` distinct positions on one document: claim r held by stakeholder r % 97, stances in turn."""
    lines = ["document,source,stakeholder,group,stance,claim,themes,quantifier,quote"]
    for r in range(rows):
        lines.append(f"{document},Workshop,Stakeholder {r % 97},Group {r % 7},{('support', 'oppose', 'neutral')[r % 3]},"
                     f"Claim number {r} of {document},Pay,some,quote {r}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def doc_iri(document: str) -> str:
    return N.DEFAULT_BASE + new_document(document).id


def positions_of(c: httpx.Client, document: str) -> tuple[int, int]:
    """(in the union default graph, in the document's own graph) position counts, by SPARQL."""
    iri = doc_iri(document)
    q = (f"SELECT (COUNT(DISTINCT ?p) AS ?u) (COUNT(DISTINCT ?q) AS ?g) WHERE {{ "
         f"{{ ?p a sg:Position ; sg:inDocument <{iri}> }} UNION {{ GRAPH <{iri}> {{ ?q a sg:Position }} }} }}")
    r = c.get("/sparql", params={"query": q})
    assert r.status_code == 200, r.text
    row = r.json()["results"]["bindings"][0]
    return int(row["u"]["value"]), int(row["g"]["value"])


def upload(url: str, document: str, rows: int, out: dict[str, object]) -> None:
    """POST a big sheet; the response (or the transport error a kill causes) lands in `out`."""
    try:
        with httpx.Client(base_url=url, timeout=300) as c:
            out["response"] = c.post("/documents", files={"file": (f"{document}.csv", big_sheet(document, rows), "text/csv")},
                                     headers=AUTH)
    except httpx.TransportError as exc:
        out["error"] = exc


# --------------------------------------------------------------------------- SIGKILL during an upload

def staging_visible(c: httpx.Client) -> bool:
    # a distinct comment each time: staging is not a write, so the endpoint's result cache would answer
    q = (f"ASK {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), \"{N.DEFAULT_BASE}{STAGING_PREFIX}\")) }}"
         f"\n# probe {time.monotonic_ns()}")
    try:
        return bool(c.get("/sparql", params={"query": q}, timeout=5).json()["boolean"])
    except (httpx.TransportError, ValueError):
        return False


def test_sigkill_during_an_upload_leaves_the_document_whole_or_absent(tmp_path: Path) -> None:
    server = start_server(tmp_path)
    out: dict[str, object] = {}
    thread = threading.Thread(target=upload, args=(server.url, "crash.txt", ROWS, out))
    started = time.monotonic()
    thread.start()
    seen_staging = False
    with httpx.Client(base_url=server.url, timeout=10) as c:
        while thread.is_alive() and time.monotonic() - started < 120:
            if staging_visible(c):  # the graphs are staged and the swap is next or running: kill now
                seen_staging = True
                break
            time.sleep(0.005)
    os.kill(server.process.pid, signal.SIGKILL)
    server.process.wait(timeout=30)
    thread.join(timeout=60)
    assert "response" not in out or out["response"].status_code == 201  # type: ignore[union-attr]
    killed_mid_upload = "error" in out

    with Store(server.store) as st:  # opens (no lock left behind, staging leftovers dropped) and answers
        docs = st.document_ids()
        crash = new_document("crash.txt").id
        landed = len(st.bundle(crash).positions) if crash in docs else 0
        assert landed in (0, ROWS), f"a partial document: {landed} of {ROWS} positions"
        assert int(st.query("SELECT (COUNT(?p) AS ?n) WHERE { ?p a sg:Position }").rows[0][0].value) == BASE_POSITIONS + landed
        (row,) = st.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } }").rows
        assert row[0].value == "0"  # the default graph is still the union of the named graphs
        assert not any(g.value.startswith(N.DEFAULT_BASE + STAGING_PREFIX) for g in st._ox.named_graphs())

    again = start_server(tmp_path, load=False)  # and a server starts on it again
    try:
        with again.client() as c:
            assert c.get("/health").json()["counts"]["positions"] == BASE_POSITIONS + landed
            assert positions_of(c, "crash.txt") == (landed, landed)
    finally:
        stop_server(again)
    print(f"killed mid upload: {killed_mid_upload}; staged graphs seen: {seen_staging}; positions landed: {landed}")
    assert killed_mid_upload, "the upload finished before the kill; make ROWS larger"


# --------------------------------------------------------------------------- reads during writes

@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    s = start_server(tmp_path_factory.mktemp("concurrency"))
    yield s
    stop_server(s)


def test_reads_answer_during_an_upload_and_never_see_half_a_document(server: Server) -> None:
    out: dict[str, object] = {}
    thread = threading.Thread(target=upload, args=(server.url, "slow.txt", ROWS, out))
    statuses: list[int] = []
    seen: set[tuple[int, int]] = set()
    latencies: list[float] = []
    with server.client() as c:
        assert positions_of(c, "slow.txt") == (0, 0)
        thread.start()
        while thread.is_alive():
            t = time.monotonic()
            for path in ("/claims?limit=5", "/stakeholders?q=care", "/health"):
                statuses.append(c.get(path).status_code)
            seen.add(positions_of(c, "slow.txt"))
            latencies.append(time.monotonic() - t)
        thread.join()
        assert out["response"].status_code == 201  # type: ignore[union-attr]
        assert positions_of(c, "slow.txt") == (ROWS, ROWS)
        assert c.get("/health").json()["counts"]["positions"] >= BASE_POSITIONS + ROWS
    assert len(latencies) >= 5, "too few reads overlapped the upload to say anything"
    assert set(statuses) == {200}
    assert seen <= {(0, 0), (ROWS, ROWS)}, f"readers saw a partial document: {sorted(seen)}"
    print(f"{len(latencies)} read rounds during the upload; slowest {max(latencies):.2f} s")


def test_two_concurrent_uploads_both_land_whole(server: Server) -> None:
    outs: list[dict[str, object]] = [{}, {}]
    threads = [threading.Thread(target=upload, args=(server.url, name, 400, out))
               for name, out in zip(("first.txt", "second.txt"), outs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=240)
    assert [o["response"].status_code for o in outs] == [201, 201]  # type: ignore[union-attr]
    with server.client() as c:
        assert positions_of(c, "first.txt") == (400, 400)
        assert positions_of(c, "second.txt") == (400, 400)


def test_concurrent_uploads_to_a_fresh_server_all_land(tmp_path: Path) -> None:
    """Right after `serve` starts, many uploads of one document at once: every one is read and stored (5 to 9 of
    50 used to be refused with 'unhashable type: Lexicon': threads each built the default lexicon)."""
    from concurrent.futures import ThreadPoolExecutor

    example = Path(__file__).resolve().parents[3] / "examples" / "riverside-libraries-consultation.md"
    data = example.read_bytes()
    server = start_server(tmp_path, load=False, extra_env={"STANCEGRAPH_WARM_CACHE": "false"})
    try:
        def upload(i: int) -> httpx.Response:
            with httpx.Client(base_url=server.url, timeout=300) as c:
                return c.post("/documents", files={"file": (example.name, data, "text/markdown")}, headers=AUTH)

        with ThreadPoolExecutor(24) as pool:
            answers = list(pool.map(upload, range(24)))
    finally:
        stop_server(server)
    refused = [(r.status_code, r.text[:200]) for r in answers if r.status_code != 201]
    assert not refused, refused
