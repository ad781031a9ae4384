"""Export formats for researchers' own tools: GraphML, GEXF, CSV node and edge tables, JSON-LD.

* **GraphML** (visone, yEd, Cytoscape, Gephi) and **GEXF** (Gephi) hold the graph of
  :func:`~stancegraph.graph.export.projection.bundle_to_networkx`: list attributes joined with ``|``,
  stakeholder attributes as ``attr_<key>`` (``attr_type``, ``attr_colour``...). In GEXF the
  stance or relation is the edge label, the position id the edge id, and a stakeholder's DNA
  colour its ``viz`` colour. Both read back with ``networkx.read_graphml`` / ``read_gexf``.
* **CSV** is Gephi's spreadsheet import: a nodes table (``Id``, ``Label``, ``node_type``, ...)
  and an edges table (``Source``, ``Target``, ``Type``, ``Id``, ``Label``, ``Weight``, ...).
  ``stancegraph export --format csv -o graph.csv`` writes ``graph.csv`` (nodes) and
  ``graph.edges.csv`` (edges); to stdout, or with ``-o graph.zip``, a ZIP holding
  ``nodes.csv`` and ``edges.csv``. Cells that a spreadsheet would run as a formula get a
  leading apostrophe (:func:`~stancegraph.graph.export.formats.guard_formula`).
* **JSON-LD** compacted with the published context (``ontology/context.jsonld``), which is
  written inline so the file reads back with no network.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox

from ...ontology import CONTEXT_JSONLD
from .formats import EXTRA_FORMATS, write_csv
from ..model.records import Bundle
from .projection import bundle_to_networkx, flat_graph

#: the IRI the JSON-LD context is published under; readers resolve it to ontology/context.jsonld
CONTEXT_IRI = "https://w3id.org/stancegraph/context.jsonld"
NODE_COLUMNS = ("Id", "Label", "node_type")
EDGE_COLUMNS = ("Source", "Target", "Type", "Id", "Label", "Weight", "relation")


@lru_cache(maxsize=1)
def _context_text() -> str:
    return CONTEXT_JSONLD.read_text(encoding="utf-8")


def published_context() -> dict[str, Any]:
    """The JSON-LD context document (a fresh copy)."""
    return json.loads(_context_text())


# --------------------------------------------------------------------------- GraphML and GEXF

def graphml_bytes(bundle: Bundle) -> bytes:
    """The bundle's graph as GraphML (UTF-8)."""
    buf = io.BytesIO()
    nx.write_graphml(flat_graph(bundle_to_networkx(bundle)), buf, encoding="utf-8", named_key_ids=True)
    return buf.getvalue()


def _viz_colour(value: str) -> dict[str, Any] | None:
    value = value.strip().lstrip("#")
    if len(value) != 6:
        return None
    try:
        r, g, b = (int(value[i:i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return None
    return {"color": {"r": r, "g": g, "b": b, "a": 1.0}}


def gexf_bytes(bundle: Bundle) -> bytes:
    """The bundle's graph as GEXF 1.2 for Gephi, with stakeholder colours as viz colours."""
    g = flat_graph(bundle_to_networkx(bundle))
    for _, data in g.nodes(data=True):
        viz = _viz_colour(str(data.get("attr_colour", "")))
        if viz:
            data["viz"] = viz
    for _, _, key, data in g.edges(keys=True, data=True):
        data["id"] = key
    buf = io.BytesIO()
    nx.write_gexf(g, buf, encoding="utf-8")
    return buf.getvalue()


# --------------------------------------------------------------------------- CSV tables

def csv_tables(bundle: Bundle) -> dict[str, str]:
    """``{"nodes": csv, "edges": csv}`` in Gephi's spreadsheet layout."""
    g = flat_graph(bundle_to_networkx(bundle))
    node_rows = []
    for n, data in g.nodes(data=True):
        row = {k: v for k, v in data.items() if k not in ("label",)}
        row.update({"Id": n, "Label": data.get("label", n)})
        node_rows.append(row)
    edge_rows = []
    for u, v, key, data in g.edges(keys=True, data=True):
        row = {k: val for k, val in data.items() if k not in ("label", "weight")}
        row.update({"Source": u, "Target": v, "Type": "Directed", "Id": key, "Label": data.get("label", ""),
                    "Weight": data.get("weight", 1)})
        edge_rows.append(row)
    return {"nodes": write_csv(node_rows, _columns(node_rows, NODE_COLUMNS)),
            "edges": write_csv(edge_rows, _columns(edge_rows, EDGE_COLUMNS))}


def _columns(rows: Iterable[dict[str, Any]], first: tuple[str, ...]) -> list[str]:
    rest = sorted({k for row in rows for k in row} - set(first))
    return [*first, *rest]


def csv_zip_bytes(bundle: Bundle) -> bytes:
    """A ZIP with ``nodes.csv`` and ``edges.csv`` (for stdout and HTTP, where one file must do)."""
    tables = csv_tables(bundle)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in ("nodes", "edges"):
            info = zipfile.ZipInfo(f"{name}.csv", date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, tables[name].encode("utf-8"))
    return buf.getvalue()


def edges_path(nodes_path: Path) -> Path:
    """``graph.csv`` -> ``graph.edges.csv``."""
    return nodes_path.with_name(nodes_path.stem + ".edges.csv")


def write_csv_tables(bundle: Bundle, nodes_path: str | Path) -> tuple[Path, Path]:
    """Write the nodes table to `nodes_path` and the edges table beside it; return both paths."""
    nodes = Path(nodes_path)
    tables = csv_tables(bundle)
    nodes.write_text(tables["nodes"], encoding="utf-8")
    edges = edges_path(nodes)
    edges.write_text(tables["edges"], encoding="utf-8")
    return nodes, edges


# --------------------------------------------------------------------------- JSON-LD

def jsonld_bytes(triples: Iterable[ox.Triple]) -> bytes:
    """Triples as JSON-LD compacted with the published context, the context written inline."""
    from ..rdf.mapping import to_rdflib

    graph = to_rdflib(triples)
    context = published_context()["@context"]
    text = graph.serialize(format="json-ld", context=context, auto_compact=True, indent=1)
    return text.encode("utf-8") if isinstance(text, str) else bytes(text)


EXTRA_FORMATS.update({"graphml": graphml_bytes, "gexf": gexf_bytes, "csv": csv_zip_bytes})
