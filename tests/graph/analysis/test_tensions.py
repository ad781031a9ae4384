"""Tension clusters present sides of one question: each claim with its own two camps, the cluster's sides
lined up across its claims, and nobody put on a side for what they said about another claim.

Every expected list below is read off the positions built in the test."""

from __future__ import annotations

from stancegraph.graph.analysis.tensions import find_tensions
from stancegraph.graph.model.records import Bundle, Passage, new_claim, new_document, new_position, new_stakeholder


def _bundle(rows: list[tuple[str, str, str]], *, contradicts: dict[str, list[str]] | None = None,
            section: tuple[str, ...] = ("Findings",)) -> Bundle:
    """rows: (stakeholder, stance, claim text); every position quoted in one section of one document."""
    b = Bundle()
    doc = new_document("report.txt", title="Report")
    b.add(doc)
    texts = sorted({c for _, _, c in rows})
    ids = {t: new_claim(t).id for t in texts}
    for t in texts:
        b.add(new_claim(t, contradicts=[ids[o] for o in (contradicts or {}).get(t, [])]))
    for k, (who, stance, text) in enumerate(rows):
        sh = new_stakeholder(who)
        quote = f"{who} on {text}"
        b.add(sh, new_position(sh, ids[text], stance, document=doc.id,
                               evidence=[Passage(doc.id, quote, 100 * k, 100 * k + len(quote), section=section)]))
    return b


def _camps(question: dict) -> dict[str, list[str]]:
    return {s["stance"]: s["stakeholders"] for s in question["sides"]}


def test_a_doubt_is_never_given_the_backers_of_nearby_claims() -> None:
    """The issue's corpus case: one stakeholder doubts a claim nobody states, while ten others each back a
    different claim in the same section. The cluster is one-sided; its support side stays empty."""
    rows = [("The media", "oppose", "Access to social media data is justified")]
    rows += [(f"Witness {k}", "support", f"Proposal number {k} should go ahead") for k in range(10)]
    [cluster] = find_tensions(_bundle(rows))
    assert [c["text"] for c in cluster["claims"]] == ["Access to social media data is justified"]
    assert cluster["one_sided"] and cluster["score"] == 0
    sides = {s["stance"]: s["stakeholders"] for s in cluster["sides"]}
    assert sides == {"support": [], "oppose": ["The media"]}
    assert _camps(cluster["questions"][0]) == {"support": [], "oppose": ["The media"]}


def test_each_claim_of_a_cluster_keeps_its_own_camps() -> None:
    """Two claims opposed by the same council (so one cluster), each backed by different people."""
    rows = [("Council", "oppose", "Close the library"), ("Council", "oppose", "Cut the bus"),
            ("Readers", "support", "Close the library"), ("Drivers", "support", "Cut the bus"),
            ("Parents", "support", "Close the library")]
    [cluster] = find_tensions(_bundle(rows))
    camps = {q["text"]: _camps(q) for q in cluster["questions"]}
    assert camps == {"Close the library": {"support": ["Parents", "Readers"], "oppose": ["Council"]},
                     "Cut the bus": {"support": ["Drivers"], "oppose": ["Council"]}}
    # the cluster's sides are the union, lined up: everyone on the support side backs one of these claims
    sides = {s["stance"]: s["stakeholders"] for s in cluster["sides"]}
    assert sides == {"support": ["Drivers", "Parents", "Readers"], "oppose": ["Council"]}
    assert cluster["questions"][0]["text"] == "Close the library"  # 2 supporters: the more contested first
    assert not cluster["one_sided"] and cluster["score"] > 0


def test_contradicting_proposals_are_one_question_with_two_camps() -> None:
    """A ban against a voluntary pledge (contradicting claims): the pledge's backers are the ban's opponents
    (via the pledge) and the mirrored pledge question folds into the ban's."""
    ban, pledge = "Ban black plastic trays", "Rely on a voluntary pledge"
    rows = [("Recyclers", "support", ban), ("Councils", "support", ban), ("Manufacturers", "support", pledge)]
    [cluster] = find_tensions(_bundle(rows, contradicts={ban: [pledge]}))
    [q] = cluster["questions"]
    assert q["text"] == ban and [a["text"] for a in q["alternatives"]] == [pledge]
    assert _camps(q) == {"support": ["Councils", "Recyclers"], "oppose": ["Manufacturers"]}
    pledge_id = next(c["id"] for c in cluster["claims"] if c["text"] == pledge)
    assert list(q["sides"][1]["via"].values()) == [pledge_id]
    orientation = {c["text"]: c["orientation"] for c in cluster["claims"]}
    assert orientation == {ban: 1, pledge: -1}  # the pledge is turned: its backers are the ban's opponents
    sides = {s["stance"]: s["stakeholders"] for s in cluster["sides"]}
    assert sides == {"support": ["Councils", "Recyclers"], "oppose": ["Manufacturers"]}


