"""Turns and submissions, in any genre: who speaks in a block, and for whom.

A section opened by "Submissions on behalf of A, B and C by Ms Y KC" (or "Opening statement on behalf of ...",
"Evidence from ...") makes each of A, B and C a holder of the positions in it, when Ms Y (or no one named)
speaks; a speaker who says "I appear on behalf of X" speaks for X from then on; the chair speaks as the chair;
a front-bench speaker for the Government, a shadow one for their party; anyone else for themselves.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...documents.structure import Block
from ..stakeholders import COMPANY_SUFFIX, Holder, Resolver, split_organisations
from .hansard import CHAIR, party_of
from .witnesses import STATEMENT_OF, is_role, organisation_named, statement_holder, untitled

if TYPE_CHECKING:
    from . import Context

SUBMISSION_HEADING = re.compile(
    r"^(?:\d+(?:\.\d+)*[.)]?\s+)?(?:(?:oral|written|closing|opening|further|additional|supplementary|dissenting|minority)\s+)?"
    r"(?:submissions?|statement|evidence|response|representations?|comments?|remarks|address|presentation|"
    r"(?<=dissenting\s)report|(?<=minority\s)report|views)\s+(?:on behalf of|from|(?:submitted\s+|presented\s+)?by|of)\s+(?P<who>.+?)"
    r"(?:\s*\((?P<ref>[A-Z]{2,6}\s?\d{3,5})\))?"
    r"(?:\s+by\s+(?P<by>(?:(?:the\s+)?(?:Rt\s+Hon\s+)?(?:Mr|Mrs|Ms|Miss|Mx|Dr|Professor|Prof|Sir|Dame|Lord|Lady|Baroness)\b.*)))?\s*$",
    re.I)
_ON_BEHALF = re.compile(r"\b(?:on behalf of|I represent|we represent|I appear for|appearing for|representing)\s+(?P<who>(?:the\s+)?"
                        r"[A-Z][^.;:]{2,150}?)(?=\s*(?:[.;:]|,\s+(?:and|which|who|my|making|together)\b|\s+and\s+(?:I|we)\b|$))")
_FRONT_BENCH = re.compile(r"^(?:The\s+)?(?:Minister|Secretary of State|Parliamentary Under-Secretary|Under-Secretary|Prime Minister|"
                          r"Chancellor|Leader of the House|Solicitor General|Attorney General|Paymaster General|Chief Secretary|"
                          r"Financial Secretary|Economic Secretary|Exchequer Secretary|Lord Chancellor|Home Secretary|"
                          r"Foreign Secretary)\b", re.I)
_SHADOW = re.compile(r"^(?:The\s+)?Shadow\b", re.I)


#: a committee member's or party's own report: "Coalition Senators' Dissenting Report", "Labor Members' Minority Report"
_OWN_REPORT = re.compile(r"^(?:\d+(?:\.\d+)*[.)]?\s+)?(?P<who>(?:the\s+)?[A-Z][^:;]{2,80}?)['’]\s*s?\s+(?:dissenting|minority|"
                         r"additional|supplementary)\s+(?:report|comments|views)\s*$", re.I)


def section_holder(heading: str) -> tuple[str, str | None] | None:
    """('X', 'Ms Y KC') for 'Submissions on behalf of X by Ms Y KC' and similar section openers ("Additional comments
    from the Australian Greens", "Coalition Senators' Dissenting Report")."""
    own = _OWN_REPORT.match(" ".join(heading.split()))
    if own:
        return own.group("who").strip(), None
    m = SUBMISSION_HEADING.match(" ".join(heading.split()))
    if not m:
        return None
    who = untitled(m.group("who").strip())  # "THE BRACKWATER HOUSE BEREAVED, SURVIVORS AND RESIDENTS GROUP"
    if re.match(r"^(?:the\s+)?(?:chair|chairman|chairwoman|presiding)\b", who, re.I):
        return "the chair", m.group("by")
    return who, m.group("by")


def last_word(label: str) -> str:
    """The last word of a name, case-folded, without a possessive ('Union' of 'Emergency Services Union's')."""
    words = re.sub(r"['’]s?$", "", label.strip()).split()
    return words[-1].casefold() if words else ""


def _surname(by: str) -> str:
    words = [w for w in re.sub(r"\b(?:KC|QC|MP|SC)\b", "", by).split() if w[:1].isupper()]
    return words[-1] if words else by


#: a minority's own report within a committee's: "Coalition Senators' Dissenting Report", "Additional comments from the
#: Australian Greens", "Minority report of the Conservative members", "Dissenting opinion"
_MINORITY_REPORT = re.compile(r"\b(?:dissenting|minority|supplementary|additional)\s+(?:reports?|comments|views|opinions?|"
                              r"remarks|statements?)\b", re.I)


def open_section(ctx: Context, b: Block, title: str, resolver: Resolver) -> None:
    """A heading naming whose submission follows sets the section's holders (and its counsel); a heading at that
    level or above closes it."""
    statement = statement_holder(title, resolver)
    # (a statement whose maker's organisation is not named opens no one's section: its heading is no list of holders)
    found = section_holder(title) if not STATEMENT_OF.match(title) else None
    if statement is not None:  # "STATEMENT OF X, ROLE, ORGANISATION, PLACE": the organisation's, when X speaks
        name, holder, member = statement
        counsel = _surname(name)
        holders = ctx.counsel_for.get(counsel.casefold()) if holder.kind == "person" else None
        ctx.section_holders = list(holders or [holder])  # "Prepared Statement of X": whom X spoke for
        # (a statement printed whole under the heading is its maker's evidence: see Reader.testifies)
        ctx.section_counsel, ctx.section_level, ctx.section_sticky, ctx.section_argues = counsel, b.level, True, False
        if not (holder.kind == "person" and not member):  # (a witness whose organisation her introduction names)
            ctx.counsel_for[counsel.casefold()] = list(ctx.section_holders)
    elif found is not None:
        who, by = found
        if who == "the chair":
            ctx.section_holders = [Holder("The Inquiry", "organisation")]
        else:
            ctx.section_holders = split_organisations(re.sub(r"\s+for\s+Module\s+\d+.*$", "", who, flags=re.I), resolver)
            for h in ctx.section_holders:
                if len(h.label.split()) >= 2:
                    ctx.named_orgs[last_word(h.label)] = h
                short = COMPANY_SUFFIX.sub("", h.label)
                if short != h.label:  # "Vale Water" in the text is the "Vale Water plc" of the heading
                    resolver.organisations[short] = h.label
        ctx.section_counsel = _surname(by) if by else None
        if ctx.section_counsel and ctx.section_holders and who != "the chair":
            ctx.counsel_for[ctx.section_counsel.casefold()] = list(ctx.section_holders)
        ctx.section_level = b.level
        # published written evidence ("Written evidence submitted by X (ABC0012)") runs, sub-headings and all, to the
        # next submission; so do written closing or opening submissions set as a title ("CLOSING SUBMISSIONS ON BEHALF
        # OF X", with lettered sections under it)
        ctx.section_sticky = bool(re.match(r"^\s*(?:written\s+)?evidence\s+submitted\s+by\b|.*\([A-Z]{2,6}\s?\d{3,5}\)\s*$|"
                                           r"^\s*(?:written\s+|closing\s+|opening\s+|final\s+)+submissions?\b", title, re.I)
                                  or title.isupper())
        # a minority's own report in a committee's ("Coalition Senators' Dissenting Report", "Additional comments from
        # the Australian Greens"): its statements are its argument, as a witness's are (Reader.testifies)
        ctx.section_argues = _MINORITY_REPORT.search(title) is not None
    elif ctx.section_holders and b.level <= ctx.section_level and not ctx.section_sticky:
        ctx.section_holders = []
        ctx.section_counsel = None
        ctx.section_argues = False


def turn_holders(ctx: Context, b: Block, resolver: Resolver) -> list[Holder]:
    """The organisation a speaker represents, a front-bench party, or the speaker; the section's holders when
    the block has no speaker."""
    if not b.speaker:
        return list(ctx.section_holders)
    tag = b.speaker.strip().strip("*:").strip()
    name = re.sub(r"\s+", " ", tag)
    if name.isupper():
        name = name.title()
    elif re.match(r"^(?:Senator|Sen\.|Mr|Mrs|Ms|Miss|Mx|Dr|Professor)\.?\s+[A-Z][A-Z'’-]+$", name):  # "Senator PRESCOTT"
        head, _, surname = name.rpartition(" ")
        name = f"{head} {surname.title()}"
        if tag in ctx.speaker_map and name not in ctx.speaker_map:
            return ctx.speaker_map[tag]
    if name in ctx.speaker_map:
        return ctx.speaker_map[name]
    titled = re.match(r"^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Professor|Prof|Chief|Mayor|Reeve)\.?\s+(?P<sur>[A-Z][\w'’-]+)$", name)
    if titled:  # "Ms. Tremblay", after "Aline Tremblay, President, Canadian Beekeepers' Federation:": the witness named so
        same = [k for k in ctx.witness_speakers if k.split()[-1] == titled.group("sur") and k in ctx.speaker_map]
        if len(same) == 1:
            return ctx.speaker_map[same[0]]
    if CHAIR.match(name):
        return [Holder("The Chair", "person")]
    if ctx.section_holders:
        counsel = ctx.section_counsel
        if counsel is None or counsel.casefold() in name.casefold():
            return list(ctx.section_holders)
    note = b.speaker_note or ""
    parts = [p.strip() for p in note.split("|") if p.strip()]
    party = next((party_of(p) for p in reversed(parts) if party_of(p)), None)  # "(Riding, CPC)" too
    if _FRONT_BENCH.match(name):
        return [Holder("Government", "organisation")]
    if _SHADOW.match(name) and party:
        return [Holder(party, "organisation")]
    person = resolver.resolve(name)
    label = person.label if isinstance(person, Holder) and person.kind == "person" else name
    if isinstance(person, Holder) and person.kind == "organisation" and not party:  # (a tag with a party is a member's)
        return [person]
    resolver.register_person(label)
    return [Holder(label, "person", member_of=(party,) if party else (),
                   member_kinds=((party, "organisation"),) if party else ())]


#: a witness's body as the Official Report puts it in brackets: capitalised words ("Harbour Towns Scotland"), no riding's
#: comma and no party
_BODY_NOTE = re.compile(r"(?:The\s+)?[A-Z][\w’'&.-]*(?:\s+(?:of|for|and|the|on|in|&|[A-Z][\w’'&.-]*)){1,10}")


#: a person's name as a tag gives it, titled or not ("Kerry Dunn", "Dr. Marguerite Olander")
_PERSON_TAG = re.compile(r"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Professor|Prof|Sir|Dame)\.?\s+)?(?!(?:The|Mr|Madam|Deputy)\b)[A-Z][\w’'-]+"
                         r"(?:\s+(?:Mac|Mc|O’|O'|de|van|von)?[A-Z][\w’'-]+){1,3}")


def learn_speaker(ctx: Context, b: Block, opening: str, resolver: Resolver) -> None:
    """"I appear on behalf of the Trades Union Congress", "Name (Department of X):": the speaker speaks for it from here
    on (as a witness, when "here on behalf of" or a body's name in brackets says so)."""
    if not b.speaker or b.speaker in ctx.speaker_map or ctx.section_holders:
        return
    # the note whole ("Department of Housing, Local Government and Heritage"), else one of its comma's parts, the last
    # body first ("Executive Director, Freshwater Watch"; "Reeve, Municipal District of X, Y Association": the post's
    # body, then the one the witness appears for)
    notes = [p.strip() for p in (b.speaker_note or "").split("|") if p.strip()]
    # (not the note whole where it opens with the witness's post: "Mayor, Municipality of X, Y Coalition")
    parts = [p for p in notes if not ("," in p and is_role(p.split(",")[0]))] + \
        [x.strip() for p in notes if "," in p for x in reversed(p.split(",")) if x.strip()]
    if any(re.fullmatch(r"\s*as\s+an\s+individual\s*", x, re.I) for x in parts):  # "(Associate Professor, Kestrel Bay
        name = re.sub(r"^(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Professor|Prof)\.?\s+)+", "", b.speaker.strip())  # University, As an
        ctx.speaker_map[b.speaker] = [Holder(name, "person")]  # Individual)": a witness for no body but themselves
        ctx.witness_speakers.add(b.speaker)
        resolver.register_person(name)
        return
    member = any(party_of(p) for p in notes)  # "(Central Scotland) (Lab)", "(Riding, CPC)": a member's seat, no body
    org = None if member else next((o for o in (organisation_named(p, resolver) for p in parts) if o is not None), None)
    if org is None and not member and len(notes) == 1 and _BODY_NOTE.fullmatch(notes[0]) and not party_of(notes[0]) and not is_role(notes[0]) \
            and _PERSON_TAG.fullmatch(b.speaker.strip()) and notes[0].casefold() not in b.speaker.casefold():  # ("The Chair (Mr. Gilles Arseneault)": an office, its holder's name)
        org = Holder(notes[0], "organisation")  # "Kerry Dunn (Harbour Towns Scotland):", a body with no word that says so
    if org is not None:  # "Mr. Ciarán Moloney (Department of Housing, Local Government and Heritage)": for the body named,
        ctx.speaker_map[b.speaker] = [org]  # in this turn and in the later ones, named without it
        ctx.witness_speakers.add(b.speaker)
        ctx.named_orgs.setdefault(last_word(org.label), org)  # "the Department" is the one named
        return
    m = _ON_BEHALF.search(opening)  # (the turn's first sentences)
    if m:
        holders = split_organisations(m.group("who"), resolver)
        if holders:
            ctx.speaker_map[b.speaker] = holders
            for h in holders:  # "The association supports Head 9": the association the speaker named
                if h.kind == "organisation" and len(h.label.split()) >= 2:
                    ctx.named_orgs.setdefault(last_word(h.label), h)
            if re.search(r"\b(?:here|speak(?:ing)?|give\s+evidence|attend(?:ing)?)\s+(?:today\s+)?on\s+behalf\s+of\s*$",
                         opening[:m.start("who")], re.I):
                ctx.witness_speakers.add(b.speaker)  # "I am here on behalf of X": a witness, not counsel


def letter_sender(letterhead: str, resolver: Resolver) -> Holder | None:
    """The organisation a letterhead's first line names ("North American Implement Dealers Alliance"), else None."""
    return organisation_named(untitled(letterhead.strip()), resolver)
