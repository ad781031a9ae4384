"""The command line as a user runs it: the installed `stancegraph` script in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from stancegraph.graph.rdf.mapping import from_rdflib
from stancegraph.graph.rdf.validate import validate_triples

EXE = str(Path(sys.executable).parent / "stancegraph")
SHEET = """document,source,stakeholder,group,stance,claim,themes,quantifier,quote
consult.txt,Workshops,Care providers,Providers,support,Pay for care workers must rise,Pay and conditions,broad agreement,pay must rise
consult.txt,Workshops,People who employ their own PAs,People who draw on care,oppose,Care workers should be registered,Regulation and registration,felt strongly,registration
consult.txt,Interviews,Commissioners,,support,Pay for care workers must rise,Pay,several,
"""
COUNT_POSITIONS = "PREFIX sg: <https://w3id.org/stancegraph/ns#> SELECT (COUNT(?p) AS ?n) WHERE { ?p a sg:Position }"


def run(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([EXE, *args], capture_output=True, text=True, timeout=120)
    if check and proc.returncode != 0:
        raise AssertionError(f"exit {proc.returncode}: {proc.stderr}")
    return proc


def quads(store: Path) -> set[str]:
    """Every quad of the store but its meta graph (the write counter, which every load bumps, even a reload)."""
    st = ox.Store.read_only(str(store))
    out = {str(q) for q in st if not (isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value.endswith("/graph/meta"))}
    del st
    return out


def test_three_row_sheet_ingest_export_reingest_and_count(tmp_path):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    store = tmp_path / "st"
    run("ingest", str(sheet), "--store", str(store), "--quiet")
    ttl = run("export", "--format", "ttl", "--store", str(store)).stdout
    g = rdflib.Graph().parse(data=ttl, format="turtle")
    validate_triples(from_rdflib(g), label="exported turtle")
    before = quads(store)
    run("ingest", str(sheet), "--store", str(store), "--quiet")
    assert quads(store) == before
    out = run("query", "--sparql", COUNT_POSITIONS, "--format", "csv", "--store", str(store)).stdout
    # three rows, three distinct (stakeholder, claim, stance) triples -> three positions
    assert out.splitlines() == ["n", "3"]


def test_bad_stance_on_line_2_is_rejected_and_changes_nothing(tmp_path):
    good = tmp_path / "good.csv"
    good.write_text(SHEET, encoding="utf-8")
    store = tmp_path / "st"
    run("ingest", str(good), "--store", str(store), "--quiet")
    before = quads(store)
    bad = tmp_path / "bad.csv"
    lines = SHEET.splitlines()
    lines[1] = lines[1].replace(",support,", ",maybe,")
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run("ingest", str(bad), "--store", str(store), check=False)
    assert proc.returncode == 1
    assert f"{bad}:2 [stance]" in proc.stderr and "Traceback" not in proc.stderr
    assert quads(store) == before


def test_query_formats_json_and_table(tmp_path):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    store = tmp_path / "st"
    run("ingest", str(sheet), "--store", str(store), "--quiet")
    q = ("PREFIX sg: <https://w3id.org/stancegraph/ns#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
         "SELECT ?who WHERE { ?p sg:heldBy/rdfs:label ?who ; sg:stance sg:Oppose }")
    data = json.loads(run("query", "--sparql", q, "--format", "json", "--store", str(store)).stdout)
    assert [b["who"]["value"] for b in data["results"]["bindings"]] == ["People who employ their own PAs"]
    table = run("query", "--sparql", q, "--store", str(store)).stdout
    assert "People who employ their own PAs" in table and "(1 row)" in table


@pytest.mark.parametrize("args, code, text", [
    (["query", "--sparql", "SELECT nonsense"], 2, "invalid SPARQL"),
    (["query"], 2, "exactly one of --sparql or --cypher"),
    (["ingest", "missing.csv"], 1, "missing.csv"),
    (["export", "--format", "nope"], 2, "nope"),
])
def test_errors_are_one_line_with_the_right_exit_code(tmp_path, args, code, text):
    from stancegraph.graph.rdf.store import Store

    Store(tmp_path / "st").close()  # an empty store (reading commands refuse a missing one)
    proc = run(*args, "--store", str(tmp_path / "st"), check=False)
    assert proc.returncode == code, proc.stderr
    assert text in proc.stderr
    assert "Traceback" not in proc.stderr


def test_every_command_has_help():
    top = run("--help").stdout
    for command in ("ingest", "export", "query", "validate", "stats", "settings"):
        assert command in top
        assert "Usage" in run(command, "--help").stdout


def test_settings_lists_environment_variables_and_masks_secrets(monkeypatch):
    monkeypatch.setenv("STANCEGRAPH_WRITE_TOKEN", "s3cret")
    out = run("settings", "--format", "csv").stdout
    assert "STANCEGRAPH_WRITE_TOKEN" in out and "s3cret" not in out and "NEO4J_URI" in out
