"""The extraction pipeline: document text -> structure -> sources -> frames -> holders, claims, stances -> Bundle.

Every position records the rule that produced it (``rule``, e.g. ``attrib:argue``,
``impersonal:agreement``, ``lead-in:themes``, ``turn:modal``, ``contested+topic``, ``doubt+aim``),
a confidence, the quantifier and its strength, and the passage(s) it rests on, each with its
evidence strand (source) and heading path (section). Passages are exact document spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ...graph.model.records import (
    Bundle, Passage, Source, Theme, claim_id, new_claim, new_position, new_stakeholder, stakeholder_id,
)
from ..documents.reader import DocumentText
from ..documents.structure import Block, Structure, View, parse_text, split_sentences, trim_spans
from .claims import Frame, find_frames, listed_stakeholders, normalise_claim
from .polarity import denied, positive_form
from .proposals import evaluation, find_proposals, section_proposals
from .debate import PARTIES, DebateReading, Roster, read_debate, states_stance
from .lexicon import Lexicon, default_lexicon
from .merging import _weights, anchor_of, best_aim, cluster_claims, content_tokens, opposite_proposals, same_claim
from .sources import (
    SourcePlan, StrandState, detect_genre, document_voice, is_strand_heading, plan_sources, section_holder, statement_author,
)
from .stakeholders import ORG_END, Holder, Reference, Resolver, capitalise, split_organisations
from .strength import find_quantifier, strength_for
from .themes import ThemeMatcher

Span = tuple[int, int]

#: Document.kind by genre
DOCUMENT_KINDS = {"report": "report", "committee": "report", "transcript": "transcript", "debate": "debate",
                  "statement": "statement"}

_LEAD_THEMES = re.compile(
    r"(?:^|\b)(?:the\s+)?(?:(?:key|main|common|recurring|emerging|top|principal)\s+)?(?P<noun>themes?|findings?|priorities|issues?|"
    r"points?|concerns?|messages?|expectations?|recommendations?|asks?|demands?|proposals?|calls?|views?|suggestions?|"
    r"requests?|areas? of (?:agreement|concern|focus))(?:\s+(?:identified|raised|emerging|expressed|set out|highlighted|made|"
    r"put forward|coming|arising|drawn))?\s+(?:from|by|in|of|among|amongst)\s+(?P<who>.+?)\s+(?:were|are|was|is|included|include|"
    r"includes|comprised|covered)(?:\s+(?:as follows|the following))?\s*:?\s*$", re.I)
_SAID = re.compile(r"^(?P<who>.{2,160}?)\s+(?:said|says|told us|told the committee|stated|wrote|writes|explained|argued|added|"
                   r"commented|noted|put it|observed|pointed out|warned|concluded|suggested|remarked|submitted|described it|"
                   r"summed it up|went on)(?:\s+(?:that|as follows|in (?:its|their|his|her) (?:evidence|submission)))?(?:\s+the)?$", re.I)
_CHAIR = re.compile(r"^(?:the\s+)?(?:chair|chairman|chairwoman|presiding|president|speaker|mr speaker|madam speaker|"
                    r"mr deputy speaker|madam deputy speaker|deputy speaker|the chair)$", re.I)
_ON_BEHALF = re.compile(r"\b(?:on behalf of|I represent|we represent|I appear for|appearing for|representing)\s+(?P<who>(?:the\s+)?"
                        r"[A-Z][^.;:]{2,150}?)(?=\s*(?:[.;:]|,\s+(?:and|which|who|my|making|together)\b|\s+and\s+(?:I|we)\b|$))")
_FRONT_BENCH = re.compile(r"^(?:The\s+)?(?:Minister|Secretary of State|Parliamentary Under-Secretary|Under-Secretary|Prime Minister|"
                          r"Chancellor|Leader of the House|Solicitor General|Attorney General|Paymaster General|Chief Secretary|"
                          r"Financial Secretary|Economic Secretary|Exchequer Secretary|Lord Chancellor|Home Secretary|"
                          r"Foreign Secretary)\b", re.I)
_SHADOW = re.compile(r"^(?:The\s+)?Shadow\b", re.I)
_DEBATE_SKIP = re.compile(r"^\s*(?:(?:I\s+)?thank|It is a (?:pleasure|privilege)|I congratulate|I (?:will|shall) give way|"
                          r"I beg to|On a point of order|Order\b|I am grateful)", re.I)
_MOTION_REF = re.compile(r"^(?:the|this|our|their)\s+(?:motion|amendment|bill|proposal)s?$", re.I)
_SIDE_OF = re.compile(r"^(?:the\s+)?(?:supporters|proponents|advocates|opponents|critics|sceptics)\s+of\s+", re.I)
_PROSPECT = re.compile(r"\b(?:would|will|could|can|ever|happen|happening|materiali[sz]e|likely|likelihood|achieve[ds]?|"
                       r"deliver(?:ed)?|realistic|feasible|possible|as quickly|in time|soon|expected|projected|projections?)\b", re.I)
_JUNK_CLAIM = re.compile(r"^(?:(?:this|that|these|those|it|them|which|what|here|there|such|one|some|all|each|both|seven|"
                         r"several|two|three|four|five|six)\b(?:\s+\S+){0,4}|.*\?|(?:you|your ladyship|my lady)\b.*"
                         # a fragment that starts with a verb or an object pronoun: the frame cut its subject off
                         r"|(?:is|are|was|were|am|be|been|being|has|had|does|did|me|him|us|first of all|are invented)\b.*"
                         # a short phrase about an antecedent out of sight ("careful consideration of them")
                         r"|(?:\S+\s+){1,4}(?:them|it|this|these|those))$",
                         re.I)
_FUNCTION_END = re.compile(r"\b(?:on|of|to|for|in|with|by|the|a|an|and|or|involve|include|includes|including|following|as|at|"
                           r"that|from|around|about|were|are|is|was)$", re.I)


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


@dataclass
class _Context:
    section_holders: list[Holder] = field(default_factory=list)
    section_counsel: str | None = None
    speaker_map: dict[str, list[Holder]] = field(default_factory=dict)
    last_holders: list[Holder] = field(default_factory=list)
    paragraph_hits: list[Hit] = field(default_factory=list)
    topic: str | None = None
    motion: str | None = None
    topics: list[str] = field(default_factory=list)  # topical headings in scope
    conclusions: bool = False
    quote_holders: list[Holder] = field(default_factory=list)  # who speaks in the block quote being read
    section_group: Holder | None = None  # the group a report's section heading names ("Older people")


class Extractor:
    """Walks one document's blocks and collects hits (see module docstring)."""

    def __init__(self, doc: DocumentText, lexicon: Lexicon | None = None, matcher: ThemeMatcher | None = None, *,
                 roster: Roster | None = None) -> None:
        self.lex = lexicon or default_lexicon()
        self.doc = doc
        self.text = doc.text
        self.structure: Structure = parse_text(self.text, doc.hints, top_level=lambda t: is_strand_heading(self.lex, t),
                                               soft_breaks=doc.format == "pdf")
        # a roster given (a ParlaMint sitting's speakers) means a debate whose speakers are known, not guessed
        self.genre = "debate" if roster is not None else detect_genre(self.structure, doc.document)
        self.debate: DebateReading | None = read_debate(self.structure, roster=roster) if self.genre == "debate" else None
        self.document = replace(doc.document, kind=DOCUMENT_KINDS[self.genre])
        self.plan: SourcePlan = plan_sources(self.structure, self.document, self.lex, self.genre)
        label, kind = document_voice(self.structure, self.genre, self.document)
        author = statement_author(self.structure) if self.genre == "statement" else None
        org = author[1] if author is not None else None
        self.voice = Holder(label, kind, member_of=(org,) if org else (), member_kinds=((org, "organisation"),) if org else ())
        self.resolver = Resolver(self.lex)
        self.matcher = matcher or ThemeMatcher()
        self.hits: list[Hit] = []
        self.contradictions: list[tuple[str, str]] = []  # (claim text, claim text it contradicts)
        self.mentioned: list[Holder] = []
        self.ctx = _Context()
        self._lead_cache: dict[int, tuple[list[Holder], str, str | None, str, float] | None] = {}
        self._group_level = 99
        self.named_orgs: dict[str, Holder] = {}  # last word of an organisation's name -> the last one named in full
        self.proposals = find_proposals(self.structure) if self.genre in ("report", "committee") else []
        self.proposal_of = section_proposals(self.structure, self.proposals)

    # ------------------------------------------------------------------ walk

    def run(self) -> list[Hit]:
        body_start = self._body_start()
        if self.debate is not None:
            motion = next((q for q in self.debate.questions if q.key == "motion"), None)
            self.ctx.motion = motion.claim if motion is not None else None
        for b in self.structure.blocks:
            if b.index < body_start:
                continue
            if b.kind == "heading":
                self._heading(b)
                continue
            if b.index in self.plan.skipped or b.kind not in ("paragraph", "bullet", "row", "quote"):
                continue
            strand = self.plan.by_block.get(b.index)
            if strand is None:
                continue
            self.resolver.strand_noun = strand.noun
            self.resolver.strand_collective = strand.collective
            self.ctx.paragraph_hits = []
            self.ctx.topic = None
            if b.index in self.plan.method_blocks:
                self._method_mentions(b, strand)
            if b.kind in ("bullet", "row") and b.lead_in is not None:
                lead = self._lead_in(self.structure.blocks[b.lead_in], strand)
                if lead is not None and not self._has_own_frame(b):
                    self._lead_item(b, strand, lead)
                    continue
            if b.kind == "quote" and b.lead_in is not None:
                lead = self._lead_in(self.structure.blocks[b.lead_in], strand)
                if lead is not None:
                    self._quote(b, strand, lead)
                    continue
            self._paragraph(b, strand)
        if self.debate is not None:
            self._debate_stances(self.debate)
        if self.proposal_of:
            self._proposal_stances()
        return self.hits

    def _proposal_stances(self) -> None:
        """What a group says in a section about one of the document's proposals weighs for or against it: the
        group takes that stance on the proposal itself (rule ``proposal:<rule of the statement>``), once per
        group and proposal (the way most of its statements there weigh)."""
        votes: dict[tuple[str, str], list[tuple[str, Hit]]] = {}
        for h in list(self.hits):
            if h.holder.kind == "person" or h.holder == self.voice or h.rule.startswith(("proposal:", "debate:")):
                continue
            proposal = self.proposal_of.get(self._block_at(h.spans[0][0])) if h.spans else None
            if proposal is None or h.claim == proposal.claim:
                continue
            passage = " ".join(self.text[a:b] for a, b in h.spans)
            stance = "oppose" if h.rule.startswith(("lead-in:concern", "lead-in:fear", "lead-in:worr")) else evaluation(passage)
            if stance is None:
                continue
            if h.stance == "oppose" and not h.rule.startswith("lead-in:"):
                stance = "support" if stance == "oppose" else "oppose"  # against a concern is for the proposal
            votes.setdefault((h.holder.label, proposal.claim), []).append((stance, h))
        for (_label, claim), vs in votes.items():
            n_for = sum(1 for st, _ in vs if st == "support")
            n_against = len(vs) - n_for
            if n_for == n_against:
                continue
            stance = "support" if n_for > n_against else "oppose"
            for st, h in vs:
                if st == stance:
                    self.hits.append(Hit(h.holder, claim, stance, "proposal:" + h.rule.split(":")[0], 0.45, h.spans,
                                         h.source, h.section, h.quantifier, h.topics, locked=True))

    def _debate_stances(self, reading: DebateReading) -> None:
        """Each member's stance on the questions before the House (moved, voted, said, or by side)."""
        for st in reading.stances:
            strand = self.plan.by_block.get(self._block_at(st.spans[0][0])) if st.spans else None
            source = strand.source if strand is not None else self.plan.sources[0]
            self._add(Hit(reading.holder(st.member), st.question.claim, st.stance, st.rule, st.confidence, st.spans, source,
                          st.section, None, list(st.section), locked=True))
        by_key = {q.key: q for q in reading.questions}
        for q in reading.questions:
            other = by_key.get(q.contradicts or "")
            if other is not None:
                self.contradictions.append((q.claim, other.claim))

    def _block_at(self, offset: int) -> int:
        for b in self.structure.blocks:
            if b.start <= offset <= b.end:
                return b.index
        return 0

    def _body_start(self) -> int:
        """Reports and committee reports: title pages, membership lists and contents come before the first
        Summary or Introduction heading, and hold no positions."""
        if self.genre not in ("report", "committee"):
            return 0
        for b in self.structure.blocks:
            if b.kind == "heading" and re.match(r"^(?:\d+\.?\s+)?(?:b?summary|executive summary|introduction|foreword|"
                                                r"key findings|overview)\s*$", self.structure.view(b).text, re.I):
                return b.index
        return 0

    def _heading(self, b: Block) -> None:
        title = self.structure.view(b).text
        self.ctx.last_holders = []
        found = section_holder(title)
        if found is not None:
            who, by = found
            if who == "the chair":
                self.ctx.section_holders = [Holder("The Inquiry", "organisation")]
            else:
                self.ctx.section_holders = split_organisations(re.sub(r"\s+for\s+Module\s+\d+.*$", "", who, flags=re.I), self.resolver)
                for h in self.ctx.section_holders:
                    if len(h.label.split()) >= 2:
                        self.named_orgs[_last_word(h.label)] = h
            self.ctx.section_counsel = _surname(by) if by else None
            self._section_level = b.level
        elif self.ctx.section_holders and b.level <= getattr(self, "_section_level", 99):
            self.ctx.section_holders = []
            self.ctx.section_counsel = None
        if self.genre in ("report", "committee"):
            if self.ctx.section_group is not None and b.level <= self._group_level:
                self.ctx.section_group = None
            group = self._group_heading(title)
            if group is not None:
                self.ctx.section_group, self._group_level = group, b.level
        self.ctx.conclusions = bool(re.search(r"\bconclusions?\b|\brecommendations\b", " ".join((*b.section, title)), re.I))
        topics = [t for t in (*b.section, title)]
        self.ctx.topics = topics

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

    # ------------------------------------------------------------------ holders in context

    def _turn_holders(self, b: Block) -> list[Holder]:
        """Who speaks in a block: the organisation a speaker represents, a front-bench party, or the speaker."""
        if self.ctx.quote_holders:
            return list(self.ctx.quote_holders)
        if self.debate is not None:
            member = self.debate.speaker_of.get(b.index)
            return [self.debate.holder(member)] if member is not None else []
        if self.genre == "statement":
            return [self.voice]  # one person's testimony: every first-person sentence is theirs
        if not b.speaker:
            return list(self.ctx.section_holders)
        name = re.sub(r"\s+", " ", b.speaker.strip().strip("*:").strip())
        if name.isupper():
            name = name.title()
        if name in self.ctx.speaker_map:
            return self.ctx.speaker_map[name]
        if _CHAIR.match(name):
            return [Holder("The Chair", "person")]
        if self.ctx.section_holders:
            counsel = self.ctx.section_counsel
            if counsel is None or counsel.casefold() in name.casefold():
                return list(self.ctx.section_holders)
        note = b.speaker_note or ""
        parts = [p.strip() for p in note.split("|") if p.strip()]
        party = next((PARTIES.get(p.casefold()) for p in reversed(parts) if PARTIES.get(p.casefold())), None)
        if _FRONT_BENCH.match(name):
            return [Holder("Government", "organisation")]
        if _SHADOW.match(name) and party:
            return [Holder(party, "organisation")]
        person = self.resolver.resolve(name)
        label = person.label if isinstance(person, Holder) and person.kind == "person" else name
        if isinstance(person, Holder) and person.kind == "organisation":
            return [person]
        self.resolver.register_person(label)
        return [Holder(label, "person", member_of=(party,) if party else (),
                       member_kinds=((party, "organisation"),) if party else ())]

    def _context_holders(self, b: Block, sentence: str) -> list[Holder]:
        """Whoever states a bare modal sentence: the speaker's side, the committee, or the document's voice for 'we'."""
        turn = self._turn_holders(b)
        if turn or self.genre == "debate":
            return turn
        if self.genre == "committee" or self.ctx.conclusions:
            return [self.voice]
        if re.match(r"\s*(?:we|our)\b", sentence, re.I):
            return [self.voice]
        return []

    def _learn_speaker(self, b: Block, first_sentence: str) -> None:
        if not b.speaker or b.speaker in self.ctx.speaker_map or self.ctx.section_holders:
            return
        m = _ON_BEHALF.search(first_sentence)
        if m:
            holders = split_organisations(m.group("who"), self.resolver)
            if holders:
                self.ctx.speaker_map[b.speaker] = holders

    def _resolve_subject(self, f: Frame, b: Block, strand: StrandState, claim_text: str) -> tuple[list[Holder], str, float]:
        """Holders for a frame's subject, with the rule suffix and a confidence adjustment."""
        if f.subject is None:
            return [], "", 0.0
        if f.subject == "supporters":
            return [self._side_holder("support", claim_text)], "", 0.0
        if self.debate is not None:
            member = self.debate.resolve(f.subject)
            if member is not None:
                return [self.debate.holder(member)], "+member", 0.0
        if f.subject == "it":  # the organisation named last in the paragraph, else the one whose submission this is
            orgs = [h for h in self.ctx.last_holders if h.kind == "organisation"] or \
                [h for h in self.ctx.section_holders if h.kind == "organisation"][:1]
            return (orgs[-1:], "+it", -0.1) if orgs else ([], "", 0.0)
        definite = self._definite_org(f.subject)
        if definite is not None:
            return [definite], "+named", 0.0
        parts = [p for p in re.split(r"\s+and\s+(?:by|among|from)\s+", f.subject) if p.strip()]
        if len(parts) > 1:  # "opposed by people in rural areas and by the Action Group": two holders
            found = [x for x in (self.resolver.resolve(p) for p in parts) if isinstance(x, Holder)]
            if found:
                return found, "", 0.0
        r = self.resolver.resolve(f.subject)
        if isinstance(r, Holder):
            return [r], "", (-0.05 if r.generic else 0.0)
        if isinstance(r, Reference):
            if r.kind == "previous" and self.ctx.last_holders:
                return list(self.ctx.last_holders), "+pronoun", -0.1
            if r.kind == "previous" and self.ctx.section_group is not None:
                return [self.ctx.section_group], "+section", -0.1
            if r.kind == "we":
                holders = self._turn_holders(b) or [self.voice]
                return holders, "+we", -0.05
            if r.kind == "quantity":
                group = next((h for h in reversed(self.ctx.last_holders) if h.kind == "group" and not h.generic
                              and not h.label.startswith(("Supporters of", "Opponents of"))), None)
                if group is None and not any(h.generic for h in self.ctx.last_holders):
                    group = self.ctx.section_group
                if group is not None:
                    other = bool(re.match(r"\s*others?\b", f.subject, re.I))
                    return [part_of(group, r.quantifier, other=other)], "+quantity", -0.1
                prev = next((h for h in self.ctx.last_holders if h.generic), None)
                noun = _noun_of(prev.label) if prev is not None else None
                return [self.resolver.collective(r.quantifier, noun)], "+quantity", -0.1
            if r.kind == "side":
                return [self._side_holder(r.side or "support", self.ctx.topic or claim_text, r.quantifier)], "+side", -0.05
        return [], "", 0.0

    def _definite_org(self, subject: str) -> Holder | None:
        """'The Council', 'the Union's members', 'the families': the organisation named in full nearby whose name ends
        in that word (the one whose submission this is first, else the last one named), not the lexicon's category."""
        m = _DEFINITE.match(" ".join(subject.replace("’", "'").split()).strip(" ,"))
        if not m:
            return None
        head = m.group("head").casefold()
        own = [h for h in self.ctx.section_holders if _last_word(h.label) == head]
        if not own and ORG_END.search(head):  # "the College" for the Royal College of Nursing
            own = [h for h in self.ctx.section_holders if head in {w.casefold() for w in h.label.split()[:-1]}]
        if len(own) == 1:
            return own[0]
        return self.named_orgs.get(head)

    def _side_holder(self, side: str, topic: str, of: str | None = None) -> Holder:
        theme = None
        subject = of or topic
        what = side_object(subject, self.matcher)
        noun = "Supporters" if side == "support" else "Opponents"
        return Holder(f"{noun} of {what}", "group", generic=True)

    def _collective_holder(self, strand: StrandState, quantifier: str | None, among: str | None, b: Block) -> list[Holder]:
        if among:
            r = self.resolver.resolve(among)
            if isinstance(r, Holder):
                return [r]
        turn = self._turn_holders(b)
        if turn and self.genre in ("transcript", "debate"):
            return turn
        if strand.collective is None and self.genre == "committee":
            return [self.resolver.collective(quantifier, "witnesses")]
        if strand.collective is None and strand.method in ("strategy analysis", "plan analysis"):
            return [self.resolver.collective(quantifier, "stakeholders")]
        return [self.resolver.collective(quantifier)]

    # ------------------------------------------------------------------ blocks

    def _method_mentions(self, b: Block, strand: StrandState) -> None:
        view = self.structure.view(b)
        for s, e in split_sentences(view.clean):
            listed = listed_stakeholders(view.clean[s:e])
            if not listed:
                continue
            group = None
            for st in self.lex.strands:
                if st.mentions is not None and st.collective and st.mentions.search(view.clean):
                    group = st.collective
                    break
            for h in self._list_holders(listed):
                self.mentioned.append(replace(h, member_of=tuple(dict.fromkeys((*h.member_of, group)))) if group else h)

    def _list_holders(self, text: str) -> list[Holder]:
        text = re.sub(r"\s+etc\.?\s*$", "", text.strip().rstrip("."))
        out = []
        for part in re.split(r",\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+", text):
            part = part.strip()
            if not part:
                continue
            r = self.resolver.resolve(part)
            if isinstance(r, Holder):
                out.append(r)
        return out

    def _has_own_frame(self, b: Block) -> bool:
        view = self.structure.view(b)
        return any(f.subject and isinstance(self.resolver.resolve(f.subject), Holder)
                   for f in find_frames(view.clean, self.lex) if f.rule.startswith(("attrib", "according")))

    def _lead_in(self, lead: Block, strand: StrandState) -> tuple[list[Holder], str, str | None, str, float] | None:
        """(holders, stance, quantifier, rule, confidence) that a lead-in passes to the bullets under it."""
        if lead.index in self._lead_cache:
            return self._lead_cache[lead.index]
        self.resolver.strand_noun, self.resolver.strand_collective = strand.noun, strand.collective
        view = self.structure.view(lead)
        sentences = split_sentences(view.clean)
        result: tuple[list[Holder], str, str | None, str, float] | None = None
        if sentences:
            s, e = sentences[-1]
            sent = view.clean[s:e].rstrip(" :")
            said = _SAID.match(sent)
            if said:
                r = self.resolver.resolve(said.group("who"))
                holders_s = [r] if isinstance(r, Holder) else (self._turn_holders(lead) if isinstance(r, Reference) and r.kind == "we" else
                                                             list(self.ctx.last_holders) if isinstance(r, Reference) else [])
                if holders_s:
                    result = (holders_s, "support", None, "lead-in:said", 0.75)
                    self._lead_cache[lead.index] = result
                    return result
            m = _LEAD_THEMES.search(sent + ":")
            if m:
                holders = split_organisations(m.group("who"), self.resolver) if m.group("who")[:1].isupper() else []
                if not holders:
                    r = self.resolver.resolve(m.group("who"))
                    holders = [r] if isinstance(r, Holder) else []
                if holders:
                    result = (holders, "support", find_quantifier(sent), f"lead-in:{m.group('noun').casefold()}", 0.75)
            if result is None:
                for f in find_frames(sent, self.lex):
                    if f.rule in ("modal", "similar", "specify"):
                        continue
                    holders, suffix, adj = self._resolve_subject(f, lead, strand, "")
                    if not holders and f.subject is None and f.rule.startswith(("impersonal", "passive", "contested")):
                        holders = self._collective_holder(strand, find_quantifier(f.quant_text), None, lead)
                    if not holders and lead.speaker:
                        holders = self._turn_holders(lead)
                    if holders:
                        stance = {"doubt": "oppose"}.get(f.polarity, f.polarity)
                        if stance == "neutral":
                            stance = "support"
                        result = (holders, stance, find_quantifier(f.quant_text),
                                  f"lead-in:{f.rule}{suffix}", round(0.7 + adj, 2))
                        break
        self._lead_cache[lead.index] = result
        return result

    def _quote(self, b: Block, strand: StrandState, lead: tuple[list[Holder], str, str | None, str, float]) -> None:
        """A block quote after 'X said:' is X speaking: its sentences are read with X as 'we', 'I' and the speaker
        of its bare modals; a quote no cue frames is X's claim as a whole."""
        before = len(self.hits)
        self.ctx.quote_holders = lead[0]
        try:
            self._paragraph(b, strand)
        finally:
            self.ctx.quote_holders = []
        if len(self.hits) == before:
            self._lead_item(b, strand, lead, quote=True)

    def _lead_item(self, b: Block, strand: StrandState, lead: tuple[list[Holder], str, str | None, str, float],
                   quote: bool = False) -> None:
        holders, stance, quantifier, rule, confidence = lead
        segments = b.segments
        topics = list(self.ctx.topics)
        if b.kind == "row" and len(b.cells) >= 2:
            topics.append(self.structure.view(b.cells[0]).text)
            segments = [s for c in b.cells[1:] for s in c]
        view = self.structure.view(segments)
        text = view.clean
        if quote:
            sents = split_sentences(text)
            if sents:
                text = text[sents[0][0]:sents[-1][1]]
        claim = normalise_claim(text)
        negated, claim2 = denied(claim)
        st = stance
        if negated:
            st, claim = ("oppose" if stance == "support" else "support"), claim2
        turned = _turned(claim)
        if len(content_tokens(claim)) < 1:
            return
        spans = trim_spans(self.text, view.spans(0, len(view.clean)))
        for h in holders:
            self._add(Hit(h, claim, st, rule + (":quote" if quote else ""), confidence, spans, strand.source, b.section,
                          quantifier or h.quantifier, topics, turned=turned))

    def _paragraph(self, b: Block, strand: StrandState) -> None:
        segments = b.segments
        topics = list(self.ctx.topics)
        if b.kind == "row" and len(b.cells) >= 2:
            head = self.structure.view(b.cells[0]).text
            if len(head.split()) <= 8:
                topics.append(head)
                segments = [s for c in b.cells[1:] for s in c]
        view = self.structure.view(segments)
        sentences = split_sentences(view.clean)
        if b.speaker and sentences:
            self._learn_speaker(b, view.clean[sentences[0][0]:sentences[0][1]])
        is_lead = view.clean.rstrip().endswith(":")
        for k, (s, e) in enumerate(sentences):
            sent = view.clean[s:e]
            if len(sent) < 12:
                continue
            spans = trim_spans(self.text, view.spans(s, e))
            if self.debate is not None and (sent.rstrip().endswith("?") or _DEBATE_SKIP.match(sent) or states_stance(sent)):
                continue  # a question or a courtesy is not a position; stances on the question come from read_debate
            frames = find_frames(sent, self.lex)
            lead_sentence = is_lead and k == len(sentences) - 1
            for f in frames:
                self._frame_hits(f, b, strand, spans, topics, lead_sentence)
            if not frames and self.genre in ("transcript", "statement"):
                self._assertion(sent, b, strand, spans, topics)

    def _assertion(self, sent: str, b: Block, strand: StrandState, spans: list[Span], topics: list[str]) -> None:
        """In a submission or a testimony, an evaluative statement with no cue of its own ("far too many who died
        were vulnerable because of staffing practices", "social care was the poor relation") is the position of
        whoever the speaker speaks for: a criticism is a claim they make."""
        holders = self._turn_holders(b)
        if not holders or holders == [self.voice] and self.genre != "statement":
            return
        if len(sent.split()) < 8 or sent.rstrip().endswith("?") or evaluation(sent) != "oppose" \
                or re.match(r"\s*(?:I|we)\s+(?:am|are|were|was|have|had|will|would|shall)\s+(?:grateful|pleased|conscious|aware|"
                            r"going|now|here|turning|moving)\b", sent, re.I):
            return
        claim = normalise_claim(sent)
        if len(content_tokens(claim)) < 3 or _JUNK_CLAIM.match(claim):
            return
        for h in holders:
            self._add(Hit(h, claim, "support", "turn:assertion", 0.45, spans, strand.source, b.section, None, topics))

    def _frame_hits(self, f: Frame, b: Block, strand: StrandState, spans: list[Span], topics: list[str],
                    lead_sentence: bool) -> None:
        ctx = self.ctx
        if f.rule == "specify":
            previous = [h for h in ctx.paragraph_hits if h.rule != "specify"]
            if not previous:
                return
            for h in self._list_holders(f.subject or ""):
                for earlier in previous:
                    self._add(Hit(h, earlier.claim, earlier.stance, "specify", 0.6, spans, strand.source, b.section,
                                  earlier.quantifier, earlier.topics, earlier.doubt, earlier.locked))
            return
        claims = [(f.claim_text(c), c) for c in f.claims]
        if f.rule.startswith("attrib") and len(claims) == 1:
            nested = _inner_first_person(claims[0][0])
            if nested is not None:  # "He told us that 'we do not think that a ban would have much impact'"
                text, flip = nested
                claims = [(text, claims[0][1])]
                if flip:
                    f = replace(f, polarity={"support": "oppose", "oppose": "support", "doubt": "support"}.get(f.polarity, f.polarity))
        if ctx.motion:
            claims = [(ctx.motion if _MOTION_REF.match(t) else t, c) for t, c in claims]
        if lead_sentence:
            claims = [(_trim_lead_claim(t), c) for t, c in claims]
            claims = [(t, c) for t, c in claims if len(t.split()) > 3 and not _FUNCTION_END.search(t)]
        min_tokens = 2 if f.rule == "modal" or (f.rule.startswith("attrib") and not f.clause) else 1
        claims = [(t, c) for t, c in claims if t and len(content_tokens(t)) >= min_tokens and not _JUNK_CLAIM.match(t)
                  and not (f.rule.startswith("attrib") and len(t.split()) <= 2 and len(content_tokens(t)) < 2)]  # "that description"
        if not claims:
            return
        rule = f.rule
        confidence = f.confidence
        quantifier = find_quantifier(f.quant_text)
        if f.rule == "similar":
            prev: Hit | None = next((h for h in reversed(ctx.paragraph_hits) if h.doubt), None) or \
                (ctx.paragraph_hits[-1] if ctx.paragraph_hits else None)
            stance = prev.stance if prev else "support"
            doubt = prev.doubt if prev else False
            r = self.resolver.resolve(f.subject or "")
            holders = [r] if isinstance(r, Holder) else (list(ctx.last_holders) if ctx.last_holders else [])
            for h in holders:
                for text, _c in claims:
                    self._add(Hit(h, text, stance, "similar", confidence, spans, strand.source, b.section,
                                  quantifier or h.quantifier, topics, doubt))
            return
        if f.rule.startswith(("impersonal", "contested")) or (f.rule.startswith("passive") and not f.subject):
            holders = self._collective_holder(strand, quantifier, f.subject, b)
            suffix, adj = "", -0.05
        elif f.rule == "modal":
            holders = self._context_holders(b, f.sentence)
            suffix, adj = ("turn:" if b.speaker or ctx.section_holders else ""), 0.0
            rule = suffix + "modal"
            suffix = ""
        else:
            holders, suffix, adj = self._resolve_subject(f, b, strand, claims[0][0])
        if not holders:
            return
        if f.contested:
            ctx.topic = claims[0][0]
        for h in holders:
            for text, _c in claims:
                stance = {"support": "support", "oppose": "oppose", "doubt": "oppose", "neutral": "neutral"}[f.polarity]
                doubt = f.polarity == "doubt"
                negated, inner = denied(text)
                if negated:
                    stance = "oppose" if stance == "support" else "support"
                    text = inner
                hit_rule = rule + suffix
                locked = False
                if ctx.topic is not None and not f.contested and text != ctx.topic and (
                        suffix == "+side" or h.label.startswith(("Supporters of", "Opponents of")) or
                        re.match(r"\s*(?:however|but|on the other hand|in contrast|by contrast|conversely|others|other|"
                                 r"meanwhile|yet|whereas|at the same time)\b", f.sentence, re.I)):
                    text = ctx.topic
                    hit_rule += "+topic"
                    locked = True
                if ctx.motion and _MOTION_REF.match(text):
                    text = ctx.motion
                    locked = True
                    hit_rule += "+motion"
                if f.subject == "supporters" or h.label.startswith(("Supporters of", "Opponents of")):
                    stance = "oppose" if h.label.startswith("Opponents") else ("support" if stance != "oppose" else stance)
                self._add(Hit(h, text, stance, hit_rule, round(max(0.2, min(0.95, confidence + adj)), 2), spans,
                              strand.source, b.section, quantifier or h.quantifier, topics, doubt, locked,
                              side_topic=h.label.startswith(("Supporters of ", "Opponents of ")),
                              turned=None if locked else _turned(text)))
        if holders and not f.rule.startswith(("impersonal", "contested", "nominal")):
            ctx.last_holders = holders

    def _add(self, hit: Hit) -> None:
        if not hit.spans:
            return
        if hit.holder.label == "The literature" and self.genre not in ("report",):
            return  # in a hearing, a debate or a committee report "the literature" is a source, not a party
        if self.debate is not None and hit.holder.kind == "group" and _RHETORICAL.match(hit.holder.label):
            return  # "millions of people who live in our villages", "a great many Members": a speaker's rhetoric
        if hit.holder.kind == "organisation" and len(hit.holder.label.split()) >= 2:
            self.named_orgs[_last_word(hit.holder.label)] = hit.holder
        self.hits.append(hit)
        self.ctx.paragraph_hits.append(hit)


