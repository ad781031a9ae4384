"""A load built, checked and written in chunks (graph/rdf/chunks.py) against the same load stored whole.

``Store(bulk_load_quads=4)`` takes the chunked path for any load of new documents, with chunks of one record
each, so every reference from one record to another crosses a chunk boundary; ``bulk_load_quads=0`` stores
the same bundle whole (one list of triples, one check, one transaction). For each damage below, both must
refuse with the same :class:`ValidationFailed` (message and results) and leave the store as it was.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pyoxigraph as ox
import pytest

from stancegraph.graph.model.errors import ValidationFailed
from stancegraph.graph.model.records import Bundle, Passage, new_claim, new_document, new_position
from stancegraph.graph.rdf.mapping import passage_triples, record_classes, record_triples
from stancegraph.graph.rdf.store import Store
from stancegraph.ontology import names as N

from samples import sample_bundle

RDF_TYPE = ox.NamedNode(N.RDF + "type")


def _first(table: dict) -> object:
    return next(iter(table.values()))


def _swap(b: Bundle, table: str, old: object, **changes: object) -> None:
    getattr(b, table)[old.id] = dataclasses.replace(old, **changes)  # type: ignore[attr-defined]


def _two_documents_sharing(b: Bundle, **claim_changes: object) -> None:
    """A second document whose position holds the first one's claim (changed by `claim_changes`)."""
    claim = _first(b.claims)
    _swap(b, "claims", claim, **claim_changes)
    d = new_document("second.txt", title="A second consultation")
    p = new_position(_first(b.stakeholders), claim, "oppose", document=d.id,  # type: ignore[arg-type]
                     evidence=[Passage(d.id, "a quote", 0, 7)])
    b.add(d, p)


def _evidence(b: Bundle, **changes: object) -> None:
    pos = _first(b.positions)
    _swap(b, "positions", pos, evidence=tuple(dataclasses.replace(e, **changes) for e in pos.evidence))  # type: ignore[attr-defined]


DAMAGES: dict[str, Callable[[Bundle], None]] = {
    "a position's claim is not in the load": lambda b: _swap(b, "positions", _first(b.positions), claim="claim/nowhere"),
    "a position's holder is not in the load": lambda b: _swap(b, "positions", _first(b.positions), stakeholder="st/nobody"),
    "a position's source is not in the load": lambda b: _swap(b, "positions", _first(b.positions), source="src/none"),
    "a position's strength is above 1": lambda b: _swap(b, "positions", _first(b.positions), strength=1.5),
    "a position's confidence is below 0": lambda b: _swap(b, "positions", _first(b.positions), confidence=-0.5),
    "a passage quotes nothing": lambda b: _evidence(b, quote=""),
    "a passage's source is not in the load": lambda b: _evidence(b, source="src/none"),
    "a passage's start is negative": lambda b: _evidence(b, start=-3),
    "a claim's theme is not in the load": lambda b: _swap(b, "claims", _first(b.claims), themes=("theme/none",)),
    "a claim contradicts a claim not in the load": lambda b: _swap(b, "claims", _first(b.claims), contradicts=("claim/x",)),
    "a stakeholder belongs to one not in the load": lambda b: _swap(b, "stakeholders", _first(b.stakeholders),
                                                                   member_of=("st/nobody",)),
    "a stakeholder has an empty label": lambda b: _swap(b, "stakeholders", _first(b.stakeholders), label=""),
    "a theme is narrower than a theme not in the load": lambda b: _swap(b, "themes", _first(b.themes), broader=("theme/x",)),
    "a claim in two documents' graphs has no text": lambda b: _two_documents_sharing(b, text=""),
    "a claim in two documents' graphs has a theme not in the load": lambda b: _two_documents_sharing(b, themes=("t/x", "t/y")),
}


def _quads(st: Store) -> set[ox.Quad]:
    return {q for q in st._ox.quads_for_pattern(None, None, None)
            if not (isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value.endswith("graph/meta"))}


def _refusal(st: Store, bundle: Bundle) -> ValidationFailed:
    with pytest.raises(ValidationFailed) as info:
        st.load(bundle, label="fixture")
    return info.value


