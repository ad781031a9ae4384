"""Genre readers (loaders/extract/genres/): each genre's structure says who holds a position.

The documents here are fictional, written for these tests in the layout of their genre. Expected holders and
stances are read off the text by hand. (The debate reader has its own file, test_debate.py; the corpus and the
fictional development documents are scored in tests/quality/.)
"""

from __future__ import annotations

from stancegraph.graph.model.records import Bundle
from stancegraph.loaders.documents.structure import parse_text
from stancegraph.loaders.extract import extract_text
from stancegraph.loaders.extract.genres import detect_genre
from stancegraph.loaders.extract.genres.statement import statement_author
from stancegraph.graph.model.records import new_document

from conftest import CORPUS, need_shared

HEARING = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Submissions on Behalf of the Harbour Residents' Association, the Quay Traders' Guild and Seaside Care Trust by Ms Penrose KC
-----------------------------------------------------------------------------------------------------------------------------

**Ms Penrose**: My Lady, I appear on behalf of three organisations.

The Inquiry should examine why the harbour wall was never raised after the 2014 storm.

Far too many older residents were left without any warning because the siren had failed for years.

Submissions on Behalf of the Harbour Board by Mr Drury
------------------------------------------------------

**Mr Drury**: The Board takes a different view. It does not accept that the siren had failed before the night of the flood.

**Lady Marsh**: Thank you, Mr Drury.
"""

ENGAGEMENT = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

What we heard

1. About this report

We asked people about two proposals:

- moving the walk-in centre from Eastport to Westbridge;
- opening a pharmacy hub in Eastport.

2. The walk-in centre

People in Eastport

People in Eastport told us that the journey to Westbridge would be too long for anyone without a car. Many said they were worried about the last bus.

Young people

Young people we spoke to welcomed the move, because Westbridge is better served by late trains.
"""

STATEMENT = """STATEMENT OF MARIA OKONJO

Ms. Okonjo. Thank you, Madam Chair. My name is Maria Okonjo, and I am the Director of the Coastal Fisheries Alliance.

We believe that the quota system has failed small boats. The Committee should require landing data to be published every week.
"""

COMMITTEE = """House of Commons
Marine Affairs Committee
Second Report of Session 2031-32

Summary

The Coastal Fisheries Alliance told us that weekly landing data would help small boats. We recommend that the Government publish landing data every week.
"""


def held(b: Bundle) -> set[tuple[str, str, str]]:
    return {(b.stakeholders[p.stakeholder].label, p.stance.value, b.claims[p.claim].text) for p in b.positions.values()}


def test_the_genre_is_read_from_the_structure():
    doc = new_document("x.txt")
    assert detect_genre(parse_text(HEARING), doc) == "transcript"
    assert detect_genre(parse_text(ENGAGEMENT), doc) == "report"
    assert detect_genre(parse_text(STATEMENT), doc) == "statement"
    assert detect_genre(parse_text(COMMITTEE), doc) == "committee"


def test_a_submission_is_held_by_every_organisation_counsel_speaks_for():
    b = extract_text(HEARING, name="harbour-hearing.rst")
    rows = held(b)
    ask = [r for r in rows if r[2].startswith("The Inquiry should examine why the harbour wall")]
    assert {r[0] for r in ask} == {"Harbour Residents' Association", "Quay Traders' Guild", "Seaside Care Trust"}
    # an evaluative statement with no cue of its own is the clients' too (rule turn:assertion)
    assert any(r[0] == "Seaside Care Trust" and "siren had failed for years" in r[2] for r in rows)
    # 'It does not accept that ...' in the Board's submission is the Board's denial
    assert ("Harbour Board", "oppose", "The siren had failed before the night of the flood") in rows
    # counsel and the chair hold nothing of their own
    assert not {r[0] for r in rows} & {"Ms Penrose", "Mr Drury", "Lady Marsh", "The Chair"}


def test_an_engagement_report_gives_each_group_a_stance_on_the_proposal_its_section_discusses():
    b = extract_text(ENGAGEMENT, name="walk-in-centre.md")
    on_move = {(r[0], r[1]) for r in held(b) if r[2].startswith("Moving the walk-in centre from Eastport to Westbridge")}
    assert ("People in Eastport", "oppose") in on_move  # a journey too long, worries about the last bus
    assert ("Young people we spoke to", "support") in on_move or ("Young people", "support") in on_move
    rules = {p.rule for p in b.positions.values()}
    assert any(r.startswith("proposal:") for r in rules)


QUOTED = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

What we heard

Staff at Eastport Hospital

Many staff told us that the night rota cannot be sustained. Some told us that they felt the unit was not safe at night.

“I want the Board to keep a doctor on site overnight, whatever else changes.”
– participant, Eastport staff session
"""


def test_a_set_apart_quotation_speaks_for_the_group_the_report_quotes_it_for():
    b = extract_text(QUOTED, name="report.txt")
    rows = held(b)
    # the section's heading names the group: "Many staff" is that group, not the lexicon's generic "Workers"
    assert any(r[0] == "Staff at Eastport Hospital" and "night rota" in r[2] for r in rows), rows
    # the quotation's own cue ("I want ...") is the group's, never the report's authors'
    doctor = {r[0] for r in rows if "doctor on site" in r[2]}
    assert doctor and all("staff at eastport hospital" in h.casefold() for h in doctor), rows
    assert not any(s.label.startswith("Authors") for s in b.stakeholders.values())
    # the attribution line is no position of its own
    assert not any("staff session" in r[2] for r in rows)


def test_a_testimony_is_read_in_its_witness_voice():
    assert statement_author(parse_text(STATEMENT)) == ("Maria Okonjo", "Coastal Fisheries Alliance")
    b = extract_text(STATEMENT, name="okonjo.txt")
    holders = {b.stakeholders[p.stakeholder] for p in b.positions.values()}
    assert {h.label for h in holders} == {"Maria Okonjo"}
    (okonjo,) = holders
    assert [b.stakeholders[m].label for m in okonjo.member_of] == ["Coastal Fisheries Alliance"]


def test_a_committee_report_is_the_committees_voice_and_its_witnesses():
    rows = held(extract_text(COMMITTEE, name="marine-report.txt"))
    assert ("Marine Affairs Committee", "support", "The Government publish landing data every week") in rows
    assert any(r[0] == "Coastal Fisheries Alliance" and "weekly landing data" in r[2].casefold() for r in rows)


def test_the_corpus_hearing_gives_each_submission_to_its_organisations():
    from stancegraph.loaders import load_path

    b = load_path(need_shared(CORPUS / "covid-inquiry-module6-2024-03-19-preliminary-hearing.rst"))
    holders = {b.stakeholders[p.stakeholder].label for p in b.positions.values()}
    # "Submissions on Behalf of National Care Forum, Homecare Association and Care England by Dr Townson"
    assert {"National Care Forum", "Homecare Association", "Care England"} <= holders
    assert "The literature" not in holders and "Dr Townson" not in holders


CLIENTS = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Submissions on Behalf of the Harbour Residents' Association by Ms Penrose KC

Turning to my first topic, the structure of the module, as you've heard, my Lady, the group invites the Inquiry to hold a separate hearing on the harbour wall.
"""

NUMBERED = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

What we heard

5.4 The Harbour Action Group argued that the Board had not made the case for closing the quay.
"""


def test_counsel_speaking_of_the_group_speaks_for_the_clients_named_in_the_heading() -> None:
    b = extract_text(CLIENTS, name="hearing.txt")
    held = {(b.stakeholders[p.stakeholder].label, b.claims[p.claim].text) for p in b.positions.values()}
    assert any(h == "Harbour Residents' Association" and "separate hearing" in c for h, c in held), held


JOINT = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Submissions on Behalf of the Harbour Bereaved Families and the Quay Traders' Guild by Ms Penrose KC
----------------------------------------------------------------------------------------------------

**Ms Penrose**: My Lady, the families we represent say that the harbour wall should have been raised after the 2014 storm.

Our clients invite the Inquiry to examine why the siren had failed for years.
"""


def test_counsel_naming_one_of_several_clients_speaks_for_that_client_alone() -> None:
    rows = held(extract_text(JOINT, name="hearing.rst"))
    wall = {r[0] for r in rows if "harbour wall" in r[2]}
    siren = {r[0] for r in rows if "siren" in r[2]}
    assert wall == {"Harbour Bereaved Families"}, rows
    assert siren == {"Harbour Bereaved Families", "Quay Traders' Guild"}, rows


def test_a_paragraph_number_is_not_part_of_the_holder() -> None:
    b = extract_text(NUMBERED, name="report.txt")
    assert "Harbour Action Group" in {s.label for s in b.stakeholders.values()}


PROPOSALS = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Riverside Libraries: what residents told us

1. About this report

1.1 Between May and July 2026, Riverside Borough Council asked residents what they thought of the library service. The proposals were set out in our consultation document and covered three changes:

• closing the Mill Lane branch on Saturday afternoons;
• replacing the mobile library with a home delivery service; and
• opening the Central Library on Sunday mornings.

2. Mill Lane

2.1 Parents of young children told us that Saturday afternoons were the only time they could visit, and that closing Mill Lane would be a loss.
"""


def test_the_body_that_puts_proposals_forward_supports_each_of_them() -> None:
    b = extract_text(PROPOSALS, name="consultation.txt")
    council = [(b.claims[p.claim].text, p.stance.value) for p in b.positions.values()
               if b.stakeholders[p.stakeholder].label == "Riverside Borough Council"]
    assert len(council) == 3, council
    assert all(stance == "support" for _, stance in council)
    assert any("Sunday mornings" in claim for claim, _ in council)
    # asking residents what they thought is a question, not a call for anything
    assert not any("what they thought" in b.claims[p.claim].text for p in b.positions.values())


def test_counsel_signposts_and_courtesies_in_a_hearing_are_no_positions() -> None:
    text = HEARING.replace("The Inquiry should examine why", "Can I touch now, please, on the issue of the harbour wall. "
                           "Let me turn to the siren and the warnings that failed. The Inquiry should examine why")
    b = extract_text(text, name="hearing.txt")
    claims = [b.claims[p.claim].text for p in b.positions.values()]
    assert any("harbour wall was never raised" in c for c in claims), claims
    assert not any("touch now" in c or "turn to the siren" in c.casefold() for c in claims), claims


ACRONYMS = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Harbour defences

Summary

1. According to the Coastal Landowners' Federation (CLF), the sea wall "has outlived its design life". Dr Ama Osei, policy director of the CLF, told us that the wall should be raised by a metre.

2. The CLF argued that the cost should fall on the Treasury. The Port Users' Association and the Harbour Residents' Group (HRG) disagreed. The HRG said that the port should pay its share.
"""


def test_an_organisation_and_its_acronym_are_one_stakeholder() -> None:
    b = extract_text(ACRONYMS, name="report.txt")
    labels = {s.label for s in b.stakeholders.values()}
    assert "Coastal Landowners' Federation" in labels and "CLF" not in labels, labels
    assert "Harbour Residents' Group" in labels and "HRG" not in labels, labels
    clf = next(s for s in b.stakeholders.values() if s.label == "Coastal Landowners' Federation")
    held = {b.claims[p.claim].text for p in b.positions.values() if p.stakeholder == clf.id}
    assert any("Treasury" in c for c in held) and any("design life" in c for c in held), held
    osei = next(s for s in b.stakeholders.values() if s.label == "Ama Osei")
    assert clf.id in osei.member_of


RESPONSES = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Harbour defences

Summary

1. Quayside Foods Ltd, which employs 200 people at its Brennock plant, argued that the quay should stay open at night. Harbourside Cafes disputed this: night traffic had cost them customers.

2. The Coastal Trust argued that the sea wall should be raised by a metre. The Harbour Residents' Group agreed, and noted that the wall was last raised in 1953.
"""


def test_a_named_holder_responding_to_the_claim_just_reported_takes_a_stance_on_it() -> None:
    b = extract_text(RESPONSES, name="report.txt")
    got = {(b.stakeholders[p.stakeholder].label, b.claims[p.claim].text, p.stance.value) for p in b.positions.values()}
    night = next(c for _, c, _ in got if "stay open at night" in c)
    wall = next(c for _, c, _ in got if "raised by a metre" in c)
    assert ("Quayside Foods Ltd", night, "support") in got, got
    assert ("Harbourside Cafes", night, "oppose") in got, got
    assert ("Harbour Residents' Group", wall, "support") in got, got
    # the response's own reason is not a claim about "this"
    assert not any(c.casefold().startswith("this") for _, c, _ in got), got


ONE_SPEAKER = """Local Bus Services (Fictional)

Motion moved on behalf of the Opposition (Lab):

That this House calls on the Government to restore the rural bus grant.

Jane Hollis (Lab)
I beg the House's patience. The rural bus grant must be restored, because villages have lost their only service.
"""


def test_a_sitting_with_one_speaker_line_and_a_motion_is_a_debate() -> None:
    doc = new_document("x.txt")
    assert detect_genre(parse_text(ONE_SPEAKER), doc) == "debate"
    assert detect_genre(parse_text(ENGAGEMENT), doc) == "report"


REBUTTAL = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Submissions on Behalf of the Harbour Families Group by Ms Penrose KC
--------------------------------------------------------------------

**Ms Penrose**: My Lady, the families ask the Inquiry to examine the harbour wall.

Submissions on Behalf of Harbour Water plc by Mr Drury KC
---------------------------------------------------------

**Mr Drury**: Harbour Water accepts that its warning to the harbour master was sent too late.

Ms Penrose said this morning that the storm was not unprecedented. With respect, the rainfall record says otherwise.
"""


