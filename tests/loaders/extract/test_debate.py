"""Parliamentary debates: members, turns, procedure, questions and votes (loaders/extract/genres/).

The sittings here are fictional, written for these tests in the layout of Hansard text as copied from the
Hansard website: speaker lines of their own in three shapes, a Public Bill Committee member list, procedure
lines, a division with its lists. Every expected stance below is read off the text by hand.
"""

from __future__ import annotations

import re

from stancegraph.loaders.extract import extract_text
from stancegraph.loaders.extract.genres.debate import read_debate
from stancegraph.loaders.documents.structure import parse_text

SITTING = """Widget Safety Bill (Third sitting)

The Committee consisted of the following Members:

Chairs: Sir Roger Gale, † Mrs Flick Drummond

† Barker, Paula (Liverpool Wavertree) (Lab)
† Carter, Andy (Warrington South) (Con)
† Dalton, Ashley (West Lancashire) (Lab)
† Evans, Chris (Islwyn) (Lab)
† Foster, Kim (Hexham) (Lab)
† Jones, Marcus (Parliamentary Under-Secretary of State for Business and Trade)
† Morgan, Helen (North Shropshire) (LD)
† Smith, Jane (Anytown North) (Lab)
† Thomas, Ian (Bexhill) (Con)

Kevin Maddison, Committee Clerk

† attended the Committee

Public Bill Committee

Tuesday 4 March 2025

[Mrs Flick Drummond in the Chair]

New Clause 4

Duty to report on widget recalls

"(1) The Secretary of State must publish an annual report on widget recalls."—(Andy Carter.)

Brought up, and read the First time.

Andy Carter (Warrington South) (Con)
I beg to move, That the clause be read a Second time.

The new clause would require the Secretary of State to publish an annual report on widget recalls. The Widget Users Association told the Committee that recall notices reach fewer than one in five owners.

Jane Smith (Anytown North) (Lab)
Will the hon. Gentleman give way?

Andy Carter
I will not, as I am short of time, but I urge the Minister to accept the new clause.

The Parliamentary Under-Secretary of State for Business and Trade (Marcus Jones)
I thank the hon. Member for Warrington South for tabling the new clause. The Government cannot accept it, because the Office for Product Safety already publishes recall data every quarter. I ask him to withdraw the motion.

Helen Morgan (North Shropshire) (LD)
I support the new clause. Transparency about recalls is long overdue, and the Government should go further.

Ashley Dalton (West Lancashire) (Lab)
The Office for Product Safety already does this work well, and a second annual report would duplicate it at real cost to the taxpayer and to the businesses that supply the data.

Question put, That the clause be read a Second time.

The Committee divided: Ayes 3, Noes 5.

Division No. 3]

AYES

Carter, Andy

Morgan, Helen

Thomas, Ian

NOES

Barker, Paula

Dalton, Ashley

Evans, Chris

Foster, Kim

Smith, Jane

Question accordingly negatived.

Ordered, That further consideration be now adjourned. —(Ashley Dalton.)
"""

RENDERED = """Widget Levy

Motion moved on behalf of the Opposition (Con):

That this House calls on the Government to abolish the widget levy.

Ann Page (Con)
The levy has cost small firms dearly and the Chancellor has done nothing to help them in three long years of talking.

Bob Reid (Lab)
This Labour Government have protected small firms, and the levy pays for the safety inspections that every one of them relies on.

Cara Lund (LD)
I support the motion. The levy is a tax on enterprise, and the sooner it goes the better for the high street.
"""


def stances(reading):
    """(member, question) -> (stance, rule) of the strongest evidence (the first found); division votes separately."""
    out = {}
    for s in reading.stances:
        if s.rule != "debate:division":
            out.setdefault((s.member.name, s.question.key), (s.stance, s.rule))
    return out


def test_member_list_gives_every_bare_name_its_party_or_office():
    structure = parse_text(SITTING)
    reading = read_debate(structure)
    roster = reading.roster
    assert roster.find("Smith, Jane").party == "Labour Party"
    assert roster.find("Jane Smith").constituency == "Anytown North"
    minister = roster.find("Marcus Jones")
    assert minister.office.startswith("Parliamentary Under-Secretary") and minister.government
    # 6 Labour, 2 Conservative, 1 Liberal Democrat listed: the committee's majority party is the Government's
    assert reading.government == "Labour Party"
    assert reading.holder(minister).member_of == ("Labour Party", "Government")


