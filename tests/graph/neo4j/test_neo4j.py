"""Pushing to and reading from a real Neo4j server (scripts/neo4j-local in CI; never a mock)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import neo4j
import pytest
from neo4j_server import clean_neo4j, neo4j_uri  # noqa: F401
from samples import sample_bundle

from stancegraph.graph.model.errors import BackendUnavailable, QueryRejected, QueryTimeout, UsageError
from stancegraph.graph.model.records import Bundle, Passage, new_claim, new_document, new_position, new_stakeholder
from stancegraph.graph.neo4j.client import (
    Connection, Neo4jGraph, push_bundle, run_read_query, shared_driver, translate_error,
)
from stancegraph.ontology.names import DEFAULT_BASE

pytestmark = pytest.mark.neo4j


def snapshot(graph: Neo4jGraph) -> tuple[list[Any], list[Any]]:
    """Every node (labels, properties) and relationship (type, ends, properties), sorted: the whole graph."""
    nodes = graph.run("MATCH (n) RETURN labels(n) AS l, properties(n) AS p")
    rels = graph.run("MATCH (a)-[r]->(b) RETURN type(r) AS t, a.id AS a, b.id AS b, properties(r) AS p")
    return (sorted((sorted(r["l"]), sorted(r["p"].items(), key=repr)) for r in nodes),
            sorted(((r["t"], r["a"], r["b"], sorted(r["p"].items(), key=repr)) for r in rels), key=repr))


def second_document() -> tuple[Bundle, str]:
    """A bundle with the sample document and a second one whose position reuses the sample claim."""
    b = sample_bundle()
    claim = next(iter(b.claims.values()))
    doc2 = new_document("second.txt", title="Second", text="Unions back it.")
    unions = new_stakeholder("Unions")
    p3 = new_position(unions, claim, "support", document=doc2.id, evidence=[Passage(doc2.id, "Unions back it.", 0, 15)])
    b.add(doc2, unions, p3)
    return b, doc2.id


@pytest.fixture
def graph(clean_neo4j: str):  # noqa: F811
    with Neo4jGraph(clean_neo4j) as g:
        g.wipe(everything=True)
        yield g


def test_push_writes_every_record_once_with_the_names_table_labels_and_types(graph):
    push_bundle(sample_bundle(), uri=graph.conn.uri)
    c = graph.counts()
    # by hand from tests/samples.py: 1 document, 1 source, 3 stakeholders (Providers and Commissioners are
    # groups, Acme an organisation), 1 theme, 1 claim, 2 positions, 2 passages
    assert (c["Document"], c["Source"], c["Stakeholder"], c["Theme"], c["Claim"], c["Position"], c["Passage"]) == \
        (1, 1, 3, 1, 1, 2, 2)
    assert (c["StakeholderGroup"], c["Organisation"]) == (2, 1)
    # IN_DOCUMENT: 2 positions + 2 passages + 1 source; FROM_SOURCE: the first passage and the second position
    assert (c["HELD_BY"], c["ON_CLAIM"], c["IN_DOCUMENT"], c["EVIDENCED_BY"], c["FROM_SOURCE"]) == (2, 2, 5, 2, 2)
    assert (c["MEMBER_OF"], c["HAS_THEME"], c["SUPPORTS"], c["OPPOSES"]) == (1, 1, 1, 1)
    assert (c["nodes"], c["relationships"]) == (11, 17)


def test_a_second_push_changes_nothing(graph):
    b = sample_bundle()
    first = graph.push(b)
    before = snapshot(graph)
    second = graph.push(b)
    assert snapshot(graph) == before
    assert (second.nodes, second.relationships) == (first.nodes, first.relationships) == (11, 17)
    assert sum(second.created.values()) == sum(second.updated.values()) == sum(second.deleted.values()) == 0
    assert sum(first.created.values()) == 11  # every record is new the first time


def test_a_link_to_a_record_pushed_later_is_written_then(graph):
    """A claim that contradicts a claim Neo4j does not hold yet gets its CONTRADICTS edge when that claim arrives."""
    b = sample_bundle()
    other = new_claim("pay must not rise")
    claim = next(iter(b.claims.values()))
    b.claims[claim.id] = replace(claim, contradicts=(other.id,))
    graph.push(b)
    assert graph.run("MATCH ()-[r:CONTRADICTS]->() RETURN count(r) AS n")[0]["n"] == 0
    b.add(other)
    report = graph.push(b)
    assert report.created["claims"] == 1 and report.updated["claims"] == 0  # the first claim did not change
    assert graph.run("MATCH (:Claim {id: $a})-[r:CONTRADICTS]->(:Claim {id: $b}) RETURN count(r) AS n",
                     {"a": claim.id, "b": other.id})[0]["n"] == 1


def test_nodes_carry_id_iri_fields_and_position_provenance(graph):
    b = sample_bundle()
    graph.push(b)
    bad = graph.run("MATCH (n) WHERE n.id IS NULL OR n.iri <> $base + n.id RETURN count(n) AS n", {"base": DEFAULT_BASE})
    assert bad[0]["n"] == 0
    p1 = next(p for p in b.positions.values() if p.stance.value == "support")
    row = graph.run("MATCH (p:Position {id: $id}) RETURN properties(p) AS p", {"id": p1.id})[0]["p"]
    assert (row["rule"], row["confidence"], row["document"], row["stance"]) == ("cue.argue", 0.8, p1.document, "support")
    assert (row["strength"], row["quantifier"], row["evidence"]) == (0.9, "a wide range", [p1.evidence[0].id])
    assert "coder" not in row  # an empty field is not stored
    passage = graph.run("MATCH (e:Passage {id: $id}) RETURN properties(e) AS e", {"id": p1.evidence[0].id})[0]["e"]
    assert (passage["start"], passage["end"], passage["section"]) == (21, 34, ["Pay", "Findings"])
    providers = graph.run("MATCH (s:Stakeholder {label: 'Providers'}) RETURN properties(s) AS s")[0]["s"]
    assert providers["aliases"] == ["provider representatives"]
    edge = graph.run("MATCH (:Stakeholder)-[r:SUPPORTS]->(:Claim) RETURN properties(r) AS r")[0]["r"]
    assert edge == {"position": p1.id, "strength": 0.9, "quantifier": "a wide range", "document": p1.document}


def test_repushing_a_document_replaces_its_positions_passages_and_sources_and_nothing_else(graph):
    b, doc2 = second_document()
    graph.push(b)
    doc1 = next(d for d in b.documents if d != doc2)
    p1 = next(p for p in b.positions.values() if p.stance.value == "support")
    p2 = next(p for p in b.positions.values() if p.stance.value == "oppose")
    # the document's new version: p1 stronger with a different quote and no source strand; p2 and the strand gone
    new = Bundle()
    new.add(*b.documents.values(), *b.themes.values(), *b.claims.values())
    new.add(*(s for s in b.stakeholders.values() if s.label != "Commissioners"))
    new_passage = Passage(doc1, "pay must rise.", 21, 35)
    new.add(replace(p1, strength=1.0, evidence=(new_passage,)), *(p for p in b.positions.values() if p.document == doc2))
    report = graph.push(new, documents=[doc1])
    assert report.deleted == {"positions": 1, "passages": 2, "sources": 1}
    assert report.updated["positions"] == 1 and report.created["passages"] == 1  # p1 changed, its new quote
    ids = {r["id"] for r in graph.run("MATCH (p:Position) RETURN p.id AS id")}
    assert ids == {p1.id} | {p.id for p in b.positions.values() if p.document == doc2}
    assert p2.id not in ids
    edge = graph.run("MATCH (:Stakeholder)-[r:SUPPORTS {position: $id}]->() RETURN r.strength AS s", {"id": p1.id})
    assert [r["s"] for r in edge] == [1.0]
    assert graph.run("MATCH ()-[r:OPPOSES]->() RETURN count(r) AS n")[0]["n"] == 0
    quotes = graph.run("MATCH (:Position {id: $id})-[:EVIDENCED_BY]->(e) RETURN e.quote AS q", {"id": p1.id})
    assert [r["q"] for r in quotes] == ["pay must rise."]
    # nothing else: Commissioners (no longer in the pushed records) and the other document stay
    labels = {r["l"] for r in graph.run("MATCH (s:Stakeholder) RETURN s.label AS l")}
    assert labels == {"Providers", "Acme Care Ltd", "Commissioners", "Unions"}
    assert graph.run("MATCH (e:Passage {document: $d}) RETURN count(e) AS n", {"d": doc2})[0]["n"] == 1


def test_pushing_one_document_writes_only_it_and_what_it_refers_to(graph):
    b, doc2 = second_document()
    graph.push(b, documents=[doc2])
    c = graph.counts()
    # doc2 alone: its one position, its passage, Unions, the shared claim and its theme; no source strand
    assert (c["Document"], c["Position"], c["Passage"], c["Stakeholder"], c["Claim"], c["Theme"], c["Source"]) == \
        (1, 1, 1, 1, 1, 1, 0)
    with pytest.raises(Exception, match="no document 'doc-nope'"):
        graph.push(b, documents=["doc-nope"])


def test_progress_reports_every_record_and_ends_at_the_total(graph):
    calls: list[tuple[str, int, int]] = []
    graph.push(sample_bundle(), batch_size=1, on_progress=lambda stage, done, total: calls.append((stage, done, total)))
    done = [d for _, d, _ in calls]
    assert done == sorted(done) and len(calls) == 11  # one call per record with batch_size=1
    assert calls[-1][1:] == (11, 11)  # 1 + 1 + 1 + 3 + 1 + 2 passages + 2 positions
    assert calls[-1][0] == "positions"


def crowded_bundle() -> Bundle:
    """600 positions of 30 stakeholders on 20 claims in 3 documents: every batch shares nodes with every other."""
    b = Bundle()
    docs = [new_document(f"crowd-{d}.txt", title=f"Crowd {d}", text="x" * 40) for d in range(3)]
    people = [new_stakeholder(f"Member {i}", kind="organisation") for i in range(30)]
    claims = [new_claim(f"Claim number {j}") for j in range(20)]
    b.add(*docs, *people, *claims)
    for i, person in enumerate(people):
        for j, claim in enumerate(claims):
            doc = docs[(i + j) % 3]
            b.add(new_position(person, claim, "support" if (i + j) % 3 else "oppose", document=doc.id,
                               evidence=[Passage(doc.id, "x" * 10, j, j + 10)]))
    return b


def test_concurrent_writers_write_the_same_graph_as_one(graph):
    b = crowded_bundle()
    assert len(b.positions) == 600
    graph.writers = 1
    graph.push(b, batch_size=25)
    one = snapshot(graph)
    graph.wipe(everything=True)
    graph.writers = 4  # 24 position batches in flight over 4 sessions, all locking the same claims
    calls: list[int] = []
    report = graph.push(b, batch_size=25, on_progress=lambda stage, done, total: calls.append(done))
    assert snapshot(graph) == one
    assert report.created["positions"] == 600
    assert calls == sorted(calls) and calls[-1] == sum(report.counts.values())  # progress from 4 threads, in order
    with pytest.raises(UsageError):
        Neo4jGraph(graph.conn.uri, writers=0)


# --------------------------------------------------------------------------- the read-only path

@pytest.fixture
def pushed(graph):
    graph.push(sample_bundle())
    return graph


def test_read_query_answers_plain_rows(pushed):
    header, rows = run_read_query(
        "MATCH (s:Stakeholder)-[r:SUPPORTS|OPPOSES]->(c:Claim) RETURN s.label AS who, type(r) AS how, c.text AS what "
        "ORDER BY who", uri=pushed.conn.uri)
    assert header == ["who", "how", "what"]
    assert rows == [["Commissioners", "OPPOSES", "pay must rise"], ["Providers", "SUPPORTS", "pay must rise"]]
    header, rows = run_read_query("MATCH (c:Claim) RETURN c", uri=pushed.conn.uri)
    assert rows[0][0]["_labels"] == ["Claim"] and rows[0][0]["text"] == "pay must rise"


@pytest.mark.parametrize("cypher", [
    "CREATE (:X)",
    "MERGE (:X {a: 1})",
    "MATCH (c:Claim) SET c.text = 'changed'",
    "MATCH (c:Claim) REMOVE c.text",
    "MATCH (c:Claim) DETACH DELETE c",
    "DROP CONSTRAINT claim_id",
    "CREATE INDEX x_a FOR (n:X) ON (n.a)",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "CALL apoc.create.node(['X'], {})",
    "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')",
    "MATCH (c:Claim) CALL (c) { CREATE (:X) } RETURN c",
    "PROFILE CREATE (:X)",
])
def test_writes_are_refused_and_change_nothing(pushed, cypher):
    before = snapshot(pushed)
    with pytest.raises(QueryRejected, match="read-only"):
        run_read_query(cypher, uri=pushed.conn.uri)
    assert snapshot(pushed) == before
    assert pushed.run("SHOW CONSTRAINTS YIELD name WHERE name = 'claim_id' RETURN count(*) AS n")[0]["n"] == 1


def test_the_server_read_mode_refuses_a_write_on_its_own(pushed):
    """Without the EXPLAIN pre-check, the READ access mode still stops a write, translated at the boundary."""
    conn = Connection.from_settings(pushed.conn.uri)
    with shared_driver(conn).session(database=conn.database, default_access_mode=neo4j.READ_ACCESS) as session:
        with pytest.raises(neo4j.exceptions.Neo4jError) as info:
            session.run("CREATE (:X)").consume()
    err = translate_error(info.value, conn)
    assert isinstance(err, QueryRejected) and "read-only" in str(err)
    assert pushed.run("MATCH (x:X) RETURN count(x) AS n")[0]["n"] == 0


def test_row_limit_and_time_limit(pushed):
    uri = pushed.conn.uri
    assert len(run_read_query("MATCH (n) RETURN n.id", uri=uri, row_limit=11)[1]) == 11
    with pytest.raises(QueryRejected, match="more than 10 rows"):
        run_read_query("MATCH (n) RETURN n.id", uri=uri, row_limit=10)
    with pytest.raises(QueryTimeout, match="time limit"):
        run_read_query("UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 99 RETURN count(x)", uri=uri, timeout=0.5)


def test_invalid_cypher_is_rejected_with_the_servers_reason(pushed):
    with pytest.raises(QueryRejected, match="invalid Cypher: Invalid input"):
        run_read_query("MATCH (n RETURN n", uri=pushed.conn.uri)


def test_wrong_password_says_which_settings_to_fix(neo4j_uri, monkeypatch):  # noqa: F811
    from stancegraph.graph.model.settings import get_settings

    monkeypatch.setenv("NEO4J_PASSWORD", "not-the-password")
    get_settings.cache_clear()
    with pytest.raises(BackendUnavailable, match="NEO4J_PASSWORD"):
        Neo4jGraph(neo4j_uri)
