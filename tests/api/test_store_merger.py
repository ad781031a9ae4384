"""Claim merging across ingests through one StoreMerger (the store's claims indexed once) lands the same
claims and positions as merging each input with every stored claim read back from the store (as before)."""

from __future__ import annotations

from pathlib import Path

from stancegraph.api.ingest import StoreMerger, stored_extracted_claims, stored_themes
from stancegraph.graph.rdf.store import Store
from stancegraph.loaders.extract import extract_path, merge_bundles

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def contents(st: Store) -> tuple[set[str], set[tuple[str, str]]]:
    claims = {r[0].value for r in st.query("SELECT ?c WHERE { ?c a sg:Claim }").rows}
    held = {(r[0].value, r[1].value) for r in st.query("SELECT ?p ?c WHERE { ?p sg:onClaim ?c }").rows}
    return claims, held


def test_one_merger_over_many_inputs_lands_what_merging_with_the_whole_store_did(tmp_path) -> None:
    # every third example document, in name order: the reference path reads the whole store again for each input
    docs = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md", ".html"))[::3]
    bundles = [extract_path(p) for p in docs] * 2  # each document twice: the second time replaces the first
    with Store(tmp_path / "a") as a, Store(tmp_path / "b") as b:
        merger = StoreMerger(a)
        for bundle in bundles:
            merger.loaded(a.load(merger.merge(bundle)))
            known = stored_extracted_claims(b)
            before = merge_bundles([bundle], known=known, known_themes=stored_themes(b))[0] if known else bundle
            b.load(before)
        assert contents(a) == contents(b)
        assert len(contents(a)[0]) > 300


def test_a_failed_load_or_another_write_makes_the_merger_read_the_store_again(tmp_path) -> None:
    docs = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md", ".html"))[:3]
    with Store(tmp_path / "a") as st:
        merger = StoreMerger(st)
        first = merger.merge(extract_path(docs[0]))
        merger.loaded(st.load(first))
        index = merger._index
        merger.merge(extract_path(docs[1]))
        merger.failed()  # not loaded: the index holds claims the store does not
        merger.merge(extract_path(docs[1]))
        assert merger._index is not index  # read again
        merger.loaded(st.load(merger.merge(extract_path(docs[1]))))
        index = merger._index
        st.remove_document(next(iter(first.documents)))  # a write the merger did not see
        fresh = merger._ready()
        assert fresh is not index and set(fresh.rep_of) == {c.text for c in stored_extracted_claims(st)}