def test_counsel_named_later_speaks_for_the_clients_and_the_record_says_otherwise_rebuts() -> None:
    b = extract_text(REBUTTAL, name="hearing.rst")
    rows = held(b)
    storm = {(h, s) for h, s, c in rows if "storm" in c.casefold()}
    assert ("Harbour Families Group", "oppose") in storm and ("Harbour Water plc", "support") in storm, rows
    assert "Ms Penrose" not in {h for h, _s, _c in rows}
    # 'Harbour Water' in the text is the 'Harbour Water plc' of the heading: one stakeholder
    assert [s.label for s in b.stakeholders.values() if s.label.startswith("Harbour Water")] == ["Harbour Water plc"]


NICKNAME = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Submissions on Behalf of Harbour Bereaved Families for Justice Cymru by Ms Gowan
--------------------------------------------------------------------------------

**Ms Gowan**: My Lady, I appear for the Welsh families.

Finally, the Cymru group invites the Inquiry to consider the closure of the harbour wall inspection service in 2019.
"""


def test_counsel_calling_the_clients_by_a_short_name_speaks_for_them() -> None:
    rows = held(extract_text(NICKNAME, name="hearing.rst"))
    assert {h for h, _s, c in rows if "inspection service" in c} == {"Harbour Bereaved Families for Justice Cymru"}, rows


CAPITALS = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

The Harbour Bridge Collapse Inquiry
Day 4

(10.00 am)

THE CHAIR: Good morning.

Submissions on behalf of Harbour Bridges Ltd by Mr Stone KC

MR STONE: Sir, Harbour Bridges accepts that the 2019 report was not acted on quickly enough. But it does not accept that the collapse was caused by the budget.
"""


def test_but_it_does_not_accept_is_the_company_and_its_short_name_is_the_heading_s() -> None:
    rows = held(extract_text(CAPITALS, name="day4.txt"))
    assert ("Harbour Bridges Ltd", "oppose", "The collapse was caused by the budget") in rows, rows
    assert ("Harbour Bridges Ltd", "support", "The 2019 report was not acted on quickly enough") in rows, rows


CTI = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Opening Statement by Counsel to the Inquiry
-------------------------------------------

**Mr Adeyemi**: The families' position is that the gate failed because it had not been properly maintained.

Submissions on Behalf of the Harbour Families by Ms Penrose KC
--------------------------------------------------------------

**Ms Penrose**: The families wish first to express their deepest sympathy to everyone who lost a home.

Submissions on Behalf of the Harbour Department by Mr Drury KC
--------------------------------------------------------------

**Mr Drury**: The Department wishes first to express its deepest sympathy to the families of those who died.
"""


def test_counsel_to_the_inquiry_reporting_the_families_position_is_not_its_own() -> None:
    rows = held(extract_text(CTI, name="hearing.rst"))
    assert not any(h == "Counsel to the Inquiry" for h, _s, _c in rows), rows
    assert not any("sympathy" in c for _h, _s, c in rows), rows


NOTES = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Summary

The Harbour Residents' Association told us that the harbour wall should be raised.

57

Jane Doe, 'Harbour wall fails again', Harbour Gazette, harbourgazette.co.uk, 15 July 2031. Accessed 24 October 2031.

Facebook's Data Use Policy indicates that users' data may be shared with advertisers.
"""


def test_a_note_under_its_own_number_and_a_document_are_no_positions() -> None:
    rows = held(extract_text(NOTES, name="report.txt"))
    assert any(h == "Harbour Residents' Association" for h, _s, _c in rows), rows
    assert not any("Gazette" in c or h == "Jane Doe" for h, _s, c in rows), rows
    assert not any(h.endswith("Policy") for h, _s, _c in rows), rows


EVIDENCE_SESSION = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Transport Committee

Oral evidence: Rural bus services, HC 901

Members present: Ann Lowe (Chair); Raj Mehta; Dr Sue Platt.

Witnesses

I: Tom Reyes, Chief Executive, Rural Operators' Association; Dr Kate Bell, Director of Policy, Bus Users' Alliance.

II: Lena Hart MP, Minister of State for Roads and Buses, Department for Transport.

Examination of witnesses

Q1 Chair: Welcome. Mr Reyes, are rural routes viable without the fare cap grant, as some have said they are not?

Tom Reyes: They are not. We think the fare cap grant is too small to keep evening services running, and the Government should fund it for five years.

Q2 Raj Mehta: Dr Bell?

Kate Bell: I would take issue with that. The operators cut evening services before the cap came in. We do not accept that the cap caused the cuts.

Q3 Dr Sue Platt: Minister, will you extend the grant?

Lena Hart: We will not fund it for five years. The grant must be reviewed every year.

Tom Reyes: If I may, the Minister is wrong about the cuts.

Kate Bell: Passengers want reliable timetables above all.
"""

WITNESS_DAY = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.
THE CHAIR: Good morning. Ms Orme, your first witness.
MS ORME: Thank you, Chair. We hear today from Mr Paul Vance of the Harbour Board and Mrs Ada Quill of the Quayside Tenants' Association.
MR PAUL VANCE (sworn)
Questions by COUNSEL TO THE INQUIRY
Q. Mr Vance, is it right that the Board's inspections were cut to one a year?
A. It is. I accept the inspections were too infrequent. We think the siren failed because of a fault in the contractor's wiring.
Q. Did the tenants warn you?
A. No. The Board received one letter, and we should have acted on it.
MRS ADA QUILL (affirmed)
Questions by MR DUNN on behalf of the Bereaved Families
Q. Mrs Quill, you give evidence on behalf of the Association?
A. I do.
Q. Was the siren working?
A. It was not. The Board must install a second siren before next winter.
"""


def test_an_evidence_session_gives_each_witness_s_answers_to_the_organisation_the_witness_list_names() -> None:
    st = parse_text(EVIDENCE_SESSION)
    questions = [b for b in st.blocks if b.question]
    assert [b.speaker for b in questions] == ["Chair", "Raj Mehta", "Dr Sue Platt"]  # "Q2 Raj Mehta:" is a turn
    assert not any(b.speaker in ("I", "II") for b in st.blocks)  # a panel's numeral is no speaker
    b = extract_text(EVIDENCE_SESSION, name="session.txt")
    got = held(b)
    holders = {h for h, _, _ in got}
    assert {"Rural Operators' Association", "Bus Users' Alliance", "Department for Transport"} <= holders
    assert not holders & {"Tom Reyes", "Kate Bell", "Lena Hart", "Chair", "Raj Mehta", "Dr Sue Platt"}
    assert any(h == "Rural Operators' Association" and s == "support" and c.startswith("The fare cap grant is too small")
               for h, s, c in got)
    assert ("Bus Users' Alliance", "oppose", "The cap caused the cuts") in got
    assert ("Department for Transport", "support", "The grant must be reviewed every year") in got
    # the members' questions hold nothing, though one asks about what "some have said"
    assert not any("viable" in c for _, _, c in got)


def test_a_witness_examination_gives_answers_to_the_witness_s_organisation_and_questions_to_nobody() -> None:
    st = parse_text(WITNESS_DAY)
    by_text = {st.view(b).text.split(".")[0]: b for b in st.blocks}
    assert by_text["Mr Vance, is it right that the Board's inspections were cut to one a year?"].speaker == "COUNSEL TO THE INQUIRY" \
        if "Mr Vance, is it right that the Board's inspections were cut to one a year?" in by_text else True
    answers = [b for b in st.blocks if b.speaker_span and st.text[b.speaker_span[0]:b.speaker_span[1]].startswith("A.")]
    assert [b.speaker for b in answers] == ["MR PAUL VANCE"] * 2 + ["MRS ADA QUILL"] * 2
    questions = [b for b in st.blocks if b.question]
    assert [b.speaker for b in questions] == ["COUNSEL TO THE INQUIRY"] * 2 + ["MR DUNN"] * 2
    b = extract_text(WITNESS_DAY, name="day.txt")
    got = held(b)
    assert ("Harbour Board", "support", "The inspections were too infrequent") in got  # "I accept P", no "that"
    assert ("Harbour Board", "support", "The siren failed because of a fault in the contractor's wiring") in got
    assert ("Quayside Tenants' Association", "support", "The Board must install a second siren before next winter") in got
    assert not {h for h, _, _ in got} & {"Paul Vance", "Mr Paul Vance", "Ada Quill", "Counsel To The Inquiry", "Mr Dunn", "No. The Board"}


def test_a_text_written_one_paragraph_per_line_is_cut_at_every_line() -> None:
    long = "This sentence is long enough to fill a line that no hard-wrapped text would ever produce here, " * 3
    text = "\n".join(f"Paragraph {k}. {long.strip()}" for k in range(12)) + "\n"
    st = parse_text(text)
    assert len([b for b in st.blocks if b.kind == "paragraph"]) == 12
    wrapped = "\n".join(["A short hard-wrapped line of a report that goes on"] * 12) + "\n"
    assert len(parse_text(wrapped).blocks) == 1  # hard wraps still join


PUT_TO_WITNESS = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.
MS ORME: We hear today from Mr Paul Vance of the Harbour Board and Mrs Ada Quill of the Quayside Tenants' Association.
MR PAUL VANCE (sworn)
Questions by MS ORME
Q. Do you accept that the Board should have replaced the siren battery in 2022?
A. I do accept that.
Q. The Quayside Tenants' Association says that the inspections were perfunctory. Is that right?
A. No. They followed the manual.
Q. Do you accept that the wall was sound, Mr Vance?
A. I accept that, with hindsight, it was not.
MRS ADA QUILL (affirmed)
Q. Mrs Quill, is it right that the inspections were perfunctory?
A. It is.
"""


def test_a_witness_s_yes_or_no_is_a_stance_on_what_the_question_put() -> None:
    got = held(extract_text(PUT_TO_WITNESS, name="day.txt"))
    assert ("Harbour Board", "support", "The Board should have replaced the siren battery in 2022") in got
    assert ("Quayside Tenants' Association", "support", "The inspections were perfunctory") in got  # reported, and "It is."
    assert ("Harbour Board", "oppose", "The inspections were perfunctory") in got  # "No." to the tenants' claim put
    # a qualified acceptance ("I accept that, with hindsight, ...") is not a yes
    assert not any(h == "Harbour Board" and c.startswith("The wall was sound") for h, _s, c in got)


def test_a_witness_s_favourable_statement_without_a_cue_is_a_position_but_counsel_s_is_not() -> None:
    praise = "The weekly landing data scheme has been useful to the small boats of the coast, and skippers like it."
    got = held(extract_text(STATEMENT.replace("The Committee should", praise + " The Committee should"), name="t.txt"))
    assert any(s == "support" and c.startswith("The weekly landing data scheme has been useful")
               for _h, s, c in got)
    submission = HEARING.replace("The Inquiry should examine", praise + " The Inquiry should examine")
    got = held(extract_text(submission, name="harbour-hearing.rst"))
    assert not any(c.startswith("The weekly landing data scheme") for _h, _s, c in got)


def _printed(text: str, width: int = 60, page: int = 25) -> str:
    """`text` as an inquiry transcript prints it: hard-wrapped, every line numbered 1 to `page`, the page's number
    under it."""
    import textwrap

    lines = [w for para in text.split("\n") for w in (textwrap.wrap(para, width) or [""])]
    out = []
    for p, k in enumerate(range(0, len(lines), page), 1):
        out += [f"{n:>2}   {line}".rstrip() for n, line in enumerate(lines[k:k + page], 1)]
        out += [" " * 40 + str(p), ""]
    return "\n".join(out) + "\n"


def test_a_transcript_printed_with_line_numbers_reads_as_the_plain_one() -> None:
    plain = held(extract_text(WITNESS_DAY + PUT_TO_WITNESS.split("\n", 1)[1], name="day.txt"))
    printed_text = _printed(WITNESS_DAY + PUT_TO_WITNESS.split("\n", 1)[1])
    assert printed_text.count("\n 1   ") >= 1 and "Q. " in printed_text
    b = extract_text(printed_text, name="day.txt")
    for p in b.positions.values():  # offsets still exact, and no line number inside a quote
        for ev in p.evidence:
            assert b.documents[p.document].text[ev.start:ev.end] == ev.quote
    assert held(b) == plain and len(plain) >= 5


LONG_HEADINGS = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Submissions on behalf of the Quarry Workers' Families Group, the Dale Residents' Association and the Limestone Safety Trust by Ms Penrose KC

MS PENROSE KC: Chair, I appear for three core participants.

On scope, the Families Group asks that the Inquiry examine the blasting records from 2015.

Submissions on behalf of Stoneway Aggregates Limited by Mr Drury KC

MR DRURY KC: Chair, I appear for Stoneway Aggregates Limited.

On the timetable, the company asks for a September start.
"""


def test_a_submission_heading_naming_many_clients_is_a_heading_and_counsel_s_asides_are_no_holders() -> None:
    st = parse_text(LONG_HEADINGS)
    heading = next(b for b in st.blocks if st.view(b).text.startswith("Submissions on behalf of the Quarry"))
    assert heading.kind == "heading"  # 21 words: longer than a plain heading may be
    got = held(extract_text(LONG_HEADINGS, name="hearing.txt"))
    assert any(h == "Quarry Workers' Families Group" and "blasting records" in c for h, _s, c in got)
    assert any(h == "Stoneway Aggregates Limited" and "September" in c for h, _s, c in got)  # "the company": the client
    assert not {h for h, _s, _c in got} & {"On scope", "On the timetable", "Companies"}


def _paged(pages: list[str]) -> str:
    """Pages as a PDF conversion lays them out: each under a running head, with its number at the foot."""
    head = "Westvale Borough Council                       Depot options: what we heard"
    return "\n\n".join(f"{head}\n\n{body}\n\n{' ' * 60}Page {k} of {len(pages)}" for k, body in enumerate(pages, 1)) + "\n"