def test_turns_run_from_each_speaker_line_and_procedure_is_no_ones_speech():
    structure = parse_text(SITTING)
    reading = read_debate(structure)
    kinds = {structure.view(b).text: b.kind for b in structure.blocks}
    assert kinds["Brought up, and read the First time."] == "procedure"
    assert kinds["Question put, That the clause be read a Second time."] == "procedure"
    assert kinds["Carter, Andy"] == "division"
    by_text = {structure.view(b).text[:30]: reading.speaker_of.get(b.index) for b in structure.blocks}
    assert by_text["I will not, as I am short of t"].name == "Andy Carter"  # a bare name line opens a turn
    assert by_text["I thank the hon. Member for Wa"].name == "Marcus Jones"  # "Office (Name)"
    assert by_text["Will the hon. Gentleman give w"].name == "Jane Smith"


def test_the_new_clause_is_the_claim_and_each_member_takes_a_side():
    reading = read_debate(parse_text(SITTING))
    (q,) = [q for q in reading.questions if q.key == "new clause 4"]
    assert q.claim == "New clause 4: Duty to report on widget recalls"
    assert q.mover.name == "Andy Carter" and q.side == "opposition"
    got = stances(reading)
    assert got[("Andy Carter", "new clause 4")] == ("support", "debate:moved")
    assert got[("Marcus Jones", "new clause 4")] == ("oppose", "debate:says")  # "cannot accept it"
    assert got[("Helen Morgan", "new clause 4")] == ("support", "debate:says")
    assert got[("Ashley Dalton", "new clause 4")] == ("oppose", "debate:side")  # Labour, on the Government side
    assert ("Jane Smith", "new clause 4") not in got  # her only words were a request to intervene
    division = {s.member.name: s.stance for s in reading.stances if s.rule == "debate:division"}
    assert division == {"Andy Carter": "support", "Helen Morgan": "support", "Ian Thomas": "support",
                        "Paula Barker": "oppose", "Ashley Dalton": "oppose", "Chris Evans": "oppose",
                        "Kim Foster": "oppose", "Jane Smith": "oppose"}


def test_extraction_of_a_sitting_attributes_to_members_never_to_the_house():
    bundle = extract_text(SITTING, name="widget-sitting.txt")
    labels = {s.label for s in bundle.stakeholders.values()}
    assert "The House" not in labels and not any(label.startswith(("Does ", "Will ")) for label in labels)
    claims = {c.text for c in bundle.claims.values()}
    assert not any("read a Second time" in c or "Brought up" in c for c in claims)
    reported = [p for p in bundle.positions.values() if bundle.stakeholders[p.stakeholder].label == "Widget Users Association"]
    assert reported and bundle.claims[reported[0].claim].text.startswith("Recall notices reach fewer than one in five")


def test_a_rendered_motion_and_the_side_each_party_sits_on():
    reading = read_debate(parse_text(RENDERED))
    (motion,) = reading.questions
    assert motion.claim == "This House calls on the Government to abolish the widget levy"
    assert motion.side == "opposition" and reading.government == "Labour Party"  # "This Labour Government"
    got = stances(reading)
    assert got[("Ann Page", "motion")] == ("support", "debate:side")
    assert got[("Bob Reid", "motion")] == ("oppose", "debate:side")
    assert got[("Cara Lund", "motion")] == ("support", "debate:says")


COMMONS_DIVISION = """Widget Levy

Opposition Day

Ann Page (Barchester) (Con)
I beg to move, That this House calls on the Government to abolish the widget levy.

Bob Reid (Wexcombe) (Lab)
The levy pays for the safety inspections that every small firm relies on, and this House should keep it.

Question put, That the original words stand part of the Question.

The House divided: Ayes 3, Noes 2.

Division No. 7]

AYES

Page, rh Ann

Lund, Cara

Tellers for the Ayes:

Dan Hope and

Eve Stone

NOES

Reid, Bob

Tellers for the Noes:

Fay Gill and

Gus Holt
"""


def test_division_lists_read_right_honourables_and_tellers():
    """'rh' (right honourable) before a forename, and the tellers' 'A and' / 'B' lines, are voters too."""
    reading = read_debate(parse_text(COMMONS_DIVISION))
    votes = {s.member.name: s.stance for s in reading.stances if s.rule == "debate:division"}
    assert votes == {"Ann Page": "support", "Cara Lund": "support", "Dan Hope": "support", "Eve Stone": "support",
                     "Bob Reid": "oppose", "Fay Gill": "oppose", "Gus Holt": "oppose"}
    spans = {s.member.name: COMMONS_DIVISION[s.spans[0][0]:s.spans[0][1]] for s in reading.stances if s.rule == "debate:division"}
    assert spans["Dan Hope"] == "Dan Hope" and spans["Ann Page"] == "Page, rh Ann"


WEBSITE_DIVISION = """New Clause 2

Annual widget report

Brought up, and read the First time.

Ann Page (Barchester) (Con)
I beg to move, That the clause be read a Second time.

Question put, That the clause be read a Second time.

Division 4

Ayes: 1

Noes: 2

Ayes

Page, Ann

Noes

Reid, Bob

Lund, Cara

Question accordingly negatived.
"""


