"""Witnesses and whom they speak for, in evidence sessions and inquiry hearings.

A witness called by a committee or an inquiry gives evidence for an organisation, and what the witness says is the
organisation's position. The document says which organisation in one of three places, read in this order:

* a witness list: ``Witnesses: Martin Dale, Chief Executive, Community Pharmacy Contractors' Association; Priya
  Sandhu, ...`` (each entry a name, a role and an organisation; panels as ``I:``, ``II:``, ``Panel 2:``);
* an introduction: ``I am Martin Dale, chief executive of the X``, or the chair's or counsel's ``Mr David Okafor
  of the Flood and Coastal Agency``;
* the examination: ``you give evidence today on behalf of the Agency?``, ``On behalf of the Agency I want to say``.

Names are matched with their titles dropped, and by surname when one witness has it ("Dr Whitlock" is "Dr Graham
Whitlock" of the list).
"""

from __future__ import annotations

import re
from collections import Counter

from ...documents.structure import Structure, in_capitals
from ..stakeholders import ORG_END, Holder, Resolver
from .hansard import CHAIR

_TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Professor|Prof|Sir|Dame|Lord|Lady|Baroness|Councillor|Cllr|Rt Hon|The Rt Hon|Reverend|Rev)"
_TITLES = re.compile(rf"^(?:{_TITLE}\.?\s+)+|\s+(?:MP|KC|QC|MBE|OBE|CBE|FRS|FRCP|MSP|MS|MLA)\b\.?", re.I)
#: a witness list's line: "Witnesses: ...", a panel "I: ...", "Panel 2: ...", "Second panel: ..."
_LIST = re.compile(r"^\s*(?:witness(?:es)?|(?:first|second|third|fourth|fifth)\s+panel|panel\s+\w+|[IVX]{1,4})\s*[:.]\s+(?P<body>.+)$",
                   re.I | re.S)
#: a role, not an organisation: "Chief Executive", "Director of Primary Care", "Minister of State for ..."
_ROLE = re.compile(r"^(?:the\s+)?(?:(?:deputy|assistant|acting|interim|joint|executive|non-executive|senior|chief|principal|"
                   r"national|regional|general|vice|co-|associate|legislative|managing|research|technical|medical|clinical|"
                   r"scientific|programme|program|operations|policy)[\s-]*)*(?:chief executive|executive|director|chair(?:man|woman)?|"
                   r"president|secretary|general secretary|manager|head|minister|registrar|officer|lead|adviser|advisor|"
                   r"member|trustee|founder|partner|professor|fellow|consultant|governor|commissioner|inspector|"
                   r"convenor|spokesperson|coordinator|co-ordinator|engineer|researcher|leader|councillor|clerk|counsel|"
                   r"solicitor|barrister|administrator|controller|treasurer|owner|volunteer|campaigner|policy|mayor|reeve|warden|"
                   r"dean|analyst|economist|scientist|specialist|representative|spokes(?:man|woman)|planner|lawyer|"
                   r"attorney|physician)\b", re.I)
#: a name that opens with the kind of body it is: "Department for Transport", "University of Leeds"
_ORG_START = re.compile(r"^(?:(?:Royal|National|British)\s+)?(?:Department|Ministry|Office|University|Institute|Institution|College|"
                        r"Council|Commission|Agency|Board|Society|Association|Federation|Union|Confederation|Chamber|Trust|"
                        r"Foundation|Centre|Center|Bank|Authority|Academy|School|Faculty|Directorate|Inspectorate|Service)\s+(?:of|for)\s+[A-Z]")
#: a body's kind inside its name: "International Association of Equipment Technicians"
_ORG_INNER = re.compile(r"\b(?:Association|Council|Federation|Union|Society|Institute|Center|Centre|Department|Alliance|"
                        r"Coalition|Network|Board|Commission|Agency|Bureau|Foundation|Trust|League|Chamber|Confederation|"
                        r"Organi[sz]ation|College|University)\s+(?:of|for)\s+[A-Z]")
