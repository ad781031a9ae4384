"""One ParlaMint sitting rendered as Hansard text, with the roster of its speakers on its date.

The Document text is produced here and every offset indexes it: each agenda item (``<head>``) a heading,
each utterance a speaker line of its own (``Name (Party)``, ``Office (Name)`` for a member of the
government, ``Speaker (Name)`` or ``The Chair (Name)`` from the chair) and then its ``<seg>``
paragraphs. Hints tell the structure parser what is what: headings are headings, and each paragraph is a
paragraph of its own (a short question is not a heading, a paragraph that stops mid-sentence is not a
page break). A div without a head after an agenda item opens a section named "Untitled debate section"
(the ParlaMint samples cut sittings short), not a continuation of the item before it. Transcriber notes,
gaps, incidents and utterances with no ``who`` are not speech and are left out.
"""

from __future__ import annotations

import hashlib
import logging
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from ....graph.model.records import Document, new_document
from ...documents.reader import Hint
from ...documents.safexml import Xml
from ...extract.genres.hansard import Member, Roster
from .people import People, Speaker, party_label
from .tei import XML_ID, clean, corpus_prefix, english, local_name, tei

#: elements inside an utterance that are not speech: transcriber comments, page breaks, syntax links
NOT_SPEECH = {"note", "gap", "vocal", "kinesic", "incident", "pb", "desc", "time", "linkGrp", "link", "anchor",
              "milestone", "media"}
#: the longest speaker line the debate reader takes on its own (see debate.read_debate)
MAX_SPEAKER_LINE = 80
UNTITLED = "Untitled debate section"

log = logging.getLogger(__name__)


@dataclass
class SittingRoster(Roster):
    """A Roster that also knows each speaker line the sitting was rendered with, so no line is left to guesswork."""

    lines: dict[str, Member] = field(default_factory=dict)  # speaker line, casefolded -> the member

    def find(self, text: str) -> Member | None:
        found = self.lines.get(" ".join(text.split()).strip(" :").casefold())
        return found if found is not None else super().find(text)


@dataclass(frozen=True)
class Turn:
    """One utterance as rendered: who speaks, and where its speaker line and paragraphs lie in the text."""

    utterance: str  # the <u>'s xml:id
    speaker: Speaker
    member: Member  # the speaker as the roster holds them (name, party label, office)
    chair: bool  # spoken from the chair (ana="#chair"): the chair holds no position
    line: tuple[int, int]
    paragraphs: tuple[tuple[int, int], ...]
    section: tuple[str, ...]


@dataclass
class Sitting:
    """One sitting: the Document (its text rendered from the TEI), the structure hints, the turns and the roster."""

    document: Document
    hints: tuple[Hint, ...]
    turns: list[Turn]
    roster: SittingRoster
    corpus: str  # "ParlaMint-GB"
    skipped: int = 0  # utterances with no @who or no words


class _Writer:
    """Blocks of text separated by blank lines, with the offsets of each."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.hints: list[Hint] = []

    def block(self, text: str, kind: str, level: int = 0) -> tuple[int, int]:
        """Add a block with its hint (heading, paragraph) and return its span."""
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        self.hints.append(Hint(start, self.length, kind, level))
        return start, self.length

    def text(self) -> str:
        return "".join(self.parts) + "\n"


class _Speech:
    """The words of a <seg> (or of a .ana sentence of <w> and <pc> tokens), comments left out."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.glued = False  # the last token joins the next one (join="right")

    def put(self, text: str | None) -> None:
        if not text:
            return
        if text.isspace():
            if not self.glued:
                self.out.append(" ")
            return
        self.out.append(text)
        self.glued = False

    def walk(self, el: ET.Element) -> None:
        local = local_name(el)
        if local in ("w", "pc"):
            self.put(el.text)
            if el.get("join") == "right":
                self.glued = True
            else:
                self.out.append(" ")
        elif local not in NOT_SPEECH:
            self.put(el.text)
            for child in el:
                self.walk(child)
                self.put(child.tail)
            return
        else:
            self.out.append(" ")

    def text(self) -> str:
        return " ".join("".join(self.out).split())


def speech_text(el: ET.Element) -> str:
    s = _Speech()
    s.put(el.text)
    for child in el:
        s.walk(child)
        s.put(child.tail)
    return s.text()


def _speaker_line(speaker: Speaker, member: Member, label: str | None, chair: bool) -> str:
    name = member.name
    if chair:
        return f"{(speaker.chair or 'The Chair').split(',')[0]} ({name})"
    candidates = []
    if speaker.office:
        candidates.append(f"{speaker.office} ({name})")
    if label:
        candidates.append(f"{name} ({label})")
    candidates.append(name)
    return next((c for c in candidates if len(c) <= MAX_SPEAKER_LINE and not c.endswith(".")), candidates[-1])


