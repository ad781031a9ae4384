"""Polarisation: DNA's q by hand, our camp score by hand, and the search against brute force."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from stancegraph.graph.analysis.convergence import compute_polarisation
from stancegraph.graph.model.records import Bundle, new_claim, new_position, new_stakeholder
from stancegraph.graph.analysis.polarisation import _best_split, _two_camps, polarisation_quality


@pytest.fixture
def two_camps() -> Bundle:
    # A and B support X, C and D oppose it: average-normalised congruence A-B = C-D = 1 (n = 1 each),
    # conflict 1 on the four cross pairs.
    b = Bundle()
    x = new_claim("X")
    b.add(x)
    for name, stance in (("A", "support"), ("B", "support"), ("C", "oppose"), ("D", "oppose")):
        sh = new_stakeholder(name)
        b.add(sh, new_position(sh, x, stance, document="d"))
    return b


def test_dna_q_by_hand() -> None:
    # ||cong|| = 4 (ordered entries), ||conf|| = 8; camps of 2: W = 4, B = 8; E_w = (2/4)(4/4) = 0.5, E_b = (4/8)(8/8) = 0.5
    # split {A,B}/{C,D}: within 4 x |1 - .5| = 2, across 8 x (0 + |1 - .5|) = 4 -> 6 / (2 x 12) = 0.25
    # split {A,C}/{B,D}: within 4 x (|0 - .5| + 1) = 6, across A-B, C-D: 4 x (1 + .5) = 6, A-D, C-B: 4 x .5 = 2 -> 14/24
    cong = np.array([[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0]], dtype=float)
    conf = np.array([[0, 0, 1, 1], [0, 0, 1, 1], [1, 1, 0, 0], [1, 1, 0, 0]], dtype=float)
    assert polarisation_quality(cong, conf, np.array([0, 0, 1, 1])) == pytest.approx(0.25)
    assert polarisation_quality(cong, conf, np.array([0, 1, 0, 1])) == pytest.approx(14 / 24)


def test_scores_on_two_clean_camps(two_camps: Bundle) -> None:
    res = compute_polarisation(two_camps, level="stakeholder", by_theme=False)
    # ours: every tie is agreement inside or conflict across the camps -> (1 + 1 + 4 x 1) / (2 + 4) = 1
    assert res["score"] == pytest.approx(1.0)
    assert res["camps"] == [["A", "B"], ["C", "D"]]
    assert res["q"] == pytest.approx(14 / 24)  # DNA's maximum lands on the cross split, as computed above


def test_no_conflict_is_no_polarisation() -> None:
    b = Bundle()
    for claim in ("X", "Y"):
        c = new_claim(claim)
        b.add(c)
        for name in (f"{claim}1", f"{claim}2"):
            sh = new_stakeholder(name)
            b.add(sh, new_position(sh, c, "support", document="d"))
    res = compute_polarisation(b, level="stakeholder", by_theme=False)
    assert res["score"] == 0 and res["q"] > 0  # a fragmented consensus: DNA's q is high, ours is 0


@pytest.mark.parametrize("seed", range(5))
def test_searches_match_brute_force(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = 8
    cong = np.triu(rng.random((n, n)) * (rng.random((n, n)) < 0.5), 1)
    conf = np.triu(rng.random((n, n)) * (rng.random((n, n)) < 0.4), 1)
    cong, conf = cong + cong.T, conf + conf.T
    splits = [np.array([1 if i in s else 0 for i in range(n)]) for s in itertools.combinations(range(n), n // 2)]
    best_q = max(polarisation_quality(cong, conf, z) for z in splits)
    z = _best_split(cong, conf, seed=0, restarts=3, max_swaps=1000)
    assert polarisation_quality(cong, conf, z) == pytest.approx(best_q)
    total = (cong.sum() + conf.sum()) / 2
    v = np.flatnonzero((conf > 0).any(axis=1))
    s = (cong - conf)[np.ix_(v, v)]
    best_score = max(float(x @ s @ x) / 2 for x in (np.array(p) for p in itertools.product([-1.0, 1.0], repeat=len(v))))
    assert _two_camps(cong, conf, seed=0, restarts=3)[0] == pytest.approx(max(best_score / total, 0))