#: a local government or a First Nation: "County of Wetherby No. 14", "Town of Glenarden", "Willow Bend Cree Nation"
_LOCAL_BODY = re.compile(r"^(?:(?:Regional|Rural|Summer)\s+)?(?:County|Municipal\s+District|Municipality|Town|Township|City|"
                         r"Village|District|Region|Borough)\s+of\s+[A-Z]|[A-Z][\w'’-]*\s+(?:(?:First|Cree|Dene|Métis)\s+)?Nation$")
_INTRO = re.compile(r"\b(?:I am|I'm|I’m|my name is)\s+(?:(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}),\s+"
                    r"(?:and\s+I(?:\s+am|['’]m)\s+)?)?(?:the\s+|an?\s+)?"
                    r"(?P<role>[a-z][\w -]{2,60}?)\s+(?:of|at|for|with)\s+(?P<org>(?:the\s+)?[A-Z][^,.;:()]{2,100}?)"
                    r"(?=\s*(?:[,.;:(]|\s+which\b|\s+and\s+I\b|$))")
_NAMED_OF = re.compile(rf"\b(?P<name>{_TITLE}\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,3}})(?:,\s+[^,.;]{{2,60}},)?\s+"
                       r"(?:of|from)\s+(?P<org>(?:the\s+)?[A-Z][^,.;:()]{2,100}?)(?=\s*(?:[,.;:(]|\s+and\s+(?:[a-z]|"
                       rf"{_TITLE}\b)|\s+who\b|$))")
_BEHALF = re.compile(r"\bon behalf of\s+(?P<org>(?:the\s+)?[A-Z][^,.;:?()]{2,100}?)(?=\s*(?:[,.;:?(]|\s+and\s+(?:[a-z]|I\b|we\b)|\s+(?:I|we|that|to)\b|$))")


#: a congressional hearing's heading over one statement: "STATEMENT OF THOMAS BREKKE, PRESIDENT, HEARTLAND FAMILY
#: FARMERS UNION, SIOUX FALLS, SOUTH DAKOTA" (a witness, whose organisation follows the role), "OPENING STATEMENT OF
#: HON. GORDON ASHBY, U.S. SENATOR FROM THE STATE OF KANSAS" (a member)
STATEMENT_OF = re.compile(r"^\s*(?:(?:opening|prepared|joint)\s+)?(?:statement|testimony)\s+of\s+(?P<body>.+)$", re.I | re.S)
_MEMBER = re.compile(r"^(?:(?:the\s+)?hon(?:\.|orable)?\s+)?(?P<name>[A-Z][^,]{2,60}),\s+(?:a\s+)?(?:U\.\s?S\.\s+)?(?:senator|"
                     r"representative|delegate|congress(?:wo)?man|member\s+of\s+congress)\b", re.I)


def untitled(text: str) -> str:
    """A name set in capitals, in title case with its small words lower ('THE X GROUP OF Y' -> 'The X Group of Y')."""
    if not in_capitals(text):  # ("HELEN MARCHETTI, Ph.D., ..." is in capitals)
        return text
    return re.sub(r"\b(Of|And|The|For|On|In|To)\b", lambda w: w.group(1).lower(), text.title()).replace("'S ", "'s ")


def bare_name(label: str) -> str:
    """'MR DAVID OKAFOR' -> 'david okafor'; 'Karen Lowther MP' -> 'karen lowther'."""
    return " ".join(_TITLES.sub(" ", " ".join(label.split())).split()).casefold().strip(" .,:")


def witness_name(subject: str) -> str | None:
    """The person a subject phrase names with a title ('Ms Marchetti of the Council' -> 'Ms Marchetti'), else None."""
    m = re.match(rf"^\s*(?:the\s+)?(?P<name>{_TITLE}\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,3}})\b", subject)
    return m.group("name") if m else None


