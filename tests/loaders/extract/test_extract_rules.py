"""Extraction rules on example sentences written for these tests: holders, claims, stance, negation, scepticism,
reported speech, concessions, lead-ins, speakers, strength. Each case says what a careful coder would record."""

from __future__ import annotations

import pytest

from stancegraph.loaders.extract import extract_text
from stancegraph.loaders.extract.pipeline import uninvert
from stancegraph.loaders.extract.claims import find_frames, normalise_claim


def positions(text: str, name: str = "notes.txt") -> set[tuple[str, str, str]]:
    b = extract_text(text, name=name)
    for p in b.positions.values():
        for ev in p.evidence:
            assert b.documents[p.document].text[ev.start:ev.end] == ev.quote
    return {(b.stakeholders[p.stakeholder].label, p.stance.value, b.claims[p.claim].text) for p in b.positions.values()}


def stance_of(text: str, holder: str) -> set[str]:
    return {s for h, s, _c in positions(text) if h == holder}


@pytest.mark.parametrize("sentence,holder,stance", [
    ("Landlords argued that rent controls must be introduced.", "Landlords", "support"),
    ("Landlords opposed rent controls in every region.", "Landlords", "oppose"),
    ("Landlords rejected the proposal for rent controls.", "Landlords", "oppose"),
    ("Landlords did not support rent controls in any form.", "Landlords", "oppose"),
    ("Landlords were sceptical about rent controls working in practice.", "Landlords", "oppose"),
    ("Landlords doubted that rent controls would lower rents.", "Landlords", "oppose"),
    ("Landlords queried whether rent controls would lower rents.", "Landlords", "oppose"),
    ("Landlords felt that they would not want to be bound by rent controls.", "Landlords", "oppose"),
    ("Landlords called for an end to rent controls.", "Landlords", "support"),
    ("Landlords welcomed the new licensing scheme for letting agents.", "Landlords", "support"),
])
def test_stance_and_negation(sentence: str, holder: str, stance: str) -> None:
    assert stance_of("Housing\n\n" + sentence + "\n", holder) == {stance}


def test_attribution_is_stripped_from_the_claim() -> None:
    found = positions("Pay\n\nA wide range of stakeholders argue that pay must improve.\n")
    assert found == {("A wide range of stakeholders", "support", "Pay must improve")}
    assert normalise_claim("that it is essential to fund training for nurses.") == "Fund training for nurses"


def test_not_universally_supported_is_a_partial_opposition() -> None:
    found = positions("Literature review findings\n\nProposals for a national register of tutors are not universally supported.\n")
    assert ("Some stakeholders", "oppose", "A national register of tutors") in found
    assert ("Supporters of a national register of tutors", "support", "A national register of tutors") in found


def test_no_agreement_then_sides_attach_to_the_contested_topic() -> None:
    text = ("Workshop findings\n\nThere was no agreement about licensing of private tutors. Supporters stressed the "
            "protection it gives children. However, parents who home educate felt strongly that they would not want "
            "to be limited to licensed tutors.\n")
    found = positions(text)
    topic = "Licensing of private tutors"
    assert ("Workshop participants", "neutral", topic) in found
    assert ("Supporters of licensing of private tutors", "support", topic) in found
    assert ("Parents who home educate", "oppose", topic) in found


def test_sceptical_doubt_becomes_opposition_to_the_aim() -> None:
    text = ("Workshop findings\n\nThere was broad agreement about the need for more funding for youth services. "
            "Some participants doubted that more funding for youth services would ever materialise.\n")
    found = positions(text)
    aim = "More funding for youth services"
    assert ("Workshop participants", "support", aim) in found
    assert ("Some participants", "oppose", aim) in found  # the doubt lands on the aim: a visible tension


def test_reported_speech_belongs_to_the_one_reported() -> None:
    text = ("Evidence\n\nThe Federation of Small Businesses told us that business rates should be cut, "
            "but the Treasury argued that rates must stay.\n")
    found = positions(text)
    assert ("Federation of Small Businesses", "support", "Business rates should be cut") in found
    assert ("Treasury", "support", "Rates must stay") in found


@pytest.mark.parametrize("sentence,expected", [
    # minutes and summaries report officers' advice and speakers' points with verbs of their own
    ("The Planning Manager advised that prematurity could justify refusal only in limited circumstances.",
     ("The Planning Manager", "support", "Prematurity could justify refusal only in limited circumstances")),
    ("Mr Harrow reminded Members that two recent appeals in the district had been allowed.",
     ("Mr Harrow", "support", "Two recent appeals in the district had been allowed")),
    ("The Minister conceded that the timetable for the register was tight.",
     ("The Minister", "support", "The timetable for the register was tight")),
    # a report of the reporter's own stance: the stance is on its object, with or without "that"
    ("The Federation said that it opposed the energy levy on households.",
     ("Federation", "oppose", "The energy levy on households")),
    ("The Trust said it supported the proposal for a national register of carers.",
     ("Trust", "support", "A national register of carers")),
    ("Councillor Fenwick said he would not oppose the housing scheme at Copse Road.",
     ("Councillor Fenwick", "support", "The housing scheme at Copse Road")),
])
def test_reported_advice_and_a_reported_stance_of_the_speaker(sentence: str, expected: tuple[str, str, str]) -> None:
    assert positions("Planning Committee\n\n" + sentence + "\n") == {expected}


def test_an_aside_on_what_is_opposed_is_the_speakers_reason_not_what_they_oppose() -> None:
    found = positions("Debate\n\nMs Kerrigan: I cannot support a moratorium, which would be a ban in all but name on "
                      "the family farm.\n")
    assert ("Ms Kerrigan", "oppose", "A moratorium") in found, found
    assert ("Ms Kerrigan", "support", "A moratorium would be a ban in all but name on the family farm") in found, found


def test_not_wanting_to_commit_to_something_is_against_it_not_a_call_on_someone() -> None:
    found = positions("Hearing\n\nMr. Bedi: I would not want to commit to extending the cap to every village on a line.\n")
    assert {(h, s) for h, s, _c in found} == {("Mr. Bedi", "oppose")}, found
    assert not any(" should " in c for _h, _s, c in found), found


@pytest.mark.parametrize("sentence,expected", [
    ("The Venison Processors Association told us in writing that only four game-handling plants remain in the north.",
     ("Venison Processors Association", "support", "Only four game-handling plants remain in the north")),
    ("Hillwalkers Scotland wrote to me last month to say that walkers could not tell where shooting was taking place.",
     ("Hillwalkers Scotland", "support", "Walkers could not tell where shooting was taking place")),
])
def test_evidence_in_writing_and_letters_are_their_senders(sentence: str, expected: tuple[str, str, str]) -> None:
    assert expected in positions("Committee\n\n" + sentence + "\n")


def test_disagreeing_with_what_a_witness_tells_the_committee_is_against_it() -> None:
    from stancegraph.loaders.extract.rebuttal import answer
    assert answer("Our members, who are the ones actually in the cab, would disagree.") == "oppose"
    assert answer("I would respectfully disagree.") == "oppose"
    assert answer("Our members work long shifts.") is None


def test_the_perfect_s_auxiliary_is_no_part_of_the_subject() -> None:
    found = positions("Committee\n\nThe Venison Processors Association has asked for a capital fund for processing.\n")
    assert ("Venison Processors Association", "support", "A capital fund for processing") in found, found


