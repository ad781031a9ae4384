"""Synthetic stance graphs at three scales, for benchmarks (deterministic for a seed).

Stakeholders belong to groups; claims carry themes; claim popularity follows a Zipf law;
each position has one evidence passage whose quote is a span of its document's text.

    small:  50 stakeholders,    200 claims,      2,000 positions,  10 documents
    medium: 2,000 stakeholders, 20,000 claims, ~500,000 positions, 200 documents
    large:  20,000 stakeholders, 200,000 claims, ~5,000,000 positions, 2,000 documents
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np

from stancegraph.graph.model.records import (
    Bundle, Passage, Position, Stance, new_claim, new_document, new_source, new_stakeholder, new_theme,
)
from stancegraph.graph.model.ids import make_id


@dataclass(frozen=True)
class Scale:
    name: str
    stakeholders: int
    claims: int
    positions: int
    documents: int
    groups: int
    themes: int


SCALES = {
    "small": Scale("small", 50, 200, 2_000, 10, 5, 12),
    "medium": Scale("medium", 2_000, 20_000, 500_000, 200, 20, 40),
    "large": Scale("large", 20_000, 200_000, 5_000_000, 2_000, 60, 80),
}

WORDS = ("pay training funding regulation care workers providers commissioners registration progression "
         "wellbeing diversity prevention integration technology housing carers community councils").split()


def make_bundle(scale: Scale | str, *, seed: int = 0) -> Bundle:
    """A Bundle of the given scale; positions are built without the per-record id helpers for speed."""
    sc = SCALES[scale] if isinstance(scale, str) else scale
    rng = np.random.default_rng(seed)
    pyrng = random.Random(seed)
    b = Bundle()
    themes = [new_theme(f"Theme {i}") for i in range(sc.themes)]
    b.extend(themes)
    groups = [new_stakeholder(f"Group {i}", kind="group") for i in range(sc.groups)]
    b.extend(groups)
    stakeholders = [new_stakeholder(f"Stakeholder {i}", kind="organisation", member_of=[groups[i % sc.groups].id])
                    for i in range(sc.stakeholders)]
    b.extend(stakeholders)
    claims = []
    for i in range(sc.claims):
        words = " ".join(pyrng.choice(WORDS) for _ in range(6))
        claims.append(new_claim(f"claim {i}: {words}", themes=[themes[i % sc.themes].id]))
    b.extend(claims)
    docs = []
    sentence = "Stakeholders told us that the claim under discussion matters a great deal to them. "
    text = sentence * 40
    for i in range(sc.documents):
        d = new_document(f"synthetic-{i:05d}.txt", title=f"Synthetic report {i}", text=text, date=f"20{10 + i % 15}-01-01")
        docs.append(d)
        b.add(d)
    sources = [new_source(f"Workshop {i % 3}", ["workshop", "interview", "literature review"][i % 3], d.id)
               for i, d in enumerate(docs)]
    b.extend(sources)
    # zipf popularity of claims, uniform stakeholders, stance mostly support
    claim_idx = np.minimum(rng.zipf(1.3, size=sc.positions) - 1, sc.claims - 1)
    claim_idx = rng.permutation(sc.claims)[claim_idx]
    sh_idx = rng.integers(0, sc.stakeholders, size=sc.positions)
    doc_idx = rng.integers(0, sc.documents, size=sc.positions)
    stance_idx = rng.choice(3, size=sc.positions, p=[0.6, 0.3, 0.1])
    starts = rng.integers(0, 39, size=sc.positions) * len(sentence)
    stances = (Stance.SUPPORT, Stance.OPPOSE, Stance.NEUTRAL)
    strengths = (0.9, 0.7, 0.6)
    quote = sentence.strip()
    positions = b.positions
    for k in range(sc.positions):
        d = docs[doc_idx[k]]
        sh = stakeholders[sh_idx[k]].id
        cl = claims[claim_idx[k]].id
        st = stances[stance_idx[k]]
        pid = make_id("pos", st.value, sh, cl, d.id)
        s0 = int(starts[k])
        passage = Passage(d.id, quote, s0, s0 + len(quote), source=sources[doc_idx[k]].id)
        old = positions.get(pid)
        if old is None:
            positions[pid] = Position(pid, sh, cl, st, d.id, strength=strengths[stance_idx[k]], evidence=(passage,),
                                      rule="synthetic", confidence=0.5)
        elif passage not in old.evidence:
            positions[pid] = Position(pid, sh, cl, st, d.id, strength=old.strength,
                                      evidence=tuple(sorted(old.evidence + (passage,), key=Passage.sort_key)),
                                      rule="synthetic", confidence=0.5)
    return b
