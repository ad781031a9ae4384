"""Assembly: the records of one document (document, sources, stakeholders, themes, claims, positions) from the
settled hits of its extraction."""

from __future__ import annotations

import re

from typing import TYPE_CHECKING

from ...graph.model.records import (
    Bundle, Passage, Theme, claim_id, new_claim, new_position, new_stakeholder, stakeholder_id,
)
from ..documents.parties import PARTIES
from .strength import strength_for

if TYPE_CHECKING:
    from .pipeline import Extractor

Span = tuple[int, int]


def join_wrapped(text: str, spans: list[Span]) -> list[Span]:
    r"""Spans of one sentence that a hard line wrap (or a blank line) split are one passage again: a quote is the
    whole sentence, "There are\nother options" and not "There are" and "other options" (offsets stay exact:
    the quote holds the line break). Spans with anything else between them (a running head, a footnote) stay
    apart.

    >>> t = "There are\nother options. Page 3\nabout it."
    >>> join_wrapped(t, [(0, 9), (10, 24), (32, 41)])
    [(0, 24), (32, 41)]
    """
    out: list[Span] = []
    for a, b in sorted(spans):
        if out and not text[out[-1][1]:a].strip():
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


_STATEMENT_OF = re.compile(r"^(?:(?:prepared|written|opening|joint)\s+)?(?:statement|testimony|evidence|submission|remarks)s?\s+"
                           r"(?:of|by|from)\s+", re.I)


def build_bundle(ex: Extractor) -> Bundle:
    """Model records from an extractor's hits: document, sources, stakeholders, themes, claims, positions."""
    bundle = Bundle()
    doc = ex.document
    bundle.add(doc)
    bundle.extend(ex.plan.sources)
    claim_themes: dict[str, list[Theme]] = {}
    heading_theme_cache: dict[str, Theme | None] = {}
    # a heading that names one of the document's stakeholders ("Running Trades Union of Canada", over a list of
    # witnesses) says whose words follow, not what they are about
    holder_names = {" ".join(h.holder.label.casefold().split()) for h in ex.hits}

    def topic_theme(topic: str) -> Theme | None:
        if topic not in heading_theme_cache:
            heading = " ".join(re.sub(r"^\d+(?:\.\d+)*[.)]?\s+", "", topic).casefold().split()).strip(" :.")
            # "Canadian Federation of Freight Railways", "Prepared Statement of Thomas Brekke", "Independent Equipment
            # Repair Association, Fargo, North Dakota", "KAPOOR, Dr Rohan, Policy Director, Freshwater Futures
            # Alliance": whose words follow
            named = heading in holder_names or _STATEMENT_OF.match(heading) is not None or any(
                len(n) >= 12 and re.search(r"(?:^|,\s)" + re.escape(n) + r"\b", heading) for n in holder_names)
            heading_theme_cache[topic] = None if named else ex.matcher.for_heading(topic)
        return heading_theme_cache[topic]

    for hit in ex.hits:
        themes = claim_themes.setdefault(hit.claim, [])
        for t in ex.matcher.in_text(hit.claim):
            if t not in themes:
                themes.append(t)
        topical = [topic_theme(tp) for tp in reversed(hit.topics)]
        nearest = next((t for t in topical if t is not None), None)
        if nearest is not None and nearest not in themes and (not themes or hit.topics and hit.topics[-1] and
                                                              topic_theme(hit.topics[-1]) is nearest):
            themes.append(nearest)
        if not themes:
            sim = ex.matcher.by_similarity(hit.claim)
            if sim is not None:
                themes.append(sim)
    for hit in ex.hits:
        holder = hit.holder
        # an unnamed collective ("Some participants") is this document's, not everyone's of that name
        scope = doc.id if holder.generic else None
        member_ids = []
        for label in holder.member_of:
            kind = dict(holder.member_kinds).get(label) or _kind_for(ex, label)
            g = new_stakeholder(label, kind=kind, scope=scope)
            bundle.add(g)
            member_ids.append(g.id)
        # an unnamed collective is told apart from its namesakes in other documents by the document it speaks in
        context = (("document", doc.title or doc.id),) if holder.generic else ()
        sh = new_stakeholder(holder.label, kind=holder.kind, aliases=holder.aliases, member_of=member_ids, scope=scope,
                             attributes=context + holder.attributes)
        themes = claim_themes.get(hit.claim, [])[:3]
        all_themes = [x for t in themes for x in ex.matcher.closure(t)]
        for t in all_themes:
            for b in t.broader:
                if b not in {x.id for x in all_themes}:
                    pass
        bundle.add(*all_themes)
        claim = new_claim(hit.claim, themes=[t.id for t in themes],
                          contradicts=[claim_id(b) for a, b in ex.contradictions if a == hit.claim and b != hit.claim])
        passages = [Passage(document=doc.id, quote=ex.text[a:b], start=a, end=b, source=hit.source.id, section=hit.section)
                    for a, b in join_wrapped(ex.text, hit.spans)]
        quantifier = hit.quantifier
        pos = new_position(sh, claim, hit.stance, document=doc.id, evidence=passages, strength=strength_for(quantifier),
                           quantifier=quantifier, rule=hit.rule, confidence=hit.confidence, date=doc.date)
        bundle.add(sh, claim, pos)
    for h in ex.mentioned:
        scope = doc.id if h.generic else None
        member_ids = []
        for label in h.member_of:
            g = new_stakeholder(label, kind=_kind_for(ex, label), scope=scope)
            bundle.add(g)
            member_ids.append(g.id)
        known = bundle.stakeholders.get(stakeholder_id(h.label, scope=scope))
        bundle.add(new_stakeholder(h.label, kind=known.kind if known else h.kind, aliases=() if known else h.aliases,
                                   member_of=member_ids, scope=scope))
    return bundle


def _kind_for(ex: Extractor, label: str) -> str:
    e = ex.lex.lookup(label)
    if e is not None:
        return e.kind
    return "organisation" if label in PARTIES.values() or label == "Government" else "group"
