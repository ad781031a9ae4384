"""Fixtures for tests against a real Neo4j server (never a mock).

CI starts one with ``scripts/neo4j-local start`` and exports NEO4J_URI; without it these tests
skip, and CI turns a skip into a failure. Import the fixtures into a test module with
``from neo4j_server import neo4j_uri, clean_neo4j  # noqa: F401``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session")
def neo4j_uri() -> str:
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        pytest.skip("NEO4J_URI is not set: start a server with `scripts/neo4j-local start` and export its URI")
    return uri


@pytest.fixture(scope="module")
def clean_neo4j(neo4j_uri: str) -> Iterator[str]:
    """A database emptied before the module's tests (and after them), for this module alone."""
    from stancegraph.graph.neo4j.client import Neo4jGraph, close_drivers

    def wipe() -> None:
        with Neo4jGraph(neo4j_uri) as graph:
            graph.wipe(everything=True)

    with Neo4jGraph(neo4j_uri) as graph:
        graph.ensure_schema()
    wipe()
    yield neo4j_uri
    wipe()
    close_drivers()
