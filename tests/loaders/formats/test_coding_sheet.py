"""The coding-sheet loader: good sheets in CSV and YAML, every kind of bad row named by line and field."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stancegraph.graph.model.errors import MalformedSource, StancegraphError
from stancegraph.graph.export.formats import write_csv
from stancegraph.loaders import load_path
from stancegraph.loaders.formats.coding_sheet import ALL_COLUMNS, load, rows_from_bundle

DOC_TEXT = "Providers argue that pay must rise. People who employ their own PAs oppose registration.\n"
HEADER = "document,source,stakeholder,group,stance,claim,themes,quantifier,quote,start,end\n"


@pytest.fixture
def docdir(tmp_path):
    (tmp_path / "report.txt").write_text(DOC_TEXT, encoding="utf-8")
    return tmp_path


def sheet(dirpath, *rows: str, name: str = "sheet.csv"):
    p = dirpath / name
    p.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return p


GOOD = "report.txt,Workshops,Providers,,support,Pay must rise,Pay,broad agreement,pay must rise,21,34"


def test_good_sheet_with_offsets_checks_the_quote_against_the_document(docdir):
    b = load(sheet(docdir, GOOD))
    (pos,) = b.positions.values()
    (doc,) = b.documents.values()
    (ev,) = pos.evidence
    assert doc.text[ev.start:ev.end] == ev.quote == "pay must rise"
    # quantifier "broad agreement" maps to 0.9 on the documented scale (ontology/lexicons/quantifiers.yaml)
    assert pos.strength == 0.9
    assert b.themes[b.claims[pos.claim].themes[0]].label == "Pay and conditions"  # "Pay" is an alt label


@pytest.mark.parametrize("row, field, words", [
    ("report.txt,W,Providers,,maybe,Pay must rise,,,,,", "stance", "unknown stance"),
    ("report.txt,W,,,support,Pay must rise,,,,,", "stakeholder", "stakeholder is empty"),
    ("report.txt,W,Providers,,support,,,,,,", "claim", "claim is empty"),
    ("report.txt,W,Providers,,support,Pay must rise,,,pay must rise,34,21", "start", "bad offsets"),
    ("report.txt,W,Providers,,support,Pay must rise,,,pay must rise,21,", "end", "both start and end"),
    ("report.txt,W,Providers,,support,Pay must rise,,,pay must rise,x,34", "start", "must be an integer"),
    ("report.txt,W,Providers,,support,Pay must rise,,,pay must fall,21,34", "quote", "not the document text"),
    ("report.txt,W,Providers,,support,Pay must rise,,,pay,21,9999", "end", "past the end"),
    ("elsewhere.txt,W,Providers,,support,Pay must rise,,,pay,0,3", "document", "text of document"),
])
def test_each_bad_row_is_named_by_line_and_field(docdir, row, field, words):
    path = sheet(docdir, GOOD, row)
    with pytest.raises(MalformedSource) as err:
        load(path)
    assert err.value.line == 3 and err.value.field == field
    assert words in str(err.value) and str(path) in str(err.value)


def test_all_bad_rows_are_counted_and_nothing_is_returned(docdir):
    bad = "report.txt,W,Providers,,maybe,Pay must rise,,,,,"
    with pytest.raises(MalformedSource, match=r"and 1 more bad rows; nothing was loaded"):
        load(sheet(docdir, bad, GOOD, bad))


@pytest.mark.parametrize("text, words", [
    ("", "empty"),
    ("document,stakeholder,claim\nx,y,z\n", "missing column"),
    ("document,stakeholder,stance,claim,stance\nx,y,support,z,oppose\n", "duplicate column"),
    ('document,stakeholder,stance,claim\n"x,y,support,z\n', "bad CSV"),
    ("document,stakeholder,stance,claim\nx,y,support,z,extra,cells\n", "cells but the header has"),
    (HEADER, "no rows"),
])
def test_malformed_files(tmp_path, text, words):
    p = tmp_path / "s.csv"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(MalformedSource, match=words):
        load(p)


def test_yaml_sheet_reports_yaml_line_numbers(docdir):
    p = docdir / "sheet.yaml"
    p.write_text(
        "positions:\n"
        "  - {document: report.txt, stakeholder: Providers, stance: support, claim: Pay must rise}\n"
        "  - document: report.txt\n"
        "    stakeholder: Providers\n"
        "    stance: perhaps\n"
        "    claim: Pay must rise\n", encoding="utf-8")
    with pytest.raises(MalformedSource) as err:
        load_path(p)
    assert err.value.line == 3 and err.value.field == "stance"


def test_windows_1252_and_bom_sheets_decode(tmp_path):
    row = "report.txt,W,Caf\u00e9 owners,,support,Pay must rise,,,,,\n"
    (tmp_path / "a.csv").write_bytes((HEADER + row).encode("cp1252"))
    (tmp_path / "b.csv").write_bytes(b"\xef\xbb\xbf" + (HEADER + row).encode("utf-8"))
    for name in ("a.csv", "b.csv"):
        (sh,) = load(tmp_path / name).stakeholders.values()
        assert sh.label == "Caf\u00e9 owners"


def test_formula_injection_is_guarded_on_export_and_read_back_unchanged(docdir):
    evil = "=cmd|' /C calc'!A0"
    b = load(sheet(docdir, f'report.txt,W,"{evil}",,support,Pay must rise,,,,,'))
    out = write_csv(rows_from_bundle(b), ALL_COLUMNS)
    assert "'=cmd" in out and ",=cmd" not in out
    again = docdir / "again.csv"
    again.write_text(out, encoding="utf-8")
    assert {s.label for s in load(again).stakeholders.values()} == {evil}


def test_export_then_reload_round_trips(docdir):
    b = load(sheet(docdir, GOOD, "report.txt,Interviews,Commissioners,Public bodies,oppose,Pay must rise,,some,,,"))
    again = docdir / "again.csv"
    again.write_text(write_csv(rows_from_bundle(b, document_path=lambda d: "report.txt"), ALL_COLUMNS), encoding="utf-8")
    assert load(again) == b


cell = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(cell, min_size=0, max_size=12), max_size=5))
def test_any_sheet_either_loads_or_fails_with_a_located_error(tmp_path, rows):
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["document", "source", "stakeholder", "group", "stance", "claim", "themes", "quantifier", "quote", "start", "end"])
    w.writerows(rows)
    p = tmp_path / "fuzz.csv"
    p.write_text(buf.getvalue(), encoding="utf-8")
    try:
        load(p)
    except MalformedSource as exc:
        assert exc.path == str(p)
        assert "\n" not in str(exc).strip() or exc.detail.count("\n") == str(exc).count("\n")
    except StancegraphError as exc:  # pragma: no cover - any other error class is a defect
        pytest.fail(f"unexpected error class {type(exc).__name__}: {exc}")
