"""Hansard text: the members of a sitting, and its blocks relabelled as turns, procedure and division lists.

Hansard text (as copied from the Hansard website, or a Public Bill Committee's official report) gives each
turn a speaker line of its own, in three shapes: ``Jane Smith (Anytown North) (Lab)`` on a member's first
speech, ``The Parliamentary Under-Secretary of State for Business and Trade (Jane Smith)`` for an office
holder, and the bare ``Jane Smith`` on later turns; the chair speaks as ``The Chair``, ``Mr Speaker``,
``Madam Deputy Speaker``. A Public Bill Committee sitting opens with its member list
(``† Smith, Jane (Anytown North) (Lab)``, ``Jones, Mark (Parliamentary Under-Secretary of State for ...)``),
which gives every bare name its party or office. :class:`Roster` collects all of that.

:func:`relabel` relabels the blocks of a parsed document: bare-name and chair lines become speaker lines (so
that a turn runs until the next speaker), the member list, procedure (``Question put and agreed to.``,
``Brought up, and read the First time.``, the mover tag ``—(Jane Smith.)``, ``With this it will be convenient
to discuss ...``, the text of clauses and amendments) and division lists are marked so that no sentence rule
reads them as speech. :mod:`.questions` then reads the questions and votes.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ...documents.parties import PARTIES
from ...documents.structure import Block, Structure, assign_sections, assign_speakers, trim_spans
from ..stakeholders import Holder

Span = tuple[int, int]

#: a Canadian provincial legislature's member list puts the party's code after the riding, without a comma
#: ("Mr. Graham Pettigrew (Ostrander–Pinecourt PC)"): there "PC" is the Progressive Conservatives, not Plaid Cymru
RIDING_PARTIES = {"PC": "Progressive Conservative Party", "ND": "New Democratic Party", "NDP": "New Democratic Party",
                  "IND": "Independent members", "LIB": "Liberal Party", "GRN": "Green Party", "UCP": "United Conservative Party",
                  "UC": "United Conservative Party",
                  "SP": "Saskatchewan Party", "CAQ": "Coalition Avenir Québec", "PLQ": "Quebec Liberal Party"}
_OFFICE = re.compile(
    r"\b(?:Minister|Secretary of State|Cabinet Secretary|Under-Secretary|Prime Minister|First Minister|Chancellor|Leader of the House|Solicitor General|"
    r"Attorney General|Paymaster General|Chief Secretary|Financial Secretary|Economic Secretary|Exchequer Secretary|"
    r"Lord Chancellor|Home Secretary|Foreign Secretary|Whip|Lord Commissioner|Comptroller of His Majesty|"
    r"Comptroller of Her Majesty|Treasurer of His Majesty|Treasurer of Her Majesty|Vice-Chamberlain|"
    r"Advocate General|Lord Advocate|Parliamentary Secretary)\b", re.I)
_SHADOW = re.compile(r"\bShadow\b", re.I)
#: the chair's tag, in any parliament or hearing (the name in brackets after it allowed): no member's position
CHAIR = re.compile(r"^(?:The\s+)?(?:Chair|Chairman|Chairwoman|Chairperson|Speaker|(?:Assistant\s+)?Deputy Speaker|Acting Speaker|Mr Speaker|Madam Speaker|Mr Deputy Speaker|"
                   r"Presiding|President|"
                    r"Madam Deputy Speaker|Second Deputy Chairman|First Deputy Chairman|Deputy Chairman|Lord Speaker|"
                    r"(?:Deputy\s+)?Presiding Officer|Llywydd|Dirprwy Lywydd|(?:An\s+)?(?:Leas-)?Cheann Comhairle|Ceann Comhairle|"
                    r"(?:An\s+)?(?:Leas-)?Chathaoirleach|Cathaoirleach|Acting Chair(?:man|woman|person)?|Deputy Chair(?:person)?|Vice-Chair|(?:Deputy\s+)?Conven[eo]r)"
                    r"(?:\s*\([^()]{2,60}\))?\s*:?\s*$", re.I)
_NAME = r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|de|van|von|du|le|la|da|di|of|for|and|the|in|on|at))*"
_TITLED = r"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lord|Lady|Baroness|Baron|Professor|Rev\.?|Rt\.? Hon\.?|Hon|rh|Rh|Deputy|Senator)\.?\s+)*"
#: "† Smith, Jane (Anytown North) (Lab)" / "Smith, Jane (Parliamentary Under-Secretary of State for ...)"
_MEMBER_LINE = re.compile(r"^\s*(?P<att>[†*]\s*)?(?P<surname>[A-Z][\w’'.-]*(?:[\s-][A-Z][\w’'.-]*)*),\s+(?P<forename>"
                          + _TITLED + r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)\s*(?:\((?P<a>[^()\n]{2,120})\))?\s*"
                          r"(?:\((?P<b>[^()\n]{1,60})\))?\s*$")
#: "Jane Smith (Anytown North) (Lab)", "Jane Smith (Lab)", "The Minister for X (Jane Smith)", "The Minister of State,
#: Department for X, Y and Z (Lord Smith) (Lab)", optional colon
_SPEAKER_LINE = re.compile(r"^\s*(?P<name>(?:The\s+)?" + _TITLED + _NAME + r"(?:,\s+" + _NAME + r"){0,3})\s*\((?P<a>[^()\n]{2,120})\)\s*"
                           r"(?:\((?P<b>[^()\n]{1,60})\))?\s*:?\s*$")
_BISHOP_LINE = re.compile(r"^\s*(?:The\s+)?(?P<name>(?:Lord\s+)?(?:Arch)?[Bb]ishop\s+of\s+[A-Z][\w’'.-]*(?:\s+and\s+[A-Z][\w’'.-]*)?)"
                          r"\s*:?\s*$")
_DIVISION = re.compile(r"^\s*(?:The (?:House|Committee) divided\s*:?\s*Ayes,?\s*(?P<ayes>\d+)\s*;?,?\s*Noes,?\s*(?P<noes>\d+)"
                       r"|Division(?: No\.?)?\s*\d+\]?|AYES|NOES|Ayes|Noes|(?:Ayes|Noes)\s*:\s*\d+|Tellers? for the (?:Ayes|Noes)\s*:?.*|"
                       r"Question accordingly (?:agreed to|negatived)\.?)\s*$")
_PROCEDURE = re.compile(
    r"^\s*(?:Question (?:put|proposed|accordingly|again proposed|necessary for the disposal)|Question,? That\b|"
    r"Main Question(?:,? as amended,?)? put|Brought up,? and read the First time|Clause,? by leave,? withdrawn|"
    r"(?:Motion|Amendment|Clause|Schedule),? by leave,? withdrawn|Amendment (?:proposed|made|\d+,? by leave)|"
    r"Amendments? (?:\d+|made)|Motion made,? and Question proposed|Motion made,? and Question put|"
    r"Resolved,? That|Ordered,? That|With this it will be convenient to (?:discuss|take)|"
    r"Clause \d+ (?:accordingly )?ordered to stand part|Clauses? \d+(?: to \d+)? ordered to stand part|"
    r"Schedule \d+ (?:accordingly )?agreed to|Bill(?:,? as amended,?)? to be reported|Adjourned till|"
    r"The Committee (?:divided|adjourned|consisted)|Sitting suspended|Debate adjourned|"
    # the Dail's: "Amendment put.", "The Dáil divided: Tá, 78; Níl, 64.", "Amendment declared carried.", "Motion, as
    # amended, agreed to.", "Tellers: Tá, Deputies ...", "Question put and declared carried."
    r"Amendment put|The (?:Dáil|Seanad|Senedd|Assembly) divided|(?:Amendment|Motion|Question)(?:,? as amended,?)?\s+"
    r"(?:put\s+and\s+)?(?:declared\s+)?(?:carried|lost|agreed to|negatived)|Tellers\s*:|"
    r"Question (?:agreed to|negatived)|Division No|Tellers|Chairs?:|Committee Clerks?|Clerk|Witnesses\b|"
    r"\[(?:[^\]]{2,80}) in the Chair\]|\d{1,2}[.:]\d{2}\s*(?:am|pm)|Business without Debate|"
    r"(?:[A-Z][\w’'.-]*\s+){0,4}(?:Bill|Order|Regulations) (?:\((?:[^()]+)\) )?\s*$)", re.I)
_MOVER_TAG = re.compile(r"[—–-]\s*\((?P<name>[^()]{3,80}?)\.?\)\s*\.?\s*$")
_MOTION_ON_BEHALF = re.compile(r"\b(?:Motion|Amendment|Question)\s+(?:moved|proposed|tabled)\s+on behalf of\s+(?:the\s+)?"
                               r"(?P<side>Government|Opposition|Official Opposition|[\w ]{3,40}?)\s*(?:\((?P<party>[^()]{2,30})\))?\s*:?\s*$", re.I)
_NEW_CLAUSE = re.compile(r"^\s*New (?:Clause|clause)\s+(?P<n>\d+)\s*(?:[-–—:]\s*(?P<title>.+?))?\s*$")
_CLAUSE = re.compile(r"^\s*(?P<kind>Clause|Schedule)\s+(?P<n>\d+)\s*(?:[-–—:]\s*(?P<title>.+?))?\s*$")


@dataclass
class Member:
    """A member of the House or Committee as the text describes them."""

    name: str
    party: str | None = None
    constituency: str | None = None
    office: str | None = None

    @property
    def government(self) -> bool:
        return bool(self.office and _OFFICE.search(self.office) and not _SHADOW.search(self.office))


def party_of(code: str) -> str | None:
    """The party a tag's code names ('Lab', 'CPC'), also after a riding ('Calgary Nose Hill, CPC')."""
    code = " ".join(code.split())
    for part in dict.fromkeys((code, code.rsplit(",", 1)[-1].strip())):  # the whole tag, then what follows its comma
        party = PARTIES.get(part.casefold().strip(".")) or PARTIES.get(part.casefold())
        if party:
            return party
    return None