def test_a_division_as_the_hansard_website_lays_it_out():
    """'Division 4' / 'Ayes: 1' / 'Noes: 2', then the lists under 'Ayes' and 'Noes'."""
    reading = read_debate(parse_text(WEBSITE_DIVISION))
    votes = {s.member.name: (s.question.key, s.stance) for s in reading.stances if s.rule == "debate:division"}
    assert votes == {"Ann Page": ("new clause 2", "support"), "Bob Reid": ("new clause 2", "oppose"),
                     "Cara Lund": ("new clause 2", "oppose")}


LEADING = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Public Bill Committee

Harbour Dues Bill

Jane Hollis (Westmere) (Lab)
Does the hon. Gentleman not accept that charging dues on every small boat would drive the inshore fleet out of the harbour?

Tom Brough (Eastcliff) (Con)
Does the Minister intend to publish the tariff before Report stage?

Tom Brough
Would she agree that if dues are wrong for small boats, they are wrong for yachts too?
"""


def test_a_leading_question_asserts_its_answer_and_an_open_question_asserts_nothing() -> None:
    b = extract_text(LEADING, name="sitting.txt")
    held = {(b.stakeholders[p.stakeholder].label, p.stance.value, b.claims[p.claim].text) for p in b.positions.values()}
    assert any(h == "Jane Hollis" and s == "support" and "drive the inshore fleet out" in c for h, s, c in held), held
    assert not any("tariff" in c for _h, _s, c in held)  # a request for information
    assert not any("yachts" in c for _h, _s, c in held)  # a conditional is no assertion of its consequence


def test_supporting_the_principle_of_a_new_clause_is_supporting_it() -> None:
    from stancegraph.loaders.extract.genres.questions import says
    assert [(st, obj) for st, obj, _ in says("I rise to support the principle of the new clause.")] == [("support", "the new clause")]


THEY_SAY = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Harbour Dues

The Parliamentary Under-Secretary of State for Transport (Anna Reid)
The settlement gives every harbour authority three years of certainty.

The Minister for Maritime (Carl Dunn)
We will publish the tariff guidance in the spring.

Jane Hollis (Westmere) (Lab)
They say that they have given harbours three years of certainty. The Minister says that a cap without funding is no cap at all. In Westmere, the harbour board has told me that it will close the slipway in May.
"""


def test_they_is_never_the_speaker_and_the_minister_is_the_last_to_speak() -> None:
    b = extract_text(THEY_SAY, name="debate.txt")
    held = {(b.stakeholders[p.stakeholder].label, b.claims[p.claim].text) for p in b.positions.values()}
    assert not any(h == "Jane Hollis" and "three years of certainty" in c for h, c in held), held
    assert any(h == "Carl Dunn" and "cap without funding" in c for h, c in held), held
    assert not any(h.startswith("In Westmere") for h, _c in held), held


LORDS = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Moorland Water Bill
Second Reading

3.07 pm

Moved by Lord Harwell

That the Bill be now read a second time.

The Minister of State, Department for Environment, Food and Rural Affairs (Lord Harwell) (Lab)
My Lords, I beg to move that the Bill be now read a second time. The Government do not accept that draining the
moors is a form of conservation. The board will publish its reasons for every order it makes.

The Earl of Fenby (Con)
My Lords, I declare my interest as the owner of an estate on Fenby Moor. But I cannot support Clause 3 as drafted.
Managed burning keeps the fuel load down, and the fires of 2025 were on unmanaged ground where nobody had burned.

The Lord Bishop of Wexcombe
My Lords, I cannot agree with the noble Earl, Lord Fenby, that the moor is better burned than wet.

Baroness Tull (LD)
My Lords, from these Benches we support the Bill and will not oppose its Second Reading, because the moors need it.

