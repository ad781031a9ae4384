"""The same hostile document strings (hostile_fixtures.py) through the command line: the maps
``stancegraph viz -o`` writes carry them only as JSON data, the RDF and JSON exports give them
back exactly, and the CSV exports guard the formulas."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from hostile_fixtures import (CLAIM, CONTROL_FORMULAS, FORMULAS, HOLDER, QUOTE, check_page, check_spreadsheet_csv,
                              control_sheet, literals, nasty_sheet)
from stancegraph.api.cli.main import main
from stancegraph.graph.rdf.store import Store


def run(*args: str) -> None:
    with pytest.raises(SystemExit) as done:
        main(list(args))
    assert done.value.code == 0


@pytest.fixture
def store(tmp_path: Path) -> Path:
    (tmp_path / "nasty.csv").write_bytes(nasty_sheet())
    run("ingest", str(tmp_path / "nasty.csv"), "--store", str(tmp_path / "store"), "-q")
    return tmp_path / "store"


def test_viz_files_carry_document_text_only_as_data(store: Path, tmp_path: Path) -> None:
    run("viz", "-o", str(tmp_path / "tensions.html"), "--store", str(store))
    run("viz", "--kind", "graph", "-o", str(tmp_path / "graph.html"), "--store", str(store))
    for name in ("tensions.html", "graph.html"):
        check_page((tmp_path / name).read_text(encoding="utf-8"), expect_data=True)


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")  # inside rdflib's JSON-LD parser
def test_exports_round_trip_and_guard(store: Path, tmp_path: Path) -> None:
    import rdflib

    with Store(store) as st:
        stored = {row[0].value for row in st.query("SELECT DISTINCT ?o WHERE { ?s ?p ?o FILTER(isLiteral(?o)) }").rows}
        bundle = st.bundle()
    assert {CLAIM, HOLDER, QUOTE, FORMULAS[0]} <= stored
    for fmt, parser in (("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")):
        out = tmp_path / f"graph.{fmt}"
        run("export", "--format", fmt, "-o", str(out), "--store", str(store))
        assert literals(rdflib.Graph().parse(out, format=parser)) == stored, fmt

    run("export", "--format", "json", "-o", str(tmp_path / "graph.json"), "--store", str(store))
    data = json.loads((tmp_path / "graph.json").read_text(encoding="utf-8"))
    assert CLAIM in {c["text"] for c in data["claims"]} and HOLDER in {s["label"] for s in data["stakeholders"]}
    run("ingest", str(tmp_path / "graph.json"), "--store", str(tmp_path / "again"), "-q")  # and back in, unchanged
    with Store(tmp_path / "again") as st:
        assert st.bundle().stakeholders == bundle.stakeholders and st.bundle().claims == bundle.claims

    run("export", "--format", "sheet", "-o", str(tmp_path / "sheet.csv"), "--store", str(store))
    run("export", "--format", "csv", "-o", str(tmp_path / "nodes.csv"), "--store", str(store))
    cells = {cell for name in ("sheet.csv", "nodes.csv", "nodes.edges.csv")
             for row in csv.reader(io.StringIO((tmp_path / name).read_text(encoding="utf-8"), newline="")) for cell in row}
    for formula in FORMULAS:
        assert formula not in cells and "'" + formula in cells, formula
    run("ingest", str(tmp_path / "sheet.csv"), "--store", str(tmp_path / "from-sheet"), "-q")  # guards come off on reading
    with Store(tmp_path / "from-sheet") as st:
        assert {s.label for s in st.bundle().stakeholders.values()} >= {HOLDER, *FORMULAS[1:]}


def test_sheet_export_guards_formulas_behind_control_characters(tmp_path: Path) -> None:
    (tmp_path / "control.csv").write_bytes(control_sheet())
    run("ingest", str(tmp_path / "control.csv"), "--store", str(tmp_path / "store"), "-q")
    run("export", "--format", "sheet", "-o", str(tmp_path / "sheet.csv"), "--store", str(tmp_path / "store"))
    text = (tmp_path / "sheet.csv").read_bytes().decode("utf-8")
    records = check_spreadsheet_csv(text, rows=1 + len(CONTROL_FORMULAS))
    assert {"'" + q for q in CONTROL_FORMULAS} <= {cell for row in records for cell in row}
    run("ingest", str(tmp_path / "sheet.csv"), "--store", str(tmp_path / "again"), "-q")  # the guards come off again
    with Store(tmp_path / "again") as st:
        quotes = {e.quote for p in st.bundle().positions.values() for e in p.evidence}
    assert quotes == set(CONTROL_FORMULAS)
