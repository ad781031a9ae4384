"""The notebook API (``import stancegraph as sg; sg.open(...)``): tables from a store folder, and from a
real ``stancegraph serve`` that holds the store (the folder itself is refused then, with the way round)."""

from __future__ import annotations

import sys
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

import stancegraph as sg
from stancegraph.graph.analysis.convergence import find_conflicts
from stancegraph.graph.analysis.tensions import find_tensions
from stancegraph.graph.model.catalog import Catalog
from stancegraph.graph.model.errors import BackendUnavailable, NotFound
from stancegraph.graph.rdf.store import Store

from api_fixtures import LIVING_WAGE, start_server, stop_server
from samples import sample_bundle


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / ".stancegraph"
    with Store(path) as st:
        st.load(sample_bundle())
    return path


def test_tables_are_dataframes_with_the_rest_resources_columns(store: Path) -> None:
    g = sg.open(store)
    positions = g.positions()
    assert isinstance(positions, pd.DataFrame) and len(positions) == 2
    # by hand from tests/samples.py: Providers support and Commissioners oppose 'pay must rise'
    assert sorted(zip(positions["stakeholder_label"], positions["stance"])) == [("Commissioners", "oppose"),
                                                                                ("Providers", "support")]
    assert set(positions["claim_text"]) == {"pay must rise"}
    claims = g.claims()
    assert list(claims["text"]) == ["pay must rise"] and (claims["support"][0], claims["oppose"][0]) == (1, 1)
    assert claims["theme_labels"][0] == ["Pay and conditions"]
    stakeholders = g.stakeholders()
    assert sorted(stakeholders["label"]) == ["Acme Care Ltd", "Commissioners", "Providers"]
    assert list(g.positions(stance="oppose")["stakeholder_label"]) == ["Commissioners"]
    assert list(g.stakeholders(group="Providers")["label"]) == ["Acme Care Ltd", "Providers"]


def test_analyses_and_networkx(store: Path) -> None:
    g = sg.open(store, frames=False)
    bundle = g.bundle
    assert g.tensions() == find_tensions(bundle, seed=0)
    assert g.conflicts() == find_conflicts(bundle)
    assert [c["text"] for c in g.conflicts()] == ["pay must rise"]
    (edge,) = sg.open(store).network(mode="conflict", level="stakeholder").to_dict("records")
    assert {edge["source_label"], edge["target_label"]} == {"Providers", "Commissioners"} and edge["weight"] == 1
    assert sg.open(store).network(mode="congruence").empty  # nobody agrees with anybody
    graph = g.to_networkx()
    assert isinstance(graph, nx.MultiDiGraph) and graph.number_of_nodes() > 0


def test_without_pandas_tables_are_lists_of_dicts(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # `import pandas` now fails, as when it is not installed
    g = sg.open(store)
    assert g.frames is False
    assert g.positions() == Catalog(g.bundle).list_page("positions", limit=None)["items"]
    assert g.claims()[0]["text"] == "pay must rise"
    assert isinstance(g.tensions(), list) and isinstance(g.network(), list)
    with pytest.raises(ImportError, match="pandas"):
        sg.open(store, frames=True)


def test_open_lets_go_of_the_store_and_creates_nothing(store: Path, tmp_path: Path) -> None:
    sg.open(store)
    with Store(store) as st:  # not held by the notebook
        assert st.count("Position") == 2
    with pytest.raises(NotFound, match="no store"):
        sg.open(tmp_path / "nothing-here")
    assert not (tmp_path / "nothing-here").exists()
    with pytest.raises(BackendUnavailable, match="cannot read"):
        sg.open("http://127.0.0.1:9", timeout=5)  # nothing listens on the discard port


@pytest.mark.server
def test_reading_while_serve_holds_the_store(tmp_path: Path) -> None:
    server = start_server(tmp_path)
    try:
        with pytest.raises(BackendUnavailable, match=r"in use by another process.*sg\.open\('http"):
            sg.open(server.store)
        g = sg.open(server.url)
        rows = g.positions()
        assert len(rows) == 11 and (rows["claim_text"] == LIVING_WAGE).sum() == 4  # by hand, api_fixtures.py
        assert g.tensions() is not None and not g.conflicts().empty
        served = sg.open(server.url + "/", frames=False)
    finally:
        stop_server(server)
    local = sg.open(server.store, frames=False)  # the same records once the server has let go
    assert served.positions() == local.positions()
    assert served.claims() == local.claims() and served.stakeholders() == local.stakeholders()
    assert served.tensions() == local.tensions() and served.network(level="group") == local.network(level="group")
