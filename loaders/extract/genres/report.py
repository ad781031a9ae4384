"""Reports: stakeholder summaries, engagement reports, and committee and inquiry reports.

A report speaks of others: "providers argue", "people in rural areas told us", "there was broad agreement".
What the genre adds to the sentence rules: title pages, membership lists and contents come before the body; a
section headed by a group ("People in rural areas", "Older people") is that group speaking, so "many", "several"
and "they" there are that group; and the proposals people were asked about (an engagement report's list of
proposals, :mod:`..proposals`) are claims on which each group's statements weigh for or against.

A committee or inquiry report (:class:`CommitteeReader`) is the committee's voice: its unattributed
conclusions and recommendations are the committee's positions, and an unattributed view is the witnesses'.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, ClassVar

from ...documents.structure import Block, Structure
from ..hits import Hit
from ..lexicon import singular
from ..merging import content_tokens
from ...documents.structure import trim_spans
from ..proposals import LABEL, Proposal, evaluation, find_proposals, proposal_label, proposer, section_proposals
from ..stakeholders import Holder, capitalise, split_organisations
from . import Reader

if TYPE_CHECKING:
    from ..sources import StrandState
    from . import PositionSink

#: a statement about the arrangements a proposal would change ("the current rota cannot be sustained", "the
#: department is regularly covered by a single locum"): faulting them weighs for the change, not against it
_STATUS_QUO = re.compile(r"\b(?:current(?:ly)?|at present|presently|at the moment|existing|as things stand|today's|"
                         r"(?:is|are)\s+(?:regularly|routinely|often|usually|now)|now\s+(?:is|are|has|have))\b"
                         r"(?!\s+(?:propos|plans?\b|options?\b|consultation|engagement))", re.I)
_BODY = re.compile(r"^(?:\d+\.?\s+)?(?:b?summary|executive summary|introduction|foreword|key findings|overview)\s*$", re.I)
_PROPOSAL_REF = re.compile(r"^(?:(?:the|this|these|that|those|such an?)\s+)?(?:(?:proposed|planned|suggested)\s+)?(?:move|moves|change|"
                           r"changes|proposal|proposals|plan|plans|closure|option|options|idea|shift|transfer|relocation)$", re.I)
#: what follows a proposal named as the object of a stance, and is not part of it
_AFTERTHOUGHT = re.compile(r"(?:\s*[,;:(].*|\s+(?:in|with|as|at|by|from|for)\s+(?:the|its|their|a|any|all|every)\b.*|"
                           r"\s+(?:entirely|strongly|outright|altogether|wholeheartedly|in principle)\b.*)$", re.I)
_COMMITTEE = re.compile(r"\b((?:[A-Z][\w&'’-]*,?\s+(?:(?:and|of|for|on|the|&)\s+){0,2}){1,8}Committee)\b")


class ReportReader(Reader):
    """A report that summarises what stakeholders said."""

    genre: ClassVar[str] = "report"
    kind: ClassVar[str] = "report"
    _group_level = 99
    _table: tuple[list[Holder], int] | None = None  # the group at the workshop table whose notes these are, and its level

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.proposals = find_proposals(self.structure)
        self.proposal_of = section_proposals(self.structure, self.proposals)
        self.proposal_names = _proposal_names(self.structure, self.proposals, self.proposal_of)

    def body_start(self) -> int:
        """Title pages, membership lists and contents come before the first Summary or Introduction heading, if it
        comes early (a 'Summary' under 'What we heard' at the end of workshop notes opens no body)."""
        early = len(self.structure.text) * 0.4
        for b in self.structure.blocks:
            if b.kind == "heading" and b.start < early and _BODY.match(self.structure.view(b).text):
                return b.index
        return 0

    def heading(self, b: Block, title: str) -> None:
        super().heading(b, title)
        ctx = self.ctx
        if ctx.section_group is not None and b.level <= self._group_level:
            ctx.section_group = None
        if self._table is not None and b.level <= self._table[1]:
            self._table = None
        group = self._group_heading(title)
        if group is not None:
            ctx.section_group, self._group_level = group, b.level
        table = _TABLE_HEADING.match(" ".join(title.split()).strip("# "))
        if table is not None:  # "Table 2 (Trust staff and staff side)", "Breakout group: young people"
            who = [h for h in split_organisations(table.group("who") or table.group("who2"), self.resolver)
                   if not _NOBODY.match(h.label)]
            self._table = (who[:1], b.level) if who else None

    def speakers(self, b: Block) -> list[Holder]:
        return super().speakers(b) or self.table_holders(b)

    def asserts(self, holders: list[Holder]) -> bool:
        return super().asserts(holders) or bool(holders) and self._table is not None and holders == self._table[0]

    def testifies(self, b: Block) -> bool:
        return super().testifies(b) or bool(self.table_holders(b))

    def table_holders(self, b: Block) -> list[Holder]:
        """In workshop notes, the group at the table a note is under ("Table 1 (service users and carers)": the first
        named; the notes are theirs, bullet by bullet), else []."""
        if self._table is None or b.kind != "bullet" or b.lead_in is not None:
            return []
        return list(self._table[0])

    def _group_heading(self, title: str) -> Holder | None:
        """A heading that names a group of people ("People in rural areas", "Young people", "Unpaid carers"): the
        group whose views the section reports, who 'they' and 'many', 'several', 'some' are within it."""
        bare = re.sub(r"^\s*(?:\d+(?:\.\d+)*[.)]?|[A-Z][.)])\s+", "", title).strip(" :")
        if not bare or len(bare.split()) > 9 or re.search(r"\d", bare):
            return None
        r = self.resolver.resolve(bare)
        if isinstance(r, Holder) and r.kind == "group" and not r.generic and not r.label.startswith(("Supporters", "Opponents")):
            if r.label.casefold() != bare.casefold() and not r.quantifier:  # "Staff", not the lexicon's "Workers"
                return Holder(capitalise(bare), "group", member_of=(r.label,), member_kinds=((r.label, "group"),))
            return r
        return None

    def refers(self, claim: str, b: Block) -> str | None:
        """'The move', 'the proposal', 'these changes' in a section about one of the proposals: that proposal; and
        anywhere, a proposal by its own name ('Option B', 'federation' for the one the heading 'Option B:
        federation' introduced)."""
        text = re.sub(r"^(?:the|this|that|a)\s+", "", claim.strip(" .").casefold())
        item = next((m for m in (_ITEM_HEADING.match(t) for t in reversed(b.section)) if m), None)
        if item is not None and re.fullmatch(r"(?:application|scheme|proposals?|development|item|it)", text):
            # minutes: "the application" under "64. APPLICATION 25/01877/OUT - LAND EAST OF COPSE ROAD"
            where = item.group("where")
            where = where.title() if where.isupper() else where
            return f"Application {item.group('ref')} ({where}) should be granted"
        head = _AFTERTHOUGHT.sub("", text)  # "Option A in the strongest terms", "closure, many of them strongly"
        named = self.proposal_names.get(text) or self.proposal_names.get(head)
        if named is not None:
            return named
        proposal = self.proposal_of.get(b.index)
        if proposal is None:
            return None
        if _PROPOSAL_REF.match(claim) or _PROPOSAL_REF.match(head):
            return proposal.claim
        short = re.fullmatch(r"(?:the|this|these|that|those)\s+([A-Za-z][\w-]+)", claim.strip(" ."), re.I)
        if short and singular(short.group(1).casefold()) in {singular(w) for w in re.findall(r"[a-z][\w-]+", proposal.claim.casefold())}:
            return proposal.claim  # "supported the Hubs" in the section on "opening three Community Health Hubs"
        return None

    def positions(self, ex: PositionSink) -> None:
        """What a group says in a section about one of the document's proposals weighs for or against it: the
        group takes that stance on the proposal itself (rule ``proposal:<rule of the statement>``), once per
        group and proposal (the way most of its statements there weigh). Whoever puts the proposals forward
        (:func:`..proposals.proposer`) supports each of them (rule ``proposal:proposer``)."""
        self._proposer_positions(ex)
        if not self.proposal_of:
            return
        votes: dict[tuple[str, str], list[tuple[str, Hit]]] = {}
        listed = {p.claim for p in self.proposals}
        for h in list(ex.hits):
            if h.holder.kind == "person" or h.holder == self.voice or h.rule.startswith(("proposal:", "debate:", "quote:")):
                continue
            proposal = self.proposal_of.get(ex.block_at(h.spans[0][0])) if h.spans else None
            if proposal is None or h.claim in listed:  # a position on a proposal already (the list itself)
                continue
            passage = " ".join(self.structure.text[a:b] for a, b in h.spans)
            if h.rule.startswith(("attrib:advocate", "attrib:oppose")) and len(content_tokens(h.claim)) <= 3:
                # "opposed closure", "supported the change": a stance on the proposal in so many words
                votes.setdefault((h.holder.label, proposal.claim), []).append((h.stance, h))
                continue
            stance = "oppose" if h.rule.startswith(("lead-in:concern", "lead-in:fear", "lead-in:worr")) else evaluation(passage)
            if stance is None:
                continue
            if h.stance == "oppose" and not h.rule.startswith("lead-in:"):
                stance = "support" if stance == "oppose" else "oppose"  # against a concern is for the proposal
            elif _STATUS_QUO.search(passage):
                stance = "support" if stance == "oppose" else "oppose"  # faulting what is there now is for a change
            votes.setdefault((h.holder.label, proposal.claim), []).append((stance, h))
        for (_label, claim), vs in votes.items():
            n_for = sum(1 for st, _ in vs if st == "support")
            n_against = len(vs) - n_for
            if n_for == n_against:
                continue
            stance = "support" if n_for > n_against else "oppose"
            for st, h in vs:
                if st == stance:
                    ex.hits.append(Hit(h.holder, claim, stance, "proposal:" + h.rule.split(":")[0], 0.45, h.spans,
                                       h.source, h.section, h.quantifier, h.topics, locked=True))


    def _proposer_positions(self, ex: PositionSink) -> None:
        if not self.proposals:
            return
        org, own = proposer(self.structure, self.proposals)
        holder: Holder | None = None
        if org is not None:
            r = self.resolver.resolve(org)
            holder = r if isinstance(r, Holder) and r.kind == "organisation" else None
        if holder is None and own:
            holder = self.voice
        if holder is None:
            return
        source = ex.strand_at(self.structure.blocks[self.proposals[0].block].start)
        for p in self.proposals:
            b = self.structure.blocks[p.block]
            spans = trim_spans(self.structure.text, [(b.start, b.end)])
            ex.hits.append(Hit(holder, p.claim, "support", "proposal:proposer", 0.6, spans, source.source, b.section,
                               None, [], locked=True))


def _proposal_names(structure: Structure, proposals: list[Proposal], proposal_of: dict[int, Proposal]) -> dict[str, str]:
    """What a document calls each of its proposals, case-folded -> the proposal's claim: the label before its colon
    ("option b" for "Option B: federate the two schools"), and the short name after the label in the heading of the
    section about it ("federation" in "What we heard about Option B: federation"). A name two proposals share is
    dropped."""
    names: dict[str, set[str]] = {}
    for p in proposals:
        label = proposal_label(p.claim)
        if label:
            names.setdefault(label.casefold(), set()).add(p.claim)
    for b in structure.blocks:
        about = proposal_of.get(b.index + 1) if b.kind == "heading" else None
        m = re.search(rf"\b{LABEL}\s*:\s*(?:an?\s+|the\s+)?(?P<short>[A-Za-z][\w -]{{2,40}})$",
                      structure.view(b).text, re.I) if about is not None else None
        if m and about is not None and len(m.group("short").split()) <= 3:
            names.setdefault(m.group("short").strip().casefold(), set()).add(about.claim)
    return {k: next(iter(v)) for k, v in names.items() if len(v) == 1}


_THE_COMMITTEE = re.compile(r"(?:(?:but|and|however|so),?\s+)?(?:(?:a|the)\s+majority\s+of\s+)?(?:the|this|our)\s+Committee"
                            r"(?:\s+as\s+a\s+whole)?", re.I)


#: a planning item in minutes: "64. APPLICATION 25/01877/OUT - LAND EAST OF COPSE ROAD, HALLOWBY"
_ITEM_HEADING = re.compile(r"^\s*(?:\d+\.?\s+)?application\s+(?:no\.?\s+)?(?P<ref>[\w/.-]*\d[\w/.-]*)\s*[:–—-]\s*(?P<where>.{3,120}?)\s*$",
                           re.I)
#: a workshop table's notes: "Table 1 (service users and carers)", "Breakout group: young people", "Group 3 - farmers"
_TABLE_HEADING = re.compile(r"^(?:\d+(?:\.\d+)*[.)]?\s+)?(?:(?:table|group|breakout(?:\s+group)?|discussion\s+group)\s*(?:\d+|[A-Z])?)"
                            r"\s*(?:\((?P<who>[^()]{3,80})\)|[:–—-]\s*(?P<who2>[^()]{3,80}?))\s*(?:\([^()]*\))?\s*$", re.I)
#: a table that names no group ("Table 4 (online, mixed)")
_NOBODY = re.compile(r"^(?:online|mixed|in person|hybrid|various|other|others|general|open)$", re.I)


class CommitteeReader(ReportReader):
    """A committee or inquiry report: the committee's own voice, and the witnesses it heard."""

    genre: ClassVar[str] = "committee"

    def make_voice(self) -> Holder:
        head = " ".join(self.structure.text[:3000].split())
        found = []
        for m in _COMMITTEE.finditer(head):
            label = m.group(1).strip()
            label = re.sub(r"^(?:(?:The|House of Commons|House of Lords|Commons|Lords|Senate)\s+)+", "", label).strip()
            if len(label.split()) >= 2 and not re.match(r"^(?:Select|This|Our|Departmental)\b", label):
                found.append(label)
        return Holder(Counter(found).most_common(1)[0][0] if found else "The Committee", "organisation")

    def context_holders(self, turn: list[Holder], sentence: str) -> list[Holder]:
        return turn or [self.voice]  # an unattributed modal in a committee report is the committee's

    def member(self, subject: str, b: Block | None = None) -> Holder | None:
        """'The Committee', 'this Committee', 'a majority of the Committee': the committee whose report this is."""
        return self.voice if _THE_COMMITTEE.fullmatch(" ".join(subject.split()).strip(" ,.")) else None

    def collective(self, strand: StrandState, quantifier: str | None, b: Block) -> list[Holder] | None:
        return [self.resolver.collective(quantifier, "witnesses")] if strand.collective is None else None

    def keeps(self, holder: Holder) -> bool:
        return super().keeps(holder) and holder.label != "The literature"