OPTIONS_REPORT = _paged([
    "FICTIONAL EXAMPLE. Invented for stancegraph's tests.\n\n1. Summary\n\nWe asked people about three options:\n\n"
    "   -  Option A: close the Mill Road depot and move its crews to the ring road site, with a new\n      shuttle bus for",
    "      every driver;\n\n   -  Option B: share the Mill Road depot with the county council;\n\n"
    "   -  Option C: rebuild the Mill Road depot on its present site.\n\n"
    "2. What we heard about Option A: closing the Mill Road depot\n\n"
    "2.1 Residents in Mill Road\n\nMost parents and residents in Mill Road opposed closure, because the crews would be further away.",
    "3. Written responses\n\nThe Chamber of Trade said that the bus route was already crowded.\n\n"
    "4. What we heard about Option C: rebuilding\n\nThe Depot Workers' Union supported rebuilding on the present site.",
])


def test_an_options_report_laid_out_in_pages_keeps_its_list_and_each_section_s_option() -> None:
    st = parse_text(OPTIONS_REPORT)
    assert not any(b.kind == "heading" and "what we heard" in st.view(b).text and "Depot options" in st.view(b).text
                   for b in st.blocks)  # the running head is noise, though it has no digits
    got = held(extract_text(OPTIONS_REPORT, name="depot.txt"))
    from stancegraph.loaders.extract.proposals import find_proposals
    listed = [p.claim.split(":")[0] for p in find_proposals(st)]
    assert listed == ["Option A", "Option B", "Option C"]  # the list runs over the page break
    assert any(h.casefold().endswith("residents in mill road") and s == "oppose" and c.startswith("Option A") for h, s, c in got)
    assert not any(h.casefold().endswith("residents in mill road") and c.startswith("Option C") for h, _s, c in got)
    assert not any(h == "Chamber of Trade" and c.startswith("Option") for h, _s, c in got)  # its section names none


def test_a_proposal_is_known_by_its_label_and_by_the_short_name_its_heading_gives_it() -> None:
    text = OPTIONS_REPORT.replace(
        "3. Written responses\n\nThe Chamber of Trade said that the bus route was already crowded.",
        "3. What we heard about Option B: sharing\n\nSome residents were worried about lorries.\n\n"
        "4. Written responses\n\nThe Chamber of Trade supported sharing. The Westvale Cycling Group opposed Option A.")
    got = held(extract_text(text, name="depot.txt"))
    assert any(h == "Chamber of Trade" and s == "support" and c.startswith("Option B") for h, s, c in got)
    assert any(h == "Westvale Cycling Group" and s == "oppose" and c.startswith("Option A") for h, s, c in got)


def test_a_proposal_named_with_an_afterthought_is_the_proposal_and_never_a_holder() -> None:
    text = OPTIONS_REPORT.replace(
        "3. Written responses\n\nThe Chamber of Trade said that the bus route was already crowded.",
        "3. Written responses\n\nThe Chamber of Trade opposed Option A in the strongest terms. The Westvale Cycling "
        "Group was opposed to Option A. It said the ring road had no cycle lane.\n\nOption B, sharing, was the most "
        "widely supported option.\n\n   Agree     Neither     Disagree\n\n   Option A    19%    7%    74%")
    got = held(extract_text(text, name="depot.txt"))
    assert any(h == "Chamber of Trade" and s == "oppose" and c.startswith("Option A: close") for h, s, c in got)
    # "Option A." ends the sentence: the next one is not part of the claim
    assert any(h == "Westvale Cycling Group" and s == "oppose" and c.startswith("Option A: close") for h, s, c in got)
    assert not {h for h, _s, _c in got} & {"Option B", "Agree Neither", "Agree Neither Disagree"}


EMPHATIC = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Submissions on behalf of the Port Authority by Mr Vane KC

MR VANE: Chair, I appear for the Port Authority. It does not oppose the inclusion of the 2019 survey. It does oppose the
extension the families seek. Its position is that cost was not the reason for the closure.
"""


def test_it_does_oppose_and_its_position_is_that_are_the_client_s() -> None:
    rows = held(extract_text(EMPHATIC, name="day2.txt"))
    assert ("Port Authority", "oppose", "The extension the families seek") in rows, rows
    assert ("Port Authority", "support", "Cost was not the reason for the closure") in rows, rows
    assert ("Port Authority", "support", "The inclusion of the 2019 survey") in rows, rows


def test_a_witness_s_statement_of_fact_is_a_position_but_what_the_witness_says_of_their_post_is_not() -> None:
    fact = "Two reports of wet ground reached my team from the harbour office, in April and June 2022."
    post = "I have chaired the Residents' Association since 2018, and I speak for it today."
    got = held(extract_text(STATEMENT.replace("The Committee should", f"{fact} {post} The Committee should"), name="t.txt"))
    assert any(s == "support" and c.startswith("Two reports of wet ground reached my team") for _h, s, c in got), got
    assert not any("chaired" in c for _h, _s, c in got), got


def test_what_a_holder_asks_for_is_a_stance_on_it() -> None:
    text = EMPHATIC.replace("Its position is", "What the Port Authority does not accept is that the survey was late. "
                            "What we would like the Inquiry to recommend is that every gate be tested twice a year. Its position is")
    rows = held(extract_text(text, name="day2.txt"))
    assert ("Port Authority", "oppose", "The survey was late") in rows, rows
    assert ("Port Authority", "support", "Every gate be tested twice a year") in rows, rows


WRITTEN_EVIDENCE = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Transport Committee
Rural buses
Written evidence published 2 May 2026

Written evidence submitted by the Rural Bus Alliance (RBU0012)

About us

1.1 The Rural Bus Alliance represents 40 small operators in England.

Response to the Committee's questions

2.1 Fares have risen by a third since 2022 on the routes our members run.[1]

2.2 We support a national fares cap, paid for by the Department.

[1] Alliance survey of members, January 2026.

Written evidence submitted by the County Transport Network (RBU0031)

Summary

3. A national fares cap would cost councils more than it saves passengers.

4. We oppose a national fares cap.
"""


def test_written_evidence_is_each_submitter_s_under_every_sub_heading_but_not_who_they_are() -> None:
    rows = held(extract_text(WRITTEN_EVIDENCE, name="written-evidence.txt"))
    assert ("Rural Bus Alliance", "support", "A national fares cap, paid for by the Department") in rows, rows
    assert ("Rural Bus Alliance", "support", "Fares have risen by a third since 2022 on the routes our members run") in rows, rows
    # the two submitters meet on one claim, on opposite sides
    assert ("County Transport Network", "oppose", "A national fares cap, paid for by the Department") in rows, rows
    assert ("County Transport Network", "support", "A national fares cap would cost councils more than it saves passengers") in rows, rows
    assert not any("represents 40" in c or "survey of members" in c for _h, _s, c in rows), rows


WORKSHOP_NOTES = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

# Ferry review: stakeholder workshop notes

## 1. Workshop 1: Portree, 3 October

### Table 1 (island residents and hauliers)

- Strong feeling against cutting the winter timetable to two sailings a day.
- Losing the early sailing to the mainland was a big worry for shift workers.
- Hauliers: the booking system does not hold space for lorries carrying livestock.

### Table 2 (online, mixed)

- Ferry Users Group: a new vessel should be ordered before any route is cut.

## 2. What we heard

### Summary

- The council and the Ferry Users Group disagreed about the winter timetable.
"""


def test_workshop_notes_give_each_table_its_notes_and_a_named_note_to_who_it_names() -> None:
    rows = held(extract_text(WORKSHOP_NOTES, name="notes.md"))
    by = {(h, s) for h, s, c in rows if "winter timetable to two sailings" in c}
    assert any(h.startswith("Island residents") for h, _s in by), rows  # the table's first group holds its notes
    assert any(s == "oppose" and "early sailing" in c for _h, s, c in rows), rows  # "was a big worry": against it
    assert any(h == "Hauliers" and c.startswith("The booking system does not hold space") for h, _s, c in rows), rows
    assert any("Ferry Users Group" in h and c.startswith("A new vessel should be ordered") for h, _s, c in rows), rows
    # "A and B disagreed about X": with each other, on sides the sentence does not give
    assert not any("disagreed" in c or c == "The winter timetable" for _h, _s, c in rows), rows


CLOSING = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

THE QUAYSIDE FIRE INQUIRY

CLOSING SUBMISSIONS ON BEHALF OF THE QUAYSIDE BEREAVED, SURVIVORS AND RESIDENTS GROUP

A. Introduction

1. It is submitted that the fire at Quayside was not an accident in any meaningful sense.

B. The cladding

2. The landlord replaced the specified panels with a cheaper panel at a saving of some GBP 400,000.

CLOSING SUBMISSIONS ON BEHALF OF HARBOUR HOMES TRUST

A. The cladding

3. The Trust relied on the advice of its architect, who approved the cheaper panel in writing.
"""


def test_written_closing_submissions_are_each_party_s_through_their_lettered_sections() -> None:
    rows = held(extract_text(CLOSING, name="closing.txt"))
    group = "Quayside Bereaved, Survivors and Residents Group"
    assert {(group, "oppose", "The fire at Quayside was an accident in any meaningful sense"),
            (group, "support", "The fire at Quayside was not an accident in any meaningful sense")} & rows, rows
    assert any(h == group and c.startswith("The landlord replaced the specified panels") for h, _s, c in rows), rows
    assert any(h == "Harbour Homes Trust" and c.startswith("The Trust relied on the advice") for h, _s, c in rows), rows


HEARING_GPO = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

                      TUESDAY, MAY 5, 2026

     OPENING STATEMENT OF HON. MARTHA GREELEY, U.S. SENATOR FROM THE
                         STATE OF OREGON

    The Chairman. The Committee will come to order. I am not yet
convinced that a federal ban on drone deliveries is needed.

    I now recognize Mr. Okafor.

      STATEMENT OF DANIEL OKAFOR, PRESIDENT, RURAL PARCEL CARRIERS
                 ASSOCIATION, BOISE, IDAHO

    Mr. Okafor. Thank you, Madam Chairman. We support S. 1180 without
reservation. The voluntary code has failed.

    [The prepared statement of Mr. Okafor follows:]

                  Prepared Statement of Daniel Okafor

    Drone deliveries would cut rural delivery times in half on every
route our members serve.

    Senator Lyle. Mr. Okafor, is the code working?

    Mr. Okafor. It is not. Carriers ignore it whenever it costs them money.

              ADDITIONAL MATERIAL SUBMITTED FOR THE RECORD

                    Skyway Hobby Pilots Alliance
                          Salem, Oregon

    Dear Chairman Greeley:

    The Skyway Hobby Pilots Alliance opposes S. 1180 because the rules
would close the airspace that hobby pilots have used for decades.

    Sincerely,
    Ann Bright, Chair
"""


def test_a_congressional_hearing_gives_witnesses_statements_to_their_organisations_and_letters_to_their_senders() -> None:
    st = parse_text(HEARING_GPO)
    assert [b.speaker for b in st.blocks if b.speaker_span] == ["The Chairman", "Mr. Okafor", "Senator Lyle", "Mr. Okafor"]
    assert sum(b.kind == "heading" and "STATEMENT OF DANIEL OKAFOR" in st.view(b).text for b in st.blocks) == 1
    rows = held(extract_text(HEARING_GPO, name="hearing.txt"))
    carriers = "Rural Parcel Carriers Association"
    assert (carriers, "support", "S. 1180 without reservation") in rows, rows
    # the prepared statement printed under its own heading is the witness's organisation's, as are his answers
    assert any(h == carriers and c.startswith("Drone deliveries would cut rural delivery times") for h, _s, c in rows), rows
    assert any(h == carriers and c.startswith("Carriers ignore it") for h, _s, c in rows), rows
    assert ("Martha Greeley", "oppose", "A federal ban on drone deliveries is needed") in rows, rows  # "not yet convinced"
    assert any(h == "Skyway Hobby Pilots Alliance" and "S. 1180" in c for h, _s, c in rows), rows
    holders = {h for h, _s, _c in rows}
    assert not holders & {"President", "Boise", "Idaho", "Daniel Okafor", "Ann Bright", "Salem"}, holders
    assert not any(c.startswith("Mr. Okafor") for _h, _s, c in rows), rows  # "I now recognize Mr. Okafor" gives the floor


COMMITTEE_MEETING = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Joint Committee on Transport debate - Tuesday, 3 Mar 2026

General Scheme of the Rural Bus Bill 2026: Discussion

Chairman: I wish to advise witnesses of parliamentary privilege. I invite Ms Nolan to make her opening statement.

Ms Aoife Nolan: I thank the Chairman. I am here on behalf of the Rural Riders Network. The Bill should guarantee an hourly bus for every town of 1,000 people.

Mr. Cathal Breen (Department of Transport): The Department does not accept that an hourly guarantee is affordable in the first year.

Chairman: I call Deputy Ryan.

Deputy Sorcha Ryan: I agree with Ms Nolan. The guarantee should be in the Bill.

Mr. Cathal Breen: The cost would be at least €90 million a year, which would have to come from other services.
"""


def test_a_committee_meeting_gives_witnesses_turns_to_the_bodies_they_speak_for_and_the_chair_nothing() -> None:
    st = parse_text(COMMITTEE_MEETING)
    assert [b.speaker for b in st.blocks if b.speaker_span] == [
        "Chairman", "Ms Aoife Nolan", "Mr. Cathal Breen", "Chairman", "Deputy Sorcha Ryan", "Mr. Cathal Breen"]
    rows = held(extract_text(COMMITTEE_MEETING, name="meeting.txt"))
    holders = {h for h, _s, _c in rows}
    assert {"Rural Riders Network", "Department of Transport", "Deputy Sorcha Ryan"} <= holders, rows  # (and
    # "The Department does not accept that ..." is the Government's)
    assert not holders & {"Ms Aoife Nolan", "Mr. Cathal Breen", "The Chair", "Chairman"}, rows
    assert any(h == "Department of Transport" and c.startswith("The cost would be at least") for h, _s, c in rows), rows


