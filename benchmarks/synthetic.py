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
from typing import Any

import numpy as np

from stancegraph.graph.model.records import (
    Bundle, Passage, Position, Stance, new_claim, new_document, new_position, new_source, new_stakeholder, new_theme,
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


def disputes_bundle(stakeholders: int = 2000, *, groups: int = 40, disputes: int = 24, quiet_claims: int = 400,
                    documents: int = 20, seed: int = 0) -> Bundle:
    """Structured disputes at scale, for the tension view: every position quoted from its document.

    Each dispute has one to four claims (one of them contradicting another when there are four); two blocs of
    three to six groups take opposite sides, and some of their members speak on one or two of the claims (a
    few against their bloc). Uncontested claims carry the rest: every stakeholder holds a position. Stakeholder and claim labels have the
    lengths of real ones. Deterministic for a seed.
    """
    rng = random.Random(seed)
    b = Bundle()
    places = ("Northshire", "Riverside", "Saltmarsh", "Brennock", "Ashfield", "Castlegate", "Westmoor", "Vale")
    kinds = ("Carers Network", "Providers Association", "Residents' Forum", "Trade Union Branch", "Parish Council",
             "Disability Alliance", "Chamber of Commerce", "Health Trust", "Tenants Group", "Youth Council")
    topics = ("home care visits", "the rural bus network", "library opening hours", "carbon-black food trays",
              "flood defences", "care worker registration", "community energy schemes", "hospital discharge",
              "the coast path", "social media data", "school transport", "community health hubs")
    verbs = ("should fund", "must protect", "should phase out", "should extend", "must regulate", "should review",
             "should guarantee", "must not cut")
    themes = [new_theme(t.capitalize()) for t in topics]
    b.extend(themes)
    group_recs = [new_stakeholder(f"{places[i % len(places)]} {kinds[i % len(kinds)]}" + (f" {i // 80 + 1}" if i >= 80 else ""),
                                  kind="group") for i in range(groups)]
    b.extend(group_recs)
    members: list[list[Any]] = [[] for _ in range(groups)]
    people = []
    for i in range(stakeholders):
        g = i % groups
        kind = "person" if i % 3 == 0 else "organisation"
        label = (f"{rng.choice(('Dr', 'Cllr', 'Ms', 'Mr'))} {rng.choice(('Ayesha', 'Tom', 'Priya', 'Owen', 'Grace', 'Iain'))} "
                 f"{rng.choice(('Okafor', 'Lowther', 'Pennington', 'MacLeod', 'Adeyemi', 'Rowe'))} {i}") if kind == "person" \
            else f"{places[(i // groups) % len(places)]} {rng.choice(kinds)} member {i}"
        sh = new_stakeholder(label, kind=kind, member_of=[group_recs[g].id])
        members[g].append(sh)
        people.append(sh)
    b.extend(people)
    texts: list[list[str]] = [[] for _ in range(documents)]
    lengths = [0] * documents
    pending: list[tuple[Any, Any, str, int, str, float, tuple[str, ...]]] = []

    def say(sh: Any, claim: Any, stance: str, doc: int, section: tuple[str, ...]) -> None:
        verb = {"support": "argued that", "oppose": "disagreed that", "neutral": "was unsure whether"}[stance]
        quote = f"{sh.label} {verb} {claim.text[0].lower() + claim.text[1:]}, given what they had seen locally."
        pending.append((sh, claim, stance, doc, quote, lengths[doc], section))
        texts[doc].append(quote)
        lengths[doc] += len(quote) + 1

    for k in range(disputes):
        topic = topics[k % len(topics)]
        theme = themes[k % len(themes)]
        n_claims = 1 + k % 4
        claims = [new_claim(f"The council {rng.choice(verbs)} {topic} in {places[(k + j) % len(places)]}"
                            + (" from next April" if j % 2 else ""), themes=[theme.id]) for j in range(n_claims)]
        if n_claims == 4:
            claims[3] = new_claim(claims[3].text + " instead", themes=[theme.id], contradicts=[claims[0].id])
        b.extend(claims)
        blocs = rng.sample(range(groups), rng.randint(6, 12))
        half = len(blocs) // 2
        side_a, side_b = blocs[:half], blocs[half:]
        doc = k % documents
        section = (f"{k + 1}. {topic.capitalize()}",)
        for bloc, stance in ((side_a, "support"), (side_b, "oppose")):
            for g in bloc:
                for sh in rng.sample(members[g], max(1, len(members[g]) * rng.randint(10, 30) // 100)):
                    for c in rng.sample(claims[:3] if n_claims == 4 else claims, min(len(claims), rng.randint(1, 2))):
                        flip = rng.random() < 0.05
                        st = stance if not flip else ("oppose" if stance == "support" else "support")
                        say(sh, c, st, doc, section)
                if n_claims == 4:  # the alternative: backed by the other bloc
                    for sh in rng.sample(members[g], 1):
                        say(sh, claims[3], "oppose" if stance == "support" else "support", doc, section)
    per_claim = -(-len(people) // max(1, quiet_claims))  # everyone backs at least one uncontested claim
    for k in range(quiet_claims):
        topic = topics[k % len(topics)]
        c = new_claim(f"More support is needed for {topic} ({k})", themes=[themes[k % len(themes)].id])
        b.add(c)
        for sh in people[k * per_claim:(k + 1) * per_claim]:
            say(sh, c, "support", k % documents, ("Other findings",))
    docs = [new_document(f"disputes-{d:03d}.txt", title=f"Consultation report {d + 1}", text="\n".join(texts[d]),
                         date=f"20{15 + d % 10}-06-01") for d in range(documents)]
    b.extend(docs)
    sources = [new_source("Consultation responses", "survey", d.id) for d in docs]
    b.extend(sources)
    for sh, claim, stance, doc, quote, start, section in pending:
        passage = Passage(docs[doc].id, quote, start, start + len(quote), source=sources[doc].id, section=section)
        b.add(new_position(sh, claim, stance, document=docs[doc].id, evidence=[passage],
                           strength=0.7 if stance != "neutral" else 0.5, quantifier=None))
    return b
