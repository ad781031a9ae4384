"""The questions before the House or Committee, and each member's stance on them.

A sitting's claims are its questions (:class:`Question`: a motion, an amendment, a new clause, a clause
standing part), read from the relabelled blocks (:mod:`.hansard`), with each member's stance on them by the
strongest evidence there is:

1. ``debate:moved``: ``I beg to move ...`` (the mover supports);
2. ``debate:division``: the AYES and NOES lists of a division on the question put;
3. ``debate:says``: the member says so ("I support new clause 4", "the Government cannot accept it",
   "I ask the hon. Member to withdraw the motion", "I will vote against the Bill");
4. ``debate:side``: a member who speaks on the question without saying, by the side they sit on: the
   Government side supports what the Government moves and opposes what the Opposition moves, and the
   other parties the reverse (the party line, Westminster's strongest regularity; confidence 0.45).

The Government's party is read from the text: a motion moved "on behalf of the Government (X)", a
minister's party, the majority party of a committee's member list (committees mirror the House), the party
of members who call a minister "my hon. Friend", or the party named most often as "this X Government".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ...documents.structure import Block, Structure, split_sentences, trim_spans
from ..claims import CLAUSE_QUESTION, normalise_claim
from ..stakeholders import Holder
from .hansard import (
    AYES_LINE, CHAIR, NOES_LINE, _CLAUSE, _MOTION_ON_BEHALF, _NEW_CLAUSE, _PEERAGE, Member, Roster, _line_spans, member_holder,
    party_of,
    teller_names,
)

Span = tuple[int, int]

#: "I beg to move, That ..." (Westminster), "I move, That ...", "I move amendment S6M-15872.1, ..." (Holyrood)
_BEG_TO_MOVE = re.compile(r"\bI beg to move(?:,|\s|$)|\bI move(?:\s*[,:]\s*$|\s+amendment\s+S\d+M-\d+|\s+amendment\s+No\.?\s*\d+\s*:?\s*$)", re.I)
#: how the Dail sets an amendment out: "To delete all words after "That Dáil Éireann" and substitute the following:"
#: moving amendments set out under their own headings: "I move amendments 1 and 2", "I move amendment 3 formally"
_MOVE_TABLED = re.compile(r"\bI\s+(?:beg\s+to\s+)?(?:formally\s+)?move\s+amendments?\s+(?P<ns>\d{1,3}(?:(?:\s*,\s*|\s+and\s+)\d{1,3})*)\b", re.I)
#: a motion's operative point, its number left out: "3. Calls on the Welsh Government to ...", "...; calls on the
#: Government to ...", "resolves that ..."
_OPERATIVE = re.compile(r"(?<=[;:.]\s)(?:\d{1,2}\.\s+)?(?=(?i:calls|resolves|urges|instructs|agrees)\b)")


def _operative(body: str) -> str:
    """A motion's text from its operative point on, or the whole text when it names none."""
    m = _OPERATIVE.search(body)
    return body[m.end():] if m else body
_SUBSTITUTE = re.compile(r"^\s*To\s+(?:delete|insert|add)\b.{0,200}?(?:substitute|insert|add)\s+the\s+following\s*:?\s*", re.I | re.S)
_MOVE_SECOND = re.compile(r"That the (?:clause|new clause|schedule) be (?:now )?read a Second time", re.I)
_MOVE_AMENDMENT = re.compile(r"\bI beg to move (?:amendment|amendments)\s+(?P<n>\d+[A-Za-z]?)(?:,\s*in\s+(?P<where>(?:clause|schedule)"
                             r"\s+\d+))?", re.I)
_MOVE_AMENDMENT_TO_MOTION = re.compile(r"\bI (?:beg to )?move (?:an? (?:amendment|manuscript amendment)|amendment\s+(?P<n>S\d+M-\d+\.\d+))\b[^.]*?(?:\badd\b|\binsert\b)"
                                       r"\s*[:,]?\s*[“\"'‘]?(?P<text>.+)$", re.I | re.S)
#: the Canadian Commons' amendment to a motion: "I move: That the motion be amended by deleting all the words after the word
#: "That" and substituting the following: "the House decline to give second reading to Bill C-52 because ...""
_MOVE_SUBSTITUTING = re.compile(r"\bI\s+(?:therefore\s+|would\s+like\s+to\s+)?move\s*[,:]?\s*(?:,?\s*seconded\s+by\s+[^,:]{3,80},\s*)?"
                                r"That\s+the\s+motion\s+be\s+amended\s+by\s+(?:deleting|striking\s+out|replacing)\s+all\s+(?:of\s+)?the\s+"
                                r"words\s+after\s+the\s+word\s+[“\"'‘]?That[”\"'’]?\s+(?:and\s+substituting|with)\s+the\s+following\s*:?\s*"
                                r"[“\"'‘]?(?P<text>.+)$", re.I | re.S)


def _moves(sentence: str) -> bool:
    """Whether a sentence moves a motion or an amendment ("I beg to move, That ...", "I move: That the motion be amended by
    deleting ... and substituting the following: ...")."""
    return bool(_BEG_TO_MOVE.search(sentence) or _MOVE_SUBSTITUTING.search(sentence))


_MOTION = re.compile(r"(?:^|\bI beg to move,?\s*)(?P<m>That\s+(?:this House|the House|this Committee|the Parliament|this Parliament|leave be given|the Bill|the draft|"
                     r"Dáil Éireann|Seanad Éireann|the Dáil|the Seanad|the Senedd|the Assembly|this Assembly|"
                     r"the [\w ]{3,40}(?:Regulations|Order|Rules))\b.+)$", re.I | re.S)
_QUESTION_PUT = re.compile(r"^\s*(?:Question put|Main Question(?:,? as amended,?)? put)(?:\s+forthwith)?\s*(?:\((?:[^()]|\([^()]*\))*\))?"
                           r",?\s*(?P<q>That .*?)?\.?\s*$", re.I)
_NUMBERED = re.compile(r"(new clause|clause|amendment|schedule)s?\s+(\d+[a-z]?)\b")
#: how a member names another party's amendment: "the Labour amendment", "the Conservative amendment"
_PARTY_WORD = {"Labour Party": "labour", "Conservative Party": "conservative", "Liberal Democrats": "liberal democrat",
               "Scottish National Party": "snp", "Green Party": "green", "Reform UK": "reform", "Plaid Cymru": "plaid"}
#: a motion or amendment set out under its own heading, as the Senedd's Record prints them: "Motion NDM9342 Tomos
#: Pryce-Llewellyn", "Amendment 1—Mererid Hopcyn"
_TABLED = re.compile(r"^\s*(?:Motion\s+(?P<ref>[A-Z]{2,4}\s?\d{3,6})|Amendment\s+(?P<n>\d{1,3})\s*[—–-])\s*(?P<name>[A-Z][^\d(),;:]{2,60}?)\s*$")
#: the lines of a tabled text that say how it reads, not what: "To propose that the Senedd:", "Delete all and replace with:"
_TABLED_FORM = re.compile(r"^\s*(?:(?:To\s+propose\s+)?that\s+(?:the\s+)?[A-Z][\w'’ ]{2,40}:|(?P<replace>Delete\s+all\s+and\s+replace\s+with)\s*:|"
                          r"(?:Add|Insert)\s+(?:as\s+)?(?:a\s+)?new\s+point[^:]{0,60}:|Delete\s+point[^:]{0,80}:?)\s*$", re.I)
#: a division's result as the chair announces it: "Therefore the motion is not agreed.", "Therefore amendment 1 is
#: agreed."; and as the Dáil's record prints it: "Amendment declared carried.", "Motion, as amended, agreed to."
_DECIDED = re.compile(r"\bTherefore,?\s+(?:the\s+)?(?P<what>motion(?:\s+as\s+amended)?|amendment(?:\s+(?P<n>\d{1,3}))?)\s+(?:is|was)\s+"
                      r"(?P<neg>not\s+)?(?:agreed|carried|passed)|^\s*\(?(?P<what2>Amendment|Motion)(?P<amended>,?\s+as\s+amended,?)?"
                      r"\s+(?:(?:declared\s+)?(?P<res>carried|lost|agreed\s+to|negatived))\b", re.I)
#: the chamber that decides, by the name the text gives it
_CHAMBERS = (("House of Commons", "The House"), ("House of Lords", "The House"), ("Senedd", "The Senedd"), ("Dáil", "Dáil Éireann"), ("Seanad", "Seanad Éireann"),
             ("Scottish Parliament", "The Scottish Parliament"), ("Assembly", "The Assembly"))
