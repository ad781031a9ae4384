"""Interactive maps (vis-network) as self-contained HTML pages that work with no network.

Two views:

* the tension view (:mod:`.tension_view`): tension cards beside a map that reads like them;
* :func:`graph_map_html`: the whole graph (stakeholders, groups, claims, themes) while it is small, and
  groups x themes (support and opposition counted) above ``max_nodes`` nodes, with at most
  :data:`MAX_ACTORS` groups or stakeholders and :data:`MAX_THEMES` themes (the rest gathered into one
  node each), so that thousands of stakeholders stay readable. The layout is vis-network's, from a fixed
  seed, so every load draws the same picture; the legend is built from the shapes actually drawn.

This module also holds what both views share: the colours (a theme's colour comes from its id:
:func:`theme_colour`), the vis-network assets, the JSON embedding and the offline check.

Why our own templates (``graph/export/templates/``) rather than pyvis's: pyvis 0.3.2 links Bootstrap (and
Tom Select) from a CDN even with ``cdn_resources="in_line"``; ours inline the vis-network JS and CSS shipped
inside the pyvis package and nothing else, so the page makes no request to another host. Node and edge
lists are built first and handed over whole (pyvis's ``add_node`` is quadratic: about 4 s for 2,000 nodes).
Escaping: every string from a document reaches the page only as JSON data inside
``<script type="application/json">`` (``<``, ``>`` and ``&`` escaped), and the page puts it on screen as
text: vis-network 9 shows string tooltips with ``innerText`` and draws labels on a canvas, and the legend
and theme filter are built with ``textContent``. A stakeholder called ``<script>alert(1)</script>``
therefore renders as those characters.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..model.catalog import Catalog, display_labels
from ..model.records import Bundle, Position

TEMPLATES = Path(__file__).parent / "templates"
SUPPORT_COLOUR = "#2e7d32"
OPPOSE_COLOUR = "#c62828"
NEUTRAL_COLOUR = "#9e9e9e"
STANCE_COLOURS = {"support": SUPPORT_COLOUR, "oppose": OPPOSE_COLOUR, "neutral": NEUTRAL_COLOUR}
#: theme colours: distinct, dark enough for a border and a legend swatch on white (Okabe-Ito, Tableau 10
#: and Tol's muted scheme, near-duplicates dropped)
THEME_PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#4e79a7", "#f28e2b",
                 "#76b7b2", "#59a14f", "#b07aa1", "#9c755f", "#332288", "#88ccee", "#117733", "#999933",
                 "#aa4499", "#882255", "#44aa99", "#ddcc77")


def theme_colour(theme_id: str) -> str:
    """A theme's colour, from its id alone: the same theme has the same colour on every page and after
    every upload, whatever other themes are loaded (two themes may share one; the legend names them).

    >>> theme_colour("th-pay-and-conditions-6b1f2c7e0a") == theme_colour("th-pay-and-conditions-6b1f2c7e0a")
    True
    """
    digest = hashlib.sha1(theme_id.encode("utf-8")).digest()
    return THEME_PALETTE[int.from_bytes(digest[:4], "big") % len(THEME_PALETTE)]


def short_text(text: str, n: int = 60) -> str:
    """`text` on one line, cut at a word to at most `n` characters (with an ellipsis)."""
    text = " ".join(text.split())
    if len(text) <= n:
        return text
    cut = text[: n - 1]
    if " " in cut[n // 2:]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


_short = short_text


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


# --------------------------------------------------------------------------- the whole graph

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
        lines.append(f"“{short_text(e.quote, 280)}” ({where})")
    return lines


SHAPES = {"stakeholder": ("dot", "●", "stakeholder"), "group": ("diamond", "◆", "group (members aggregated)"),
          "claim": ("square", "■", "claim"), "theme": ("triangle", "▲", "theme"),
          "other": ("dot", "○", "other stakeholders, gathered")}
MAX_ACTORS = 60  # aggregated view: the most active groups (or ungrouped stakeholders); the rest in one node
MAX_THEMES = 30


def _node(kind: str, nid: str, label: str, **kw: Any) -> dict[str, Any]:
    return {"id": nid, "label": short_text(label, 40), "shape": SHAPES[kind][0], "kind": kind, **kw}


def graph_map_data(bundle: Bundle, *, max_nodes: int = 300) -> dict[str, Any]:
    """Nodes and edges of the whole-graph view; aggregated to groups x themes above `max_nodes`."""
    catalog = Catalog(bundle)
    used_sh = {p.stakeholder for p in bundle.positions.values()}
    used_claims = {p.claim for p in bundle.positions.values() if p.claim in bundle.claims}
    used_themes = {t for c in used_claims for t in bundle.claims[c].themes if t in bundle.themes}
    groups_shown = {g for s in used_sh for g in catalog.groups_of(s) if g != s}
    n = len(used_sh | groups_shown) + len(used_claims) + len(used_themes)
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    if n > max_nodes:
        return _aggregated(bundle, catalog)
    labels = display_labels(bundle, used_sh | groups_shown)
    for sid in sorted(used_sh | groups_shown):
        sh = bundle.stakeholders.get(sid)
        label = labels.get(sid, sid)
        counts = catalog.stance_counts(catalog.by_stakeholder.get(sid, ()))
        kind = "group" if sid in catalog.group_ids and sid in groups_shown else "stakeholder"
        nodes.append(_node(kind, sid, label, color="#34495e" if kind == "group" else "#56b4e9",
                           value=1 + sum(counts.values()), themes=[],
                           title=f"{label}\n{counts['support']} support, {counts['oppose']} oppose"))
        for g in (sh.member_of if sh else ()):
            if g in groups_shown:
                edges.append({"from": sid, "to": g, "color": "#34495e", "dashes": True, "width": 1,
                              "title": f"{label} is a member of {labels.get(g, g)}", "themes": []})
    for tid in sorted(used_themes):
        th = bundle.themes[tid]
        nodes.append(_node("theme", tid, th.label, color=theme_colour(tid), value=1 + len(catalog.claims_by_theme.get(tid, ())),
                           themes=[th.label], title=f"Theme: {th.label}"))
    for cid in sorted(used_claims):
        c = bundle.claims[cid]
        ths = sorted(bundle.themes[t].label for t in c.themes if t in bundle.themes)
        first = next((t for t in c.themes if t in bundle.themes), None)
        nodes.append(_node("claim", cid, c.text, color=theme_colour(first) if first else NEUTRAL_COLOUR,
                           value=1 + len(catalog.by_claim.get(cid, ())), themes=ths, title=c.text))
        for t in c.themes:
            if t in used_themes:
                edges.append({"from": cid, "to": t, "color": "#bdbdbd", "width": 1, "dashes": True,
                              "title": f"about {bundle.themes[t].label}", "themes": ths})
    for p in sorted(bundle.positions.values(), key=lambda p: p.id):
        if p.claim not in bundle.claims:
            continue
        ths = sorted(bundle.themes[t].label for t in bundle.claims[p.claim].themes if t in bundle.themes)
        verb = {"support": "supports", "oppose": "opposes", "neutral": "is neutral on"}[p.stance.value]
        title = "\n".join([f"{labels.get(p.stakeholder, p.stakeholder)} {verb}: {bundle.claims[p.claim].text}",
                           *_evidence_text(bundle, p)])
        edges.append({"from": p.stakeholder, "to": p.claim, "color": STANCE_COLOURS[p.stance.value],
                      "width": round(1 + 2 * p.strength, 2), "title": title, "stance": p.stance.value, "themes": ths})
    return {"nodes": nodes, "edges": edges, "themes": sorted(bundle.themes[t].label for t in used_themes),
            "legend": _legend(nodes), "aggregated": False}


def _aggregated(bundle: Bundle, catalog: Catalog) -> dict[str, Any]:
    """Groups (or ungrouped stakeholders) x themes, support and opposition counted; at most MAX_ACTORS
    actors and MAX_THEMES themes, the rest gathered into one node each."""
    tally: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    people: dict[str, set[str]] = defaultdict(set)
    for p in bundle.positions.values():
        claim = bundle.claims.get(p.claim)
        if claim is None:
            continue
        for actor in actor_of(catalog, p.stakeholder):
            people[actor].add(p.stakeholder)
            for t in claim.themes:
                if t in bundle.themes:
                    tally[(actor, t)][p.stance.value] += 1
    act: Counter[str] = Counter()
    th_act: Counter[str] = Counter()
    for (actor, t), c in tally.items():
        act[actor] += sum(c.values())
        th_act[t] += sum(c.values())
    actors = {a for a, _ in sorted(act.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_ACTORS]}
    themes = {t for t, _ in sorted(th_act.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_THEMES]}
    other_a, other_t = "other-stakeholders", "other-themes"
    labels = display_labels(bundle, actors)
    nodes: list[dict[str, Any]] = []
    for actor in sorted(actors, key=lambda a: ((labels.get(a) or a).casefold(), a)):
        kind = "group" if actor in catalog.group_ids else "stakeholder"
        n_people = len(people[actor])
        nodes.append(_node(kind, actor, labels.get(actor, actor) + (f" ({n_people})" if kind == "group" else ""),
                           color="#34495e" if kind == "group" else "#56b4e9", value=1 + act[actor], themes=[],
                           title=f"{labels.get(actor, actor)}\n{n_people} stakeholders · {act[actor]} positions"))
    rest = set(act) - actors
    if rest:
        n_rest = len({s for a in rest for s in people[a]})
        nodes.append(_node("other", other_a, f"{len(rest)} other groups and stakeholders", color="#bbbbbb",
                           value=1 + sum(act[a] for a in rest), themes=[],
                           title=f"{len(rest)} other groups and stakeholders ({n_rest} stakeholders), gathered"))
    for t in sorted(themes, key=lambda t: bundle.themes[t].label.casefold()):
        label = bundle.themes[t].label
        nodes.append(_node("theme", t, label, color=theme_colour(t), value=1 + th_act[t], themes=[label],
                           title=f"Theme: {label}\n{th_act[t]} positions"))
    if set(th_act) - themes:
        nodes.append(_node("theme", other_t, f"{len(set(th_act) - themes)} other themes", color="#bbbbbb",
                           value=1, themes=[], title="Themes with fewer positions, gathered"))
    for n in nodes:  # boxes with the label inside: a column of them reads like a list
        border = n.pop("color")
        n.pop("value", None)
        n["shape"] = "box"
        n["borderWidth"] = 3 if n["kind"] == "theme" else 1
        n["color"] = {"background": "#ffffff" if n["kind"] == "theme" else "#eef2f7", "border": border}
        n["shapeProperties"] = {"borderRadius": 3 if n["kind"] == "theme" else 10}
    _columns(nodes, tally, actors, themes)
    merged: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for (actor, t), c in tally.items():
        merged[(actor if actor in actors else other_a, t if t in themes else other_t)].update(c)
    edges = []
    for (actor, t), c in sorted(merged.items()):
        s_, o = c["support"], c["oppose"]
        colour = SUPPORT_COLOUR if s_ and not o else OPPOSE_COLOUR if o and not s_ else "#ef6c00" if s_ and o else NEUTRAL_COLOUR
        a_label = labels.get(actor, "other groups and stakeholders")
        t_label = bundle.themes[t].label if t in bundle.themes else "other themes"
        edges.append({"from": actor, "to": t, "color": {"color": colour, "opacity": 0.55},
                      "width": round(0.5 + min(s_ + o, 40) / 8, 2),
                      "title": f"{a_label} on {t_label}: {s_} support, {o} oppose, {c['neutral']} neutral",
                      "themes": [t_label]})
    legend = [{"symbol": "▭", "label": "group (members) or stakeholder"}, {"symbol": "▭", "label": "theme (coloured border)"},
              {"symbol": "—", "label": "orange: both support and opposition", "color": "#ef6c00"}]
    return {"nodes": nodes, "edges": edges, "themes": sorted(bundle.themes[t].label for t in themes),
            "legend": legend, "aggregated": True}


def _columns(nodes: list[dict[str, Any]], tally: dict[tuple[str, str], Counter[str]], actors: set[str],
             themes: set[str]) -> None:
    """Fixed places for the aggregated view: themes in the middle column, groups in a column on each side
    (each beside the themes it speaks on most), so the same picture comes back on every load."""
    row, col_gap = 30, 360
    theme_nodes = [n for n in nodes if n["kind"] == "theme"]
    t_row = {n["id"]: k for k, n in enumerate(theme_nodes)}
    actor_nodes = [n for n in nodes if n["kind"] != "theme"]

    def centre(a: str) -> float:
        weights = [(t_row.get(t if t in themes else "other-themes", 0), sum(c.values()))
                   for (x, t), c in tally.items() if (x if x in actors else "other-stakeholders") == a]
        total = sum(w for _, w in weights) or 1
        return sum(r * w for r, w in weights) / total

    ordered = sorted(actor_nodes, key=lambda n: (centre(n["id"]), n["id"]))
    left, right = ordered[0::2], ordered[1::2]
    height = max(len(theme_nodes), len(left), len(right), 1) * row
    for column, x in ((left, -col_gap), (theme_nodes, 0), (right, col_gap)):
        step = height / max(len(column), 1)
        for k, n in enumerate(column):
            n["x"], n["y"] = x, round(step * (k + 0.5) - height / 2, 1)


def _legend(nodes: list[dict[str, Any]]) -> list[dict[str, str]]:
    """One entry per kind of node drawn, with the symbol of the shape it is drawn with."""
    kinds = {n["kind"] for n in nodes}
    return [{"symbol": SHAPES[k][1], "label": SHAPES[k][2]} for k in SHAPES if k in kinds]


# --------------------------------------------------------------------------- rendering

def render_html(data: dict[str, Any], *, title: str, subtitle: str = "", seed: int = 7) -> str:
    """A self-contained HTML page for map `data` (nodes, edges, themes, legend); layout from `seed`."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from markupsafe import Markup

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]))
    fixed = bool(data["nodes"]) and all("x" in n for n in data["nodes"])
    options: dict[str, Any] = {
        "layout": {"randomSeed": seed, "improvedLayout": len(data["nodes"]) <= 150},
        "physics": {"enabled": True, "solver": "barnesHut", "stabilization": {"enabled": True, "iterations": 400, "fit": True},
                    "barnesHut": {"gravitationalConstant": -9000, "centralGravity": 0.25, "springLength": 160,
                                  "springConstant": 0.02, "damping": 0.4, "avoidOverlap": 0.3}},
        "interaction": {"hover": True, "navigationButtons": False, "tooltipDelay": 120},
        "nodes": {"scaling": {"min": 10, "max": 36, "label": {"enabled": False}},
                  "font": {"size": 14, "face": "system-ui, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1, "margin": 5},
        "edges": {"smooth": False, "selectionWidth": 2},
    }
    if fixed:  # places given: no physics, labels at their size
        options["physics"] = {"enabled": False}
        options["layout"] = {"improvedLayout": False}
    js, css = vis_assets()
    return env.get_template("network.html").render(
        title=title, subtitle=subtitle, vis_js=Markup(js), vis_css=Markup(css), options_json=Markup(script_json(options)),
        data_json=Markup(script_json({k: data.get(k) for k in ("nodes", "edges", "themes", "legend")})),
        stance_colours=STANCE_COLOURS, n_nodes=len(data["nodes"]), n_edges=len(data["edges"]), fixed=fixed)


def graph_map_html(bundle: Bundle, *, max_nodes: int = 300, title: str = "stancegraph") -> str:
    """The whole graph as one self-contained HTML page (aggregated to groups x themes when large)."""
    data = graph_map_data(bundle, max_nodes=max_nodes)
    sub = ("groups and themes, aggregated: the graph has more than "
           f"{max_nodes} nodes" if data["aggregated"] else "stakeholders, groups, claims and themes") + f" · {len(data['nodes'])} nodes"
    return render_html(data, title=title, subtitle=sub)


def external_urls(html: str) -> list[str]:
    """URLs a page would fetch from other hosts (src/href attributes, CSS url(), @import)."""
    import re

    pattern = re.compile(r"""(?:\b(?:src|href|action)\s*=\s*["']?|url\(\s*["']?|@import\s+["'])\s*((?:https?:)?//[^"')\s>]+)""",
                         re.IGNORECASE)
    return [m.group(1) for m in pattern.finditer(html)]
