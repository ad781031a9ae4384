"""The tension view: tension cards beside a map that reads like them, as one self-contained HTML page.

Built from the output of ``find_tensions`` (a result, not the analysis: exports never run analyses) and
the Bundle it was computed on:

* **Cards**, one per cluster in the analysis's order (most contested first): every question (a claim, or
  a claim and the alternative that contradicts it) with its two camps, *For* and *Against*, each listing
  its stakeholders under their group; every stakeholder opens, in one click, on its quotes with the
  document, section and source. Bridges (middle positions, people on both sides) close the card.
* **The map** draws the same clusters apart, one framed box each, a page at a time: the claims in the
  middle, one side on the left and the other on the right (the sides of the analysis: see ``orientation``),
  support green and opposition red. The page script lays it out deterministically from the data and the
  size of the map (no physics, no randomness), at scale 1, with labels of 13 px or more, full text on
  hover. Claims are coloured by theme, from the theme's id (:func:`theme_colour`), so a theme keeps its
  colour whatever else is loaded; the legend has one entry per theme.
* **Scale**: above :data:`GROUP_LEVEL_ABOVE` stakeholders the map shows groups (with counts) instead of
  individuals and the cards fold each group; individuals are one click away. Each side of a cluster shows
  at most a few nodes and a "+ N more" node.
* **Filters** for document, theme and group act on the cards and the map alike (in the page).

Escaping: card text goes through Jinja's autoescape; the map's data is JSON inside
``<script type="application/json">`` (see :func:`~.viz.script_json`) and reaches the screen through
``textContent`` and vis-network (canvas labels, ``innerText`` tooltips); clicking a node copies card
elements (already escaped) into the details panel. Nothing from a document is ever parsed as HTML.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache
from typing import Any

from markupsafe import Markup, escape

from ..model.catalog import display_labels
from ..model.records import Bundle, Passage, Position
from .viz import (NEUTRAL_COLOUR, OPPOSE_COLOUR, SUPPORT_COLOUR, TEMPLATES, script_json, short_text, theme_colour,
                  vis_assets)

#: above this many stakeholders in the view, the map shows groups and the cards fold them
GROUP_LEVEL_ABOVE = 300
MAX_CARDS = 80
QUOTES_PER_ENTRY = 2
QUOTE_CHARS = 700
STANCE_CODE = {"support": 1, "oppose": -1, "neutral": 0}


class _Index:
    """Numbered tables of what the page refers to (stakeholders, groups, claims, themes, documents)."""

    def __init__(self) -> None:
        self.keys: dict[str, dict[str, int]] = defaultdict(dict)

    def __call__(self, table: str, key: str) -> int:
        t = self.keys[table]
        if key not in t:
            t[key] = len(t)
        return t[key]

    def items(self, table: str) -> list[str]:
        return list(self.keys[table])


def _ancestors(bundle: Bundle, theme_id: str) -> list[str]:
    out, todo = [], [theme_id]
    while todo:
        t = todo.pop()
        if t not in out:
            out.append(t)
            th = bundle.themes.get(t)
            todo.extend(th.broader if th else ())
    return out


def _where(bundle: Bundle, e: Passage) -> tuple[str, str, str]:
    doc = bundle.documents.get(e.document)
    src = bundle.sources.get(e.source) if e.source else None
    return (doc.title if doc else e.document), " › ".join(e.section), (src.label if src else "")


def tension_view(bundle: Bundle, tensions: list[dict[str, Any]] | None, *, level: str = "auto",
                 theme: str | None = None) -> dict[str, Any]:
    """The cards (plain data for the template) and the map's data, from find_tensions output.

    `level` is ``auto`` (groups above GROUP_LEVEL_ABOVE stakeholders), ``groups`` or ``individuals``;
    `theme` (an id or label) preselects the theme filter.
    """
    idx = _Index()
    clusters = [c for c in (tensions or []) if c.get("questions")][:MAX_CARDS]
    wanted: set[tuple[str, str]] = set()
    for c in clusters:
        for q in c["questions"]:
            for side in q["sides"]:
                for sid in side.get("ids", ()):
                    wanted.add((sid, side.get("via", {}).get(sid, q["claim"])))
            for sid in q.get("neutral", {}).get("ids", ()):
                wanted.add((sid, q["claim"]))
    held: dict[tuple[str, str], list[Position]] = defaultdict(list)
    for p in bundle.positions.values():
        if (p.stakeholder, p.claim) in wanted:
            held[(p.stakeholder, p.claim)].append(p)
    people = {sid for sid, _ in wanted}
    labels = display_labels(bundle, people)
    if level == "auto":
        level = "groups" if len(people) > GROUP_LEVEL_ABOVE else "individuals"
    group_of = {sid: _group(bundle, sid) for sid in people}

    cards: list[dict[str, Any]] = []
    entries: list[list[Any]] = []
    map_clusters: list[dict[str, Any]] = []
    claim_themes: dict[str, list[str]] = {}
    for t, c in enumerate(clusters):
        top = list(c.get("theme_ids", []))
        card_docs: set[int] = set()
        card_themes: set[int] = set()
        questions = []
        map_claims: list[int] = []
        orient: list[int] = []
        for q in c["questions"]:
            cid = q["claim"]
            ci = idx("claims", cid)
            claim = bundle.claims.get(cid)
            own = list(claim.themes) if claim else []
            primary = next((x for x in top if x in own), own[0] if own else None)
            claim_themes[cid] = ([primary] if primary else []) + [x for x in own if x != primary]
            for th in own:
                for a in _ancestors(bundle, th):
                    card_themes.add(idx("themes", a))
            q_docs: set[int] = set()
            camps = []
            stance_rows = [("support", q["sides"][0]), ("oppose", q["sides"][1])]
            neutral = q.get("neutral") or {}
            if neutral.get("ids"):
                stance_rows.append(("neutral", {"ids": neutral["ids"]}))
            for camp_stance, side in stance_rows:
                via = side.get("via", {})
                found = []
                for sid in side.get("ids", ()):
                    on = via.get(sid, cid)
                    stance = "support" if sid in via else camp_stance
                    ps = [p for p in held.get((sid, on), ()) if p.stance.value == stance]
                    entry = _entry(bundle, idx, sid, labels[sid], group_of[sid], ps, via=on if sid in via else None)
                    entry["html"] = _entry_html(entry, t, ci, camp_stance)
                    q_docs.update(entry["docs"])
                    found.append(entry)
                    entries.append([t, ci, entry["s"], STANCE_CODE[camp_stance],
                                    idx("claims", on) if sid in via else -1, entry["docs"]])
                camps.append({"stance": camp_stance, "title": {"support": "For", "oppose": "Against",
                                                                "neutral": "Neutral"}[camp_stance],
                              "n": len(found), "blocks": _blocks(found, level)})
            card_docs |= q_docs
            questions.append({"claim": ci, "text": q["text"], "themes": [idx("themes", x) for x in own],
                              "theme_keys": sorted({idx("themes", a) for x in own for a in _ancestors(bundle, x)}),
                              "alternatives": [a["text"] for a in q.get("alternatives", [])], "camps": camps,
                              "docs": sorted(q_docs)})
            map_claims.append(ci)
            orient.append(int(q.get("orientation", 1)))
        sides = {s["stance"]: s for s in c["sides"]}
        cards.append({
            "t": t, "id": c.get("id", f"t{t + 1}"), "rank": t + 1, "label": c.get("label", ""),
            "themes": [{"i": idx("themes", x), "label": _theme_label(bundle, x), "colour": theme_colour(x)} for x in top[:4]],
            "n_for": len(sides.get("support", {}).get("stakeholders", [])),
            "n_against": len(sides.get("oppose", {}).get("stakeholders", [])),
            "one_sided": bool(c.get("one_sided")), "questions": questions,
            "more_questions": max(0, int(c.get("questions_total", len(questions))) - len(questions)),
            "bridges": [_bridge(b, labels) for b in c.get("bridges", [])][:8],
            "docs": sorted(card_docs), "theme_keys": sorted(card_themes),
        })
        turned = any(o < 0 for o in orient)
        map_clusters.append({"rank": t + 1, "label": short_text(c.get("label") or "", 70), "claims": map_claims,
                             "orient": orient, "one_sided": bool(c.get("one_sided")),
                             "captions": ["Side A", "Side B"] if turned else ["For", "Against"]})

    claims_out: list[dict[str, Any]] = []
    for cid in idx.items("claims"):
        claim = bundle.claims.get(cid)
        text = claim.text if claim else cid
        ths = claim_themes.get(cid) or (list(claim.themes) if claim else [])
        claims_out.append({"label": short_text(text, 90), "text": text,
                           "colour": theme_colour(ths[0]) if ths else NEUTRAL_COLOUR,
                           "theme": idx("themes", ths[0]) if ths else -1,
                           "themes": sorted({idx("themes", a) for x in ths for a in _ancestors(bundle, x)})})
    stakeholders_out: list[dict[str, Any]] = []
    for sid in idx.items("stakeholders"):
        sh = bundle.stakeholders.get(sid)
        g = group_of.get(sid)
        stakeholders_out.append({"label": short_text(labels.get(sid, sid), 34), "text": labels.get(sid, sid),
                                 "kind": sh.kind if sh else "group", "group": idx("groups", g) if g else -1})
    groups_out: list[dict[str, Any]] = []
    members = Counter(group_of[sid] for sid in people if group_of.get(sid))
    for gid in idx.items("groups"):
        sh = bundle.stakeholders.get(gid)
        label = sh.label if sh else gid
        groups_out.append({"label": short_text(label, 30), "text": label, "members": members.get(gid, 0),
                           "s": idx.keys["stakeholders"].get(gid, -1)})
    themes_out: list[dict[str, str]] = [{"id": x, "label": _theme_label(bundle, x), "colour": theme_colour(x)}
                                        for x in idx.items("themes")]
    legend = sorted({c["theme"] for c in claims_out if c["theme"] >= 0}, key=lambda i: themes_out[i]["label"].casefold())
    documents_out: list[dict[str, str]] = [{"id": d, "title": bundle.documents[d].title if d in bundle.documents else d}
                     for d in idx.items("documents")]
    theme_pick = -1
    if theme:
        for i, row in enumerate(themes_out):
            if theme in (row["id"], row["label"]) or theme.casefold() == row["label"].casefold():
                theme_pick = i
    data = {"clusters": map_clusters, "claims": claims_out, "stakeholders": stakeholders_out, "groups": groups_out,
            "entries": entries, "themes": themes_out, "legend": legend, "documents": documents_out, "level": level,
            "filter": {"theme": theme_pick},
            "colours": {"support": SUPPORT_COLOUR, "oppose": OPPOSE_COLOUR, "neutral": NEUTRAL_COLOUR}}
    return {"cards": cards, "data": data, "level": level, "people": len(people),
            "options": {"documents": sorted(range(len(documents_out)), key=lambda i: documents_out[i]["title"].casefold()),
                        "themes": sorted({x for c in cards for x in c["theme_keys"]},
                                         key=lambda i: themes_out[i]["label"].casefold()),
                        "groups": sorted((i for i, g in enumerate(groups_out)), key=lambda i: groups_out[i]["text"].casefold())},
            "documents": documents_out, "themes": themes_out, "groups": groups_out}


def _theme_label(bundle: Bundle, theme_id: str) -> str:
    th = bundle.themes.get(theme_id)
    return th.label if th else theme_id


def _group(bundle: Bundle, sid: str) -> str | None:
    """The group a stakeholder is shown under: its first group by label (None when it belongs to none)."""
    sh = bundle.stakeholders.get(sid)
    if sh is None or not sh.member_of:
        return None
    groups = [g for g in sh.member_of if g in bundle.stakeholders] or list(sh.member_of)
    return min(groups, key=lambda g: ((bundle.stakeholders[g].label if g in bundle.stakeholders else g).casefold(), g))


def _entry(bundle: Bundle, idx: _Index, sid: str, label: str, group: str | None, positions: list[Position], *,
           via: str | None) -> dict[str, Any]:
    """One stakeholder in one camp: its quotes (document, section, source) and the documents they come from."""
    quotes: list[dict[str, str]] = []
    docs: set[int] = set()
    quantifiers = sorted({p.quantifier for p in positions if p.quantifier})
    for p in sorted(positions, key=lambda p: (-p.strength, p.id)):
        docs.add(idx("documents", p.document))
        for e in p.evidence:
            docs.add(idx("documents", e.document))
            if len(quotes) < QUOTES_PER_ENTRY:
                title, section, source = _where(bundle, e)
                text = " ".join(e.quote.split())
                quotes.append({"text": text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…",
                               "document": title, "section": section, "source": source})
    via_text = None
    if via is not None:
        claim = bundle.claims.get(via)
        via_text = claim.text if claim else via
    return {"s": idx("stakeholders", sid), "label": label, "g": idx("groups", group) if group else -1,
            "group": group, "quotes": quotes, "docs": sorted(docs), "docs_attr": " ".join(map(str, sorted(docs))),
            "via": via_text,
            "quantifier": ", ".join(quantifiers)}


def _entry_html(e: dict[str, Any], t: int, c: int, stance: str) -> Markup:
    """One stakeholder of a camp as a card list item: the template's most repeated part, built here once per
    entry for speed. Every value from the data goes through markupsafe's escape."""
    quotes = "".join(f'<blockquote>“{escape(q["text"])}”</blockquote><p class="cite">{escape(q["document"])}'
                     + (f" — {escape(q['section'])}" if q["section"] else "")
                     + (f" · {escape(q['source'])}" if q["source"] else "") + "</p>" for q in e["quotes"]) \
        or '<p class="cite">no quote recorded</p>'
    quant = f' <span class="quant">({escape(e["quantifier"])})</span>' if e["quantifier"] else ""
    via = f' <span class="via">backs instead: {escape(e["via"])}</span>' if e["via"] else ""
    return Markup(f'<li class="entry" data-t="{t}" data-c="{c}" data-s="{e["s"]}" data-g="{e["g"]}" data-st="{escape(stance)}" '
                  f'data-docs="{e["docs_attr"]}"><details><summary><span class="who">{escape(e["label"])}</span>{quant}{via}'
                  f'</summary><div class="quotes">{quotes}</div></details></li>')


