"""The notebook API: ``import stancegraph as sg; g = sg.open(".stancegraph")``, then tables.

:func:`open` reads the whole graph once into memory and lets go of the store at once, so that a
notebook never holds it. Two ways in:

- a store folder: opened the way every CLI command opens it (RocksDB admits one process at a time),
  read, and closed. While ``stancegraph serve`` holds the folder this fails with a clear error;
  pyoxigraph's read-only open is not used because it is undefined behaviour while another process writes.
- the URL of a running ``stancegraph serve`` (``http://127.0.0.1:8000``): the graph is fetched once with
  ``GET /export?format=ttl``, a read-only request that is safe while the server serves and writes. The
  Turtle keeps the store's triple order and names the base IRI (prefix ``id:``), so the records come
  back exactly as the server reads them, and every answer equals the server's own, ties included.

Either way the analyses run here on the same records with the same functions as the CLI and the API.
Tables are pandas DataFrames when pandas is installed (``pip install 'stancegraph[pandas]'``) and
lists of dicts otherwise; their columns are the JSON keys of the REST resources and analyses.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from ..graph.analysis.convergence import find_conflicts, find_convergence
from ..graph.analysis.network import compute_network
from ..graph.analysis.tensions import find_tensions
from ..graph.export.projection import bundle_to_networkx
from ..graph.model.catalog import CSV_COLUMNS, Catalog
from ..graph.model.errors import BackendUnavailable, NotFound
from ..graph.model.records import Bundle
from ..graph.rdf.mapping import bundle_from_triples
from ..graph.rdf.store import Store
from ..ontology import names as N

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Graph", "open"]

Rows = list[dict[str, Any]]
EDGE_COLUMNS = ("source", "source_label", "target", "target_label", "weight")


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        return None
    return pandas


class Graph:
    """The graph as read by :func:`open`: its records (:attr:`bundle`) and the questions asked of them."""

    def __init__(self, bundle: Bundle, *, source: str, frames: bool | None = None) -> None:
        self.bundle = bundle
        self.source = source
        if frames and _pandas() is None:
            raise ImportError("frames=True needs pandas: pip install 'stancegraph[pandas]'")
        self.frames = _pandas() is not None if frames is None else frames
        self._catalog: Catalog | None = None

    def __repr__(self) -> str:
        b = self.bundle
        return (f"<stancegraph.Graph {self.source}: {len(b.documents)} documents, {len(b.stakeholders)} stakeholders, "
                f"{len(b.claims)} claims, {len(b.positions)} positions>")

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = Catalog(self.bundle)
        return self._catalog

    def _table(self, rows: Rows, columns: tuple[str, ...] = ()) -> Any:
        if not self.frames:
            return rows
        pd = _pandas()
        return pd.DataFrame(rows) if rows else pd.DataFrame(columns=list(columns))

    def _records(self, kind: str, filters: dict[str, Any]) -> Any:
        rows = self.catalog.list_page(kind, limit=None, **filters)["items"]
        return self._table(rows, CSV_COLUMNS[kind])

    # ------------------------------------------------------------------ records (the REST resources' rows)
    def positions(self, **filters: Any) -> Any:
        """Who takes which stance on which claim; filters as the REST API's (theme, stakeholder, group,
        claim, stance, document, q)."""
        return self._records("positions", filters)

    def claims(self, **filters: Any) -> Any:
        """Claims with their themes and stance counts (same filters as :meth:`positions`)."""
        return self._records("claims", filters)

    def stakeholders(self, **filters: Any) -> Any:
        """Stakeholders with their groups and stance counts (same filters as :meth:`positions`)."""
        return self._records("stakeholders", filters)

    # ------------------------------------------------------------------ analyses
    def tensions(self, *, seed: int = 0, **options: Any) -> Any:
        """Tension clusters, most intense first (options and filters as ``stancegraph analyse tensions``)."""
        return self._table(find_tensions(self.bundle, seed=seed, **options))

    def conflicts(self, **options: Any) -> Any:
        """Contested claims, most contested first (options as ``stancegraph analyse conflicts``)."""
        return self._table(find_conflicts(self.bundle, **options))

    def convergence(self, **options: Any) -> Any:
        """Claims groups back and no one opposes, strongest first (options as ``stancegraph analyse convergence``)."""
        return self._table(find_convergence(self.bundle, **options))

    def network(self, *, mode: str = "congruence", level: str = "stakeholder", normalize: str = "no",
                **filters: Any) -> Any:
        """The one-mode network (DNA's sense) as an edge list: source, target (ids and labels), weight."""
        net = compute_network(self.bundle, mode=mode, level=level, normalize=normalize, **filters)
        labels = dict(zip(net.ids, net.labels))
        rows = [{"source": e["source"], "source_label": labels[e["source"]], "target": e["target"],
                 "target_label": labels[e["target"]], "weight": e["weight"]} for e in net.to_dict()["edges"]]
        return self._table(rows, EDGE_COLUMNS)

    def to_networkx(self) -> "nx.MultiDiGraph":
        """The whole graph with typed nodes (stakeholders, claims, themes...) and edges."""
        return bundle_to_networkx(self.bundle)


def _is_url(location: str) -> bool:
    return urllib.parse.urlsplit(location).scheme in ("http", "https")


def _fetch(url: str, timeout: float) -> Bundle:
    export = url.rstrip("/") + "/export?format=ttl"
    request = urllib.request.Request(export, headers={"Accept": "text/turtle"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only, checked above
            data = response.read()
    except urllib.error.HTTPError as exc:
        try:
            detail = json.loads(exc.read().decode("utf-8")).get("detail") or exc.reason
        except (ValueError, AttributeError):
            detail = exc.reason
        raise BackendUnavailable(f"{export} answered {exc.code}: {detail}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise BackendUnavailable(f"cannot read {export}: {reason} (is `stancegraph serve` running there?)") from None
    try:
        parser = ox.parse(data, format=ox.RdfFormat.TURTLE)
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in parser]
    except SyntaxError as exc:
        raise BackendUnavailable(f"{export} did not answer Turtle: {str(exc).splitlines()[0]}") from None
    return bundle_from_triples(triples, parser.prefixes.get("id", N.DEFAULT_BASE))


def _read(path: Path) -> Bundle:
    if not path.is_dir():
        raise NotFound(f"no store at {path} (`stancegraph ingest` creates one; or pass the URL of a running server)")
    try:
        with Store(path) as store:
            return store.bundle()
    except BackendUnavailable as exc:
        raise BackendUnavailable(f"{exc}. From Python, read through the server instead: "
                                 "sg.open('http://127.0.0.1:8000') (its --host and --port)") from None


def open(location: str | os.PathLike[str] = ".stancegraph", *, frames: bool | None = None,  # noqa: A001
         timeout: float = 60.0) -> Graph:
    """Read a stancegraph graph from a store folder or from a running server's URL.

    `frames`: tables as pandas DataFrames (default: when pandas is installed) or lists of dicts.
    `timeout`: seconds to wait for a server (URLs only).
    """
    text = os.fspath(location)
    if _is_url(text):
        return Graph(_fetch(text, timeout), source=text, frames=frames)
    return Graph(_read(Path(text)), source=text, frames=frames)
