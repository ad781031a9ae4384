"""Hits: position candidates as the walk finds them, and the steps that settle them once it is done.

A :class:`Hit` is a position before it becomes records: a holder, a claim text, a stance, the rule that fired and
its passages. After the walk over a document, the hits are settled in order: doubts move onto the aims they
doubt (:func:`retarget_doubts`), negatively worded claims take their positive form where another holder states
it (:func:`settle_polarity`), near-duplicate claims merge (:func:`merge_hit_claims`), short claims of one holder
align onto the longer claim of another that contains them (:func:`align_claims`), opposite proposals are linked
(:func:`opposite_claims`) and person names are unified (:func:`merge_person_names`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ...graph.model.records import Source
from .claims import CLAUSE_QUESTION, normalise_claim
from .merging import (
    _weights, anchor_of, best_aim, cluster_claims, content_tokens, opposite_proposals, same_claim, same_instrument,
)
from .polarity import positive_form
from .proposals import evaluation
from .stakeholders import COMPANY_SUFFIX, Holder, capitalise
from .themes import ThemeMatcher

Span = tuple[int, int]

_PROPOSING = ("attrib:advocate", "modal", "turn:modal", "lead-in:", "debate:", "proposal:", "nominal:")
_ADVOCACY = re.compile(r"\b(?:should|must|needs? to|ought to|is (?:enough|sufficient|the answer|the right approach))\b", re.I)
_NEGATED = re.compile(r"\b(?:not|never|no|cannot|nor|without)\b|n't\b", re.I)
_PROSPECT = re.compile(r"\b(?:would|will|could|can|ever|happen|happening|materiali[sz]e|likely|likelihood|achieve[ds]?|"
                       r"deliver(?:ed)?|realistic|feasible|possible|as quickly|in time|soon|expected|projected|projections?)\b", re.I)


@dataclass
class Hit:
    """One position candidate before records are built."""

    holder: Holder
    claim: str
    stance: str  # support, oppose, neutral
    rule: str
    confidence: float
    spans: list[Span]
    source: Source
    section: tuple[str, ...]
    quantifier: str | None = None
    topics: list[str] = field(default_factory=list)
    doubt: bool = False
    locked: bool = False  # already placed on a topic claim; not moved to an aim
    side_topic: bool = False  # the holder is named after the claim ("Supporters of ...")
    turned: str | None = None  # the claim's positive form, taken (with the stance turned) if another holder states it


def turned_form(claim: str) -> str | None:
    """The positive form of a negatively worded claim (polarity.positive_form), else None."""
    turned, text = positive_form(claim)
    return text if turned and text != claim else None


def settle_polarity(hits: list[Hit]) -> None:
    """A negatively worded claim takes its positive form, with the stance turned, where another holder states
    that positive form (or a claim it lies inside): "a ban should not be necessary" meets the committee's
    "we recommend a ban" as an opposition to it. Elsewhere the holder's own wording stands."""
    by_holder: dict[str, set[str]] = {}
    for h in hits:
        by_holder.setdefault(h.claim, set()).add(h.holder.label)
    texts = list(by_holder)
    tokens = {t: content_tokens(t) for t in texts}
    weights = _weights(tokens.values())
    for h in hits:
        if not h.turned or h.stance == "neutral":
            continue
        t = content_tokens(h.turned)
        others = [c for c in texts if by_holder[c] - {h.holder.label}]
        if any(same_claim(t, tokens[c], weights) for c in others) or anchor_of(h.turned, others, weights=weights) is not None:
            h.claim = h.turned
            h.stance = "oppose" if h.stance == "support" else "support"
            h.rule += "+turned"


def part_of(group: Holder, quantifier: str | None, *, other: bool = False) -> Holder:
    """'Several' of the farmers named just before: 'Several farmers and farm workers', a part of that group."""
    base = group.member_of[0] if group.quantifier and group.member_of else group.label
    q = re.sub(r"^(a (?:small |large |significant )?number|a (?:small )?minority|the majority|a majority)$", r"\1 of",
               quantifier or "some")
    word = "Other" if other else capitalise(q)
    noun = base if re.match(r"^[A-Z][a-z]*[A-Z]|^[A-Z]{2,}", base) else base[:1].lower() + base[1:]
    return Holder(f"{word} {noun}", "group", quantifier=quantifier, member_of=(base,), generic=True,
                  member_kinds=((base, "group"),))


def _claim_words(claim: str) -> str:
    """The first words of a claim, as the object of 'Supporters of ...'."""
    return " ".join(normalise_claim(claim).split()[:7]).casefold()


