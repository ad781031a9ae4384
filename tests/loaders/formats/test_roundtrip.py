"""Round trips through the store: load -> Store.load -> `stancegraph export` -> load -> a second Store.

The second store must hold exactly the triples of the first (so the same ids and the same
triple count), for every format that reads back: Turtle, N-Triples, JSON-LD, N-Quads, TriG and
the interchange JSON. Inputs: DNA's sample database, a REFI-QDA project built here, and (slow)
the smallest Pol.is conversation.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from stancegraph.api.cli.main import main
from stancegraph.graph.model.records import Bundle
from stancegraph.graph.rdf.store import Store
from stancegraph.loaders import detect_loader, load_path
from stancegraph.loaders.formats import interchange, rdf

FORMATS = {"ttl": rdf, "nt": rdf, "jsonld": rdf, "nq": rdf, "trig": rdf, "json": interchange}


def _ids(b: Bundle) -> set[str]:
    return {r.id for r in b.records()} | {e.id for p in b.positions.values() for e in p.evidence}


def round_trip(bundle: Bundle, fmt: str, folder: Path, *, validate: bool = True) -> tuple[set[str], set[str], Bundle]:
    """Triples of the first and the second store, and the bundle read back from the export."""
    with Store(folder / "first") as first:
        first.load(bundle, validate=validate)
        before = {str(t) for t in first.triples()}
    out = folder / f"export.{fmt}"
    with pytest.raises(SystemExit) as done:
        main(["export", "--format", fmt, "--store", str(folder / "first"), "-o", str(out)])
    assert done.value.code == 0
    assert detect_loader(out) is FORMATS[fmt]
    back = load_path(out)
    with Store(folder / "second") as second:
        second.load(back, validate=validate)
        after = {str(t) for t in second.triples()}
    return before, after, back


@pytest.mark.parametrize("fmt", FORMATS)
def test_dna_round_trip(fmt, fixtures_dir, tmp_path):
    bundle = load_path(fixtures_dir / "dna" / "sample.dna")
    before, after, back = round_trip(bundle, fmt, tmp_path)
    assert after == before
    assert len(before) == 644  # counted once from the store (7 documents, 40 passages, 23 positions...)
    assert _ids(back) == _ids(bundle)
    assert back == bundle


@pytest.mark.parametrize("fmt", FORMATS)
def test_qdpx_round_trip(fmt, make_qdpx, tmp_path):
    bundle = load_path(make_qdpx())
    before, after, back = round_trip(bundle, fmt, tmp_path)
    assert after == before and len(before) > 50
    assert _ids(back) == _ids(bundle)
    assert back == bundle


@pytest.mark.slow
def test_polis_round_trip(fixtures_dir, tmp_path):
    """Seattle (2,872 votes); without SHACL to keep it at a few seconds (the shapes are tested above)."""
    bundle = load_path(fixtures_dir / "polis" / "15-per-hour-seattle")
    before, after, back = round_trip(bundle, "nt", tmp_path, validate=False)
    assert after == before
    assert len(back.positions) == 2872 and _ids(back) == _ids(bundle)