class Witnesses:
    """The organisations the witnesses of one document speak for, by name."""

    def __init__(self) -> None:
        self.by_name: dict[str, Holder] = {}
        self._by_surname: dict[str, set[str]] = {}

    def add(self, name: str, org: Holder) -> None:
        """Record the organisation a witness speaks for; the first one found for a name stands."""
        key = bare_name(name)
        if not key or key in self.by_name:
            return
        self.by_name[key] = org
        self._by_surname.setdefault(key.split()[-1], set()).add(key)

    def of(self, speaker: str | None) -> Holder | None:
        """The organisation a speaker (a turn's label) speaks for, else None."""
        if not speaker:
            return None
        key = bare_name(speaker)
        if key in self.by_name:
            return self.by_name[key]
        full = self._by_surname.get(key.split()[-1], set()) if key else set()
        return self.by_name[next(iter(full))] if len(full) == 1 else None

    def called(self, first: str) -> Holder | None:
        """The organisation of the one witness a first name alone calls ("we part ways with Gordon"), else None."""
        word = first.strip().casefold()
        found = {id(org): org for key, org in self.by_name.items() if len(key.split()) > 1 and key.split()[0] == word}
        return next(iter(found.values())) if len(found) == 1 else None

    def __len__(self) -> int:
        return len(self.by_name)


def is_role(text: str) -> bool:
    """Whether a phrase names a post ("Mayor", "National Legislative Director", "President and Chief Executive
    Officer"), not a body."""
    return _ROLE.match(text.strip()) is not None


def organisation_named(text: str, resolver: Resolver) -> Holder | None:
    """The organisation a phrase names ('the Flood and Coastal Agency'), else None (a role, a place, a subject)."""
    text = " ".join(text.split()).strip(" .,;")
    core = re.sub(r"^the\s+", "", text, flags=re.I)
    if not core or _ROLE.match(core):
        return None
    entry = resolver.lexicon.lookup(core)
    if entry is not None:
        return resolver._from_entry(entry, None)
    if core in resolver.acronyms:
        return Holder(resolver.acronyms[core], "organisation", (core,))
    if (ORG_END.search(core) or _ORG_START.match(core) or _ORG_INNER.search(core) or _LOCAL_BODY.search(core)) and core[:1].isupper() \
            and len(core.split()) <= 10:
        return Holder(core, "organisation")
    return None


def _entry(entry: str, resolver: Resolver) -> tuple[str, Holder] | None:
    """'Dr Graham Whitlock, Chief Executive and Registrar, Pharmacy Standards Council' -> (name, organisation); also
    'Gordon Feddersen (President and CEO, Mineral Producers Association of B.C.)', 'Chief Rena Michel (Antler Lake First
    Nation)': the body the brackets end with."""
    bracketed = re.fullmatch(r"(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,4})\s+\((?P<inside>[^()]{3,160})\)", entry.strip(" ;"))
    if bracketed is not None:
        inside = [p.strip() for p in bracketed.group("inside").split(",") if p.strip()]
        if len(inside) >= 2 and re.fullmatch(r"Local\s+\d+", inside[-1]):  # "Northern Mine and Mill Workers, Local 1927"
            inside[-2:] = [f"{inside[-2]}, {inside[-1]}"]
        body = inside[-1] if inside else ""
        member = re.match(r"(?:Representative|Senator|Rep\.|Sen\.|Delegate|Assembly\w*|Councilm\w+)\s", bracketed.group("name"))
        seat = re.search(r"^(?:[DRI]|Dem|Rep|Ind)-|\bDistrict\s+\d|^[A-Z]{1,4}$", body)  # ("(D-District 7)": a member's seat)
        if body and not is_role(body) and body[:1].isupper() and member is None and seat is None:
            body_org = organisation_named(body, resolver) or Holder(body, "organisation")
            if re.search(r"\b[A-Z]\.[A-Z]\.$", body) and body_org.label == body.rstrip("."):
                body_org = Holder(body, body_org.kind, body_org.aliases)  # ("... of B.C.": its last full stop is its own)
            return bracketed.group("name"), body_org
        return None
    parts = [p.strip() for p in re.split(r",\s*", entry.strip(" .;")) if p.strip()]
    if len(parts) < 2:
        return None
    name = parts[0]
    if not re.match(r"^[A-Z]", name) or len(name.split()) > 7:
        return None
    for part in parts[1:]:
        org = organisation_named(part, resolver)
        if org is not None:
            return name, org
    for part in parts[1:]:  # "Chief Executive of the Homecare Association"
        m = re.search(r"\s(?:of|at|for)\s+(?P<org>(?:the\s+)?[A-Z].+)$", part)
        org = organisation_named(m.group("org"), resolver) if m and _ROLE.match(part) else None
        if org is not None:
            return name, org
    return None


