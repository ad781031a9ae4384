"""Hearing transcripts: the organisations counsel speak for hold what counsel says.

Turns and submissions are read as in every genre (:mod:`.turns`); what a hearing adds: its voice is the
inquiry's, unattributed evaluative statements in a submission ("far too many who died were vulnerable") are the
client's positions, an unattributed view is the speaker's side, and "the literature" is a source, not a party.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from ...documents.structure import Block
from ..stakeholders import Holder
from . import Reader

if TYPE_CHECKING:
    from ..sources import StrandState


class HearingReader(Reader):
    """A hearing: submissions, their counsel and their clients, the chair."""

    genre: ClassVar[str] = "transcript"
    kind: ClassVar[str] = "transcript"
    def make_voice(self) -> Holder:
        return Holder("The Inquiry", "organisation")

    def asserts(self, holders: list[Holder]) -> bool:
        return bool(holders) and holders != [self.voice]

    def collective(self, strand: StrandState, quantifier: str | None, b: Block) -> list[Holder] | None:
        return self.speakers(b) or None

    def keeps(self, holder: Holder) -> bool:
        return holder.label != "The literature"