def retarget_doubts(hits: list[Hit], matcher: ThemeMatcher) -> None:
    """A doubt ('some doubted that funding would materialise') moves onto the aim it doubts, if the document states one.

    The aim is a claim some other holder supports: among aims sharing a theme with the doubt, the most
    similar; with no theme in common, only a close match (similarity at least 0.45).
    """
    aims: list[str] = []
    holders_of: dict[str, set[str]] = {}
    for h in hits:
        if h.stance == "support":
            if h.claim not in aims:
                aims.append(h.claim)
            holders_of.setdefault(h.claim, set()).add(h.holder.label)
    if not aims:
        return
    weights = _weights([content_tokens(a) for a in aims] + [content_tokens(h.claim) for h in hits if h.doubt])
    aim_themes = {a: {t.id for t in matcher.in_text(a)} for a in aims}
    for h in hits:
        if not h.doubt or h.locked:
            continue
        if not (h.rule.startswith("similar") or _PROSPECT.search(h.claim)):
            continue  # a doubt about a fact stays on its own claim; only doubts about prospects attach to aims
        candidates = [a for a in aims if a != h.claim and holders_of.get(a) != {h.holder.label}]
        themes = {t.id for t in matcher.in_text(h.claim)}
        shared = [a for a in candidates if themes & aim_themes[a]]
        i = best_aim(h.claim, shared, weights=weights, threshold=0.1) if shared else None
        target = shared[i] if i is not None else None
        if target is None:
            j = best_aim(h.claim, candidates, weights=weights, threshold=0.45)
            target = candidates[j] if j is not None else None
        if target is not None:
            h.claim = target
            h.rule += "+aim"
            h.confidence = round(max(0.2, h.confidence - 0.1), 2)


def side_object(claim: str, matcher: ThemeMatcher) -> str:
    """What 'Supporters of ...' support: the theme that covers the claim, or the claim's first words."""
    theme = matcher.covering(normalise_claim(claim))
    return theme.casefold() if theme else _claim_words(claim)


_PREDICATE = re.compile(r"\b(?:would|will|is|are|was|were|should|must|could|can|may|might|has|have|had|does|do|did|"
                        r"shall|costs?|means?|makes?|leads?|needs?)\b", re.I)


def merge_hit_claims(hits: list[Hit], matcher: ThemeMatcher) -> dict[str, str]:
    """Near-duplicate claim texts in one document become the first of their cluster.

    A claim that is the start of a longer claim in the same section ("Regulation/registration" and
    "Regulation/registration of the social care workforce") is that claim.
    """
    by_section: dict[tuple[str, ...], list[str]] = {}
    for h in hits:
        by_section.setdefault(h.section, []).append(h.claim)
    for h in hits:
        low = h.claim.casefold()
        # the longer one must name more of the same thing ("... of the social care workforce"), not say something of it
        # ("a national fares cap would cost councils more ...", which a holder of "we oppose a national fares cap" agrees)
        longer = [c for c in by_section[h.section] if len(c) > len(h.claim) and c.casefold().startswith(low + " ")
                  and not _PREDICATE.search(c[len(low):])] if not h.rule.endswith("+provision") else []
        if longer:
            h.claim = min(longer, key=len)
    # a clause of the bill named in a committee is a question of its own: a witness's sentence on it stays a claim
    provisions = _provisions(hits)
    texts = [t for t in dict.fromkeys(h.claim for h in hits) if not CLAUSE_QUESTION.match(t) and t not in provisions]
    reps = cluster_claims(texts)
    canon = {t: texts[r] for t, r in zip(texts, reps)}
    named = sorted(provisions - set(texts))  # a provision merges with its namesakes, not with a sentence about it
    canon.update({t: named[r] for t, r in zip(named, cluster_claims(named))})
    for h in hits:
        h.claim = canon.get(h.claim, h.claim)
        label = h.holder.label
        if h.side_topic and label.startswith(("Supporters of ", "Opponents of ")):
            noun = label.split(" of ", 1)[0]
            h.holder = replace(h.holder, label=f"{noun} of {side_object(h.claim, matcher)}")
    return canon