SUMMARY_OF_RESPONSES = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

4. Results by question

Business associations mostly opposed a ban on parts pairing (33 of 41). Supporters of a ban on parts pairing
included FIBW, the Open Repair Network and the Metalworkers Union.

The Carers Trust, the Homecare Association and the Danvik Agency warned against a patchwork of national repair labels.
The Federation of Cycle Retailers did not support a cap on spare part prices either.

The Association of Parish and Town Councils supported a national register.
"""


def test_a_summary_of_responses_gives_each_listed_organisation_its_side() -> None:
    rows = held(extract_text(SUMMARY_OF_RESPONSES, name="summary.txt"))
    ban, patchwork = "A ban on parts pairing", "A patchwork of national repair labels"
    assert ("Business associations", "oppose", ban) in rows, rows  # the count "(33 of 41)" is no part of the claim
    assert {("FIBW", "support", ban), ("Open Repair Network", "support", ban), ("Metalworkers Union", "support", ban)} <= rows, rows
    assert {("Carers Trust", "oppose", patchwork), ("Homecare Association", "oppose", patchwork),
            ("Danvik Agency", "oppose", patchwork)} <= rows, rows  # "warned against" opposes
    assert ("Federation of Cycle Retailers", "oppose", "A cap on spare part prices") in rows, rows
    assert any(h == "Association of Parish and Town Councils" for h, _s, _c in rows), rows  # one name, not two


def test_the_thing_a_hearing_is_about_and_a_numbered_head_are_claims() -> None:
    text = COMMITTEE_MEETING.replace("I agree with Ms Nolan. The guarantee should be in the Bill.",
                                     "I support the guarantee. I also support Head 9.")
    text = text.replace("General Scheme of the Rural Bus Bill 2026", "General Scheme of the Rural Bus (Hourly Guarantee) Bill 2026")
    rows = held(extract_text(text, name="meeting.txt"))
    # "the guarantee" names what the Bill is about (and is read as the guarantee another holder's claim names)
    assert any(h == "Deputy Sorcha Ryan" and s == "support" and "guarantee" in c.casefold() for h, s, c in rows), rows
    assert ("Deputy Sorcha Ryan", "support", "Head 9") in rows, rows


def test_a_witness_s_concern_about_a_part_of_the_bill_is_against_it() -> None:
    text = COMMITTEE_MEETING.replace("The Bill should guarantee an hourly bus for every town of 1,000 people.",
                                     "We also have serious concerns about Head 6, which would let councils cut routes.")
    rows = held(extract_text(text, name="meeting.txt"))
    assert ("Rural Riders Network", "oppose", "Head 6") in rows, rows
    assert not any(h == "Rural Riders Network" and s == "support" and "Head 6" in c for h, s, c in rows), rows


COMMONS_EVIDENCE = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Standing Committee on Environment and Sustainable Development

The Chair: Good afternoon. I call the meeting to order.

Mr. Dale Whitmore (Prairie South, CPC): Thank you, Chair. The registry is a burden on small farms and should be scrapped.

Ms. Lena Fraser (Executive Director, Freshwater Watch): Thank you. The registry will protect drinking water for two million people.

Mr. Dale Whitmore: I disagree. Small farms cannot afford another annual report to Ottawa.

Ms. Anne Tremblay (Sherbrooke East, BQ): Quebec already has a registry, and the federal one should not apply in Quebec.

The Chair: Thank you. The meeting is adjourned.
"""


def test_a_commons_committee_s_tags_give_members_their_party_and_witnesses_their_body() -> None:
    b = extract_text(COMMONS_EVIDENCE, name="evidence.txt")
    by_label = {s.label: s for s in b.stakeholders.values()}
    whitmore = by_label["Dale Whitmore"]
    assert any(b.stakeholders[m].label == "Conservative Party of Canada" for m in whitmore.member_of), whitmore
    assert any(b.stakeholders[m].label == "Bloc Québécois" for m in by_label["Anne Tremblay"].member_of)
    rows = held(b)
    assert any(h == "Freshwater Watch" and c.startswith("The registry will protect drinking water") for h, _s, c in rows), rows
    assert not {h for h, _s, _c in rows} & {"Lena Fraser", "Ms. Lena Fraser", "Executive Director"}, rows


STATE_HEARING = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

STATE OF CASCADIA
HOUSE COMMITTEE ON HOUSING
PUBLIC HEARING ON HB 2210

APPEARANCES

MARIA DELGADO, Policy Director, Tenants United of Cascadia
ROBERT HALE, President, Cascadia Landlords Association

PROCEEDINGS

CHAIR NAKAMURA: Good afternoon. We will hear HB 2210 today. Ms. Delgado, please begin.

MS. DELGADO: Thank you, Chair. For the record, my name is Maria Delgado. Rents in Cascadia rose 40 percent in five years. A cap of 7 percent a year would keep families in their homes.

CHAIR NAKAMURA: Thank you. Mr. Hale.

MR. HALE: Thank you. For the record, my name is Robert Hale, and I am the president of the Cascadia Landlords Association. A cap would drive small landlords out of the market.

REPRESENTATIVE BOYLE: Mr. Hale, would a cap of 10 percent be workable?

MR. HALE: No. Any cap reduces the supply of rental housing over time.

REPRESENTATIVE FENWICK: I support the bill. Families cannot absorb these increases.

REP. BOYLE: I move HB 2210 to the floor with a do-pass recommendation.

CHAIR NAKAMURA: The clerk will call the roll. The motion carries, 5 to 4.
"""


def test_a_state_legislature_hearing_reads_its_appearances_members_motion_and_result() -> None:
    rows = held(extract_text(STATE_HEARING, name="hearing.txt"))
    assert any(h == "Tenants United of Cascadia" and c.startswith("A cap of 7 percent") for h, _s, c in rows), rows
    assert any(h == "Cascadia Landlords Association" and c.startswith("A cap would drive") for h, _s, c in rows), rows
    assert ("Representative Fenwick", "support", "HB 2210") in rows, rows  # "the bill" is the bill in hand
    assert ("Rep. Boyle", "support", "HB 2210") in rows or ("Representative Boyle", "support", "HB 2210") in rows, rows
    assert ("The Committee", "support", "HB 2210") in rows, rows  # "The motion carries, 5 to 4."
    assert not {h for h, _s, _c in rows} & {"Maria Delgado", "Robert Hale", "Ms. Delgado", "Mr. Hale"}, rows


OFFICIAL_REPORT_EVIDENCE = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Coastal Affairs Committee

Item 2: Harbour Dues (Scotland) Bill: Stage 1

The Convener (Ailsa Mowat): I welcome our panel: Hamish Laird of the Inshore Fleet Association and Kerry Dunn of Harbour Towns Scotland.

Hamish Laird (Inshore Fleet Association): The flat levy in section 2 would take a fifth of a small boat's income. We oppose the levy as drafted.

Kerry Dunn (Harbour Towns Scotland): We support the levy in section 2, because the piers are crumbling and the councils cannot pay for them alone.

Hamish Laird: The levy should be scaled to the size of the boat.
"""


def test_a_witness_s_first_tag_with_the_body_in_brackets_opens_a_turn_for_that_body() -> None:
    st = parse_text(OFFICIAL_REPORT_EVIDENCE)
    assert [b.speaker for b in st.blocks if b.speaker_span] == [
        "The Convener", "Hamish Laird", "Kerry Dunn", "Hamish Laird"]
    rows = held(extract_text(OFFICIAL_REPORT_EVIDENCE, name="evidence.txt"))
    holders = {h for h, _s, _c in rows}
    assert {"Inshore Fleet Association", "Harbour Towns Scotland"} <= holders, rows
    assert not holders & {"Hamish Laird", "Kerry Dunn"}, rows
    assert any(h == "Inshore Fleet Association" and s == "oppose" and "levy" in c.casefold() for h, s, c in rows), rows
    assert any(h == "Inshore Fleet Association" and c.startswith("The levy should be scaled") for h, _s, c in rows), rows


EVIDENCE_TAG_LINES = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Standing Committee on Fisheries and Oceans
EVIDENCE
Thursday, May 7, 2026

Witnesses
Pacific Trollers Association
Dana Whitcombe, Executive Director

(1530)
The Chair (Mr. Aurele Gagnon):
Welcome, everyone. Ms. Whitcombe, you have five minutes.
Ms. Dana Whitcombe (Executive Director, Pacific Trollers Association):
Thank you, Mr. Chair. Our members fish from small boats along the whole coast.
We oppose the licence buyback in clause 7, because it would empty the smaller harbours of their last boats.
The Chair (Mr. Aurele Gagnon):
Thank you. Mr. Bryce, you have six minutes.
Mr. Colin Bryce (Skeena—Bulkley Valley, CPC):
The department should publish the stock assessments behind the buyback before the committee votes on clause 7.
"""


def test_a_committee_s_evidence_with_tags_on_lines_of_their_own_gives_witnesses_to_their_bodies() -> None:
    st = parse_text(EVIDENCE_TAG_LINES)
    assert [b.speaker for b in st.blocks if b.kind == "speaker"] == [
        "The Chair", "Ms. Dana Whitcombe", "The Chair", "Mr. Colin Bryce"]
    rows = held(extract_text(EVIDENCE_TAG_LINES, name="evidence.txt"))
    assert any(h == "Pacific Trollers Association" and s == "oppose" and "buyback" in c for h, s, c in rows), rows
    assert any(h == "Colin Bryce" and "stock assessments" in c for h, _s, c in rows), rows
    assert not {h for h, _s, _c in rows} & {"Dana Whitcombe", "Executive Director, Pacific Trollers Association",
                                             "The Chair"}, rows



def test_a_list_of_witnesses_is_no_heading_over_the_meeting() -> None:
    from stancegraph.loaders.documents.structure import is_heading_like
    assert not is_heading_like("Rhys Makinen, National Legislative Director")
    assert not is_heading_like("Dr. Ana Ruiz, Associate Professor, Marine Biology")
    assert is_heading_like("Rail safety and the speed cap")
    # a heading that names one of the document's stakeholders is whose words follow, not a theme
    text = EVIDENCE_TAG_LINES.replace("(1530)", "Pacific Trollers Association\n\n(1530)")
    themes = {t.label for t in extract_text(text, name="evidence.txt").themes.values()}
    assert "Pacific Trollers Association" not in themes, themes


MINUTES = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

WESTFOLD TOWN COUNCIL

Minutes of the meeting of the Licensing Sub-Committee held on 3 March 2026

Present: Councillors A Bell (Chair), C Dyer and F Grant

4. APPLICATION FOR A PREMISES LICENCE - THE OLD FORGE, MILL LANE

Mr P Ives, speaking on behalf of the Mill Lane Residents' Group, objected to the application. He said that residents
already lost sleep to the noise from the yard. The lane was too narrow for delivery lorries after midnight and the
group had recorded eleven late deliveries in January.

Councillor Grant asked whether the applicant would accept a condition on deliveries.

RESOLVED: That the licence be granted subject to the conditions in the report.
"""


def test_minutes_give_the_sentences_after_a_speaker_s_report_to_that_speaker() -> None:
    rows = held(extract_text(MINUTES, name="minutes.txt"))
    assert any(h == "Mill Lane Residents' Group" and c.startswith("The lane was too narrow for delivery lorries")
               for h, _s, c in rows), rows
    assert not any(c.startswith("Councillor Grant") or "RESOLVED" in c for _h, _s, c in rows), rows
    # the same paragraph in a report (no minutes' title, no list of who was present) is the report's narration
    report = MINUTES.replace("Minutes of the meeting of", "A report to").replace("Present:", "Authors -")
    assert not any(c.startswith("The lane was too narrow") for _h, _s, c in held(extract_text(report, name="report.txt")))


BOARD_MINUTES = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

WESTFOLD HEALTH BOARD

Minutes of the meeting of the Board of Westfold Health held on 5 February 2026

Present: Dame Ann Hale (Chair), Ms R Quigg, Dr S Menon, Professor L Greatorex, Dr P Pritchard

Apologies: Mr T Varley

1. MINUTES OF THE LAST MEETING

RESOLVED: That the minutes of the meeting held on 8 January 2026 be confirmed as a correct record.

2. OVERNIGHT OPENING AT MILLBY MINOR INJURIES UNIT

It was moved by Ms Quigg and seconded by Dr Menon that the unit close between 10.00 pm and 8.00 am for twelve months.
An amendment was moved by Professor Greatorex and seconded by Dr Pritchard that the decision be deferred to March so
that the travel assessment could be published first.

The amendment was put to the vote and was LOST (For: 2, Against: 3). The substantive motion was then put to the vote
and was CARRIED (For: 3, Against: 2).

