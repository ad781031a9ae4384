"""The README's Python snippet runs as written (against a store holding sample data)."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx

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
    assert isinstance(scope["g"], nx.MultiDiGraph) and scope["g"].number_of_nodes() > 0
    assert scope["tensions"] and scope["tensions"][0]["sides"]