def read_witnesses(structure: Structure, resolver: Resolver) -> Witnesses:
    """The witnesses of a transcript and the organisations they speak for (see the module docstring)."""
    witnesses = Witnesses()
    answering = answerers(structure)
    for b in structure.blocks:
        if b.speaker or b.kind not in ("paragraph", "heading", "bullet"):
            continue
        m = _LIST.match(" ".join(structure.view(b).text.split()))
        if m is None:
            continue
        body = m.group("body")
        entries = body.split(";") if ";" in body else re.split(r",\s+and\s+|\s+and\s+(?=(?:%s)\.?\s)" % _TITLE, body)
        for entry in entries:
            entry = re.sub(r"^\s*and\s+", "", entry).strip(" ;.")
            found = _entry(entry, resolver)
            if found is None and ";" in body and _PERSON_ALONE.fullmatch(entry):
                found = (entry, Holder(entry, "person"))  # "...; Wes Pelletier": a witness for themselves
            if found is not None:
                witnesses.add(*found)
    _listed_under_heading(structure, resolver, witnesses)
    _chair_introductions(structure, resolver, witnesses)
    _presenter_headings(structure, resolver, witnesses)
    _appearances(structure, resolver, witnesses)
    _surname_entries(structure, resolver, witnesses)
    _statement_headings(structure, resolver, witnesses)
    if not answering and not witnesses:
        return witnesses
    speakers = answering | {s for s in (b.speaker for b in structure.blocks) if s and witnesses.of(s) is not None}
    for b in structure.blocks:
        if not b.speaker or b.question or b.speaker not in speakers:
            continue
        text = structure.view(b).text
        m = _INTRO.search(text[:400])
        if m is not None and (m.group("name") is None or bare_name(m.group("name")).split()[-1] in bare_name(b.speaker)):
            org = organisation_named(m.group("org"), resolver)
            if org is not None:
                witnesses.add(b.speaker, org)
    for b in structure.blocks:
        if not b.speaker:
            continue
        for m in _NAMED_OF.finditer(structure.view(b).text):
            name = m.group("name")
            if any(bare_name(name).split()[-1] in bare_name(s).split() for s in speakers if s != b.speaker):
                org = organisation_named(m.group("org"), resolver)
                if org is not None:
                    witnesses.add(name, org)
    # the examination: "you give evidence on behalf of the Agency?" put to the witness, or said by them
    for k, b in enumerate(structure.blocks):
        if not b.speaker or b.question or b.speaker not in speakers or witnesses.of(b.speaker) is not None:
            continue
        before = structure.blocks[k - 1] if k else None
        texts = [structure.view(b).text]
        if before is not None and before.question:
            texts.insert(0, structure.view(before).text)
        for text in texts:
            m = _BEHALF.search(text)
            org = organisation_named(m.group("org"), resolver) if m else None
            if org is not None:
                org = _full(org, witnesses)
                witnesses.add(b.speaker, org)
                break
    return witnesses


#: the title of a list of those who give evidence: "Witnesses", "Submitters", "Presenters", "Oral submissions"
_LIST_TITLE = re.compile(r"(?:the\s+)?(?:witness(?:es)?|submitters|presenters|oral\s+submissions|submissions\s+heard|those\s+appearing)"
                         r"(?:\s+(?:list|appearing|present|heard))?", re.I)
#: a list entry that names the body first and its witness in brackets: "Plantation Forestry Council of New Zealand
#: (Hamish Reddaway, chief executive)"
_BODY_FIRST = re.compile(r"^(?P<body>[A-Z][^()]{2,120}?)\s+\((?P<name>(?:(?:Dr|Mr|Mrs|Ms|Miss|Professor|Prof|Sir|Dame)\.?\s+)?"
                         r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})(?:,\s*[^()]{2,80})?\)$")


_PERSON_ALONE = re.compile(r"(?:(?:Dr|Mr|Mrs|Ms|Miss|Professor)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}")


