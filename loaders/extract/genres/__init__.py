"""Genre readers: a document's structure read as turns, sections and holders before any sentence rule runs.

Each genre says who holds a position in its own way, and one reader per genre knows it:

* :mod:`.report` — reports that summarise stakeholders and engagement reports ("what we heard"): sections
  headed by a group are that group speaking; the proposals people were asked about are claims; and committee
  and inquiry reports, whose own conclusions are the committee's;
* :mod:`.hearing` — hearing transcripts: what counsel says on behalf of clients is the clients' (the turns and
  submissions themselves, "Submissions on behalf of A, B and C by Counsel", "I appear on behalf of ...", the
  chair, are read in every genre by :mod:`.turns`);
* :mod:`.debate` — parliamentary debates (Hansard text, or a ParlaMint sitting): members, turns, procedure,
  divisions, and the questions before the House as claims (:mod:`.hansard`, :mod:`.questions`);
* :mod:`.statement` — one person's statement or testimony, in their voice.

:func:`read_genre` detects the genre from the structure and returns its :class:`Reader`; the sentence layer
(:mod:`..pipeline`) asks the reader who speaks in each block, who "we" is, which sentences to leave alone and
which holders to keep, and lets it add the positions its structure gives (votes, moved motions, proposals).
This package imports the structure, the stakeholder resolver and the claim helpers; never the pipeline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Protocol

from ....graph.model.records import Document
from ...documents.structure import SALUTATION, Block, Structure, in_capitals
from ..stakeholders import Holder, Resolver
from .witnesses import untitled
from .turns import SUBMISSION_HEADING, learn_speaker, letter_sender, open_section, turn_holders

if TYPE_CHECKING:
    from ..hits import Hit
    from ..sources import StrandState
    from .hansard import Roster

Span = tuple[int, int]


@dataclass
class Context:
    """The state of the walk over one document that the genre reader and the sentence layer share."""

    section_holders: list[Holder] = field(default_factory=list)  # whose submission this section is
    section_counsel: str | None = None  # the counsel who speaks for them (a surname)
    counsel_for: dict[str, list[Holder]] = field(default_factory=dict)  # counsel's surname -> the clients of their submission
    section_level: int = 99  # the level of the heading that opened the submission
    speaker_map: dict[str, list[Holder]] = field(default_factory=dict)  # speaker label -> whom they speak for
    #: speakers who give evidence for the body they speak for ("I am here on behalf of X", "Name (Department of Y):"),
    #: as a witness does, not counsel ("I appear for X")
    witness_speakers: set[str] = field(default_factory=set)
    last_holders: list[Holder] = field(default_factory=list)
    paragraph_hits: list[Hit] = field(default_factory=list)
    topic: str | None = None
    motion: str | None = None
    topics: list[str] = field(default_factory=list)  # topical headings in scope
    conclusions: bool = False
    quote_holders: list[Holder] = field(default_factory=list)  # who speaks in the block quote being read
    section_sticky: bool = False  # the section's holders hold until the next submission heading, not the next heading
    section_argues: bool = False  # the section is a minority's own report: its statements are its holders' argument
    petition: str | None = None  # the ask of a petition quoted in full ("It reads: ..."), which "the petition" means
    quote_states: bool = False  # the quote is a statement quoted in full ("It reads:"): each sentence is its holders'
    section_group: Holder | None = None  # the group a report's section heading names ("Older people")
    named_orgs: dict[str, Holder] = field(default_factory=dict)  # last word of an organisation's name -> the last named
    #: the last proposal a speaker reported as somebody else's ("X submit that ...", "it is said that ..."):
    #: (claim, block index, the reporting speaker's labels), for an answer to it (:mod:`..rebuttal`)
    reported: tuple[str, int, tuple[str, ...]] | None = None
    #: minutes: the last motion and amendment moved ("motion"/"amendment" -> its text), for the vote on it
    moved: dict[str, str] = field(default_factory=dict)


#: a numbered US bill in a heading: "THE AGRICULTURAL EQUIPMENT REPAIR ACT OF 2025 (S. 2207)", "H.R. 4418, THE
#: WORKFORCE FREEDOM TO COMPETE ACT OF 2026"
_BILL_HEADING = re.compile(r"(?:(?P<no1>\b(?:S|H\.\s?R)\.\s?\d{1,5}),?\s+)?(?P<name>(?:the\s+)?[A-Z][^(),:;]{3,120}?\s+Act"
                           r"(?:\s+of\s+\d{4})?)(?:\s*\((?P<no2>(?:S|H\.\s?R)\.\s?\d{1,5})\))?", re.I)


_BILL_NUMBER = re.compile(r"\b(?:(?:S|H\.\s?R)\.\s?\d{1,5}|(?:HB|SB|AB|LD|HF|SF)\s?\d{1,5}|(?-i:HOUSE|House|SENATE|Senate|ASSEMBLY|"
                          r"Assembly)\s+(?-i:BILL|Bill)\s+\d{1,5})\b")


#: a bill named by its number and long title, as a Canadian legislature's committee names it in a heading or in the
#: order of reference: "Bill 88, An Act to amend the Aggregate Resources Act", "Bill 31, Water Licence Transfer Act" (Alberta),
#: "Consideration of the following bill: ..."
_NUMBERED_ACT = re.compile(r"^(?:Consideration\s+of\s+the\s+following\s+bill:\s*|Public\s+Hearings?\s+on\s+)?(?P<bill>Bill\s+[A-Z]?-?\d{1,4}"
                           r"(?:,\s+An\s+Act\s+(?:to|respecting|for|in)\s+[^./;:]{3,200}?|(?:\s+[—–-]|,)\s+[A-Z][^./;:]{3,160}?\bAct(?:,\s+\d{4})?))"
                           r"\s*(?:\.|\s/\s.*)?$", re.I)  # (" / Projet de loi 88, ...")
#: a committee's order of reference in its opening paragraph (the Senate of Canada's Evidence): "... met this day at 9 a.m.
#: to study Bill C-41, An Act to amend the Pest Control Products Act."
_STUDY_OF = re.compile(r"\bmet\s+(?:this\s+day|today)\b.{0,120}?\bto\s+(?:study|examine|consider)\s+(?P<bill>Bill\s+[A-Z]?-?\d{1,4},\s+"
                       r"An\s+Act\s+(?:to|respecting|for|in)\s+[^;:]{3,200}?)(?=\.\s|\.?$|;|,\s+and\s)")
#: a bill named by its title in a heading (Westminster, Australia): "... (Neonicotinoid Phase-Out) Bill 2027"
_BILL_TITLE = re.compile(r"^(?:The\s+)?[A-Z][\w()'’,\- ]{3,160}?\s(?:Bill|BILL)(?:\s+(?:19|20)\d\d)?(?:\s+\[(?:HL|Lords)\])?$")


def _bill_name(number: str) -> str:
    """'HOUSE BILL 2217' -> 'House Bill 2217'; 'HB 2210', 'S. 2207' as they are."""
    number = " ".join(number.split())
    return untitled(number) if re.match(r"(?:HOUSE|SENATE|ASSEMBLY)\s", number) else number


def bill_in_question(structure: Structure) -> str | None:
    """The numbered bill a hearing or a report is about, as its name and number ("The Agricultural Equipment Repair Act
    of 2025 (S. 2207)"), from the first heading that names one; None when none does. "The bill", "this bill" and its
    bare number stand for it (see the extractor's use of ``Context.motion``)."""
    bare = None
    for k, b in enumerate(structure.blocks[:60]):
        text = " ".join(structure.view(b).text.split())
        act = _NUMBERED_ACT.match(text) if not b.speaker else None
        if act is not None:
            return act.group("bill")
        caption = k < 15 and b.kind == "paragraph" and in_capitals(text)
        referred = _STUDY_OF.search(text) if k < 15 and not b.speaker else None
        if referred is not None:  # "The Standing Senate Committee on X met this day ... to study Bill C-41, An Act to ..."
            return referred.group("bill")
        if b.kind != "heading" and not caption:  # (a title page's caption in capitals counts as a heading)
            only = _BILL_NUMBER.search(text) if k < 15 and b.kind == "paragraph" and not b.speaker else None
            bare = bare or (_bill_name(only.group(0)) if only else None)  # "HOUSE BILL 2217, relating to ..."
            continue
        named = _titled_bill(text)
        if named:  # "Agricultural Chemicals Legislation Amendment (Neonicotinoid Phase-Out) Bill 2027"
            return named
        m = _BILL_HEADING.search(text)
        number = m and (m.group("no1") or m.group("no2"))
        if m and number:
            name = untitled(m.group("name"))
            return f"{name[:1].upper()}{name[1:]} ({' '.join(number.split())})"
        only = _BILL_NUMBER.search(text)
        bare = bare or (_bill_name(only.group(0)) if only else None)  # "PUBLIC HEARING ON HB 2210"
    if bare is None:  # a title line of its own in a header read as one paragraph: "Inshore Fisheries Management Amendment Bill"
        for line in structure.text[:3000].splitlines()[:20]:
            line = " ".join(line.split())
            act = _NUMBERED_ACT.match(_SITTING.sub("", line))  # ("Bill 12, Grazing Lease Renewal Act")
            if act is not None:
                return act.group("bill")
            named = _titled_bill(line) if not re.match(r"(?:The\s+)?(?:Chair|Chairperson|Clerk)\b", line) else None
            if named:
                return named
    return bare


#: which sitting a bill's title line names: "Harbour Dues Bill (First sitting)"
_SITTING = re.compile(r"\s*\((?:[\w-]+\s+)?sitting\)$", re.I)


def _titled_bill(line: str) -> str | None:
    """The bill a title line names ("Harbour Dues Bill (First sitting)" -> 'Harbour Dues Bill', set in capitals or
    not), else None."""
    title = _SITTING.sub("", line)
    if not _BILL_TITLE.match(title):
        return None
    return untitled(title) if in_capitals(title) else title


#: minutes: their title, and the list of who was there
_MINUTES_TITLE = re.compile(r"^\s*(?:(?:draft|confirmed|unconfirmed|approved)\s+)?minutes\s+of\b", re.I | re.M)
_TITLED_SURNAME = re.compile(r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Professor)\.?\s+(?P<surname>[A-Z][\w’'-]+)")
_MINUTES_OF = re.compile(r"\bminutes\s+of\s+(?:the|a)\s+(?:\w+\s+)?meeting\s+(?:held\s+in\s+public\s+|in\s+public\s+)?of\s+(?:the\s+)?"
                         r"(?P<body>[A-Z][^.\n]{2,100}?(?:\n[^.\n]{0,60}?)?)\s+held\b", re.I)
_BODY_HEADING = re.compile(r"^[ \t]*(?:[A-Z][A-Z&,'-]+[ \t]+){0,5}(?:COMMITTEE|SUB-COMMITTEE|BOARD|PANEL|CABINET)[ \t]*$", re.M)
_MINUTES_LIST = re.compile(r"^\s*(?:present|in attendance|also present|apologies(?:\s+for\s+absence)?)\s*[:.-]", re.I | re.M)


class Reader:
    """How a genre says who holds a position. The base reads a plain report: the text is its authors' voice."""

    genre: ClassVar[str] = "report"
    kind: ClassVar[str] = "report"  # Document.kind

    def __init__(self, structure: Structure, document: Document, resolver: Resolver, ctx: Context) -> None:
        self.structure = structure
        self.document = document
        self.resolver = resolver
        self.ctx = ctx
        self.voice = self.make_voice()
        self._runs_on: bool | None = None
        self._body: Holder | None = None
        if ctx.motion is None:
            ctx.motion = bill_in_question(structure)

    def make_voice(self) -> Holder:
        """The document's own voice: its authors, unless the genre knows better; a report whose title is a body's name
        (a department's response to its consultation, a council's report) is that body's."""
        title = " ".join(self.document.title.split())
        if _AUTHOR_TITLE.fullmatch(title):
            return Holder(title, "organisation")
        return Holder(f"Authors of '{self.document.title[:60]}'", "organisation")

    def body_start(self) -> int:
        """The first block that can hold a position (title pages and contents come before it)."""
        return 0

    def heading(self, b: Block, title: str) -> None:
        """A heading opens a section: whose submission it is (in any genre: :mod:`.turns`), which group speaks; a
        letter's letterhead (a heading over "Dear ...:") makes the letter its sender's."""
        open_section(self.ctx, b, title, self.resolver)
        nxt = self.structure.blocks[b.index + 1] if b.index + 1 < len(self.structure.blocks) else None
        if nxt is not None and SALUTATION.match(self.structure.view(nxt).text):
            first = self.structure.text[b.segments[0][0]:b.segments[0][1]] if b.segments else title
            sender = letter_sender(first, self.resolver)
            if sender is not None:
                self.ctx.section_holders, self.ctx.section_counsel = [sender], None
                self.ctx.section_level, self.ctx.section_sticky = b.level, True

    def speakers(self, b: Block) -> list[Holder]:
        """Who speaks in a block: whom its speaker speaks for; [] when nobody does (the narrator)."""
        return turn_holders(self.ctx, b, self.resolver)

    def context_holders(self, turn: list[Holder], sentence: str) -> list[Holder]:
        """Whoever states a bare modal sentence, given who speaks in its block: the turn's holders, else the
        document's voice in its conclusions or for 'we'."""
        if turn:
            return turn
        if self.ctx.conclusions or re.match(r"\s*(?:we|our)\b", sentence, re.I):
            return [self.voice]
        return []

    def we(self, turn: list[Holder]) -> list[Holder]:
        """Who 'we' is, given who speaks in the block."""
        return turn or [self.voice]

    def asserts(self, holders: list[Holder]) -> bool:
        """Whether an evaluative statement with no cue of its own is a position of these holders (a submission's
        clients, a witness); not in a report, where the narrator's statements are the report's findings, but in the
        written evidence a report publishes."""
        return bool(holders) and (self.ctx.section_sticky or self.ctx.section_argues) and holders == self.ctx.section_holders

    def testifies(self, b: Block) -> bool:
        """Whether the block is a witness's own evidence (a testimony, an answer to the committee or to counsel, a
        submitter's written evidence), where a favourable statement with no cue ("it is one of the best things to
        happen to pharmacy") is a position too."""
        return not b.speaker and (self.ctx.section_sticky or self.ctx.section_argues) and bool(self.ctx.section_holders) and \
            not (b.section and _ABOUT_US.match(b.section[-1]))

    def runs_on(self) -> bool:
        """Whether reported speech runs on past its reporting verb: in minutes ("Minutes of the meeting ...", a
        "Present:" list), the sentences after "Mrs Kettering said that ..." in her paragraph are still hers."""
        if self._runs_on is None:
            head = self.structure.text[:5000]
            self._runs_on = bool(_MINUTES_TITLE.search(head) and _MINUTES_LIST.search(head))
        return self._runs_on

    def minutes_body(self) -> Holder | None:
        """In minutes, the body whose meeting they record ("Minutes of the meeting of the Licensing Sub-Committee held
        on ...", else the committee or board a heading names); None elsewhere."""
        if not self.runs_on():
            return None
        if self._body is None:
            head = self.structure.text[:5000]
            m = _MINUTES_OF.search(head)
            name = " ".join(m.group("body").split()) if m else None
            if name is None:
                h = _BODY_HEADING.search(head)
                name = " ".join(h.group(0).split()).title() if h else "the Committee"
            self._body = Holder(name[:1].upper() + name[1:], "organisation")
        return self._body

    def argues(self, b: Block) -> bool:
        """Whether the block's speaker is a member whose uncued arguments (not their stories) are positions: in a
        debate, every speaker."""
        return self.genre == "debate"

    def presents(self, b: Block) -> bool:
        """Whether the block's speaker presents the bill for those who bring it (a debate's government minister), so that
        what they say a part of it does ("Clause 8 provides one coordinated review ...") is a case made for it."""
        return False

    def learn(self, b: Block, opening: str) -> None:
        """What a turn's first sentences say of its speaker ("I appear on behalf of ...", "I am here on behalf of ...")."""
        learn_speaker(self.ctx, b, opening, self.resolver)

    def member(self, subject: str, b: Block | None = None) -> Holder | None:
        """A holder the genre itself knows by this name ("the hon. Member for Westmere"), read in block `b`, else
        None. In any genre, a witness named by title and surname ("Mr. Pruett tells you that ...") is the body their
        tag said they speak for."""
        m = _TITLED_SURNAME.fullmatch(subject.strip())
        if m is None:
            return None
        bodies = {h.label: h for w in self.ctx.witness_speakers if w.split()[-1] == m.group("surname")
                  for h in self.ctx.speaker_map.get(w, [])}
        return next(iter(bodies.values())) if len(bodies) == 1 else None

    def collective(self, strand: StrandState, quantifier: str | None, b: Block) -> list[Holder] | None:
        """Who holds an unattributed position ("there was broad agreement that ..."), where the genre decides."""
        return None

    def refers(self, claim: str, b: Block) -> str | None:
        """The claim an anaphoric one ('the move', 'these proposals') stands for where the structure says, else None:
        here, 'the petition' ('the principle of the petition', 'the petition's central ask') for the ask of a petition
        quoted in full."""
        if self.ctx.petition and _THE_PETITION.fullmatch(re.split(r"\s*[:;]\s", claim)[0].strip(" .")):
            return self.ctx.petition
        return None

    def skips(self, sentence: str, b: Block | None = None) -> bool:
        """A sentence (of block `b`) that states no position of its own in this genre."""
        return False

    def keeps(self, holder: Holder) -> bool:
        """Whether a holder the sentence layer found may hold a position here: not a document ("Facebook's Data
        Use Policy", "the Gartner IT Glossary"), which is a source, not a stakeholder; not a relative clause, a
        negative or a pronoun left over ("Which represents 74 councils", "Nobody on the Conservative Benches")."""
        return not DOCUMENT_HOLDER.search(holder.label) and not _NO_HOLDER.match(holder.label)

    def positions(self, add: PositionSink) -> None:
        """Positions the structure itself gives (votes, moved motions, proposals), once the walk is done."""


_THE_PETITION = re.compile(r"(?:(?:about|with|to|of)\s+)?(?:the\s+)?(?:(?:principle|spirit|aims?|thrust|intention)\s+(?:of|behind)\s+the\s+)?(?:e-)?petition"
                           r"(?:['’]s\s+(?:central\s+|main\s+)?(?:ask|call|aims?|demand|request|proposal))?"
                           r"(?:\s+(?:without\s+reservation|in\s+full|wholeheartedly|entirely))?", re.I)
#: where a submitter says who they are and how they gathered their evidence, not what they think
_ABOUT_US = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:about\b|who we are\b|declarations?\s+of\s+interests?\b|"
                       r"(?:about\s+)?the\s+authors?\s*$)", re.I)
#: a title that names the body speaking: "Department for Communities and Local Places", "Dunmere County Council"
_AUTHOR_TITLE = re.compile(r"(?:(?:Department|Ministry|Office)\s+(?:for|of)\s+[A-Z][\w,'’ -]{2,80}|(?:[A-Z][\w'’-]+\s+){1,5}"
                           r"(?:Council|Department|Ministry|Agency|Authority|Executive|Board|Trust|Commission|Government))")
#: what no holder's name is: a relative clause, a negative quantifier, a pronoun left over
_NO_HOLDER = re.compile(r"^(?:(?:which|who|whom|whose|that)\s+(?-i:[a-z])|(?:nobody|no\s+one|none|neither|other\s+they|they|we|it)\b)",
                        re.I)
#: a name that is a document's, not a stakeholder's
DOCUMENT_HOLDER = re.compile(r"\b(?:Policy|Glossary|Dictionary|Handbook|Manual|Guidance|Guidelines|Code of Practice|"
                             r"Terms and Conditions|Privacy Notice|Factsheet|Leaflet)$")


class PositionSink(Protocol):
    """What a reader may do with the extraction once the walk is done (the pipeline's Extractor is one): read and
    add its hits and contradictions, find the block and the evidence strand of a passage."""

    hits: list[Hit]
    contradictions: list[tuple[str, str]]

    def add(self, hit: Hit) -> None: ...

    def block_at(self, offset: int) -> int: ...

    def strand_at(self, offset: int) -> StrandState: ...


#: a member's seat in a tag's note, "(Port Morien, CPC)": a parliament's sitting, whoever else speaks in it
_SEAT_NOTE = re.compile(r",\s*(?:CPC|Lib|NDP|BQ|GP|Con|Lab|LD|SNP|PC|DUP|SF|SDLP|UUP|Alliance|FF|FG)\.?\s*$")


def detect_genre(structure: Structure, document: Document) -> str:
    """report, committee, transcript, debate or statement (one person's testimony), from the document's shape."""
    from .statement import statement_author

    text = structure.text
    head = " ".join(text[:4000].split())
    turns = sum(1 for b in structure.blocks if b.speaker_span is not None or b.kind == "speaker")
    # (a tag with its colon on a line of its own, "Mr. Douglas Pruett (President, ...):", is a committee's Evidence, not Hansard)
    hansard = sum(1 for b in structure.blocks if b.kind == "speaker" and b.speaker_note
                  and (not text[b.start:b.end].rstrip().endswith(":") or _SEAT_NOTE.search(b.speaker_note)))
    # a member's seat and party in an inline tag ("Mr. Tom Harris (Port Morien, CPC): ..."): a sitting too
    hansard += sum(1 for b in structure.blocks if b.kind == "paragraph" and b.speaker_span is not None and b.speaker_note
                   and _SEAT_NOTE.search(b.speaker_note))
    submissions = sum(1 for b in structure.blocks if b.kind == "heading" and SUBMISSION_HEADING.match(structure.view(b).text))
    if hansard >= 2 or re.search(r"\bI beg to move\b|^I move(?:,|\s+amendment\b)|\bPresiding Officer\b|\bI move(?:\s*:|\s+amendment\s+No\.)|"
                                 r"\bThe (?:Dáil|Seanad|Senedd|Assembly) divided\b|\bCeann Comhairle\b", text, re.M) or hansard == 1 and re.search(
            r"^(?:That\s|Motion\s+(?:made|moved)|Question\s+put|Amendment\s+proposed|Resolved,)", text, re.M):
        return "debate"
    if turns >= 5 or submissions >= 2:
        return "transcript"
    if re.search(r"\bCommittee\b", head) and re.search(r"\b(?:Report|Session|HC \d+|HL Paper)\b", head):
        return "committee"
    if statement_author(structure) is not None:
        return "statement"
    return "report"


def read_genre(structure: Structure, document: Document, resolver: Resolver, ctx: Context, *,
               roster: Roster | None = None) -> Reader:
    """The reader of the document's genre (a debate when `roster` gives its members), prepared on the structure."""
    from .debate import DebateReader
    from .hearing import HearingReader
    from .report import CommitteeReader, ReportReader
    from .statement import StatementReader

    genre = "debate" if roster is not None else detect_genre(structure, document)
    if genre == "debate":
        return DebateReader(structure, document, resolver, ctx, roster=roster)
    cls: type[Reader] = {"transcript": HearingReader, "committee": CommitteeReader, "statement": StatementReader}.get(
        genre, ReportReader)
    return cls(structure, document, resolver, ctx)
