"""The project's own fictional example documents (examples/): each reads, is labelled fictional, and shows
agreement, disagreement and scepticism, so the demo has something to show without ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

from stancegraph.loaders import load_path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DOCS = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".md", ".html", ".txt"))


def test_three_formats_present() -> None:
    assert {p.suffix for p in DOCS} >= {".md", ".html", ".txt"}


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_example_extracts_agreement_disagreement_and_doubt(path: Path) -> None:
    assert "FICTIONAL" in path.read_text(encoding="utf-8")[:600]
    b = load_path(path)
    (doc,) = b.documents.values()
    stances: dict[str, set[str]] = {}
    for p in b.positions.values():
        stances.setdefault(p.claim, set()).add(p.stance.value)
        for ev in p.evidence:
            assert doc.text[ev.start:ev.end] == ev.quote
    assert any(s >= {"support", "oppose"} for s in stances.values()), "no claim with both sides"
    assert any(p.rule and "doubt" in p.rule for p in b.positions.values()), "no sceptical doubt"
    assert len({p.stakeholder for p in b.positions.values()}) >= 5