def _clean_name(name: str) -> str:
    name = " ".join(name.replace("’", "'").split()).strip(" :.")
    return re.sub(r"^(?:The\s+)?(?:Rt\.?\s+Hon\.?\s+|Hon\.?\s+(?=[A-Z]))", "", name)


def _bare(name: str) -> str:
    """'Mrs Jane Smith' -> 'Jane Smith' (titles dropped); for matching."""
    return re.sub(r"^(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lord|Lady|Baroness|Baron|Professor|Rev\.?|rh|Rh|Deputy|Senator|MPP|MHA|MNA)\.?\s+)+", "",
                  _clean_name(name))


_PEERAGE = re.compile(r"^(?:The\s+)?(?:Lord|Lady|Baroness|Baron|Viscount|Viscountess|Earl|Countess|Marquess|Marchioness|Duke|"
                      r"Duchess|Lord Bishop|Bishop|Archbishop)\s+\S", re.I)


def _known_as(name: str) -> str:
    """The name a member is known by: 'Jane Smith' for 'Mrs Jane Smith', but a peer keeps the title that is their name
    ('Lord Thursby', 'Earl of Kilbarrow', 'Baroness Quarrie')."""
    clean = _clean_name(name)
    if _PEERAGE.match(clean):
        return re.sub(r"^The\s+", "", clean)
    return _bare(name)