def align_claims(hits: list[Hit]) -> dict[str, str]:
    """Positions of different holders on one proposition share its claim.

    A short claim of one holder ("A ban", after polarity turned "a ban should not be necessary" round) that
    lies inside a longer claim held by someone else ("The Government should legislate to ban black plastic
    trays") is a position on that claim: it moves there, keeping its stance, so that the two holders meet
    (and conflict, where their stances differ). Returns the texts moved (old -> new).
    """
    holders: dict[str, set[str]] = {}
    proposed: set[str] = set()
    provisions = _provisions(hits)  # named by their holders: they stay
    for h in hits:
        holders.setdefault(h.claim, set()).add(h.holder.label)
        if h.stance == "support" and (h.rule.startswith(("debate:moved", "moved", "proposal:")) or _ADVOCACY.search(h.claim)) \
                and not _NEGATED.search(h.claim):  # ("No ban should take effect before 2029" proposes no ban)
            proposed.add(h.claim)
    texts = list(holders)
    weights = _weights([content_tokens(t) for t in texts])
    moved: dict[str, str] = {}
    # what each claim names only to set it aside ("Rather than a cap, rents should ..."): no claim of a cap
    aside = {a: [content_tokens(m.group("x")) for m in _RATHER.finditer(a)] for a in texts}
    for t in texts:
        if CLAUSE_QUESTION.match(t) or t in provisions:  # a clause of the bill, a provision: the question itself, not
            continue                                       # a mention inside someone's sentence
        if len(content_tokens(t)) < 2 and len(t.split()) > 3:  # one content word in a sentence ("They did not
            continue                                            # know who was calling"): too little to place it
        mine = content_tokens(t)
        others = [a for a in texts if a != t and holders[a] - holders[t]
                  and not (aside[a] and mine and any(mine <= x for x in aside[a]))]
        # a bare name of a proposal ("A moratorium", "The moratorium as drafted") is a stance on the proposal where one
        # is put ("The Minister should introduce a moratorium on ..."), before any claim that says something of it
        proposals = [a for a in others if a in proposed] if not _PREDICATE.search(t) else []
        i = anchor_of(t, proposals, weights=weights) if proposals else None
        if i is not None:
            moved[t] = proposals[i]
            continue
        i = anchor_of(t, others, weights=weights)
        if i is not None:
            moved[t] = others[i]
    # a proposal only opposed, named in other words than by those who put it ("Create a federal firefighting agency",
    # against "The creation of a federal wildland fire service"): the same instrument, where one proposal names it
    renamed: set[str] = set()
    opposed = {h.claim for h in hits if h.stance == "oppose"} - {h.claim for h in hits if h.stance != "oppose"}
    put = {h.claim for h in hits if h.stance == "support" and not h.side_topic and not _NEGATED.search(h.claim)
           and (h.rule.startswith(_PROPOSING) or _ADVOCACY.search(h.claim))}
    for t in texts:
        if t in moved or t not in opposed or t in provisions or CLAUSE_QUESTION.match(t) or _NEGATED.search(t):
            continue
        named = [a for a in put if a != t and not holders[a] & holders[t] and same_instrument(t, a)]
        if named:  # the one sharing most of its words, then the one most hold, then the one put most shortly
            moved[t] = max(named, key=lambda a: (len(content_tokens(a) & content_tokens(t)), len(holders[a]),
                                                 -len(content_tokens(a)), -texts.index(a)))
            renamed.add(t)
    for h in hits:
        if h.claim in moved and not h.side_topic:
            h.rule += "+instrument" if h.claim in renamed else "+aligned"
            h.claim = moved[h.claim]
    return moved


#: a provision named as the subject of a sentence that says what it would do: "The parts mandate would raise
#: prices", "The 40-mile-an-hour cap in clause 9 will reduce the energy released", "This bill would cost jobs"
PROVISION = re.compile(
    r"^(?:(?:First|Second|Third|Finally|And|But|So|Yet|However|Frankly|Simply put|In short),?\s+)?"
    r"(?P<np>(?:the|this|that|any|a|your|their)\s+(?:[\w$%'’-]+\s+){0,4}?(?:mandate|requirement|cap|levy|ban|limit|threshold|duty|"
    r"moratorium|tax|charge|fee|register|registry|licen[cs]ing|target|standard|obligation|exemption|regime|subsidy|service|"
    r"agency|authority|rule|allowance|payment|benefit|grant|scheme|programme|program|fund|"
    r"protections|provisions?|bill|clause|section|amendment|motion)(?:\s+(?:in|under|of)\s+(?:Section|clause|Part)\s+\d+"
    r"[A-Za-z]?)?)\s+(?P<pred>(?:would|will|could|is|are|does|has)\s+(?!not\b|be\s+(?:debated|considered|discussed|read|"
    r"introduced|moved|put)\b).{8,})$", re.I)