def test_a_stance_on_a_thing_named_in_two_words_meets_the_proposal_that_names_it_or_is_left_out() -> None:
    text = ("Hearing\n\nThe Tenants Union argued that the Government should introduce a cap on rent rises in every city.\n\n"
            "The Landlords Federation would resist a cap.\n")
    found = positions(text)
    cap = "The Government should introduce a cap on rent rises in every city"
    assert ("Landlords Federation", "oppose", cap) in found, found
    alone = positions("Hearing\n\nThe Landlords Federation would resist a cap.\n")
    assert not any(c.casefold() == "a cap" for _h, _s, c in alone), alone


def test_confirming_the_minutes_is_no_position() -> None:
    assert positions("Planning Committee\n\nThe Chair confirmed the minutes of the meeting held on 3 June.\n") == set()


def test_according_to_and_said_block_quote() -> None:
    text = ("Evidence\n\nAccording to the Road Haulage Association, fuel duty should be frozen.\n\n"
            "Professor Ann Lee, University of York, said:\n\n\"Congestion charging is the only tool that works.\"\n")
    found = positions(text)
    assert ("Road Haulage Association", "support", "Fuel duty should be frozen") in found
    assert ("Ann Lee", "support", "Congestion charging is the only tool that works") in found


def test_lead_in_makes_its_subject_the_holder_of_bullets() -> None:
    text = "Findings\n\nThe key themes identified from housing associations were:\n\n- more social rent homes\n- faster planning\n"
    found = positions(text)
    assert ("Housing associations", "support", "More social rent homes") in found
    assert ("Housing associations", "support", "Faster planning") in found


def test_hearing_speaker_holds_for_the_organisation_not_counsel() -> None:
    text = ("Submissions on behalf of the Tenants Union by Ms Rao KC\n"
            "---------------------------------------------------------\n\n"
            "**Ms Rao**: My Lady, the Inquiry should examine damp in social housing.\n\n"
            "**Chair**: Thank you.\n\n"
            "**Ms Rao**: We urge the Inquiry to hear from tenants directly.\n")
    found = positions(text, name="hearing.rst")
    assert ("Tenants Union", "support", "The Inquiry should examine damp in social housing") in found
    assert ("Tenants Union", "support", "The Inquiry should hear from tenants directly") in found
    assert not any(h in ("Ms Rao", "Rao") for h, _s, _c in found)


def test_debate_speaker_party_and_motion() -> None:
    text = ("Social Care Funding\n\nJane Smith (Barchester) (Lab)\n\nI beg to move, That this House calls on the "
            "Government to publish a funded plan for social care.\n\nTom Brown (Wessex) (Con)\n\n"
            "I oppose the motion, because councils already have the money they need.\n")
    b = extract_text(text, name="debate.txt")
    assert b.documents[next(iter(b.documents))].kind == "debate"
    found = {(b.stakeholders[p.stakeholder].label, p.stance.value, b.claims[p.claim].text) for p in b.positions.values()}
    motion = "This House calls on the Government to publish a funded plan for social care"
    assert ("Jane Smith", "support", motion) in found
    assert ("Tom Brown", "oppose", motion) in found
    jane = next(s for s in b.stakeholders.values() if s.label == "Jane Smith")
    assert [b.stakeholders[m].label for m in jane.member_of] == ["Labour Party"]


def test_committee_conclusions_are_the_committee_positions() -> None:
    text = ("House of Commons\n\nTransport Committee\n\nFourth Report of Session 2023-24\n\nSummary\n\n"
            "Conclusions and recommendations\n\n1. We recommend that the Government funds rural bus routes for ten years.\n")
    found = positions(text, name="committee.txt")
    assert ("Transport Committee", "support", "The Government funds rural bus routes for ten years") in found


def test_strength_follows_the_quantifier() -> None:
    b = extract_text("Findings\n\nThere was broad agreement that libraries need stable funding. "
                     "A few respondents felt that libraries should close on Sundays.\n")
    by_claim = {b.claims[p.claim].text: p for p in b.positions.values()}
    assert by_claim["Libraries need stable funding"].strength == 0.9  # "broad agreement" on the documented scale
    assert by_claim["Libraries should close on Sundays"].strength == 0.5  # "a few"
    assert by_claim["Libraries should close on Sundays"].quantifier == "a few"


def test_every_position_says_its_rule_and_confidence() -> None:
    b = extract_text("Findings\n\nCouncils argued that bins should be emptied weekly.\n")
    (p,) = b.positions.values()
    assert p.rule == "attrib:argue" and 0 < p.confidence <= 1
    (ev,) = p.evidence
    assert ev.source and ev.section == ("Findings",)


def test_frames_report_rule_and_polarity() -> None:
    (f,) = find_frames("Several councillors questioned whether the bypass would ever be built.")
    assert (f.rule, f.polarity) == ("attrib:doubt", "doubt")


@pytest.mark.parametrize("sentence, stance, claim", [
    ("What I can't support is the removal standard as written.", "oppose", "the removal standard as written"),
    ("What we'd ask is a guaranteed window of 45 days for councils.", "support", "a guaranteed window of 45 days for councils"),
    ("What we propose instead is a risk-based standard.", "support", "a risk-based standard"),
    ("What we'd ask for instead is a catchment risk standard.", "support", "a catchment risk standard"),
    ("What we do not accept is a cap on liability.", "oppose", "a cap on liability"),
])
def test_a_pseudo_cleft_says_its_holders_stance_contracted_or_not(sentence: str, stance: str, claim: str) -> None:
    (f,) = find_frames(sentence)
    assert (f.rule, f.polarity, f.claim_text(f.claims[0]).rstrip(".").casefold()) == ("what-is", stance, claim)


@pytest.mark.parametrize("sentence, whole", [
    ("The Harbour Trust submit that the quay should be divided so that, in addition to the north quay, there are "
     "two new berths for fishing boats.", "there are two new berths for fishing boats"),
    ("Residents argued that, for example in Lochend, there are no buses after six.", "there are no buses after six"),
])
def test_a_comma_that_closes_an_aside_does_not_end_the_claim(sentence: str, whole: str) -> None:
    [frame] = [f for f in find_frames(sentence) if f.claims]
    assert frame.claim_text(frame.claims[0]).endswith(whole)


# --------------------------------------------------------------------------- debate conventions

def debate(*turns: tuple[str, str]) -> set[tuple[str, str, str]]:
    """A Hansard-style sitting of (speaker line, speech) turns, read as a debate, after an opening turn."""
    turns = (("Ruth Kember (Eastmarsh) (LD)", "Every village library should stay open on Saturdays."), *turns)
    text = "Rural Libraries\n\n" + "".join(f"{who}\n\n{said}\n\n" for who, said in turns)
    b = extract_text(text, name="debate.txt")
    assert b.documents[next(iter(b.documents))].kind == "debate"
    return {(b.stakeholders[p.stakeholder].label, p.stance.value, b.claims[p.claim].text) for p in b.positions.values()}