@dataclass
class Roster:
    """The members a sitting names, by name (full, bare, 'Mr Surname') and by office."""

    members: dict[str, Member] = field(default_factory=dict)  # key: bare full name, casefolded
    offices: dict[str, str] = field(default_factory=dict)  # office (casefolded) -> member key
    listed: set[str] = field(default_factory=set)  # keys of the members a member list names (a committee)

    def add(self, name: str, *, party: str | None = None, constituency: str | None = None, office: str | None = None) -> Member:
        key = _bare(name).casefold()
        m = self.members.get(key)
        if m is None:
            m = self.members[key] = Member(_known_as(name))
        m.party = m.party or party
        m.constituency = m.constituency or constituency
        if office and not m.office:
            m.office = office
        if office:
            self.offices.setdefault(" ".join(office.split()).casefold(), key)
        return m

    def find(self, text: str) -> Member | None:
        """The member a speaker label or division-list entry names, if known."""
        t = _clean_name(text)
        if not t:
            return None
        office = self.offices.get(" ".join(t.split()).casefold())  # (before "Smith, Jane": an office has commas too)
        if office:
            return self.members[office]
        m = re.match(r"^(?P<s>[^,]+),\s+(?P<f>.+)$", t)  # "Smith, Jane"
        if m:
            t = f"{m.group('f')} {m.group('s')}"
        key = _bare(t).casefold()
        if key in self.members:
            return self.members[key]
        office = self.offices.get(" ".join(t.split()).casefold())
        if office:
            return self.members[office]
        initial = re.fullmatch(r"(?P<i>[A-Z])\.\s+(?P<sur>[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+)?)", _clean_name(text))
        if initial:  # "T. Vandermeer": the member of that surname whose name starts so
            found_i = [mm for k, mm in self.members.items() if k.split()[-1] == initial.group("sur").casefold()
                       and k[:1] == initial.group("i").casefold()]
            if len(found_i) == 1:
                return found_i[0]
        titled = re.match(r"^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lord|Lady|Baroness|Member|MLA|MPP|Hon)\.?\s+(?P<rest>.+)$",
                          _clean_name(text))
        if titled:  # "Mr Smith", "Mr. Smith", "Member Smith" (Alberta's form for the opposition): a unique surname
            sur = titled.group("rest").casefold()
            found = [mm for k, mm in self.members.items() if k.split()[-1] == sur.split()[-1] and (len(sur.split()) == 1 or k == sur)
                     and (mm.party or mm.office)]  # (a member, not a witness whose tag the roster also read)
            if len(found) == 1:
                return found[0]
        return None

    def government_party(self) -> str | None:
        parties = Counter(m.party for m in self.members.values() if m.government and m.party)
        return parties.most_common(1)[0][0] if parties else None


