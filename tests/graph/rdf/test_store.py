"""The embedded store: persistence, transactions, idempotent reloads, union semantics, limits."""

from __future__ import annotations

import pytest
import rdflib

from stancegraph.graph.model.errors import BackendUnavailable, QueryRejected, ValidationFailed
from stancegraph.graph.export.formats import serialize_triples
from stancegraph.graph.model.records import Bundle, new_claim, new_document, new_position, new_stakeholder
from stancegraph.graph.rdf.store import Store

from samples import sample_bundle


def count(store: Store, cls: str) -> int:
    (row,) = store.query(f"SELECT (COUNT(?x) AS ?n) WHERE {{ ?x a sg:{cls} }}").rows
    return int(row[0].value)


def two_docs_sharing_a_stakeholder() -> Bundle:
    b = Bundle()
    sh = new_stakeholder("Providers")
    for name in ("a.txt", "b.txt"):
        d = new_document(name)
        c = new_claim(f"claim from {name}")
        b.add(d, sh, c, new_position(sh, c, "support", document=d.id))
    return b


def test_store_persists_across_processes_and_reload_is_idempotent(tmp_path):
    path = tmp_path / "s"
    with Store(path) as st:
        first = st.load(sample_bundle())
    with Store(path) as st:
        assert len(st) == first.quads_after
        again = st.load(sample_bundle())
        assert again.quads_after == first.quads_after
        assert again.replaced == list(first.documents)
        assert st.bundle() == sample_bundle()


def test_union_default_graph_counts_shared_records_once(tmp_path):
    with Store(tmp_path / "s") as st:
        st.load(two_docs_sharing_a_stakeholder())
        # the stakeholder is described in both document graphs: plain COUNT must still say 1
        assert count(st, "Stakeholder") == 1
        assert count(st, "Position") == 2
        (row,) = st.query("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s a sg:Stakeholder } }").rows
        assert row[0].value == "2"


def test_removing_a_document_keeps_what_other_documents_still_say(tmp_path):
    b = two_docs_sharing_a_stakeholder()
    with Store(tmp_path / "s") as st:
        st.load(b)
        first = sorted(b.documents)[0]
        st.remove_document(first)
        assert st.document_ids() == [sorted(b.documents)[1]]
        assert count(st, "Stakeholder") == 1 and count(st, "Position") == 1
        assert st.bundle() == b.for_document(sorted(b.documents)[1])


def test_a_load_that_fails_validation_leaves_the_store_as_it_was(tmp_path):
    with Store(tmp_path / "s") as st:
        st.load(sample_bundle())
        before = set(map(str, st._ox))
        bad = Bundle()
        d = new_document("bad.txt")
        # a position whose stakeholder is not described: the shapes must reject it
        bad.add(d, new_claim("x"), new_position("sh-ghost-0000000000", new_claim("x"), "support", document=d.id))
        with pytest.raises(ValidationFailed, match="sh-ghost"):
            st.load(bad)
        assert set(map(str, st._ox)) == before


def test_second_writer_gets_a_clear_error(tmp_path):
    with Store(tmp_path / "s"):
        with pytest.raises(BackendUnavailable, match="in use by another process"):
            Store(tmp_path / "s")


def test_read_path_rejects_updates_service_and_enforces_row_limit(tmp_path):
    with Store(tmp_path / "s") as st:
        st.load(sample_bundle())
        with pytest.raises(QueryRejected, match="read-only"):
            st.query("PREFIX ex: <http://e/> INSERT DATA { ex:a ex:b ex:c }")
        with pytest.raises(QueryRejected, match="SERVICE"):
            st.query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
        with pytest.raises(QueryRejected, match="row limit"):
            st.query("SELECT * WHERE { ?s ?p ?o }", row_limit=5)
        with pytest.raises(QueryRejected, match="invalid SPARQL"):
            st.query("SELECT WHERE nonsense")


