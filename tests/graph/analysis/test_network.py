"""One- and two-mode networks on a small example computed by hand, and their exports.

The example (statements = passages; a position without passages counts 1):
  A supports X with 2 passages, opposes Y (no passage: 1 statement)           n_A = 3
  B supports X, supports Y                                                    n_B = 2
  C is neutral on X, opposes Y                                                n_C = 2
Stance scale support 1, neutral 0, oppose -1, range 2: a support/oppose pair is at distance 1,
a neutral against either at distance 1/2.
"""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest

from stancegraph.graph.model.errors import UsageError
from stancegraph.graph.model.records import Bundle, Passage, new_claim, new_position, new_stakeholder
from stancegraph.graph.analysis.network import compute_network, compute_two_mode, serialize_network


def _passage(n: int) -> Passage:
    return Passage(document="doc-1", quote=f"quote {n}", start=10 * n, end=10 * n + 5)


@pytest.fixture
def bundle() -> Bundle:
    b = Bundle()
    g1 = new_stakeholder("G1", kind="group")
    a = new_stakeholder("A", kind="organisation", member_of=[g1.id])
    bb = new_stakeholder("B", kind="organisation", member_of=[g1.id])
    c = new_stakeholder("C", kind="organisation")
    x, y = new_claim("X"), new_claim("Y")
    b.add(g1, a, bb, c, x, y)
    b.add(new_position(a, x, "support", document="doc-1", evidence=[_passage(1), _passage(2)]),
          new_position(a, y, "oppose", document="doc-1"),
          new_position(bb, x, "support", document="doc-1", evidence=[_passage(3)]),
          new_position(bb, y, "support", document="doc-1"),
          new_position(c, x, "neutral", document="doc-1"),
          new_position(c, y, "oppose", document="doc-1"))
    return b


# raw weights, worked out in the module docstring's terms:
#   congruence A-B: X 2*1*1 + Y 1*1*0 = 2;  A-C: X 2*1*(1/2) + Y 1*1*1 = 2;  B-C: X 1*1*(1/2) + Y 0 = 0.5
#   conflict   A-B: Y 1*1*1 = 1;            A-C: X 2*1*(1/2) = 1;            B-C: X 1/2 + Y 1 = 1.5
#   ignore = congruence + conflict: 3, 3, 2;  subtract = congruence - conflict: 1, 1, -1
RAW = {
    "congruence": {("A", "B"): 2, ("A", "C"): 2, ("B", "C"): 0.5},
    "conflict": {("A", "B"): 1, ("A", "C"): 1, ("B", "C"): 1.5},
    "ignore": {("A", "B"): 3, ("A", "C"): 3, ("B", "C"): 2},
    "subtract": {("A", "B"): 1, ("A", "C"): 1, ("B", "C"): -1},
}
# denominators: average (n_i + n_j) / 2 = 2.5, 2.5, 2; cosine n_i n_j = 6, 6, 4;
# jaccard over cells (claim, stance): A-B: only-A (Y,-) 1 + only-B (Y,+) 1 + both (X,+) 2*1 = 4;
#   A-C: only-A (X,+) 2 + only-C (X,0) 1 + both (Y,-) 1 = 4;  B-C: 2 + 2 + 0 = 4
DENOM = {
    "no": {("A", "B"): 1, ("A", "C"): 1, ("B", "C"): 1},
    "average": {("A", "B"): 2.5, ("A", "C"): 2.5, ("B", "C"): 2},
    "cosine": {("A", "B"): 6, ("A", "C"): 6, ("B", "C"): 4},
    "jaccard": {("A", "B"): 4, ("A", "C"): 4, ("B", "C"): 4},
}


@pytest.mark.parametrize("mode", sorted(RAW))
@pytest.mark.parametrize("normalize", sorted(DENOM))
def test_one_mode_by_hand(bundle: Bundle, mode: str, normalize: str) -> None:
    net = compute_network(bundle, mode=mode, level="stakeholder", normalize=normalize)
    assert net.labels == ("A", "B", "C")
    assert net.statements == (3.0, 2.0, 2.0)
    for (a, b), raw in RAW[mode].items():
        expected = raw / DENOM[normalize][(a, b)]
        assert net.weight(a, b) == pytest.approx(expected)
        assert net.weight(b, a) == pytest.approx(expected)
    assert all(net.weight(n, n) == 0 for n in net.labels)


def test_group_level_by_hand(bundle: Bundle) -> None:
    # G1 = A + B: (X,+) 3, (Y,-) 1, (Y,+) 1, n = 5; C stays its own group: (X,0) 1, (Y,-) 1, n = 2
    # congruence: X 3*1*(1/2) + Y [(-,-) 1*1*1 + (+,-) 0] = 2.5; conflict: X 1.5 + Y (+,-) 1 = 2.5; ignore 5
    # jaccard: only-G1 (X,+) 3 + (Y,+) 1, only-C (X,0) 1, both (Y,-) 1 -> 6
    expect = {("congruence", "no"): 2.5, ("conflict", "no"): 2.5, ("ignore", "no"): 5, ("subtract", "no"): 0,
              ("congruence", "average"): 2.5 / 3.5, ("conflict", "cosine"): 2.5 / 10, ("ignore", "jaccard"): 5 / 6}
    for (mode, norm), value in expect.items():
        net = compute_network(bundle, mode=mode, level="group", normalize=norm)
        assert net.labels == ("C", "G1")
        assert net.weight("G1", "C") == pytest.approx(value), (mode, norm)