def member_holder(member: Member, government: str | None) -> Holder:
    """A member as a holder: a person in their party (and in the Government when they hold office)."""
    groups: list[tuple[str, str]] = []
    party = member.party or (government if member.government else None)
    if party:
        groups.append((party, "organisation"))
    if member.government:
        groups.append(("Government", "organisation"))
    aliases = tuple(a for a in (member.office,) if a)
    attributes = tuple((k, v) for k, v in (("party", party), ("office", member.office), ("constituency", member.constituency))
                       if v)
    return Holder(member.name, "person", aliases=aliases, member_of=tuple(g for g, _ in groups), member_kinds=tuple(groups),
                  attributes=attributes)


# --------------------------------------------------------------------------- relabelling the structure

def _line_spans(text: str, b: Block) -> list[Span]:
    """The block's lines as document spans (trimmed), so that one block can hold several member-list lines."""
    out = []
    pos = b.start
    for line in text[b.start:b.end].split("\n"):
        a, e = pos, pos + len(line)
        pos = e + 1
        sp = trim_spans(text, [(a, e)])
        out.extend(sp)
    return out


def _speaker_line(line: str) -> tuple[str, str | None, str | None, str | None] | None:
    """(name, party, constituency, office) of a full Hansard speaker line."""
    m = _SPEAKER_LINE.match(line)
    if not m:
        bishop = _BISHOP_LINE.match(line)  # "The Lord Bishop of Carlsford": a bishop's line names no party
        return (bishop.group("name"), PARTIES["bishops"], None, None) if bishop else None
    name, a, b = m.group("name").strip(), (m.group("a") or "").strip(), (m.group("b") or "").strip()
    if len(name.split()) > 14 or re.search(r"[.!?;]\s", re.sub(r"^(?:The\s+)?" + _TITLED, "", name)) or re.match(r"^(?:Clause|New|Amendment|Schedule|Division)\b", name):
        return None
    if b:
        if party_of(b):
            if _OFFICE.search(name) and not re.match(r"^[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+)+$", a):
                return a, party_of(b), None, name  # "The Minister (Jane Smith) (Lab)"
            if _OFFICE.search(name) or name.startswith("The "):
                return a, party_of(b), None, name
            return name, party_of(b), a, None
        return None
    if party_of(a):  # "(Peace Lakes—Grande Butte, CPC)": the riding before the party; "(Minister of Fisheries, Lib.)": the office
        before = a.rsplit(",", 1)[0].strip() if "," in a else None
        if before and _OFFICE.search(before):
            return name, party_of(a), None, before
        return name, party_of(a), before, None
    trailing = re.match(r"^(?P<riding>.+?)\s+(?P<code>[A-Z]{2,4})$", a)
    if trailing and trailing.group("code") in RIDING_PARTIES:  # "(Tessel Valley–Norland PC)"
        return name, RIDING_PARTIES[trailing.group("code")], trailing.group("riding"), None
    if (name.startswith("The ") or _OFFICE.search(name) or CHAIR.match(name)) and re.match(
            r"^" + _TITLED + r"[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,4}$", a):
        return a, None, None, name
    return None


