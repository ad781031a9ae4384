"""The store's write counter: kept in the store (its meta graph), bumped in the transaction of every write,
surviving restarts, and never seen in the data (union, GRAPH ?g answers, exports, stats)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from stancegraph.graph.export.formats import serialize_triples
from stancegraph.graph.model.errors import QueryRejected, ValidationFailed
from stancegraph.graph.model.records import Bundle, new_claim, new_document, new_position, new_stakeholder
from stancegraph.graph.rdf.mapping import bundle_triples
from stancegraph.graph.rdf.store import META_GRAPH, Store

from samples import sample_bundle


def one_doc(name: str) -> Bundle:
    b = Bundle()
    d, sh, c = new_document(name), new_stakeholder("Providers"), new_claim(f"claim from {name}")
    b.add(d, sh, c, new_position(sh, c, "support", document=d.id))
    return b


def test_every_write_path_bumps_the_count_by_one_and_the_id_stays(tmp_path):
    b = one_doc("a.txt")
    doc_id = next(iter(b.documents))
    with Store(tmp_path / "s") as st:
        assert st.write_mark() == ("", 0)  # a fresh store: nothing written yet
        st.load(b)
        sid, n = st.write_mark()
        assert len(sid) == 36 and n == 1  # a UUID from STRUUID()
        scheme = Bundle()
        scheme.extend(sample_bundle().themes.values())
        assert st.ensure_graph("graph/themes", bundle_triples(scheme, st.base))
        assert st.write_mark() == (sid, 2)
        assert not st.ensure_graph("graph/themes", [])  # nothing written, nothing counted
        assert st.write_mark() == (sid, 2)
        st.update(f"INSERT DATA {{ GRAPH <{st.base}graph/extra> {{ <{st.base}x> <{st.base}p> 'v' }} }}")
        assert st.write_mark() == (sid, 3)
        st.remove_document(doc_id)
        assert st.write_mark() == (sid, 4)
        st.bulk_load(one_doc("b.txt"))  # counted before and after the (non-transactional) bulk load
        assert st.write_mark() == (sid, 6)
    with Store(tmp_path / "s") as st:  # a restart keeps both
        assert st.write_mark() == (sid, 6)


def test_a_refused_write_counts_nothing(tmp_path):
    bad = Bundle()
    d, c = new_document("x.txt"), new_claim("c")
    bad.add(d, c, new_position("ghost", c, "support", document=d.id))  # a position whose stakeholder has no record
    with Store(tmp_path / "s") as st:
        st.load(one_doc("a.txt"))
        mark = st.write_mark()
        with pytest.raises(ValidationFailed):
            st.load(bad)
        with pytest.raises(QueryRejected):
            st.update("INSERT DATA { <http://a> <http://b> 'c' }")  # the default graph: refused before it runs
        assert st.write_mark() == mark


def test_a_write_by_another_process_changes_the_mark(tmp_path):
    path = tmp_path / "s"
    with Store(path) as st:
        st.load(one_doc("a.txt"))
        before = st.write_mark()
    code = ("import sys; sys.path.insert(0, 'tests'); from stancegraph.graph.rdf.store import Store; "
            "from test_write_mark_helper import doc; st = Store(sys.argv[1]); st.load(doc()); st.close()")
    helper = tmp_path / "test_write_mark_helper.py"
    helper.write_text("from stancegraph.graph.model.records import Bundle, new_claim, new_document, new_position, "
                      "new_stakeholder\n\ndef doc():\n    b = Bundle()\n    d, sh, c = new_document('b.txt'), "
                      "new_stakeholder('Unions'), new_claim('another claim')\n    b.add(d, sh, c, new_position(sh, c, "
                      "'oppose', document=d.id))\n    return b\n")
    subprocess.run([sys.executable, "-c", code.replace("'tests'", repr(str(tmp_path))), str(path)], check=True)
    with Store(path) as st:
        assert st.write_mark() == (before[0], before[1] + 1)


def test_the_meta_graph_stays_out_of_the_data(tmp_path):
    with Store(tmp_path / "s") as st:
        st.load(sample_bundle())
        st.update(f"INSERT DATA {{ GRAPH <{st.base}graph/extra> {{ <{st.base}x> <{st.base}p> 'v' }} }}")  # rebuilds the union
        meta = st.base + META_GRAPH
        assert st.write_mark()[1] == 2
        # the union (default graph): no triple about the meta graph or with its predicates
        (row,) = st.query("SELECT (COUNT(*) AS ?n) WHERE { { ?s sg:writeCount ?o } UNION { ?s sg:storeId ?o } }").rows
        assert int(row[0].value) == 0
        # GRAPH ?g answers list the data graphs only
        graphs = {r[0].value for r in st.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows}
        assert meta not in graphs and st.base + "graph/extra" in graphs
        (row,) = st.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s sg:writeCount ?o } }").rows
        assert int(row[0].value) == 0
        # a graph list given by the protocol cannot bring it in either
        (row,) = st.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", named_graphs=[meta]).rows
        assert int(row[0].value) == 0
        # exports of the named graphs, stats and len
        quads = list(st.quads())
        assert quads and all(q.graph_name.value != meta for q in quads)
        nq = serialize_triples(quads, "nq", base=st.base)
        assert meta.encode() not in nq and b"writeCount" not in nq
        assert st.stats()["quads"] == len(st) == len(st._ox) - 2  # count and id: the two quads of the meta graph
        assert not st.has_graph(meta)
        # and no update may write it
        with pytest.raises(QueryRejected, match="write counter"):
            st.update(f"INSERT DATA {{ GRAPH <{meta}> {{ <{meta}> <{meta}> 0 }} }}")
        assert st.write_mark()[1] == 2
        st.update(f"INSERT DATA {{ GRAPH <{meta}data> {{ <{st.base}x> <{st.base}p> 'v' }} }}")  # another graph
        assert st.write_mark()[1] == 3


def test_clearing_everything_gives_the_store_a_new_id(tmp_path):
    with Store(tmp_path / "s") as st:
        st.load(one_doc("a.txt"))
        sid, _ = st.write_mark()
        st.update("CLEAR ALL")  # drops the meta graph too; the bump in the same update starts again
        new_sid, n = st.write_mark()
        assert n == 1 and new_sid and new_sid != sid