RESOLVED: That the Millby Minor Injuries Unit close between 10.00 pm and 8.00 am for twelve months.
"""


def test_minutes_give_motions_to_their_movers_and_votes_and_resolutions_to_the_body() -> None:
    rows = held(extract_text(BOARD_MINUTES, name="minutes.txt"))
    board = "Board of Westfold Health"
    deferral = next(c for h, _s, c in rows if h == "Professor Greatorex")
    assert deferral.startswith("The decision be deferred to March"), rows
    assert ("Dr Pritchard", "support", deferral) in rows, rows
    assert (board, "oppose", deferral) in rows, rows  # the amendment was lost
    motion = next(c for h, _s, c in rows if h == "Ms Quigg")
    assert (board, "support", motion) in rows, rows  # the motion was carried (and resolved, in the same words)
    assert not any("minutes of the meeting" in c.casefold() for _h, _s, c in rows), rows  # housekeeping


def test_a_member_naming_a_witness_reports_the_witness_s_body() -> None:
    text = EVIDENCE_TAG_LINES.replace(
        "The department should publish the stock assessments behind the buyback before the committee votes on clause 7.",
        "Ms. Whitcombe tells you that the buyback would empty the smaller harbours of their last boats.")
    rows = held(extract_text(text, name="evidence.txt"))
    assert any(h == "Pacific Trollers Association" and c.startswith("The buyback would empty the smaller harbours")
               for h, _s, c in rows), rows
    assert not any(h.startswith("Ms. Whitcombe") for h, _s, _c in rows), rows


#: a fictional committee study's Evidence: the witness list set out as headings (each body over its witness), then the
#: meeting with its tags on lines of their own
STUDY_EVIDENCE = "\n\n".join("""Standing Committee on Public Safety
EVIDENCE
Study of Flood Warning in Rural Communities
Witnesses
Panel 1
As an individual
Nora Vance, Professor, Hydrology, Eastport University
Canadian Association of Water Utilities
Leo Marsh, Director, Policy
(1100)
The Chair (Mr. Sam Oduya):
I call this meeting to order. Professor Vance, go ahead.
Dr. Nora Vance (Professor, Hydrology, Eastport University, As an Individual):
Thank you. Warnings reached only half of the households in the valley, because the sirens had been switched off for years.
I am not convinced that a new federal flood agency is the answer.
The Chair (Mr. Sam Oduya):
Thank you. Mr. Marsh, you have five minutes.
Mr. Leo Marsh (Director, Policy, Canadian Association of Water Utilities):
We support the creation of a national flood forecasting service, run with the provinces.
The Chair (Mr. Sam Oduya):
Thank you. Mr. Pratt.
Mr. Ray Pratt (Hillcrest, CPC):
We oppose a federal flood forecasting agency that duplicates what the provinces already do.
Ms. Jo Lang (Elm Creek, Lib.):
Professor Vance, did the sirens fail in your valley too?
Dr. Nora Vance (Professor, Hydrology, Eastport University, As an Individual):
They did, in two of the three towns I studied.
""".splitlines()) + "\n"


def test_a_study_s_witness_list_set_out_as_headings_does_not_swallow_the_meeting() -> None:
    """The meeting after a list of witnesses is evidence (the list ends at the first turn); a witness appearing "As an
    Individual" holds their own positions, not their university's; the opposition to "a federal flood agency" meets
    the proposal of "a national flood forecasting service" (one instrument, named in other words)."""
    b = extract_text(STUDY_EVIDENCE, name="study.txt")
    rows = held(b)
    assert any(h == "Nora Vance" and "sirens" in c for h, _s, c in rows), rows
    assert not any(h == "Eastport University" for h, _s, _c in rows), rows
    service = next(c for h, s, c in rows if h == "Canadian Association of Water Utilities" and s == "support")
    assert "national flood forecasting service" in service, rows
    assert ("Nora Vance", "oppose", service) in rows, rows
    assert ("Ray Pratt", "oppose", service) in rows, rows


#: a fictional Australian Senate committee hearing (Proof Committee Hansard layout)
SENATE_HEARING = """SENATE

RURAL AFFAIRS LEGISLATION COMMITTEE

Farm Water (Metering) Amendment Bill 2027

WITNESSES

ABBOTT, Ms Carla, Chief Executive Officer, Irrigators Council of the Lowlands

BYRNE, Mr Tom, Policy Director, River Health Alliance

CHAIR: I invite each of you to make a brief opening statement.

Ms Abbott: Thank you, Chair. We cannot support a bill that puts a meter on every farm dam by 2029. The metering requirement would raise costs for small irrigators.

Mr Byrne: The metering requirement will reduce the risk of the river running dry in summer, and we strongly support the bill.

CHAIR: Thank you. Senator Lowe.

Senator LOWE: Ms Abbott, how many of your members already meter their dams?

Ms Abbott: About a third of them, Senator, mostly the larger operations.

Senator LOWE: Would your members support a metering rebate for small irrigators?

Ms Abbott: We'd welcome it. It would take the sting out of the cost.

Senator LOWE: And would you accept a deadline of 2031 instead of 2029?

Ms Abbott: No, we could not.

Senator LOWE: Mr Byrne, what about the exemptions?

Mr Byrne: Our preference, frankly, is that schedule 2 be removed.

Ms Abbott: We support schedule 2, Senator, because small dams need the exemption. Our costings put the cost to irrigators at $40 million in the first year.

CHAIR: Thank you. We now welcome the department.

RIGG, Ms Helen, First Assistant Secretary, Department of Water

Ms Rigg: Thank you, Chair. We do not accept the council's figure; most meters are already in place.
"""


def test_an_australian_hearing_reads_its_witness_entries_and_the_bill_in_its_heading() -> None:
    """"ABBOTT, Ms Carla, Chief Executive Officer, Irrigators Council of the Lowlands": "Ms Abbott:" speaks for the
    council; "a bill that ..." is the bill the heading names; what each says the metering requirement would do is
    their stance on it, so that the two meet on it."""
    rows = held(extract_text(SENATE_HEARING, name="senate.txt"))
    bill = "Farm Water (Metering) Amendment Bill 2027"
    assert ("Irrigators Council of the Lowlands", "oppose", bill) in rows, rows
    assert ("Irrigators Council of the Lowlands", "oppose", "The metering requirement") in rows, rows
    assert ("River Health Alliance", "support", "The metering requirement") in rows, rows
    assert not any(h.startswith(("Ms Abbott", "Mr Byrne")) for h, _s, _c in rows), rows
    # a senator's question that puts a proposal, and the witness's first words in reply
    assert ("Irrigators Council of the Lowlands", "support", "A metering rebate for small irrigators") in rows, rows
    assert ("Irrigators Council of the Lowlands", "oppose", "A deadline of 2031 instead of 2029") in rows, rows
    # "we do not accept the council's figure": what the council said with a figure in it
    cost = next(c for h, s, c in rows if h == "Irrigators Council of the Lowlands" and "$40 million" in c)
    assert ("Department of Water", "oppose", cost) in rows, rows
    # a part of the bill named bare, and a wish to take it out, meet on one claim
    schedule = f"Schedule 2 of {bill}"
    assert ("Irrigators Council of the Lowlands", "support", schedule) in rows, rows
    assert ("River Health Alliance", "oppose", schedule) in rows, rows


#: a fictional Australian Senate committee report: the majority's view, then a dissenting report and additional comments
SENATE_REPORT = """The Senate

Rural Affairs Legislation Committee

Water Metering Amendment Bill 2027 [Provisions]

Chapter 2

Key issues

2.1 The Department of Agriculture, Water and the Environment (the Department) submitted that the metering requirement would protect the river in dry years.

2.2 The Department considered that small dams should be exempt.

Committee view

2.3 The committee supports the metering requirement.

Recommendation 1

2.4 The committee recommends that the Senate pass the bill.

Coalition Senators' Dissenting Report

1.1 Coalition senators do not accept that the metering requirement is necessary.

1.2 Coalition senators recommend that the bill not be passed. Irrigation employs thousands of people in the river towns.

Additional comments from the Australian Greens

1.1 The Greens support the bill but would go further.
"""


def test_a_committee_report_s_dissenting_report_and_additional_comments_are_their_authors() -> None:
    """"Coalition Senators' Dissenting Report" and "Additional comments from the Australian Greens" are whose words
    follow ("Coalition senators do not accept ...", "Irrigation employs thousands ..."), not the committee's; a
    portfolio's name keeps its commas, and
    "the Department" is that department."""
    rows = held(extract_text(SENATE_REPORT, name="report.txt"))
    committee = "Rural Affairs Legislation Committee"
    metering = {c for h, s, c in rows if h == committee and s == "support" and c.startswith("The metering requirement")}
    assert any(("Coalition Senators", "oppose", c) in rows for c in metering), rows  # the two meet on it
    assert any(h == "Coalition Senators" and c.startswith("The bill not be passed") for h, _s, c in rows), rows
    # a minority's report argues: its statements are its authors' (as a witness's are), not only its cued stances
    assert any(h == "Coalition Senators" and c.startswith("Irrigation employs thousands") for h, _s, c in rows), rows
    assert not any(h == committee and "not be passed" in c for h, _s, c in rows), rows
    department = "Department of Agriculture, Water and the Environment"
    assert any(h == department and c.startswith("Small dams should be exempt") for h, _s, c in rows), rows
    assert not any(h.startswith(("Department of Agriculture", "Water and the Environment")) and h != department
                   for h, _s, _c in rows), rows


def test_a_witness_s_list_of_objections_opposes_each_part_of_the_bill_it_names() -> None:
    """"What we oppose is the bill as drafted. Schedule 4 would ... Second, Schedule 5 would ...": against schedules 4
    and 5 (the bill's own, named in full); a part named later in a sentence, or by another speaker, is no objection;
    the bill's question stays the bill's, never folded into one of its parts."""
    text = SENATE_HEARING + (
        "\nSenator LOWE: Mr Byrne, one more question on the costs.\n\n"
        "Mr Byrne: What we oppose is the bill as drafted. Schedule 4 would put the whole cost on irrigators. Second, "
        "Schedule 5 would let the minister delay the start indefinitely. We can live with the rest of it.\n")
    rows = held(extract_text(text, name="senate.txt"))
    bill = "Farm Water (Metering) Amendment Bill 2027"
    assert ("River Health Alliance", "oppose", f"Schedule 4 of {bill}") in rows, rows
    assert ("River Health Alliance", "oppose", f"Schedule 5 of {bill}") in rows, rows
    assert not any(h == "Irrigators Council of the Lowlands" and c.startswith("Schedule 4") for h, _s, c in rows), rows
    assert ("Irrigators Council of the Lowlands", "oppose", bill) in rows, rows  # the bill, not "Schedule 2 of" it


#: a fictional Public Bill Committee oral evidence session, in Hansard's layout: the member list, the witness list
#: under its heading, "Q3" on its own line over the member's tag, and each tag on its own line over the turn
PBC_EVIDENCE = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Harbour Dues Bill (First sitting)

The Committee consisted of the following Members:

Chair: † Mr Ralph Dennet

† Arden, Philippa (Minister of State, Department for Transport)
† Bexley, Conor (Saltmarsh North) (Lab)
† Carne, Judith (Westerby) (Con)
† Dorrit, Sam (Ashley Vale) (LD)

Witnesses

Rhian Talbot, Chief Executive, Small Ports Federation

Marcus Hale, Director, Harbour Users' Voice

Examination of Witnesses

Rhian Talbot and Marcus Hale gave evidence.

Q1
The Chair:
Will the witnesses introduce themselves?

Rhian Talbot:
I am Rhian Talbot, chief executive of the Small Ports Federation.

Marcus Hale:
I am Marcus Hale, director of Harbour Users' Voice.

Q2
The Minister of State, Department for Transport (Philippa Arden):
The Government's view is that harbour dues must be published in advance. Ms Talbot, do your members accept that?

Rhian Talbot:
Clause 3 will raise costs for every small harbour in the country.

Marcus Hale:
Clause 3 is needed, because users cannot plan without it.

Q3
Philippa Arden:
Clause 3 is essential. Mr Hale, do your members agree?

Marcus Hale:
They do.

Rhian Talbot:
We would ask the Committee to remove clause 3.

Q4
Conor Bexley:
On clause 5, the Bill caps dues at 2% a year. Ms Talbot?

Rhian Talbot:
My concern is that the clause takes no account of dredging costs.
"""


def test_a_bill_committee_evidence_session_reads_its_lists_and_tags_on_lines_of_their_own() -> None:
    """Each witness speaks for the body the witness list gives them, though the tag stands alone on its line; the
    Minister, a member of the committee, speaks for the Government even in a numbered question; what a witness says
    clause 3 would do, and a wish to remove it, are stances on the bill's clause 3, where the sides meet."""
    rows = held(extract_text(PBC_EVIDENCE, name="pbc.txt"))
    clause = "Clause 3 of Harbour Dues Bill"
    assert ("Small Ports Federation", "oppose", clause) in rows, rows
    assert ("Harbour Users' Voice", "support", clause) in rows, rows
    assert ("Philippa Arden", "support", clause) in rows, rows
    assert not any(h in ("Rhian Talbot", "Marcus Hale", "The Chair") for h, _s, _c in rows), rows
    # a concern about "the clause": the clause last named, clause 5 (rule turn:concern)
    assert ("Small Ports Federation", "oppose", "Clause 5 of Harbour Dues Bill") in rows, rows
    b = extract_text(PBC_EVIDENCE, name="pbc.txt")
    minister = next(s for s in b.stakeholders.values() if s.label == "Philippa Arden")
    assert "Government" in {b.stakeholders[g].label for g in minister.member_of if g in b.stakeholders} | set(minister.member_of) \
        or any("Government" in g for g in minister.member_of), minister


#: a fictional provincial committee's public hearings, in the Legislative Assembly of Ontario's layout: each
#: presenter's body as a heading in capitals, inline tags, the member list (riding and party code) at the end
PROVINCIAL_HEARINGS = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Standing Committee on Rural Affairs

Bill 41, An Act to amend the Wells Act

HARBOUR COUNTIES WELL DRILLERS

The Chair (Mr. Neil Abbot): I will now call on the Harbour Counties Well Drillers. You may begin.

Ms. Irene Falk: Thank you, Chair. I am the president of the Harbour Counties Well Drillers. Schedule 2 will raise costs for every rural family that needs a new well.

TOWNSHIP OF NORTH GALE

The Chair (Mr. Neil Abbot): Our next presenter is the Township of North Gale.

Mr. Paul Rennie: Good morning. Schedule 2 is overdue, because our residents keep losing their wells.

The Chair (Mr. Neil Abbot): We'll turn to the official opposition. MPP Dewar.

MPP Ana Dewar: Thank you. I support Schedule 2, because it protects every rural well. We support Schedules 1 and 2. Mr. Rennie, how many wells failed last year?

Mr. Paul Rennie: Eleven.

STANDING COMMITTEE ON RURAL AFFAIRS

Mr. Neil Abbot (Gale Valley PC)

MPP Ana Dewar (Harbour Centre ND)

Mr. Owen Pratt (Northmoor PC)

MPP Lisa Kerr (Southmoor ND)

"""


def test_provincial_public_hearings_read_each_presenter_body_from_the_heading_over_them() -> None:
    """The heading in capitals the chair calls is the next presenter's body (a township, whose name has no word of an
    organisation's kind); the member list at the end gives each member their party ("PC" after a riding is the
    Progressive Conservatives), and a member's tag "MPP Ana Dewar" is that member."""
    b = extract_text(PROVINCIAL_HEARINGS, name="provincial.txt")
    rows = held(b)
    schedule = "Schedule 2 of Bill 41"
    assert ("Harbour Counties Well Drillers", "oppose", schedule) in rows, rows
    assert ("Township of North Gale", "support", schedule) in rows, rows
    assert not any(h in ("Irene Falk", "Paul Rennie") for h, _s, _c in rows), rows
    assert ("Ana Dewar", "support", "Schedule 1 of Bill 41") in rows, rows  # "We support Schedules 1 and 2": each of them
    dewar = [s for s in b.stakeholders.values() if s.label == "Ana Dewar"]
    assert dewar and "New Democratic Party" in str(dewar[0].member_of) + str(dewar[0].attributes), dewar