Bill read a second time.
"""


def test_a_lords_debate_reads_peers_by_their_titles_and_gives_no_one_a_side_they_did_not_take() -> None:
    b = extract_text(LORDS, name="lords.txt")
    rows = {(b.stakeholders[p.stakeholder].label, p.stance.value, b.claims[p.claim].text) for p in b.positions.values()}
    holders = {h for h, _s, _c in rows}
    assert {"Lord Harwell", "Earl of Fenby", "Lord Bishop of Wexcombe", "Baroness Tull"} <= holders, holders
    motion = "The Bill be now read a second time"
    assert ("Lord Harwell", "support", motion) in rows
    assert {("Lord Harwell", "oppose", "Draining the moors is a form of conservation"),
            ("Government", "oppose", "Draining the moors is a form of conservation")} & rows, rows
    # "I cannot support Clause 3 as drafted" is about a part of the Bill, not the question; and a Conservative peer
    # is not put against a Second Reading by the side he sits on
    assert not any(h == "Earl of Fenby" and c == motion for h, _s, c in rows), rows
    assert ("Lord Bishop of Wexcombe", "oppose", "The moor is better burned than wet") in rows
    assert not any("declare" in c or "my interest" in c for _h, _s, c in rows), rows


PETITION = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Westminster Hall

[Mr Ian Coll in the Chair]

Pond Safety

4.30 pm

Jo Wren (Eastly) (Lab)
I beg to move,

That this House has considered e-petition 700001 relating to fencing around village ponds.

I open this debate on behalf of the Petitions Committee. The petition has been signed by 104,000 people. It reads:

“Every village pond in England should be fenced by law. Children drown in unfenced village ponds in England every summer.”

Mr Tom Keel (Southby) (Con)
I support the principle of the petition, and I have seen what an unfenced pond can do to a family.

Sam Ode (Northby) (LD)
I do, however, have reservations about the petition's central ask, because fences keep out the wildlife that ponds are for.

The Parliamentary Under-Secretary of State for Environment (Ana Birch)
The Government will publish guidance on pond safety this summer, and councils will decide which ponds need fencing.

Question put and agreed to.
"""


def test_a_petition_quoted_in_full_is_the_petitioners_and_the_petition_is_what_members_take_sides_on() -> None:
    b = extract_text(PETITION, name="westminster-hall.txt")
    rows = {(b.stakeholders[p.stakeholder].label, p.stance.value, b.claims[p.claim].text) for p in b.positions.values()}
    ask = "Every village pond in England should be fenced by law"
    assert ("Petitioners", "support", ask) in rows, rows
    assert ("Petitioners", "support", "Children drown in unfenced village ponds in England every summer") in rows, rows
    assert ("Tom Keel", "support", ask) in rows, rows
    assert ("Sam Ode", "oppose", ask) in rows, rows
    # a motion that the House "has considered" a petition asks nobody to take a side
    assert not any(c.startswith("This House has considered") and h != "Jo Wren" for h, _s, c in rows), rows


def test_a_member_s_argument_is_theirs_without_a_cue_but_their_story_and_courtesies_are_not() -> None:
    text = LORDS.replace("Managed burning keeps the fuel load down, and the fires of 2025 were on unmanaged ground where "
                         "nobody had burned.",
                         "A licence regime is a cheaper and fairer instrument than a criminal offence on every estate. "
                         "Last spring a keeper on my estate was out every night for a week watching a fire line. "
                         "The noble Baroness made a thoughtful speech about the uplands this afternoon.")
    b = extract_text(text, name="lords.txt")
    rows = {(b.stakeholders[p.stakeholder].label, p.stance.value, b.claims[p.claim].text) for p in b.positions.values()}
    assert ("Earl of Fenby", "support",
            "A licence regime is a cheaper and fairer instrument than a criminal offence on every estate") in rows, rows
    assert not any("keeper" in c or "thoughtful" in c for _h, _s, c in rows), rows


OFFICIAL_REPORT = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Meeting of the Parliament

Ferry Services

The Presiding Officer (Ann Reid): The next item of business is a debate on motion S6M-00100, on ferry services.

The Cabinet Secretary for Transport (Neil Orr): I am pleased to open this debate. Island communities depend on reliable
ferries, and the new vessels will enter service next year.

I move,

That the Parliament recognises the importance of reliable ferry services to island communities.

The Deputy Presiding Officer (Liam Bruce): I call Jean Kerr to speak to and move amendment S6M-00100.1.

Jean Kerr (Western Isles) (Con): The vessels are five years late and three times over budget, and islanders have paid
the price for it.

I move amendment S6M-00100.1, to insert at end "; believes that ferry contracts should be tendered to private
operators".

Tom Lyle (Fife North) (Lab): We will not support the Conservative amendment. Tendering would break up the network.

