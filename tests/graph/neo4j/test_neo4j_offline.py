"""The Neo4j layer without a server: the errors that say how to start one, and the checks made before writing."""

from __future__ import annotations

from dataclasses import replace

import pytest
from samples import sample_bundle

from stancegraph.graph.model.errors import BackendUnavailable, UsageError
from stancegraph.graph.neo4j.client import Neo4jGraph, check_references, run_read_query
from stancegraph.graph.model.settings import get_settings


def test_check_references_names_the_missing_record():
    b = sample_bundle()
    p = next(iter(b.positions.values()))
    b.positions[p.id] = replace(p, claim="cl-missing-0000000000")
    with pytest.raises(UsageError, match="cl-missing-0000000000"):
        check_references(b)



@pytest.mark.parametrize("uri", [None, "bolt://127.0.0.1:1"])
def test_without_a_server_the_error_says_how_to_start_one(monkeypatch, uri):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    get_settings.cache_clear()
    for call in (lambda: run_read_query("RETURN 1", uri=uri), lambda: Neo4jGraph(uri)):
        with pytest.raises(BackendUnavailable) as info:
            call()
        assert "scripts/neo4j-local start" in str(info.value) and "docker compose up neo4j" in str(info.value)
        assert "\n" not in str(info.value)


def test_a_malformed_uri_is_a_usage_error(monkeypatch):
    with pytest.raises(UsageError, match="invalid Neo4j URI"):
        run_read_query("RETURN 1", uri="http//nowhere")


def test_the_user_may_come_from_neo4j_username(monkeypatch):
    from stancegraph.graph.model.settings import Settings

    monkeypatch.delenv("NEO4J_USER", raising=False)
    monkeypatch.delenv("STANCEGRAPH_NEO4J_USER", raising=False)
    monkeypatch.setenv("NEO4J_USERNAME", "reader")  # the name Neo4j's own tools (cypher-shell, neo4j-admin) read
    assert Settings(_env_file=None).neo4j_user == "reader"
    monkeypatch.setenv("NEO4J_USER", "writer")  # NEO4J_USER, the project's own name, wins when both are set
    assert Settings(_env_file=None).neo4j_user == "writer"
