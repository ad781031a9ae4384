"""The README's examples run: every ```sparql block executes against a store holding sample data."""

from __future__ import annotations

import re
from pathlib import Path

from stancegraph.graph.rdf.store import Store

from samples import sample_bundle

README = Path(__file__).resolve().parents[1] / "README.md"


def blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


def test_readme_sparql_examples_run_and_answer(tmp_path):
    queries = blocks("sparql")
    assert queries, "the README should show SPARQL examples"
    with Store(tmp_path / "s") as st:
        st.load(sample_bundle())
        for q in queries:
            outcome = st.query(q)
            assert outcome.rows, f"README query returned nothing on the sample data:\n{q}"
