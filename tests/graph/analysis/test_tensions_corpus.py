"""On the extracted development document, the tension clusters a careful reader finds (seed-expected.md):
regulation/registration (supporters against people who employ their own PAs, a proportionate middle
position as the bridge) and ambition versus pragmatism (aims backed broadly, doubted by some participants)."""

from __future__ import annotations

from stancegraph.graph.analysis.convergence import find_convergence
from stancegraph.graph.analysis.tensions import find_tensions
from stancegraph.loaders import load_path


def test_corpus_tensions_and_convergence(seed_doc):
    bundle = load_path(seed_doc)
    tensions = find_tensions(bundle, seed=0)
    by_text = {t["id"]: " ".join(c["text"].lower() for c in t["claims"]) for t in tensions}

    (reg,) = [t for t in tensions if "regulation" in by_text[t["id"]]]
    sides = {s["stance"]: s["stakeholders"] for s in reg["sides"]}
    assert any("personal assistants" in s.lower() for s in sides["oppose"])
    assert any("regulation" in s.lower() or "supporters" in s.lower() for s in sides["support"])
    assert any("different ways" in b.get("text", "") or "proportion" in b.get("text", "").lower()
               for b in reg["bridges"]), reg["bridges"]

    ambition = [t for t in tensions if t is not reg and "funding" in by_text[t["id"]]]
    assert ambition, "the doubts about funding and the pace of change make a cluster"
    (amb,) = ambition
    assert "Some participants" in {s["stance"]: s["stakeholders"] for s in amb["sides"]}["oppose"]
    assert "workers" in by_text[amb["id"]] or "workforce" in by_text[amb["id"]]
    assert "regulation" not in by_text[amb["id"]]

    convergent = " ".join(c["text"].lower() + " " + " ".join(c["themes"]).lower() for c in find_convergence(bundle)[:15])
    for topic in ("pay", "training", "prevention", "funding"):
        assert topic in convergent, topic
