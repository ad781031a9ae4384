"""One problem+json shape for every failure, and no stack trace or exception text on a 500."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from api_fixtures import free_port
from stancegraph.api.http.app import create_app
from stancegraph.graph.model.errors import MalformedSource
from stancegraph.graph.model.settings import Settings

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    """uvicorn in a thread serving the app plus two routes that exist only to raise."""
    app = create_app(Settings(store=tmp_path_factory.mktemp("problems") / "store"))

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret internal detail /etc/passwd")

    @app.get("/malformed")
    def malformed() -> None:
        raise MalformedSource("bad stance", path="/tmp/stancegraph-upload-x1/sheet.csv", line=3, field="stance")

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="critical", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    with httpx.Client(base_url=f"http://127.0.0.1:{port}") as c:
        yield c
    server.should_exit = True
    thread.join(timeout=10)


def test_unexpected_errors_hide_their_details(client: httpx.Client) -> None:
    # uvicorn drops the connection after an unhandled error: asking for it to close keeps the next test from
    # reusing it (about 1 run in 5 failed with "connection reset by peer" on a loaded machine)
    r = client.get("/boom", headers={"Connection": "close"})
    assert r.status_code == 500 and r.headers["content-type"] == "application/problem+json"
    body = r.json()
    assert set(body) == {"type", "title", "status", "detail", "instance"}
    assert "secret" not in r.text and "Traceback" not in r.text and "RuntimeError" not in r.text


def test_malformed_input_names_line_and_field_without_server_paths(client: httpx.Client) -> None:
    body = client.get("/malformed").json()
    assert body["status"] == 422 and body["line"] == 3 and body["field"] == "stance" and body["path"] == "sheet.csv"
    assert "stancegraph-upload" not in body["detail"]


@pytest.mark.parametrize(("method", "path", "status"), [
    ("GET", "/no/such/path", 404), ("DELETE", "/claims", 405), ("GET", "/claims?limit=abc", 422),
    ("GET", "/claims/cl-x", 404), ("POST", "/sparql", 415),
])
def test_every_failure_has_the_same_shape(client: httpx.Client, method: str, path: str, status: int) -> None:
    r = client.request(method, path)
    assert r.status_code == status and r.headers["content-type"] == "application/problem+json"
    body = r.json()
    assert body["status"] == status and body["title"] and body["detail"] and body["instance"] == path.split("?")[0]