def _blocks(found: list[dict[str, Any]], level: str) -> list[dict[str, Any]]:
    """A camp's stakeholders under their groups: the largest groups first, the ungrouped last."""
    by_group: dict[int, list[dict[str, Any]]] = defaultdict(list)
    blocks: list[dict[str, Any]] = []
    for e in found:
        by_group[e["g"]].append(e)
    for g, members in by_group.items():
        members.sort(key=lambda e: (e["label"].casefold(), e["s"]))
        blocks.append({"g": g, "entries": members, "open": level == "individuals" or g < 0 or len(members) <= 3})
    blocks.sort(key=lambda b: (b["g"] < 0, -len(b["entries"]), b["g"]))
    return blocks


def _bridge(b: dict[str, Any], labels: dict[str, str]) -> dict[str, Any]:
    if b.get("kind") == "stakeholder":
        return {"kind": "stakeholder", "text": labels.get(b.get("id", ""), b.get("label", "")),
                "reason": b.get("reason", "")}
    return {"kind": "claim", "text": b.get("text", ""), "reason": b.get("reason", ""),
            "supporters": ", ".join(b.get("supporters", [])[:6]) + (" …" if len(b.get("supporters", [])) > 6 else "")}


def tension_map_html(bundle: Bundle, tensions: list[dict[str, Any]] | None = None, *, theme: str | None = None,
                     title: str = "Tension view", level: str = "auto") -> str:
    """The tension view (cards and map) as one self-contained HTML page. `tensions` is find_tensions output."""
    view = tension_view(bundle, tensions, level=level, theme=theme)
    template, page_js = _template()
    js, css = vis_assets()
    n_docs = len(bundle.documents)
    subtitle = (f"{len(view['cards'])} tension clusters, most contested first · {view['people']} stakeholders take "
                f"sides in them · {n_docs} document{'s' if n_docs != 1 else ''}")
    return template.render(
        title=title, subtitle=subtitle, view=view, vis_js=Markup(js), vis_css=Markup(css), page_js=Markup(page_js),
        data_json=Markup(script_json(view["data"])), colours=view["data"]["colours"])


@lru_cache(maxsize=1)
def _template() -> tuple[Any, str]:
    """The page template (compiled once) and the page script."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    return env.get_template("tensions.html"), (TEMPLATES / "tensions.js").read_text(encoding="utf-8")
