"""Proposals: in a consultation or engagement report, the questions people answered are the claims.

A "what we heard" report sets out the proposals people were asked about (a list introduced by a sentence
that names them: "The proposals ... covered five areas:") and then, section by section, what each group
said about one of them. A careful coder reads "People in rural areas told us that the journey to Kelderby
was simply too long" in the maternity section as rural people *opposing* the proposal to move births there,
with the journey as their reason. This module finds the proposals, the section each one is discussed in,
and whether a statement there weighs for or against it (the evaluative words of
``ontology/lexicons/evaluation.yaml``); the pipeline then gives the group a position on the proposal
itself, beside the position on what they said.

>>> evaluation("the journey to Kelderby was simply too long and too unreliable")
'oppose'
>>> evaluation("they liked the idea of one building where staff know them")
'support'
>>> evaluation("staffing small units is difficult, and they would welcome the change") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from ...ontology import LEXICON_DIR
from ..documents.structure import Block, Structure
from .claims import normalise_claim
from .merging import _weights, content_tokens

_PROPOSAL_LEAD = re.compile(r"\b(?:proposals?|proposed|options?|changes|plans)\b[^.:]{0,160}:\s*$", re.I)
#: a section is about a proposal when this share of the proposal's weighted words appear in its heading and opening
SECTION_MATCH = 0.3


@dataclass(frozen=True)
class Proposal:
    claim: str  # the proposal as a claim
    tokens: frozenset[str]
    block: int = -1  # the list item that states it
    lead: int = -1  # the lead-in the list hangs from


@lru_cache(maxsize=1)
def _lexicon() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = yaml.safe_load((LEXICON_DIR / "evaluation.yaml").read_text(encoding="utf-8")) or {}

    def pattern(words: list[str]) -> re.Pattern[str]:
        return re.compile(r"\b(?:" + "|".join(sorted((str(w) for w in words), key=len, reverse=True)) + r")\b", re.I)
    return pattern(data.get("against") or ["x^"]), pattern(data.get("for") or ["x^"])


#: what a provision would do, weighed against it (beyond the general words of ``evaluation.yaml``): its harms, read by
#: :func:`.provisions.provision_hits` and by :func:`.hits.align_claims`
HARMS = re.compile(r"\b(?:(?:raise|push\s+up|drive\s+up|increase|add\s+to)\s+(?:the\s+)?(?:prices?|costs?|bills?|rents?|"
                   r"fares?)|cost\s+(?:\w+\s+)?jobs|fall\s+hardest|hit\s+(?:\w+\s+){0,3}hardest|too\s+(?:weak|broad|narrow|"
                   r"blunt|vague|rigid)|(?:do|does|cause)\s+(?:real\s+|serious\s+)?(?:harm|damage)|harm|hurt|penali[sz]e|"
                   r"unworkable|put\s+(?:\w+\s+){0,3}out\s+of\s+business|drive\s+(?:\w+\s+){0,3}out|force\s+(?:\w+\s+){0,3}"
                   r"to\s+close|backfire|make\s+(?:\w+\s+){0,3}(?:worse|harder|less\s+safe)|counterproductive|counter-productive|duplicat\w*|"
                   r"waste\w*|deter\w*|discourag\w*|undermin\w*|pay\s+(?:\w+\s+){0,3}twice|add\s+(?:\w+\s+){0,3}to\s+the\s+cost|"
                   r"(?<!\bcut\s)(?<!\bcuts\s)(?<!reduce\s)(?<!reduces\s)(?<!\bslash\s)(?:bureaucra\w+|red\s+tape)|"
                   r"(?:strips?|takes?)\s+(?:out|away)|worries|troubles|alarms|"
                   r"(?:cuts?|shuts?|locks?|leaves?)\s+(?:\w+\s+){0,3}out\b|silences?|"
                   r"concerns\s+(?:us|me|our|my))\b", re.I)


def evaluation(text: str) -> str | None:
    """'oppose' when a statement weighs against what it is about, 'support' when for it, None when it does both
    or neither (the words of ``ontology/lexicons/evaluation.yaml``)."""
    against, for_ = _lexicon()
    a, f = len(against.findall(text)), len(for_.findall(text))
    if a and not f:
        return "oppose"
    if f and not a:
        return "support"
    return None


def find_proposals(structure: Structure) -> list[Proposal]:
    """The proposals a document lists: the items under a lead-in that names proposals, options or changes."""
    out: list[Proposal] = []
    blocks = structure.blocks
    for b in blocks:
        if b.kind != "bullet" or b.lead_in is None:
            continue
        lead = " ".join(structure.view(blocks[b.lead_in]).text.split())
        if not _PROPOSAL_LEAD.search(lead):
            continue
        text = structure.view(b).text
        text = re.split(r"[;,]\s+(?:while|whilst|with|including|bringing|so that|unless)\b|;", text, maxsplit=1)[0]
        claim = normalise_claim(text, max_words=18)
        if len(content_tokens(claim)) >= 2:
            out.append(Proposal(claim, frozenset(content_tokens(claim)), b.index, b.lead_in))
    return out


#: who puts the proposals forward: "Glenmarrow Health Board asked people ... what they thought about a set of proposals"
_PROPOSER = re.compile(
    r"(?P<org>(?:[A-Z][\w&'’-]+\s+){0,6}(?:Board|Council|Authority|Trust|Department|Government|Ministry|Agency|"
    r"Commission|Executive|Service|Partnership|Company|Office|Corporation|Regulator))(?:'s)?\s+(?:has\s+|have\s+|had\s+)?"
    r"(?:asked|invited|consulted|sought\s+(?:the\s+)?views|proposed|proposes|is\s+proposing|set\s+out|put\s+forward|"
    r"published|proposals)\b")
_OWN_PROPOSALS = re.compile(r"\bour\s+(?:proposals|plans|options|engagement\s+document|consultation\s+document)\b|"
                            r"\bwe\s+(?:propose[sd]?|are\s+proposing|set\s+out|put\s+forward)\b", re.I)


def proposer(structure: Structure, proposals: list[Proposal]) -> tuple[str | None, bool]:
    """Who puts a document's proposals forward, as its lead-in (or the paragraph before) says: (the organisation's
    name, if one is named), and whether the document speaks of them as its own ("our proposals")."""
    leads = sorted({p.lead for p in proposals if p.lead >= 0})
    if not leads:
        return None, False
    blocks = structure.blocks
    text = " ".join(" ".join(structure.view(blocks[i]).text.split())
                    for i in range(max(0, leads[0] - 2), leads[0] + 1) if blocks[i].kind != "heading")
    m = _PROPOSER.search(text)
    return (m.group("org").strip() if m else None), _OWN_PROPOSALS.search(text) is not None


def section_proposals(structure: Structure, proposals: list[Proposal]) -> dict[int, Proposal]:
    """Block index -> the proposal its section discusses (by the heading and the section's opening paragraph)."""
    if not proposals:
        return {}
    weights = _weights([set(p.tokens) for p in proposals])
    out: dict[int, Proposal] = {}
    current: Proposal | None = None
    level = 99
    blocks = structure.blocks
    for i, b in enumerate(blocks):
        if b.kind == "heading":
            if b.level <= level:
                current, level = None, 99
            heading = structure.view(b).text
            opening = next((structure.view(x).text for x in blocks[i + 1:i + 3] if x.kind == "paragraph"), "")
            # with several proposals, a section about one names it in its heading ("What we heard about Option B"), and
            # a subsection keeps its section's proposal unless its own heading names another
            words = content_tokens(heading)
            named = _labelled(heading, proposals) or _best(words, proposals, weights)
            if current is not None and named is not None and named is not current and current.tokens & words:
                named = current  # "5.1 Parents in Harlow Moor" under "5. Option A: closing Harlow Moor school"
            found = named if len(proposals) > 1 or current is not None else \
                _best(content_tokens(heading + " " + opening), proposals, weights)
            if found is not None:
                current, level = found, b.level
            continue
        if current is not None:
            out[b.index] = current
    return out


#: how a document labels one of its proposals: "Option B", "Scenario 2", "Model C"
LABEL = r"(?:option|proposal|scenario|model|plan)\s+\w{1,3}"


def proposal_label(claim: str) -> str | None:
    """The label a proposal's claim opens with ('Option B' of 'Option B: federate the two schools'), else None."""
    m = re.match(rf"^({LABEL})\s*:", claim, re.I)
    return m.group(1) if m else None


def _labelled(heading: str, proposals: list[Proposal]) -> Proposal | None:
    """The proposal whose label ('Option B' of 'Option B: federate ...') a heading names, else None."""
    for p in proposals:
        label = proposal_label(p.claim)
        if label and re.search(rf"\b{re.escape(label)}\b", heading, re.I):
            return p
    return None


def _best(tokens: set[str], proposals: list[Proposal], weights: dict[str, float]) -> Proposal | None:
    best, score = None, SECTION_MATCH
    for p in proposals:
        total = sum(weights.get(t, 1.0) for t in p.tokens)
        s = sum(weights.get(t, 1.0) for t in p.tokens & tokens) / total if total else 0.0
        if s >= score:
            best, score = p, s
    return best


def is_listing(block: Block, structure: Structure, proposals: list[Proposal]) -> bool:
    """Whether a block is one of the proposal list's own items (the proposals, not a view of them)."""
    text = structure.view(block).text
    return any(normalise_claim(text, max_words=18).startswith(p.claim[:40]) for p in proposals)