#: a provincial committee's member, as Alberta's Hansard lists them: "Ostrander, Garrett, Taber-Chin Lakes (UC), Chair",
#: "Ambrose, Curtis, Calgary-Nose Creek (UC)"
_RIDING_MEMBER_LINE = re.compile(r"^\s*(?P<surname>[A-Z][\w’'.-]*(?:[\s-][A-Z][\w’'.-]*)*),\s+(?P<forename>[A-Z][\w’'.-]*"
                                 r"(?:\s+[A-Z][\w’'.-]*)*),\s+(?P<riding>[A-Z][^()\n,]{2,60}?)\s+\((?P<code>[A-Z]{2,4})\)"
                                 r"(?:,\s+(?P<office>(?:Deputy\s+|Vice-)?Chair))?\s*$")


def _riding_member(line: str) -> tuple[str, str | None, str | None, str | None] | None:
    """(name, party, riding, office) of an Alberta-style member line, else None."""
    riding = _RIDING_MEMBER_LINE.match(line)
    if riding is None or riding.group("code") not in RIDING_PARTIES:
        return None
    return (f"{riding.group('forename')} {riding.group('surname')}", RIDING_PARTIES[riding.group("code")],
            riding.group("riding"), riding.group("office"))


def _member_line(line: str) -> tuple[str, str | None, str | None, str | None] | None:
    riding = _riding_member(line)
    if riding is not None:
        return riding
    m = _MEMBER_LINE.match(line)
    if not m:
        return None
    name = f"{m.group('forename')} {m.group('surname')}"
    a, b = (m.group("a") or "").strip(), (m.group("b") or "").strip()
    if b and party_of(b):
        return name, party_of(b), a, None
    if a and party_of(a):
        return name, party_of(a), None, None
    if a and _OFFICE.search(a):
        return name, None, None, a
    if a:
        return name, None, a, None
    return None


#: a committee's members present, as British Columbia's Hansard lists them: "Present: Dana Kowalchuk, MLA (Upper Skeel,
#: BC NDP) (Chair); Tyson Vandermeer, MLA (Pellam Valley, BC Conservative) (Deputy Chair); ..."
_PRESENT = re.compile(r"^(?:Members\s+)?Present:\s+(?P<list>.+)$", re.I)
_PRESENT_ENTRY = re.compile(r"(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}),\s+(?:MLA|MPP|MP|MNA|MHA|TD|MSP|MS|MHK)\s+"
                            r"\((?P<riding>[^,()]+),\s+(?P<party>[^()]+)\)")