Fay Moss (Kintyre) (Con): I support the amendment in Jean Kerr's name.
"""


def test_the_official_report_reads_inline_speakers_motions_and_numbered_amendments() -> None:
    b = extract_text(OFFICIAL_REPORT, name="meeting.txt")
    rows = {(b.stakeholders[p.stakeholder].label, p.stance.value, b.claims[p.claim].text) for p in b.positions.values()}
    motion = "The Parliament recognises the importance of reliable ferry services to island communities"
    amendment = "This Parliament believes that ferry contracts should be tendered to private operators"
    assert ("Neil Orr", "support", motion) in rows, rows
    assert ("Jean Kerr", "support", amendment) in rows, rows
    assert ("Tom Lyle", "oppose", amendment) in rows, rows
    assert ("Fay Moss", "support", amendment) in rows, rows
    assert not any(h in ("Ann Reid", "Liam Bruce", "The Chair", "The Inquiry") for h, _s, _c in rows), rows
    assert any(h == "Jean Kerr" and c.startswith("The vessels are five years late") for h, _s, c in rows), rows
    parties = {b.stakeholders[p.stakeholder].label: b.stakeholders[p.stakeholder].member_of for p in b.positions.values()}
    assert any("conservative" in m for m in parties["Jean Kerr"]), parties
    assert any("government" in m for m in parties["Neil Orr"]), parties  # a Cabinet Secretary speaks for the Government


REASONED = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Canal Boats Bill
Second Reading

The Secretary of State for Transport (Ruth Dale)
I beg to move, That the Bill be now read a Second time.

The Bill gives every licensed boat a mooring right, and it is long overdue.

Tom Bray (Westfield) (Con)
I beg to move an amendment, to leave out from "That" to the end of the Question and add:

"this House, while recognising that boaters need secure moorings, declines to give a Second Reading to the Canal Boats
Bill because it takes towpaths from farmers without compensation."
"""


def test_a_reasoned_amendment_s_claim_is_its_operative_words() -> None:
    b = extract_text(REASONED, name="second-reading.txt")
    rows = {(b.stakeholders[p.stakeholder].label, p.stance.value, b.claims[p.claim].text) for p in b.positions.values()}
    moved = [c for h, s, c in rows if h == "Tom Bray" and s == "support" and "declines" in c]
    assert moved and moved[0].startswith("This House declines to give a Second Reading to the Canal Boats Bill"), rows


def test_a_members_two_line_intervention_is_a_turn_and_the_government_is_the_one_at_the_dispatch_box() -> None:
    text = PETITION.replace(
        "The Parliamentary Under-Secretary of State for Environment (Ana Birch)\n",
        "Sam Ode\nWill the Minister give way?\n\nThe Parliamentary Under-Secretary of State for Environment (Ana Birch)\n"
        "In Scotland, the Scottish Government fenced every pond in two years. ").replace(
        "and councils will decide which ponds need fencing.",
        "and councils will decide which ponds need fencing. The Government do not accept that a national law is needed.")
    b = extract_text(text, name="westminster-hall.txt")
    rows = {(b.stakeholders[p.stakeholder].label, p.stance.value, b.claims[p.claim].text) for p in b.positions.values()}
    assert not any(h == "Scottish Government" and "national law" in c for h, _s, c in rows), rows
    assert any(h in ("Government", "Ana Birch") and s == "oppose" and c == "A national law is needed" for h, s, c in rows), rows
    themes = {t.label for t in b.themes.values()}
    assert not any("give way" in t for t in themes), themes


def test_an_amendment_that_only_inserts_at_the_end_does_not_contradict_the_motion() -> None:
    from stancegraph.loaders.extract.genres.questions import read_questions
    from stancegraph.loaders.extract.genres.hansard import Roster, relabel
    text = OFFICIAL_REPORT.replace("I move amendment S6M-00100.1, to insert at end",
                                   "I move amendment S6M-00100.1, to insert at end") + (
        "\nAnn Bell (Lothian) (Lab): I move amendment S6M-00100.2, to leave out from \"recognises\" to end and insert "
        "\"believes that ferries should be publicly owned\".\n")
    structure = parse_text(text)
    roster = Roster()
    relabel(structure, roster)
    reading = read_questions(structure, roster)
    by_key = {q.key: q for q in reading.questions}
    assert by_key["amendment S6M-00100.1"].contradicts is None
    assert by_key["amendment S6M-00100.2"].contradicts == "motion"


def test_opposing_clauses_of_a_bill_at_second_reading_is_not_opposing_the_bill() -> None:
    text = LORDS.replace("from these Benches we support the Bill and will not oppose its Second Reading, because the moors "
                         "need it.", "On restoration orders, we oppose Clauses 9 to 12 as drafted, because owners lose "
                         "their land.")
    b = extract_text(text, name="lords.txt")
    rows = {(b.stakeholders[p.stakeholder].label, p.stance.value, b.claims[p.claim].text) for p in b.positions.values()}
    assert not any(h == "Baroness Tull" and c == "The Bill be now read a second time" for h, _s, c in rows), rows
    assert any(h == "Baroness Tull" and s == "oppose" and c.startswith("Clauses 9 to 12") for h, s, c in rows), rows
    themes = {t.label for t in b.themes.values()}
    assert not any(t.startswith(("Moved by", "Second Reading")) for t in themes), themes


RECORD = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Plenary - Seventh Senedd

5. Welsh Conservatives Debate: School bus fares