#: what a provision would do, weighed: its harms and its goods (beyond the general words of ``evaluation.yaml``)
_HARMS = re.compile(r"\b(?:(?:raise|push\s+up|drive\s+up|increase|add\s+to)\s+(?:the\s+)?(?:prices?|costs?|bills?|rents?|"
                    r"fares?)|cost\s+(?:\w+\s+)?jobs|fall\s+hardest|hit\s+(?:\w+\s+){0,3}hardest|too\s+(?:weak|broad|narrow|"
                    r"blunt|vague|rigid)|(?:do|does|cause)\s+(?:real\s+|serious\s+)?(?:harm|damage)|harm|hurt|penali[sz]e|"
                    r"unworkable|put\s+(?:\w+\s+){0,3}out\s+of\s+business|drive\s+(?:\w+\s+){0,3}out|force\s+(?:\w+\s+){0,3}"
                    r"to\s+close|backfire|make\s+(?:\w+\s+){0,3}(?:worse|harder|less\s+safe)|counterproductive|counter-productive|duplicat\w*|"
                    r"waste\w*|bureaucra\w+|red\s+tape)\b", re.I)
_GOODS = re.compile(r"\b(?:(?:reduce|cut|lower|prevent)\s+(?:the\s+)?(?:risk|severity|harm|deaths?|injur\w+|accidents?|"
                    r"emissions|energy|costs?|bills?|waiting)|(?:protect|save)s?\s+(?:lives|jobs|people|residents|workers|"
                    r"consumers|children)|make\s+(?:\w+\s+){0,3}safer|close\s+(?:a|the|that)\s+(?:gap|loophole))\b", re.I)


#: the general words of ``evaluation.yaml`` that weigh what a provision does for the good (not its holder's attitude:
#: "agreed", "welcomed", "keen")
_GOOD_EFFECT = re.compile(r"\b(?:better|safer|easier|closer|convenient|saves?|saving|benefit(?:s|ed)?|helpful|useful|sensible|"
                          r"makes\s+sense|good\s+idea|positive)\b", re.I)


def _provisions(hits: list[Hit]) -> set[str]:
    """The claims only :func:`provision_hits` or :func:`part_claims` named (a provision some sentence also names as its
    claim is a claim like any other)."""
    return {h.claim for h in hits if h.rule.endswith(("+provision", "+part"))} - \
        {h.claim for h in hits if not h.rule.endswith(("+provision", "+part"))}


def provision_hits(hits: list[Hit], bill: str | None = None) -> list[Hit]:
    """A holder's statement of what a provision would do, weighed one way ("The parts mandate would raise prices"),
    is also their stance on the provision ("The parts mandate": against), so that holders who argue its harms and
    its goods meet on it. "The bill" is the bill in hand (`bill`), when there is one."""
    out: list[Hit] = []
    for h in hits:
        if h.locked or h.side_topic or h.doubt or h.rule.startswith(("debate:", "proposal:", "moved")):
            continue
        m = PROVISION.match(h.claim)
        if m is None or _NEGATED.search(m.group("pred")):
            continue
        harms, goods = bool(_HARMS.search(m.group("pred"))), bool(_GOODS.search(m.group("pred")))
        verdict = "oppose" if harms and not goods else "support" if goods and not harms else evaluation(m.group("pred"))
        if verdict is None or verdict == "support" and not (goods or _GOOD_EFFECT.search(m.group("pred"))):
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


#: what a claim sets aside: "rather than a cap", "instead of a levy", "not a ban"
_RATHER = re.compile(r"\b(?:rather\s+than|instead\s+of|in\s+place\s+of|as\s+opposed\s+to|other\s+than|not)\s+(?P<x>[^,;]{2,80})",
                     re.I)


#: a part of a bill named bare as a claim: "Schedule 3", "clause 20 as drafted", "Schedule 1, the foliar ban on ..."
_PART = re.compile(r"^(?:the\s+)?(?P<kind>clause|schedule|section|part|head|article)\s+(?P<n>\d{1,3}[A-Za-z]?)(?:\s+(?:as\s+"
                   r"(?:drafted|introduced|it\s+stands)|of\s+the\s+bill|in\s+full|in\s+its\s+current\s+form|without\s+"
                   r"reservation|altogether))?(?:,\s+(?:the\s+|and\s+|(?:Senator|Chair|Chairman|Minister|Convener|Deputy|"
                   r"Mr|Mrs|Ms|Dr)\b)[^;]*)?$", re.I)
