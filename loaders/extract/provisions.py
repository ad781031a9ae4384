"""Provisions of a bill, and other holders' points, named in a claim rather than stated: where sides meet on them.

- :func:`provision_hits`: what a provision named as a sentence's subject would do, weighed ("The parts mandate would
  raise prices", "The metering requirement will reduce the risk ..."), is also a stance on the provision ("The parts
  mandate": against, for), kept beside the statement's own position (rule suffix ``+provision``);
- :func:`part_claims`: a part of the bill in hand named bare ("we support schedule 3") or to be taken out ("that
  schedule 3 be removed") is one claim, "Schedule 3 of <the bill>" (``+part``);
- :func:`their_points`: a stance on another holder's point named by its owner ("We don't accept the federation's
  figure") is a stance on what that holder last said of the kind (``+theirs``).

Claims these rules name stay as they are named: :func:`.hits.merge_hit_claims` and :func:`.hits.align_claims` never
fold them into a sentence that mentions them.

Imports: the standard library and the extractor's hits, claims and proposals modules.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .claims import CLAUSE_QUESTION, normalise_claim
from .merging import content_tokens
from .hits import _NEGATED, Hit
from .proposals import HARMS, evaluation

#: what a provision is called: "the parts mandate", "a 30-day deemed permit", "the levy in Section 38", "a federal
#: allowance paid to everyone", "a requirement for parental consent"
_PROVISION_NP = (
    r"(?:the|this|that|any|a|your|their)\s+(?:[\w$%'’-]+\s+){0,4}?(?:mandate|requirement|cap|levy|ban|limit|threshold|duty|"
    r"moratorium|tax|charge|fee|register|registry|licen[cs]ing|target|standard|obligation|exemption|regime|subsidy|service|"
    r"agency|authority|rule|allowance|payment|benefit|grant|scheme|programme|program|fund|protections|provisions?|bill|"
    r"clause|section|amendment|motion|permits?|approvals?|appeals?|delays?|restrictions?|penalt(?:y|ies)|quotas?)"
    r"(?:\s+(?:in|under|of)\s+(?:Section|clause|Part)\s+\d+[A-Za-z]?|\s+(?:(?:paid|designed|applied|imposed|charged|levied|"
    r"aimed|targeted)\s+(?:to|on|at|for|by)|for|on)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+)?")
#: a provision named as the act of making it: "Ending third-party appeals takes away ...", "Raising the fee would ..."
_PROVISION_ACT = (
    r"(?:Ending|Removing|Scrapping|Abolishing|Dropping|Raising|Cutting|Lowering|Introducing|Extending|Imposing|Allowing|"
    r"Requiring|Banning|Capping|Freezing|Delaying)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+(?=\s+(?:would|will|could|takes|is)\b)")
#: a provision named as the subject of a sentence that says what it would do: "The parts mandate would raise
#: prices", "The 40-mile-an-hour cap in clause 9 will reduce the energy released", "This bill would cost jobs",
#: "Clause 4 will raise the cost of capital" (a numbered part: :func:`part_claims` names it the bill's)
PROVISION = re.compile(
    r"^(?:(?:First|Second|Third|Finally|And|But|So|Yet|However|Frankly|Simply put|In short),?\s+)?"
    r"(?P<np>" + _PROVISION_NP + "|" + _PROVISION_ACT + r"|(?:the\s+)?(?:clause|schedule|section|part)\s+\d{1,3}[A-Za-z]?"
    r"(?:\s+of\s+the\s+bill)?)\s+(?P<pred>(?:would|will|could|is|are|does|has|cuts|shuts|locks|leaves|silences|strips|takes)\s+"
    r"(?!not\b|be\s+(?:debated|considered|discussed|read|introduced|moved|put)\b).{5,}|(?:worries|troubles|concerns|alarms)\s+"
    r"(?:us|me|our|my|them|their|residents|members)\b.*)$", re.I)
#: what a provision would do, weighed: its goods (its harms: :data:`.proposals.HARMS`)
_GOODS = re.compile(r"\b(?:(?:reduce|cut|lower|prevent)\s+(?:the\s+)?(?:risk|severity|harm|deaths?|injur\w+|accidents?|"
                    r"emissions|energy|costs?|bills?|waiting)|(?:protect|save)s?\s+(?:lives|jobs|people|residents|workers|"
                    r"consumers|children)|make\s+(?:\w+\s+){0,3}safer|close\s+(?:a|the|that)\s+(?:gap|loophole)|(?:cut|cuts|reduce|reduces|"
                    r"slash)\s+(?:the\s+)?(?:red\s+tape|bureaucracy|paperwork))\b", re.I)


#: the general words of ``evaluation.yaml`` that weigh what a provision does for the good (not its holder's attitude:
#: "agreed", "welcomed", "keen")
_GOOD_EFFECT = re.compile(r"\b(?:better|safer|easier|closer|convenient|saves?|saving|benefit(?:s|ed)?|helpful|useful|sensible|"
                          r"makes\s+sense|good\s+idea|positive|needed|necessary|essential|welcome|justified|overdue)\b", re.I)


def provision_hits(hits: list[Hit], bill: str | None = None) -> list[Hit]:
    """A holder's statement of what a provision would do, weighed one way ("The parts mandate would raise prices"),
    is also their stance on the provision ("The parts mandate": against), so that holders who argue its harms and
    its goods meet on it. "The bill" is the bill in hand (`bill`), when there is one."""
    out: list[Hit] = []
    for h in hits:
        if h.locked or h.side_topic or h.doubt or h.rule.startswith(("debate:", "proposal:", "moved")):
            continue
        m = PROVISION.match(h.claim)
        if m is None:
            continue
        # the verdict, not the reason given for it: "Clause 3 is needed, because users cannot plan without it"
        pred = re.split(r",?\s+(?:because|since|given\s+that|so\s+that)\b|,\s+(?:who|which|where|whose)\b|;", m.group("pred"))[0]
        if _NEGATED.search(pred):
            continue
        harms, goods = bool(HARMS.search(pred)), bool(_GOODS.search(pred))
        verdict = "oppose" if harms and not goods else "support" if goods and not harms else \
            evaluation(pred) or ("support" if _GOOD_EFFECT.search(pred) else None)  # ("Clause 3 is essential")
        if verdict is None or verdict == "support" and not (goods or _GOOD_EFFECT.search(pred)):
            continue  # ("The authority has agreed to ...": what it did, not what it is worth)
        np_ = " ".join(m.group("np").split())
        if re.match(r"(?:the|this|that)\s+bill$", np_, re.I):
            if bill is None:
                continue
            claim = bill
        elif re.match(r"(?:the|this|that|any|a|your|their)\s+(?:bill|clause|section|amendment|motion|provisions?)$", np_, re.I):
            continue  # "that provision": which one, the sentence does not say
        else:
            claim = normalise_claim(re.sub(r"^(?:this|that|any|a|your|their)\s+", "the ", np_, flags=re.I))
        stance = verdict if h.stance == "support" else "oppose" if verdict == "support" else "support"
        if claim.casefold() == h.claim.casefold():
            continue  # ("The moratorium is the part ... that worries me": its claim already)
        out.append(replace(h, claim=claim, stance=stance, rule=h.rule + "+provision", confidence=min(h.confidence, 0.5),
                           turned=None))
    return out


#: a part of a bill named bare as a claim: "Schedule 3", "clause 20 as drafted", "Schedule 1, the foliar ban on ..."
PART = re.compile(r"^(?:the\s+)?(?P<kind>clause|schedule|section|part|head|article)\s+(?P<n>\d{1,3}[A-Za-z]?)(?:\s+(?:as\s+"
                   r"(?:drafted|introduced|it\s+stands|(?:it(?:['’]s|\s+is)\s+)?written|well)|of\s+the\s+bill|in\s+full|in\s+its\s+current\s+form|without\s+"
                   r"reservation|altogether|entirely|completely|too|also|unless\s+[^;]+|until\s+[^;]+))?(?:,\s+(?:the\s+|and\s+|whatever\s+|which\s+|(?:Senator|Chair|Chairman|Minister|Convener|Deputy|"
                   r"Mr|Mrs|Ms|Dr)\b)[^;]*)?$", re.I)
#: a part of a bill to be taken out: "schedule 3 be removed", "Remove schedule 3 altogether"
_PART_OUT = re.compile(r"(?:^|\bthat\s+|\b(?:amendment|move|moving|vote|voting|should|must|to)\s+(?:to\s+)?)(?:(?:the\s+)?(?P<kind>clause|schedule|section|part|head)\s+(?P<n>\d{1,3}[A-Za-z]?)\s+"
                       r"(?:should\s+|must\s+)?be\s+(?:removed|deleted|dropped|scrapped|struck\s+out|taken\s+out|withdrawn|replaced)|"
                       r"(?:remove|delete|drop|scrap|strike\s+out|leave\s+out)\s+(?:the\s+)?(?P<kind2>clause|schedule|section|part|head)\s+"
                       r"(?P<n2>\d{1,3}[A-Za-z]?)|leave\s+(?:the\s+)?(?P<kind3>clause|schedule|section|part|head)\s+(?P<n3>\d{1,3}[A-Za-z]?)"
                       r"\s+out)\b", re.I)


#: several parts of a bill named bare: "Schedules 1 and 2", "clauses 4, 6 and 9"
_PARTS = re.compile(r"^(?:the\s+)?(?P<kind>clauses|schedules|sections|parts)\s+(?P<ns>\d{1,3}[A-Za-z]?(?:\s*,\s*\d{1,3}[A-Za-z]?)*"
                    r"\s+and\s+\d{1,3}[A-Za-z]?)(?:\s+(?:as\s+(?:drafted|they\s+stand)|in\s+full|too|also|both))?$", re.I)


def names_parts(text: str) -> bool:
    """Whether a claim only names a part, or parts, of the bill in hand ("clause 6", "Schedules 1 and 2")."""
    return PART.match(text) is not None or _PARTS.match(text) is not None


#: a part of a bill to be kept: "the committee should keep Schedule 4 as drafted", "retain clause 6"
_PART_KEPT = re.compile(r"(?:^|\b(?:should|must|to)\s+)(?:keep|retain|preserve|leave)\s+(?:the\s+)?(?P<kind>clause|schedule|section|part|head)"
                        r"\s+(?P<n>\d{1,3}[A-Za-z]?)(?:\s+(?:as\s+(?:drafted|it\s+stands|it\s+is)|intact|in\s+(?:place|the\s+bill)|unchanged))\b",
                        re.I)


#: a provision named by what it is and where it sits: "the 40-mile-an-hour cap in clause 9", "the levy under section 38"
_PART_HELD = re.compile(r"^(?:the|a|an)\s+(?P<np>(?:(?!(?:is|are|was|were|would|will|should|could|can|must|may|has|have|had|be|"
                        r"which|that|who)\b)[\w'’,-]+\s+){1,6}?)(?:in|under|of)\s+(?P<kind>clause|schedule|section|part|head|"
                        r"article)\s+(?P<n>\d{1,3}[A-Za-z]?)(?:\s+of\s+(?:the\s+bill|bill\s+\S+))?$", re.I)
#: a part's claim that says what the part does: "Clause 9 of Bill C-61: the 40-mile-an-hour cap", "..., which caps ..."
_PART_SAYS = re.compile(r"^(?P<kind>Clause|Schedule|Section|Part|Head|Article)\s+(?P<n>\d{1,3}[A-Za-z]?)\s+of\s+[^:]+?(?::\s+|,\s+which\s+)"
                        r"(?P<what>.+)$")


def held_part(claim: str, said: dict[tuple[str, str], tuple[str, frozenset[str]]]) -> str | None:
    """The part's claim for a provision named by what it is and where it sits ("The 40-mile-an-hour cap in clause 9"),
    where a claim of that part says what it does in the same words (`said`: (kind, number) -> (the part's claim, its
    content words)): "Clause 9 of Bill C-61: the 40-mile-an-hour cap". Else None: a feature of the part ("the
    10,000-resident threshold in clause 9") is not the part, and a stance on it may be the opposite of one on the part.

    >>> said = {("clause", "9"): ("Clause 9 of Bill C-61: the 40-mile-an-hour cap", content_tokens("the 40-mile-an-hour cap"))}
    >>> held_part("The 40-mile-an-hour cap in clause 9", said)
    'Clause 9 of Bill C-61: the 40-mile-an-hour cap'
    >>> held_part("The 10,000-resident threshold in clause 9", said) is None
    True
    """
    m = _PART_HELD.match(claim.strip())
    if m is None:
        return None
    known = said.get((m.group("kind").casefold(), m.group("n").casefold()))
    words = content_tokens(m.group("np"))
    return known[0] if known is not None and words and words <= known[1] else None


def part_claims(hits: list[Hit], bill: str | None, only: list[Hit] | None = None) -> list[Hit]:
    """A part of the bill in hand named bare ("we support schedule 3", "that schedule 3 be removed") is one claim for
    every holder, "Schedule 3 of <the bill>" (a clause a committee's sitting made a question, where there is one), so
    that those for it and those for taking it out meet on it. A bare name is renamed in place; a wish to take a part out
    ("Our preference is that schedule 3 be removed") keeps its claim and gives the stance on the part beside it
    (returned). `only`: the hits to read (default: all of `hits`, which also give the clauses asked)."""
    out_hits: list[Hit] = []
    if not bill:
        return out_hits
    asked = {m.group(1).casefold(): h.claim for h in hits if (m := re.match(r"^Clause (\d{1,3}) of ", h.claim)) and
             CLAUSE_QUESTION.match(h.claim)}
    said = {(m.group("kind").casefold(), m.group("n").casefold()): (h.claim, frozenset(content_tokens(m.group("what"))))
            for h in hits if (m := _PART_SAYS.match(h.claim))}
    for h in hits if only is None else only:
        if h.locked or h.side_topic or h.rule.startswith("debate:"):
            continue
        held = held_part(h.claim, said)
        if held is not None:  # "The 40-mile-an-hour cap in clause 9 will reduce ...": the clause, as its claim says it
            h.claim, h.rule = held, h.rule + "+part"
            continue
        several = _PARTS.match(h.claim)
        if several is not None:  # "We support Schedules 1 and 2": each of them
            kind = several.group("kind").casefold().rstrip("s")
            claims = [(asked.get(n) if kind == "clause" else None) or _part_name(kind, n, bill)
                      for n in re.findall(r"\d{1,3}[A-Za-z]?", several.group("ns"))]
            h.claim, h.rule = claims[0], h.rule + "+part"
            out_hits += [replace(h, claim=claim, turned=None) for claim in claims[1:]]
            continue
        whole, out = PART.match(h.claim), _PART_OUT.search(h.claim)
        kept = _PART_KEPT.search(h.claim) if whole is None and out is None else None
        if kept is not None:  # ("keep Schedule 4 as drafted": for the part, beside the statement)
            claim = asked.get(kept.group("n")) if kept.group("kind").casefold() == "clause" else None
            out_hits.append(replace(h, claim=claim or _part_name(kept.group("kind"), kept.group("n"), bill), rule=h.rule + "+part",
                                    turned=None))
            continue
        m = whole or out
        if m is None:
            continue
        kind = (m.group("kind") or (out.group("kind2") or out.group("kind3") if out else None) or "").casefold()
        n = m.group("n") or (out.group("n2") or out.group("n3") if out else None)
        if not kind or not n:
            continue
        name = asked.get(n) if kind == "clause" else None
        claim = name or _part_name(kind, n, bill)
        if whole is not None:
            h.claim, h.rule = claim, h.rule + "+part"
        else:
            out_hits.append(replace(h, claim=claim, stance="oppose" if h.stance == "support" else "support",
                                    rule=h.rule + "+part", turned=None))
    return out_hits


def _part_name(kind: str, n: str, bill: str) -> str:
    """'Schedule 3 of the X Bill 2027': a numbered part of the bill in hand, named as one claim ('Schedule 2 of Bill 88'
    where the bill is 'Bill 88, An Act to amend ...': its number says which)."""
    numbered = re.match(r"Bill\s+[A-Z]?-?\d{1,4}(?=,|\s+[—–-]\s)", bill)
    name = numbered.group(0) if numbered else bill[:1].lower() + bill[1:] if bill.startswith("The ") else bill
    return f"{kind.casefold().capitalize()} {n} of {name}"


def _part_no(k: int) -> str:
    """A numbered part of the bill ("section 31"), its groups numbered `k` (a pattern names several)."""
    return (rf"(?P<kind{k}>clause|schedule|section|part|head)s?\s+(?P<n{k}>\d{{1,3}}[A-Za-z]?(?:(?:\s*,\s*|\s+and\s+)\d{{1,3}}[A-Za-z]?)*)"
            r"\b(?!\s+of\s+(?:the\s+)?[A-Z])")


_WE = r"(?:I|we|council|our\s+(?:members|council|board|association|union|federation|local|nation|community)|the\s+(?:council|board|" \
      r"association|union|federation|coalition|alliance|chamber|county|district|nation))"
#: a speaker's verdict on a numbered part of the bill, said of the part rather than of what it does: against it ("Where we
#: have a serious problem is section 31", "Where council draws the line is section 12", "Our members are also uneasy about
#: section 4", "But I'm worried about section 12", "We also share the union's objection to section 18", "On section 12, we
#: have serious concerns", "I'd rather see section 9 gone") ...
_PART_AGAINST = re.compile(
    r"^(?:(?:but|and|so|now|frankly|again),?\s+)?(?:where\s+" + _WE + r"\s+(?:ha(?:ve|s)\s+(?:a\s+|some\s+)?(?:\w+\s+)?problems?|draws?\s+the\s+line|"
    r"parts?\s+company)(?:\s+with\s+(?:the|this|that)\s+bill)?\s+(?:is|are)\s+(?:with\s+|over\s+)?" + _part_no(1) + r"|" + _WE + r"(?:['’]m|['’]re|\s+am|\s+are|\s+is|\s+remains?)?\s+"
    r"(?:also\s+|still\s+|very\s+|deeply\s+|really\s+|particularly\s+)*(?:worried|uneasy|concerned|troubled|unhappy|alarmed)\s+"
    r"(?:about|with|by|over)\s+" + _part_no(2) + r"|" + _WE + r"\s+(?:also\s+)?share\s+(?:the\s+|their\s+|his\s+|her\s+)?[\w'’. -]{1,50}?"
    r"objections?\s+to\s+" + _part_no(3) + r"|on\s+" + _part_no(4) + r",\s+" + _WE + r"\s+(?:also\s+|still\s+)?(?:have|share)\s+(?:(?:very\s+)?"
    r"(?:serious|real|grave|deep|significant|major)\s+)?(?:concerns|reservations|objections)$|(?:I|we)(?:['’]d|\s+would)\s+"
    r"(?:rather|prefer\s+to)\s+see\s+" + _part_no(5) + r"\s+(?:gone|removed|deleted|dropped|scrapped|struck\s+out|taken\s+out))", re.I)
#: ... and for it: "Let me start with section 31, because we agree with it completely", "As for section 18, council has no
#: quarrel with it in principle", "section 18 suits me fine", "The most important thing in it is section 9", "I think
#: section 31 is the strongest reclamation law in the country"
_PART_FOR = re.compile(
    r"\b" + _part_no(1) + r",\s+(?:because|since|as)\s+" + _WE + r"\s+(?:fully\s+|strongly\s+|wholeheartedly\s+)?(?:agree\s+with|support|"
    r"welcome|back|endorse)\s+it\b|^(?:as\s+for|on|turning\s+to)\s+" + _part_no(2) + r",\s+" + _WE + r"\s+(?:ha(?:s|ve)\s+no\s+(?:quarrel|problem|"
    r"difficulty|objection|issue)\s+with\s+it|(?:fully\s+|strongly\s+)?(?:supports?|agrees?\s+with|welcomes?)\s+it)\b|"
    r"\b" + _part_no(3) + r"\s+suits\s+(?:me|us|our\s+\w+)\b|"
    r"^(?:(?:and|but|so|frankly),?\s+)?the\s+(?:single\s+)?(?:most\s+important|best|strongest)\s+(?:thing|part|provision)\s+in\s+(?:it|the\s+bill|this\s+bill)\s+is\s+"
    + _part_no(4) + r"$|^(?:(?:and|but|so|frankly),?\s+)?(?:I\s+think\s+)?" + _part_no(5) + r"\s+is\s+(?:one\s+of\s+)?the\s+(?:single\s+)?(?:most\s+important|best|strongest)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:things?|parts?|provisions?|laws?|measures?|protections?|safeguards?)\b", re.I)


def part_verdict(sentence: str) -> tuple[list[str], str] | None:
    """(the parts, "support" or "oppose") where a sentence gives the speaker's verdict on numbered parts of the bill in
    words said of the parts themselves (:data:`_PART_AGAINST`, :data:`_PART_FOR`): ["Section 31"], ["Clause 8",
    "Clause 11"] for "clauses 8 and 11" (named bare, a part becomes the bill's, :func:`part_claims`), else None."""
    sentence = sentence.strip().rstrip(".")
    for pattern, stance in ((_PART_AGAINST, "oppose"), (_PART_FOR, "support")):
        m = pattern.search(sentence)
        if m is not None:
            kind = next(v for k, v in m.groupdict().items() if k.startswith("kind") and v)
            ns = next(v for k, v in m.groupdict().items() if k.startswith("n") and v)
            return [f"{kind.capitalize()} {n}" for n in re.findall(r"\d{1,3}[A-Za-z]?", ns)], stance
    return None


#: a claim that names another holder's point rather than stating it: "the federation's figure", "the union's argument"
_THEIR_POINT = re.compile(r"^(?:the|their|its)\s+(?P<who>[\w'’&-]+(?:\s+[\w'’&-]+){0,5}?)['’]s?\s+(?:own\s+)?(?P<what>figures?|"
                          r"estimates?|costings?|numbers?|modelling|modeling|arguments?|claims?|case|points?|"
                          r"characteri[sz]ation|account|analysis|assessment|evidence)$", re.I)


def their_points(hits: list[Hit]) -> None:
    """A stance on another holder's point named by its owner ("We don't accept the federation's figure") is a stance
    on what that holder last said of the kind (a figure: its latest claim with a number in it), so that the two meet."""
    for h in hits:
        m = _THEIR_POINT.match(h.claim)
        if m is None or not h.spans:
            continue
        who = m.group("who").casefold()
        figure = re.match(r"(?:figure|estimate|costing|number|modell?ing)", m.group("what"), re.I) is not None
        earlier = [x for x in hits if x is not h and x.spans and x.spans[0][0] < h.spans[0][0] and x.stance == "support"
                   and x.holder.label != h.holder.label and re.search(r"\b" + re.escape(who) + r"\b", x.holder.label.casefold())
                   and (not figure or re.search(r"\d", x.claim)) and not _THEIR_POINT.match(x.claim)]
        if earlier:
            h.claim = max(earlier, key=lambda x: x.spans[0][0]).claim
            h.rule += "+theirs"
