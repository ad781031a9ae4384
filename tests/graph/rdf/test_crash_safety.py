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