def test_claims_are_lined_up_and_people_on_both_sides_are_bridges() -> None:
    """Claim A: X and W for, Y against. Claim B contradicts A: Y and W for, X and Z against. B has more
    opponents, so it leads and A is turned: the support side is B's backers and A's opponents {W, Y}, the
    oppose side B's opponents and A's backers {W, X, Z}. W backs both claims: on both sides, a bridge."""
    a, b_ = "Build the new road", "Improve the railway instead"
    rows = [("X", "support", a), ("Y", "oppose", a), ("Y", "support", b_), ("X", "oppose", b_), ("Z", "oppose", b_),
            ("W", "support", a), ("W", "support", b_)]
    [cluster] = find_tensions(_bundle(rows, contradicts={a: [b_]}))
    orientation = {c["text"]: c["orientation"] for c in cluster["claims"]}
    assert orientation == {a: -1, b_: 1}
    sides = {s["stance"]: s["stakeholders"] for s in cluster["sides"]}
    assert sides == {"support": ["W", "Y"], "oppose": ["W", "X", "Z"]}
    assert [x["label"] for x in cluster["bridges"] if x["kind"] == "stakeholder"] == ["W"]
    camps = {q["text"]: _camps(q) for q in cluster["questions"]}
    assert camps[a] == {"support": ["W", "X"], "oppose": ["Y"]}
    assert camps[b_] == {"support": ["W", "Y"], "oppose": ["X", "Z"]}


def test_a_middle_position_discussed_alongside_is_a_bridge() -> None:
    rows = [("Supporters", "support", "Register care workers"), ("Employers of PAs", "oppose", "Register care workers"),
            ("Some participants", "support", "Apply registration differently in different settings"),
            ("Supporters", "support", "Fund training nationally")]
    [cluster] = find_tensions(_bundle(rows))
    bridges = {x["text"]: x["reason"] for x in cluster["bridges"] if x["kind"] == "claim"}
    assert bridges == {"Apply registration differently in different settings": "a middle position"}
    # a claim held by one side only is that side's, not a bridge
    support = next(s for s in cluster["sides"] if s["stance"] == "support")
    assert support["claims"] == [new_claim("Fund training nationally").id]
    assert support["arguments"] == [{"id": new_claim("Fund training nationally").id, "text": "Fund training nationally"}]
    oppose = next(s for s in cluster["sides"] if s["stance"] == "oppose")
    assert oppose["arguments"] == []


def test_each_numbered_part_of_a_bill_is_a_tension_of_its_own() -> None:
    """The same council contests two sections of the bill: two questions a reader weighs apart, not one cluster with
    the council's opponents on both sections pooled. A claim that names no part, contested by the council alone,
    goes with the section named last before it is argued."""
    for order in (["Section 12 of Bill 31", "Section 9 of Bill 31"], ["Section 9 of Bill 31", "Section 12 of Bill 31"]):
        rows = [("Council", "oppose", order[0]), ("Council", "oppose", order[1]),
                ("Council", "oppose", "That standard can be met on steep country"),
                ("Farmers", "support", "Section 12 of Bill 31"), ("Coalition", "support", "Section 9 of Bill 31")]
        clusters = find_tensions(_bundle(rows))
        by_part = {c["claims"][0]["text"]: sorted(x["text"] for x in c["claims"]) for c in clusters}
        assert by_part == {order[0]: [order[0]],
                           order[1]: sorted([order[1], "That standard can be met on steep country"])}
        sides = {c["claims"][0]["text"]: {s["stance"]: s["stakeholders"] for s in c["sides"]} for c in clusters}
        assert sides["Section 12 of Bill 31"] == {"support": ["Farmers"], "oppose": ["Council"]}
        assert sides["Section 9 of Bill 31"] == {"support": ["Coalition"], "oppose": ["Council"]}


def test_a_part_of_a_bill_is_argued_with_what_was_said_of_it() -> None:
    """A side's arguments on a section are the claims argued after that section was named, not those argued on the
    section named next (all of one section of one document, so every claim is nearby)."""
    rows = [("Council", "oppose", "Section 12 of Bill 31"), ("Farmers", "support", "Section 12 of Bill 31"),
            ("Council", "support", "Water should stay on the farms that use it"),
            ("Council", "support", "The levy in section 9 is fair"), ("Council", "support", "The fee should be lower")]
    [cluster] = find_tensions(_bundle(rows))
    sides = {s["stance"]: [a["text"] for a in s["arguments"]] for s in cluster["sides"]}
    assert sides == {"support": [], "oppose": ["Water should stay on the farms that use it"]}