def read_roster(structure: Structure, roster: Roster) -> set[int]:
    """Read a sitting's members into `roster`: its member list ("† Smith, Jane (Anytown North) (Con)", "Smith, Jane
    (Minister of State, Department for X)") and its full speaker lines. Returns the member list's blocks."""
    text = structure.text
    member_blocks: set[int] = set()
    for b in structure.blocks:
        lines = [(a, e, text[a:e]) for a, e in _line_spans(text, b)]
        if not lines:
            continue
        present = _PRESENT.match(" ".join(text[b.start:b.end].split()))
        if present is not None:  # "Present: Dana Kowalchuk, MLA (Upper Skeel, BC NDP) (Chair); Tyson Vandermeer, MLA (...)"
            for m in _PRESENT_ENTRY.finditer(present.group("list")):
                party = party_of(m.group("party")) or m.group("party").strip()
                roster.listed.add(_bare(roster.add(m.group("name"), party=party, constituency=m.group("riding").strip()).name).casefold())
            member_blocks.add(b.index)
            continue
        parsed = [_member_line(t) for _, _, t in lines]
        if sum(p is not None for p in parsed) >= max(1, len(lines) // 2) and (len(lines) > 1 or "†" in text[b.start:b.end]
                                                                               or b.kind in ("heading", "paragraph")):
            if any(p is not None for p in parsed) and (len(lines) > 1 or _looks_like_member_entry(lines[0][2])):
                for p in parsed:
                    if p is not None:
                        roster.listed.add(_bare(roster.add(p[0], party=p[1], constituency=p[2], office=p[3]).name).casefold())
                member_blocks.add(b.index)
                continue
        tag = _inline_tag(text, b)
        if len(lines) == 1 or tag is not None:
            sp = _speaker_line(tag or lines[0][2])
            if sp is not None:
                roster.add(sp[0], party=sp[1], constituency=sp[2], office=sp[3])
    return member_blocks


#: a motion moved in the record's narrative, its mover's tag first (the House of Commons of Canada): "Hon. Graham
#: Whitlock (Minister of Northern and Arctic Affairs, Lib.) moved that Bill C-58 ... be read the second time ..."
_MOVED_BY = re.compile(r"\s*(?P<tag>(?:Hon\.\s+|Right\s+Hon\.\s+)?(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][\w'’.-]*(?:[\s-][A-Z][\w'’.-]*){0,4}"
                       r"\s*\([^()\n]{2,120}\))\s+moved\s+that\b")
#: the mover's speech after it: "He said: Madam Speaker, ..."
_HE_SAID = re.compile(r"\s*(?:He|She|They)\s+said\s*:\s*")


def _after(segments: list[tuple[int, int]], at: int) -> list[tuple[int, int]]:
    """A block's segments from `at` on (a speaker's tag cut off the front)."""
    return [(max(a, at), e) for a, e in segments if e > at]


