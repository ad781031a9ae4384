"""SIGKILL in the middle of an ingest: the store opens afterwards, answers, and holds each document whole or not at all."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from stancegraph.graph.rdf.store import Store

EXE = str(Path(sys.executable).parent / "stancegraph")
ROWS = 1500


def write_sheets(folder: Path, n: int) -> dict[str, int]:
    """n sheets, one document each, ROWS distinct positions per document; returns file name -> positions."""
    expected = {}
    for i in range(n):
        lines = ["document,source,stakeholder,group,stance,claim,themes,quantifier,quote"]
        for r in range(ROWS):
            lines.append(f"doc{i}.txt,Workshop,Stakeholder {r % 97},Group {r % 7},"
                         f"{('support', 'oppose', 'neutral')[r % 3]},Claim number {r} of sheet {i},Pay,some,quote {r}")
        (folder / f"sheet{i}.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        expected[f"doc{i}.txt"] = ROWS
    return expected


@pytest.mark.slow
def test_sigkill_mid_ingest_leaves_every_document_whole_or_absent(tmp_path):
    expected = write_sheets(tmp_path, 6)
    store = tmp_path / "store"
    proc = subprocess.Popen([EXE, "ingest", *[str(tmp_path / f"sheet{i}.csv") for i in range(6)], "--store", str(store)],
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "STANCEGRAPH_WORKERS": "1"})
    assert proc.stderr is not None
    deadline = time.monotonic() + 120
    landed_before_kill = 0
    for line in proc.stderr:  # wait for the first document to land, then kill during the next load
        if line.startswith("loaded"):
            landed_before_kill += 1
            time.sleep(0.3)
            break
        assert time.monotonic() < deadline, "ingest produced no output"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    assert landed_before_kill == 1

    with Store(store) as st:
        docs = st.document_ids()
        assert 1 <= len(docs) < 6, f"kill was not mid-ingest: {len(docs)} documents landed"
        for doc_id in docs:
            b = st.bundle(doc_id)
            (doc,) = b.documents.values()
            assert len(b.positions) == expected[doc.title + ".txt"], f"{doc.title} is partial"
        total = int(st.query("SELECT (COUNT(?p) AS ?n) WHERE { ?p a sg:Position }").rows[0][0].value)
        assert total == ROWS * len(docs)
        # the default graph is still exactly the union of the named graphs
        (row,) = st.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } }").rows
        assert row[0].value == "0"


def _pending_marks(store: Path) -> int:
    """Recovery marks left in a store's meta graph, read with pyoxigraph alone (opening a Store would undo them)."""
    import pyoxigraph as ox

    raw = ox.Store(str(store))
    try:
        return sum(1 for q in raw.quads_for_pattern(None, ox.NamedNode("https://w3id.org/stancegraph/ns#pendingGraph"), None))
    finally:
        del raw


@pytest.mark.slow
def test_sigkill_during_a_load_in_pieces_is_undone_when_the_store_next_opens(tmp_path):
    """A load written in pieces (bulk_load_quads set low) killed between pieces: the next open removes its part."""
    expected = write_sheets(tmp_path, 3)
    env = {**os.environ, "STANCEGRAPH_WORKERS": "1", "STANCEGRAPH_BULK_LOAD_QUADS": "1000"}
    hit = None
    for attempt, delay in enumerate((0.4, 0.8, 0.2, 1.2, 0.1, 1.8)):
        store = tmp_path / f"store{attempt}"
        proc = subprocess.Popen([EXE, "ingest", *[str(tmp_path / f"sheet{i}.csv") for i in range(3)], "--store", str(store)],
                                stderr=subprocess.PIPE, text=True, env=env)
        assert proc.stderr is not None
        for line in proc.stderr:  # the first document lands, then the kill comes during the second
            if line.startswith("loaded"):
                break
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stderr.close()
        if proc.returncode == -signal.SIGKILL and _pending_marks(store):
            hit = store
            break
    assert hit is not None, "no kill landed between the pieces of a load"

    with Store(hit) as st:
        docs = st.document_ids()
        assert len(docs) == 1, f"the cut-short load left documents behind: {docs}"
        for doc_id in docs:
            b = st.bundle(doc_id)
            (doc,) = b.documents.values()
            assert len(b.positions) == expected[doc.title + ".txt"]
        # the default graph is exactly the union again: nothing of the undone load is left in it
        (row,) = st.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }").rows
        assert row[0].value == "0"
        (row,) = st.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } }").rows
        assert row[0].value == "0"
    assert _pending_marks(hit) == 0
