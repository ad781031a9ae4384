"""Hearing transcripts: the organisations counsel and witnesses speak for hold what they say.

Turns and submissions are read as in every genre (:mod:`.turns`); what a hearing adds: its voice is the
inquiry's, unattributed evaluative statements in a submission ("far too many who died were vulnerable") are the
client's positions, an unattributed view is the speaker's side, and "the literature" is a source, not a party.
In an evidence session or a witness examination the questions hold no positions and a witness speaks for the
organisation the witness list or the examination names (:mod:`.witnesses`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from ...documents.structure import Block, split_sentences, trim_spans
from ..hits import Hit
from ..stakeholders import Holder
from . import Reader
from .courtesy import courtesy
from .hansard import Member, Roster, member_holder, read_roster
from .turns import last_word
from .witnesses import read_witnesses, witness_name

if TYPE_CHECKING:
    from ...documents.structure import Structure
    from ..sources import StrandState
    from . import PositionSink


#: what counsel say to run their submission, not to make it, besides courtesies and signposts (:mod:`.courtesy`):
#: "may I ...", the instructing solicitors, the close
_PROCEDURE = re.compile(
    r"^\s*(?:(?:my\s+lady|my\s+lord|sir|chair),?\s+)?(?:(?:can|may|could|might)\s+I\b|instructed\s+by|"
    r"(?:those|these|that)\s+(?:are|is|concludes?)\s+(?:my|our)\s+(?:\w+\s+)?submissions?)", re.I)


#: a member's tag in a legislature's hearing: "Senator Lyle", "Representative Ortiz", "REP. FENWICK", "Chairwoman Lindqvist"
_MEMBER_TAG = re.compile(r"(?:Senator|Sen\.|Representative|Rep\.|Assembly(?:member|man|woman)|Congress(?:wo)?man|Delegate|"
                         r"Chair(?:man|woman)?|Ranking\s+Member)\s+[A-Z]", re.I)
#: a member's motion on the bill in hand: "I move HB 2217 as amended to the floor with a do-pass recommendation"
_MOVES_BILL = re.compile(r"\bI\s+(?:would\s+(?:like\s+to\s+)?)?move\s+(?:that\s+)?(?:we\s+(?:send|move|report)\s+)?"
                         r"(?P<x>(?:HB|SB|AB|LD|HF|SF)\s?\d{1,5}|(?:H\.\s?R|S)\.\s?\d{1,5}|the\s+bill)\b[^.]*", re.I)
#: the committee's decision on that motion: "The motion carries, 4 to 3.", "The motion fails."
_MOTION_RESULT = re.compile(r"^\s*(?:The\s+)?motion\s+(?P<r>carries|carried|passes|passed|prevails|is\s+adopted|fails|failed|"
                            r"does\s+not\s+(?:carry|pass))\b", re.I)


def chair_of(structure: Structure) -> str | None:
    """The speaker who chairs a hearing: the one who speaks in most of its submissions' sections (thanking each
    counsel in turn), when that is at least three sections and half of them; else None."""
    sections: dict[str, set[tuple[str, ...]]] = {}
    for b in structure.blocks:
        if b.speaker and b.section:
            sections.setdefault(b.speaker, set()).add(b.section)
    all_sections = {b.section for b in structure.blocks if b.section}
    if not sections or len(all_sections) < 3:
        return None
    speaker, seen = max(sections.items(), key=lambda kv: len(kv[1]))
    return speaker if len(seen) >= max(3, len(all_sections) // 2) else None


class HearingReader(Reader):
    """A hearing: submissions, their counsel and their clients, the chair."""

    genre: ClassVar[str] = "transcript"
    kind: ClassVar[str] = "transcript"

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.chair = chair_of(self.structure)
        self.witnesses = read_witnesses(self.structure, self.resolver)
        # a committee that prints its member list (a Public Bill Committee's oral evidence): its members, with their
        # parties and offices; without one, a member is known by their tag alone
        self.roster = Roster()
        read_roster(self.structure, self.roster)
        if len(self.roster.listed) < 3 and sum(m.party is not None for m in self.roster.members.values()) < 3:
            self.roster = Roster()
        self._members: dict[str, Member | None] = {}
        for org in self.witnesses.by_name.values():  # "the Agency" is the Flood and Coastal Agency a witness speaks for
            if len(org.label.split()) >= 2:
                self.ctx.named_orgs.setdefault(last_word(org.label), org)

    def make_voice(self) -> Holder:
        return Holder("The Inquiry", "organisation")

    def speakers(self, b: Block) -> list[Holder]:
        if self.chair is not None and b.speaker == self.chair:
            return []  # the chair thanks, interrupts and rules on procedure: no party's position
        if re.fullmatch(r"(?:The\s+)?(?:Chair|Chairperson|Convener)", b.speaker or "") or \
                self.roster.members and re.fullmatch(r"(?:The\s+)?(?:Chairman|Chairwoman)", b.speaker or ""):
            return []  # a committee's chair keeps order and holds nothing (a congressional hearing's Chairman, a member
            # whose opening statement the hearing prints, argues)
        member = self._member(b.speaker)
        if member is not None:  # a listed member speaks for themselves (a Minister for the Government too), in questions too
            return [member_holder(member, self.roster.government_party())]
        if b.question:
            return []  # an examiner's or a committee member's question
        org = self.witnesses.of(b.speaker)
        if org is not None and (org.kind != "person" or b.speaker not in self.ctx.speaker_map):
            return [org]  # (a list that names the witness alone yields to the tag that names their body)
        return super().speakers(b)

    def _member(self, speaker: str | None) -> Member | None:
        """The listed member a turn's tag names, if the hearing prints its member list (looked up once per tag)."""
        if not speaker or not self.roster.members:
            return None
        if speaker not in self._members:
            self._members[speaker] = None if self.witnesses.of(speaker) is not None else self.roster.find(speaker)
        return self._members[speaker]

    def testifies(self, b: Block) -> bool:
        """A witness's turn is their evidence; a member's own statement (a congressional hearing's) is not."""
        org = self.witnesses.of(b.speaker)
        if b.question:
            return False
        if org is not None:
            return org.kind != "person"
        # a witness who said whom they speak for ("I am here on behalf of X", "Name (Department of Y):")
        name = " ".join((b.speaker or "").strip().strip("*:").split())
        return name in self.ctx.witness_speakers or super().testifies(b)

    def argues(self, b: Block) -> bool:
        """A member's turn in a congressional hearing (a member whose own statement the hearing prints), or a listed
        member's, argues as a member does in a debate."""
        member = self._member(b.speaker)
        if member is not None:  # a listed member argues as in a debate, in questions too
            return True
        org = self.witnesses.of(b.speaker)
        return not b.question and (org is not None and org.kind == "person" or _MEMBER_TAG.match(b.speaker or "") is not None)

    def member(self, subject: str, b: Block | None = None) -> Holder | None:
        """A witness named ("Ms Marchetti of the Council says ...") speaks for the witness's organisation."""
        name = witness_name(subject)
        found = self.witnesses.of(name) if name else None
        return found if found is not None else super().member(subject, b)

    def asserts(self, holders: list[Holder]) -> bool:
        return bool(holders) and holders != [self.voice]

    def collective(self, strand: StrandState, quantifier: str | None, b: Block) -> list[Holder] | None:
        return self.speakers(b) or None

    def skips(self, sentence: str, b: Block | None = None) -> bool:
        """A question, a signpost ('Can I touch now on ...', 'Let me turn to ...') or a courtesy is no position."""
        return sentence.rstrip().endswith("?") or _PROCEDURE.match(sentence) is not None or courtesy(sentence)

    def keeps(self, holder: Holder) -> bool:
        return super().keeps(holder) and holder.label != "The literature"

    def positions(self, ex: PositionSink) -> None:
        """A legislature committee's motion on the bill in hand ("I move HB 2217 as amended to the floor with a do-pass
        recommendation": the mover for the bill) and its result ("The motion carries, 4 to 3.": the committee's)."""
        bill = self.ctx.motion
        if bill is None:
            return
        moved = False
        for b in self.structure.blocks:
            if b.kind not in ("paragraph", "bullet") or b.question:
                continue
            view = self.structure.view(b)
            for s0, e0 in split_sentences(view.clean):
                sent = view.clean[s0:e0]
                motion = bool(b.speaker) and _MOVES_BILL.search(sent) is not None
                result = _MOTION_RESULT.match(sent) if moved and not motion else None
                if not motion and result is None:
                    continue
                spans = trim_spans(self.structure.text, view.spans(s0, e0))  # (only for a sentence that counts)
                source = ex.strand_at(spans[0][0]).source if spans else None
                if source is None:
                    continue
                if motion:
                    for h in self.speakers(b):
                        ex.add(Hit(h, bill, "support", "hearing:moved", 0.85, spans, source, b.section, None, list(b.section),
                                   locked=True))
                    moved = True
                elif result is not None:
                    stance = "oppose" if re.search(r"fail|not", result.group("r"), re.I) else "support"
                    ex.add(Hit(Holder("The Committee", "organisation"), bill, stance, "hearing:decided", 0.9, spans, source,
                               b.section, None, list(b.section), locked=True))
                    moved = False