def _turned(claim: str) -> str | None:
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


_RHETORICAL = re.compile(r"^(?:a great many|a great deal of|many|most|some|several|millions|thousands|hundreds|people|those|"
                         r"everyone|everybody|nobody|all|other|others|the public|members)\b", re.I)
_DEFINITE = re.compile(r"^(?:the|its|our|their|this)\s+(?P<head>[A-Za-z][\w-]*)(?:'s?(?:\s+(?:own\s+)?(?:members|staff|officers|"
                       r"position|view|evidence|case|team|clients|submission))?)?$", re.I)


def _last_word(label: str) -> str:
    words = re.sub(r"['’]s?$", "", label.strip()).split()
    return words[-1].casefold() if words else ""


def part_of(group: Holder, quantifier: str | None, *, other: bool = False) -> Holder:
    """'Several' of the farmers named just before: 'Several farmers and farm workers', a part of that group."""
    base = group.member_of[0] if group.quantifier and group.member_of else group.label
    q = re.sub(r"^(a (?:small |large |significant )?number|a (?:small )?minority|the majority|a majority)$", r"\1 of",
               quantifier or "some")
    word = "Other" if other else capitalise(q)
    noun = base if re.match(r"^[A-Z][a-z]*[A-Z]|^[A-Z]{2,}", base) else base[:1].lower() + base[1:]
    return Holder(f"{word} {noun}", "group", quantifier=quantifier, member_of=(base,), generic=True,
                  member_kinds=((base, "group"),))