def _listed_under_heading(structure: Structure, resolver: Resolver, witnesses: Witnesses) -> None:
    """A witness list set out line by line under a title of its own: a heading ("Witnesses", then "Gareth Pilling, Chief
    Executive, Water Providers Association", as Hansard prints a Public Bill Committee's oral evidence), or the list's
    first line ("Submitters", then "Plantation Forestry Council (Hamish Reddaway, chief executive)", or a submitter's
    name alone, who speaks for themselves)."""
    for b in structure.blocks:
        if b.speaker and b.speaker_span is not None or b.kind not in ("paragraph", "bullet", "heading", "speaker"):
            continue
        lines = [" ".join(ln.split()) for ln in structure.text[b.start:b.end].split("\n") if ln.strip()]
        if len(lines) >= 3 and _LIST_TITLE.fullmatch(lines[0].strip(" :")) and \
                all(_BODY_FIRST.match(ln) or _PERSON_ALONE.fullmatch(ln) for ln in lines[1:]):
            for line in lines[1:]:  # the list's own first line: "Submitters", then one entry a line
                _list_entry(line, resolver, witnesses)
        elif b.kind in ("paragraph", "bullet") and b.section and _LIST_TITLE.fullmatch(b.section[-1].strip(" :")):
            _list_entry(" ".join(structure.view(b).text.split()), resolver, witnesses)  # one entry a paragraph
    _listed_a_line_a_block(structure, resolver, witnesses)


#: an entry that names someone who appears for themselves: "Elsie Vandergriff, private citizen"
_FOR_THEMSELVES = re.compile(r"^(?P<name>[A-Z][^,]{2,60}),\s+(?:an?\s+)?(?:private\s+citizen|individual|resident|"
                             r"(?:appearing\s+)?on\s+(?:his|her|their)\s+own\s+behalf|for\s+(?:him|her|them)sel(?:f|ves))$", re.I)


def _listed_a_line_a_block(structure: Structure, resolver: Resolver, witnesses: Witnesses) -> None:
    """A list whose title and entries are blocks of one line each, as a transcript's front matter runs when no blank
    line parts them (Alberta Hansard): "Presenters", then "Dale Okafor, President, Alberta Public Technologists' Union",
    ..., "Elsie Vandergriff, private citizen". The list ends at the first line that is no such entry ("Support Staff");
    a line between entries that reads as a heading is still an entry. (A ministry's officials listed so, "Ministry of X
    Participant" over "Dr. Y, Assistant Deputy Minister", are left as themselves: read as the ministry's witnesses,
    the held-out provincial hearings lost 0.10 precision.)"""
    blocks = structure.blocks
    for k, b in enumerate(blocks):
        if b.speaker or b.kind not in ("heading", "paragraph") or "\n" in structure.text[b.start:b.end].strip() or \
                not _LIST_TITLE.fullmatch(" ".join(structure.view(b).text.split()).strip(" :")):
            continue
        for nb in blocks[k + 1:k + 40]:
            line = " ".join(structure.view(nb).text.split())
            if nb.speaker or nb.kind not in ("heading", "paragraph") or "\n" in structure.text[nb.start:nb.end].strip() or \
                    "," not in line:
                break
            alone = _FOR_THEMSELVES.match(line.strip(" ."))
            if alone is not None and _PERSON_ALONE.fullmatch(alone.group("name")):
                witnesses.add(alone.group("name"), Holder(" ".join(_TITLES.sub(" ", alone.group("name")).split()), "person"))
            elif not _list_entry(line, resolver, witnesses):
                break


def _list_entry(line: str, resolver: Resolver, witnesses: Witnesses) -> bool:
    """One entry of a witness list set out line by line (:func:`_listed_under_heading`); True if it was one."""
    if ";" in line or ":" in line or _LIST.match(line):  # a panel's list ("I: Martin Dale, ...; Priya Sandhu, ..."): read above
        return False
    found = _entry(line, resolver)
    parts = [p.strip() for p in line.strip(" .").split(",")]
    if found is None and len(parts) >= 3 and is_role(parts[1]) and len(parts[0].split()) <= 5:
        body = _body_last(parts[1:], resolver)  # "Dr Amara Wilcox, Chief Executive, Water Customers' Voice"
        found = (parts[0], body) if body is not None else None
    first = _BODY_FIRST.match(line) if found is None else None
    if first is not None and not is_role(first.group("body")):
        found = (first.group("name"), organisation_named(first.group("body"), resolver) or Holder(first.group("body"), "organisation"))
    elif found is None and _PERSON_ALONE.fullmatch(line) and not ORG_END.search(line):
        found = (line, Holder(" ".join(_TITLES.sub(" ", line).split()), "person"))  # an individual, for themselves
    if found is not None:
        witnesses.add(*found)
    return found is not None