def test_two_mode_by_hand(bundle: Bundle) -> None:
    # ignore: statements per cell; subtract: support - oppose (neutral 0); activity: row / row statements
    ign = compute_two_mode(bundle, mode="ignore")
    assert ign.dense().tolist() == [[2, 1], [1, 1], [1, 1]]
    sub = compute_two_mode(bundle, mode="subtract")
    assert sub.dense().tolist() == [[2, -1], [1, 1], [0, -1]]
    act = compute_two_mode(bundle, mode="ignore", normalize="activity")
    assert act.dense()[0].tolist() == pytest.approx([2 / 3, 1 / 3])
    prom = compute_two_mode(bundle, mode="ignore", normalize="prominence")  # column X has 4 statements, Y 3
    assert prom.dense()[:, 0].tolist() == pytest.approx([2 / 4, 1 / 4, 1 / 4])


def test_bad_options(bundle: Bundle) -> None:
    with pytest.raises(UsageError):
        compute_network(bundle, mode="agree", level="stakeholder", normalize="no")
    with pytest.raises(UsageError):
        compute_network(bundle, mode="conflict", level="person", normalize="no")
    with pytest.raises(UsageError):
        compute_network(bundle, mode="conflict", level="group", normalize="pearson")


def test_csv_is_a_labelled_square_matrix(bundle: Bundle) -> None:
    net = compute_network(bundle, mode="subtract", level="stakeholder", normalize="no")
    rows = list(csv.reader(io.StringIO(serialize_network(net, "csv").decode())))
    assert rows[0] == ["", "A", "B", "C"]
    assert rows[1] == ["A", "0", "1", "1"] and rows[3] == ["C", "1", "-1", "0"]


def test_json_graphml_gexf_round_trip(bundle: Bundle, tmp_path) -> None:
    net = compute_network(bundle, mode="conflict", level="stakeholder", normalize="average")
    data = json.loads(serialize_network(net, "json"))
    assert [n["label"] for n in data["nodes"]] == ["A", "B", "C"]
    assert data["matrix"][1][2] == pytest.approx(0.75)
    assert len(data["edges"]) == 3
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        path = tmp_path / f"net.{fmt}"
        path.write_bytes(serialize_network(net, fmt))
        g = reader(path)
        labels = {n: d.get("label") for n, d in g.nodes(data=True)}
        weights = {frozenset((labels[u], labels[v])): d["weight"] for u, v, d in g.edges(data=True)}
        assert weights[frozenset(("B", "C"))] == pytest.approx(0.75)
        assert weights[frozenset(("A", "B"))] == pytest.approx(0.4)


@pytest.mark.parametrize("normalize", ["average", "jaccard", "cosine"])
def test_sparse_normalisation_path_agrees(bundle: Bundle, monkeypatch: pytest.MonkeyPatch, normalize: str) -> None:
    """Above DENSE_UP_TO nodes normalisation runs on sparse entries; both paths give the hand values."""
    import stancegraph.graph.analysis.network as network

    dense = compute_network(bundle, mode="conflict", level="stakeholder", normalize=normalize).dense()
    monkeypatch.setattr(network, "DENSE_UP_TO", 0)
    sparse = compute_network(bundle, mode="conflict", level="stakeholder", normalize=normalize).dense()
    assert sparse.ravel().tolist() == pytest.approx(dense.ravel().tolist())
    assert sparse[1, 2] == pytest.approx(1.5 / DENOM[normalize][("B", "C")])


@pytest.mark.parametrize("scale", [1.0, 0.5, 5000.0])
def test_gram_splits_dense_and_sparse_columns_exactly(scale: float) -> None:
    """gram() = the plain sparse product, to the bit: 200 nodes, a few popular claims (dense BLAS part)
    and a long tail (sparse part); counts, halves, and counts too large for single precision (5,000 per cell)."""
    import numpy as np
    import scipy.sparse as sp

    from stancegraph.graph.analysis import network

    rng = np.random.default_rng(3)
    n, m = 200, 400
    fill = np.where(np.arange(m) < 20, 0.6, 0.02)  # 20 popular columns, the rest rare
    x = sp.csr_matrix((rng.random((n, m)) < fill) * rng.integers(1, 4, (n, m)) * scale)
    y = sp.csr_matrix((rng.random((n, m)) < fill) * rng.integers(-3, 4, (n, m)) * scale)
    assert not network._exact_in_float32(x, y) if scale > 1000 else network._exact_in_float32(x, y)
    for a, b in ((x, x), (x, y)):
        expected = (a @ b.T).toarray()
        got = network.gram(a, b)
        assert got.dtype == np.float64 and np.array_equal(got, expected)
        assert np.array_equal(network.gram(a, b, dense=False).toarray(), expected)
