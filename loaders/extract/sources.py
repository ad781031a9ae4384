"""Sources: which evidence strand each block belongs to, and the document's genre and own voice.

A heading that names a strand ("Literature review findings", "Findings from integrated care
board strategies", "Key themes identified in workshops", "Conclusions and recommendations")
opens it for the blocks under it until another strand heading or a top-level heading that is
not one. Before any strand heading, blocks belong to the genre's strand (a report's own text, a
hearing, a debate, evidence to a committee). Sentences in a method section ("Approach",
"Methodology", "Our inquiry") that describe a strand ("1-2-1 interviews with ...") register it,
so the document's sources are complete even where a strand yields no position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...graph.model.records import Document, Source, new_source
from ..documents.structure import Block, Structure
from .lexicon import Lexicon, Strand

_STRAND_LEAD = re.compile(r"^(?:\d+(?:\.\d+)*[.)]?\s+)?(?:(?:key|main|emerging)\s+)?(?:themes?|findings?|results?|messages?|evidence|"
                          r"issues?|insights?|views?)(?:\s+(?:identified|emerging|arising|drawn))?\s+(?:from|in|of)\s+(?:the\s+)?", re.I)
_STRAND_TAIL = re.compile(r"\s+(?:findings|results|themes|analysis|summary)\s*$", re.I)
_COMMITTEE = re.compile(r"\b((?:[A-Z][\w&'’-]*\s+(?:(?:and|of|for|on|the|&)\s+)?){1,7}Committee)\b")
_SUBMISSION_HEADING = re.compile(
    r"^(?:\d+(?:\.\d+)*[.)]?\s+)?(?:(?:oral|written|closing|opening|further)\s+)?(?:submissions?|statement|evidence|response|"
    r"representations?|comments?|remarks|address|presentation)\s+(?:on behalf of|from|by|of)\s+(?P<who>.+?)"
    r"(?:\s+by\s+(?P<by>(?:(?:the\s+)?(?:Rt\s+Hon\s+)?(?:Mr|Mrs|Ms|Miss|Mx|Dr|Professor|Prof|Sir|Dame|Lord|Lady|Baroness)\b.*)))?\s*$",
    re.I)


_STATEMENT_HEADING = re.compile(
    r"^(?:(?:opening|prepared|written|oral|joint)\s+)?(?:statement|testimony|evidence|submission|remarks)\s+(?:of|by|from)\s+"
    r"(?:(?:the\s+)?(?:hon\.?|honou?rable|rt\.?\s+hon\.?|dr\.?|mr\.?|ms\.?|mrs\.?|senator|representative|professor|prof\.?|"
    r"sir|dame|lord|lady|baroness)\s+)*(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,4})(?:\s*,\s*(?P<role>.+))?$", re.I)
_MY_NAME = re.compile(r"\bMy name is (?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})(?:,?\s+and\s+I\s+(?:am|serve as|work as)"
                      r"\s+(?:the\s+|an?\s+)?(?P<role>[^.;]{3,120}))?")
_ROLE_ORG = re.compile(r"\b(?:of|at|for|with)\s+(?:the\s+)?(?P<org>[A-Z][\w'’.&-]*(?:\s+(?:of|for|and|on|the|&|to|in|[A-Z][\w'’.&-]*)){0,8})")
_WITH_ORG = re.compile(r"\b(?:I am with|I represent|on behalf of)\s+(?:the\s+)?(?P<org>[A-Z][\w'’.&-]*(?:\s+(?:of|for|and|on|the|&|"
                       r"[A-Z][\w'’.&-]*)){0,8})")


def statement_author(structure: Structure) -> tuple[str, str | None] | None:
    """(person, organisation) of a document that is one person's statement or testimony.

    Read from a heading such as "STATEMENT OF KATERI CALLAHAN" or "Statement of Hon. Christine Todd Whitman,
    Administrator, U.S. Environmental Protection Agency", or from "My name is X and I am the President of Y"
    near the start; the organisation from the role, "I am with Y" or "on behalf of Y".
    """
    name: str | None = None
    role = ""
    head = structure.text[:2500]
    for b in structure.blocks[:4]:
        t = " ".join(structure.view(b).text.split())
        m = _STATEMENT_HEADING.match(t)
        if m and len(t) < 220:
            name, role = m.group("name"), m.group("role") or ""
            break
    mine = _MY_NAME.search(head)
    if name is None and mine:
        name = mine.group("name")
    if name is None:
        return None
    if mine and mine.group("role"):
        role = role + ", " + mine.group("role")
    name = re.sub(r"\s+[A-Z]\.\s+", " ", " ".join(w.capitalize() if w.isupper() else w for w in name.split()))
    org = None
    for m in list(_ROLE_ORG.finditer(role)) + list(_WITH_ORG.finditer(head)):
        candidate = m.group("org").strip(" ,.")
        candidate = re.sub(r",?\s+(?:April|May|June|July|March|February|January|August|September|October|November|December)\b.*$",
                           "", candidate).strip(" ,.")
        if len(candidate.split()) >= 1 and candidate.casefold() not in ("committee", "subcommittee", "the committee"):
            org = candidate
            break
    if org is None and role:
        parts = [p.strip() for p in role.split(",") if p.strip()]
        caps = [p for p in parts[1:] if p[:1].isupper() and not re.match(r"^(?:April|May|June|July|March|January|February|August|"
                                                                          r"September|October|November|December)\b", p)]
        org = caps[0] if caps else None
    return name, org


@dataclass
class StrandState:
    source: Source
    method: str
    collective: str | None
    noun: str


def detect_genre(structure: Structure, document: Document) -> str:
    """report, committee, transcript, debate or statement (one person's testimony), from the document's shape."""
    text = structure.text
    head = " ".join(text[:4000].split())
    turns = sum(1 for b in structure.blocks if b.speaker_span is not None or b.kind == "speaker")
    hansard = sum(1 for b in structure.blocks if b.kind == "speaker" and b.speaker_note)
    submissions = sum(1 for b in structure.blocks if b.kind == "heading" and _SUBMISSION_HEADING.match(structure.view(b).text))
    if hansard >= 2 or re.search(r"\bI beg to move\b", text):
        return "debate"
    if turns >= 5 or submissions >= 2:
        return "transcript"
    if re.search(r"\bCommittee\b", head) and re.search(r"\b(?:Report|Session|HC \d+|HL Paper)\b", head):
        return "committee"
    if statement_author(structure) is not None:
        return "statement"
    return "report"


def document_voice(structure: Structure, genre: str, document: Document) -> tuple[str, str]:
    """(label, kind) of the document's own voice: the committee, the inquiry, or the report's authors."""
    head = " ".join(structure.text[:3000].split())
    if genre == "committee":
        found = []
        for m in _COMMITTEE.finditer(head):
            label = m.group(1).strip()
            label = re.sub(r"^(?:(?:The|House of Commons|House of Lords|Commons|Lords)\s+)+", "", label).strip()
            if len(label.split()) >= 2 and not re.match(r"^(?:Select|This|Our|Departmental)\b", label):
                found.append(label)
        if found:
            from collections import Counter
            return Counter(found).most_common(1)[0][0], "organisation"
        return "The Committee", "organisation"
    if genre == "transcript":
        return "The Inquiry", "organisation"
    if genre == "debate":
        return "The House", "organisation"
    if genre == "statement":
        author = statement_author(structure)
        if author is not None:
            return author[0], "person"
    return f"Authors of '{document.title[:60]}'", "organisation"


def strand_label(heading: str) -> str:
    text = _STRAND_LEAD.sub("", heading.strip())
    text = _STRAND_TAIL.sub("", text).strip(" :?.")
    return text[:1].upper() + text[1:] if text else heading


def section_holder(heading: str) -> tuple[str, str | None] | None:
    """('X', 'Ms Y KC') for 'Submissions on behalf of X by Ms Y KC' and similar section openers."""
    m = _SUBMISSION_HEADING.match(" ".join(heading.split()))
    if not m:
        return None
    who = m.group("who").strip()
    if re.match(r"^(?:the\s+)?(?:chair|chairman|chairwoman|presiding)\b", who, re.I):
        return "the chair", m.group("by")
    return who, m.group("by")


@dataclass
class SourcePlan:
    """The strand of every block, the sources to record, and the blocks to skip."""

    by_block: dict[int, StrandState]
    sources: list[Source]
    skipped: set[int]
    method_blocks: set[int]


def plan_sources(structure: Structure, document: Document, lexicon: Lexicon, genre: str) -> SourcePlan:
    g = lexicon.genre_strands.get(genre) or {"method": "report", "label": "Report"}
    default = StrandState(new_source(g["label"], g["method"], document.id), g["method"], None,
                          g.get("noun", "stakeholders"))
    by_method: dict[str, StrandState] = {}
    sources: dict[str, Source] = {}
    by_block: dict[int, StrandState] = {}
    skipped: set[int] = set()
    method_blocks: set[int] = set()
    current = default
    skip_level: int | None = None
    skip_contents = False
    method_level: int | None = None
    used_default = False
    for b in structure.blocks:
        if b.kind == "heading":
            title = structure.view(b).text
            if skip_level is not None and (b.level <= skip_level or skip_contents):
                skip_level = None  # a table of contents ends at the first heading after it, whatever its level
            if method_level is not None and b.level <= method_level:
                method_level = None
            skip_contents = False
            if lexicon.skip_sections.match(title):
                skip_level = b.level
                skip_contents = bool(re.match(r"^(?:table of )?contents\s*$", title, re.I))
            if lexicon.method_sections.search(title) and not _find_strand(lexicon, title):
                method_level = b.level
            strand = _find_strand(lexicon, title) if skip_level is None else None
            if strand is not None:
                label = strand_label(title) if "{heading}" in strand.label else strand.label
                key = f"{strand.method}|{label.casefold()}"
                state = by_method.get(key)
                if state is None:
                    state = StrandState(new_source(label, strand.method, document.id), strand.method, strand.collective,
                                        strand.noun)
                    by_method[key] = state
                    sources[state.source.id] = state.source
                current = state
            elif b.level <= 1 and not section_holder(title):
                current = default
            by_block[b.index] = current
            continue
        if skip_level is not None or b.kind in ("noise", "toc", "footnote"):
            skipped.add(b.index)
        if method_level is not None:
            method_blocks.add(b.index)
        by_block[b.index] = current
        if current is default:
            used_default = True
    # strands a method section describes but no heading opens
    headed = {s.method for s in by_method.values()}
    for idx in sorted(method_blocks):
        text = structure.view(structure.blocks[idx]).text
        for strand in lexicon.strands:
            if strand.mentions is None or strand.method in headed:
                continue
            m = strand.mentions.search(text)
            if m:
                label = strand.label if "{heading}" not in strand.label else strand_label(re.sub(
                    r"^(?:analysis|review)\s+of\s+", "", m.group(0), flags=re.I))
                src = new_source(label, strand.method, document.id)
                sources.setdefault(src.id, src)
                headed.add(strand.method)
    if used_default or not sources:
        sources[default.source.id] = default.source
    return SourcePlan(by_block, list(sources.values()), skipped, method_blocks)


def _find_strand(lexicon: Lexicon, heading: str) -> Strand | None:
    if len(heading.split()) > 12:
        return None
    for strand in lexicon.strands:
        if strand.headings is not None and strand.headings.search(heading):
            return strand
    return None


def is_strand_heading(lexicon: Lexicon, heading: str) -> bool:
    return _find_strand(lexicon, heading) is not None


def block_strand(plan: SourcePlan, block: Block) -> StrandState | None:
    return plan.by_block.get(block.index)