CHAMBER_NAMES = frozenset(name for _, name in _CHAMBERS) | {"The House", "The Committee"}
#: a committee's own record, named at its head: "Standing Committee on Transport, Infrastructure and Communities"
_COMMITTEE_HEAD = re.compile(r"^\s*(?:(?:Standing|Special|Select|Joint|Legislative)\s+)*Committee\s+on\s+[A-Z]", re.M)


#: a sentence that names its topic first ("On the register, ...", "As for the delay, ..."), unless the topic is a question
_TOPIC_FIRST = re.compile(r"^\s*(?:On|As\s+for|As\s+to|Turning\s+to|Regarding)\s+(?!the\s+(?:motion|amendments?|bill)\b)[^,]{2,60},",
                          re.I)


def _chamber(text: str) -> str:
    """The deciding chamber's name: "The Committee" in a committee's own record, else the first of _CHAMBERS the opening
    of the text names, else "The House"."""
    head = text[:4000]
    if _COMMITTEE_HEAD.search(text[:600]) and not re.search(r"\bDebates\b|\bHansard\b", text[:600]):
        return "The Committee"  # ("(Motion negatived: nays 6; yeas 4)" in a committee's Evidence: the committee's)
    return next((name for word, name in _CHAMBERS if word in head), "The House")


def _tabled(structure: Structure, k: int) -> tuple[str, bool, list[int]]:
    """The text of a motion or amendment set out under heading `k`, whether it replaces the motion ("Delete all and
    replace with:"), and the blocks it fills."""
    parts: list[str] = []
    replaces = False
    filled: list[int] = []
    for b in structure.blocks[k + 1:]:
        if b.kind in ("noise", "footnote"):
            continue
        if b.kind not in ("paragraph", "bullet") or b.speaker:
            break
        t = " ".join(structure.view(b).text.split())
        form = _TABLED_FORM.match(t)
        if form is not None:
            replaces = replaces or bool(form.group("replace"))
        else:
            parts.append(t)
        filled.append(b.index)
    return " ".join(parts), replaces, filled


_CONSIDERED = re.compile(r"^\s*(?:That\s+)?this House has considered\b", re.I)
_NEGATIVED = re.compile(r"\b(?:negatived|disagreed to)\b", re.I)


