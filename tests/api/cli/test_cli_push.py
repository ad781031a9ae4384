"""`stancegraph push neo4j` and `stancegraph query --cypher` as a user runs them, against a real Neo4j."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from neo4j_server import clean_neo4j, neo4j_uri  # noqa: F401
from samples import sample_bundle

from stancegraph.graph.rdf.store import Store

pytestmark = pytest.mark.neo4j


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(Path(sys.executable).parent / "stancegraph"), *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120)


@pytest.fixture
def store(tmp_path: Path, clean_neo4j: str) -> Path:  # noqa: F811
    path = tmp_path / "st"
    with Store(path) as st:
        st.load(sample_bundle())
    assert run("push", "neo4j", "--store", str(path), "--wipe", "--uri", clean_neo4j).returncode == 0
    return path


def test_push_is_quiet_when_piped_and_reports_what_it_wrote(store, clean_neo4j):  # noqa: F811
    out = run("push", "neo4j", "--store", str(store), "--uri", clean_neo4j)
    assert out.returncode == 0 and out.stdout == ""
    assert "\r" not in out.stderr  # no progress bar: stderr is a pipe
    assert "2 positions (0 new" in out.stderr and "11 nodes and 17 relationships" in out.stderr


def test_cypher_count_of_positions_equals_the_sparql_count(store, clean_neo4j):  # noqa: F811
    cy = run("query", "--cypher", "MATCH (p:Position) RETURN count(p) AS n", "--format", "csv", "--uri", clean_neo4j)
    sp = run("query", "--sparql", "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a sg:Position }", "--format", "csv",
             "--store", str(store))
    assert cy.returncode == sp.returncode == 0
    assert cy.stdout.split() == sp.stdout.split() == ["n", "2"]


def test_query_cypher_formats(store, clean_neo4j):  # noqa: F811
    q = "MATCH (s:Stakeholder)-[:SUPPORTS]->(c:Claim) RETURN s.label AS who, c.text AS what"
    out = run("query", "--cypher", q, "--format", "json", "--uri", clean_neo4j)
    assert json.loads(out.stdout) == [{"who": "Providers", "what": "pay must rise"}]
    table = run("query", "--cypher", q, "--uri", clean_neo4j).stdout
    assert "Providers" in table and "(1 row)" in table


def test_a_write_through_query_cypher_is_refused_and_creates_nothing(store, clean_neo4j):  # noqa: F811
    out = run("query", "--cypher", "CREATE (:X)", "--uri", clean_neo4j)
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.strip() == "error: Cypher queries here are read-only: this query writes"
    count = run("query", "--cypher", "MATCH (x:X) RETURN count(x) AS n", "--format", "csv", "--uri", clean_neo4j)
    assert count.stdout.split() == ["n", "0"]


def test_push_one_document_and_an_unknown_one(store, clean_neo4j):  # noqa: F811
    doc = next(iter(sample_bundle().documents))
    assert run("push", "neo4j", "--store", str(store), "--document", doc, "--uri", clean_neo4j).returncode == 0
    out = run("push", "neo4j", "--store", str(store), "--document", "doc-nope", "--uri", clean_neo4j)
    assert out.returncode == 2 and "no document 'doc-nope'" in out.stderr


def test_without_neo4j_the_commands_say_how_to_start_it(tmp_path):
    from stancegraph.graph.rdf.store import Store

    Store(tmp_path / "st").close()  # an empty store: push refuses a missing one before it looks for Neo4j
    env = {"NEO4J_URI": ""}
    for args in (("query", "--cypher", "RETURN 1"), ("push", "neo4j", "--store", str(tmp_path / "st"))):
        out = run(*args, env=env)
        assert out.returncode == 2
        assert "scripts/neo4j-local start" in out.stderr and len(out.stderr.strip().splitlines()) == 1
