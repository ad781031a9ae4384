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

from ...documents.structure import Block
from ..stakeholders import Holder
from . import Reader
from .courtesy import courtesy
from .turns import last_word
from .witnesses import read_witnesses, witness_name

if TYPE_CHECKING:
    from ...documents.structure import Structure
    from ..sources import StrandState


#: what counsel say to run their submission, not to make it, besides courtesies and signposts (:mod:`.courtesy`):
#: "may I ...", the instructing solicitors, the close
_PROCEDURE = re.compile(
    r"^\s*(?:(?:my\s+lady|my\s+lord|sir|chair),?\s+)?(?:(?:can|may|could|might)\s+I\b|instructed\s+by|"
    r"(?:those|these|that)\s+(?:are|is|concludes?)\s+(?:my|our)\s+(?:\w+\s+)?submissions?)", re.I)


#: a member's tag in a congressional hearing: "Senator Lyle", "Representative Ortiz", "Chairwoman Lindqvist"
_MEMBER_TAG = re.compile(r"(?:Senator|Representative|Congress(?:wo)?man|Delegate|Chair(?:man|woman)|Ranking\s+Member)\s+[A-Z]")


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
        for org in self.witnesses.by_name.values():  # "the Agency" is the Flood and Coastal Agency a witness speaks for
            if len(org.label.split()) >= 2:
                self.ctx.named_orgs.setdefault(last_word(org.label), org)

    def make_voice(self) -> Holder:
        return Holder("The Inquiry", "organisation")

    def speakers(self, b: Block) -> list[Holder]:
        if self.chair is not None and b.speaker == self.chair:
            return []  # the chair thanks, interrupts and rules on procedure: no party's position
        if b.question:
            return []  # an examiner's or a committee member's question
        org = self.witnesses.of(b.speaker)
        if org is not None:
            return [org]
        return super().speakers(b)

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
        """A member's turn in a congressional hearing (a member whose own statement the hearing prints) argues as a
        member does in a debate."""
        org = self.witnesses.of(b.speaker)
        return not b.question and (org is not None and org.kind == "person" or _MEMBER_TAG.match(b.speaker or "") is not None)

    def member(self, subject: str, b: Block | None = None) -> Holder | None:
        """A witness named ("Ms Marchetti of the Council says ...") speaks for the witness's organisation."""
        name = witness_name(subject)
        return self.witnesses.of(name) if name else None

    def asserts(self, holders: list[Holder]) -> bool:
        return bool(holders) and holders != [self.voice]

    def collective(self, strand: StrandState, quantifier: str | None, b: Block) -> list[Holder] | None:
        return self.speakers(b) or None

    def skips(self, sentence: str) -> bool:
        """A question, a signpost ('Can I touch now on ...', 'Let me turn to ...') or a courtesy is no position."""
        return sentence.rstrip().endswith("?") or _PROCEDURE.match(sentence) is not None or courtesy(sentence)

    def keeps(self, holder: Holder) -> bool:
        return super().keeps(holder) and holder.label != "The literature"
