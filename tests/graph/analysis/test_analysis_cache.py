"""AnalysisCache reuses bundle, matrix and results while store.generation stays the same."""

from __future__ import annotations

from pathlib import Path

from stancegraph.graph.analysis.convergence import AnalysisCache
from stancegraph.graph.model.records import Bundle, new_claim, new_document, new_position, new_stakeholder
from stancegraph.graph.rdf.store import Store


def _bundle(stance: str) -> Bundle:
    b = Bundle()
    doc = new_document("a.txt", title="A")
    x = new_claim("Pay must improve")
    p, q = new_stakeholder("Providers"), new_stakeholder("Unions")
    b.add(doc, x, p, q, new_position(p, x, "support", document=doc.id), new_position(q, x, stance, document=doc.id))
    return b


def test_cache_follows_the_store_generation(tmp_path: Path) -> None:
    cache = AnalysisCache()
    with Store(tmp_path / "store") as store:
        store.load(_bundle("support"))
        first = cache.analyse(store, "convergence")
        assert [r["groups"] for r in first] == [["Providers", "Unions"]]
        assert cache.analyse(store, "convergence") is first and cache.hits == 1
        m = cache.matrix(store)
        assert cache.matrix(store) is m
        assert cache.analyse(store, "conflicts") == []
        store.load(_bundle("oppose"))  # a write bumps the generation: everything is rebuilt
        assert cache.matrix(store) is not m
        assert [r["oppose"] for r in cache.analyse(store, "conflicts")] == [["Unions"]]
        net = cache.network(store, mode="conflict", level="stakeholder", normalize="no")
        assert net.weight("Providers", "Unions") == 1