@pytest.mark.parametrize("courtesy", [
    "I welcome the hon. Member for Eastmarsh to her place and to her first debate on the Front Bench.",
    "Again, I acknowledge the hon. Gentleman's point and will follow up on it with officials.",
    "I wish the hon. Lady and all Members present a restful summer recess.",
    "I wish to pass on my thanks to the library staff who have briefed me over recent months.",
    "Let me finish with a word about the volunteers who keep the mobile library running.",
    "I fear that I will have to write on some of the points raised by the hon. Member for Eastmarsh.",
])
def test_a_courtesy_in_a_debate_is_no_position(courtesy: str) -> None:
    found = debate(("Tom Aldous (Minister for Culture) (Con)", courtesy))
    assert not any(h == "Tom Aldous" for h, _s, _c in found), found
    assert ("Ruth Kember", "support", "Every village library should stay open on Saturdays") in found


def test_a_position_that_starts_like_a_courtesy_is_kept() -> None:
    found = debate(("Tom Aldous (Minister for Culture) (Con)",
                    "I welcome the new library standards; they are long overdue. I wish the councils had adopted them sooner."))
    assert ("Tom Aldous", "support", "The new library standards") in found


@pytest.mark.parametrize("question", [
    "The noble Lord, Lord Farrant, asked about the future of the mobile library service.",
    "I asked my officials whether any application was made to the Secretary of State in this case.",
    "I want to know what the Government will do about closures in the county.",
])
def test_a_question_reported_or_put_is_no_position(question: str) -> None:
    found = debate(("Baroness Linley (Con)", question))
    assert not any("Linley" in h for h, _s, _c in found), found


def test_want_access_to_something_is_a_call_for_access_not_a_verb_after_to() -> None:
    found = positions("Libraries\n\nReaders wanted access to the digital archive from home.\n")
    assert ("Readers", "support", "Access to the digital archive from home") in found


def test_a_cleft_gives_the_claim_to_the_one_who_said_it() -> None:
    found = debate(("Baroness Linley (Con)", "I think it was the noble Lord, Lord Farrant, who said—forgive me if I "
                    "misquote him—that every county needs a mobile library."))
    assert ("Lord Farrant", "support", "Every county needs a mobile library") in found or \
        ("Farrant", "support", "Every county needs a mobile library") in found, found
    assert not any("Linley" in h for h, _s, _c in found), found


def test_the_house_naming_a_member_leaves_the_member() -> None:
    found = debate(("Baroness Linley (Con)", "The right reverend Prelate the Bishop of Wexcombe expressed the need for "
                    "a national strategy for rural libraries."))
    assert ("Bishop of Wexcombe", "support", "A national strategy for rural libraries") in found, found


def test_what_was_said_in_the_past_without_a_speaker_is_not_the_speakers_position() -> None:
    found = debate(("Baroness Linley (Con)", "It was said then that the library levy was something we should aim at."))
    assert not any("Linley" in h for h, _s, _c in found), found


def test_a_modal_inside_a_relative_clause_states_no_position() -> None:
    frames = find_frames("The guidance was updated to clarify the evidence that should be provided with an application.")
    assert not any(f.rule == "modal" for f in frames)
    frames = find_frames("The guidance was updated, and the evidence that should be provided must now be listed in full.")
    assert [f.claim_text(f.claims[0]) for f in frames if f.rule == "modal"] == \
        ["The evidence that should be provided must now be listed in full"]


def test_a_modal_claim_holds_its_modal() -> None:
    frames = find_frames("Following the pilot phase, we will update the toolkit that gives councils the tools they need to buy well.")
    assert not any(f.rule == "modal" and f.claim_text(f.claims[0]) == "Following the pilot phase" for f in frames)


# --------------------------------------------------------------------------- committee-report reporting forms

def frames_of(sentence: str) -> list[tuple[str, str, str | None, list[str]]]:
    return [(f.rule, f.polarity, f.subject, [f.claim_text(c) for c in f.claims]) for f in find_frames(sentence)]


def test_a_second_report_joined_by_and_is_the_same_speakers_and_ends_the_first_claim() -> None:
    found = frames_of('The regulator said that "existing law is flexible enough" and indicated that new legislation '
                      'would not be necessary.')
    assert [(s, c) for _r, _p, s, c in found] == [("The regulator", ["Existing law is flexible enough"]),
                                                   ("The regulator", ["New legislation would not be necessary"])]
    found = frames_of("The panel said that rents were too high and did not accept that controls would help.")
    assert found[1][1:] == ("oppose", "The panel", ["Controls would help"])


def test_a_relative_who_reports_for_the_one_named_before_it() -> None:
    found = frames_of("Her view was shared by the Minister, who stated that the scheme compared well with others.")
    assert ("the Minister", ["The scheme compared well with others"]) in [(s, c) for _r, _p, s, c in found]
    found = frames_of("Tenants who want to stay in their homes said that rents were too high.")
    assert not any(s and s.startswith("want") for _r, _p, s, _c in found)


def test_it_added_is_the_body_just_named() -> None:
    found = frames_of('The Research Council was also of the opinion that the UK could lead, although it added that '
                      'training provision was "insufficient to meet demand".')
    assert [(r, s) for r, _p, s, _c in found] == [("attrib:believe", "The Research Council"), ("attrib:emphasise", "it")]


def test_optimistic_about_is_a_supporting_view() -> None:
    found = frames_of("Witnesses were optimistic about the ability of small libraries to attract new readers.")
    assert found == [("attrib:believe", "support", "Witnesses", ["The ability of small libraries to attract new readers"])]


@pytest.mark.parametrize("sentence,stance", [
    ("Landlords don't accept that rent controls would work.", "oppose"),
    ("Landlords don’t accept that rent controls would work.", "oppose"),
    ("Landlords did not strongly support rent controls.", "oppose"),
    ("Tenants whose first language is not English said that the forms were hard to follow.", "support"),
])
def test_negation_bears_on_the_verb_not_on_the_subject(sentence: str, stance: str) -> None:
    (frame,) = find_frames(sentence)
    assert frame.polarity == stance
    assert "not" not in (frame.subject or "") or "English" in (frame.subject or "")
    assert "n't" not in (frame.subject or "") and "n’t" not in (frame.subject or "")


def test_a_relative_which_reports_for_the_body_named_before_it() -> None:
    found = frames_of("We received evidence from the Ramblers, which warned that rural paths would close.")
    assert ("the Ramblers", ["Rural paths would close"]) in [(s, c) for _r, _p, s, c in found]


def test_both_x_and_y_are_two_holders() -> None:
    found = positions("Transport\n\nBoth the Bus Users Forum and the Rail Passengers Council supported a single "
                      "national ticket for rural journeys.\n")
    holders = {h for h, s, _c in found if s == "support"}
    assert {"Bus Users Forum", "Rail Passengers Council"} <= holders, found


def test_not_persuaded_doubts_the_claim() -> None:
    (frame,) = find_frames("We are not persuaded that a voluntary code will change the behaviour of landlords.")
    assert (frame.polarity, frame.claim_text(frame.claims[0])) == ("doubt", "A voluntary code will change the behaviour of landlords")


def test_a_participle_that_reports_more_ends_the_claim() -> None:
    (frame,) = find_frames("The Tenants Union opposed the rent freeze for new lets, describing it as a gift to landlords.")
    assert frame.claim_text(frame.claims[0]) == "The rent freeze for new lets"


def test_rejecting_a_view_against_a_proposal_sides_with_the_proposal() -> None:
    found = positions("Rents\n\nThe Landlords Federation opposed the cap on annual rent rises. The Tenants Union rejected "
                      "this view.\n")
    assert ("Landlords Federation", "oppose", "The cap on annual rent rises") in found
    assert ("Tenants Union", "support", "The cap on annual rent rises") in found


