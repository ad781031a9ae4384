"""The pyvis maps and the heatmap: offline, escaped, aggregated, with hand-counted numbers."""

from __future__ import annotations

import json
import re
import time
import xml.etree.ElementTree as ET

from stancegraph.graph.export.heatmap import agreement_matrix, heatmap_image
from stancegraph.graph.model.records import Bundle, Passage, new_claim, new_document, new_position, new_source, new_stakeholder
from stancegraph.graph.export.viz import (OPPOSE_COLOUR, SUPPORT_COLOUR, cluster_colour, external_urls, graph_map_data,
                                   graph_map_html, tension_map_data, tension_map_html)

EVIL = "<script>alert(1)</script>"


def small_bundle() -> Bundle:
    """Two groups; the evil-named organisation belongs to Providers. Pay: providers oppose, workers support."""
    b = Bundle()
    doc = new_document("report.txt", title="A report </script>")
    src = new_source("Workshop", "workshop", doc.id)
    providers, workers = new_stakeholder("Providers"), new_stakeholder("Workers")
    evil = new_stakeholder(EVIL, kind="organisation", member_of=[providers.id])
    union = new_stakeholder("UNISON", kind="organisation", member_of=[workers.id])
    pay, training = new_claim("Pay must rise"), new_claim("Training is free")
    q = Passage(document=doc.id, quote="we can't <b>afford</b> it", source=src.id)
    b.add(doc, src, providers, workers, evil, union, pay, training,
          new_position(evil, pay, "oppose", document=doc.id, evidence=[q], strength=0.5),
          new_position(union, pay, "support", document=doc.id, strength=1.0),
          new_position(union, training, "support", document=doc.id),
          new_position(evil, training, "support", document=doc.id))
    return b


def page_data(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S)
    assert m
    return json.loads(m.group(1))


def test_tension_map_aggregates_to_groups_and_colours_stances() -> None:
    b = small_bundle()
    pay = next(c for c in b.claims.values() if c.text == "Pay must rise")
    data = tension_map_data(b, [{"id": "t1", "label": "Pay", "claims": [{"id": pay.id, "text": pay.text}]}])
    by_id = {n["id"]: n for n in data["nodes"]}
    # only the clustered claim; actors are the groups, not their members
    assert {n["label"] for n in data["nodes"]} == {"Pay must rise", "Providers", "Workers"}
    assert by_id[pay.id]["color"] == cluster_colour(0) and data["legend"] == [{"label": "Pay", "color": cluster_colour(0)}]
    colours = {(b.stakeholders[e["from"]].label, e["stance"]): e["color"] for e in data["edges"]}
    assert colours == {("Providers", "oppose"): OPPOSE_COLOUR, ("Workers", "support"): SUPPORT_COLOUR}
    # sizes: the claim carries 0.5 + 1.0 of strength (value = 1 + strength)
    assert by_id[pay.id]["value"] == 2.5
    oppose = next(e for e in data["edges"] if e["stance"] == "oppose")
    assert EVIL in oppose["title"] and "we can't <b>afford</b> it" in oppose["title"] and "Workshop" in oppose["title"]


def test_without_clusters_the_map_shows_contested_claims() -> None:
    data = tension_map_data(small_bundle(), None)
    assert [n["label"] for n in data["nodes"] if n["kind"] == "claim"] == ["Pay must rise"]


def test_page_is_offline_and_escapes_document_strings() -> None:
    html = tension_map_html(small_bundle(), None, title="Map <i>")
    assert external_urls(html) == []
    assert "cdn.jsdelivr" not in html and "cdnjs" not in html and "bootstrap" not in html.lower()
    assert "vis.Network" in html and ".vis-network" in html  # vis-network JS and CSS are inlined
    assert EVIL not in html and "</script>\"" not in html  # the evil label only as escaped JSON
    assert "<title>Map &lt;i&gt;</title>" in html
    assert "A report </script>" not in html
    data = page_data(html)
    assert any(EVIL in e["title"] for e in data["edges"])  # ...and intact once parsed
    # everything the page puts on screen goes through textContent, never innerHTML
    page_script = html.rsplit("<script>", 1)[1]
    assert "textContent" in page_script and "innerHTML" not in page_script


def test_whole_graph_aggregates_above_the_node_limit() -> None:
    b = small_bundle()
    full = graph_map_data(b, max_nodes=300)
    assert not full["aggregated"] and {n["kind"] for n in full["nodes"]} == {"stakeholder", "claim"}
    agg = graph_map_data(b, max_nodes=3)
    assert agg["aggregated"]  # no themes on these claims: nothing to aggregate to
    html = graph_map_html(b)
    assert external_urls(html) == [] and EVIL not in html


def test_two_thousand_nodes_build_quickly() -> None:
    b = Bundle()
    doc = new_document("big.txt")
    b.add(doc)
    groups = [new_stakeholder(f"Group {i}") for i in range(20)]
    members = [new_stakeholder(f"Org {i}", kind="organisation", member_of=[groups[i % 20].id]) for i in range(400)]
    claims = [new_claim(f"Claim number {i}") for i in range(1500)]
    b.add(*groups, *members, *claims)
    for i, c in enumerate(claims):
        for k in range(3):
            b.add(new_position(members[(i * 7 + k) % 400], c, "support" if (i + k) % 3 else "oppose", document=doc.id))
    start = time.perf_counter()
    html = graph_map_html(b, max_nodes=2000)
    elapsed = time.perf_counter() - start
    assert elapsed < 5, elapsed  # pyvis add_node one by one takes about 4 s for 2,000 nodes alone
    assert len(page_data(html)["nodes"]) == 1920  # 400 orgs + 20 groups + 1500 claims


def test_heatmap_numbers_and_images() -> None:
    m = agreement_matrix(small_bundle())
    # Workers (UNISON): pay +1, training +1; Providers (evil org): pay -1, training +1; no themes -> no columns
    assert m["themes"] == [] and m["cells"] == []
    b = small_bundle()
    from stancegraph.graph.model.records import new_theme

    theme = new_theme("Pay and conditions")
    b.add(theme)
    pay = next(c for c in b.claims.values() if c.text == "Pay must rise")
    b.claims[pay.id] = pay.__class__(**{**pay.__dict__, "themes": (theme.id,)})
    m = agreement_matrix(b)
    assert m["themes"] == ["Pay and conditions"] and sorted(m["groups"]) == ["Providers", "Workers"]
    cell = {g: row[0] for g, row in zip(m["groups"], m["cells"])}
    assert cell["Providers"] == {"support": 0, "oppose": 1, "neutral": 0, "score": -1.0}
    assert cell["Workers"]["score"] == 1.0
    png = heatmap_image(b, fmt="png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    svg = heatmap_image(b, fmt="svg")
    ET.fromstring(svg)  # well-formed
    assert b"<script" not in svg