def relabel(structure: Structure, roster: Roster) -> None:
    """Read a debate's members into `roster` and relabel its blocks: speaker lines (full, bare and the chair's) open
    turns, and the member list, procedure, clause text and division lists become no one's speech."""
    text = structure.text
    blocks = structure.blocks
    member_blocks = read_roster(structure, roster)
    for b in blocks:
        if b.kind not in ("heading", "paragraph", "speaker", "noise"):
            continue
        line = " ".join(text[b.start:b.end].split())
        if b.index in member_blocks:
            b.kind, b.speaker, b.speaker_note = "members", None, None
            continue
        if b.kind == "noise":
            continue
        moved = _MOVED_BY.match(text, b.start, b.end) if b.kind == "paragraph" and b.speaker_span is None else None
        sp = _speaker_line(moved.group("tag")) if moved is not None else None
        if moved is not None and sp is not None:  # "Hon. Name (Minister of X, Lib.) moved that Bill C-58 ... be read the
            roster.add(sp[0], party=sp[1], constituency=sp[2], office=sp[3])  # second time": the mover's turn opens
            b.speaker, b.speaker_note, b.speaker_span = sp[3] or sp[0], sp[0], (moved.start("tag"), moved.end("tag"))
            b.segments = _after(b.segments, moved.end("tag"))
            said = blocks[b.index + 1] if b.index + 1 < len(blocks) else None
            opened = _HE_SAID.match(text, said.start, said.end) if said is not None and said.speaker_span is None else None
            if said is not None and opened is not None:  # "He said: Madam Speaker, ...": the mover's speech
                said.kind, said.speaker, said.speaker_note, said.speaker_span = "paragraph", b.speaker, b.speaker_note, \
                    (opened.start(), opened.end())
                said.segments = _after(said.segments, opened.end())
            continue
        tag = _inline_tag(text, b)
        if tag is not None:  # "The Deputy Presiding Officer (Lorna Halkett): I call ...", "Jo Bell (Fife) (Lab): I ..."
            sp = _speaker_line(tag)
            if CHAIR.match(tag):  # "The Presiding Officer (Name)": the chair, the name in brackets and all
                b.speaker, b.speaker_note = "The Chair", None
            elif sp is not None:
                b.speaker, b.speaker_note = sp[3] or sp[0], sp[0]
            continue
        single = "\n" not in text[b.start:b.end].strip()
        if not single and b.kind in ("paragraph", "heading") and b.speaker_span is None:
            _split_name_line(text, b, roster)
            if b.speaker_span is not None:  # "Hannah Okafor" / "Will the Minister give way?": a turn, not a heading
                b.kind = "paragraph"
                continue
        sp = _speaker_line(line) if single else None
        if sp is not None:
            b.kind, b.speaker, b.speaker_span = "speaker", sp[3] or sp[0], None
            b.speaker_note = sp[0]
            continue
        if single and CHAIR.match(line):
            b.kind, b.speaker, b.speaker_note, b.speaker_span = "speaker", "The Chair", None, None
            continue
        if single and len(line) <= 80 and roster.find(line) is not None and not line.endswith("."):
            b.kind, b.speaker, b.speaker_note, b.speaker_span = "speaker", line.strip(" :"), None, None
            continue
        if _DIVISION.match(line) or _PROCEDURE.match(line) or _MOTION_ON_BEHALF.search(line):
            b.kind = "procedure"
            b.speaker_span = None
            continue
    if blocks and blocks[0].speaker_span is not None and not roster.find(blocks[0].speaker or ""):
        blocks[0].speaker_span = None  # a title such as "EU MEMBERSHIP: ECONOMIC BENEFITS" is not a turn
    for prev, b in zip(blocks, blocks[1:]):
        if prev.kind == "procedure" and _MOTION_ON_BEHALF.search(" ".join(text[prev.start:prev.end].split())) \
                and text[b.start:b.end].lstrip().startswith("That "):
            b.kind, b.speaker_span = "procedure", None  # the motion's text, not anyone's speech
    _mark_divisions(structure, roster)
    _mark_clause_text(structure)
    for b in blocks:
        if b.kind in ("paragraph", "bullet", "row", "quote") and b.speaker_span is None:
            b.speaker, b.speaker_note = None, None
        if b.kind in ("procedure", "division", "members"):
            b.speaker, b.speaker_note = None, None
    assign_speakers(blocks)
    _nest_question_titles(structure)
    assign_sections(text, blocks)


def _inline_tag(text: str, b: Block) -> str | None:
    """The speaker tag that opens a paragraph on its own line ("Name (Place) (Party):"), as the structure read it."""
    if b.speaker_span is None or b.kind != "paragraph":
        return None
    tag = " ".join(text[b.speaker_span[0]:b.speaker_span[1]].split()).rstrip(" :")
    return tag if "(" in tag else None


def _split_name_line(text: str, b: Block, roster: Roster) -> None:
    """'Jane Smith' (or a full speaker line, or 'The Chair') on the first line of a paragraph opens a turn."""
    lines = _line_spans(text, b)
    if len(lines) < 2:
        return
    a, e = lines[0]
    first = " ".join(text[a:e].split())
    sp = _speaker_line(first)
    name: str | None = None
    if sp is not None:
        name = sp[3] or sp[0]
        roster.add(sp[0], party=sp[1], constituency=sp[2], office=sp[3])
        note: str | None = sp[0]
    elif CHAIR.match(first):
        name, note = "The Chair", None
    elif len(first) <= 80 and not first.endswith(".") and roster.find(first) is not None:
        name, note = first.strip(" :"), None
    if name is None:
        return
    b.speaker, b.speaker_note, b.speaker_span = name, note, (a, e)
    b.segments = [(x, y) for x, y in b.segments if x >= e]


def _looks_like_member_entry(line: str) -> bool:
    if _riding_member(line) is not None:
        return True
    m = _MEMBER_LINE.match(line)
    return bool(m and (m.group("att") or m.group("b") or (m.group("a") and (party_of(m.group("a")) or _OFFICE.search(m.group("a"))))))