Motion NDM9001 Huw Tregaron

To propose that the Senedd:

1. Notes that school bus fares rose by 12 per cent this year.

2. Calls on the Welsh Government to cap school bus fares at £1.

Amendment 1—Elin Morlais

Delete all and replace with:

To propose that the Senedd:

1. Welcomes the concessionary pass for learners under 19.

16:02

The Deputy Presiding Officer (Dafydd Llan)
I call on Huw Tregaron to move the motion.

Huw Tregaron
Diolch, Dirprwy Lywydd. I move the motion. Families in the valleys cannot afford these fares, and the cap would end that.

Elin Morlais
The Government will be supporting its amendment. We will vote against the motion. On the pass, we support it.

Huw Tregaron
We will vote against amendment 1.

Elin Morlais
The cap would cost £40 million a year that nobody has found.

Voting time

The Deputy Presiding Officer (Dafydd Llan)
Open the vote. Close the vote. In favour 14, no abstentions, 38 against. Therefore the motion is not agreed.

Open the vote. Close the vote. In favour 38, no abstentions, 14 against. Therefore amendment 1 is agreed.
"""


def test_the_senedd_record_reads_bare_name_turns_tabled_motions_and_the_senedd_s_decisions() -> None:
    st = parse_text(RECORD)
    assert [b.speaker for b in st.blocks if b.kind == "speaker"] == [
        "The Deputy Presiding Officer", "Huw Tregaron", "Elin Morlais", "Huw Tregaron", "Elin Morlais",
        "The Deputy Presiding Officer"]
    b = extract_text(RECORD, name="plenary.txt")
    rows = {(b.stakeholders[p.stakeholder].label, p.stance.value, b.claims[p.claim].text) for p in b.positions.values()}
    motion = next(c for _h, _s, c in rows if c.startswith("Calls on the Welsh Government to cap school bus fares"))
    amendment = next(c for _h, _s, c in rows if c.startswith("Welcomes the concessionary pass"))
    assert {("Huw Tregaron", "support", motion), ("Elin Morlais", "support", amendment),
            ("Elin Morlais", "oppose", motion), ("Huw Tregaron", "oppose", amendment),
            ("The Senedd", "oppose", motion), ("The Senedd", "support", amendment)} <= rows, rows
    # "On the pass, we support it": "it" is the pass, not the motion; the chair holds nothing
    assert ("Elin Morlais", "support", motion) not in rows, rows
    assert not any(h.startswith(("The Deputy Presiding Officer", "Dafydd Llan")) for h, _s, _c in rows), rows
    assert any(h == "Elin Morlais" and c.startswith("The cap would cost") for h, _s, c in rows), rows


def test_a_claim_before_the_speaker_s_vote_in_one_sentence_is_still_read() -> None:
    text = RECORD.replace("The cap would cost £40 million a year that nobody has found.",
                          "The Liberal Democrats support free travel for learners in principle, and we will vote against the motion.")
    b = extract_text(text, name="plenary.txt")
    rows = {(b.stakeholders[p.stakeholder].label, p.stance.value, b.claims[p.claim].text) for p in b.positions.values()}
    assert ("Liberal Democrats", "support", "Free travel for learners in principle") in rows, rows  # the party she speaks for
    assert any(h == "Elin Morlais" and s == "oppose" and c.startswith("Calls on the Welsh Government to cap") for h, s, c in rows), rows


DAIL = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Private Members' Business - Hospital Car Parking Charges: Motion [Private Members]

Deputy Aoife Brennan: I move:

"That Dáil Éireann:
notes that hospital car parking charges have risen by 30 per cent since 2023;
calls on the Government to abolish car parking charges at all public hospitals by January 2027."

I wish to share time with Deputies Cathal Moran and Nuala Keane. Patients should not pay to visit their own hospital.

Minister of State at the Department of Health (Deputy Ronan Fitzgerald): I move amendment No. 1:

To delete all words after "That Dáil Éireann" and substitute the following:
"welcomes the cap of €10 a day on car parking charges at public hospitals from 2026."

The Government cannot support the motion. Abolition would cost hospitals €40 million a year.

Deputy Cathal Moran: I support the motion. The cap is not enough.

Deputy Nuala Keane: The Social Democrats will support the motion and oppose the amendment.

An Leas-Cheann Comhairle: The debate is adjourned.

Amendment put.

The Dáil divided: Tá, 78; Níl, 64.

Tá
Fitzgerald, Ronan.
Walsh, Peter.

Níl
Brennan, Aoife.
Moran, Cathal.
Keane, Nuala.

Tellers: Tá, Deputies Peter Walsh and Ronan Fitzgerald; Níl, Deputies Aoife Brennan and Cathal Moran.

Amendment declared carried.

Motion, as amended, agreed to.
"""