def _inner_first_person(claim: str) -> tuple[str, bool] | None:
    """A reported claim that is itself the speaker's own attribution ('we do not think that X', 'I believe X'):
    (X, whether the inner frame turns the stance round), else None."""
    if not re.match(r"^[\"“']?\s*(?:we|i)\s", claim, re.I):
        return None
    for g in find_frames(claim.strip("\"“”' "), None):
        if g.rule.startswith("attrib") and g.subject and re.fullmatch(r"[\"“']?\s*(?:we|i)", g.subject.strip(), re.I) and g.claims:
            return g.claim_text(g.claims[0]), g.polarity in ("oppose", "doubt")
    return None


def _claim_words(claim: str) -> str:
    """The first words of a claim, as the object of 'Supporters of ...'."""
    return " ".join(normalise_claim(claim).split()[:7]).casefold()


def _noun_of(label: str) -> str | None:
    words = label.split()
    return words[-1].casefold() if words else None


def _surname(by: str) -> str:
    words = [w for w in re.sub(r"\b(?:KC|QC|MP|SC)\b", "", by).split() if w[:1].isupper()]
    return words[-1] if words else by


def _trim_lead_claim(text: str) -> str:
    """'the desired model of care, with its focus on' -> 'the desired model of care'."""
    if "," in text:
        head, tail = text.rsplit(",", 1)
        if _FUNCTION_END.search(tail.strip()) or len(tail.split()) <= 4:
            return head.strip()
    return text