def _mark_divisions(structure: Structure, roster: Roster) -> None:
    """Blocks after 'AYES' / 'NOES' that are names (one or several per block) are division-list entries."""
    text = structure.text
    state: str | None = None
    for b in structure.blocks:
        line = " ".join(text[b.start:b.end].split())
        first = text[b.start:b.end].strip().split("\n", 1)[0].strip()  # ("Tá" over its names, in one block)
        if _AYES.match(line) or _AYES.match(first):
            state, b.kind = "ayes", "division"
            continue
        if _NOES.match(line) or _NOES.match(first):
            state, b.kind = "noes", "division"
            continue
        if state is None:
            continue
        if re.match(r"^(?:Tellers?\b|Question accordingly|Division(?: No\.?)?\s*\d|(?:Ayes|Noes)\s*:\s*\d)", line):
            b.kind = "division"
            if line.startswith("Question"):
                state = None
            continue
        names = [text[a:e] for a, e in _line_spans(text, b)]
        if names and all(_is_list_name(n, roster) for n in names):
            b.kind = "division"
            continue
        if names and all(_is_teller(n) for n in names):
            b.kind = "division"  # "Rebecca Thorogood and" / "Nigel Ashbrook" under "Tellers for the Ayes:"
            continue
        state = None


def _is_teller(line: str) -> bool:
    """A teller's name as Hansard prints it: 'Rebecca Thorogood and', 'Nigel Ashbrook'."""
    return bool(re.fullmatch(_TITLED + r"[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3}(?:\s+and)?", line.strip()))


def teller_names(line: str) -> str:
    """'Rebecca Thorogood and' -> 'Rebecca Thorogood'."""
    return re.sub(r"\s+and$", "", line.strip())


#: a division list's heads: Westminster's AYES / NOES, the Dail's Tá / Níl
AYES_LINE = r"^(?:AYES|Ayes|Tá|TÁ)\s*:?\s*$"
NOES_LINE = r"^(?:NOES|Noes|Níl|NÍL)\s*:?\s*$"
_AYES, _NOES = re.compile(AYES_LINE), re.compile(NOES_LINE)


def _is_list_name(line: str, roster: Roster) -> bool:
    line = line.strip().strip("†*").strip().rstrip(".")  # ("Brennan, Aoife." in the Dail's lists)
    if roster.find(line) is not None:
        return True
    return bool(re.match(r"^[A-Z][\w’'.-]+(?:[\s-][A-Z][\w’'.-]+)*,\s+(?:" + _TITLED + r")?[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+)*"
                         r"(?:\s*\([^()]+\))?$", line))


def _mark_clause_text(structure: Structure) -> None:
    """The text of a clause or amendment (quoted, numbered subsections, or 'Page 3, line 10, leave out ...') is not speech."""
    text = structure.text
    for b in structure.blocks:
        if b.kind not in ("paragraph", "bullet", "quote") or b.speaker_span is not None:
            continue
        t = " ".join(text[b.start:b.end].split())
        if re.match(r"^[“\"‘']?\(\d+[A-Za-z]?\)\s", t) or re.match(r"^(?:Page|Clause)\s+\d+,\s+line\s+\d+", t, re.I) \
                or _MOVER_TAG.search(t) or re.match(r"^(?:Member['’]s explanatory statement|This (?:new clause|amendment) "
                                                     r"(?:would|will|seeks|requires))", t, re.I) and b.speaker is None:
            b.kind = "procedure"


def _nest_question_titles(structure: Structure) -> None:
    """'New Clause 4' followed by its title heading: the title sits under it (one section, not two siblings)."""
    blocks = structure.blocks
    text = structure.text
    for i, b in enumerate(blocks[:-1]):
        if b.kind != "heading":
            continue
        t = " ".join(text[b.start:b.end].split())
        if (_NEW_CLAUSE.match(t) or _CLAUSE.match(t)) and blocks[i + 1].kind == "heading":
            blocks[i + 1].level = b.level + 1