@pytest.mark.parametrize("name", sorted(DAMAGES))
def test_a_load_in_chunks_refuses_what_the_whole_load_refuses_with_the_same_message(name: str, tmp_path, monkeypatch) -> None:
    chunked: list[int] = []
    streamed = Store._add_new_streamed
    monkeypatch.setattr(Store, "_add_new_streamed", lambda self, *a, **kw: chunked.append(1) or streamed(self, *a, **kw))
    bad = sample_bundle()
    DAMAGES[name](bad)
    earlier = Bundle()
    earlier.add(new_document("earlier.txt"))
    with Store(tmp_path / "whole", bulk_load_quads=0) as whole, Store(tmp_path / "chunks", bulk_load_quads=4) as st:
        whole.load(earlier)
        st.load(earlier)
        before = _quads(st)
        assert before == _quads(whole)
        expected, got = _refusal(whole, bad), _refusal(st, bad)
        assert chunked, "the load did not take the chunked path"
        assert str(got) == str(expected)
        assert got.results == expected.results
        assert _quads(st) == before, "the refused load left quads behind"


def test_a_valid_load_across_chunks_and_documents_lands_as_the_whole_load(tmp_path) -> None:
    """References across chunk boundaries (a claim held in two documents' graphs, a stakeholder's group) pass."""
    b = sample_bundle()
    _two_documents_sharing(b)
    b.add(new_claim("an unattached claim"))  # the shared graph
    with Store(tmp_path / "whole", bulk_load_quads=0) as whole, Store(tmp_path / "chunks", bulk_load_quads=4) as st:
        assert st.load(b).documents == whole.load(b).documents
        assert _quads(st) == _quads(whole)


def test_two_passages_with_one_id_are_stored_whole_as_before(tmp_path) -> None:
    """A passage id cited with two sources holds both (and fails sg:fromSource's maxCount) as on the whole load."""
    b = sample_bundle()
    pos = _first(b.positions)
    (e,) = pos.evidence  # type: ignore[attr-defined]
    other = new_position(_first(b.stakeholders), _first(b.claims), "neutral", document=e.document,  # type: ignore[arg-type]
                         evidence=[dataclasses.replace(e, source=None, section=("Elsewhere",))])
    b.add(other)
    with Store(tmp_path / "whole", bulk_load_quads=0) as whole, Store(tmp_path / "chunks", bulk_load_quads=4) as st:
        assert whole.load(b).documents == st.load(b).documents
        assert _quads(st) == _quads(whole)


def test_record_classes_are_the_types_record_triples_state() -> None:
    b = sample_bundle()
    for record in b.records():
        subject = ox.NamedNode(N.DEFAULT_BASE + record.id)
        stated = [t.object for t in record_triples(record) if t.subject == subject and t.predicate == RDF_TYPE]
        assert list(record_classes(record)) == stated, record
    for pos in b.positions.values():
        for e in pos.evidence:
            assert list(record_classes(e)) == [t.object for t in passage_triples(e) if t.predicate == RDF_TYPE]


def test_a_load_in_chunks_into_an_empty_store_counts_its_quads_and_writes_awkward_text_as_the_whole_load(tmp_path) -> None:
    """Chunks go to the bulk loader as N-Quads text it parses leniently, the default graph getting each node once:
    quotes, backslashes, line breaks and non-ASCII text land as they are; the report's count is the store's."""
    b = sample_bundle()
    _two_documents_sharing(b)
    awkward = 'a "quoted" \\ back\\slash, a tab\there,\na new line, \u00e9t\u00e9 \U0001f600 and <angle> brackets'
    d = new_document("awkward.txt", title=awkward, text=awkward)
    claim = new_claim(awkward)
    b.add(d, claim, new_position(_first(b.stakeholders), claim, "support", document=d.id,  # type: ignore[arg-type]
                                 evidence=[Passage(d.id, awkward, 0, len(awkward))]))
    b.add(new_claim("an unattached claim"))  # the shared graph, new in this store: bulk-loaded under the mark
    with Store(tmp_path / "whole", bulk_load_quads=0) as whole, Store(tmp_path / "chunks", bulk_load_quads=4) as st:
        report = st.load(b)
        assert report.documents == whole.load(b).documents
        assert _quads(st) == _quads(whole)
        assert report.quads_before == 0 and report.quads_after == len(st) == len(whole)
        assert not list(st._ox.quads_for_pattern(None, ox.NamedNode(N.SG + "pendingGraph"), None))  # the marks cleared
        st.load(b)  # again: nothing changes
        assert _quads(st) == _quads(whole)