def test_the_dail_record_reads_moved_texts_the_amendment_that_replaces_the_motion_and_the_division() -> None:
    b = extract_text(DAIL, name="dail.txt")
    rows = {(b.stakeholders[p.stakeholder].label, p.stance.value, b.claims[p.claim].text) for p in b.positions.values()}
    motion = "Calls on the Government to abolish car parking charges at all public hospitals by January 2027"
    amendment = next(c for _h, _s, c in rows if c.startswith("Welcomes the cap of €10 a day"))
    assert {("Aoife Brennan", "support", motion), ("Ronan Fitzgerald", "support", amendment),
            ("Ronan Fitzgerald", "oppose", motion), ("Cathal Moran", "support", motion),
            ("Peter Walsh", "support", amendment), ("Nuala Keane", "oppose", amendment),
            ("Dáil Éireann", "support", amendment)} <= rows, rows
    assert not any("share time" in c.casefold() for _h, _s, c in rows), rows
    assert not any(h.startswith(("An Leas-Cheann Comhairle", "Minister of State")) for h, _s, _c in rows), rows
    contra = {b.claims[c].text for cl in b.claims.values() if cl.text == amendment for c in cl.contradicts}
    assert motion in contra  # the amendment deletes all words after "That Dáil Éireann": the motion's opposite


def test_a_member_named_with_ms_the_amendment_agreed_and_a_vote_against_one_amendment_only() -> None:
    text = re.sub(r"(?m)^(Huw Tregaron|Elin Morlais)$", r"\1 MS", RECORD).replace(
        "Therefore amendment 1 is agreed.", "Therefore the amendment is agreed.")
    b = extract_text(text, name="plenary.txt")
    rows = {(b.stakeholders[p.stakeholder].label, p.stance.value, b.claims[p.claim].text) for p in b.positions.values()}
    motion = next(c for _h, _s, c in rows if c.startswith("Calls on the Welsh Government to cap school bus fares"))
    amendment = next(c for _h, _s, c in rows if c.startswith("Welcomes the concessionary pass"))
    assert {("Huw Tregaron", "support", motion), ("Elin Morlais", "support", amendment),
            ("The Senedd", "support", amendment)} <= rows, rows
    # "We will vote against amendment 1" is no vote against his own motion
    assert ("Huw Tregaron", "oppose", motion) not in rows, rows


ASSEMBLY = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Northern Ireland Assembly
Official Report (Hansard)

Private Members' Business

Lough Water Quality

Mr Speaker: The Business Committee has agreed to allow up to one hour and 30 minutes for the debate.

Ms Carberry: I beg to move

That this Assembly notes with alarm the return of algal blooms to the lough; and calls on the Minister to establish an independent environmental protection agency.

The rules already exist, and nobody enforces them.

Mr Hawthorne: We will oppose the motion.
"""


def test_an_assembly_motion_moved_without_a_comma_is_the_question_members_take_sides_on() -> None:
    b = extract_text(ASSEMBLY, name="assembly.txt")
    rows = {(b.stakeholders[p.stakeholder].label, p.stance.value, b.claims[p.claim].text) for p in b.positions.values()}
    motion = next(c for _h, _s, c in rows if c.startswith("This Assembly notes with alarm"))
    assert ("Carberry", "support", motion) in rows, rows
    assert ("Hawthorne", "oppose", motion) in rows, rows


ASSEMBLY_ASKS = ASSEMBLY.replace(
    "and calls on the Minister to establish an independent environmental protection agency.",
    "calls on the Minister to establish an independent environmental protection agency, and to introduce a moratorium "
    "on new poultry units in the catchment; and further calls on the Executive to buy the bed of the lough.").replace(
    "Mr Hawthorne: We will oppose the motion.",
    "Mr Hawthorne: We will oppose the motion. Nor am I persuaded that we need an independent environmental protection "
    "agency.\n\nMs Kerrigan: We support much of the motion. The moratorium is the part of the motion that worries me "
    "most.")


def test_a_motion_of_several_asks_gives_each_ask_its_own_claim_where_members_meet_it() -> None:
    b = extract_text(ASSEMBLY_ASKS, name="assembly.txt")
    rows = {(b.stakeholders[p.stakeholder].label, p.stance.value, b.claims[p.claim].text) for p in b.positions.values()}
    asks = {c for h, s, c in rows if h == "Carberry" and s == "support" and c.endswith(("agency", "catchment", "lough"))}
    moratorium = "The Minister should introduce a moratorium on new poultry units in the catchment"
    assert {moratorium, "The Executive should buy the bed of the lough"} <= asks, rows
    agency = next(c for c in asks if c.endswith("independent environmental protection agency"))
    # "Nor am I persuaded that we need ...": the negative put first is a doubt, on the ask it doubts
    assert ("Hawthorne", "oppose", agency) in rows, rows
    # "The moratorium is the part of the motion that worries me most": against that ask
    assert ("Kerrigan", "oppose", moratorium) in rows, rows


#: a fictional Canadian committee meeting on a bill, in the ourcommons.ca Evidence layout (tags on lines of their own)
COMMITTEE_ON_A_BILL = """Standing Committee on Transport
EVIDENCE
Bill C-77, An Act respecting ferry safety (Safe Crossings Act)