@pytest.mark.parametrize("update, refused", [
    ("INSERT DATA { <http://e/a> <http://e/b> 'x' }", "inserts"),
    ("DELETE WHERE { ?s <http://e/b> ?o }", "deletes"),
    ("DELETE { ?s ?p ?o } INSERT { GRAPH ?g { ?s ?p 2 } } WHERE { GRAPH ?g { ?s ?p ?o } }", "deletes"),
    ("CREATE SILENT GRAPH <http://e/g> ; INSERT { ?s <http://e/p> 1 } WHERE { GRAPH ?g { ?s ?p ?o } }", "inserts"),
    ("ADD <http://e/g> TO DEFAULT", "DEFAULT"),
    ("CLEAR DEFAULT", "DEFAULT"),
    ("INSERT DATA { GRAPH <http://e/g> { <http://e/a> <http://e/b> 'braces { in text' } }", None),
    ("PREFIX ex: <http://e/> DELETE WHERE { GRAPH ex:g { ?s ?p ?o } }", None),
    ("WITH <http://e/g> INSERT { ?s <http://e/p> 1 } WHERE { ?s ?p ?o }", None),  # WITH names the target
    ("# INSERT DATA { <http://e/a> <http://e/b> 'x' }\nCLEAR ALL", None),  # a comment writes nothing
])
def test_updates_that_write_the_default_graph_are_refused_before_they_run(tmp_path, update, refused):
    """The default graph holds the union and is rebuilt after each update: a write into it would vanish."""
    with Store(tmp_path / "s") as st:
        st.load(sample_bundle())
        before = sorted(str(q) for q in st._ox)
        if refused is None:
            st.update(update)
            return
        with pytest.raises(QueryRejected, match=f"{refused}.*GRAPH") as err:
            st.update(update)
        assert "default graph is the union" in str(err.value)
        assert sorted(str(q) for q in st._ox) == before  # nothing ran


def test_turtle_export_parses_with_rdflib_and_keeps_every_triple(tmp_path):
    with Store(tmp_path / "s") as st:
        st.load(sample_bundle())
        ttl = serialize_triples(st.triples(), "ttl")
        n = sum(1 for _ in st.triples())
    g = rdflib.Graph().parse(data=ttl.decode(), format="turtle")
    assert len(g) == n


class _FailingOn:
    """The pyoxigraph store, with its n-th bulk write failing as a full disk would."""

    def __init__(self, inner, n: int) -> None:
        self._inner, self._n = inner, n

    def bulk_load(self, *args, **kw) -> None:
        self._n -= 1
        if self._n == 0:
            raise OSError("No space left on device")
        self._inner.bulk_load(*args, **kw)

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def __len__(self) -> int:
        return len(self._inner)


def _all_quads(st: Store) -> set:
    return {q for q in st._ox.quads_for_pattern(None, None, None) if not (
        hasattr(q.graph_name, "value") and q.graph_name.value.endswith("graph/meta"))}


def test_a_load_in_pieces_lands_like_one_transaction_and_a_failed_one_leaves_the_store_as_it_was(tmp_path):
    one, other = two_docs_sharing_a_stakeholder(), Bundle()
    sh = next(iter(one.stakeholders.values()))
    for name in ("c.txt", "d.txt"):
        d, c = new_document(name), new_claim(f"claim from {name}")
        other.add(d, sh, c, new_position(sh, c, "oppose", document=d.id))
    with Store(tmp_path / "whole", bulk_load_quads=0) as whole, Store(tmp_path / "pieces", bulk_load_quads=4) as st:
        whole.load(one)
        st.load(one)  # pieces of 4 quads: the same store as one transaction makes
        assert _all_quads(st) == _all_quads(whole)
        before, mark = _all_quads(st), st.write_mark()
        # a second load shares the stakeholder (its triples are in the default graph already); the disk fills mid-way
        real, st._ox = st._ox, _FailingOn(st._ox, 3)
        with pytest.raises(BackendUnavailable, match="No space left"):
            st.load(other)
        st._ox = real
        assert _all_quads(st) == before, "the failed load left quads behind or took shared ones away"
        assert st.write_mark()[1] > mark[1]  # readers that looked mid-load know their view is stale
        assert count(st, "Stakeholder") == 1 and st.document_ids() == sorted(one.documents)
        st.load(other)
        whole.load(other)
        assert _all_quads(st) == _all_quads(whole)
