"""Parliamentary debates: members, turns and the questions before the House, read from the structure.

:func:`read_debate` reads a sitting in two steps: :func:`.hansard.relabel` finds the members (a Public Bill
Committee's member list, the three shapes of speaker line) and relabels the blocks (turns, procedure, division
lists), then :func:`.questions.read_questions` reads the questions (motions, amendments, new clauses, clauses
standing part) and every member's stance on them. :class:`DebateReader` gives the sentence layer the member
whose turn a block is (a person in their party, and in the Government when they hold office), resolves "the
Minister" and "the hon. Member for X" to members, and leaves alone what is not a position in a debate: questions,
courtesies, the chair's words, a speaker's rhetorical crowd.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from ....graph.model.records import Document
from ...documents.structure import Block, Structure
from ..hits import Hit
from ..stakeholders import Holder, Resolver, clean_subject
from . import Context, Reader
from .courtesy import courtesy
from .hansard import Roster, relabel
from .questions import DebateReading, read_questions
from .witnesses import read_witnesses

if TYPE_CHECKING:
    from ..sources import StrandState
    from . import PositionSink

#: a debate's own procedure (courtesies and signposts are :func:`.courtesy.courtesy`)
#: where a sentence turns to the speaker's vote: ", and we will vote against ...", "; we will support ..."
_VOTE_CLAUSE = re.compile(r"(?:,\s+(?:and|but|so)|;)\s+(?=(?:I|we)\s+(?:(?:will|shall|would|cannot|can(?:no|')t|won't|do\s+not)\s+"
                          r"(?:not\s+)?(?:be\s+)?(?:vot|support|oppos|back|reject|abstain)|(?:am|are)\s+(?:glad|pleased|happy|"
                          r"delighted)\s+to\s+see\b))", re.I)
_SKIP = re.compile(r"^\s*(?:I beg to|On a point of order|Order\b)", re.I)
_RHETORICAL = re.compile(r"^(?:a great many|a great deal of|many|most|some|several|millions|thousands|hundreds|people|those|"
                         r"everyone|everybody|nobody|all|other|others|the public|members|(?:right\s+)?hon(?:\.|ourable)?\s+members)\b", re.I)


def read_debate(structure: Structure, *, roster: Roster | None = None) -> DebateReading:
    """Relabel a debate's blocks (speakers, member list, procedure, divisions) and read its questions and votes.

    `roster`: members known beforehand (a ParlaMint sitting's speakers with their parties and offices)."""
    roster = roster or Roster()
    relabel(structure, roster)
    return read_questions(structure, roster)


class DebateReader(Reader):
    """A sitting of the House or of a committee."""

    genre: ClassVar[str] = "debate"
    kind: ClassVar[str] = "debate"

    def __init__(self, structure: Structure, document: Document, resolver: Resolver, ctx: Context, *,
                 roster: Roster | None = None) -> None:
        super().__init__(structure, document, resolver, ctx)
        self.reading = read_debate(structure, roster=roster)
        motion = next((q for q in self.reading.questions if q.key == "motion"), None)
        ctx.motion = motion.claim if motion is not None else None
        # a committee's sitting that hears submitters listed by body ("Plantation Forestry Council (Hamish Reddaway, chief
        # executive)"): each of them, not a member, gives evidence for that body (or, listed alone, for themselves)
        listed = read_witnesses(structure, resolver)
        for b in structure.blocks:
            member = self.reading.speaker_of.get(b.index)
            body = listed.of(b.speaker) if b.speaker and b.speaker not in ctx.witness_speakers else None
            if body is not None and (member is None or member.party is None):
                ctx.speaker_map[b.speaker or ""] = [body]
                ctx.witness_speakers.add(b.speaker or "")

    def make_voice(self) -> Holder:
        return Holder("The House", "organisation")

    def speakers(self, b: Block) -> list[Holder]:
        member = self.reading.speaker_of.get(b.index)
        if b.speaker and b.speaker in self.ctx.witness_speakers and (member is None or member.party is None):
            return self.ctx.speaker_map.get(b.speaker, [])  # a committee's witness, for the body the tag names
        return [self.reading.holder(member)] if member is not None else []

    def testifies(self, b: Block) -> bool:
        """A committee's witness (a tag naming their body, "As an Individual", "here on behalf of") gives evidence:
        their statements of fact are positions, as in a hearing."""
        member = self.reading.speaker_of.get(b.index)
        return bool(b.speaker) and b.speaker in self.ctx.witness_speakers and (member is None or member.party is None)

    def presents(self, b: Block) -> bool:
        member = self.reading.speaker_of.get(b.index)
        return member is not None and member.government

    def asserts(self, holders: list[Holder]) -> bool:
        """A member's criticism stated as fact ("a loan is of no use to a village hall committee") is their position."""
        return bool(holders)

    def context_holders(self, turn: list[Holder], sentence: str) -> list[Holder]:
        return turn  # a member's own words, never "the House"

    def we(self, turn: list[Holder]) -> list[Holder]:
        return turn  # the chair's "we" (or nobody's) holds nothing

    def member(self, subject: str, b: Block | None = None) -> Holder | None:
        found = self.reading.resolve(subject, b.index if b is not None else None) or \
            self.reading.resolve(clean_subject(subject), b.index if b is not None else None)  # ("Madam Speaker, the minister")
        if found is not None:
            return self.reading.holder(found)
        return super().member(subject, b)

    def collective(self, strand: StrandState, quantifier: str | None, b: Block) -> list[Holder] | None:
        return self.speakers(b) or None

    def skips(self, sentence: str, b: Block | None = None) -> bool:
        """A question or a courtesy is no position; a stance on the question before the House is read as a vote."""
        if sentence.rstrip().endswith("?") or bool(_SKIP.match(sentence)) or courtesy(sentence):
            return True
        member = self.reading.speaker_of.get(b.index) if b is not None else None
        if not self.reading.states_stance(sentence, member):
            return False
        # "The Liberal Democrats support a levy in principle, and we will vote against the motion": the first clause
        # is a claim of its own (the vote is read as a vote all the same)
        first = _VOTE_CLAUSE.split(sentence, maxsplit=1)
        return len(first) < 2 or self.reading.states_stance(first[0], member)

    def keeps(self, holder: Holder) -> bool:
        """Not "the literature"; not a speaker's rhetorical crowd ("millions of people who live in our villages")."""
        return super().keeps(holder) and holder.label != "The literature" and not (holder.kind == "group" and _RHETORICAL.match(holder.label))

    def positions(self, ex: PositionSink) -> None:
        """Each member's stance on the questions before the House (moved, voted, said, or by side)."""
        reading = self.reading
        for st in reading.stances:
            source = ex.strand_at(st.spans[0][0]).source
            b = self.structure.blocks[ex.block_at(st.spans[0][0])]
            # a committee's witness speaks for the body their tag names, on the questions as in their sentences
            holders = self.speakers(b) if reading.speaker_of.get(b.index) is st.member else []
            for holder in holders or [reading.holder(st.member)]:
                ex.add(Hit(holder, st.question.claim, st.stance, st.rule, st.confidence, st.spans, source,
                           st.section, None, list(st.section), locked=True))
                if st.rule == "debate:moved":  # the mover asks for each thing the motion asks for, where members meet it
                    for ask in st.question.asks:
                        ex.add(Hit(holder, ask, "support", "debate:moved:ask", 0.8, st.spans, source,
                                   st.section, None, list(st.section)))
        by_key = {q.key: q for q in reading.questions}
        for q in reading.questions:
            other = by_key.get(q.contradicts or "")
            if other is not None:
                ex.contradictions.append((q.claim, other.claim))