def test_disputing_figures_does_not_answer_a_claim_without_figures() -> None:
    found = positions("Rents\n\nThe Landlords Federation called for a national register of landlords. The Department "
                      "disputed these figures.\n")
    assert not any(c == "A national register of landlords" and s == "oppose" for _h, s, c in found), found


def test_a_response_answers_the_sentence_just_before_it_only() -> None:
    found = positions("Rents\n\nThe Landlords Federation called for a national register of landlords. The register "
                      "was discussed at length. The Tenants Union disagreed.\n")
    assert not any(h == "Tenants Union" for h, _s, _c in found), found


# --------------------------------------------------------------------------- agreement and verdicts in debate

def test_a_member_right_that_p_holds_p_and_so_does_the_speaker() -> None:
    found = debate(("Tom Aldous (Westmere) (Con)", "The hon. Member for Eastmarsh is right that opening hours matter "
                    "more than new buildings."))
    claim = "Opening hours matter more than new buildings"
    assert ("Tom Aldous", "support", claim) in found
    assert ("Ruth Kember", "support", claim) in found


def test_agreeing_with_a_member_that_p_gives_p_to_both() -> None:
    found = debate(("Tom Aldous (Westmere) (Con)", "I agree with the hon. Member for Eastmarsh that volunteers need "
                    "paid staff beside them."))
    claim = "Volunteers need paid staff beside them"
    assert {("Tom Aldous", "support", claim), ("Ruth Kember", "support", claim)} <= found, found


def test_it_is_not_true_that_p_opposes_p() -> None:
    found = debate(("Tom Aldous (Westmere) (Con)", "It is simply not true that the new formula cuts library budgets."))
    assert ("Tom Aldous", "oppose", "The new formula cuts library budgets") in found, found


def test_we_on_the_benches_is_the_speaker() -> None:
    found = debate(("Tom Aldous (Westmere) (Con)", "We on the Government Benches believe that councils should set "
                    "their own opening hours."))
    assert ("Tom Aldous", "support", "Councils should set their own opening hours") in found, found


def test_a_report_after_its_claim_is_the_reporters() -> None:
    (frame,) = find_frames("Councils must protect mobile libraries, the Rural Services Network argued.")
    assert (frame.subject, frame.claim_text(frame.claims[0])) == ("the Rural Services Network",
                                                                   "Councils must protect mobile libraries")


def test_a_modal_clause_before_a_reported_one_is_kept() -> None:
    claims = [(f.rule, f.claim_text(f.claims[0])) for f in find_frames(
        "The council should keep every branch open, and we have said that it can afford to.")]
    assert ("modal", "The council should keep every branch open") in claims


def test_a_prediction_is_not_a_finding() -> None:
    assert find_frames("If she does, she will find a good deal of support on both sides of the House.") == []


def test_a_sentence_ends_before_a_camel_case_name_after_a_footnote() -> None:
    from stancegraph.loaders.documents.structure import split_sentences
    text = "Skills were said to be short in the public sector.39 techUK thought that training should be funded."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Skills were said to be short in the public sector.39", "techUK thought that training should be funded."]


def test_a_participle_clause_before_the_subject_is_not_a_report_nor_the_holder() -> None:
    found = frames_of("When questioned about the new forms, witnesses did not believe that the forms allowed informed consent.")
    assert [(r, p) for r, p, _s, _c in found] == [("attrib:believe", "oppose")]
    found = positions("Consent\n\nWhen asked about the cuts, the Minister said that councils had enough money.\n")
    assert {h for h, _s, _c in found} == {"The Minister"}, found


def test_and_a_titled_name_starts_a_new_report() -> None:
    found = frames_of("Ms Cansoy reported that companies were concerned about ethics and Professor McAuley said that "
                      "small firms wanted to behave ethically.")
    assert [(s, c) for _r, _p, s, c in found] == [("Ms Cansoy", ["Companies were concerned about ethics"]),
                                                   ("Professor McAuley", ["Small firms wanted to behave ethically"])]


def test_a_submission_noted_is_the_submitters_and_a_point_recognised_is_conceded() -> None:
    found = frames_of("We note the Tenants Union's submission that deposits should be capped at one month's rent.")
    assert [(s, p) for _r, p, s, _c in found] == [("Tenants Union", "support")]
    found = frames_of("The Committee rejects the Government's argument that a voluntary code will work.")
    assert [(s, p) for _r, p, s, _c in found] == [("Government", "support"), ("The Committee", "oppose")]
    assert found[0][3] == found[1][3] == ["A voluntary code will work"]


@pytest.mark.parametrize("sentence", [
    "We anticipate that where there are significant differences of view amongst experts, they will say so.",
    "The Inquiry considers that by focusing on care homes and care at home.",
])
def test_a_subordinate_or_means_clause_alone_is_no_claim(sentence: str) -> None:
    found = positions("Scope\n\n" + sentence + "\n")
    assert not any(c.lower().startswith(("where there are", "by focusing")) for _h, _s, c in found), found


def test_considered_it_essential_and_but_emphasised_the_need_are_the_same_holders() -> None:
    found = frames_of('The Department considered it "essential" to protect tenants\' deposits but emphasised the need to '
                      '"avoid burdens on small landlords", recognising that most landlords own one property.')
    assert [(s, c) for _r, _p, s, c in found] == [("The Department", ["Protect tenants' deposits"]),
                                                   ("The Department", ["Avoid burdens on small landlords"])]


def test_a_claim_that_starts_with_a_reporting_verb_lost_its_subject() -> None:
    found = positions("Deposits\n\nHousing\n\nRecognised the need to avoid burdens on small landlords, the scheme was delayed.\n")
    assert not any(c.startswith("Recognised") for _h, _s, c in found)


def test_a_members_verdict_that_x_is_not_the_answer_is_their_position() -> None:
    found = debate(("Tom Aldous (Westmere) (Con)", "Another ring-fenced grant for village libraries is not the answer."))
    assert any(h == "Tom Aldous" and "ring-fenced grant" in c for h, _s, c in found), found


def test_further_along_is_not_a_connective() -> None:
    assert normalise_claim("Further along in the process, councils review each case") == \
        "Further along in the process, councils review each case"
    assert normalise_claim("Further, councils should review each case") == "Councils should review each case"


def test_he_is_right_in_saying_after_a_lead_phrase() -> None:
    found = frames_of("Because of the funding rules, he is right in saying that councils keep any unspent grant.")
    assert [(r, s, c) for r, _p, s, c in found] == [("attrib:believe", "he", ["Councils keep any unspent grant"]),
                                                     ("verdict", None, ["Councils keep any unspent grant"])]


def test_we_need_and_is_needed_state_a_position_of_whoever_speaks() -> None:
    found = [f for f in find_frames("We need a national standard for home insulation.") if f.rule == "modal"]
    assert found and found[0].polarity == "support"
    assert [f for f in find_frames("New legislation is urgently needed.") if f.rule == "modal"]
    assert not [f for f in find_frames("We needed two hours to get there.") if f.rule == "modal"]


def test_a_participle_after_a_possessive_is_not_a_cue_verb() -> None:
    # "the Government's recommended spending" is spending, not the Government recommending anything
    assert not find_frames("The Government's recommended spending on schools would mean a cut per pupil.")
    assert [f.subject for f in find_frames("The Government's advisers recommended that the scheme close.")] == \
        ["The Government's advisers"]


