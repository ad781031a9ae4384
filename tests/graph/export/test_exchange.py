"""GraphML, GEXF and CSV exports, read back with networkx and the csv module.

Expected values come from DNA's sample database (see tests/loaders/formats/test_dna.py for how they were
counted): 14 stakeholders (7 organisations, 7 persons), 6 claims, 23 positions, 7 memberships.
Christine Todd Whitman's support for "There should be legislation to regulate emissions." rests on
10 statements, so its edge weight is 10; the Sierra Club's DNA colour is RGB 0, 204, 0.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from stancegraph.api.cli.main import main
from stancegraph.graph.export import exchange
from stancegraph.graph.export.formats import EXTRA_FORMATS
from stancegraph.graph.model.records import Bundle, new_claim, new_document, new_position, new_stakeholder, stakeholder_id
from stancegraph.graph.export.projection import bundle_to_networkx, flat_graph
from stancegraph.graph.rdf.store import Store
from stancegraph.loaders import load_path


@pytest.fixture
def sample(fixtures_dir: Path) -> Bundle:
    return load_path(fixtures_dir / "dna" / "sample.dna")


def _edge_keys(g) -> set[str]:
    return {k for _, _, k in g.edges(keys=True)}


def test_projection_types_and_weights(sample):
    g = bundle_to_networkx(sample)
    kinds = [d["node_type"] for _, d in g.nodes(data=True)]
    assert kinds.count("stakeholder") == 14 and kinds.count("claim") == 6 and kinds.count("theme") == 0
    relations = [d["relation"] for _, _, d in g.edges(data=True)]
    assert relations.count("stance") == 23 and relations.count("member_of") == 7
    assert sum(d["weight"] for _, _, d in g.edges(data=True) if d["relation"] == "stance") == 40
    whitman = stakeholder_id("Christine Todd Whitman")
    weights = {g.nodes[v]["label"]: d["weight"] for _, v, d in g.out_edges(whitman, data=True) if d["relation"] == "stance"}
    assert weights["There should be legislation to regulate emissions."] == 10


def test_graphml_reads_back(sample):
    data = EXTRA_FORMATS["graphml"](sample)
    back = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    g = bundle_to_networkx(sample)
    assert set(back.nodes) == set(g.nodes)
    assert _edge_keys(back) == _edge_keys(g)
    sierra = back.nodes[stakeholder_id("Sierra Club")]
    assert sierra["attr_type"] == "NGO" and sierra["attr_colour"] == "#00cc00" and sierra["kind"] == "organisation"
    bob = back.nodes[stakeholder_id("Bob Slaughter")]
    assert bob["member_of"] == stakeholder_id("National Petrochemical & Refiners Association")


def test_gexf_reads_back_with_ids_labels_and_colours(sample):
    data = EXTRA_FORMATS["gexf"](sample)
    back = nx.read_gexf(io.BytesIO(data))
    g = bundle_to_networkx(sample)
    assert set(back.nodes) == set(g.nodes)
    assert {d["id"] for _, _, d in back.edges(data=True)} == _edge_keys(g)
    sierra = back.nodes[stakeholder_id("Sierra Club")]
    assert sierra["label"] == "Sierra Club"
    assert sierra["viz"]["color"] == {"r": 0, "g": 204, "b": 0, "a": 1.0}
    assert {d["label"] for _, _, d in back.edges(data=True)} == {"support", "oppose", "member_of"}


def test_lists_are_joined_for_file_formats():
    b = Bundle()
    doc = new_document("d.txt")
    a, c = new_stakeholder("A", kind="group"), new_stakeholder("C", kind="group")
    s = new_stakeholder("Unions", aliases=["TUC", "Unions UK"], member_of=[a.id, c.id])
    claim = new_claim("Pay", flags=["seed", "meta"])
    b.add(doc, a, c, s, claim, new_position(s, claim, "support", document=doc.id))
    flat = flat_graph(bundle_to_networkx(b))
    assert flat.nodes[s.id]["aliases"] == "TUC|Unions UK"
    assert flat.nodes[s.id]["member_of"] == f"{a.id}|{c.id}"
    assert flat.nodes[claim.id]["flags"] == "meta|seed"
    nx.write_graphml(flat, io.BytesIO())  # would raise on a list or dict value


def test_csv_tables_for_gephi(sample):
    tables = exchange.csv_tables(sample)
    nodes = list(csv.DictReader(io.StringIO(tables["nodes"])))
    edges = list(csv.DictReader(io.StringIO(tables["edges"])))
    assert list(nodes[0])[:3] == ["Id", "Label", "node_type"]
    assert list(edges[0])[:7] == ["Source", "Target", "Type", "Id", "Label", "Weight", "relation"]
    assert {n["Id"] for n in nodes} == set(bundle_to_networkx(sample).nodes)
    assert len(edges) == 30 and {e["Type"] for e in edges} == {"Directed"}
    assert {e["Id"] for e in edges if e["relation"] == "stance"} == set(sample.positions)


def test_csv_cells_cannot_run_as_formulas():
    b = Bundle()
    doc = new_document("d.txt")
    evil = new_stakeholder("=HYPERLINK(\"http://x\",\"click\")")
    claim = new_claim("+1 more pay")
    b.add(doc, evil, claim, new_position(evil, claim, "oppose", document=doc.id))
    tables = exchange.csv_tables(b)
    nodes = {row["node_type"]: row for row in csv.DictReader(io.StringIO(tables["nodes"]))}
    assert nodes["stakeholder"]["Label"].startswith("'=HYPERLINK")
    assert nodes["claim"]["Label"] == "'+1 more pay"
    edge = next(csv.DictReader(io.StringIO(tables["edges"])))
    assert edge["Weight"] == "1" and edge["sign"] == "-1"  # numbers stay numbers


def test_cli_writes_two_csv_files_or_a_zip(sample, tmp_path, capsysbinary):
    with Store(tmp_path / "store") as st:
        st.load(sample)
    out = tmp_path / "graph.csv"
    with pytest.raises(SystemExit) as done:
        main(["export", "--format", "csv", "--store", str(tmp_path / "store"), "-o", str(out)])
    assert done.value.code == 0
    assert out.read_text(encoding="utf-8").startswith("Id,Label,node_type")
    assert (tmp_path / "graph.edges.csv").read_text(encoding="utf-8").startswith("Source,Target,Type,Id")
    capsysbinary.readouterr()
    with pytest.raises(SystemExit):
        main(["export", "--format", "csv", "--store", str(tmp_path / "store")])
    archive = zipfile.ZipFile(io.BytesIO(capsysbinary.readouterr().out))
    assert archive.namelist() == ["nodes.csv", "edges.csv"]
    assert archive.read("nodes.csv").decode() == out.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_cli_network_formats(fmt, sample, tmp_path):
    with Store(tmp_path / "store") as st:
        st.load(sample)
    out = tmp_path / f"graph.{fmt}"
    with pytest.raises(SystemExit) as done:
        main(["export", "--format", fmt, "--store", str(tmp_path / "store"), "-o", str(out)])
    assert done.value.code == 0
    back = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert back.number_of_nodes() == 20 and back.number_of_edges() == 30


@given(st.text())
def test_the_formula_guard_comes_off_exactly(cell: str) -> None:
    from stancegraph.graph.export.formats import guard_formula, unguard_formula

    guarded = guard_formula(cell)
    assert unguard_formula(guarded) == cell or cell.startswith("'")  # (a cell that already began with ' stays lossy)
    bare = guarded.lstrip(" \t\r\n\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0")
    assert guarded.startswith("'") or bare[:1] not in ("=", "+", "@", "-") or guarded == cell.strip() == cell


@given(st.lists(st.text(), min_size=1, max_size=5))
def test_every_csv_cell_reads_back_and_line_breaks_are_quoted(cells: list[str]) -> None:
    from stancegraph.graph.export.formats import csv_line

    line = csv_line(cells)
    assert next(csv.reader(io.StringIO(line, newline=""))) == cells
    for cell in cells:
        if "\r" in cell or "\n" in cell:
            assert '"' + cell.replace('"', '""') + '"' in line
