"""The bad-input matrix (tests/bad_inputs.py) and a bounded fuzz run through ``POST /documents``:
every rejected upload is a 4xx problem document naming the file (never a 500, never a library's
exception text or a server path), and the store is unchanged."""

from __future__ import annotations

import random
from collections.abc import Iterator

import httpx
import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from api_fixtures import TOKEN, Server, start_server, stop_server
from bad_inputs import CASES, EXTENSIONS, Case, good_sample

pytestmark = [pytest.mark.server, pytest.mark.slow]
AUTH = {"Authorization": f"Bearer {TOKEN}"}
LEAKS = ["Traceback", 'File "', "site-packages", "/work/", "/tmp/", "stancegraph-upload"]
REJECTED = [c for c in CASES if c.expect == "reject" and not c.needs_shared and c.id != "huge-line"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    s = start_server(tmp_path_factory.mktemp("uploads"))
    yield s
    stop_server(s)


@pytest.fixture(scope="module")
def c(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=120) as client:
        yield client


def quads(c: httpx.Client) -> str:
    r = c.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"})
    return str(r.json()["results"]["bindings"][0]["n"]["value"])


def check_refusal(r: httpx.Response, name: str) -> None:
    assert 400 <= r.status_code < 500, (r.status_code, r.text[:300])
    assert r.headers["content-type"] == "application/problem+json"
    for leak in LEAKS:
        assert leak not in r.text, (leak, r.text[:300])
    body = r.json()
    assert name in body["detail"] or body.get("path") == name, body


@pytest.mark.parametrize("case", REJECTED, ids=lambda case: case.name)
def test_each_bad_upload_is_a_4xx_problem_and_changes_nothing(c: httpx.Client, case: Case) -> None:
    before = quads(c)
    r = c.post("/documents", files={"file": (case.name, case.build(), "application/octet-stream")}, headers=AUTH)
    check_refusal(r, case.name)
    assert quads(c) == before


@st.composite
def damaged_upload(draw: st.DrawFn) -> tuple[str, bytes]:
    ext = draw(st.sampled_from([e for e in EXTENSIONS if e != ".dna"]))
    data = bytearray(good_sample(ext))
    rnd = random.Random(draw(st.integers(0, 2**32)))
    for _ in range(draw(st.integers(0, 4))):
        pos = rnd.randrange(max(len(data), 1))
        data[pos:pos + rnd.randint(0, 8)] = rnd.randbytes(rnd.randint(0, 8))
    return f"fuzz{ext}", bytes(data)


@seed(8)
@settings(max_examples=60, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(upload=damaged_upload())
def test_damaged_uploads_never_get_a_server_error(c: httpx.Client, upload: tuple[str, bytes]) -> None:
    name, data = upload
    before = quads(c)
    r = c.post("/documents", files={"file": (name, data, "application/octet-stream")}, headers=AUTH)
    if r.status_code == 201:  # still valid after the damage: it landed
        return
    check_refusal(r, name)
    assert quads(c) == before