def _sitting_meta(xml: Xml) -> tuple[str, str, str, str | None, str | None]:
    """(xml:id, title, date, uri, publisher) from a sitting's teiHeader."""
    root = xml.root
    ident = root.get(XML_ID) or xml.path.name
    header = root.find(tei("teiHeader"))
    if header is None:
        raise xml.error("a ParlaMint sitting without a <teiHeader>", root)
    titles = header.findall(f"{tei('fileDesc')}/{tei('titleStmt')}/{tei('title')}")
    main = [t for t in titles if t.get("type") == "main"] or titles
    title = clean(getattr(english(main), "text", None)) or ident
    date = None
    for path in (f"{tei('profileDesc')}/{tei('settingDesc')}/{tei('setting')}/{tei('date')}",
                 f"{tei('fileDesc')}/{tei('sourceDesc')}/{tei('bibl')}/{tei('date')}"):
        for d in header.findall(path):
            date = d.get("when") or d.get("from")
            if date:
                break
        if date:
            break
    if not date or not re.match(r"^\d{4}-\d{2}-\d{2}", date):
        raise xml.error("the sitting has no date (teiHeader settingDesc/setting/date/@when)", header, field="date")
    idnos = header.findall(f"{tei('fileDesc')}/{tei('sourceDesc')}/{tei('bibl')}/{tei('idno')}")
    uris = [i for i in idnos if i.get("type") == "URI" and clean(i.text)]
    uri = next((i for i in uris if i.get("subtype") == "parliament"), uris[0] if uris else None)
    pub = header.find(f"{tei('fileDesc')}/{tei('sourceDesc')}/{tei('bibl')}/{tei('publisher')}")
    return ident, title, date[:10], clean(uri.text) if uri is not None else None, \
        clean("".join(pub.itertext())) or None if pub is not None else None


def _distinct_names(speakers: dict[str, Speaker]) -> dict[str, str]:
    """Each speaker's name in the sitting: the short name; the full name where two share it; then the id as well."""
    names = {pid: sp.name for pid, sp in speakers.items()}
    for widen in (lambda pid: speakers[pid].full_name, lambda pid: f"{names[pid]} [{pid}]"):
        seen: dict[str, list[str]] = {}
        for pid, name in names.items():
            seen.setdefault(name.casefold(), []).append(pid)
        for same in seen.values():
            if len(same) > 1:
                for pid in same:
                    names[pid] = widen(pid)
    return names


def read_sitting(xml: Xml, people: People, *, sha256: str | None = None) -> Sitting:
    """Render one sitting (a parsed <TEI>) as Hansard text, with its roster for the sitting's date."""
    ident, title, date, uri, publisher = _sitting_meta(xml)
    corpus = corpus_prefix(ident)
    body = xml.root.find(f"{tei('text')}/{tei('body')}")
    if body is None:
        raise xml.error("a ParlaMint sitting without <text><body>", xml.root)
    utterances = list(body.iter(tei("u")))
    speakers: dict[str, Speaker] = {}
    for u in utterances:
        pid = (u.get("who") or "").strip().lstrip("#")
        if pid and pid not in speakers:
            speakers[pid] = people.speaker(pid, date, xml, u)
    roster = SittingRoster()
    names = _distinct_names(speakers)
    members: dict[str, Member] = {}
    for pid, sp in speakers.items():
        label = party_label(sp.party, corpus) if sp.party else None
        members[pid] = roster.add(names[pid], party=label, office=sp.office or sp.chair)
    w = _Writer()
    turns: list[Turn] = []
    skipped = 0
    section: tuple[str, ...] = ()
    for div in body.iter(tei("div")):
        heads = [clean("".join(h.itertext())) for h in div.findall(tei("head"))]
        heads = [h for h in heads if h]
        if heads:
            section = tuple(heads)
            for level, head in enumerate(heads, start=1):
                w.block(head, "heading", min(level, 2))
        elif section and div.find(tei("u")) is not None:
            section = (UNTITLED,)
            w.block(section[0], "heading", 1)
        for u in div.findall(tei("u")):
            pid = (u.get("who") or "").strip().lstrip("#")
            segs = [speech_text(s) for s in u.findall(tei("seg"))] or [speech_text(u)]
            segs = [s for s in segs if s]
            if not pid or not segs:
                skipped += 1
                continue
            sp, member = speakers[pid], members[pid]
            chair = "#chair" in (u.get("ana") or "").split()
            line = _speaker_line(sp, member, member.party, chair)
            if not chair:  # the chair's line must stay the chair's: no position is read from it
                roster.lines[" ".join(line.split()).casefold()] = member
            at = w.block(line, "heading", 6)  # a block of its own, which the debate reader relabels as a speaker line
            paragraphs = tuple(w.block(s, "paragraph") for s in segs)  # never a heading, never joined to the next
            turns.append(Turn(u.get(XML_ID) or "", sp, member, chair, at, paragraphs, section))
    if not turns:
        raise xml.error("the sitting has no utterance with a speaker (<u who=...>) and words", body)
    text = w.text()
    doc = new_document(ident, title=title, uri=uri, publisher=publisher, date=date, kind="debate",
                       sha256=sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(), text=text)
    if skipped:
        log.info("%s: %d utterances without a speaker or words left out", xml.path, skipped)
    return Sitting(doc, tuple(w.hints), turns, roster, corpus, skipped)
