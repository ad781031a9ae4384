"""A bundle as a networkx graph with typed nodes and edges: the shape network tools expect.

Nodes are keyed by record id and carry ``node_type`` (``stakeholder``, ``claim``, ``theme``)
and ``label``. Edges are directed and keyed, so that nothing merges:

============  ==================  =====================================================
relation      from -> to          key and attributes
============  ==================  =====================================================
``stance``    stakeholder->claim  the position id; ``stance``, ``sign`` (+1/-1/0),
                                  ``weight`` (evidence passages, DNA's statement count),
                                  ``strength``, ``document``, ``date``, ``quantifier``
``member_of`` stakeholder->group  ``member_of|<from>|<to>``
``has_theme`` claim->theme        ``has_theme|<from>|<to>``
``broader``   theme->theme        ``broader|<from>|<to>``
``contradicts``, ``refines``      claim->claim, keyed the same way
============  ==================  =====================================================

Values are Python data (tuples, dicts); :func:`flat_graph` turns them into the scalars
GraphML, GEXF and CSV can hold (tuples joined with ``|``, dict entries as ``attr_<key>``).

>>> from stancegraph.graph.model.records import Bundle, new_document, new_stakeholder, new_claim, new_position
>>> b = Bundle(); d = new_document("d.txt"); s = new_stakeholder("Unions"); c = new_claim("Pay must rise")
>>> b.add(d, s, c, new_position(s, c, "support", document=d.id))
>>> g = bundle_to_networkx(b)
>>> [(g.nodes[u]["label"], data["stance"], g.nodes[v]["label"]) for u, v, data in g.edges(data=True)]
[('Unions', 'support', 'Pay must rise')]
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from ..model.records import Bundle

LIST_SEPARATOR = "|"


def _link(g: nx.MultiDiGraph, relation: str, a: str, b: str) -> None:
    if a in g and b in g:
        g.add_edge(a, b, key=f"{relation}|{a}|{b}", relation=relation, label=relation)


def bundle_to_networkx(bundle: Bundle) -> nx.MultiDiGraph:
    """Stakeholders, claims and themes as nodes; positions, memberships and theme links as edges."""
    g = nx.MultiDiGraph()
    for s in sorted(bundle.stakeholders.values(), key=lambda r: r.id):
        g.add_node(s.id, node_type="stakeholder", label=s.label, kind=s.kind, aliases=s.aliases,
                   member_of=s.member_of, attributes=dict(s.attributes))
    for c in sorted(bundle.claims.values(), key=lambda r: r.id):
        g.add_node(c.id, node_type="claim", label=c.text, themes=c.themes, flags=c.flags)
    for t in sorted(bundle.themes.values(), key=lambda r: r.id):
        g.add_node(t.id, node_type="theme", label=t.label, alt_labels=t.alt_labels, broader=t.broader)
    for p in sorted(bundle.positions.values(), key=lambda r: r.id):
        if p.stakeholder not in g or p.claim not in g:
            continue
        doc = bundle.documents.get(p.document)
        g.add_edge(p.stakeholder, p.claim, key=p.id, relation="stance", label=p.stance.value, stance=p.stance.value,
                   sign=p.stance.sign, weight=max(len(p.evidence), 1), strength=p.strength, document=p.document,
                   document_title=doc.title if doc else None, date=p.date, quantifier=p.quantifier, coder=p.coder)
    for s in bundle.stakeholders.values():
        for group in s.member_of:
            _link(g, "member_of", s.id, group)
    for c in bundle.claims.values():
        for theme_id in c.themes:
            _link(g, "has_theme", c.id, theme_id)
        for other in c.contradicts:
            _link(g, "contradicts", c.id, other)
        for other in c.refines:
            _link(g, "refines", c.id, other)
    for t in bundle.themes.values():
        for other in t.broader:
            _link(g, "broader", t.id, other)
    return g


def flat_value(value: Any) -> str | int | float | bool | None:
    """A scalar for file formats: sequences joined with ``|``, None kept as None (to be dropped)."""
    if isinstance(value, (list, tuple, set, frozenset)):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return value


def flat_attributes(data: dict[str, Any]) -> dict[str, Any]:
    """Attributes with sequences joined, dicts spread into ``attr_<key>`` entries, and None dropped."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            for k, v in value.items():
                out[f"attr_{k}"] = flat_value(v)
        else:
            out[key] = flat_value(value)
    return {k: v for k, v in out.items() if v is not None}


def flat_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose node, edge and graph attributes are all scalars (GraphML, GEXF and CSV need that)."""
    out = nx.MultiDiGraph(**flat_attributes(dict(g.graph)))
    for n, data in g.nodes(data=True):
        out.add_node(n, **flat_attributes(data))
    for u, v, k, data in g.edges(keys=True, data=True):
        out.add_edge(u, v, key=k, **flat_attributes(data))
    return out
