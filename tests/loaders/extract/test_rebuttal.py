"""Report and rebuttal (loaders/extract/rebuttal.py): a speaker who reports a proposal and answers it holds the
opposite of that proposal, on the same claim as the proposal's own holder.

The documents are fictional, written for these tests in the layout of their genre (a preliminary hearing, a
committee report); the expected holders and stances are read off the text by hand.
"""

from __future__ import annotations

import pytest

from stancegraph.loaders.extract import extract_text
from stancegraph.loaders.extract.rebuttal import answer

HEARING = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Preliminary hearing

Statement by Counsel to the Inquiry

There are some matters raised in the written submissions about the scope. The Northshire Carers Network submit that the module should be divided into three sub-modules, one for each region. It is said that this would reflect the different structures in each region.

In our submission, no such division is necessary. The provisional scope already allows the Inquiry to take account of regional differences.

It is further suggested that the scope should be re-worded so that there are specific paragraphs for each region. My Lady, in our submission, that is an unnecessary amendment.

A number of core participants have submitted that the scope should be widened to include day centres and respite care.

Day centres provide care for a few hours a day, and respite care gives unpaid carers a break.

So although care is provided in many settings, it will not be necessary or proportionate to examine day centres. The Inquiry will keep the matter under review.

Some core participants have urged the Inquiry to examine the pay of agency staff. It is not possible to examine each and every area of concern.

Submissions on behalf of the Northshire Carers Network by Ms Hale

We do not accept that.
"""

REPORT = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Black plastic trays

Conclusions

1. The Food Packaging Association argued that the ban should be delayed until 2030. We do not accept that. A date of 2028 gives industry enough time.

2. The Recyclers' Alliance told us that labels should say "do not recycle". We agree.
"""


def _positions(text: str, name: str) -> list[tuple[str, str, str, str]]:
    """(holder, stance, claim, quoted passage) of every position extracted from `text`."""
    b = extract_text(text, name=name)
    out = []
    for p in b.positions.values():
        e = p.evidence[0]
        out.append((b.stakeholders[p.stakeholder].label, p.stance.value, b.claims[p.claim].text, text[e.start:e.end]))
    return out


@pytest.mark.parametrize("sentence, expected", [
    ("It will not be necessary or proportionate to examine all the settings.", None),  # a refusal: see refusal()
    ("In our submission, no such division is necessary.", "oppose"),
    ("My Lady, in our submission, that is an unnecessary amendment.", "oppose"),
    ("That would be premature.", "oppose"),
    ("We do not accept that.", "oppose"),
    ("I reject that suggestion.", "oppose"),
    ("We agree.", "support"),
    ("That is right.", "support"),
    # a claim of its own, or no verdict: left to the attribution rules
    ("We do not accept that the pledge has failed.", None),
    ("That is the position in Wales.", None),
    ("No such division was made in 2019 when the module was first planned and the scope was drafted by officials.", None),
])
def test_answer_reads_short_verdicts_only(sentence: str, expected: str | None) -> None:
    assert answer(sentence) == expected


def test_counsel_who_answers_a_reported_submission_opposes_that_submission() -> None:
    found = _positions(HEARING, "hearing.txt")
    by_claim: dict[str, dict[str, str]] = {}
    for holder, stance, claim, _ in found:
        by_claim.setdefault(claim, {})[holder] = stance
    division = next(c for c in by_claim if "three sub-modules" in c)
    # both sides on one claim: the network's proposal, and counsel's answer to it
    assert by_claim[division] == {"Northshire Carers Network": "support", "Counsel to the Inquiry": "oppose"}
    answer_quote = next(q for h, s, c, q in found if c == division and h == "Counsel to the Inquiry")
    assert answer_quote == "In our submission, no such division is necessary."
    # an agentless report ("it is further suggested that ...") is nobody's here, and counsel answers it
    reworded = next(c for c in by_claim if "re-worded" in c)
    assert by_claim[reworded] == {"Counsel to the Inquiry": "oppose"}
    # the elaboration ("it is said that this would ...") is not counsel's position
    assert not any("different structures" in c for c in by_claim)


def test_a_refusal_that_names_what_it_refuses_answers_the_proposal_it_shares_words_with() -> None:
    found = _positions(HEARING, "hearing.txt")
    widened = {(h, s) for h, s, c, _ in found if "day centres and respite care" in c}
    assert ("Counsel to the Inquiry", "oppose") in widened, widened
    assert ("A number of core participants", "support") in widened, widened
    # "each and every area of concern" names nothing of the agency staff's pay: no answer to it
    pay = {(h, s) for h, s, c, _ in found if "agency staff" in c}
    assert ("Counsel to the Inquiry", "oppose") not in pay, pay


def test_an_answer_in_another_section_or_turn_answers_nothing() -> None:
    found = _positions(HEARING, "hearing.txt")
    # "We do not accept that." opens the network's own submission: nothing it could answer was reported there
    assert not any(h == "Northshire Carers Network" and s == "oppose" for h, s, _, _ in found)