def test_a_blanket_rule_its_critics_weigh_is_the_mandatory_standard_its_proponents_put() -> None:
    """A witness who weighs "a blanket rule" ("A blanket rule is the wrong tool") opposes the proposal another puts as
    "a mandatory standard": one instrument, a binding rule, named by each side in its own words."""
    text = STUDY_EVIDENCE.replace("We support the creation of a national flood forecasting service, run with the provinces.",
                                  "We support a mandatory standard, and we think it should apply in every valley.").replace(
        "We oppose a federal flood forecasting agency that duplicates what the provinces already do.",
        "A blanket rule is the wrong tool, because most valleys are not at risk.")
    rows = held(extract_text(text, name="sirens.txt"))
    standard = next((c for h, s, c in rows if h == "Canadian Association of Water Utilities" and s == "support"
                     and "mandatory standard" in c), None)
    assert standard is not None, rows
    assert ("Ray Pratt", "oppose", standard) in rows, rows


#: a fictional select committee hearing of oral submissions (a New Zealand committee's transcript): the members present
#: with their parties, the submitters listed by body with their witness in brackets, or by name alone
SUBMISSIONS_HEARING = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Environment Committee

Coastal Access (Foreshore Tracks) Amendment Bill

Members present
Ruth Kahu (Chairperson) (Labour)
Hon Mark Dalby (National)
Tane Walker (Green)

Submitters
Coastal Landowners Federation (Gavin Price, chief executive)
Walkways Trust Aotearoa (Dr Mere Tapsell, chair)
Lydia Frame

Transcript

Chairperson: Our first submitter is the Coastal Landowners Federation, represented by Gavin Price.

Gavin Price: Thank you. Clause 6 will raise costs for every farm on the coast, and we oppose the bill.

Hon Mark Dalby: Mr Price, how many farms?

Gavin Price: About four hundred.

Dr Mere Tapsell: We support the bill. Clause 6 is overdue, because walkers have lost access to half the coast.

Tane Walker: Dr Tapsell, how many tracks have closed?

Dr Mere Tapsell: Eleven in three years.

Lydia Frame: I support clause 6, because my children walk that track to school.

Tane Walker: Thank you, Ms Frame.

Lydia Frame: Thank you.
"""


def test_a_submissions_hearing_reads_its_submitters_list_by_body() -> None:
    """A submitter listed by body, with the witness in brackets, speaks for the body; one listed by name alone speaks
    for herself; both meet the other side on the bill's clause 6."""
    rows = held(extract_text(SUBMISSIONS_HEARING, name="submissions.txt"))
    clause = "Clause 6 of Coastal Access (Foreshore Tracks) Amendment Bill"
    assert ("Coastal Landowners Federation", "oppose", clause) in rows, rows
    assert ("Walkways Trust Aotearoa", "support", clause) in rows, rows
    assert ("Lydia Frame", "support", clause) in rows, rows
    assert not any(h in ("Gavin Price", "Mere Tapsell") for h, _s, _c in rows), rows


#: a fictional British Columbia committee's public hearings (leg.bc.ca layout): the members present and the witnesses
#: on one line each, "Name (Role, Body)" entries, tags of an initial and a surname
BC_HEARINGS = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Select Standing Committee on Coastal Affairs

Public Hearings on Bill 9 — Harbour Dredging Act

Present: Mara Quist, MLA (North Fjord, BC NDP) (Chair); Owen Bell, MLA (Cedar Point, BC Conservative); Lena Hart, MLA (Salt Bay, BC Green)

Witnesses: Gil Ferris (President, Coastal Ports Association); Ada Lindqvist (Salt Bay Shellfish Growers); Tom Reyes

The Chair: Our first presenter is Gil Ferris of the Coastal Ports Association.

G. Ferris: Thank you. Section 4 is essential, because the channel is closing.

O. Bell: Mr. Ferris, how deep is the channel now?

G. Ferris: Four metres at low tide.

A. Lindqvist: Section 4 will harm every shellfish bed in the bay.

L. Hart: I agree with Ms. Lindqvist. Section 4 will harm the shellfish beds.

A. Lindqvist: Thank you.

O. Bell: Ms. Lindqvist, how many beds are there?

A. Lindqvist: Forty.

L. Hart: Thank you, Chair.
"""


def test_bc_hearings_read_members_present_witnesses_and_initialled_tags() -> None:
    """"G. Ferris" is the Gil Ferris of the witness list, for the body his brackets end with; "L. Hart" is the member
    the "Present:" line gives her party; "Bill 9 — Harbour Dedging Act" is the bill, whose section 4 the sides meet on."""
    b = extract_text(BC_HEARINGS, name="bc.txt")
    rows = held(b)
    section = "Section 4 of Bill 9"
    assert ("Coastal Ports Association", "support", section) in rows, rows
    assert ("Salt Bay Shellfish Growers", "oppose", section) in rows, rows
    assert ("Lena Hart", "oppose", section) in rows, rows
    hart = next(s for s in b.stakeholders.values() if s.label == "Lena Hart")
    assert "BC Green" in {b.stakeholders[g].label for g in hart.member_of if g in b.stakeholders}, hart


#: a fictional provincial committee's public hearings whose front matter has no blank lines (Alberta Hansard's layout):
#: the presenters one to a line, a local government and a First Nation among them, one presenter for herself, and the
#: support staff after the list
ONE_LINE_A_BLOCK_HEARINGS = """FICTIONAL EXAMPLE. Invented for stancegraph's tests; not a real transcript.
Legislative Assembly
Standing Committee on Rural Affairs
Bill 12, Grazing Lease Renewal Act
Public Hearings
Presenters
Marta Sokolov, President, Prairie Grazing Lessees Association
Reeve Tom Harrow, County of Elkridge No. 7
Chief Ada Running Water, Elk Valley Nation
Joan Ferrier, private citizen
Support Staff
Pat Lemaire, Committee Clerk
[Mr. Dunne in the chair]
The Chair: Good morning, everyone, and welcome to the committee's public hearings on Bill 12. Each presenter has ten minutes, and members will then have time for questions. First, Ms Sokolov.
Ms Sokolov: Thank you, Mr. Chair. Our association speaks for about 900 lessees on Crown grazing land across the south of the province. Section 6 will raise costs for every lessee we represent, and we oppose it.
The Chair: Thank you, Ms Sokolov. Next, from the County of Elkridge, Reeve Harrow.
Reeve Harrow: Thank you, Mr. Chair. The county maintains 1,400 kilometres of road that the lessees' trucks use every day. We support section 6, because our roads pay for the leases and the county has carried that cost alone.
The Chair: Thank you, Reeve. Next is the Elk Valley Nation. Chief Running Water.
Chief Running Water: Thank you, Mr. Chair. Our people have grazed and hunted on these lands for generations, long before any lease was written. We support section 6 as well, and we ask to be told of every renewal in our territory.
The Chair: Thank you, Chief. Our last presenter appears for herself. Mrs. Ferrier.
Mrs. Ferrier: Thank you, Mr. Chair. My husband and I have held a grazing lease west of Elkridge since 1988, and I'm here for nobody but us. I'm against section 6 entirely, whatever the county says about its roads.
"""


def test_a_presenters_list_one_line_a_block_gives_each_presenter_their_body() -> None:
    """"Presenters" over one entry a line, with no blank line between them: each presenter speaks for the body their
    line ends with (a county and a Nation as much as an association), one listed as a private citizen for herself, and
    the list ends at "Support Staff", whose clerk is no presenter."""
    b = extract_text(ONE_LINE_A_BLOCK_HEARINGS, name="hearings.txt")
    rows = held(b)
    section = "Section 6 of Bill 12"
    assert ("Prairie Grazing Lessees Association", "oppose", section) in rows, rows
    assert ("County of Elkridge No. 7", "support", section) in rows, rows
    assert ("Elk Valley Nation", "support", section) in rows, rows
    assert ("Joan Ferrier", "oppose", section) in rows, rows  # ("I'm against": a contraction of "I am against")
    labels = {s.label for s in b.stakeholders.values()}
    assert not labels & {"Marta Sokolov", "Ms Sokolov", "Support Staff", "Reeve Harrow", "Pat Lemaire"}, labels


#: a fictional sitting of a Senate of Canada committee (its Evidence as the Senate's site prints it): the order of
#: reference names the bill, each witness's first tag gives the post and the body after commas, later tags the surname
SENATE_EVIDENCE = """FICTIONAL EXAMPLE. Invented for stancegraph's tests; not a real transcript.
THE STANDING SENATE COMMITTEE ON AGRICULTURE AND FORESTRY
EVIDENCE
OTTAWA, Thursday, March 5, 2026
The Standing Senate Committee on Agriculture and Forestry met this day at 9 a.m. to study Bill C-41, An Act to amend the Pest Control Products Act.
Senator Rosalie Gauthier (Chair) in the chair.
The Chair: Good morning, honourable senators. Our first panel today is made up of two witnesses. From the Grain Growers Council of Canada, we have Tomas Lindgren, Vice-President, Policy; and from the Canadian Beekeepers' Federation, we have Aline Tremblay, President. Mr. Lindgren, the floor is yours.
Tomas Lindgren, Vice-President, Policy, Grain Growers Council of Canada: Thank you, Madam Chair. Our council represents 40,000 grain farmers across the Prairies. We oppose clause 7 of the bill. A ban on treated seed in the first year would cost our members $300 million, and the science does not support it. We would ask the committee to amend clause 7 so that the ban applies only near hives.
The Chair: Thank you. Ms. Tremblay.
Aline Tremblay, President, Canadian Beekeepers' Federation: Thank you. Our members lost a third of their colonies in 2024. We strongly support clause 7. Mr. Lindgren says the science is unsettled; we do not accept that. The evidence from Ontario is clear, and clause 7 should stand as drafted.
Senator Moreau: Mr. Lindgren, would your members accept a ban phased in over three years?
Mr. Lindgren: Some would. A three-year phase-in would give seed companies time to develop alternatives, and we could live with that.
Senator MacLeod: I want to say that I share Ms. Tremblay's view. Clause 7 is overdue, and I will vote for it.
Ms. Tremblay: Thank you, senator. Clause 12, on the other hand, worries our members, because it lets the minister grant emergency permits with no notice to beekeepers.
Senator Moreau: Ms. Tremblay, the department says clause 12 is needed for outbreaks. Isn't that a fair point?
Ms. Tremblay: It is a fair point for outbreaks, but the clause is not limited to outbreaks. We would ask that clause 12 require notice to every registered beekeeper within 10 kilometres.
"""


def test_senate_evidence_reads_the_bill_referred_and_the_witness_tags_with_posts() -> None:
    """"Tomas Lindgren, Vice-President, Policy, Grain Growers Council of Canada:" speaks for the council, and "Ms.
    Tremblay:" later for the federation her first tag named; the bill is the one the committee "met this day ... to
    study"; the sides meet on its clause 7, a senator's "Clause 7 is overdue" among them, and the chair holds nothing."""
    b = extract_text(SENATE_EVIDENCE, name="senate.txt")
    rows = held(b)
    clause = "Clause 7 of Bill C-41"
    assert ("Grain Growers Council of Canada", "oppose", clause) in rows, rows
    assert ("Canadian Beekeepers' Federation", "support", clause) in rows, rows
    assert ("Senator MacLeod", "support", clause) in rows, rows
    assert ("Canadian Beekeepers' Federation", "oppose", "Clause 12 of Bill C-41") in rows, rows  # ("Clause 12, on the other hand, worries our members")
    assert not any(h in ("The Chair", "Tomas Lindgren", "Aline Tremblay") for h, _s, _c in rows), rows