The Chair (Mr. Paul Ames):
Good morning. Mr. Roy, you have five minutes.
Mr. Denis Roy (President, Coastal Ferry Operators Association):
Thank you, Mr. Chair. We do, however, have two serious concerns. First, clause 6 would fix crew numbers in statute for the first time. Second, the speed limit in clause 9 would add an hour to every crossing. Our members carry 40 million passengers a year.
Ms. Alice Kerr (National President, Ferry Workers Union):
Thank you. We welcome this bill, clause 6 above all. On fatigue, we strongly support clause 11.
Mr. Tom Harris (Port Morien, CPC):
On clause 9, we share the operators' concern. We will be bringing an amendment to replace clause 9 with a risk-based rule.
Mr. Luc Gagnon (Lac-Bleu, BQ):
I would add that the Bloc supports clause 11 as drafted, and the Bloc Québécois will support this bill.
"""


def test_a_committee_on_a_bill_takes_sides_on_its_clauses_and_on_the_bill() -> None:
    """"We strongly support clause 11", a list of concerns ("First, clause 6 would ..."), "On clause 9, we share ...
    concern", an amendment to replace a clause: each a stance on that clause, a question of its own; "the Bloc
    supports" said by a Bloc member is the member's stance; the bill named in the heading is a question too."""
    b = extract_text(COMMITTEE_ON_A_BILL, name="committee.txt")
    rows = {(b.stakeholders[p.stakeholder].label, p.stance.value, b.claims[p.claim].text) for p in b.positions.values()}
    clause = {n: next(c for _h, _s, c in rows if c.startswith(f"Clause {n} of Bill C-77")) for n in ("6", "9", "11")}
    assert clause["9"] == "Clause 9 of Bill C-77: the speed limit", clause
    assert ("Coastal Ferry Operators Association", "oppose", clause["6"]) in rows, rows
    assert ("Coastal Ferry Operators Association", "oppose", clause["9"]) in rows, rows
    assert ("Ferry Workers Union", "support", clause["6"]) in rows, rows
    assert ("Ferry Workers Union", "support", clause["11"]) in rows, rows
    assert ("Tom Harris", "oppose", clause["9"]) in rows, rows
    assert ("Luc Gagnon", "support", clause["11"]) in rows, rows
    assert ("Luc Gagnon", "support", "Bill C-77 (Safe Crossings Act)") in rows, rows
    assert ("Ferry Workers Union", "support", "Bill C-77 (Safe Crossings Act)") in rows, rows
    # the member's party is read from "(Riding, Party)" on a tag of its own
    harris = next(s for s in b.stakeholders.values() if s.label == "Tom Harris")
    assert any(b.stakeholders[g].label == "Conservative Party of Canada" for g in harris.member_of), harris
    # a witness's sentence about a clause stays a claim of its own, never merged into the clause
    assert not any(c.startswith("First, clause 6") and c in clause.values() for _h, _s, c in rows)
    # nobody both supports and opposes one claim
    assert not {(h, c) for h, s, c in rows if s == "support"} & {(h, c) for h, s, c in rows if s == "oppose"}


def test_a_committee_meeting_with_its_tags_inline_is_read_as_the_same_sitting() -> None:
    """The same meeting with each tag at the start of its paragraph ("Mr. Tom Harris (Port Morien, CPC): ...") is a
    sitting as well: the same clause questions and sides."""
    inline = re.sub(r"^((?:The Chair|Mr\.|Ms\.)[^\n]*\):)\n", r"\1 ", COMMITTEE_ON_A_BILL, flags=re.M)
    assert inline != COMMITTEE_ON_A_BILL and "(Port Morien, CPC): On clause 9" in inline
    b = extract_text(inline, name="committee.txt")
    rows = {(b.stakeholders[p.stakeholder].label, p.stance.value, b.claims[p.claim].text) for p in b.positions.values()}
    nine = "Clause 9 of Bill C-77: the speed limit"
    assert ("Coastal Ferry Operators Association", "oppose", nine) in rows, rows
    assert ("Tom Harris", "oppose", nine) in rows, rows
    assert ("Luc Gagnon", "support", "Bill C-77 (Safe Crossings Act)") in rows, rows
