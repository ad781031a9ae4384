"""Sources: which evidence strand each block belongs to.

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
from .genres.turns import section_holder
from ..documents.structure import Block, Structure
from .lexicon import Lexicon, Strand

_STRAND_LEAD = re.compile(r"^(?:\d+(?:\.\d+)*[.)]?\s+)?(?:(?:key|main|emerging)\s+)?(?:themes?|findings?|results?|messages?|evidence|"
                          r"issues?|insights?|views?)(?:\s+(?:identified|emerging|arising|drawn))?\s+(?:from|in|of)\s+(?:the\s+)?", re.I)
_STRAND_TAIL = re.compile(r"\s+(?:findings|results|themes|analysis|summary)\s*$", re.I)


@dataclass
class StrandState:
    source: Source
    method: str
    collective: str | None
    noun: str


def strand_label(heading: str) -> str:
    text = _STRAND_LEAD.sub("", heading.strip())
    text = _STRAND_TAIL.sub("", text).strip(" :?.")
    return text[:1].upper() + text[1:] if text else heading


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
        if skip_level is not None and (b.kind == "speaker" or b.speaker and b.speaker_span is not None):
            skip_level = None  # a speaker's turn: the evidence itself, never a list of witnesses or references
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
