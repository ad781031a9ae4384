"""`stancegraph demo` (what `make run` runs) finds the project's example documents and ../shared/corpus.

The sub-package move once left it looking one folder too shallow, so that `make run` served an empty store
without an error; these tests pin where it looks.
"""

from __future__ import annotations

from pathlib import Path

from stancegraph.api.cli.demo import demo_inputs, is_note

from conftest import CORPUS, need_shared

ROOT = Path(__file__).resolve().parents[3]


def test_demo_ingests_the_examples_folder():
    inputs = demo_inputs()
    assert ROOT / "examples" in inputs
    assert any(p.suffix == ".md" for p in (ROOT / "examples").iterdir())


def test_demo_ingests_the_corpus_documents_but_not_its_notes():
    corpus = need_shared(CORPUS)
    inputs = set(demo_inputs())
    documents = {p for p in corpus.iterdir() if p.is_file() and not is_note(p)}
    assert documents and documents <= inputs
    assert not any(p.name in ("SOURCES.txt", "seed-expected.md") for p in inputs)
