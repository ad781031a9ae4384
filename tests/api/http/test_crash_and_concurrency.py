"""The API under a kill and under concurrent use, against real ``stancegraph serve`` processes.

* SIGKILL while ``POST /documents`` is storing a large sheet: the store opens afterwards, answers
  queries and holds the document whole or not at all, with the default graph still the union of the
  named graphs (a new document goes in with one transactional ``extend``). When to kill: ``/health``
  says whether the store is writing; a first upload of the same size, not killed, times the write on
  this machine, and the second is killed KILL_AT (70%) of that time after the write is first seen.
  That lands after the first of two transactions a non-atomic load would make: splitting the
  ``extend`` in halves (1,079 of 3,000 positions left) or into the named graphs then the default
  graph (the union missing the document) fails the test on every run tried (3 of 3 each).
  An upload that answers between two polls was not killed at all: the test tries again on a fresh
  server, up to KILL_ATTEMPTS times.
* Reads keep answering 200 while an upload is read, validated and stored; readers polling the
  position count of the document being loaded see 0 or all of it, never a part.
* Two uploads of different documents at the same time both land whole.

Sizes: serving an upload of CRASH_ROWS (3,000) rows takes about 5 s on 2 loaded cores, 1.5-2.5 s of
it writing (the write lock held); ROWS (1,000) rows are enough to serve many reads meanwhile.
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
CRASH_ROWS = 3000  # the store writes them for 1.5-2.5 s on 2 loaded cores (measured: 1.5, 1.5, 1.8, 2.0, 2.6 s)
KILL_AT = 0.7  # of the write time of a calibration upload of the same size
KILL_ATTEMPTS = 3  # fresh servers to try, when an upload finished before its kill
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

def writing(c: httpx.Client) -> bool:
    """Whether the server's store is in a write transaction (``/health``), i.e. an upload is being stored."""
    return bool(c.get("/health", timeout=10).json()["writing"])


def time_the_write(url: str, c: httpx.Client, document: str, rows: int) -> float:
    """Upload `rows` rows whole, polling ``/health``: seconds from the first answer that the store writes to
    the first that it no longer does (to within one poll, a few ms)."""
    out: dict[str, object] = {}
    thread = threading.Thread(target=upload, args=(url, document, rows, out))
    began = ended = None
    thread.start()
    while thread.is_alive() and ended is None:
        now, busy = time.monotonic(), writing(c)
        if busy and began is None:
            began = now
        elif not busy and began is not None:
            ended = now
        time.sleep(0.005)
    if began is not None and ended is None:  # the write ended and the answer came back between two polls
        ended = time.monotonic()
    thread.join(timeout=300)
    assert out["response"].status_code == 201, out  # type: ignore[union-attr]
    assert began is not None and ended is not None, "the store was never seen writing; make CRASH_ROWS larger"
    return ended - began


def kill_during_an_upload(server: Server) -> tuple[float, float, bool, dict[str, object], float | None]:
    """Time a calibration upload, then SIGKILL the server KILL_AT of that time into a second one's write.
    Returns (calibration write seconds, seconds into the write at the kill, still writing at the last poll,
    the killed upload's outcome, when its write was first seen)."""
    with httpx.Client(base_url=server.url, timeout=10) as c:
        # the same upload in size, not killed: how long the store writes it on this machine, now
        write_seconds = time_the_write(server.url, c, "calibration.txt", CRASH_ROWS)
        out: dict[str, object] = {}
        thread = threading.Thread(target=upload, args=(server.url, "crash.txt", CRASH_ROWS, out))
        began: float | None = None
        busy = False
        thread.start()
        while thread.is_alive() and (began is None or time.monotonic() - began < KILL_AT * write_seconds):
            busy = writing(c)
            if busy and began is None:
                began = time.monotonic()
            elif not busy and began is not None:
                break  # the write ended sooner than the calibration's: kill at once, before the answer
            time.sleep(0.005)
        os.kill(server.process.pid, signal.SIGKILL)
        into_write = time.monotonic() - began if began is not None else float("nan")
    server.process.wait(timeout=30)
    thread.join(timeout=60)
    return write_seconds, into_write, busy, out, began


def test_sigkill_during_an_upload_leaves_the_document_whole_or_absent(tmp_path: Path) -> None:
    for attempt in range(KILL_ATTEMPTS):  # an upload that answers between two polls was not killed: try again
        home = tmp_path / f"attempt-{attempt}"
        home.mkdir()
        server = start_server(home)
        try:
            write_seconds, into_write, busy, out, began = kill_during_an_upload(server)
        finally:
            if server.process.poll() is None:  # a failed calibration leaves it running: stop it, do not leak it
                stop_server(server)
        assert "response" not in out or out["response"].status_code == 201  # type: ignore[union-attr]
        killed_mid_upload = "error" in out
        if killed_mid_upload:
            break
    base = BASE_POSITIONS + CRASH_ROWS

    with Store(server.store) as st:  # opens (no lock left behind, staging leftovers dropped) and answers
        (row,) = st.query(f"SELECT (COUNT(?p) AS ?n) WHERE {{ GRAPH <{doc_iri('crash.txt')}> {{ ?p a sg:Position }} }}").rows
        landed = int(row[0].value)
        assert landed in (0, CRASH_ROWS), f"a partial document: {landed} of {CRASH_ROWS} positions"
        crash = new_document("crash.txt").id
        assert crash in st.document_ids() if landed else crash not in st.document_ids()
        if landed:  # and it reads back whole
            assert len(st.bundle(crash).positions) == CRASH_ROWS
        assert int(st.query("SELECT (COUNT(?p) AS ?n) WHERE { ?p a sg:Position }").rows[0][0].value) == base + landed
        (row,) = st.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } }").rows
        assert row[0].value == "0"  # the default graph is still the union of the named graphs
        assert not any(g.value.startswith(N.DEFAULT_BASE + STAGING_PREFIX) for g in st._ox.named_graphs())

    again = start_server(home, load=False)  # and a server starts on it again
    try:
        with again.client() as c:
            assert c.get("/health").json()["counts"]["positions"] == base + landed
            assert positions_of(c, "crash.txt") == (landed, landed)
    finally:
        stop_server(again)
    print(f"calibration write {write_seconds:.2f} s; killed {into_write:.2f} s into the write, the store still writing "
          f"at the last poll: {busy}; killed mid upload: {killed_mid_upload}; positions landed: {landed}")
    assert began is not None, "the store was never seen writing the upload before the kill; make CRASH_ROWS larger"
    assert killed_mid_upload, "the upload finished before the kill; make CRASH_ROWS larger"


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