def test_a_committee_rebuts_and_agrees_with_its_witnesses() -> None:
    found = _positions(REPORT, "report.txt")
    delay = [(h, s) for h, s, c, _ in found if "delayed until 2030" in c]
    labels = [(h, s) for h, s, c, _ in found if "do not recycle" in c]
    assert ("Food Packaging Association", "support") in delay
    assert any(s == "oppose" and h != "Food Packaging Association" for h, s in delay), delay
    assert ("Recyclers' Alliance", "support") in labels
    assert any(s == "support" and h != "Recyclers' Alliance" for h, s in labels), labels


#: a fictional committee hearing in which witnesses take each other's side by name
TAKING_SIDES = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

SENATE

RURAL AFFAIRS LEGISLATION COMMITTEE

Farm Water (Metering) Amendment Bill 2027

WITNESSES

ABBOTT, Ms Carla, Chief Executive Officer, Irrigators Council of the Lowlands

BYRNE, Mr Tom, Policy Director, River Health Alliance

COLE, Ms Dana, President, Dairy Farmers Federation

CHAIR: I invite each of you to make a brief opening statement.

Ms Abbott: Thank you, Chair. Small irrigators should have until 2031 to install meters. A metering rebate should be paid to every farm with fewer than three dams.

Mr Byrne: The metering requirement will reduce the risk of the river running dry in summer. Meters on every farm dam by 2029 are essential.

Ms Cole: I agree with Ms Abbott. A rebate for the smallest farms is the only way our members can afford the meters.

Senator LOWE: Mr Byrne, what do you say to that?

Mr Byrne: I disagree with Ms Abbott on this. Two more years of unmetered dams is two more dry summers.

Ms Cole: We'd support the council's call for 2031, for the same reason.
"""


def test_a_witness_who_takes_another_witness_side_holds_that_witness_claim() -> None:
    """"I agree with Ms Abbott. A rebate for the smallest farms ...": the federation supports the council's claim the
    next sentence goes on about (the rebate), not merely its latest; "I disagree with Ms Abbott on this" opposes it;
    "the council's call for 2031" is the council's claim with that year in it."""
    b = extract_text(TAKING_SIDES, name="sides.txt")
    names = {s.id: s.label for s in b.stakeholders.values()}
    rows = {(names[p.stakeholder], p.stance, b.claims[p.claim].text) for p in b.positions.values()}
    rebate = next(c for h, s, c in rows if h == "Irrigators Council of the Lowlands" and "rebate" in c)
    deadline = next(c for h, s, c in rows if h == "Irrigators Council of the Lowlands" and "2031" in c)
    assert ("Dairy Farmers Federation", "support", rebate) in rows, rows
    assert ("Dairy Farmers Federation", "support", deadline) in rows, rows
    assert any(h == "River Health Alliance" and s == "oppose" and c in (rebate, deadline) for h, s, c in rows), rows
    # the sentence that only takes a side is no claim of its own
    assert not any("agree with" in c or "call for" in c for _h, _s, c in rows), rows


#: a fictional hearing (invented for stancegraph's tests): a side taken "on" a numbered part of the bill
ON_A_PART = """FICTIONAL EXAMPLE. Invented for stancegraph's tests; not a real transcript.

STANDING COMMITTEE ON TRANSPORT

Bill C-90 (Canal Safety Act)

Mr. Ivo Brandt (President, Canal Shippers Association): We oppose clause 12, because publishing every cargo by lock would expose our customers. We support clause 9.

Ms. Ruth Okonjo (Mayor, Lockside Towns Coalition): We support clause 12. Towns have a right to know what passes their doors.

Mr. Paul Serra (Director, Canal Operators Federation): On clause 12, we share the shippers' concern. Our lock keepers already tell the fire service what is coming.

Ms. Lena Varga (Secretary, Towpath Residents Network): I think that Ms. Okonjo is right.
"""


def test_a_side_taken_on_a_part_is_taken_on_what_that_holder_said_of_the_part() -> None:
    """"On clause 12, we share the shippers' concern": the federation opposes clause 12 with the shippers (not their
    clause 9, the latest thing the shippers said); "Ms. Okonjo is right" takes the coalition's side; neither sentence is
    a claim of its own."""
    b = extract_text(ON_A_PART, name="on-a-part.txt")
    names = {s.id: s.label for s in b.stakeholders.values()}
    rows = {(names[p.stakeholder], p.stance, b.claims[p.claim].text) for p in b.positions.values()}
    clause12 = next(c for h, s, c in rows if h == "Canal Shippers Association" and s == "oppose" and "12" in c)
    assert ("Lockside Towns Coalition", "support", clause12) in rows, rows
    assert ("Canal Operators Federation", "oppose", clause12) in rows, rows
    assert not any(h == "Canal Operators Federation" and "9" in c for h, _s, c in rows), rows
    assert not any("share the" in c or "is right" in c for _h, _s, c in rows), rows
    # "I think that Ms. Okonjo is right.": the network takes the coalition's side, on a claim the coalition holds
    network = {(s, c) for h, s, c in rows if h == "Towpath Residents Network"}
    assert network and network <= {(s, c) for h, s, c in rows if h == "Lockside Towns Coalition"}, rows