# --------------------------------------------------------------------------- after the walk

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
        longer = [c for c in by_section[h.section] if len(c) > len(h.claim) and c.casefold().startswith(low + " ")]
        if longer:
            h.claim = min(longer, key=len)
    texts = list(dict.fromkeys(h.claim for h in hits))
    reps = cluster_claims(texts)
    canon = {t: texts[r] for t, r in zip(texts, reps)}
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
    for h in hits:
        holders.setdefault(h.claim, set()).add(h.holder.label)
    texts = list(holders)
    weights = _weights([content_tokens(t) for t in texts])
    moved: dict[str, str] = {}
    for t in texts:
        others = [a for a in texts if a != t and holders[a] - holders[t]]
        i = anchor_of(t, others, weights=weights)
        if i is not None:
            moved[t] = others[i]
    for h in hits:
        if h.claim in moved and not h.side_topic:
            h.claim = moved[h.claim]
            h.rule += "+aligned"
    return moved


def opposite_claims(hits: list[Hit]) -> list[tuple[str, str]]:
    """Pairs of claims that propose opposite instruments on one topic and are backed by different holders."""
    backers: dict[str, set[str]] = {}
    for h in hits:
        if h.stance == "support":
            backers.setdefault(h.claim, set()).add(h.holder.label)
    texts = list(backers)
    return [(texts[i], texts[j]) for i, j in opposite_proposals(texts) if not backers[texts[i]] & backers[texts[j]]]


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