#: a witness's entry with the surname first in capitals (Australian committee Hansard): "HOLLOWAY, Mr Garrick, Chief
#: Executive Officer, Broadacre Growers Federation of Australia", "TREGEAR, Mr Wade, Chair, Inland Cotton Growers Council
#: [by video link]"
_SURNAME_ENTRY = re.compile(rf"^\s*(?P<surname>[A-Z][A-Z'’-]+(?:[ -][A-Z][A-Z'’-]+)?),\s+(?P<title>{_TITLE})\.?\s+"
                            r"(?P<given>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}),\s+(?P<rest>[^\n]{3,240}?)\s*(?:\[[^\]]*\])?\s*$")


def _surname_entries(structure: Structure, resolver: Resolver, witnesses: Witnesses) -> None:
    """Witness entries that give the surname first ("HOLLOWAY, Mr Garrick, Chief Executive Officer, Broadacre Growers
    Federation of Australia"): the body is the entry's last part, as the form has it (role first, then the body)."""
    for b in structure.blocks:
        if b.speaker and b.speaker_span is not None:
            continue
        m = _SURNAME_ENTRY.match(" ".join(structure.view(b).text.split()))
        if m is None:
            continue
        org = _body_last([p.strip() for p in m.group("rest").split(",") if p.strip()], resolver)
        if org is not None:
            surname = untitled(m.group("surname")) if in_capitals(m.group("surname")) else m.group("surname")
            witnesses.add(f"{m.group('title')} {m.group('given')} {surname}", org)


