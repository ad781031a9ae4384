"""Group-informed consensus against the number Pol.is itself exported (bg2050-volunteers, CC BY 4.0).

Pol.is (math/conversation.clj, group-aware-consensus): prod over opinion groups of (A_g + 1) / (S_g + 2), with
A_g the group's agrees and S_g all its votes including passes, on each participant's latest vote; participants
Pol.is did not cluster (blank group-id) count in no group. Our model: participant -> Stakeholder kind person,
member_of its group; pass -> neutral; a person without a group is ungrouped.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

from stancegraph.graph.analysis.convergence import compute_consensus
from stancegraph.graph.model.records import Bundle, Claim, new_document, new_position, new_stakeholder

VOTE = {"1": "support", "-1": "oppose", "0": "neutral"}


def bundle_from_polis(folder: Path) -> tuple[Bundle, dict[str, float]]:
    """A test-local reader of a Pol.is export (the loaders package has the real one); returns GIC by claim id."""
    bundle = Bundle()
    doc = new_document(f"polis-test:{folder.name}")
    bundle.add(doc)
    expected = {}
    with (folder / "comments.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            claim = Claim(id=f"cl-polis-{row['comment-id']}", text=" ".join(row["comment-body"].split()))
            bundle.add(claim)
            expected[claim.id] = float(row["group-informed-consensus"])
    groups = {}
    with (folder / "participants-votes.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        first_vote = header.index("n-disagree") + 1
        for row in reader:
            g = row[header.index("group-id")].strip()
            if g and g not in groups:
                groups[g] = new_stakeholder(f"group {g}", kind="group")
                bundle.add(groups[g])
            person = new_stakeholder(f"participant {row[0]}", kind="person", member_of=[groups[g].id] if g else [])
            bundle.add(person)
            for tid, cell in zip(header[first_vote:], row[first_vote:]):
                if cell.strip():
                    bundle.add(new_position(person, f"cl-polis-{tid}", VOTE[cell.strip()], document=doc.id))
    return bundle, expected


def test_group_informed_consensus_equals_polis(fixtures_dir: Path) -> None:
    bundle, expected = bundle_from_polis(fixtures_dir / "polis" / "bg2050-volunteers")
    rows = {r["claim"]: r for r in compute_consensus(bundle)}
    assert len(expected) == 371 and set(expected) <= set(rows)
    worst = max(abs(rows[c]["consensus"] - v) for c, v in expected.items())
    assert worst < 1e-12
    assert all(r["n_groups"] == 2 for r in rows.values())  # the 18 unclustered participants are in no group


def test_consensus_through_the_polis_loader(fixtures_dir: Path) -> None:
    pytest.importorskip("stancegraph.loaders.formats.polis")
    from stancegraph.loaders import load_path

    folder = fixtures_dir / "polis" / "bg2050-volunteers"
    _, expected_by_id = bundle_from_polis(folder)
    local, _ = bundle_from_polis(folder)
    expected = {local.claims[c].text: v for c, v in expected_by_id.items()}
    rows = compute_consensus(load_path(folder))
    by_text = {" ".join(r["text"].split()): r["consensus"] for r in rows}
    assert set(expected) <= set(by_text)
    assert max(abs(by_text[t] - v) for t, v in expected.items()) < 1e-12


def test_consensus_by_hand() -> None:
    # two groups. G1 = {p1, p2, p3}, G2 = {q1, q2}; claim X: p1 +, p2 +, p3 pass; q1 -, q2 +.
    # G1: A=2, S=3 -> 3/5; G2: A=1, S=2 -> 2/4; consensus = 3/5 * 1/2 = 0.3.
    # leans: G1 (2-0)/3 = 2/3, G2 (1-1)/2 = 0 -> divisiveness (2/3 - 0)/2 = 1/3.
    # claim Y: nobody voted -> (1/2)(1/2) = 0.25, divisiveness 0.
    b = Bundle()
    g1, g2 = new_stakeholder("G1"), new_stakeholder("G2")
    b.add(g1, g2, Claim(id="cl-x", text="X"), Claim(id="cl-y", text="Y"))
    votes = {"p1": (g1, "support"), "p2": (g1, "support"), "p3": (g1, "neutral"), "q1": (g2, "oppose"), "q2": (g2, "support")}
    for name, (g, stance) in votes.items():
        p = new_stakeholder(name, kind="person", member_of=[g.id])
        b.add(p, new_position(p, "cl-x", stance, document="d"))
    loner = new_stakeholder("loner", kind="person")  # ungrouped: counts nowhere
    b.add(loner, new_position(loner, "cl-x", "oppose", document="d"))
    rows = {r["claim"]: r for r in compute_consensus(b)}
    x, y = rows["cl-x"], rows["cl-y"]
    assert x["consensus"] == pytest.approx(0.3)
    assert x["consensus_geomean"] == pytest.approx(math.sqrt(0.3))
    assert x["divisiveness"] == pytest.approx(1 / 3)
    assert {g["label"]: (g["support"], g["oppose"], g["neutral"]) for g in x["groups"]} == {"G1": (2, 0, 1), "G2": (1, 1, 0)}
    assert (x["support"], x["oppose"], x["neutral"]) == (3, 2, 1)  # totals include the ungrouped person
    assert y["consensus"] == pytest.approx(0.25) and y["divisiveness"] == 0
    assert [r["claim"] for r in compute_consensus(b)] == ["cl-x", "cl-y"]  # highest consensus first