def join_wrapped(text: str, spans: list[Span]) -> list[Span]:
    r"""Spans of one sentence that a hard line wrap (or a blank line) split are one passage again: a quote is the
    whole sentence, "There are\nother options" and not "There are" and "other options" (offsets stay exact:
    the quote holds the line break). Spans with anything else between them (a running head, a footnote) stay
    apart.

    >>> t = "There are\nother options. Page 3\nabout it."
    >>> join_wrapped(t, [(0, 9), (10, 24), (32, 41)])
    [(0, 24), (32, 41)]
    """
    out: list[Span] = []
    for a, b in sorted(spans):
        if out and not text[out[-1][1]:a].strip():
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def build_bundle(ex: Extractor) -> Bundle:
    """Model records from an extractor's hits: document, sources, stakeholders, themes, claims, positions."""
    bundle = Bundle()
    doc = ex.document
    bundle.add(doc)
    bundle.extend(ex.plan.sources)
    claim_themes: dict[str, list[Theme]] = {}
    heading_theme_cache: dict[str, Theme | None] = {}

    def topic_theme(topic: str) -> Theme | None:
        if topic not in heading_theme_cache:
            heading_theme_cache[topic] = ex.matcher.for_heading(topic)
        return heading_theme_cache[topic]

    for hit in ex.hits:
        themes = claim_themes.setdefault(hit.claim, [])
        for t in ex.matcher.in_text(hit.claim):
            if t not in themes:
                themes.append(t)
        topical = [topic_theme(tp) for tp in reversed(hit.topics)]
        nearest = next((t for t in topical if t is not None), None)
        if nearest is not None and nearest not in themes and (not themes or hit.topics and hit.topics[-1] and
                                                              topic_theme(hit.topics[-1]) is nearest):
            themes.append(nearest)
        if not themes:
            sim = ex.matcher.by_similarity(hit.claim)
            if sim is not None:
                themes.append(sim)
    for hit in ex.hits:
        holder = hit.holder
        # an unnamed collective ("Some participants") is this document's, not everyone's of that name
        scope = doc.id if holder.generic else None
        member_ids = []
        for label in holder.member_of:
            kind = dict(holder.member_kinds).get(label) or _kind_for(ex, label)
            g = new_stakeholder(label, kind=kind, scope=scope)
            bundle.add(g)
            member_ids.append(g.id)
        # an unnamed collective is told apart from its namesakes in other documents by the document it speaks in
        context = (("document", doc.title or doc.id),) if holder.generic else ()
        sh = new_stakeholder(holder.label, kind=holder.kind, aliases=holder.aliases, member_of=member_ids, scope=scope,
                             attributes=context + holder.attributes)
        themes = claim_themes.get(hit.claim, [])[:3]
        all_themes = [x for t in themes for x in ex.matcher.closure(t)]
        for t in all_themes:
            for b in t.broader:
                if b not in {x.id for x in all_themes}:
                    pass
        bundle.add(*all_themes)
        claim = new_claim(hit.claim, themes=[t.id for t in themes],
                          contradicts=[claim_id(b) for a, b in ex.contradictions if a == hit.claim and b != hit.claim])
        passages = [Passage(document=doc.id, quote=ex.text[a:b], start=a, end=b, source=hit.source.id, section=hit.section)
                    for a, b in join_wrapped(ex.text, hit.spans)]
        quantifier = hit.quantifier
        pos = new_position(sh, claim, hit.stance, document=doc.id, evidence=passages, strength=strength_for(quantifier),
                           quantifier=quantifier, rule=hit.rule, confidence=hit.confidence, date=doc.date)
        bundle.add(sh, claim, pos)
    for h in ex.mentioned:
        scope = doc.id if h.generic else None
        member_ids = []
        for label in h.member_of:
            g = new_stakeholder(label, kind=_kind_for(ex, label), scope=scope)
            bundle.add(g)
            member_ids.append(g.id)
        known = bundle.stakeholders.get(stakeholder_id(h.label, scope=scope))
        bundle.add(new_stakeholder(h.label, kind=known.kind if known else h.kind, aliases=() if known else h.aliases,
                                   member_of=member_ids, scope=scope))
    return bundle


