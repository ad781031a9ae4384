"""Interactive maps (pyvis / vis-network) as self-contained HTML pages that work with no network.

Two views:

* :func:`tension_map_html`: stakeholder groups and the claims of the tension clusters as nodes;
  support (green) and opposition (red) as edges, as wide as their strength; claims coloured by
  tension cluster and groups by the cluster they take part in most; nodes sized by the strength
  of the positions they carry; hovering shows the quote and its source; a theme filter.
* :func:`graph_map_html`: the whole graph (stakeholders, claims, themes) while it is small, and
  groups x themes (support and opposition counted) above ``max_nodes`` nodes, because browsers
  lay out about 2,000 nodes at most.

Why our own template (``graph/export/templates/network.html``) rather than pyvis's: pyvis 0.3.2 links
Bootstrap (and Tom Select) from a CDN even with ``cdn_resources="in_line"``; ours inlines the
vis-network JS and CSS shipped inside the pyvis package and nothing else, so the page makes no
request to another host. Node and edge lists are built first and handed over whole (pyvis's
``add_node`` is quadratic). Escaping: every string from a document reaches the page only as
JSON data inside ``<script type="application/json">`` (``<``, ``>`` and ``&`` escaped), and the
page puts it on screen as text: vis-network 9 shows string tooltips with ``innerText`` and draws
labels on a canvas, and the legend and theme filter are built with ``textContent``. A
stakeholder called ``<script>alert(1)</script>`` therefore renders as those characters.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..model.catalog import Catalog
from ..model.records import Bundle, Position

TEMPLATES = Path(__file__).parent / "templates"
SUPPORT_COLOUR = "#2e7d32"
OPPOSE_COLOUR = "#c62828"
NEUTRAL_COLOUR = "#9e9e9e"
STANCE_COLOURS = {"support": SUPPORT_COLOUR, "oppose": OPPOSE_COLOUR, "neutral": NEUTRAL_COLOUR}
#: colour-blind-safe palette (Okabe-Ito, then Tableau) for tension clusters
CLUSTER_COLOURS = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#4e79a7",
                   "#f28e2b", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f")
UNCLUSTERED = "#bab0ac"
MAX_BROWSER_NODES = 2000


def cluster_colour(index: int | None) -> str:
    return UNCLUSTERED if index is None else CLUSTER_COLOURS[index % len(CLUSTER_COLOURS)]


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """The vis-network JS and CSS shipped inside the pyvis package."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    if not lib.is_dir():  # pragma: no cover - older pyvis layouts
        lib = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(encoding="utf-8")


