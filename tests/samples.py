"""Small sample data as code, shared by tests (tests/ is on pytest's pythonpath)."""

from __future__ import annotations

from stancegraph.graph.model.records import (
    Bundle, Passage, Stance, new_claim, new_document, new_position, new_source, new_stakeholder, new_theme,
)


def sample_bundle() -> Bundle:
    text = "Providers argue that pay must rise. Some commissioners doubt it."
    doc = new_document("consult.txt", title="A consultation", text=text, date="2024-01-31")
    src = new_source("Workshops", "workshop", doc.id)
    group = new_stakeholder("Providers", kind="group", aliases=["provider representatives"])
    org = new_stakeholder("Acme Care Ltd", kind="organisation", member_of=[group.id], attributes=[("type", "business")])
    pay = new_theme("Pay and conditions", alt_labels=["pay"])
    claim = new_claim("pay must rise", themes=[pay.id])
    p1 = new_position(group, claim, "support", document=doc.id, strength=0.9, quantifier="a wide range",
                      evidence=[Passage(doc.id, "pay must rise", 21, 34, source=src.id, section=("Pay", "Findings"))],
                      rule="cue.argue", confidence=0.8)
    p2 = new_position(new_stakeholder("Commissioners"), claim, Stance.OPPOSE, document=doc.id, strength=0.6, source=src.id,
                      evidence=[Passage(doc.id, "Some commissioners doubt it.", 36, 64)])
    b = Bundle()
    b.add(doc, src, group, org, pay, claim, p1, p2, new_stakeholder("Commissioners"))
    return b