def test_a_first_person_frame_left_in_a_claim_is_stripped() -> None:
    assert normalise_claim("I recognise that the three-year settlement gave councils stability") == \
        "The three-year settlement gave councils stability"
    assert normalise_claim("We believe the pledge has failed") == "The pledge has failed"
    assert normalise_claim("I do not think the pledge has failed") == "I do not think the pledge has failed"


@pytest.mark.parametrize("sentence,subject,polarity", [
    ("The Harbour Federation told us in evidence last week that its members had borrowed against their quota.",
     "The Harbour Federation", "support"),
    ("But I am not persuaded that a new statutory scheme is the right vehicle.", "But I", "doubt"),
    ("I argue for criteria that are transparent and that a skipper can challenge.", "I", "support"),
    ("I would rather see the Government make the existing benefit funds reach the fishing community.", "I", "support"),
    ("I can tell the Committee that the Government will publish draft allocation criteria within six months.", "I can",
     "support"),
    ("I cannot agree with the hon. Member for Orval and the Skerries that the reserve should be 25%.", "I", "oppose"),
    ("The Network says plainly that volunteers should never again be sent into floodwater.", "The Network", "support"),
])
def test_speech_cues_of_a_sitting(sentence: str, subject: str, polarity: str) -> None:
    frames = [f for f in find_frames(sentence) if f.rule.startswith("attrib")]
    assert [(f.subject, f.polarity) for f in frames] == [(subject, polarity)]


@pytest.mark.parametrize("sentence,subject,polarity,claim", [
    ("I'm not yet persuaded on the seed ban.", "I", "doubt", "The seed ban"),
    ("I'm not convinced a national rule is the answer.", "I", "doubt", "A national rule is the answer"),
    ("We have serious reservations about the proposed levy.", "We", "doubt", "The proposed levy"),
    ("We're not in favour of a blanket rule.", "We", "oppose", "A blanket rule"),
    ("We would caution the committee against a national standard.", "We would", "oppose", "A national standard"),
    ("Speaking for the Liberal Party, we will not be supporting this bill in its current form.", "we", "oppose",
     "This bill in its current form"),
    ("We won't be supporting the amendment.", "We", "oppose", "The amendment"),
    ("We'd urge the committee not to recommend a federal service.", "We'd", "support",
     "The committee should not recommend a federal service"),
    ("I have to say that I share Mr Mackinnon’s doubts about a headcount, and I am not alone.", "I", "doubt",
     "A headcount"),
    ("We would have no difficulty with notification.", "We", "support", "Notification"),
    ("The council has no objection to the scheme.", "The council", "support", "The scheme"),
    ("It is for that reason that we cannot support a bill that sets aside a completed review.", "we", "oppose",
     "A bill that sets aside a completed review"),
])
def test_contracted_and_negated_cues_of_witnesses_and_members(sentence: str, subject: str, polarity: str, claim: str) -> None:
    """Contractions ("I'm", "we're"), "not in favour of", "reservations about", "caution ... against", "will not be
    supporting", and "urge X not to": each read with the stance it states."""
    frames = [f for f in find_frames(uninvert(sentence)) if f.rule.startswith("attrib")]
    assert [(f.subject, f.polarity, [f.claim_text(c) for c in f.claims]) for f in frames] == [(subject, polarity, [claim])]


def test_an_adverb_after_i_is_not_part_of_the_holder() -> None:
    assert ("Jane Hollis", "support") in {
        (h, s) for h, s, c in positions("Jane Hollis (Westmere) (Lab)\nI readily accept that the inshore fleet did not get "
                                        "a fair share of the quota.\n\nTom Brough (Eastcliff) (Con)\nI beg to move amendment 3.\n",
                                        name="sitting.txt") if "fair share" in c}


@pytest.mark.parametrize("name,label", [
    ("The Inshore Fishermen’s Alliance", "Inshore Fishermen's Alliance"),
    ("the Children's Society", "Children's Society"),
])
def test_a_possessive_inside_an_organisations_name_is_part_of_it(name: str, label: str) -> None:
    from stancegraph.loaders.extract.lexicon import default_lexicon
    from stancegraph.loaders.extract.stakeholders import Holder, Resolver
    found = Resolver(default_lexicon()).resolve(name)
    assert isinstance(found, Holder) and (found.label, found.kind) == (label, "organisation")


def test_two_organisations_that_both_told_the_committee_both_hold_it() -> None:
    found = positions("Quota\n\nThe Inshore Fishermen’s Alliance and the Federation of Fishing Producer Organisations, who "
                      "agree on very little, both told the Committee that a statutory compensation scheme was their single "
                      "most important ask of this Bill.\n\nIn England and Wales, it was argued that the schedule applied.\n")
    holders = {h for h, _s, c in found if "compensation scheme" in c}
    assert holders == {"Inshore Fishermen's Alliance", "Federation of Fishing Producer Organisations"}, found
    assert not {h for h, _s, _c in found} & {"England", "Wales"}


def test_a_long_claim_loses_its_aside_before_its_predicate() -> None:
    long = ('the proposed difference in fees between a red-rated and a green-rated tray, which it estimated at a small '
            'fraction of a penny per tray, was far too small to change the economics of tray design and would not shift '
            'the market before the end of the decade')
    assert normalise_claim(long).startswith("The proposed difference in fees between a red-rated and a green-rated tray "
                                            "was far too small")


def test_a_quotation_after_a_colon_is_not_part_of_the_reported_claim() -> None:
    s = 'He did not accept that the Pledge had failed: "It has missed a date. It has not missed the target."'
    assert [(f.polarity, s[a:b].strip()) for f in find_frames(s) for a, b in f.claims] == \
        [("oppose", "the Pledge had failed")]


def test_disagreeing_with_a_colon_introduces_the_speakers_own_claim() -> None:
    s = 'Councillor Pryce disagreed: "not yet recycled" was read by residents as nearly recyclable.'
    assert [f.polarity for f in find_frames(s)] == ["support"]


@pytest.mark.parametrize("sentence,stance,claim", [
    # a belief verb with its clause and no "that"
    ("Landlords think the licensing scheme was rushed.", "support", "The licensing scheme was rushed"),
    ("Landlords do not think fixed rent caps are the right tool.", "oppose", "Fixed rent caps are the right tool"),
    # the speaker's wariness, and "not against"
    ("Landlords would be wary of a power to cap rents outright.", "oppose", "A power to cap rents outright"),
    ("Landlords are not against councils licensing letting agents.", "support", "Councils licensing letting agents"),
    # a refusal
    ("Landlords have no plans to register every tenancy with the council.", "oppose", "Register every tenancy with the council"),
])
def test_belief_without_that_wariness_and_refusal(sentence: str, stance: str, claim: str) -> None:
    assert ("Landlords", stance, claim) in positions("Housing\n\n" + sentence + "\n")


def test_a_belief_verb_before_a_preposition_or_an_adverb_is_no_claim() -> None:
    assert not positions("Housing\n\nLandlords think about what tenants are paying every month.\n")
    assert not positions("Housing\n\nLandlords think carefully before the rents are set.\n")


def test_an_organisation_named_with_to_is_one_holder() -> None:
    got = positions("Energy\n\nThe Alliance to Save Energy believes that appliance standards should be broadened.\n")
    assert ("Alliance to Save Energy", "support", "Appliance standards should be broadened") in got


