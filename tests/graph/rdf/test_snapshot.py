"""The snapshot beside the store: read back only for the store as it is now, whole, and by the same code."""

from __future__ import annotations

import doctest

import pytest

import stancegraph.graph.rdf.snapshot as snapshot
from stancegraph.graph.rdf.snapshot import code_digest, read_snapshot, snapshot_path, write_snapshot
from stancegraph.graph.rdf.store import Store

from samples import sample_bundle

CODE = code_digest()


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "store") as st:
        st.load(sample_bundle())
        yield st


def test_docstring_example() -> None:
    assert doctest.testmod(snapshot).failed == 0


def test_it_reads_back_what_was_saved_at_the_same_write(store) -> None:
    payload = {"bundle": store.bundle()}
    assert write_snapshot(store, payload, code=CODE)
    assert snapshot_path(store) == store.path.resolve().with_name("store.snapshot")  # beside the folder, not in it
    assert read_snapshot(store, code=CODE) == payload


def test_any_write_makes_it_stale(store) -> None:
    assert write_snapshot(store, {"n": 1}, code=CODE)
    store.update(f"INSERT DATA {{ GRAPH <{store.base}graph/extra> {{ <{store.base}x> <{store.base}p> 'v' }} }}")
    assert read_snapshot(store, code=CODE) is None


def test_it_is_not_saved_when_the_store_moved_past_the_mark_it_was_built_at(store) -> None:
    mark = store.write_mark()
    store.remove_document(next(iter(sample_bundle().documents)))
    assert not write_snapshot(store, {"n": 1}, code=CODE, mark=mark)
    assert read_snapshot(store, code=CODE) is None


def test_a_snapshot_of_another_store_at_the_same_path_is_not_taken(tmp_path) -> None:
    with Store(tmp_path / "store") as st:
        st.load(sample_bundle())
        assert write_snapshot(st, {"n": 1}, code=CODE)
        saved = snapshot_path(st).read_bytes()  # type: ignore[union-attr]
    import shutil

    shutil.rmtree(tmp_path / "store")
    with Store(tmp_path / "store") as st:  # a new store, written as often: same count, another id
        st.load(sample_bundle())
        snapshot_path(st).write_bytes(saved)  # type: ignore[union-attr]
        assert st.write_mark()[1] == 1 and read_snapshot(st, code=CODE) is None


@pytest.mark.parametrize("damage", ["flip a payload byte", "truncate", "flip a header byte", "empty", "garbage"])
def test_a_damaged_file_is_ignored(store, damage) -> None:
    assert write_snapshot(store, {"records": list(range(1000))}, code=CODE)
    path = snapshot_path(store)
    data = bytearray(path.read_bytes())  # type: ignore[union-attr]
    if damage == "flip a payload byte":
        data[-10] ^= 0x01
    elif damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "flip a header byte":
        i = data.index(b'"write_count": ') + len(b'"write_count": ')
        data[i] = ord("9") if data[i] != ord("9") else ord("8")
    elif damage == "empty":
        data = bytearray()
    else:
        data = bytearray(b"\x80\x05not a snapshot at all")
    path.write_bytes(bytes(data))  # type: ignore[union-attr]
    assert read_snapshot(store, code=CODE) is None


def test_other_code_does_not_read_it(store) -> None:
    import stancegraph.graph.model.records as records

    assert write_snapshot(store, {"n": 1}, code=CODE)
    assert read_snapshot(store, code=code_digest(records)) is None
    assert read_snapshot(store, code=CODE) == {"n": 1}


def test_a_store_in_memory_has_none() -> None:
    with Store() as st:
        st.load(sample_bundle())
        assert snapshot_path(st) is None
        assert not write_snapshot(st, {"n": 1}, code=CODE)
        assert read_snapshot(st, code=CODE) is None
