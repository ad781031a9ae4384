"""``stancegraph analyse``: a coding sheet ingested into a real store, then every report and network format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from stancegraph.api.cli.main import app

ROWS = [
    ("providers", "", "support", "Pay must improve", "Pay and conditions"),
    ("unions", "", "support", "Pay must improve", "Pay and conditions"),
    ("proponents", "", "support", "The workforce should be registered", "Regulation and registration"),
    ("PA employers", "", "oppose", "The workforce should be registered", "Regulation and registration"),
    ("Alice", "unions", "oppose", "The workforce should be registered", "Regulation and registration"),
]


@pytest.fixture
def store(tmp_path: Path) -> Path:
    sheet = tmp_path / "sheet.csv"
    with sheet.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["document", "source", "stakeholder", "group", "stance", "claim", "themes", "quantifier", "quote", "kind"])
        for sh, group, stance, claim, themes in ROWS:
            w.writerow(["report.txt", "Workshop", sh, group, stance, claim, themes, "", f"{sh}: {claim}",
                        "person" if sh == "Alice" else "group"])
    path = tmp_path / "store"
    result = CliRunner().invoke(app, ["ingest", str(sheet), "--store", str(path), "--quiet"])
    assert result.exit_code == 0, result.output
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(app, ["analyse", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_reports_as_json(store: Path) -> None:
    conv = json.loads(run("convergence", "--json", "--store", str(store)))
    assert [(r["text"], r["groups"], r["support"], r["oppose"]) for r in conv] == [
        ("Pay must improve", ["providers", "unions"], 2, 0)]
    assert set(conv[0]) >= {"claim", "text", "themes", "groups", "support", "oppose", "score"}
    conf = json.loads(run("conflicts", "--json", "--store", str(store)))
    assert [(r["support"], r["oppose"]) for r in conf] == [(["proponents"], ["Alice", "PA employers"])]
    assert set(conf[0]) >= {"claim", "text", "themes", "support", "oppose", "score", "evidence"}
    ten = json.loads(run("tensions", "--json", "--store", str(store)))
    assert set(ten[0]) >= {"id", "label", "themes", "claims", "sides", "bridges", "evidence"}
    assert ten[0]["themes"] == ["Regulation and registration"]
    cons = json.loads(run("consensus", "--json", "--store", str(store), "--theme", "Regulation and registration"))
    assert [r["text"] for r in cons] == ["The workforce should be registered"]
    # groups: proponents (A=1,S=1) 2/3; PA employers 1/3; unions (via Alice, A=0,S=1) 1/3; providers (no stance) 1/2
    assert cons[0]["consensus"] == pytest.approx(2 / 3 * 1 / 3 * 1 / 3 * 1 / 2)
    pol = json.loads(run("polarisation", "--json", "--store", str(store)))
    assert 0 <= pol["score"] <= 1


def test_table_and_filters(store: Path) -> None:
    out = run("conflicts", "--store", str(store), "--kind", "person")
    assert "(0 rows)" in out  # Alice, the only person, has nobody to disagree with among persons
    assert "Pay must improve" in run("convergence", "--store", str(store))


def test_network_formats(store: Path) -> None:
    text = run("network", "--mode", "conflict", "--level", "group", "--normalize", "no", "--format", "csv",
               "--store", str(store))
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "" and rows[0][1:] == [r[0] for r in rows[1:]]  # labelled square matrix, empty corner
    m = {(r[0], c): float(v) for r in rows[1:] for c, v in zip(rows[0][1:], r[1:])}
    assert m[("proponents", "unions")] == 1 and m[("PA employers", "unions")] == 0
    data = json.loads(run("network", "--mode", "subtract", "--format", "json", "--store", str(store)))
    assert data["mode"] == "subtract" and len(data["matrix"]) == len(data["nodes"]) == 5
    for fmt in ("graphml", "gexf"):
        raw = run("network", "--mode", "congruence", "--format", fmt, "--store", str(store))
        g = (nx.parse_graphml(raw) if fmt == "graphml" else nx.read_gexf(io.BytesIO(raw.encode())))
        labels = sorted(d["label"] for _, d in g.nodes(data=True))
        assert labels == ["Alice", "PA employers", "proponents", "providers", "unions"]
    two = json.loads(run("network", "--type", "twomode", "--mode", "subtract", "--format", "json", "--store", str(store)))
    assert two["type"] == "twomode" and len(two["columns"]) == 2


def test_bad_option_is_one_line(store: Path) -> None:
    result = CliRunner().invoke(app, ["analyse", "network", "--mode", "agree", "--store", str(store)])
    assert result.exit_code == 2