def script_json(data: Any) -> str:
    """JSON that is safe inside a ``<script>`` element (no ``</script>``, no HTML comment openers)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


# --------------------------------------------------------------------------- aggregation

def actor_of(catalog: Catalog, stakeholder_id: str) -> list[str]:
    """The groups a stakeholder is shown as (itself when it belongs to none)."""
    groups = catalog.groups_of(stakeholder_id)
    return groups or [stakeholder_id]


def _evidence_text(bundle: Bundle, p: Position, limit: int = 2) -> list[str]:
    lines = []
    for e in p.evidence[:limit]:
        doc = bundle.documents.get(e.document)
        src = bundle.sources.get(e.source) if e.source else None
        where = ", ".join(x for x in (doc.title if doc else e.document, src.label if src else None) if x)
        lines.append(f"“{_short(e.quote, 280)}” ({where})")
    return lines


def _claim_clusters(bundle: Bundle, tensions: list[dict[str, Any]] | None) -> dict[str, tuple[int, str]]:
    """claim id -> (cluster index, cluster label) from find_tensions output."""
    out: dict[str, tuple[int, str]] = {}
    for i, cluster in enumerate(tensions or []):
        label = str(cluster.get("label") or cluster.get("id") or f"cluster {i + 1}")
        for c in cluster.get("claims", []):
            cid = c.get("id") if isinstance(c, dict) else c
            if cid in bundle.claims and cid not in out:
                out[cid] = (i, label)
    return out


def tension_map_data(bundle: Bundle, tensions: list[dict[str, Any]] | None = None, *, theme: str | None = None,
                     max_claims: int = 300) -> dict[str, Any]:
    """Nodes, edges, clusters and themes of the tension map, as plain data (see :func:`tension_map_html`)."""
    catalog = Catalog(bundle)
    clusters = _claim_clusters(bundle, tensions)
    positions = catalog.positions(theme=theme) if theme else list(bundle.positions.values())
    by_claim: dict[str, list[Position]] = defaultdict(list)
    for p in positions:
        by_claim[p.claim].append(p)
    claim_ids = [c for c in clusters if c in by_claim]
    if not claim_ids:  # no clusters: show contested claims, else every claim with positions
        contested = [c for c, ps in by_claim.items() if {p.stance.value for p in ps} >= {"support", "oppose"}]
        claim_ids = contested or list(by_claim)
    claim_ids = sorted(claim_ids, key=lambda c: (-len(by_claim[c]), c))[:max_claims]

    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    actor_weight: dict[str, float] = defaultdict(float)
    actor_clusters: dict[str, Counter[int]] = defaultdict(Counter)
    actor_themes: dict[str, set[str]] = defaultdict(set)
    pair: dict[tuple[str, str, str], list[Position]] = defaultdict(list)
    for cid in claim_ids:
        for p in by_claim[cid]:
            for actor in actor_of(catalog, p.stakeholder):
                pair[(actor, cid, p.stance.value)].append(p)
    theme_labels: set[str] = set()
    for cid in claim_ids:
        claim = bundle.claims[cid]
        labels = sorted({bundle.themes[t].label for t in claim.themes if t in bundle.themes})
        theme_labels.update(labels)
        index, cluster_label = clusters.get(cid, (None, "not in a tension cluster"))
        weight = sum(p.strength for p in by_claim[cid])
        counts = Counter(p.stance.value for p in by_claim[cid])
        title = "\n".join([claim.text, f"Tension cluster: {cluster_label}", f"Themes: {', '.join(labels) or '-'}",
                           f"{counts['support']} support, {counts['oppose']} oppose, {counts['neutral']} neutral"])
        nodes.append({"id": cid, "label": _short(claim.text, 50), "title": title, "shape": "square", "kind": "claim",
                      "color": cluster_colour(index), "value": round(1 + weight, 3), "themes": labels,
                      "cluster": index})
    for (actor, cid, stance), ps in sorted(pair.items()):
        strength = sum(p.strength for p in ps)
        actor_weight[actor] += strength
        index = clusters.get(cid, (None, ""))[0]
        if index is not None:
            actor_clusters[actor][index] += 1
        edge_themes = {bundle.themes[t].label for t in bundle.claims[cid].themes if t in bundle.themes}
        actor_themes[actor] |= edge_themes
        label = bundle.stakeholders[actor].label if actor in bundle.stakeholders else actor
        verb = {"support": "supports", "oppose": "opposes", "neutral": "is neutral on"}[stance]
        quotes = [q for p in ps for q in _evidence_text(bundle, p, limit=1)][:3]
        who = sorted({bundle.stakeholders[p.stakeholder].label for p in ps
                      if p.stakeholder in bundle.stakeholders and p.stakeholder != actor})
        title_lines = [f"{label} {verb}: {bundle.claims[cid].text}"]
        if who:
            title_lines.append("Through: " + ", ".join(who[:5]) + (" …" if len(who) > 5 else ""))
        title_lines += quotes
        edges.append({"from": actor, "to": cid, "color": STANCE_COLOURS[stance], "stance": stance,
                      "width": round(1 + 2 * min(strength, 4), 2), "title": "\n".join(title_lines),
                      "dashes": stance == "neutral", "themes": sorted(edge_themes)})
    for actor in sorted(actor_weight):
        sh = bundle.stakeholders.get(actor)
        label = sh.label if sh else actor
        top = actor_clusters[actor].most_common(1)
        index = top[0][0] if top else None
        held = catalog.stance_counts(p for (a, _, _), ps in pair.items() if a == actor for p in ps)
        title = "\n".join([label, f"{sh.kind if sh else 'group'}",
                           f"{held['support']} support, {held['oppose']} oppose, {held['neutral']} neutral"])
        nodes.append({"id": actor, "label": _short(label, 40), "title": title, "shape": "dot", "kind": "stakeholder",
                      "color": cluster_colour(index), "value": round(1 + actor_weight[actor], 3),
                      "themes": sorted(actor_themes[actor]), "cluster": index})
    legend = [{"label": str((tensions or [])[i].get("label") or f"cluster {i + 1}"), "color": cluster_colour(i)}
              for i in sorted({c[0] for c in clusters.values()})]
    return {"nodes": nodes, "edges": edges, "themes": sorted(theme_labels), "legend": legend}


def graph_map_data(bundle: Bundle, *, max_nodes: int = 300) -> dict[str, Any]:
    """Nodes and edges of the whole-graph view; aggregated to groups x themes above `max_nodes`."""
    catalog = Catalog(bundle)
    used_sh = {p.stakeholder for p in bundle.positions.values()}
    used_claims = {p.claim for p in bundle.positions.values()}
    used_themes = {t for c in used_claims if c in bundle.claims for t in bundle.claims[c].themes if t in bundle.themes}
    groups_shown = {g for s in used_sh for g in catalog.groups_of(s) if g != s}
    n = len(used_sh | groups_shown) + len(used_claims) + len(used_themes)
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    if n <= max_nodes:
        for sid in sorted(used_sh | groups_shown):
            sh = bundle.stakeholders.get(sid)
            label = sh.label if sh else sid
            counts = catalog.stance_counts(catalog.by_stakeholder.get(sid, ()))
            nodes.append({"id": sid, "label": _short(label, 40), "shape": "dot", "kind": "stakeholder",
                          "color": "#0072b2" if sid in catalog.group_ids else "#56b4e9",
                          "value": 1 + sum(counts.values()), "themes": [],
                          "title": f"{label}\n{counts['support']} support, {counts['oppose']} oppose"})
            for g in (sh.member_of if sh else ()):
                if g in groups_shown:
                    edges.append({"from": sid, "to": g, "color": "#0072b2", "dashes": True, "width": 1,
                                  "title": f"{label} is a member of {bundle.stakeholders[g].label}", "themes": []})
        for tid in sorted(used_themes):
            th = bundle.themes[tid]
            nodes.append({"id": tid, "label": _short(th.label, 40), "shape": "triangle", "kind": "theme",
                          "color": "#e69f00", "value": 1 + len(catalog.claims_by_theme.get(tid, ())),
                          "themes": [th.label], "title": f"Theme: {th.label}"})
        for cid in sorted(used_claims):
            c = bundle.claims[cid]
            labels = sorted(bundle.themes[t].label for t in c.themes if t in bundle.themes)
            nodes.append({"id": cid, "label": _short(c.text, 50), "shape": "square", "kind": "claim",
                          "color": "#cc79a7", "value": 1 + len(catalog.by_claim.get(cid, ())), "themes": labels,
                          "title": c.text})
            for t in c.themes:
                if t in used_themes:
                    edges.append({"from": cid, "to": t, "color": "#bdbdbd", "width": 1, "dashes": True,
                                  "title": f"about {bundle.themes[t].label}", "themes": labels})
        for p in sorted(bundle.positions.values(), key=lambda p: p.id):
            if p.claim not in bundle.claims:
                continue
            labels = sorted(bundle.themes[t].label for t in bundle.claims[p.claim].themes if t in bundle.themes)
            sh = bundle.stakeholders.get(p.stakeholder)
            title = "\n".join([f"{sh.label if sh else p.stakeholder} {p.stance.value}s: {bundle.claims[p.claim].text}",
                               *_evidence_text(bundle, p)])
            edges.append({"from": p.stakeholder, "to": p.claim, "color": STANCE_COLOURS[p.stance.value],
                          "width": round(1 + 2 * p.strength, 2), "title": title, "stance": p.stance.value,
                          "themes": labels})
        return {"nodes": nodes, "edges": edges, "themes": sorted(bundle.themes[t].label for t in used_themes),
                "legend": [], "aggregated": False}
    # aggregated: groups (actors) x themes
    tally: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for p in bundle.positions.values():
        claim = bundle.claims.get(p.claim)
        if claim is None:
            continue
        for actor in actor_of(catalog, p.stakeholder):
            for t in claim.themes:
                if t in bundle.themes:
                    tally[(actor, t)][p.stance.value] += 1
    activity: Counter[str] = Counter()
    for (actor, t), tcount in tally.items():
        activity[actor] += sum(tcount.values())
        activity[t] += sum(tcount.values())
    keep = {k for k, _ in activity.most_common(MAX_BROWSER_NODES)}
    for actor in sorted({a for a, _ in tally if a in keep}):
        sh = bundle.stakeholders.get(actor)
        label = sh.label if sh else actor
        nodes.append({"id": actor, "label": _short(label, 40), "shape": "dot", "kind": "stakeholder",
                      "color": "#0072b2", "value": 1 + activity[actor], "themes": [],
                      "title": f"{label}\n{activity[actor]} positions"})
    for t in sorted({t for _, t in tally if t in keep}):
        nodes.append({"id": t, "label": _short(bundle.themes[t].label, 40), "shape": "triangle", "kind": "theme",
                      "color": "#e69f00", "value": 1 + activity[t], "themes": [bundle.themes[t].label],
                      "title": f"Theme: {bundle.themes[t].label}\n{activity[t]} positions"})
    for (actor, t), tcount in sorted(tally.items()):
        if actor not in keep or t not in keep:
            continue
        s, o = tcount["support"], tcount["oppose"]
        colour = SUPPORT_COLOUR if s and not o else OPPOSE_COLOUR if o and not s else "#ef6c00" if s and o else NEUTRAL_COLOUR
        label = bundle.stakeholders[actor].label if actor in bundle.stakeholders else actor
        edges.append({"from": actor, "to": t, "color": colour, "width": round(1 + min(s + o, 20) / 2, 2),
                      "title": f"{label} on {bundle.themes[t].label}: {s} support, {o} oppose, {tcount['neutral']} neutral",
                      "themes": [bundle.themes[t].label]})
    return {"nodes": nodes, "edges": edges, "themes": sorted({bundle.themes[t].label for _, t in tally if t in keep}),
            "legend": [], "aggregated": True}


# --------------------------------------------------------------------------- rendering

def render_html(data: dict[str, Any], *, title: str, subtitle: str = "", height: str = "100vh") -> str:
    """A self-contained HTML page for map `data` (nodes, edges, themes, legend), built with pyvis."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from markupsafe import Markup
    from pyvis.network import Network

    net = Network(height=height, width="100%", directed=False, cdn_resources="in_line", heading="")
    net.templateEnv = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]))
    net.path = "network.html"
    net.nodes, net.edges = data["nodes"], data["edges"]  # whole lists: add_node one by one is quadratic
    net.barnes_hut(gravity=-6000, central_gravity=0.3, spring_length=140, spring_strength=0.02, damping=0.4,
                   overlap=0.2)
    net.options.interaction.hover = True
    net.options.interaction.navigationButtons = False
    js, css = vis_assets()
    _, _, _, height_v, width_v, options = net.get_network_data()
    template = net.templateEnv.get_template(net.path)
    return template.render(
        title=title, subtitle=subtitle, height=height_v, width=width_v,
        vis_js=Markup(js), vis_css=Markup(css), options_json=Markup(script_json(json.loads(options))),
        data_json=Markup(script_json({k: data.get(k) for k in ("nodes", "edges", "themes", "legend")})),
        stance_colours=STANCE_COLOURS, n_nodes=len(data["nodes"]), n_edges=len(data["edges"]),
        physics_off=len(data["nodes"]) > 1000,
    )


