"""The warm start: the server saves its records, stance matrix and unfiltered analyses beside the store and
reads them back at the next start, only while the store is as it was (by its write count) and the file is whole.

Expected conflicts come from the sheet in api_fixtures.py, by hand: living wage and register; without
hearing.txt, living wage only (the register claim is that document's).
"""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

from api_fixtures import LIVING_WAGE, REGISTER, Server, start_server, stop_server

from stancegraph.graph.rdf.store import Store

pytestmark = pytest.mark.server


def ready(server: Server) -> dict:
    with server.client() as c:
        deadline = time.monotonic() + 60
        while (health := c.get("/health").json())["warm"] == "warming" and time.monotonic() < deadline:
            time.sleep(0.05)
        return health  # type: ignore[no-any-return]


def conflicts(server: Server) -> set[str]:
    with server.client() as c:
        r = c.get("/analysis/conflicts")
        assert r.status_code == 200
        return {row["text"] for row in r.json()}


def serve_once(tmp: Path, *, load: bool = False) -> tuple[dict, set[str]]:
    server = start_server(tmp, token=None, load=load)
    try:
        return ready(server), conflicts(server)
    finally:
        stop_server(server)


def test_the_second_start_reads_the_snapshot_and_answers_the_same(tmp_path: Path) -> None:
    health, first = serve_once(tmp_path, load=True)
    assert health["warm"] == "ready" and health["snapshot"] == "saved"
    assert (tmp_path / "store.snapshot").is_file()  # beside the store's folder
    health, again = serve_once(tmp_path)
    assert health["warm"] == "ready" and health["snapshot"] == "loaded"
    assert again == first == {LIVING_WAGE, REGISTER}


def test_a_write_between_starts_makes_the_snapshot_stale_and_it_is_rebuilt(tmp_path: Path) -> None:
    health, _ = serve_once(tmp_path, load=True)
    assert health["snapshot"] == "saved"
    with Store(tmp_path / "store") as st:  # another process writes while the server is down
        st.remove_document(next(d for d in st.document_ids() if "hearing" in d))
    health, after = serve_once(tmp_path)
    assert health["snapshot"] == "saved" and after == {LIVING_WAGE}  # not the register conflict of the snapshot
    health, again = serve_once(tmp_path)
    assert health["snapshot"] == "loaded" and again == {LIVING_WAGE}


def test_a_damaged_snapshot_is_ignored_and_rebuilt(tmp_path: Path) -> None:
    serve_once(tmp_path, load=True)
    snap = tmp_path / "store.snapshot"
    data = bytearray(snap.read_bytes())
    data[len(data) // 2] ^= 0xFF
    snap.write_bytes(bytes(data))
    health, answer = serve_once(tmp_path)
    assert health["warm"] == "ready" and health["snapshot"] == "saved" and answer == {LIVING_WAGE, REGISTER}