_REF = (r"(?:(?:the\s+)?(?:principle|spirit|aims?|intention|thrust|purpose|thinking)\s+(?:of|behind)\s+)?"
        r"(?P<obj>(?:(?:the|this|that|a|an|my|our|his|her|their|today['’]s)\s+)?(?:(?:hon\.|right\s+hon\.|noble)\s+\w+['’]s\s+)?"
        r"(?:Government['’]s\s+|Opposition['’]s\s+|Government\s+|Opposition\s+|new\s+|(?:Labour|Conservative|Tory|Liberal\s+Democrat|"
        r"SNP|Green|Reform)\s+)?(?:clauses?|amendments?|motion|Bill|"
        r"proposals?|measures?|instrument|regulations|order|schedules?|legislation)\b(?:\s+\d+[A-Za-z]?(?:\s+(?:to|and)\s+\d+)?|"
        r"\s+S\d+M-\d+(?:\.\d+)?)?"
        # "the amendment in my colleague's name", "the amendment in the name of Euan Drysdale"
        r"(?:\s+in\s+(?:the\s+name\s+of\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?|(?:my\s+colleague['’]s|my\s+(?:hon\.\s+)?friend['’]s|"
        r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?['’]s|my|his|her)\s+name))?"
        r"|\bit\b|\bthem\b|\bthat\b(?=\s*(?:[,.;:!?)]|$|(?:and|but|because|today|now|either|at\s+all|tonight)\b)))")
#: who may say where they stand: the speaker, or the party or side the speaker speaks for
_WHO = (r"(?:I|we|the\s+Opposition|the\s+Government|Ministers|Labour|Conservatives|Liberal\s+Democrats|the\s+SNP|"
        r"(?:SNP|Labour|Conservative|Liberal\s+Democrat|Opposition|Government)\s+Members)")
_ADV = (r"(?:(?:very\s+much|strongly|wholeheartedly|fully|warmly|therefore|shall|will|would|also|certainly|happily|gladly|"
        r"am\s+(?:happy|pleased|delighted|glad|proud)\s+to|rise\s+to|want\s+to|wish\s+to|are\s+(?:happy|pleased)\s+to|"
        r"will\s+be|shall\s+be|are|am)\s+)*")
_SAYS = (
    ("support", re.compile(r"\b" + _WHO + r"\s+" + _ADV + r"(?:support(?:ing)?|welcom(?:e|ing)|endors(?:e|ing)|back(?:ing)?|"
                           r"speak\s+in\s+(?:support|favour)\s+of|vot(?:e|ing)\s+for|(?:glad|pleased|happy|delighted)\s+to\s+see)\s+" + _REF, re.I)),
    ("support", re.compile(r"\bin\s+(?:support|favour)\s+of\s+" + _REF, re.I)),
    ("support", re.compile(r"\b" + _WHO + r"\s+(?:will|shall|do|does|would)\s+not\s+(?:oppose|resist|vote\s+against)\s+" + _REF, re.I)),
    ("support", re.compile(r"\b(?:I|we)\s+(?:have|had)\s+(?:(?:a\s+(?:great|good)\s+deal\s+of|some|considerable|much|real)\s+)?"
                           r"sympathy\s+(?:with|for)\s+" + _REF, re.I)),
    ("support", re.compile(r"\bI\s+commend\s+" + _REF + r"\s+to\s+the\s+(?:House|Committee)", re.I)),
    ("support", re.compile(r"\b(?:I|we)\s+(?:shall|will|intend\s+to|am\s+going\s+to|are\s+going\s+to)\s+press\s+" + _REF
                           + r"\s+to\s+a\s+(?:vote|Division)", re.I)),
    ("support", re.compile(r"\b(?:urge|ask|invite|encourage)\s+(?:the\s+(?:Minister|Government|House|Committee)|hon\.\s+Members|Members|"
                           r"colleagues|all\s+Members)[^.;]{0,40}?\s+to\s+(?:support|accept|back|vote\s+for|adopt|agree\s+to)\s+" + _REF,
                           re.I)),
    ("oppose", re.compile(r"\b" + _WHO + r"\s+(?:(?:therefore|simply|still|really|just)\s+)?(?:cannot|can\s*not|can['’]t|will\s+not|"
                          r"won['’]t|shall\s+not|could\s+not|do\s+not|don['’]t|are\s+not\s+able\s+to|am\s+not\s+able\s+to|"
                          r"is\s+not\s+able\s+to)\s+(?:support|accept|back|endorse|agree\s+to|vote\s+for)\s+" + _REF, re.I)),
    ("oppose", re.compile(r"\b" + _WHO + r"\s+" + _ADV + r"(?:oppos(?:e|ing)|reject(?:ing)?|resist(?:ing)?|vot(?:e|ing)\s+against)\s+"
                          + _REF, re.I)),
    ("oppose", re.compile(r"\b(?:I|we)\s+(?:shall|will|intend\s+to|am\s+going\s+to|are\s+going\s+to)\s+(?:be\s+)?vot(?:e|ing)\s+"
                          r"against\b", re.I)),
    ("oppose", re.compile(r"\b(?:ask|urge|invite|encourage|hope|request|trust)\s+(?:that\s+)?(?:the\s+(?:hon\.|right\s+hon\.)\s+\w+|"
                          r"my\s+(?:hon\.|right\s+hon\.)\s+\w+|him|her|them|the\s+Member|the\s+hon\.\s+Member)[^.;]{0,60}?\s+"
                          r"(?:to\s+|will\s+)?withdraw(?:\s+" + _REF + r")?", re.I)),
    ("oppose", re.compile(r"\b(?:urge|ask|invite)\s+(?:the\s+(?:House|Committee)|hon\.\s+Members|Members|colleagues)[^.;]{0,40}?\s+to\s+"
                          r"(?:reject|oppose|vote\s+against)\s+" + _REF, re.I)),
    ("oppose", re.compile(_REF + r"\s+(?:is|would\s+be)\s+(?:unnecessary|not\s+necessary|unworkable|premature|flawed|misguided|wrong)",
                          re.I)),
    ("neutral", re.compile(r"\b" + _WHO + r"\s+(?:will|shall)\s+(?:not\s+be\s+voting|abstain)\b(?:\s+(?:on|in\s+the\s+vote\s+on)\s+"
                           + _REF + r")?", re.I)),
)


def says(sentence: str) -> list[tuple[str, str | None, int]]:
    """(stance, the question it names or None for 'it'/'the question in hand', where) for each cue in a sentence.

    >>> sorted((s, o) for s, o, _ in says("I urge the House to reject the amendment and to support the motion."))
    [('oppose', 'the amendment'), ('support', 'the motion')]
    """
    out: list[tuple[str, str | None, int]] = []
    for stance, pattern in _SAYS:
        for m in pattern.finditer(sentence):
            obj = m.groupdict().get("obj")
            if obj is not None and obj.casefold() in ("it", "them", "that"):
                obj = None
            if not any(st == stance and o == obj for st, o, _ in out):
                out.append((stance, obj, m.start()))
    # "reject the amendment and to support the motion": the verb carries over the 'to'
    for m in re.finditer(r"\band\s+(?:to\s+)?(support|back|reject|oppose)\s+" + _REF, sentence, re.I):
        stance = "support" if m.group(1).casefold() in ("support", "back") else "oppose"
        if not any(o == m.group("obj") for _, o, _ in out):
            out.append((stance, m.group("obj"), m.start()))
    return out


_MEMBER_FOR = re.compile(r"^(?:the|my)\s+(?:(?:right\s+)?hon\.?\s+|honourable\s+|right\s+honourable\s+|noble\s+)?(?:and\s+(?:learned|gallant)\s+)?"
                         r"(?:Member|Friend|Lady|Gentleman|Friend\s+the\s+Member)\s+for\s+(?P<c>[A-Z][\w’' ,.-]{2,60}?)$", re.I)
_MINISTER_REF = re.compile(r"^the\s+(?:Minister|Secretary of State|(?:Parliamentary\s+)?Under-Secretary(?: of State)?)$", re.I)
_COURTESY = re.compile(r"^\s*(?:(?:I\s+)?thank|It is a (?:pleasure|privilege)|I congratulate|I (?:will|shall) give way|Will the|Does the|"
                       r"Would the|I am grateful|Order\b|On a point of order)", re.I)


#: a member who speaks at least this many words on a question (courtesies aside) is given the stance of their side
MIN_SIDE_WORDS = 12


@dataclass
class Question:
    """A question before the House or Committee: the claim its members take sides on."""

    key: str  # "new clause 4", "amendment 12", "clause 3", "motion"
    claim: str
    kind: str
    mover: Member | None = None
    side: str | None = None  # "government" or "opposition": who moved it
    contradicts: str | None = None  # the key of the question it is the opposite of (an amendment to a motion)
    moved_at: list[Span] = field(default_factory=list)
    asks: list[str] = field(default_factory=list)  # what a motion of several parts calls for, each a claim of its own


@dataclass
class Stance:
    member: Member
    question: Question
    stance: str
    rule: str
    confidence: float
    spans: list[Span]
    section: tuple[str, ...]


@dataclass
class DebateReading:
    """What :func:`read_debate` found: members, questions, stances, and the government's party."""

    roster: Roster
    questions: list[Question]
    stances: list[Stance]
    government: str | None
    speaker_of: dict[int, Member]  # block index -> the member whose turn it is

    def holder(self, member: Member) -> Holder:
        if member.name in CHAMBER_NAMES:  # the chamber's decision
            return Holder(member.name, "organisation")
        return member_holder(member, self.government)

    def states_stance(self, sentence: str, member: Member | None = None) -> bool:
        """Whether a sentence says where its speaker stands on a question before the House (then it is read as a vote,
        not as a claim); "I cannot support Clause 3 as drafted" in a Second Reading names no question, so it is a
        claim."""
        if _moves(sentence):
            return True
        keys = {q.key for q in self.questions}
        # "the Bloc supports clause 20" said by a Bloc member, "The coalition supports Bill C-61" by its witness
        read = sentence if member is None else own_party_as_we(sentence, member.party) if member.party else \
            own_body_as_we(sentence)
        for _st, obj, _at in says(read):
            num = _NUMBERED.search(" ".join((obj or "").casefold().split()))
            if num is None or f"{num.group(1)} {num.group(2)}" in keys:
                return True
        return False

    def resolve(self, phrase: str, at: int | None = None) -> Member | None:
        """The member a phrase names: 'the Minister', 'the hon. Member for Westmere', 'my hon. Friend', 'Mr Smith'.
        `at`: the block the phrase is read in (with two ministers on the bench, 'the Minister' is the one who spoke
        last by then)."""
        p = " ".join(phrase.replace("’", "'").split()).strip(" ,.")
        m = _MEMBER_FOR.match(p)
        if m:
            place = m.group("c").casefold()
            found = [x for x in self.roster.members.values() if x.constituency and x.constituency.casefold() == place]
            return found[0] if len(found) == 1 else None
        if _MINISTER_REF.match(p):
            ministers = [x for x in self.roster.members.values() if x.government and x.office and
                         re.search(r"Minister|Secretary", x.office) and not re.search(r"Whip|Commissioner", x.office)]
            if len(ministers) == 1:
                return ministers[0]
            # two or more on the bench: "the Minister" is the one who spoke last (the one answering the debate)
            spoke = [m for i, m in sorted(self.speaker_of.items()) if m in ministers and at is not None and i <= at]
            return spoke[-1] if spoke else None
        return self.roster.find(p)


# --------------------------------------------------------------------------- walking the sitting

def read_questions(structure: Structure, roster: Roster) -> DebateReading:
    """The questions of a relabelled sitting (:func:`.hansard.relabel`) and every stance on them, with whose turn each
    block is."""
    text = structure.text
    blocks = structure.blocks
    questions: dict[str, Question] = {}
    order: list[Question] = []
    stances: list[Stance] = []
    speaker_of: dict[int, Member] = {}
    current: Question | None = None
    pending_title: tuple[str, str, str] | None = None  # (kind, number, title-so-far)
    put: Question | None = None
    division: str | None = None
    motion_side: tuple[str | None, str | None] = (None, None)  # side, party from "moved on behalf of"
    pending: tuple[Member, str, list[Span], tuple[str, ...]] | None = None  # "I beg to move," awaiting its text
    last_named: Question | None = None  # the amendment or clause a following "This amendment would ..." explains
    said: dict[tuple[str, str], Stance] = {}
    spoke: dict[tuple[str, str], tuple[Member, Question, list[Span], tuple[str, ...], int]] = {}

    referred: set[str] = set()  # clauses named before the sitting reaches them: their heading gives their claim

    def question(key: str, claim: str, kind: str) -> Question:
        q = questions.get(key)
        if q is None:
            q = questions[key] = Question(key, claim, kind)
            order.append(q)
        elif key in referred:
            referred.discard(key)
            q.claim = claim
        return q

    def add(member: Member, q: Question, stance: str, rule: str, conf: float, spans: list[Span], section: tuple[str, ...]) -> None:
        s = Stance(member, q, stance, rule, conf, spans, section)
        stances.append(s)
        if rule != "debate:division":
            said.setdefault((member.name, q.key), s)

    # a committee on a bill takes it clause by clause: a clause named in a stance is a question of its own
    on_bill = re.search(r"\b[Bb]ill\b", text) is not None
    clause_said: set[tuple[str, str, int]] = set()  # (member, question, sentence): said once, whichever cue
    listing = False

    def clause_question(n: str) -> Question:
        if f"clause {n}" not in questions:
            referred.add(f"clause {n}")
            return question(f"clause {n}", clause_claim(text, n), "clause")
        return questions[f"clause {n}"]

    bill = bill_claim(text)

    def the_bill(obj: str | None) -> bool:
        """Whether a cue's object is the bill a committee considers, as a question of its own: where the bill is named
        and the motion (if any yet) is not its reading ("That the committee request ..." is no vote on the bill)."""
        if bill is None or not obj or not re.search(r"\bbill\b", obj, re.I) or re.search(r"\bmotion\b", obj, re.I):
            return False
        motion = questions.get("motion")
        return motion is None or not re.search(r"\bBill\b", motion.claim)

    def named_of(obj: str | None, cur: Question | None, speaker: Member) -> Question | None:
        if the_bill(obj) and bill is not None:
            return question("bill", bill, "bill")
        return _question_named(obj, cur, questions, speaker)

    chamber: Member | None = None
    for b in blocks:
        t = " ".join(structure.view(b).text.split()) if b.segments else " ".join(text[b.start:b.end].split())
        tabled = _TABLED.match(t) if b.kind in ("heading", "procedure") else None
        if tabled is not None:  # "Motion NDM9342 Name" / "Amendment 1—Name" over the text tabled
            body, replaces, filled = _tabled(structure, b.index)
            if body:
                mover = roster.find(tabled.group("name")) or roster.add(tabled.group("name"))
                body = _operative(body)  # "3. Calls on the Welsh Government to ..."
                if tabled.group("ref"):
                    q = question("motion", _question_text(body), "motion")
                    q.asks = q.asks or motion_asks(body)
                else:
                    q = question(f"amendment {tabled.group('n')}", _question_text(body), "amendment")
                    q.contradicts = "motion" if replaces else None
                spans = trim_spans(text, [(b.start, blocks[filled[-1]].end)])
                q.mover, q.moved_at = q.mover or mover, q.moved_at or spans
                q.side = q.side or _side_of(mover)
                current = questions.get("motion", q)  # the debate is on the motion, its amendments with it
                add(mover, q, "support", "debate:moved", 0.9, spans, b.section)
                for j in filled:
                    blocks[j].kind = "procedure"  # the tabled text is no one's speech
            continue
        decided = _DECIDED.search(t) if b.kind in ("paragraph", "procedure") else None
        if decided is not None:  # "Therefore the motion is not agreed."
            chamber = chamber or Member(_chamber(text))
            what = (decided.group("what") or decided.group("what2") or "").casefold()
            n = decided.group("n")
            agreed = not decided.group("neg") and (decided.group("res") or "carried").casefold() not in ("lost", "negatived")
            amended = "as amended" in what or bool(decided.group("amended"))
            if n or what.startswith("amendment"):
                target = questions.get(f"amendment {n}") if n else next(
                    (q for q in reversed(order) if q.kind == "amendment"), None)
            elif amended:  # the motion as amended: the amendment that replaced it, where one did
                target = next((q for q in reversed(order) if q.kind == "amendment" and q.contradicts == "motion"),
                              questions.get("motion"))
            else:
                target = questions.get("motion")
            if target is not None:
                add(chamber, target, "support" if agreed else "oppose", "debate:decided", 0.9,
                    trim_spans(text, [(b.start + decided.start(), b.start + decided.end())]) if not b.segments else
                    trim_spans(text, structure.view(b).spans(*_sentence_at(structure.view(b).clean, decided.group(0)))), b.section)
        if b.kind == "heading":
            nc, cl = _NEW_CLAUSE.match(t), _CLAUSE.match(t)
            if nc:
                pending_title = ("new clause", nc.group("n"), nc.group("title") or "")
                if nc.group("title"):
                    current = question(f"new clause {nc.group('n')}", f"New clause {nc.group('n')}: {nc.group('title')}", "new clause")
                    pending_title = None
                continue
            if cl:
                kind = cl.group("kind").casefold()
                pending_title = (kind, cl.group("n"), cl.group("title") or "")
                if cl.group("title"):
                    current = question(f"{kind} {cl.group('n')}", f"{cl.group('kind')} {cl.group('n')} ({cl.group('title')}) "
                                       "stands part of the Bill", kind)
                    pending_title = None
                continue
            if pending_title is not None:
                kind, n, _ = pending_title
                title = t.rstrip(".")
                if kind == "new clause":
                    current = question(f"new clause {n}", f"New clause {n}: {title}", "new clause")
                else:
                    current = question(f"{kind} {n}", f"{kind.capitalize()} {n} ({title}) stands part of the Bill", kind)
                pending_title = None
            continue
        pending_title = None
        explained = _EXPLAINED.match(t)
        if explained and last_named is not None:
            _explain(last_named, explained.group("what"))
            if b.kind == "procedure":
                continue
        if b.kind in ("procedure", "paragraph") and not (b.kind == "paragraph" and b.speaker) or \
                re.match(r"^\s*With this it will be convenient", t, re.I):
            for g in _GROUPED_CLAUSE.finditer(t):  # "convenient to discuss new clause 6—Annual report on progress—"
                last_named = question(f"new clause {g.group('n')}", f"New clause {g.group('n')}: {g.group('title').strip()}",
                                      "new clause")
            listed = _LISTED_AMENDMENT.match(t)
            if listed:  # "Amendment 13, in clause 5, page 3, line 14, ..." (grouped for debate, or proposed)
                kind = (listed.group("kind") or "amendment").casefold()
                listed_key = f"{'new clause' if kind.startswith('new') else 'amendment'} {listed.group('n')}"
                where = f" to {listed.group('where').casefold()}" if listed.group("where") else ""
                last_named = question(listed_key, f"{listed_key.capitalize()}{where}",
                                      "new clause" if kind.startswith("new") else "amendment")
                if re.match(r"^\s*Amendment proposed", t, re.I):
                    current = last_named
                continue
        if b.kind == "procedure":
            on = _MOTION_ON_BEHALF.search(t)
            if on:
                side = "government" if on.group("side").casefold().startswith("government") else "opposition"
                motion_side = (side, party_of(on.group("party") or ""))
                continue
            qp = _QUESTION_PUT.match(t)
            if qp:
                put = _question_put(qp.group("q") or "", current, questions)
                continue
            if re.match(r"^\s*Amendment\s+put\.?\s*$", t, re.I):  # the Dail's: the amendment is put
                put = _question_put("amendment be made", current, questions)
                continue
            m = re.match(r"^Question proposed,?\s+That the clause stand part of the Bill", t, re.I)
            if m and current is not None and current.kind == "clause":
                current.side = current.side or "government"
            mm = _MOTION.search(t) or (re.match(r"^(?P<m>That\s.+)$", t) if motion_side[0] is not None else None)
            if mm and "motion" not in questions and not re.match(r"^(?:Ordered|Resolved|Question)", t, re.I):
                q = question("motion", _question_text(mm.group("m")), "motion")
                q.side = motion_side[0]
                current = q
            if _NEGATIVED.search(t) or re.search(r"agreed to", t, re.I):
                pass
            continue
        if b.kind == "division":
            if re.match(AYES_LINE, t):
                division = "support"
            elif re.match(NOES_LINE, t):
                division = "oppose"
            elif put is not None and not re.match(r"^(?:Tellers?|Question|Division|Ayes\s*:|Noes\s*:)", t):
                for a, e in _line_spans(text, b):
                    raw = text[a:e]
                    if re.match(AYES_LINE, raw.strip()) or re.match(NOES_LINE, raw.strip()):  # "Tá" over its names
                        division = "support" if re.match(AYES_LINE, raw.strip()) else "oppose"
                        continue
                    if division is None:
                        break
                    raw = raw.rstrip(" .")
                    a += len(raw) - len(raw.lstrip(" †*"))
                    entry = teller_names(raw.strip(" †*"))  # a teller's line ends in "and"
                    member = roster.find(entry)
                    if member is None:
                        member = roster.add(_swap(re.sub(r"\s*\([^()]*\)\s*$", "", entry)))
                    add(member, put, division, "debate:division", 0.9, [(a, a + len(entry))], b.section)
            continue
        if b.kind == "paragraph" and b.speaker is None:
            mm = _MOTION.search(t) or (re.match(r"^(?P<m>That\s.+)$", t) if motion_side[0] is not None else None)
            if mm and motion_side[0] is not None and "motion" not in questions:
                q = question("motion", _question_text(mm.group("m")), "motion")
                q.side = motion_side[0]
                current = q
            continue
        if b.kind not in ("paragraph", "bullet", "quote", "row") or not b.speaker:
            continue
        member = _turn_member(b, roster)
        if member is None:
            continue
        view = structure.view(b)
        sub = _SUBSTITUTE.match(view.clean) if pending is not None and pending[1] == "amendment" else None
        if sub is not None and pending is not None:
            pending = (pending[0], "replacing amendment", pending[2], pending[3])  # the text to come replaces the motion's
            if not view.clean[sub.end():].strip():
                b.kind = "procedure"
                continue
        tail = view.clean[sub.end():] if sub is not None else view.clean
        if pending is not None and re.match(r"^\s*[“\"‘']?\s*(?:That\b|[a-z])", tail):
            # the text of the motion or amendment moved in the paragraph before ("I beg to move,\n\nThat this House ...")
            mover, kind, move_spans, section = pending
            pending = None
            body = tail.strip(" “”\"‘’'")
            if re.match(r"(?:That\s+)?(?:Dáil|Seanad)\s+Éireann\s*:", body):  # "That Dáil Éireann: notes ...; calls on ..."
                body = _operative(body)
            if kind == "motion":
                q = question("motion", _question_text(body), "motion")
                q.asks = q.asks or motion_asks(body)
            elif kind == "replacing amendment":  # the Dail's: the words substituted are the amendment's claim
                q = question("amendment to the motion", _question_text(body), "amendment")
                q.contradicts = "motion"
            else:
                q = question("amendment to the motion", _question_text(
                    body if re.match(r"(?:That|this\s+(?:House|Parliament))\b", body, re.I) else "That this House " + body),
                    "amendment")
                q.contradicts = "motion"
            q.mover, q.moved_at = q.mover or mover, q.moved_at or move_spans
            q.side = q.side or _side_of(mover)
            current = q
            add(mover, q, "support", "debate:moved", 0.9, move_spans, section)
            b.kind = "procedure"  # the question's text is no one's speech
            continue
        pending = None
        if speaker_of.get(b.index - 1) is not member:
            listing = False  # a list of concerns runs to the end of its speaker's turn
        speaker_of[b.index] = member
        on_clause = None  # "On clause 9, ...": the clause the rest of the paragraph is about
        for s0, e0 in split_sentences(view.clean):
            sent = view.clean[s0:e0]
            spans = trim_spans(text, view.spans(s0, e0))
            sent = own_party_as_we(sent, member.party) if member.party else own_body_as_we(sent)
            heard: list[tuple[str, str | None, int]] | None = None  # says(sent), once read
            if on_bill:
                oc = _ON_QUESTION.match(sent)  # "On clause 9, we share the railways' concern": a clause taken issue with
                clause_n = re.fullmatch(r"clause\s+(\d{1,3})", " ".join(oc.group("obj").casefold().split())) if oc else None
                on_clause = clause_n.group(1) if clause_n else on_clause
                listing = listing or bool(_CONCERN_LIST.search(sent))
                for cue_stance, n in clause_cues(sent, on_clause, listing):
                    if (member.name, f"clause {n}", s0) not in clause_said:
                        clause_said.add((member.name, f"clause {n}", s0))
                        add(member, clause_question(n), cue_stance, "debate:clause", 0.7, spans, b.section)
                heard = says(sent)
                for _st, obj, _at in heard:  # "we strongly support clause 15": a clause of the bill, as a question
                    ref = _CLAUSE_REF.match(" ".join((obj or "").split()))
                    if ref and (member.name, f"clause {ref.group('n')}", s0) not in clause_said:
                        clause_question(ref.group("n"))
            if _BEG_TO_MOVE.search(sent) and re.search(r"(?:I (?:beg to )?move(?:\s+amendment\s+No\.?\s*\d+)?|\b(?:add|insert))\s*[,:]?\s*$",
                                                       sent, re.I):
                kind = "motion" if re.search(r"I (?:beg to )?move\s*[,:]?\s*$", sent, re.I) else "amendment"
                pending = (member, kind, spans, b.section)
                continue
            tabled_moved = _MOVE_TABLED.search(sent)
            named_moved = [questions[f"amendment {n}"] for n in re.findall(r"\d+", tabled_moved.group("ns"))
                           if f"amendment {n}" in questions] if tabled_moved else []
            if named_moved:  # "I move amendments 1 and 2 in the name of ...": the amendments set out above
                for q in named_moved:
                    add(member, q, "support", "debate:moved", 0.9, spans, b.section)
                continue
            if _moves(sent):
                moved = _moved(sent, current, questions, question)
                if moved is not None:
                    if moved.mover is None:
                        moved.mover = member
                        moved.moved_at = spans
                        moved.side = moved.side or _side_of(member)
                    current = last_named = moved
                    add(member, moved, "support", "debate:moved", 0.9, spans, b.section)
                    continue
            on = _ON_QUESTION.match(sent)
            if on:
                named = _question_named(on.group("obj"), None, questions)
                if named is not None and named.key not in referred:  # (a witness's "On clause 9, ..." is no question put)
                    current = named
            explained = _EXPLAINED.match(sent)
            if explained and last_named is not None:
                _explain(last_named, explained.group("what"))
                continue
            if _COURTESY.match(sent):
                continue
            cues = [] if re.search(r"\bleave to withdraw\b", sent, re.I) else heard if heard is not None else says(sent)
            if current is None:  # no question in hand: only a stance on a question named
                cues = [c for c in cues if c[1] and (_NUMBERED.search(c[1].casefold()) or the_bill(c[1])) and
                        named_of(c[1], None, member) is not None]
                if not cues:
                    continue
            if cues:
                stances_here: dict[str, tuple[Question, set[str]]] = {}
                if any(obj for _s, obj, _a in cues):  # "We will vote against amendment 1": not also the question in hand
                    cues = [c for c in cues if c[1]]
                for cue_stance, obj, _at in cues:
                    if (not obj or obj.casefold() in ("it", "that", "them")) and _TOPIC_FIRST.match(sent):
                        continue  # "On the register, we support it.": what "it" is, the sentence has said
                    named = named_of(obj, current, member)
                    if named is not None:
                        stances_here.setdefault(named.key, (named, set()))[1].add(cue_stance)
                for named, found in stances_here.values():
                    if len(found) == 1 and (member.name, named.key, s0) not in clause_said:
                        add(member, named, found.pop(), "debate:says", 0.75, spans, b.section)
                continue
            if current is None:
                continue
            key = (member.name, current.key)
            if key not in spoke and len(sent.split()) >= 6:
                spoke[key] = (member, current, spans, b.section, 0)
            if key in spoke:
                m0, q0, sp0, sec0, words = spoke[key]
                spoke[key] = (m0, q0, sp0, sec0, words + len(sent.split()))
    motion = questions.get("motion")
    if motion_side == (None, None) and motion is not None and motion.mover is not None and motion.mover.party \
            and re.search(r"\bOpposition Day\b", text[:3000], re.I):
        motion_side = ("opposition", motion.mover.party)  # an Opposition Day motion is moved by the Opposition
        motion.side = "opposition"
    reading = DebateReading(roster, order, stances, None, speaker_of)
    reading.government = _government_party(structure, roster, motion_side, order, speaker_of)
    for q in order:
        if q.side is None and q.mover is not None:
            gov = reading.government
            q.side = "government" if (q.mover.government or (gov is not None and q.mover.party == gov)) else "opposition"
    # the side a member sits on, for those who spoke on a question without saying where they stand; not in the Lords,
    # where the Opposition seldom opposes a Second Reading and crossbenchers sit on no side, and not on a motion that
    # the House "has considered" a matter, which asks nobody to take a side
    speakers = {m.name for m, *_ in spoke.values()}
    # nor in the Scottish Parliament, where the Opposition amends the Government's motion and often votes for it
    no_sides = sum(1 for n in speakers if _PEERAGE.match(n)) * 2 > len(speakers) or \
        any(re.match(r"amendment S\d+M-", q.key) for q in order)
    for (name, qkey), (member, q, spans, section, words) in spoke.items():
        if (name, qkey) in said or words < MIN_SIDE_WORDS or no_sides or _CONSIDERED.match(q.claim):
            continue
        stated = said.get((name, q.contradicts or "")) or (said.get((name, "bill")) if q.contradicts == "motion" else None)
        if stated is not None and stated.stance in ("support", "oppose"):  # for the bill, so against the amendment that
            stances.append(Stance(member, q, "oppose" if stated.stance == "support" else "support",  # would decline it,
                                  "debate:contradicts", 0.6, spans, section))  # whatever side the member sits on
            continue
        side_stance = _side_stance(member, q, reading.government)
        if side_stance is not None:
            stances.append(Stance(member, q, side_stance, "debate:side", 0.45, spans, section))
            other = questions.get(q.contradicts or "")
            if other is not None and (name, other.key) not in said and (name, other.key) not in spoke:
                # for the amendment is against the motion it would replace, and the reverse
                stances.append(Stance(member, other, "oppose" if side_stance == "support" else "support", "debate:side", 0.45,
                                      spans, section))
    for q in order:
        if q.kind == "amendment" and q.key.startswith("amendment to") and "motion" in questions:
            q.contradicts = "motion"
    return reading


def _swap(name: str) -> str:
    m = re.match(r"^(?P<s>[^,]+),\s+(?P<f>.+)$", name)
    return f"{m.group('f')} {m.group('s')}" if m else name


def _turn_member(b: Block, roster: Roster) -> Member | None:
    if not b.speaker or CHAIR.match(b.speaker) or b.speaker == "The Chair":
        return None
    found = roster.find(b.speaker_note or "") if b.speaker_note else None
    return found or roster.find(b.speaker) or roster.add(b.speaker)


def _side_of(member: Member) -> str | None:
    return "government" if member.government else None


def _moved(sent: str, current: Question | None, questions: dict[str, Question], question) -> Question | None:  # type: ignore[no-untyped-def]
    if _MOVE_SECOND.search(sent) and current is not None:
        return current
    am = _MOVE_AMENDMENT.search(sent)
    if am:
        where = f" to {am.group('where')}" if am.group("where") else ""
        rest = sent[am.end():]
        what = re.sub(r"^[,\s]*(?:page\s+\d+,\s*line\s+\d+,?\s*)?", "", rest, flags=re.I).strip(" ,.")
        claim = f"Amendment {am.group('n')}{where}" + (f": {normalise_claim(what, max_words=25)}" if len(what.split()) >= 3 else "")
        return question(f"amendment {am.group('n')}", claim, "amendment")
    sub = _MOVE_SUBSTITUTING.search(sent)
    if sub:  # the words substituted for the motion's are the amendment's claim, against the motion
        text = sub.group("text").strip(" “”\"'‘’.")
        q = question("amendment to the motion", _question_text("That " + text), "amendment")
        q.contradicts = "motion"
        return q
    at = _MOVE_AMENDMENT_TO_MOTION.search(sent)
    if at:  # several amendments to one motion are told apart by their numbers ("amendment S6M-15872.1")
        key = f"amendment {at.group('n')}" if at.group("n") else "amendment to the motion"
        text = re.sub(r"^(?:at\s+end|to\s+end)\s*[“\"'‘]?\s*[;,]?\s*", "", at.group("text").strip(" “”\"'‘’"), flags=re.I)
        q = question(key, _question_text(text if re.match(r"(?:That|this)\b", text, re.I) else "That this Parliament " + text
                                         if at.group("n") else "That this House " + text), "amendment")
        # an amendment that leaves out words of the motion is against it; one that only inserts at its end adds to it
        q.contradicts = "motion" if not at.group("n") or re.search(r"\bleave\s+out\b", sent, re.I) else None
        return q
    mm = _MOTION.search(sent)
    if mm:
        return question("motion", _question_text(mm.group("m")), "motion")
    return None


_LISTED_AMENDMENT = re.compile(r"^\s*(?:Amendment proposed:\s*|(?P<kind>Amendment|New clause)\s+)(?P<n>\d+[A-Za-z]?),?\s+"
                               r"(?:in\s+(?P<where>(?:clause|schedule)\s+\d+)|page\s+\d+|to\s+)", re.I)
_EXPLAINED = re.compile(r"^\s*(?:Member['’]s explanatory statement\s*:?\s*)?This (?:amendment|new clause|new schedule) "
                        r"(?:would|will|seeks to|is intended to)\s+(?P<what>.+)$", re.I)
_ON_QUESTION = re.compile(r"^\s*(?:(?:And|But|So|Finally|Then|Now),?\s+)?(?:On|Turning to|As for|As to|With regard to)\s+(?P<obj>(?:new\s+)?"
                          r"(?:clause|amendment|schedule)\s+\d+[A-Za-z]?)\b", re.I)


def _sentence_at(clean: str, phrase: str) -> tuple[int, int]:
    """The span of the sentence of `clean` holding `phrase` (whitespace as in the source aside)."""
    words = phrase.split()
    for a, e in split_sentences(clean):
        if " ".join(clean[a:e].split()).find(" ".join(words)) >= 0:
            return a, e
    return 0, len(clean)


#: the parts of a motion that ask for something: "calls on the Minister to A, and to B", "calls for C", "believes that D"
_ASK = re.compile(r"^(?:and\s+)?(?:(?:further|also|therefore)\s+)?(?:(?P<on>calls\s+on|urges|asks|requests|instructs|directs)\s+"
                  r"(?P<agent>(?:(?:the|all|each|every|local|our)\s+)?[A-Za-z][^;]{1,90}?)\s+to\s+(?P<vp>.+)|(?P<verb>calls\s+for|supports|"
                  r"believes\s+that|considers\s+that|agrees\s+that)\s+(?P<np>.+))$", re.I | re.S)


def motion_asks(text: str) -> list[str]:
    """What a motion of several parts asks for, each as a claim ("The Minister should establish an independent
    environmental protection agency", "A moratorium on new units"), when it asks for two things or more; else [].

    >>> motion_asks("That this Assembly notes the blooms; calls on the Minister to establish an agency, and to "
    ...             "introduce a moratorium on new units; and further calls on the Executive to buy the lough bed.")
    ['The Minister should establish an agency', 'The Minister should introduce a moratorium on new units', 'The Executive should buy the lough bed']
    """
    body = re.sub(r"^\s*That\s+(?:this|the)\s+(?:House|Assembly|Parliament|Senedd|Dáil|Seanad)\s+", "", " ".join(text.split()),
                  flags=re.I).strip(" .")
    asks: list[str] = []
    for clause in re.split(r";\s*|\.\s+(?=\d+\.\s)", body):
        clause = re.sub(r"^\d+\.\s*", "", clause.strip())
        m = _ASK.match(clause)
        if m is None:
            continue
        if m.group("on"):
            agent = m.group("agent")
            for vp in re.split(r",?\s+and\s+to\s+|,\s+to\s+(?=[a-z]+\s)", m.group("vp")):
                asks.append(normalise_claim(f"{agent[:1].upper()}{agent[1:]} should {vp.strip(' ,')}", max_words=40))
        else:
            asks.append(normalise_claim(m.group("np"), max_words=40))
    asks = [a for a in dict.fromkeys(asks) if len(a.split()) >= 3]
    return asks if len(asks) >= 2 else []


def _question_text(text: str) -> str:
    """A motion's or amendment's claim: its operative words, without the concession a reasoned amendment opens with
    ("this House, while recognising that ..., declines to give a Second Reading to the X Bill because ...")."""
    m = re.match(r"^\s*(?P<head>(?:That\s+)?this\s+(?:House|Parliament)),?\s+while\s+.+?,\s+(?P<rest>(?:declines|believes|"
                 r"calls|regrets|notes|urges|resolves|is\s+of\s+the\s+opinion|considers)\b.+)$", text, re.I | re.S)
    if m:
        text = f"{m.group('head')} {m.group('rest')}"
    return normalise_claim(text, max_words=45)


def _explain(q: Question, what: str) -> None:
    """'This amendment would set a minimum price ...': the amendment's claim says what it does (rather than its
    drafting, 'leave out "may" and insert "must"')."""
    head, _, tail = q.claim.partition(":")
    if tail and not re.match(r"\s*(?:leave out|at end|insert|page|line|in clause)\b", tail, re.I):
        return
    said = normalise_claim(what, max_words=25)
    q.claim = f"{head}: {said[:1].lower()}{said[1:]}"


#: a clause of the bill before a committee, named in a member's or a witness's words ("we support clause 20")
_CLAUSE_REF = re.compile(r"^(?:the\s+)?clause\s+(?P<n>\d{1,3})(?:\s+as\s+drafted)?$", re.I)
#: a bill's title on a line of its own ("Coastal Access (Foreshore Tracks) Amendment Bill", "... Bill (Second sitting)")
_BILL_TITLE_LINE = re.compile(r"^(?P<t>(?:The\s+)?[A-Z][\w()'’,\- ]{3,160}?\s(?:Bill|BILL)(?:\s+(?:19|20)\d\d)?(?:\s+\[(?:HL|Lords)\])?)"
                              r"(?:\s+\((?:[\w-]+\s+)?sitting\))?[ \t]*$", re.M)
_BILL_CALLED = re.compile(r"\bBill\s+[A-Z]-\d{1,4}\b|\bthe\s+(?:[A-Z][\w'’-]+\s+){1,6}Bill\b")
#: what a clause does, as the text first says it: "the 40-mile-an-hour cap in clause 9", "Clause 20 would raise ..."
_CLAUSE_NP = r"\b[Tt]he\s+(?P<np>(?:(?!(?:the|a|an|this|that)\b)[\w$%'’-]+(?:[.,]\d+)?\s+){{0,5}}?[\w'’-]+)\s+in\s+clause\s+{n}\b"
_CLAUSE_VP = (r"\b[Cc]lause\s+{n}\s+(?P<vp>(?:would|will|caps|sets|requires|makes|gives|creates|raises|extends|allows|bans|"
              r"puts|removes|replaces|introduces|applies)\b[^.;:!?]{{5,160}})")
_PERSONAL = re.compile(r"\b(?:us|we|our|you|your|I|me|my)\b")
#: a concern shared or raised on the clause a sentence opens with ("On clause 9, we share the railways' concern")
_CONCERN = re.compile(r"\b(?:I|we)\s+(?:(?:also|do|still|would)\s+)*(?:share|have|had|raise|note)\s+(?:(?:the|a|some|real|"
                      r"serious|grave|several|two|three|four|many|significant|[\w'’]+['’]s?)\s+){0,3}concerns?\b|"
                      r"\b(?:I|we)\s+(?:am|are)\s+(?:very\s+|deeply\s+|also\s+)?(?:concerned|worried)\b", re.I)
_CONCERNS_ABOUT = re.compile(r"\bconcerns?\s+(?:about|with|over|regarding)\s+clause\s+(?P<n>\d{1,3})\b", re.I)
#: a list of concerns announced ("We do, however, have three serious concerns.") and its items ("First, clause 4 would ...")
ANNOUNCED_LIST = (r"\b(?:I|we)\s+(?:(?:do|also|still),?\s+(?:however,?\s+)?)*(?:have|had|raise)\s+(?:(?:two|three|four|five|"
                  r"several|some|a\s+number\s+of|serious|significant|real|main|particular)\s+)+")
_CONCERN_LIST = re.compile(ANNOUNCED_LIST + r"concerns\b", re.I)
#: the words that open a list's items: "First, ...", "Secondly, ...", "Finally, ..."
ORDINAL = r"(?:First(?:ly)?|Second(?:ly)?|Third(?:ly)?|Fourth(?:ly)?|Fifth(?:ly)?|Finally|Lastly)"
_ORDINAL_ITEM = re.compile(r"^\s*" + ORDINAL + r",?\s+(?:[\w'’-]+\s+){0,6}?clause\s+(?P<n>\d{1,3})\b", re.I)
#: a clause to be replaced or struck out: "an amendment to replace clause 9 with ...", "that clause 20 be replaced by ..."
_REPLACE_CLAUSE = re.compile(r"\b(?:replace|delete|strike(?:\s+out)?|remove)\s+clause\s+(?P<n>\d{1,3})\b(?!\s*['’]s)|"
                             r"\bclause\s+(?P<n2>\d{1,3})\s+be\s+(?:replaced|deleted|struck\s+out|removed)\b", re.I)
#: the clause a supporter singles out: "we welcome this bill, clause 4 above all"
_ABOVE_ALL = re.compile(r"\bclause\s+(?P<n>\d{1,3}),?\s+(?:above\s+all|in\s+particular|most\s+of\s+all|especially)\b", re.I)


def bill_claim(text: str) -> str | None:
    """The bill a committee considers, as its number or name and its short title where the text gives one ("Bill C-61
    (Rail Corridor Safety Act)"); None when the text names no bill."""
    m = _BILL_CALLED.search(text)
    if m is None:  # a title line of its own near the top: "Coastal Access (Foreshore Tracks) Amendment Bill (First sitting)"
        titled = _BILL_TITLE_LINE.search(text[:3000])
        return titled.group("t") if titled else None
    line = text[m.end():text.find("\n", m.end()) if "\n" in text[m.end():] else len(text)]
    short = re.search(r"\((?P<t>[^()]{3,80}\bAct(?:\s+of\s+\d{4})?)\)", line)
    name = m.group(0)
    name = name[:1].upper() + name[1:]
    return f"{name} ({short.group('t')})" if short else name


def clause_claim(text: str, n: str) -> str:
    """The claim of a clause of the bill a committee considers: its number, the bill, and what the text first says the
    clause does ("Clause 9 of Bill C-61: the 40-mile-an-hour cap")."""
    bill = _BILL_CALLED.search(text)
    titled = _BILL_TITLE_LINE.search(text[:3000]) if bill is None else None
    name = f"Clause {n} of {bill.group(0)}" if bill else f"Clause {n} of {titled.group('t')}" if titled else f"Clause {n} of the Bill"
    found: list[tuple[int, str]] = []
    np_ = re.search(_CLAUSE_NP.format(n=re.escape(n)), text)
    if np_ and not _PERSONAL.search(np_.group("np")):
        found.append((np_.start(), f"{name}: the {np_.group('np')}"))
    vp = re.search(_CLAUSE_VP.format(n=re.escape(n)), text)
    if vp and not _PERSONAL.search(vp.group("vp")):
        found.append((vp.start(), f"{name}, which {' '.join(vp.group('vp').split())}"))
    claim = normalise_claim(min(found)[1], max_words=25) if found else name
    # (never a tail that normalising left hanging on the bill's name: "... Bill and from within 20 metres of a waterway",
    # from "Clause 8 requires ... erosion-prone land, and from within 20 metres of a waterway, ...")
    return claim if claim == name or claim.startswith((name + ": ", name + ", which ")) else name


#: a party named as the subject of a sentence: "the Bloc supports ...", "New Democrats will vote against ..."
_PARTY_SUBJECT = re.compile(r"(?:^|(?<=[,;:]\s)|(?<=\band\s)|(?<=\bbut\s)|(?<=\bthat\s))(?:[Tt]he\s+)?"
                            r"(?P<party>[A-Z][\w'’éèÉ-]+(?:\s+[A-Z][\w'’éèÉ-]+){0,2})(?=\s+(?:(?:will|would|shall|cannot|can|do|does|"
                            r"also|strongly|fully|therefore|not)\s+)*(?:support|back|welcome|oppose|reject|vote|endorse)\w*\b)")


def own_party_as_we(sentence: str, party: str | None) -> str:
    """The sentence with the speaker's own party, named as its subject, read as "we" ("I would add that the Bloc
    supports clause 20" by a Bloc member); another party's name stays (what a member says of another party is no
    stance of theirs).

    >>> own_party_as_we("I would add that the Bloc supports clause 20 as drafted.", "Bloc Québécois")
    'I would add that we support clause 20 as drafted.'
    >>> own_party_as_we("The Conservatives will oppose the motion.", "Bloc Québécois")
    'The Conservatives will oppose the motion.'
    """
    if not party:
        return sentence
    words = [w.casefold() for w in re.findall(r"[\w'’éèÉ]+", party)]

    def ours(m: re.Match[str]) -> str:
        said = [w.casefold().rstrip("s") for w in m.group("party").split()]
        same = all(any(p.startswith(w[:6]) for p in words) for w in said if w not in ("party",))
        return "we" if same and said else m.group(0)
    read = _PARTY_SUBJECT.sub(ours, sentence)
    # "we supports" -> "we support", "we does not" -> "we do not"
    return re.sub(r"\bwe((?:\s+(?:also|strongly|fully|therefore))*)\s+(support|back|welcome|oppose|reject|endorse|vote|doe)s\b",
                  lambda m: f"we{m.group(1)} {'do' if m.group(2) == 'doe' else m.group(2)}", read) if read != sentence else read


#: a witness's own body as the subject of a stance: "The coalition supports Bill C-61", "Our federation opposes ..."
_BODY_SUBJECT = re.compile(r"^(?:(?:And|But|So|Finally),?\s+)?(?:[Tt]he|[Oo]ur|[Mm]y)\s+(?:coalition|federation|union|association|"
                           r"council|alliance|institute|society|network|board|company|charity|organi[sz]ation|members|"
                           r"sector|industry|chamber)\s+(?=(?:(?:will|would|also|strongly|fully|therefore)\s+)*(?:supports?|backs?|"
                           r"welcomes?|opposes?|rejects?|endorses?)\b)")


def own_body_as_we(sentence: str) -> str:
    """A witness's sentence with their own body, named as its subject, read as "we" ("The coalition supports Bill
    C-61" said by the coalition's witness).

    >>> own_body_as_we("The coalition supports Bill C-61, and we are asking you to pass it quickly.")
    'we support Bill C-61, and we are asking you to pass it quickly.'
    """
    read = _BODY_SUBJECT.sub("we ", sentence, count=1)
    return sentence if read == sentence else re.sub(
        r"^we((?:\s+(?:will|would|also|strongly|fully|therefore))*)\s+(support|back|welcome|oppose|reject|endorse)s?\b",
        r"we\1 \2", read)


def clause_cues(sentence: str, on_clause: str | None, listing: bool) -> list[tuple[str, str]]:
    """(stance, clause number) for what a sentence says of a clause of the bill, beyond a stance verb naming it
    (:func:`says`): a concern shared on a clause ("On clause 9, we share the railways' concern"), an item of a list of
    concerns (`listing`: "First, clause 4 would ..."), a clause to be replaced or struck out, a clause singled out by a
    supporter ("we welcome this bill, clause 4 above all").

    >>> clause_cues("On clause 9, we share the railways' concern.", "9", False)
    [('oppose', '9')]
    >>> clause_cues("First, clause 4 would write a crew size into statute.", None, True)
    [('oppose', '4')]
    >>> clause_cues("We will propose that clause 20 be replaced by an actuarial review.", None, False)
    [('oppose', '20')]
    >>> clause_cues("First, clause 4 would write a crew size into statute.", None, False)
    []
    """
    out: list[tuple[str, str]] = []
    if on_clause is not None and _CONCERN.search(sentence):
        out.append(("oppose", on_clause))
    for m in _CONCERNS_ABOUT.finditer(sentence):
        out.append(("oppose", m.group("n")))
    item = _ORDINAL_ITEM.match(sentence) if listing else None
    if item:
        out.append(("oppose", item.group("n")))
    for m in _REPLACE_CLAUSE.finditer(sentence):
        out.append(("oppose", m.group("n") or m.group("n2")))
    above = _ABOVE_ALL.search(sentence)
    if above and any(st == "support" for st, _o, _a in says(sentence)):
        out.append(("support", above.group("n")))
    return list(dict.fromkeys(out))


_GROUPED_CLAUSE = re.compile(r"\bnew clause (?P<n>\d+[A-Za-z]?)\s*[—–-]\s*(?P<title>[^—–.]{3,120}?)\s*(?:[—–]|$)", re.I)


def _question_named(obj: str | None, current: Question | None, questions: dict[str, Question],
                    speaker: Member | None = None) -> Question | None:
    """The question a cue's object names: 'new clause 4', 'amendment 12', 'the motion', 'the amendment', else the
    question in hand."""
    if not obj:
        return current
    o = " ".join(obj.casefold().split())
    num = _NUMBERED.search(o)
    if num:  # "I cannot support Clause 3 as drafted" in a Second Reading: a part of the Bill, not the question
        return questions.get(f"{num.group(1)} {num.group(2)}")
    if re.search(r"\b(?:clauses|schedules)\b", o) or re.search(r"\b(?:clause|schedule)\b", o) and \
            not any(q.kind in ("clause", "schedule", "new clause") for q in questions.values()):
        return None  # "we oppose the clauses on restoration orders": parts of the Bill, not the Bill
    if "motion" in o or re.search(r"\bbill\b", o):
        return questions.get("motion") or current
    if "amendment" in o:
        ours = re.search(r"\b(?:our|my\s+colleague['’]s|my\s+(?:right\s+)?(?:hon\.\s+)?friend['’]s)\b", o)
        by = [q for q in questions.values() if q.kind == "amendment" and q.mover is not None and (
            # "the amendment in Euan Drysdale's name", "the Labour amendment", "the amendment in my colleague's name"
            re.search(r"\b" + re.escape(q.mover.name.casefold().split()[-1]) + r"\b", o) or q.mover.party and _PARTY_WORD.get(q.mover.party, "~") in o
            # "the Government's amendment", where one amendment is the Government's
            or re.search(r"\bgovernment['’]?s?\b", o) and q.side == "government"
            or ours and speaker is not None and speaker.party and q.mover.party == speaker.party)]
        if len(by) == 1:
            return by[0]
        if "amendment to the motion" in questions and ("government" in o or "opposition" in o or current is None
                                                       or current.key in ("motion", "amendment to the motion")):
            return questions["amendment to the motion"]
        if current is not None and current.kind == "amendment":
            return current
        amendments = [q for q in questions.values() if q.kind == "amendment"]
        return amendments[-1] if amendments else current
    return current


def _question_put(q: str, current: Question | None, questions: dict[str, Question]) -> Question | None:
    if re.search(r"original words stand part", q, re.I):
        return questions.get("motion")
    if re.search(r"amendment be made", q, re.I):
        am = [x for x in questions.values() if x.kind == "amendment"]
        return am[-1] if am else current
    if re.search(r"read a Second time|stand part", q, re.I):
        return current
    if re.match(r"That this House\b", q, re.I) or not q:
        return questions.get("motion") or current
    return current


def _side_stance(member: Member, q: Question, government: str | None) -> str | None:
    if q.side is None or (member.party is None and not member.government):
        return None
    on_government_side = member.government or (government is not None and member.party == government)
    if government is None and not member.government:
        if q.mover is not None and q.mover.party and member.party:
            return "support" if member.party == q.mover.party else None
        return None
    if q.side == "government":
        if q.kind in ("clause", "schedule") and not on_government_side:
            return None  # most clauses stand part unopposed: an Opposition speech on one is no vote against it
        return "support" if on_government_side else "oppose"
    return "oppose" if on_government_side else "support"


_GOV_MENTION = re.compile(r"\b(?P<mod>this|the|current|present|last|previous|former|a|next|future|new|incoming|outgoing|that|"
                          r"successive)?\s*(?P<party>Conservative|Tory|Labour|coalition|SNP|Liberal Democrat)(?:-led)?\s+"
                          r"(?:Government|Administration|Ministers|Chancellor|Prime Minister)\b", re.I)
_PAST = {"last", "previous", "former", "next", "future", "a", "incoming", "outgoing", "that", "successive"}


_FRIEND_MINISTER = re.compile(r"\bmy (?:right )?hon\.? (?:and (?:learned|gallant) )?Friend,? the (?:Minister|Secretary of State|"
                              r"Chancellor|Prime Minister|Financial Secretary|Chief Secretary|Economic Secretary|"
                              r"Exchequer Secretary|Paymaster General|Leader of the House|Solicitor General|Attorney General|"
                              r"Under-Secretary|Parliamentary Under-Secretary|Minister of State)\b", re.I)


def _government_party(structure: Structure, roster: Roster, motion_side: tuple[str | None, str | None],
                      questions: list[Question], speaker_of: dict[int, Member]) -> str | None:
    side, party = motion_side
    if side == "government" and party:
        return party
    found = roster.government_party()
    if found and not (side == "opposition" and found == party):
        return found
    listed = Counter(m.party for k, m in roster.members.items() if m.party and k in roster.listed)
    if len(listed) >= 2 and sum(listed.values()) >= 8:  # a committee's member list mirrors the House
        (top, n1), (_second, n2) = listed.most_common(2)
        if n1 > n2 and not (side == "opposition" and top == party):
            return top
    # Members call those of their own party "my hon. Friend": whoever calls a minister so sits on the Government side
    friends: Counter[str] = Counter()
    for b in structure.blocks:
        member = speaker_of.get(b.index)
        if member is not None and member.party and not member.government and _FRIEND_MINISTER.search(structure.view(b).text):
            friends[member.party] += 1
    if side == "opposition" and party:
        friends.pop(party, None)
    if friends:
        (top, n1), *rest = friends.most_common(2)
        if not rest or n1 >= 2 * rest[0][1]:
            return top
    counts: Counter[str] = Counter()
    for m in _GOV_MENTION.finditer(structure.text):
        if (m.group("mod") or "").casefold() in _PAST:
            continue
        word = m.group("party").casefold()
        counts["Conservative Party" if word in ("tory", "coalition") else party_of(word) or word] += 1
    if side == "opposition" and party:
        counts.pop(party, None)
    if counts:
        return counts.most_common(1)[0][0]
    if side == "opposition" and party:
        return "Labour Party" if party == "Conservative Party" else "Conservative Party"
    return None
