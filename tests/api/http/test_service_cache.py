"""The service's per-generation cache (pure logic: a stand-in store that only has a generation)."""

from __future__ import annotations

from types import SimpleNamespace

from stancegraph.api.http.service import Service
from stancegraph.graph.model.settings import Settings


def service_at(generation: int) -> tuple[Service, SimpleNamespace]:
    svc = Service(Settings())
    store = SimpleNamespace(generation=generation)
    svc._store = store  # type: ignore[assignment]
    return svc, store


def test_values_are_computed_once_per_generation_and_only_kept_when_keep_says_so() -> None:
    svc, store = service_at(1)
    calls: list[str] = []

    def compute(name: str, size: int):
        def run() -> list[int]:
            calls.append(name)
            return list(range(size))
        return run

    def small(v: list[int]) -> bool:
        return len(v) <= 3

    assert svc.cached("a", compute("a", 2), keep=small) == [0, 1]
    assert svc.cached("a", compute("a", 2), keep=small) == [0, 1]
    assert calls == ["a"]  # kept: computed once
    assert svc.cached("b", compute("b", 5), keep=small) == [0, 1, 2, 3, 4]
    assert svc.cached("b", compute("b", 5), keep=small) == [0, 1, 2, 3, 4]
    assert calls == ["a", "b", "b"]  # too big to keep: computed each time
    store.generation = 2  # a write
    svc.cached("a", compute("a", 2), keep=small)
    assert calls == ["a", "b", "b", "a"]