def test_a_second_stance_joined_by_and_is_its_own_claim() -> None:
    got = positions("Schools\n\nThe Parish Council disputed that the school is unsustainable and supported Option C, "
                    "with federation as a second choice.\n")
    assert ("Parish Council", "oppose", "The school is unsustainable") in got
    assert any(h == "Parish Council" and s == "support" and c.startswith("Option C") for h, s, c in got)
    got = positions("Schools\n\nParents said that the road was busy and welcomed the new pedestrian crossing.\n")
    assert ("Parents", "support", "The road was busy") in got and ("Parents", "support", "The new pedestrian crossing") in got


def test_a_stance_on_the_suggestion_that_p_is_a_stance_on_p() -> None:
    got = positions("Housing\n\nLandlords reject completely the suggestion that rents rose because of letting agents.\n")
    assert ("Landlords", "oppose", "Rents rose because of letting agents") in got


def test_said_without_that_reports_a_clause_but_states_as_a_noun_does_not() -> None:
    got = positions("Housing\n\nLandlords said the licensing fee was too high.\n")
    assert ("Landlords", "support", "The licensing fee was too high") in got
    assert not positions("Housing\n\nTwenty-three states and the capital have created a fund for tenants.\n")


def test_evidence_told_to_a_named_committee_is_the_witness_s() -> None:
    got = positions("Buses\n\nThe Bus Operators' Confederation told the Transport Committee last autumn that franchising "
                    "would cost every authority millions. The confederation was also clear in its evidence to the Transport "
                    "Committee that a service guarantee would force operators out.\n")
    holders = {h for h, _s, _c in got}
    assert holders == {"Bus Operators' Confederation"}, got
    assert len(got) == 2


def test_a_body_s_decisions_are_its_positions_and_its_title_names_it() -> None:
    text = ("Department for Rural Crossings\n\nGovernment response\n\n3.6 We will proceed with a duty on councils to repair "
            "every footbridge within a year. We have decided not to introduce a toll on rural footbridges at this stage. "
            "We will proceed with a register of footbridges, but we have decided to raise the threshold to ten metres.\n\n"
            "We will now adjourn until the afternoon session begins.\n")
    got = positions(text, name="response.txt")
    voice = "Department for Rural Crossings"
    assert (voice, "support", "A duty on councils to repair every footbridge within a year") in got, got
    assert (voice, "oppose", "Introduce a toll on rural footbridges at this stage") in got, got
    assert (voice, "support", "Raise the threshold to ten metres") in got, got
    assert not any("adjourn" in c for _h, _s, c in got), got


MINUTES = """THORNBY DISTRICT COUNCIL

PLANNING COMMITTEE

12. APPLICATION 25/00001/FUL - LAND AT MILL LANE, THORNBY

Mrs D Kay, speaking on behalf of the Mill Lane Residents' Association, objected to the application.

Mr O Bran, the applicant's agent for Harrow Homes, spoke in support.

It was moved by Councillor Baxter and seconded by Councillor Quill that the application be refused.

RESOLVED: That application 25/00001/FUL be REFUSED for the reasons set out in the motion.
"""


def test_minutes_give_speakers_their_body_s_stance_on_the_item_and_movers_their_motion() -> None:
    got = positions(MINUTES, name="minutes.txt")
    item = "Application 25/00001/FUL (Land At Mill Lane, Thornby) should be granted"
    assert ("Mill Lane Residents' Association", "oppose", item) in got, got
    assert ("Harrow Homes", "support", item) in got, got
    # the motion and the resolution it carried are one claim
    refused = {c for h, s, c in got if h == "The Committee" and s == "support" and c.startswith("Application 25/00001/FUL be REFUSED")}
    assert refused, got
    assert {("Councillor Baxter", "support", *refused), ("Councillor Quill", "support", *refused)} <= got, got
    assert not any(h == "RESOLVED" for h, _s, _c in got), got


def test_the_authors_verdict_in_their_conclusions_is_theirs_but_their_narrative_is_not() -> None:
    text = ("Landlords and retrofit\n\n1. We interviewed 32 people in 2025 about the retrofit grant and its rules.\n\n"
            "Conclusions\n\n2. A flat 50% landlord contribution would be unfair to the small landlords whose homes are worst.\n\n"
            "3. The interviews took place in the spring and the summer of 2025 in four towns.\n")
    got = positions(text, name="study.txt")
    assert any(s == "support" and c.startswith("A flat 50% landlord contribution would be unfair") for _h, s, c in got), got
    assert not any("interviewed" in c or "took place" in c for _h, _s, c in got), got


def test_a_passive_stance_with_an_aside_and_interviewees_codes_after_a_claim() -> None:
    got = positions("Retrofit\n\nThe proposal for a single advice hub was, however, opposed by advice organisations.\n\n"
                    "Landlords argued that a flat contribution would drive out small landlords (PL1, PL3 and LA2).\n")
    assert ("Advice organisations", "oppose", "A single advice hub") in got, got
    assert ("Landlords", "support", "A flat contribution would drive out small landlords") in got, got


def test_no_holder_is_a_relative_clause_a_negative_or_a_reporting_verb_left_over() -> None:
    got = positions("Councils\n\nThe Shire Councils Association,\nwhich represents 74 councils, said that a duty the council "
                    "cannot meet would expose it to legal challenge.\n\nNobody on the Conservative Benches wants to see a "
                    "home standing empty while a family waits in a bed and breakfast.\n\nMany people from Harlow Moor told us "
                    "they believed the Council had already decided to close the school.\n")
    holders = {h for h, _s, _c in got}
    assert "Shire Councils Association" in holders, got
    assert not any(h.startswith(("Which", "Nobody")) or h.endswith(" they") for h in holders), got


def test_housing_associations_are_not_private_landlords() -> None:
    got = positions("Rents\n\nLandlords argued that a rent freeze would drive out small landlords. Housing associations "
                    "disagreed.\n")
    assert ("Landlords", "support", "A rent freeze would drive out small landlords") in got, got
    assert ("Housing associations", "oppose", "A rent freeze would drive out small landlords") in got, got


def test_what_a_provision_would_do_is_a_stance_on_it_and_never_on_a_claim_that_sets_it_aside() -> None:
    """"A levy would raise prices" is against the levy, "the levy will cut emissions" for it: the two holders meet on
    "The levy"; "rather than a levy, producers should ..." is no claim of a levy; "The authority has agreed to ..." says
    what the authority did, not what it is worth."""
    text = ("FICTIONAL EXAMPLE.\n\nResponses to the consultation\n\n"
            "The Retail Consortium said that a levy would raise prices for shoppers.\n\n"
            "The Green Alliance said that the levy will cut emissions from packaging.\n\n"
            "The Packaging Federation suggested that, rather than a levy, producers should pay a deposit on each tray.\n\n"
            "The Waste Authority said that the authority has agreed to publish its figures.\n")
    rows = positions(text, name="responses.txt")
    assert ("Retail Consortium", "oppose", "The levy") in rows, rows
    assert ("Green Alliance", "support", "The levy") in rows, rows
    aside = next(c for h, _s, c in rows if h == "Packaging Federation")
    assert not any(c == aside for h, _s, c in rows if h in ("Retail Consortium", "Green Alliance")), rows
    assert not any(c == "The authority" for _h, _s, c in rows), rows


