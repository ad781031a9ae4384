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
    _weights, anchor_of, best_aim, cluster_claims, content_tokens, instrument, instrument_kind, opposite_proposals,
    parts_conflict, same_claim, same_instrument,
)
from .polarity import positive_form
from .proposals import HARMS, evaluation
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


#: a claim that only names a bill: "Bill C-52", "Bill 17 (Critical Minerals Act)", "The Water Services Bill"
_BILL_NAME = re.compile(r"^(?:Bill\s+[A-Z]?-?\d{1,4}|(?:The\s+)?[A-Z][\w()'’,\- ]{3,120}?\s+Bill(?:\s+(?:19|20)\d\d)?)(?:\s*[—–(,][^.;]{0,120})?$")


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
    tokens_of = {t: content_tokens(t) for t in texts}
    weights = _weights(tokens_of.values())
    moved: dict[str, str] = {}
    # what each claim names only to set it aside ("Rather than a cap, rents should ..."): no claim of a cap
    aside = {a: [content_tokens(m.group("x")) for m in _RATHER.finditer(a)] for a in texts}
    # candidates from an index: a claim can only be placed on one sharing a word with it (anchor_of asks as much)
    order = {t: k for k, t in enumerate(texts)}
    sharing: dict[str, set[str]] = {}
    for t in texts:
        for tok in tokens_of[t]:
            sharing.setdefault(tok, set()).add(t)
    for t in texts:
        # a clause of the bill, a provision, the bill itself ("Bill C-52"): the question itself, never a mention inside
        # someone's sentence (nor inside an amendment that would decline the bill)
        if CLAUSE_QUESTION.match(t) or t in provisions or _BILL_NAME.match(t):
            continue
        if len(content_tokens(t)) < 2 and len(t.split()) > 3:  # one content word in a sentence ("They did not
            continue                                            # know who was calling"): too little to place it
        mine = tokens_of[t]
        near = sorted(set().union(*(sharing[tok] for tok in mine)), key=order.__getitem__) if mine else []
        others = [a for a in near if a != t and not holders[a] <= holders[t] and not parts_conflict(t, a)  # (the bill
                  and not (aside[a] and mine and any(mine <= x for x in aside[a]))                   # is not its Section 4)
                  and not (len(mine) == 1 and _only_of(next(iter(mine)), a))]
        # a bare name of a proposal ("A moratorium", "The moratorium as drafted") is a stance on the proposal where one
        # is put ("The Minister should introduce a moratorium on ..."), before any claim that says something of it
        proposals = [a for a in others if a in proposed] if not _PREDICATE.search(t) else []
        i = anchor_of(t, proposals, weights=weights) if proposals else None
        if i is not None:
            moved[t] = proposals[i]
            continue
        if len(mine) == 1:  # one word ("The mine") names the subject of a claim that is no proposal ("The mine will
            others = [a for a in others if _subject_word(next(iter(mine)), a)]  # employ 300"), not any word in it
        i = anchor_of(t, others, weights=weights)
        if i is not None:
            moved[t] = others[i]
    # a proposal only opposed, named in other words than by those who put it ("Create a federal firefighting agency",
    # against "The creation of a federal wildland fire service"): the same instrument, where one proposal names it
    renamed: set[str] = set()
    opposed = {h.claim for h in hits if h.stance == "oppose"} - {h.claim for h in hits if h.stance != "oppose"}
    put = {h.claim for h in hits if h.stance == "support" and not h.side_topic and not _NEGATED.search(h.claim)
           and (h.rule.startswith(_PROPOSING) or _ADVOCACY.search(h.claim) or _put_forward(h.claim))}
    for t in texts:
        if t in moved or t not in opposed or CLAUSE_QUESTION.match(t) or _NEGATED.search(t) or \
                t in provisions and re.match(r"(?:Clause|Schedule|Section|Part|Head|Article)\s+\d", t):
            continue
        # (a provision some statement weighed, "The blanket rule", joins only a proposal named as shortly: "A mandatory
        # standard", or one that opens with it, "A federal evacuation allowance paid directly to households would ...";
        # never a sentence that mentions it on the way)
        named = [a for a in put if a != t and not holders[a] & holders[t] and same_instrument(t, a)
                 and (t not in provisions or len(a.split()) <= 6 and not _PREDICATE.search(a)
                      or _leads_with_instrument(a))]
        if named:  # the one sharing most of its words, then the one most hold, then the one put most shortly
            moved[t] = max(named, key=lambda a: (len(content_tokens(a) & content_tokens(t)), len(holders[a]),
                                                 -len(content_tokens(a)), -texts.index(a)))
            renamed.add(t)
    for h in hits:
        if h.claim in moved and not h.side_topic:
            h.rule += "+instrument" if h.claim in renamed else "+aligned"
            h.claim = moved[h.claim]
    return moved


def _leads_with_instrument(claim: str) -> bool:
    """Whether a proposal opens with the instrument it puts ("A federal evacuation allowance paid directly to households
    would ..."): it is that instrument's proposal, not a sentence that mentions one on the way."""
    words = re.findall(r"[\w'’-]+", claim)[:6]
    at = next((k for k, w in enumerate(words) if instrument_kind(w)), None)
    return at is not None and instrument(" ".join(words[:at + 1])) is not None and \
        not _PREDICATE.search(" ".join(words[:at]))


def _put_forward(claim: str) -> bool:
    """Whether a witness's sentence puts forward the instrument it opens with, saying what it would do and not
    weighing it down ("A federal evacuation allowance paid directly to households would put money in people's hands in
    days"; not "A federal allowance would cost billions")."""
    return _leads_with_instrument(claim) and bool(re.search(r"\b(?:would|could)\b", claim, re.I)) and \
        evaluation(claim) != "oppose" and not HARMS.search(claim)


def _only_of(token: str, claim: str) -> bool:
    """Whether a claim names a word only as what something else is of ("over the life of the mine"): "The mine", one
    word, is no mention of that claim's proposition."""
    words = re.findall(r"[\w'’-]+", claim.casefold())
    at = [k for k, w in enumerate(words) if content_tokens(w) == {token}]
    return bool(at) and all(k >= 1 and (words[k - 1] == "of" or k >= 2 and words[k - 2] == "of" and
                                        words[k - 1] in ("the", "a", "an", "this", "that", "its", "their", "our"))
                            for k in at)


def _subject_word(token: str, claim: str) -> bool:
    """Whether a claim names a word in its first words, as its subject ("The pledge was a success", not "There are
    two abandoned mines in our territory")."""
    return any(content_tokens(w) == {token} for w in re.findall(r"[\w'’-]+", claim.casefold())[:3])


def _provisions(hits: list[Hit]) -> set[str]:
    """The claims only :func:`provision_hits` or :func:`part_claims` named (a provision some sentence also names as its
    claim is a claim like any other)."""
    return {h.claim for h in hits if h.rule.endswith(("+provision", "+part"))} - \
        {h.claim for h in hits if not h.rule.endswith(("+provision", "+part"))}


#: what a claim sets aside: "rather than a cap", "instead of a levy", "not a ban"
_RATHER = re.compile(r"\b(?:rather\s+than|instead\s+of|in\s+place\s+of|as\s+opposed\s+to|other\s+than|not)\s+(?P<x>[^,;]{2,80})",
                     re.I)


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
