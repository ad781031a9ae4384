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


def test_files_the_readme_runs_are_shipped():
    """Every `--sparql @FILE` of the README exists, and examples/contested.rq is the README's own query."""
    text = README.read_text(encoding="utf-8")
    files = re.findall(r"--sparql @(\S+)", text)
    assert files, "the README should show a query read from a file"
    for name in files:
        assert (README.parent / name).is_file(), name
    assert (README.parent / "examples" / "contested.rq").read_text(encoding="utf-8") == blocks("sparql")[0]


def test_the_readme_says_how_to_reach_the_command_and_change_the_port():
    text = README.read_text(encoding="utf-8")
    assert "source .venv/bin/activate" in text and ".venv/bin/stancegraph" in text
    assert "make run PORT=" in text and "PORT ?=" in (README.parent / "Makefile").read_text(encoding="utf-8")
