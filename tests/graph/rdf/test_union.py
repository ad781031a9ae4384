"""The default graph stays the union (a set) of the named graphs through loads, replacements and removals.

Store.load adds a document's triples to the default graph in the same transaction and, on replacement,
removes only what no other named graph still holds. Hypothesis draws sequences of operations over a few
documents that share stakeholders, claims and themes (so most triples are held by several graphs); after
every step the default graph must equal the union of the named graphs, recomputed here from scratch.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stancegraph.graph.model.errors import ValidationFailed
from stancegraph.graph.model.records import Bundle, new_claim, new_document, new_position, new_stakeholder
from stancegraph.graph.rdf.store import Store

STAKEHOLDERS = [new_stakeholder(f"Stakeholder {i}", kind="organisation") for i in range(4)]
CLAIMS = [new_claim(f"Claim {i}") for i in range(4)]
STANCES = ("support", "oppose", "neutral")


def document(name: str, picks: list[tuple[int, int, int]]) -> Bundle:
    """A document holding one position per (stakeholder, claim, stance) pick."""
    b = Bundle()
    d = new_document(name)
    b.add(d)
    for s, c, stance in picks:
        b.add(STAKEHOLDERS[s], CLAIMS[c], new_position(STAKEHOLDERS[s], CLAIMS[c], STANCES[stance], document=d.id))
    return b


def union_holds(store: Store) -> tuple[set[str], set[str]]:
    """(default graph, union of the named graphs) as sets of N-Triples lines (the store's meta graph, which holds
    its write count, is kept out of the union: Store.quads leaves it out)."""
    default = {str(ox.Triple(q.subject, q.predicate, q.object))
               for q in store._ox.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    named = {str(ox.Triple(q.subject, q.predicate, q.object)) for q in store.quads()}
    return default, named


picks = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3), st.integers(0, 2)), min_size=1, max_size=4)
operation = st.one_of(
    st.tuples(st.just("load"), st.lists(st.tuples(st.sampled_from("abc"), picks), min_size=1, max_size=2)),
    st.tuples(st.just("remove"), st.sampled_from("abc")),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(operation, min_size=1, max_size=8))
def test_the_default_graph_is_the_union_after_any_sequence(tmp_path_factory, ops) -> None:  # noqa: ANN001
    with Store(tmp_path_factory.mktemp("u") / "s") as store:
        for kind, arg in ops:
            if kind == "load":
                b = Bundle()
                for name, chosen in arg:
                    b.update(document(f"{name}.txt", chosen))
                store.load(b)
            else:
                doc_id = new_document(f"{arg}.txt").id
                if store.has_document(doc_id):
                    store.remove_document(doc_id)
            default, named = union_holds(store)
            assert default == named


def test_a_replacement_keeps_what_another_document_still_holds(tmp_path) -> None:
    with Store(tmp_path / "s") as store:
        store.load(document("a.txt", [(0, 0, 0)]))
        store.load(document("b.txt", [(0, 1, 1)]))  # shares stakeholder 0 with a.txt
        store.load(document("a.txt", [(2, 2, 2)]))  # a.txt no longer mentions stakeholder 0 nor claim 0
        default, named = union_holds(store)
        assert default == named
        labels = {t for t in default if "Stakeholder 0" in t}
        assert labels, "stakeholder 0 is still held by b.txt, so the union keeps it"
        assert not any("Claim 0" in t for t in default), "claim 0 was held by a.txt only"


def test_reloading_the_same_bundle_changes_nothing(tmp_path) -> None:
    with Store(tmp_path / "s") as store:
        b = document("a.txt", [(0, 0, 0), (1, 1, 1)])
        store.load(b)
        before = set(map(str, store._ox))
        generation = store.generation
        report = store.load(b)
        assert set(map(str, store._ox)) == before
        assert report.replaced and store.generation == generation  # nothing was written


def test_a_graph_with_blank_nodes_is_replaced_through_staging(tmp_path) -> None:
    with Store(tmp_path / "s") as store:
        store.load(document("a.txt", [(0, 0, 0)]))
        g = store.graph_iri(new_document("a.txt").id).value
        store.update(f"INSERT DATA {{ GRAPH <{g}> {{ _:x <https://example.org/p> 'note' }} }}")
        store.load(document("a.txt", [(1, 1, 1)]))
        default, named = union_holds(store)
        assert default == named and not any("example.org/p" in t for t in default)


def test_a_refused_replacement_leaves_the_store_as_it_was(tmp_path) -> None:
    with Store(tmp_path / "s") as store:
        store.load(document("a.txt", [(0, 0, 0)]))
        before = set(map(str, store._ox))
        bad = document("a.txt", [(1, 1, 1)])
        bad.add(new_position("sh-ghost-0000000000", CLAIMS[0], "support", document=new_document("a.txt").id))
        with pytest.raises(ValidationFailed):
            store.load(bad)
        assert set(map(str, store._ox)) == before