def _kind_for(ex: Extractor, label: str) -> str:
    e = ex.lex.lookup(label)
    if e is not None:
        return e.kind
    return "organisation" if label in PARTIES.values() or label == "Government" else "group"


def extract_document(doc: DocumentText, *, lexicon: Lexicon | None = None, matcher: ThemeMatcher | None = None,
                     roster: Roster | None = None) -> Bundle:
    """Extract the stakeholders, claims, stances, themes and evidence of one document.

    `roster`: the members of a debate, known beforehand (a ParlaMint sitting's speakers with their parties and
    offices); the document is then read as a debate and its speaker lines are looked up there first.
    """
    ex = Extractor(doc, lexicon, matcher, roster=roster)
    ex.run()
    retarget_doubts(ex.hits, ex.matcher)
    settle_polarity(ex.hits)
    canon = merge_hit_claims(ex.hits, ex.matcher)
    moved = align_claims(ex.hits)

    def final(text: str) -> str:
        text = canon.get(text, text)
        return moved.get(text, text)
    ex.contradictions = [(final(a), final(b)) for a, b in ex.contradictions]
    for a, b in opposite_claims(ex.hits):
        ex.contradictions += [(a, b), (b, a)]
    merge_person_names(ex.hits)
    return build_bundle(ex)


def capitalise_label(label: str) -> str:
    return capitalise(label)