def test_a_provision_named_with_what_it_applies_to_or_as_an_act_meets_the_proposal_it_weighs_down() -> None:
    """"A federal allowance paid to everyone would pay households twice" is against the allowance the municipalities
    put forward ("A federal evacuation allowance paid directly to households would put money in people's hands"): the two
    meet on that proposal. So does "A requirement for parental consent would deter ...", and "Ending third-party appeals
    takes away ..." is against ending them; a negative inside a relative clause ("dealers, who would carry stock that may
    never sell") does not turn the verdict."""
    text = ("FICTIONAL EXAMPLE.\n\nEvidence to the committee\n\n"
            "The Northern Municipalities Association said that a federal evacuation allowance paid directly to households "
            "would put money in people's hands in days.\n\n"
            "The Insurers' Council said that a federal allowance paid to everyone would pay many households twice.\n\n"
            "The Youth Trust said that a requirement for parental consent would deter the young people who most need help."
            "\n\nThe Farmers' Federation said that ending third-party appeals takes away the one tool a farm family has.\n\n"
            "The Dealers Alliance said that the parts requirement would fall hardest on dealers, who would carry stock that "
            "may never sell.\n")
    rows = positions(text, name="hearing.txt")
    proposal = next(c for h, s, c in rows if h == "Northern Municipalities Association" and s == "support")
    assert proposal.startswith("A federal evacuation allowance"), rows
    assert ("Insurers' Council", "oppose", proposal) in rows, rows
    assert ("Youth Trust", "oppose", "The requirement for parental consent") in rows, rows
    assert ("Farmers' Federation", "oppose", "Ending third-party appeals") in rows, rows
    assert ("Dealers Alliance", "oppose", "The parts requirement") in rows, rows


@pytest.mark.parametrize("sentence,claims", [
    ("The CTBA argued that regional stations would lose most, warning that local news would be at risk.",
     ["Regional stations would lose most", "Local news would be at risk"]),
    ("The Department supported the exemption, noting that racing channels have almost no audience under 18.",
     ["The exemption", "Racing channels have almost no audience under 18"]),
    # whose "they", the clause does not say: left out
    ("Some participants believed that such models are out there but that they were not widely adopted.",
     ["Such models are out there"]),
])
def test_a_report_that_goes_on_reports_its_second_clause_too(sentence: str, claims: list[str]) -> None:
    frames = [f for f in find_frames(sentence) if f.rule.startswith("attrib")]
    assert [[f.claim_text(c) for c in f.claims] for f in frames] == [claims]


def test_every_cue_has_a_literal_start_so_sentences_are_scanned_by_the_prefix_index() -> None:
    """A cue with no literal start ("(?:would )?have no ...") turns the prefix index off and every sentence is then
    searched with the whole cue pattern (the corpus ran 15% slower); a look-behind before a literal is fine."""
    from stancegraph.loaders.extract.claims import _build_cues
    from stancegraph.loaders.extract.lexicon import default_lexicon
    assert _build_cues(default_lexicon()).starts is not None


@pytest.mark.parametrize("sentence,claim", [
    # "want X to do Y": X should do Y
    ("We want the Government to publish the data.", "The Government should publish the data"),
    # "want X done ...": the participle's "to" is a preposition, not an infinitive's
    ("Our members want distributions stopped entirely until the company is back to standard.",
     "Distributions should be stopped entirely until the company is back to standard"),
    ("We would like the clause limited to strategic guidance.", "The clause should be limited to strategic guidance"),
    ("The Opposition want companies held to account.", "Companies should be held to account"),
])
def test_a_wish_for_something_done_is_a_claim_that_it_should_be(sentence: str, claim: str) -> None:
    assert [f.claim_text(c) for f in find_frames(sentence) for c in f.claims] == [claim]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Where we have a serious problem is section 31.", ("Section 31", "oppose")),
    ("Where we part company with the bill is clauses 8, 11 and 14.", ("Clause 8", "oppose")),
    ("Where council draws the line is section 12.", ("Section 12", "oppose")),
    ("Our members are also uneasy about section 4.", ("Section 4", "oppose")),
    ("But I'm worried about section 12, and I agree with the reeve.", ("Section 12", "oppose")),
    ("We also share the union's objection to section 18.", ("Section 18", "oppose")),
    ("On clause 12, we have serious concerns.", ("Clause 12", "oppose")),
    ("I'd rather see section 9 gone.", ("Section 9", "oppose")),
    ("Let me start with section 31, because we agree with it completely.", ("Section 31", "support")),
    ("As for section 18, council has no quarrel with it in principle, but an audit seems sensible.", ("Section 18", "support")),
    ("And I don't need an engineer to tell me what my licence is worth, so section 18 suits me fine.", ("Section 18", "support")),
    ("The most important thing in this bill is clause 6.", ("Clause 6", "support")),
    ("Frankly, I think schedule 2 is the strongest consumer protection in the bill.", ("Schedule 2", "support")),
    ("Section 5 is one of the best things in this bill, because tenants can finally find the owner.", ("Section 5", "support")),
    # not a verdict on the part itself: a concern in passing, no position, the part's content, another document's part
    ("I'll focus on Schedule 2, though we have concerns with Schedule 1 as well.", None),
    ("We take no position on Schedule 4.", None),
    ("On section 9, council supports keeping the holdback mandatory.", None),
    ("Where we have a serious problem is the cost of the bond.", None),
    ("We are worried about section 4 of the Water Act 1991.", None),
    ("The most important thing in the debate is whether clause 6 survives.", None),
    ("Section 5 is the most expensive part of the bill.", None),
])
def test_a_verdict_said_of_a_numbered_part_is_a_stance_on_it(sentence: str, expected: tuple[str, str] | None) -> None:
    from stancegraph.loaders.extract.provisions import part_verdict
    found = part_verdict(sentence)
    assert (found and (found[0][0], found[1])) == expected
    if "clauses 8, 11 and 14" in sentence:
        assert found and found[0] == ["Clause 8", "Clause 11", "Clause 14"]


def test_a_clause_claim_never_leaves_a_tail_hanging_on_the_bill_name() -> None:
    """What a clause does, normalised, may lose its verb and leave the rest of the sentence after the bill's name
    ("... Bill and from within 20 metres of a waterway"): the clause is then named by its number and bill alone."""
    from stancegraph.loaders.extract.genres.questions import clause_claim
    text = ("Forestry (Harvest Residue) Amendment Bill\n\nWitness: Clause 8 requires every piece of harvest residue more than "
            "10 centimetres across and 2 metres long to be removed from erosion-prone land, and from within 20 metres of a "
            "waterway, within six months of harvest.")
    name = clause_claim(text, "8")
    assert name == "Clause 8 of Forestry (Harvest Residue) Amendment Bill" or name.startswith(
        "Clause 8 of Forestry (Harvest Residue) Amendment Bill, which requires"), name
    assert "and from within" not in name.split(", which")[0]


@pytest.mark.parametrize(("sentence", "who", "claim"), [
    ("On section 12, the government's position is that the district board is the right decision-maker.", "the government",
     "The district board is the right decision-maker"),
    ("On section 9, the ministry's experience is that a blanket holdback deters transfers.", "the ministry",
     "A blanket holdback deters transfers"),
    ("My understanding is that the office will report at arm's length.", "I", "The office will report at arm's length"),
    ("Frankly, our assessment is that the fund is too small.", "we", "The fund is too small"),
])
def test_a_holder_s_view_experience_or_understanding_is_their_claim(sentence: str, who: str, claim: str) -> None:
    """"X's position / experience / understanding is that P", after a topic ("On section 12, ...") or a discourse word, is
    X's support of P."""
    found = [(f.rule, f.subject, [f.claim_text(c) for c in f.claims]) for f in find_frames(sentence)]
    assert ("view-is", who, [claim]) in found, found


