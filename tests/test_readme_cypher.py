"""The README's and docs/questions.md's Cypher runs on Neo4j after `push` (a real server)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from neo4j_server import clean_neo4j, neo4j_uri  # noqa: F401
from samples import sample_bundle

from stancegraph.graph.neo4j.client import Neo4jGraph, run_read_query

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.neo4j


def cypher_blocks(path: Path) -> list[str]:
    return re.findall(r"```cypher\n(.*?)```", path.read_text(encoding="utf-8"), re.S)


def test_readme_cypher_examples_run_and_answer(clean_neo4j):  # noqa: F811
    queries = cypher_blocks(ROOT / "README.md")
    assert queries, "the README should show Cypher examples"
    with Neo4jGraph(clean_neo4j) as graph:
        graph.push(sample_bundle())
    for q in queries:
        header, rows = run_read_query(q, uri=clean_neo4j)
        assert rows, f"README Cypher returned nothing on the sample data:\n{q}"


def test_docs_questions_cypher_parses(clean_neo4j):  # noqa: F811
    for q in cypher_blocks(ROOT / "docs" / "questions.md"):
        run_read_query("EXPLAIN " + q, uri=clean_neo4j)