#: a part of a bill to be taken out: "schedule 3 be removed", "Remove schedule 3 altogether"
_PART_OUT = re.compile(r"(?:^|\bthat\s+|\b(?:amendment|move|moving|vote|voting)\s+to\s+)(?:(?:the\s+)?(?P<kind>clause|schedule|section|part|head)\s+(?P<n>\d{1,3}[A-Za-z]?)\s+"
                       r"(?:should\s+|must\s+)?be\s+(?:removed|deleted|dropped|scrapped|struck\s+out|taken\s+out|withdrawn)|"
                       r"(?:remove|delete|drop|scrap|strike\s+out)\s+(?:the\s+)?(?P<kind2>clause|schedule|section|part|head)\s+"
                       r"(?P<n2>\d{1,3}[A-Za-z]?))\b", re.I)


def part_claims(hits: list[Hit], bill: str | None) -> list[Hit]:
    """A part of the bill in hand named bare ("we support schedule 3", "that schedule 3 be removed") is one claim for
    every holder, "Schedule 3 of <the bill>" (a clause a committee's sitting made a question, where there is one), so
    that those for it and those for taking it out meet on it. A bare name is renamed in place; a wish to take a part out
    ("Our preference is that schedule 3 be removed") keeps its claim and gives the stance on the part beside it
    (returned)."""
    out_hits: list[Hit] = []
    if not bill:
        return out_hits
    asked = {m.group(1).casefold(): h.claim for h in hits if (m := re.match(r"^Clause (\d{1,3}) of ", h.claim)) and
             CLAUSE_QUESTION.match(h.claim)}
    for h in hits:
        if h.locked or h.side_topic or h.rule.startswith("debate:"):
            continue
        whole, out = _PART.match(h.claim), _PART_OUT.search(h.claim)
        m = whole or out
        if m is None:
            continue
        kind = (m.group("kind") or (out.group("kind2") if out else None) or "").casefold()
        n = m.group("n") or (out.group("n2") if out else None)
        if not kind or not n:
            continue
        name = asked.get(n) if kind == "clause" else None
        claim = name or f"{kind.capitalize()} {n} of {bill[:1].lower() + bill[1:] if bill.startswith('The ') else bill}"
        if whole is not None:
            h.claim, h.rule = claim, h.rule + "+part"
        else:
            out_hits.append(replace(h, claim=claim, stance="oppose" if h.stance == "support" else "support",
                                    rule=h.rule + "+part", turned=None))
    return out_hits


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


def opposite_claims(hits: list[Hit]) -> list[tuple[str, str]]:
    """Pairs of claims that propose opposite instruments on one topic and are backed by different holders.

    Only proposals count (a claim advocated — "we recommend", "should", "calls for" — or worded as one): a claim
    that criticises its instrument ("the Pledge's deadline had been missed") or denies it is no proposal of it,
    and linking it would put its backers on the instrument's side."""
    backers: dict[str, set[str]] = {}
    proposed: set[str] = set()
    for h in hits:
        if h.stance == "support":
            backers.setdefault(h.claim, set()).add(h.holder.label)
            if h.rule.startswith(_PROPOSING) or _ADVOCACY.search(h.claim):
                proposed.add(h.claim)
    texts = [t for t in backers if t in proposed and not _NEGATED.search(t) and evaluation(t) != "oppose"]
    return [(texts[i], texts[j]) for i, j in opposite_proposals(texts) if not backers[texts[i]] & backers[texts[j]]]


def merge_company_names(hits: list[Hit]) -> None:
    """'Vale Water' and 'Vale Water plc' in one document are one organisation (the name with the suffix is the
    label)."""
    full = {COMPANY_SUFFIX.sub("", h.holder.label): h.holder.label for h in hits
            if h.holder.kind == "organisation" and COMPANY_SUFFIX.search(h.holder.label)}
    for h in hits:
        if h.holder.kind == "organisation" and h.holder.label in full:
            h.holder = replace(h.holder, label=full[h.holder.label],
                               aliases=tuple(dict.fromkeys((*h.holder.aliases, h.holder.label))))


def merge_person_names(hits: list[Hit]) -> None:
    """'Professor McAuley' and 'Derek McAuley' in one document are one person (the full name is the label)."""
    full: dict[str, str] = {}
    for h in hits:
        if h.holder.kind == "person":
            tokens = h.holder.label.split()
            if len(tokens) >= 2 and not re.match(r"^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Professor|Prof|Sir|Dame|Lord|Lady|Baroness)$",
                                                 tokens[0]):
                full.setdefault(tokens[-1].casefold(), h.holder.label)
    for h in hits:
        tokens = h.holder.label.split()
        if h.holder.kind == "person" and len(tokens) == 2 and re.match(
                r"^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Professor|Prof)$", tokens[0]) and tokens[1].casefold() in full:
            h.holder = replace(h.holder, label=full[tokens[1].casefold()],
                               aliases=tuple(dict.fromkeys((*h.holder.aliases, h.holder.label))))