@pytest.mark.parametrize(("sentence", "claim"), [
    ("I'd hate to see the levy scrapped.", "The levy scrapped"),
    ("We would not want to see the holdback made discretionary.", "The holdback made discretionary"),
])
def test_hating_to_see_something_is_opposing_it(sentence: str, claim: str) -> None:
    found = frames_of(sentence)
    assert any(p == "oppose" and c == [claim] for _r, p, _s, c in found), found


@pytest.mark.parametrize("sentence,subject", [
    # a letter reported: the writer's, with the perfect's auxiliary no part of its name
    ("The Chief Constable of Northfold Police has written to her to warn that a public list of empty homes would help "
     "burglars.", "The Chief Constable of Northfold Police"),
    ("The Federation wrote to every Quebec member asking that Quebec receive its share.", "The Federation"),
    ("The Veterinary Society has advised us that on-farm slaughter for sale raises real difficulties.", "The Veterinary Society"),
    ("The society also made a point that there are not enough official veterinarians.", "The society"),
    # a condition is no one's stance; a courtesy before the speaker's own is the speaker's
    ("If the Nations want notice of every transfer, our districts can send it.", None),
    ("If I may come in on that point, we would be very wary of a deferral for renovation.", "we"),
])
def test_a_reported_letter_is_its_writer_s_and_a_condition_no_one_s(sentence: str, subject: str | None) -> None:
    subjects = [f.subject for f in find_frames(sentence) if f.rule.startswith("attrib")]
    if subject is None:
        assert not any(s and s.lower().startswith("if ") for s in subjects), subjects
    else:
        assert any(s and s.endswith(subject) for s in subjects), subjects


def test_a_choice_put_in_full_is_a_claim_though_it_names_one_thing() -> None:
    """"We support 56 days, not 28" names one thing, days, but says which: a claim, where "We support that approach" is
    too little to be one."""
    rows = positions("FICTIONAL EXAMPLE.\n\nResponses to the consultation\n\n"
                     "The Harbour Trust supports 56 days, not 28.\n\n"
                     "The Fishing Federation supports that approach.\n", name="responses.txt")
    assert ("Harbour Trust", "support", "56 days, not 28") in rows, rows
    assert not any(h == "Fishing Federation" for h, _s, _c in rows), rows


@pytest.mark.parametrize("sentence,polarity", [
    ("We cannot, however, support a bill that places the heaviest burden on the smallest firms.", "oppose"),
    ("We do not, I am afraid, support the cap.", "oppose"),
    ("The council, however, supports the cap.", "support"),
])
def test_an_aside_between_a_negation_and_its_verb_keeps_the_negation(sentence: str, polarity: str) -> None:
    """"We cannot, however, support a bill" is against it: the aside does not cut "cannot" from "support"."""
    frames = [f for f in find_frames(sentence) if f.rule.startswith("attrib")]
    assert frames and frames[0].polarity == polarity, [(f.rule, f.polarity, f.subject) for f in frames]


@pytest.mark.parametrize("sentence,claim", [
    ("We will be asking the committee to recommend a 72-hour standard.", "The committee should recommend a 72-hour standard"),
    ("I'm asking you to drop clause 6.", "You should drop clause 6"),
    ("We are asking that the cap apply to every municipality.", "The cap apply to every municipality"),
    # a speaker's account of what someone else asks of others is no call of that someone's
    ("The government is asking growers to wear the cost of a decision its regulator never recommended.", None),
])
def test_what_a_speaker_is_asking_for_is_their_call(sentence: str, claim: str | None) -> None:
    got = [f.claim_text(c) for f in find_frames(sentence) if f.rule == "attrib:advocate" for c in f.claims]
    assert got == ([claim] if claim else []), got


@pytest.mark.parametrize("claim,named", [
    ("The proposed minimum", True), ("Any further delay", True), ("A statutory duty", True), ("The levy", True),
    ("The idea", False), ("The proposed idea", False), ("The proposed minimum of 0.25%", False),
])
def test_a_named_thing_may_carry_one_word_that_says_which(claim: str, named: bool) -> None:
    """"The SFOF strongly opposed the proposed minimum": a stance on a thing named shortly, kept where alignment finds
    the proposal that names it (a word such as "proposed" or "statutory" says which, not what)."""
    from stancegraph.loaders.extract.pipeline import _NAMED_THING
    assert (_NAMED_THING.fullmatch(claim) is not None) == named


@pytest.mark.parametrize("subject,speaker", [
    ("People in my riding would", True), ("Residents of my constituency", True), ("The families in my area", True),
    ("People in Kelderby", False), ("Residents", False),
])
def test_a_member_speaking_for_their_constituents_is_the_speaker(subject: str, speaker: bool) -> None:
    """"People in my riding would welcome a longer runway": the member's own stance, put for those they represent, as
    "the families we represent" is a witness's."""
    from stancegraph.loaders.extract.lexicon import default_lexicon
    from stancegraph.loaders.extract.stakeholders import Reference, Resolver
    found = Resolver(default_lexicon()).resolve(subject)
    assert (isinstance(found, Reference) and found.kind == "we") == speaker, found


@pytest.mark.parametrize("subject,speaker", [
    ("Our survey", True), ("Our own modelling", True), ("Our monitoring", True), ("My analysis", True),
    ("The survey", False), ("Their modelling", False), ("The department's analysis", False),
])
def test_a_witness_own_evidence_is_the_witness(subject: str, speaker: bool) -> None:
    """"Our survey found 34 percent was cut residue", "Our monitoring has found that reset tools ...": the witness's body
    holds what its own evidence found; someone else's survey is theirs, not the speaker's."""
    from stancegraph.loaders.extract.lexicon import default_lexicon
    from stancegraph.loaders.extract.stakeholders import Reference, Resolver
    found = Resolver(default_lexicon()).resolve(subject)
    assert (isinstance(found, Reference) and found.kind == "we") == speaker, found


def test_a_conclusion_drawn_from_what_was_just_said_is_the_speaker_s() -> None:
    """"That is why inspection must be routine": the speaker's call, not a sentence about a reason (fictional
    hearing)."""
    from stancegraph.loaders.extract import extract_text
    text = ("FICTIONAL EXAMPLE.\n\nSTANDING COMMITTEE ON HOUSING\n\nBill 22, Rental Homes Act\n\n"
            "The Chair (Mr. Owen Ruddle): Our first presenter is the Tenants Alliance.\n\n"
            "Ms. Ana Reyes (Tenants Alliance): Tenants do not call code enforcement because they are afraid of being "
            "evicted. That is why inspection of every rental unit must be routine.\n\n"
            "Mr. Tom Vickery (Lakeshore North, NDP): Thank you, Ms. Reyes.\n")
    b = extract_text(text, name="hearing.txt")
    rows = {(b.stakeholders[p.stakeholder].label, p.stance.value, b.claims[p.claim].text) for p in b.positions.values()}
    assert any(h == "Tenants Alliance" and s == "support" and c.startswith("Inspection of every rental unit")
               for h, s, c in rows), rows