#: the same committee's Evidence where witnesses are tagged by name alone ("Marie-Claude Ouellet:", later "Ms. Ouellet:")
#: and the chair introduces each by body ("from the X, we have Name, Title")
SENATE_INTRODUCED = """FICTIONAL EXAMPLE. Invented for stancegraph's tests; not a real transcript.
THE STANDING SENATE COMMITTEE ON ENERGY, THE ENVIRONMENT AND NATURAL RESOURCES
EVIDENCE
OTTAWA, Tuesday, April 21, 2026
The Standing Senate Committee on Energy, the Environment and Natural Resources met this day at 6:30 p.m. to study Bill C-19, An Act respecting offshore wind energy.
Senator Paul Ricard (Chair) in the chair.
The Chair: Welcome, senators. For our first panel, from the Atlantic Fishing Harvesters Association, we have Marie-Claude Ouellet, Director of Policy; and from the Offshore Wind Developers Council, we have Brendan Fitzgerald, President and Chief Executive Officer. Ms. Ouellet, you have five minutes.
Marie-Claude Ouellet: Thank you, Mr. Chair. Our association speaks for 3,000 inshore harvesters in Nova Scotia and New Brunswick. We oppose clause 14 as drafted, because it lets the regulator site turbines on lobster grounds without asking us first.
Brendan Fitzgerald: Thank you, senators. Our members have $12 billion in projects waiting for this bill. We support clause 14, which gives developers a single window and a two-year decision.
Senator Moreau: Ms. Ouellet, would a duty to consult harvesters before siting meet your concern?
Ms. Ouellet: It would meet most of it. Clause 14 should require the regulator to consult harvesters before any call for bids.
Senator MacDougall: Mr. Fitzgerald, the two-year clock seems short for a fishery that has been there for 200 years.
Mr. Fitzgerald: I understand the concern, but two years is what investors need. Clause 14 is the reason projects will come to Canada rather than to Maine.
"""


def test_a_chair_introducing_witnesses_by_body_gives_each_name_tag_its_body() -> None:
    """"Marie-Claude Ouellet:" tags one turn only, but "Ms. Ouellet:" tags a later one: both are her turns, not the
    chair's; the chair's "from the Atlantic Fishing Harvesters Association, we have Marie-Claude Ouellet" makes them the
    association's, and the sides meet on clause 14. A member's address to a witness is no part of the claim."""
    b = extract_text(SENATE_INTRODUCED, name="senate2.txt")
    rows = held(b)
    clause = "Clause 14 of Bill C-19"
    assert ("Atlantic Fishing Harvesters Association", "oppose", clause) in rows, rows
    assert ("Offshore Wind Developers Council", "support", clause) in rows, rows
    assert not any(h in ("The Chair", "Marie-Claude Ouellet", "Brendan Fitzgerald") for h, _s, _c in rows), rows
    assert not any(c.startswith("Mr. Fitzgerald,") for _h, _s, c in rows), rows


#: a fictional New Zealand select committee hearing whose turns are tagged "Chairperson (Name):", "Name (Organisation):",
#: "Hon Name (Party):", an individual's by her name alone, and whose header runs on as one paragraph
NZ_TAGGED_HEARING = """FICTIONAL EXAMPLE. Invented for stancegraph's tests; not a real transcript.
Primary Production Committee
Inshore Fisheries Management Amendment Bill
Hearing of evidence, Wednesday 11 March 2026
Chairperson (Anna Whitcombe): Kia ora koutou. We are hearing oral submissions on the Inshore Fisheries Management Amendment Bill. Our first submitter is the Coastal Fishers Federation. Welcome.
Grant Tupou (Coastal Fishers Federation): Thank you, Madam Chair. The federation represents 420 owner-operators. We oppose clause 9, because it closes the Hauraki inner gulf to trawling with only six months' notice. Clause 9 would put 60 boats out of business.
Hon Mark Dalby (National): Mr Tupou, how many of those boats fish the inner gulf?
Grant Tupou (Coastal Fishers Federation): About 40, Mr Dalby, and most have no other ground.
Chairperson (Anna Whitcombe): Thank you. Next is Forest and Bird's marine team, represented by Dr Ruth Kahale.
Dr Ruth Kahale (Gulf Marine Trust): Tēnā koutou. The trust supports clause 9 in full. Trawling has destroyed 70 per cent of the gulf's seafloor habitat, and the six months are more than fair. We do not accept the federation's figure of 60 boats.
Tamati Walker (Green): Dr Kahale, should the closure go further than the inner gulf?
Dr Ruth Kahale (Gulf Marine Trust): Yes. We would ask the committee to extend clause 9 to the outer gulf by 2030.
Hon Mark Dalby (National): I want to say that National will not support clause 9 as drafted. Six months is not enough time for families to adjust.
Chairperson (Anna Whitcombe): Thank you. Our last submitter appears as an individual, Mrs Joy Hemara.
Joy Hemara: I have fished the gulf for 30 years. I support clause 9, because my grandchildren should see snapper on the reef.
"""


def test_a_hearing_tagged_chairperson_and_name_with_body_gives_the_chair_nothing() -> None:
    """"Chairperson (Anna Whitcombe):" opens the chair's turns, which hold nothing (the next submitter's call is no
    position of the last one); "Joy Hemara:" tags her one turn, the chair having named her "Mrs Joy Hemara"; the bill
    is the title line of the header; the sides meet on its clause 9."""
    b = extract_text(NZ_TAGGED_HEARING, name="nz.txt")
    rows = held(b)
    clause = "Clause 9 of Inshore Fisheries Management Amendment Bill"
    assert ("Coastal Fishers Federation", "oppose", clause) in rows, rows
    assert ("Gulf Marine Trust", "support", clause) in rows, rows
    assert ("Joy Hemara", "support", clause) in rows, rows
    assert not any(h in ("Chairperson", "The Chair", "Anna Whitcombe") for h, _s, _c in rows), rows
    assert not any(c.startswith("Next is") for _h, _s, c in rows), rows


#: a fictional provincial committee's hearing whose presenters are known only from the chair's calls
CALLED_PRESENTERS = """FICTIONAL EXAMPLE. Invented for stancegraph's tests; not a real transcript.
Standing Committee on Rural Affairs
Bill 12, Grazing Lease Renewal Act
The Chair: Good morning, everyone, and welcome to the committee's public hearings on Bill 12. We'll hear first from the County of Elkridge. Reeve Harrow.
Reeve Harrow: Thank you, Mr. Chair. The county maintains 1,400 kilometres of road that the lessees' trucks use every day. We support section 6, because our roads pay for the leases and the county has carried that cost alone.
The Chair: Thank you, Reeve. Next is the Prairie Grazing Lessees Association. Ms Sokolov.
Ms Sokolov: Thank you, Mr. Chair. Our association speaks for about 900 lessees on Crown grazing land across the south of the province. Section 6 will raise costs for every lessee we represent, and we oppose it.
The Chair: Thank you. And from the Elk Valley Nation, Chief Running Water.
Chief Running Water: Thank you, Mr. Chair. Our people have grazed and hunted on these lands for generations, long before any lease was written. We support section 6 as well, and we ask to be told of every renewal in our territory.
The Chair: Thank you, Chief. Our next presenter is Dana Ellis from the Foothills Ranchers Cooperative.
Ms. Ellis: Thank you, Mr. Chair. Our cooperative has 212 members who lease Crown land west of the county. We oppose section 6, because the fee it sets ignores how little grass a dry year grows.
"""


def test_presenters_called_by_the_chair_by_body_speak_for_it() -> None:
    """"Next is the Prairie Grazing Lessees Association. Ms Sokolov.", "We'll hear first from the County of Elkridge.
    Reeve Harrow.", "from the Elk Valley Nation, Chief Running Water" and "Our next presenter is Dana Ellis from the
    Foothills Ranchers Cooperative": each presenter speaks for the body called."""
    rows = held(extract_text(CALLED_PRESENTERS, name="called.txt"))
    section = "Section 6 of Bill 12"
    assert ("Prairie Grazing Lessees Association", "oppose", section) in rows, rows
    assert ("County of Elkridge", "support", section) in rows, rows
    assert ("Elk Valley Nation", "support", section) in rows, rows
    assert ("Foothills Ranchers Cooperative", "oppose", section) in rows, rows  # ("Our next presenter is Dana Ellis from ...")


def test_a_local_authority_witness_calls_its_own_council_council() -> None:
    """"On section 8, council supports ..." said for a county is the county's stance, not one of local authorities in
    general; said by another body's witness, "council" is still no witness of theirs."""
    text = ONE_LINE_A_BLOCK_HEARINGS.replace(
        "the county has carried that cost alone.",
        "the county has carried that cost alone. On section 8, council supports keeping the road levy mandatory.").replace(
        "and we oppose it.", "and we oppose it. Council supports a lower road levy, I'm told.")
    b = extract_text(text, name="hearings.txt")
    rows = held(b)
    assert ("County of Elkridge No. 7", "support", "Keeping the road levy mandatory") in rows, rows
    assert not any(who == "Prairie Grazing Lessees Association" and "lower road levy" in claim.casefold()
                   for who, _, claim in rows), rows


def test_a_witness_who_parts_company_with_another_on_a_section_takes_the_other_side_of_that_section() -> None:
    """"I have to disagree with Ms Sokolov on section 8" is against what she said of section 8, not of the section she
    spoke of last; "we part ways with Marta" calls the one presenter named Marta by her first name."""
    text = ONE_LINE_A_BLOCK_HEARINGS.replace(
        "Section 6 will raise costs for every lessee we represent, and we oppose it.",
        "We support section 8. Section 6 will raise costs for every lessee we represent, and we oppose it.").replace(
        "We support section 6, because our roads pay for the leases and the county has carried that cost alone.",
        "The leases pay for our roads, and the county has carried that cost alone. I have to disagree with Ms Sokolov on "
        "section 8.").replace(
        "We support section 6 as well, and we ask to be told of every renewal in our territory.",
        "We part ways with Marta on section 6, and we ask to be told of every renewal in our territory.")
    rows = held(extract_text(text, name="hearings.txt"))
    assert ("Prairie Grazing Lessees Association", "support", "Section 8 of Bill 12") in rows, rows
    assert ("County of Elkridge No. 7", "oppose", "Section 8 of Bill 12") in rows, rows
    assert ("County of Elkridge No. 7", "support", "Section 6 of Bill 12") not in rows, rows
    assert ("Elk Valley Nation", "support", "Section 6 of Bill 12") in rows, rows


#: a fictional Canadian House of Commons sitting at second reading, as ourcommons.ca's Hansard copies to text: a minister's
#: tag with his office and party, members' tags with riding and party, the Assistant Deputy Speaker's calls, a division
CANADA_COMMONS_SITTING = """FICTIONAL EXAMPLE. Invented for stancegraph's tests; not a real sitting.
House of Commons Debates
Volume 151, Number 212, 1st Session, 45th Parliament
Wednesday, May 12, 2027
Government Orders
Bill C-52 — Inland Fisheries Modernization Act
Second Reading
Hon. Marcel Dubeau (Minister of Fisheries, Lib.) moved that Bill C-52, An Act to modernize the management of inland fisheries, be read the second time and referred to a committee.
Hon. Marcel Dubeau (Minister of Fisheries, Lib.): Madam Speaker, I am proud to rise today to open debate on Bill C-52. Clause 6 sets a national licence fee of $40 a year, and clause 11 gives first nations co-management of the lakes they have fished for centuries. The Canadian Inland Fisheries Council told the committee last spring that a single licence would cut red tape for every outfitter in the country. I urge all members to support this bill.
The Assistant Deputy Speaker (Mrs. Carol Hughes): Questions and comments, the hon. member for Kenora—Rainy River.
Mr. Gord Pelletier (Kenora—Rainy River, CPC): Madam Speaker, the minister says clause 6 will cut red tape. The outfitters in my riding tell me the fee will drive families off the water. Will he withdraw it?
Hon. Marcel Dubeau: Madam Speaker, no. The fee is modest and it pays for the stocking program.
The Assistant Deputy Speaker (Mrs. Carol Hughes): Resuming debate, the hon. member for Kenora—Rainy River.
Mr. Gord Pelletier (Kenora—Rainy River, CPC): Madam Speaker, Conservatives cannot support this bill as drafted. Clause 6 is a tax on a family's weekend, and we oppose it. We support clause 11, because co-management works where it has been tried. Therefore, I move: That the motion be amended by deleting all the words after the word "That" and substituting the following: "the House decline to give second reading to Bill C-52 because it imposes a new fee on anglers."
Ms. Lise Tremblay (Abitibi—Témiscamingue, BQ): Madam Speaker, the Bloc Québécois will support the bill at second reading. Quebec already manages its own inland fisheries, and clause 14 must respect that jurisdiction. We oppose clause 14 as written.
Mr. Raj Gill (Vancouver East, NDP): Madam Speaker, New Democrats support this bill. Clause 11 is long overdue. The Assembly of Lake Nations wrote to me last week to say that clause 11 is the first real recognition of their fishing rights.
The Assistant Deputy Speaker (Mrs. Carol Hughes): The question is on the amendment. Is the House ready for the question?
Some hon. members: Question.
The Assistant Deputy Speaker (Mrs. Carol Hughes): All those in favour of the amendment will please say yea.
Some hon. members: Yea.
The Assistant Deputy Speaker (Mrs. Carol Hughes): All those opposed will please say nay.
Some hon. members: Nay.
(Amendment negatived)
(The House divided on the motion, which was agreed to on the following division:)
(Division No. 87)
YEAS
Members
Dubeau
Gill
Tremblay
Total: -- 3
NAYS
Members
Pelletier
Total: -- 1
PAIRED
Nil
The Speaker: I declare the motion carried. Accordingly, the bill stands referred to the Standing Committee on Fisheries.
(Motion agreed to, bill read the second time and referred to a committee)
"""


