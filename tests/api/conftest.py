"""Fixtures for the API tests: real ``stancegraph serve`` processes on loopback (see api_fixtures.py)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

sys.path.append(str(Path(__file__).parent))  # for api_fixtures; never ahead of tests/ (its conftest)

from api_fixtures import Server, start_server, stop_server  # noqa: E402


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server tests only read from (writes they try must fail): shared by the whole session."""
    s = start_server(tmp_path_factory.mktemp("server"))
    yield s
    stop_server(s)


@pytest.fixture(scope="module")
def writable_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server of its own for a module whose tests change the store."""
    s = start_server(tmp_path_factory.mktemp("writable"))
    yield s
    stop_server(s)


@pytest.fixture
def client(server: Server) -> Iterator[httpx.Client]:
    with server.client() as c:
        yield c
