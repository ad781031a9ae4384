"""The README's Python snippet runs as written (against a store holding sample data)."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pandas as pd

from stancegraph.graph.rdf.store import Store

from samples import sample_bundle

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_python_snippet_runs(tmp_path, monkeypatch):
    (snippet,) = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    monkeypatch.chdir(tmp_path)
    with Store(tmp_path / ".stancegraph") as st:
        st.load(sample_bundle())
    scope: dict = {}
    exec(compile(snippet, "README.md", "exec"), scope)  # noqa: S102 - our own documentation
    assert isinstance(scope["graph"], nx.MultiDiGraph) and scope["graph"].number_of_nodes() > 0
    tensions = scope["tensions"]
    assert isinstance(tensions, pd.DataFrame) and len(tensions) and tensions["sides"][0]
    # by hand from tests/samples.py: the one claim on pay, supported by Providers and opposed by Commissioners
    assert sorted(scope["positions"]["stance"]) == ["oppose", "support"]
    (edge,) = scope["network"].to_dict("records")
    assert {edge["source_label"], edge["target_label"]} == {"Providers", "Commissioners"} and edge["weight"] == 1
    with Store(tmp_path / ".stancegraph"):  # the snippet left the store free
        pass