def tension_map_html(bundle: Bundle, tensions: list[dict[str, Any]] | None = None, *, theme: str | None = None,
                     title: str = "Tension map", max_claims: int = 300) -> str:
    """The interactive tension map as one self-contained HTML page.

    `tensions` is the output of ``find_tensions`` (clusters with their claims); without it the
    map shows the contested claims, uncoloured.
    """
    data = tension_map_data(bundle, tensions, theme=theme, max_claims=max_claims)
    sub = (f"{len(data['legend'])} tension clusters · {len(data['nodes'])} nodes · green supports, red opposes"
           if data["legend"] else f"{len(data['nodes'])} nodes · green supports, red opposes")
    return render_html(data, title=title, subtitle=sub)


def graph_map_html(bundle: Bundle, *, max_nodes: int = 300, title: str = "stancegraph") -> str:
    """The whole graph as one self-contained HTML page (aggregated to groups x themes when large)."""
    data = graph_map_data(bundle, max_nodes=max_nodes)
    sub = ("groups and themes (aggregated: the graph is large)" if data["aggregated"]
           else "stakeholders, claims and themes") + f" · {len(data['nodes'])} nodes"
    return render_html(data, title=title, subtitle=sub)


def external_urls(html: str) -> list[str]:
    """URLs a page would fetch from other hosts (src/href attributes, CSS url(), @import)."""
    import re

    pattern = re.compile(r"""(?:\b(?:src|href|action)\s*=\s*["']?|url\(\s*["']?|@import\s+["'])\s*((?:https?:)?//[^"')\s>]+)""",
                         re.IGNORECASE)
    return [m.group(1) for m in pattern.finditer(html)]