def test_a_canadian_commons_sitting_reads_offices_parties_and_the_chair() -> None:
    """"Hon. Marcel Dubeau (Minister of Fisheries, Lib.):" is a Liberal minister, named without his "Hon."; the
    Assistant Deputy Speaker's calls hold nothing; "Madam Speaker, the minister says ..." is the minister's; "Clause 6 is
    a tax ..., and we oppose it" is against clause 6; a clause said to cut red tape is for it."""
    b = extract_text(CANADA_COMMONS_SITTING, name="sitting.txt")
    rows = held(b)
    labels = {s.label: s for s in b.stakeholders.values()}
    minister = labels["Marcel Dubeau"]
    assert {b.stakeholders[g].label for g in minister.member_of} >= {"Government", "Liberal Party of Canada"}
    assert not {"Hon. Marcel Dubeau", "Carol Hughes", "The Minister", "The Assistant Deputy Speaker"} & set(labels), sorted(labels)
    assert ("Marcel Dubeau", "support", "Clause 6 of Bill C-52") in rows, rows
    assert ("Gord Pelletier", "oppose", "Clause 6 of Bill C-52") in rows, rows
    assert not any(who == "Marcel Dubeau" and stance == "oppose" for who, stance, _ in rows), rows
    # the Conservative amendment substitutes its words for the motion's: its mover is for it, and members who said they
    # support the bill are against it, whatever side of the House they sit on
    amendment = next(c for _, _, c in rows if c.startswith("The House decline to give second reading to Bill C-52"))
    assert ("Gord Pelletier", "support", amendment) in rows, rows
    assert ("Lise Tremblay", "oppose", amendment) in rows and ("Raj Gill", "oppose", amendment) in rows, rows


def test_a_committee_decision_in_its_own_record_is_the_committee_s() -> None:
    """"(Motion negatived: nays 6; yeas 4 ...)" in a Commons committee's Evidence is the committee's decision, not the
    House's."""
    from stancegraph.loaders import load_path
    from pathlib import Path
    b = load_path(Path(__file__).resolve().parents[3] / "examples" / "canada-standing-committee-meeting.txt")
    rows = held(b)
    assert any(who == "The Committee" and stance == "oppose" and "Parliamentary Budget Officer" in claim
               for who, stance, claim in rows), sorted(r for r in rows if "Budget" in r[2])
    assert not any(who == "The House" for who, _, _ in rows)


def test_a_canadian_sitting_with_blank_lines_keeps_the_bill_apart_from_the_amendment_that_would_decline_it() -> None:
    """Paragraphs apart, as ourcommons.ca prints them: "(Amendment negatived)" is the House's (not "the Assembly's",
    though a member quotes the Assembly of Lake Nations), and a stance on "Bill C-52" never moves onto the amendment that
    names the bill ("the House decline to give second reading to Bill C-52 ..."), which would turn the mover against his
    own amendment."""
    b = extract_text(CANADA_COMMONS_SITTING.replace("\n", "\n\n"), name="sitting.txt")
    rows = held(b)
    amendment = next(c for _, _, c in rows if c.startswith("The House decline to give second reading to Bill C-52"))
    assert ("The House", "oppose", amendment) in rows, rows
    assert ("Gord Pelletier", "support", amendment) in rows and ("Gord Pelletier", "oppose", amendment) not in rows, rows
    assert ("Gord Pelletier", "oppose", "Bill C-52") in rows and ("Raj Gill", "support", "Bill C-52") in rows, rows
    assert not any(who == "The Assembly" for who, _, _ in rows), rows


def test_a_motion_moved_in_the_narrative_opens_the_mover_s_speech() -> None:
    """ourcommons.ca opens a second-reading debate with "Hon. Name (Minister of X, Lib.) moved that Bill C-52 ... be read
    the second time ..." and then "He said: Madam Speaker, ...": the paragraphs that follow are the minister's speech, and
    what he says a clause of his bill does ("Clause 11 gives first nations co-management ...") is the case he makes for
    it."""
    sitting = CANADA_COMMONS_SITTING.replace(
        "Hon. Marcel Dubeau (Minister of Fisheries, Lib.): Madam Speaker, I am proud to rise today to open debate on Bill "
        "C-52. Clause 6 sets",
        "He said: Madam Speaker, I am proud to rise today to open debate on Bill C-52.\nClause 6 sets")
    rows = held(extract_text(sitting.replace("\n", "\n\n"), name="sitting.txt"))
    assert any(who == "Marcel Dubeau" and stance == "support" and claim.startswith("Clause 6 sets a national licence fee")
               for who, stance, claim in rows), sorted(r for r in rows if r[0] == "Marcel Dubeau")
    assert ("Marcel Dubeau", "support", "Bill C-52") in rows, rows
    assert not any(who == "Gord Pelletier" and claim.startswith("Clause 6 sets") for who, _, claim in rows), rows


def test_a_member_s_caucus_is_the_member() -> None:
    """"Our caucus opposes clause 6 outright" said by a member is the member's own stance (their party's, which they
    speak for), not nobody's."""
    sitting = CANADA_COMMONS_SITTING.replace("Clause 6 is a tax on a family's weekend, and we oppose it.",
                                             "Our caucus opposes the licence fee outright.")
    rows = held(extract_text(sitting, name="sitting.txt"))
    assert any(who == "Gord Pelletier" and stance == "oppose" and "licence fee" in claim.casefold()
               for who, stance, claim in rows), sorted(r for r in rows if r[0] == "Gord Pelletier")


#: a fictional provincial committee's public hearings (British Columbia's layout): the bill named with a dash, witnesses
#: who open on what they speak to ("On the levy, ..."), a member who speaks once and runs two stances together
TOPIC_LED_HEARINGS = """FICTIONAL EXAMPLE. Invented for stancegraph's tests; not a real transcript.

Select Standing Committee on Coastal Affairs

Public Hearings on Bill 14 — Harbour Levy Act

Present: Mara Quist, MLA (North Fjord, BC NDP) (Chair); Owen Bell, MLA (Cedar Point, BC Conservative); Lena Hart, MLA (Salt Bay, BC Green)

Witnesses: Gil Ferris (President, Coastal Ports Association); Ada Lindqvist (Salt Bay Shellfish Growers)

The Chair: Our first presenter is Gil Ferris of the Coastal Ports Association.

G. Ferris: Thank you. I'll be direct. We support Bill 14, and we'd urge you to pass it without weakening it. On the levy, we support the principle, but the rate needs work.

The Chair: Thank you. Next is Ada Lindqvist of the Salt Bay Shellfish Growers.

O. Bell: Mr. Ferris, how much would the levy raise?

G. Ferris: About two million a year. For that reason we support section 4 without reservation.

O. Bell: I agree entirely. Section 4 is the fairest way to pay for the channel.

A. Lindqvist: Thank you. For the record, I'm Dr. Ada Lindqvist, chair of the Salt Bay Shellfish Growers. On the dredging register, we oppose it. On section 7 we support the restriction, and we'd extend it to the outer bay.

O. Bell: Ms. Lindqvist, how many beds are there?

A. Lindqvist: Forty.

L. Hart: For my part, I support the dredging fund and I support section 9. I'll be moving an amendment to remove section 12 altogether.

A. Lindqvist: Thank you.
"""


def test_a_witness_who_opens_on_what_they_speak_to_takes_a_side_on_it() -> None:
    """"We support Bill 14" is the bill in hand, named with a dash ("Bill 14 — Harbour Levy Act"); "On the levy, we support
    the principle" is for the levy, "On the dredging register, we oppose it" against the register, "On section 7 we
    support the restriction" for section 7; "For my part, I support the dredging fund and I support section 9" is two
    stances (the speaker's, not "my part's"), and those of "L. Hart", a member whose initialled tag opens one turn only,
    for the Lena Hart of the "Present:" line."""
    b = extract_text(TOPIC_LED_HEARINGS, name="hearings.txt")
    rows = held(b)
    assert ("Coastal Ports Association", "support", "Bill 14 — Harbour Levy Act") in rows, rows
    assert ("Coastal Ports Association", "support", "The levy") in rows, rows
    assert ("Salt Bay Shellfish Growers", "oppose", "The dredging register") in rows, rows
    assert ("Salt Bay Shellfish Growers", "support", "Section 7 of Bill 14") in rows, rows
    assert ("Lena Hart", "support", "The dredging fund") in rows, rows
    assert ("Lena Hart", "support", "Section 9 of Bill 14") in rows, rows


def test_a_reason_a_record_and_an_amendment_to_be_moved_are_the_speaker_s() -> None:
    """"For that reason we support section 4" is the witness's stance, not "that reason's"; "For the record, I'm Dr. Ada
    Lindqvist, chair of ..." is an introduction, no position; "I'll be moving an amendment to remove section 12
    altogether" is the member against section 12; "I agree entirely." takes the side of the speaker before."""
    b = extract_text(TOPIC_LED_HEARINGS, name="hearings.txt")
    rows = held(b)
    assert ("Coastal Ports Association", "support", "Section 4 of Bill 14") in rows, rows
    assert ("Lena Hart", "oppose", "Section 12 of Bill 14") in rows, rows
    # "I agree entirely." opening a turn: with what the speaker before last said, which the next sentence goes on about
    assert ("Owen Bell", "support", "Section 4 of Bill 14") in rows, rows
    assert not any("For the record" in c or "I'm Dr" in c for _h, _s, c in rows), rows


#: a fictional New Zealand select committee hearing: the chair tagged "Chairperson", members "Name (Party):"
NZ_HEARING = """FICTIONAL EXAMPLE. Invented for stancegraph's tests; not a real transcript.

Primary Production Committee

Harbour Dredging Amendment Bill

Hearing of evidence

Chairperson: Kia ora koutou, and welcome to this hearing of the Primary Production Committee. The hearing is open to the public and is being livestreamed. Our first submitter is Mrs Hōhepa.

Mrs Hōhepa: Tēnā koutou. We oppose clause 7, because it would let dredging run through the spawning season.

Rāwiri Heke (Te Pāti Māori): Kia ora, Whaea. I oppose clause 7 as well.

Priya Raman-Hale (ACT): Whaea, can I put ACT's concern? We support clause 7, because the channel is closing.

Chairperson: Thank you. The committee will now move into closed session.
"""


def test_a_new_zealand_hearing_reads_its_chairperson_and_members_tagged_with_their_parties() -> None:
    """"Chairperson" is the chair, whose welcome and housekeeping hold nothing; "Rāwiri Heke (Te Pāti Māori):" and
    "Priya Raman-Hale (ACT):" open the members' own turns (not the submitter's before them)."""
    b = extract_text(NZ_HEARING, name="hearing.txt")
    rows = held(b)
    assert not any(h in ("Chairperson", "The Chair") for h, _s, _c in rows), rows
    assert ("Rāwiri Heke", "oppose", "Clause 7 of Harbour Dredging Amendment Bill") in rows, rows
    assert ("Priya Raman-Hale", "support", "Clause 7 of Harbour Dredging Amendment Bill") in rows, rows
    assert not any(h == "Mrs Hōhepa" and s == "support" for h, s, _c in rows), rows
    # each member's party recorded from the tag alone (no member list), and a name with macrons is a person's
    kinds = {s.label: s.kind for s in b.stakeholders.values()}
    parties = {s.label: {b.stakeholders[m].label for m in s.member_of} for s in b.stakeholders.values()}
    assert parties["Rāwiri Heke"] == {"Te Pāti Māori"} and parties["Priya Raman-Hale"] == {"ACT New Zealand"}, parties
    assert kinds["Rāwiri Heke"] == kinds["Mrs Hōhepa"] == "person", kinds


#: a fictional provincial committee hearing (invented for stancegraph's tests): an amount asked for, then backed by name
AMOUNTS = """FICTIONAL EXAMPLE. Invented for stancegraph's tests; not a real transcript.

STANDING COMMITTEE ON HERITAGE, INFRASTRUCTURE AND CULTURAL POLICY

Bill 41, Quarry Roads Act, 2027

The Chair (Mr. Owen Ruddle): Our first presenter is the Association of Rural Townships.

Ms. Nadia Perrault: The Association of Rural Townships has asked for 50 cents a tonne, indexed to inflation, to repair the haul roads.

Mr. Tom Vickery (Lakeshore North, NDP): On the fee, we'd support 50 cents.
"""


def test_an_amount_backed_by_name_is_the_claim_that_states_it() -> None:
    """"we'd support 50 cents" backs the association's "50 cents a tonne, indexed to inflation" (an amount named alone
    says too little to stand as a claim, but says which claim it backs; alone, it is dropped)."""
    rows = held(extract_text(AMOUNTS, name="amounts.txt"))
    asked = next(c for h, s, c in rows if h == "Association of Rural Townships" and c.startswith("50 cents"))
    assert ("Tom Vickery", "support", asked) in rows, rows
    assert not any(c.casefold().startswith("50 cents") and c != asked for _h, _s, c in rows), rows


#: a fictional summary of consultation responses (invented for stancegraph's tests): stances that point back
POINTING_BACK = """FICTIONAL EXAMPLE. Invented for stancegraph's tests; not a real summary.

Summary of responses to the consultation on the water levy

3. Small farms

The Ministry of Water proposed that small farms should be exempted from the levy for three years. The Farmers Union supported the exemption. The Rivers Trust opposed it.

The Anglers' Federation opposed the exemption for small farms, arguing that small farms draw a third of the water in a dry summer.
"""


def test_a_stance_that_points_back_is_on_what_the_paragraph_just_put() -> None:
    """"The Rivers Trust opposed it": the Ministry's proposal the paragraph just put (and "The Anglers' Federation
    opposed the exemption for small farms, arguing that small farms draw ...": the argument is the federation's)."""
    rows = held(extract_text(POINTING_BACK, name="summary.txt"))
    proposal = next(c for h, s, c in rows if h == "Ministry of Water" and s == "support")
    assert ("Farmers Union", "support", proposal) in rows, rows
    assert ("Rivers Trust", "oppose", proposal) in rows, rows
    assert any(h == "Anglers' Federation" and s == "support" and c.startswith("Small farms draw a third")
               for h, s, c in rows), rows