#: a witness as a chair calls them: "Marie-Claude Ouellet", "Ms Haldane", "Reeve Brouwer", "Dr. Venkataraman"
_CALLED = (r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Professor|Chief|Grand\s+Chief|Mayor|Reeve)\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}|"
           r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?(?:\s+[A-Z][\w'’-]+){1,3})")
#: a body's name as a chair says it: "the Atlantic Fishing Harvesters Association", "the Mineral Producers Association of
#: B.C." (an abbreviation's last stop its own)
_BODY_CALLED = (r"(?:the\s+)?[A-Z][\w'’&-]*(?:\.[\w'’&-]+)*(?:(?<=\.[A-Z])\.)?(?:\s+(?:of|for|and|the|on|in|de|du|des|"
                r"[A-Z][\w'’&-]*(?:\.[\w'’&-]+)*(?:(?<=\.[A-Z])\.)?)){0,10}")
#: a chair's introduction of a witness by body: "from the Atlantic Fishing Harvesters Association, we have Marie-Claude
#: Ouellet, Director of Policy", "and, from Safe Rails Canada, Ms. Dana Price"
_INTRODUCES = r"(?:we\s+(?:have|welcome|are\s+joined\s+by|will\s+hear\s+from)|(?:I|we)\s+(?:would\s+like\s+to\s+)?welcome)\s+"
_FROM_BODY = re.compile(r"\bfrom\s+(?P<org>" + _BODY_CALLED + r")(?:,\s+(?:" + _INTRODUCES + r")?|\s+" + _INTRODUCES + r")"
                        r"(?P<name>" + _CALLED + r")(?=,|\s+(?:and|who)\b|\.|;|$)")
#: the chair's call of the next presenter by body, then by name: "We'll now hear from the County of Wetherby. Reeve
#: Brouwer.", "Next is the Bow-Oldman Rivers Coalition. Dr. Venkataraman."
_CALL_BODY = re.compile(r"\b(?i:next\s+(?:is|we\s+have)|(?:we['’]ll|we\s+will)\s+(?:now\s+)?hear\s+(?:first\s+|next\s+)?from|(?:our\s+)?"
                        r"(?:next|first|last)\s+presenter\s+is)\s+(?P<org>" + _BODY_CALLED + r")\.\s+(?P<name>" + _CALLED + r")\.")
#: the same call by name, then by body: "Our next presenter is Dana Ellis from the Alberta Beekeepers Commission."
_CALL_NAME = re.compile(r"\b(?i:next\s+(?:is|we\s+have)|(?:we['’]ll|we\s+will)\s+(?:now\s+)?hear\s+(?:first\s+|next\s+)?from|(?:our\s+)?"
                        r"(?:next|first|last|final)\s+(?:presenter|witness|submitter|speaker)\s+(?:is|will\s+be)|please\s+welcome|"
                        r"I['’]d\s+like\s+to\s+welcome)\s+(?P<name>" + _CALLED + r"),?\s+(?:[a-z][\w'’-]*\s+){0,4}?(?i:of|from|with|"
                        r"representing|on\s+behalf\s+of)\s+(?P<org>" + _BODY_CALLED + r")(?=[.,;]|\s+(?:who|and)\b|$)")


def _chair_introductions(structure: Structure, resolver: Resolver, witnesses: Witnesses) -> None:
    """The chair's introduction of each witness by body ("For our first panel, from the Atlantic Fishing Harvesters
    Association, we have Marie-Claude Ouellet, Director of Policy", as the Senate of Canada's committees introduce them;
    "We'll now hear from the County of Wetherby. Reeve Brouwer.", as a provincial committee calls its presenters): the
    witness speaks for the body, where it is one (a place is not)."""
    for b in structure.blocks:
        if not b.speaker or not CHAIR.match(b.speaker.strip(" .:")):
            continue
        text = " ".join(structure.view(b).text.split())
        for m in [*_FROM_BODY.finditer(text), *_CALL_BODY.finditer(text), *_CALL_NAME.finditer(text)]:
            org_text = m.group("org")
            org = organisation_named(org_text, resolver) or (Holder(re.sub(r"^the\s+", "", org_text), "organisation")
                                                             if len(org_text.split()) >= 3 and not is_role(org_text) else None)
            if org is not None and witnesses.of(m.group("name")) is None:
                witnesses.add(m.group("name"), org)


def _presenter_headings(structure: Structure, resolver: Resolver, witnesses: Witnesses) -> None:
    """A legislature's public hearings print each presenter's organisation as a heading in capitals ("AGGREGATE
    PRODUCERS OF ONTARIO", "TOWNSHIP OF GLENARDEN") over the chair's call and the presentation: the first speaker
    under it other than the chair speaks for it, where the heading names an organisation or the chair calls it by that
    name, and two headings or more do so."""
    found: list[tuple[str, Holder]] = []
    blocks = structure.blocks
    for k, h in enumerate(blocks):
        if h.kind != "heading":
            continue
        line = " ".join(structure.view(h).text.split())
        if not in_capitals(line, 6) or len(line.split()) > 12:
            continue
        name = untitled(line)
        org = organisation_named(name, resolver)
        called = False  # the chair calls it by name: "Our next presenter is the Township of Glenarden."
        for b in blocks[k + 1:k + 8]:
            if b.kind == "heading":
                break
            if b.speaker and CHAIR.match(b.speaker):
                called = called or name.casefold() in " ".join(structure.view(b).text.split()).casefold()
            elif b.speaker and b.speaker_span is not None:
                if (org is not None or called) and bare_name(b.speaker) != name.casefold():  # (not an individual's own
                    found.append((b.speaker, org or Holder(name, "organisation")))       # name over their turn)
                break
    if len(found) >= 2:
        for speaker, body in found:
            if witnesses.of(speaker) is None:
                witnesses.add(speaker, body)


def _body_last(parts: list[str], resolver: Resolver) -> Holder | None:
    """The body an entry's parts end with, role first ("Chief Executive Officer", "Broadacre Growers Federation"): one
    the resolver knows as an organisation, else the last part itself where it is a name and not a role."""
    last = parts[-1] if parts else ""
    return organisation_named(last, resolver) or (Holder(last, "organisation") if len(parts) >= 2 and last[:1].isupper()
                                                  and not is_role(last) and len(last.split()) <= 10 else None)


def _statement_headings(structure: Structure, resolver: Resolver, witnesses: Witnesses) -> None:
    """A congressional hearing's statement headings: a witness's organisation, by the witness's name; a member's own
    statement, by the tag of the member who makes it (the chair's "The Chairman." included)."""
    blocks = structure.blocks
    for k, b in enumerate(blocks):
        found = statement_holder(structure.view(b).text, resolver) if b.kind == "heading" else None
        if found is None:
            continue
        name, holder, member = found
        if holder.kind == "person" and not member:
            continue  # "STATEMENT OF KATERI CALLAHAN": whom she speaks for, her introduction says
        witnesses.add(name, holder)
        tag = next((x.speaker for x in blocks[k + 1:k + 4] if x.speaker), None)
        if member and tag is not None and CHAIR.match(tag.strip(" .:")):  # the chair who makes it is that member
            witnesses.add(tag, holder)


#: a transcript's list of who appeared: "APPEARANCES", "ALSO PRESENT", one "NAME, Role, Organisation" a line
_APPEARANCES = re.compile(r"^\s*(?:appearances|also\s+present|testifying)\s*:?\s*$", re.I)  # ("Witnesses:": _LIST)


def _appearances(structure: Structure, resolver: Resolver, witnesses: Witnesses) -> None:
    """Each line under an "APPEARANCES" heading that names a person, a role and an organisation: a witness."""
    blocks = structure.blocks
    for k, b in enumerate(blocks):
        if not _APPEARANCES.match(" ".join(structure.view(b).text.split())):
            continue
        for nb in blocks[k + 1:k + 40]:
            if nb.speaker or nb.kind == "heading" and _APPEARANCES.match(" ".join(structure.view(nb).text.split())) is None:
                break
            for a, e in nb.segments:
                line = untitled(" ".join(structure.text[a:e].split()))
                found = _entry(line, resolver)
                parts = [p.strip() for p in line.split(",")]
                if found is None and len(parts) >= 3 and _ROLE.match(parts[1]) and re.match(r"(?:the\s+)?[A-Z]", parts[2]):
                    found = parts[0], Holder(re.sub(r"^the\s+", "", parts[2], flags=re.I), "organisation")  # "Tenants United"
                if found is not None:
                    witnesses.add(*found)


def statement_holder(heading: str, resolver: Resolver) -> tuple[str, Holder, bool] | None:
    """(the speaker's name, whom they speak for, whether a member) of a statement heading: the witness and their
    organisation (or themselves, where none is named), or the member and themselves; None for any other heading."""
    m = STATEMENT_OF.match(" ".join(heading.split()))
    if m is None:
        return None
    body = untitled(m.group("body").strip(" ."))
    member = _MEMBER.match(body)
    if member is not None:
        name = re.sub(r"^(?:the\s+)?hon(?:\.|orable)?\s+", "", member.group("name"), flags=re.I).strip()
        return name, Holder(name, "person"), True
    found = _entry(body, resolver)
    if found is None and re.fullmatch(r"(?:(?:%s)\.?\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}" % _TITLE, body):
        return body, Holder(bare_name(body).title(), "person"), False  # "Prepared Statement of Thomas Brekke"
    return (*found, False) if found is not None else None


def answerers(structure: Structure) -> set[str]:
    """The speakers who answer questions: two or more of their turns follow a question ("Q12 Mr Patel: ...", "Q. ...")."""
    answers: Counter[str] = Counter()
    previous = None
    for b in structure.blocks:
        if b.speaker and (b.speaker_span is not None or b.kind == "speaker"):
            if previous is not None and previous.question and not b.question and b.speaker != previous.speaker:
                answers[b.speaker] += 1
            previous = b
    return {s for s, k in answers.items() if k >= 2}


def _full(org: Holder, witnesses: Witnesses) -> Holder:
    """'Agency' -> the 'Flood and Coastal Agency' already named, when one known organisation ends with it."""
    short = org.label.casefold()
    known = {h.label: h for h in witnesses.by_name.values() if h.label.casefold().endswith(" " + short)}
    return next(iter(known.values())) if len(known) == 1 else org
