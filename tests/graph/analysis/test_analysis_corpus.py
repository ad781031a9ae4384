"""Convergence, conflicts and tension clusters on a coding sheet that mirrors corpus/seed-expected.md.

The sheet codes what a careful reader codes in the King's Fund report (the table in seed-expected.md plus
the convergence themes it lists). It goes through the real coding-sheet loader, so this is the analysis a
researcher gets after correcting an extraction. When the extractor lands, the same expectations are run
on its output in tests/graph/test_analysis_extracted.py.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from stancegraph.graph.analysis.convergence import (
    compute_consensus, compute_polarisation, find_conflicts, find_convergence, find_tensions,
)
from stancegraph.graph.model.records import Bundle
from stancegraph.loaders.formats.coding_sheet import load as load_sheet

DOC = "stakeholder-expectations-social-care-workforce.txt"
PAY = "Pay and conditions for the adult social care workforce must improve"
TRAIN = "Training and career development for care workers must improve"
REG = "The social care workforce should be regulated and registered"
PROP = "Regulation should be applied differently in different parts of the sector"
DOUBT_FUND = "Funding, integration and the shift to home care will happen as hoped"
DOUBT_NUM = "The projected increase in the workforce will be achieved"
PRAGMA = "Plan on pragmatic assumptions about likely worker numbers"

# stakeholder, group, stance, claim, themes, quantifier, source
ROWS = [
    ("a wide range of stakeholders", "", "support", PAY, "Pay and conditions", "a wide range", "Literature review"),
    ("providers", "", "support", PAY, "Pay and conditions", "", "Interviews"),
    ("workforce representatives", "", "support", PAY, "Pay and conditions", "", "Interviews"),
    ("some stakeholders", "", "support", "Pay should be linked to NHS Agenda for Change band 2 or 3",
     "Pay and conditions", "sometimes argued", "Literature review"),
    ("several stakeholders", "", "support", "Collective pay bargaining", "Pay and conditions", "several", "Literature review"),
    ("providers", "", "support", TRAIN, "Training;Career development", "a wide range", "Interviews"),
    ("policymakers", "", "support", TRAIN, "Training;Career development", "a wide range", "Interviews"),
    ("commissioners", "", "support", TRAIN, "Training;Career development", "a wide range", "Interviews"),
    ("local authorities", "", "support", "A shift from residential to domiciliary care",
     "Care in the community;Model of care", "", "Market sustainability plans"),
    ("integrated care boards", "", "support", "A digitally enabled workforce", "Technology and data", "",
     "ICB strategies"),
    ("workshop participants", "", "support", "Care should be personalised and co-produced",
     "Personalisation and co-production;Model of care", "broad agreement", "Workshops"),
    ("integrated care boards", "", "support", "Prevention should be a priority for the workforce", "Prevention", "",
     "ICB strategies"),
    ("local authorities", "", "support", "Prevention should be a priority for the workforce", "Prevention", "",
     "Market sustainability plans"),
    ("workshop participants", "", "support", "More funding is needed for adult social care", "Funding",
     "broad agreement", "Workshops"),
    ("workshop participants", "", "support", "More care workers are needed", "Workforce numbers", "broad agreement",
     "Workshops"),
    ("workshop participants", "", "support", "Care workers' wellbeing and safety must improve",
     "Mental and physical health", "broad agreement", "Workshops"),
    # regulation / registration
    ("proponents in the literature", "", "support", REG, "Regulation and registration", "a number of", "Literature review"),
    ("supporters", "workshop participants", "support", REG, "Regulation and registration", "", "Workshops"),
    ("people who employ their own personal assistants", "", "oppose", REG, "Regulation and registration",
     "felt strongly", "Workshops"),
    ("some participants", "", "support", PROP, "Regulation and registration;Pragmatism and proportionality", "some",
     "Workshops"),
    # ambition versus pragmatism: doubts, nobody formally opposing the aims
    ("some participants", "", "oppose", DOUBT_FUND, "Funding;Integration;Care in the community", "some", "Workshops"),
    ("some participants", "", "oppose", DOUBT_NUM, "Workforce numbers", "some", "Workshops"),
    ("some participants", "", "support", PRAGMA, "Workforce numbers;Pragmatism and proportionality", "some", "Workshops"),
]


@pytest.fixture
def bundle(tmp_path: Path) -> Bundle:
    path = tmp_path / "sheet.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["document", "source", "stakeholder", "group", "stance", "claim", "themes", "quantifier", "quote"])
        for sh, group, stance, claim, themes, quant, source in ROWS:
            w.writerow([DOC, source, sh, group, stance, claim, themes, quant, f"{sh} on {claim.lower()}"])
    return load_sheet(path)


def test_convergence_covers_the_expected_themes(bundle: Bundle) -> None:
    rows = find_convergence(bundle)
    themes = {t for r in rows for t in r["themes"]}
    for expected in ("Pay and conditions", "Training", "Model of care", "Prevention", "Funding"):
        assert expected in themes
    assert all(r["oppose"] == 0 for r in rows)
    assert REG not in {r["text"] for r in rows}
    # training: three groups each "a wide range" (0.9) = 2.7; pay: 0.9 + 0.7 + 0.7 (no quantifier) = 2.3
    assert rows[0]["text"] == TRAIN and rows[0]["score"] == pytest.approx(2.7)
    top = rows[1]
    assert top["text"] == PAY and top["score"] == pytest.approx(2.3)
    assert top["groups"] == ["a wide range of stakeholders", "providers", "workforce representatives"]
    assert top["quantifiers"] == ["a wide range"] and top["evidence"][0]["quote"].startswith("a wide range")


def test_conflicts_and_group_pairs(bundle: Bundle) -> None:
    rows = find_conflicts(bundle)
    assert [r["text"] for r in rows] == [REG]
    reg = rows[0]
    assert reg["support"] == ["proponents in the literature", "supporters"]
    assert reg["oppose"] == ["people who employ their own personal assistants"]
    # "supporters" count in their group "workshop participants"
    assert reg["support_groups"] == ["proponents in the literature", "workshop participants"]
    assert {e["stance"] for e in reg["evidence"]} == {"support", "oppose"}
    pair = find_conflicts(bundle, group_a="workshop participants", group_b="people who employ their own personal assistants")
    assert [r["text"] for r in pair] == [REG] and pair[0]["between"]["stance_a"] == "support"
    assert find_conflicts(bundle, group_a="providers", group_b="commissioners") == []


def test_tension_clusters(bundle: Bundle) -> None:
    clusters = find_tensions(bundle, seed=0)
    by_claim = {c["text"]: t for t in clusters for c in t["claims"]}
    reg = by_claim[REG]
    sides = {s["stance"]: s["stakeholders"] for s in reg["sides"]}
    assert sides["oppose"] == ["people who employ their own personal assistants"]
    assert set(sides["support"]) == {"proponents in the literature", "supporters"}
    assert "Regulation and registration" in reg["themes"]
    bridge_texts = [b["text"] for b in reg["bridges"] if b["kind"] == "claim"]
    assert bridge_texts == [PROP]  # proportionality connects the sides
    assert reg["evidence"]

    # each claim is a question with its own two camps
    [q] = [q for q in reg["questions"] if q["text"] == REG]
    camps = {side["stance"]: side["stakeholders"] for side in q["sides"]}
    assert camps == {"support": ["proponents in the literature", "supporters"],
                     "oppose": ["people who employ their own personal assistants"]}

    # ambition versus pragmatism, coded here as doubts of their own (no one states those claims): a
    # one-sided cluster. The workshop participants back the aims, other claims: they are not put on the
    # doubts' support side (they never said the doubted things will happen)
    amb = by_claim[DOUBT_FUND]
    assert by_claim[DOUBT_NUM] is amb and amb is not reg
    assert amb["one_sided"] and not reg["one_sided"]
    assert clusters.index(reg) < clusters.index(amb)  # two camps rank before one
    assert {"Funding", "Workforce numbers"} <= set(amb["themes"])
    sides = {s["stance"]: s for s in amb["sides"]}
    assert sides["oppose"]["stakeholders"] == ["some participants"]
    assert sides["support"]["stakeholders"] == []
    assert all(q["sides"][0]["stakeholders"] == [] for q in amb["questions"])
    assert sorted(amb["doubt_only"]) == sorted(c["id"] for c in amb["claims"])
    assert PRAGMA in [bundle.claims[c].text for c in sides["oppose"]["claims"]]  # pragmatism is the doubters' own claim
    assert [t["id"] for t in clusters] == [f"t{k}" for k in range(1, len(clusters) + 1)]
    assert find_tensions(bundle, seed=0) == clusters  # fixed seed, same answer


def test_consensus_and_polarisation_on_the_sheet(bundle: Bundle) -> None:
    rows = {r["text"]: r for r in compute_consensus(bundle)}
    assert rows[REG]["divisiveness"] == 1.0  # one group fully for, another fully against
    assert rows[PAY]["divisiveness"] == 0.0
    assert rows[PAY]["consensus"] > rows[REG]["consensus"]
    pol = compute_polarisation(bundle)
    assert 0 <= pol["score"] <= 1
    by_theme = {r["label"]: r for r in pol["by_theme"]}
    assert by_theme["Regulation and registration"]["score"] > 0
    assert by_theme["Pay and conditions"]["score"] == 0  # nobody opposes anything on pay
    assert by_theme["Pay and conditions"]["q"] > 0  # while DNA's q alone rewards the fragmented consensus


def test_group_maxima_agree_on_the_sorted_path(bundle: Bundle, monkeypatch: pytest.MonkeyPatch) -> None:
    """Above DENSE_CELLS groups x claims, per-group strongest stances come from a sort instead of a dense scatter."""
    import stancegraph.graph.analysis.convergence as analysis

    dense = (find_convergence(bundle), find_conflicts(bundle))
    monkeypatch.setattr(analysis, "DENSE_CELLS", 0)
    assert (find_convergence(bundle), find_conflicts(bundle)) == dense
