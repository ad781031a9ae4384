"""The whole-graph map and the heatmap: offline, escaped, aggregated, with hand-counted numbers.
(The tension view has its own tests: test_tension_view.py.)"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
import xml.etree.ElementTree as ET

from stancegraph.graph.export.heatmap import agreement_matrix, heatmap_image
from stancegraph.graph.model.records import Bundle, Passage, new_claim, new_document, new_position, new_source, new_stakeholder
from stancegraph.graph.export.viz import MAX_ACTORS, external_urls, graph_map_data, graph_map_html

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


def test_page_is_offline_and_escapes_document_strings() -> None:
    html = graph_map_html(small_bundle(), title="Map <i>")
    assert external_urls(html) == []
    assert "cdn.jsdelivr" not in html and "cdnjs" not in html and "bootstrap" not in html.lower()
    assert "vis.Network" in html and ".vis-network" in html  # vis-network JS and CSS are inlined
    assert EVIL not in html and "</script>\"" not in html  # the evil label only as escaped JSON
    assert "<title>Map &lt;i&gt;</title>" in html
    assert "A report </script>" not in html
    data = page_data(html)
    assert any(EVIL in n["title"] for n in data["nodes"])  # ...and intact once parsed
    # everything the page puts on screen goes through textContent, never innerHTML
    page_script = html.rsplit("<script>", 1)[1]
    assert "textContent" in page_script and "innerHTML" not in page_script


def test_the_legend_names_the_shapes_drawn() -> None:
    data = graph_map_data(small_bundle())
    shapes = {n["kind"]: n["shape"] for n in data["nodes"]}
    assert shapes == {"stakeholder": "dot", "group": "diamond", "claim": "square"}  # no themes on these claims
    assert [x["symbol"] for x in data["legend"]] == ["●", "◆", "■"]


def test_whole_graph_aggregates_above_the_node_limit() -> None:
    b = small_bundle()
    full = graph_map_data(b, max_nodes=300)
    assert not full["aggregated"] and {n["kind"] for n in full["nodes"]} == {"stakeholder", "group", "claim"}
    agg = graph_map_data(b, max_nodes=3)
    assert agg["aggregated"]  # no themes on these claims: nothing to aggregate to
    html = graph_map_html(b)
    assert external_urls(html) == [] and EVIL not in html


def test_two_thousand_stakeholders_aggregate_to_a_readable_map() -> None:
    """2,000 stakeholders (no groups: each is its own actor) x 12 themes: the map keeps the MAX_ACTORS most
    active and gathers the rest into one node; 2,000 nodes through pyvis's add_node took 4.1 s alone."""
    from stancegraph.graph.model.records import new_theme

    b = Bundle()
    doc = new_document("big.txt")
    themes = [new_theme(f"Theme {i}") for i in range(12)]
    people = [new_stakeholder(f"Org {i}", kind="organisation") for i in range(2000)]
    claims = [new_claim(f"Claim number {i}", themes=[themes[i % 12].id]) for i in range(600)]
    b.add(doc, *themes, *people, *claims)
    for i, person in enumerate(people):
        b.add(new_position(person, claims[i % 600], "support" if i % 3 else "oppose", document=doc.id))
    start = time.perf_counter()
    html = graph_map_html(b)
    elapsed = time.perf_counter() - start
    assert elapsed < 5, elapsed  # generous: the benchmark (benchmarks/bench_viz.py) holds the 0.5 s target
    data = page_data(html)
    kinds = Counter(n["kind"] for n in data["nodes"])
    assert kinds == {"stakeholder": MAX_ACTORS, "other": 1, "theme": 12}
    other = next(n for n in data["nodes"] if n["kind"] == "other")
    assert other["label"] == f"{2000 - MAX_ACTORS} other groups and stakeholders"


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
