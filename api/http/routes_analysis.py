"""``/analysis/...``: convergence, conflicts, tension clusters, consensus, networks and polarisation.

Thin views over :mod:`stancegraph.graph.analysis.convergence` (and :mod:`stancegraph.graph.analysis.network`): each
result is computed once per store generation and parameters, then served from the cache (the
encoded bytes included), so repeated calls cost a dictionary lookup. JSON is the list shape of
DESIGN.md (``X-Total-Count`` gives the length before ``limit``/``offset``); CSV on request.
"""

from __future__ import annotations

import importlib
import json
from enum import Enum
from typing import Annotated, Any, Callable

from fastapi import APIRouter, Query, Request, Response

from ...graph.model.errors import BackendUnavailable
from ...graph.export.formats import write_csv
from ...graph.analysis.network import Level, Mode
from .responses import CSV, GZIP_MIN_BYTES, JSON, cached_body_response, dumps, gzip_body, negotiate

router = APIRouter(prefix="/analysis", tags=["analysis"])


class Normalize(str, Enum):
    no = "no"
    average = "average"
    jaccard = "jaccard"
    cosine = "cosine"


class TableFormat(str, Enum):
    json = "json"
    csv = "csv"


Theme = Annotated[str | None, Query(description="Only claims on this theme (id or label; narrower themes included).")]
Document = Annotated[str | None, Query(description="Only positions from this document (id).")]
Method = Annotated[str | None, Query(description="Only evidence from sources of this method (e.g. workshop).")]
Kind = Annotated[str | None, Query(description="Only documents of this kind (report, transcript...).")]
DateFrom = Annotated[str | None, Query(description="Only positions dated on or after this ISO date.")]
DateTo = Annotated[str | None, Query(description="Only positions dated on or before this ISO date.")]
Limit = Annotated[int | None, Query(ge=1, le=10_000, description="At most this many rows.")]
Offset = Annotated[int, Query(ge=0, description="Rows to skip.")]
Format = Annotated[TableFormat | None, Query(description="json or csv; overrides Accept.")]

_PROBLEM: dict[str, Any] = {"content": {"application/problem+json": {}}}
_RESPONSES: dict[int | str, dict[str, Any]] = {200: {"content": {JSON: {}, CSV: {}}}, 400: _PROBLEM, 404: _PROBLEM,
                                               406: _PROBLEM, 503: _PROBLEM}


#: analysis name -> (module in stancegraph.graph.analysis, function)
ANALYSES = {
    "convergence": ("convergence", "find_convergence"),
    "conflicts": ("convergence", "find_conflicts"),
    "tensions": ("tensions", "find_tensions"),
    "consensus": ("convergence", "compute_consensus"),
    "network": ("network", "compute_network"),
    "polarisation": ("polarisation", "compute_polarisation"),
}


def _graph_attr(module: str, name: str) -> Any:
    try:
        mod = importlib.import_module(f"stancegraph.graph.analysis.{module}")
    except ImportError:
        mod = None
    fn = getattr(mod, name, None)
    if fn is None:
        raise BackendUnavailable(f"the analysis {name} is not available in this build")
    return fn


def analysis_function(name: str) -> Callable[..., Any]:
    """The function behind analysis `name` (a key of ANALYSES); BackendUnavailable if not installed."""
    module, fn = ANALYSES[name]
    return _graph_attr(module, fn)  # type: ignore[no-any-return]


def _key(params: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k, str(v)) for k, v in params.items()))


def stance_matrix(svc: Any, filters: dict[str, Any]) -> Any:
    """The stance matrix for `filters`, built once per store generation and shared by every analysis."""
    build = _graph_attr("matrix", "build_matrix")
    return svc.cached(("matrix", _key(filters)), lambda: build(svc.bundle(), **filters))


#: the analyses the start-up warm-up computes (unfiltered) and saves in the snapshot beside the store
WARM_ANALYSES = ("conflicts", "convergence")


def warm_caches(svc: Any) -> None:
    """Build the records, the unfiltered stance matrix and analyses, then save them beside the store, so the
    next start reads them back instead (:meth:`~stancegraph.api.http.service.Service.save_snapshot`)."""
    mark = svc.store.write_mark()  # before reading: a write while building leaves the snapshot unsaved
    stance_matrix(svc, {})
    for name in WARM_ANALYSES:  # the results, and the JSON of them as sent (gzip-compressed when large)
        key, (body, _total) = encoded(svc, name, {})
        if len(body) >= GZIP_MIN_BYTES:
            svc.cached(("gzip", key), lambda: gzip_body(body))
    svc.save_snapshot(mark)


def encoded(svc: Any, name: str, filters: dict[str, Any], options: dict[str, Any] | None = None, *, media: str = JSON,
            limit: int | None = None, offset: int = 0) -> tuple[tuple[Any, ...], tuple[bytes, int]]:
    """The cache key and the (cached) encoded rows of analysis `name`, with the total before paging."""
    result = run_analysis(svc, name, filters, options)

    def encode() -> tuple[bytes, int]:
        rows = result
        total = len(rows) if isinstance(rows, list) else 1
        if isinstance(rows, list):
            rows = rows[offset: None if limit is None else offset + limit]
        if media == CSV:
            return table_csv(rows if isinstance(rows, list) else [rows]), total
        return dumps(rows), total

    key = ("encoded", name, _key(filters), _key(options or {}), media, limit, offset)
    return key, svc.cached(key, encode)


def run_analysis(svc: Any, name: str, filters: dict[str, Any], options: dict[str, Any] | None = None) -> Any:
    """Analysis `name` on the cached matrix for `filters` (the result cached as well)."""
    options = options or {}
    fn = analysis_function(name)
    return svc.cached(("analysis", name, _key(filters), _key(options)),
                      lambda: fn(stance_matrix(svc, filters), **options))


def _filters(**kw: Any) -> dict[str, Any]:
    return {k: v for k, v in kw.items() if v is not None}


def _cell(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        if all(not isinstance(v, (dict, list, tuple)) for v in value):
            return "; ".join(str(v) for v in value)
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def table_csv(rows: list[dict[str, Any]]) -> bytes:
    """Rows of dicts as CSV: columns in first-seen order, lists joined, nested values as JSON."""
    columns: list[str] = []
    for r in rows:
        for k in r:
            if k not in columns:
                columns.append(k)
    return write_csv(({k: _cell(v) for k, v in r.items()} for r in rows), columns).encode("utf-8")


def answer(request: Request, name: str, filters: dict[str, Any], options: dict[str, Any] | None = None, *,
           limit: int | None = None, offset: int = 0, format: TableFormat | None = None) -> Response:
    """Compute (or fetch from the cache) analysis `name` and encode it as asked (the bytes cached too)."""
    svc = request.app.state.service
    media = negotiate(request, [JSON, CSV], format.value if format else None)
    key, (body, total) = encoded(svc, name, filters, options, media=media, limit=limit, offset=offset)
    headers = {"X-Total-Count": str(total)}
    if media == CSV:
        headers["Content-Disposition"] = f'inline; filename="{name}.csv"'
    return cached_body_response(request, svc.cached, key, body, headers=headers,
                                media_type="text/csv; charset=utf-8" if media == CSV else JSON)


@router.get("/convergence", summary="Claims many groups back and none oppose", response_class=Response,
            responses=_RESPONSES)
def convergence(request: Request, theme: Theme = None, document: Document = None, method: Method = None,
                kind: Kind = None, date_from: DateFrom = None, date_to: DateTo = None,
                limit: Limit = None, offset: Offset = 0, format: Format = None) -> Response:
    """``[{"claim", "text", "themes", "groups", "support", "oppose", "score"}]``, best first."""
    filters = _filters(theme=theme, document=document, method=method, kind=kind, date_from=date_from, date_to=date_to)
    return answer(request, "convergence", filters, limit=limit, offset=offset, format=format)


@router.get("/conflicts", summary="Claims some groups back and others oppose", response_class=Response,
            responses=_RESPONSES)
def conflicts(request: Request, theme: Theme = None, document: Document = None, method: Method = None,
              kind: Kind = None, date_from: DateFrom = None, date_to: DateTo = None,
              group_a: Annotated[str | None, Query(description="Only conflicts between this group...")] = None,
              group_b: Annotated[str | None, Query(description="...and this one.")] = None,
              limit: Limit = None, offset: Offset = 0, format: Format = None) -> Response:
    """``[{"claim", "text", "themes", "support", "oppose", "score", "evidence"}]``, sharpest first."""
    filters = _filters(theme=theme, document=document, method=method, kind=kind, date_from=date_from, date_to=date_to)
    options = _filters(group_a=group_a, group_b=group_b)
    return answer(request, "conflicts", filters, options, limit=limit, offset=offset, format=format)


@router.get("/tensions", summary="Tension clusters", response_class=Response, responses=_RESPONSES)
def tensions(request: Request, theme: Theme = None, document: Document = None, method: Method = None,
             kind: Kind = None, date_from: DateFrom = None, date_to: DateTo = None,
             seed: Annotated[int, Query(ge=0, le=2**31 - 1, description="Seed of the community detection.")] = 0,
             limit: Limit = None, offset: Offset = 0, format: Format = None) -> Response:
    """``[{"id", "label", "themes", "claims", "sides", "bridges", "evidence"}]``: knots of contested claims."""
    filters = _filters(theme=theme, document=document, method=method, kind=kind, date_from=date_from, date_to=date_to)
    return answer(request, "tensions", filters, {"seed": seed}, limit=limit, offset=offset, format=format)


@router.get("/consensus", summary="Per-claim consensus and divisiveness across groups", response_class=Response,
            responses=_RESPONSES)
def consensus(request: Request, theme: Theme = None, document: Document = None, method: Method = None,
              kind: Kind = None, date_from: DateFrom = None, date_to: DateTo = None,
              limit: Limit = None, offset: Offset = 0, format: Format = None) -> Response:
    """Every claim with per-group counts, group-informed ``consensus`` and ``divisiveness``."""
    filters = _filters(theme=theme, document=document, method=method, kind=kind, date_from=date_from, date_to=date_to)
    return answer(request, "consensus", filters, limit=limit, offset=offset, format=format)


class NetworkFormat(str, Enum):
    json = "json"
    csv = "csv"
    graphml = "graphml"
    gexf = "gexf"


NETWORK_MEDIA = {"json": JSON, "csv": "text/csv; charset=utf-8", "graphml": "application/graphml+xml",
                 "gexf": "application/gexf+xml"}


@router.get("/network", summary="One-mode congruence or conflict network", response_class=Response,
            responses={200: {"content": {JSON: {}, CSV: {}, "application/graphml+xml": {}, "application/gexf+xml": {}}},
                       400: _PROBLEM, 404: _PROBLEM, 406: _PROBLEM, 503: _PROBLEM})
def network(request: Request, mode: Mode = Mode.congruence, level: Level = Level.stakeholder,
            normalize: Normalize = Normalize.no, theme: Theme = None, document: Document = None,
            method: Method = None, kind: Kind = None, date_from: DateFrom = None, date_to: DateTo = None,
            format: Annotated[NetworkFormat | None, Query(description="json, csv (labelled square matrix), graphml or gexf; overrides Accept.")] = None) -> Response:
    """A network in the Discourse Network Analyzer's sense (weights count statements); CSV is a labelled
    square matrix with an empty corner cell."""
    svc = request.app.state.service
    filters = _filters(theme=theme, document=document, method=method, kind=kind, date_from=date_from, date_to=date_to)
    options = {"mode": mode.value, "level": level.value, "normalize": normalize.value}
    fmt = format.value if format else {JSON: "json", CSV: "csv"}[negotiate(request, [JSON, CSV])]
    net = run_analysis(svc, "network", filters, options)
    serialize = _graph_attr("network", "serialize_network")
    key = ("encoded", "network", _key(filters), _key(options), fmt)
    body = svc.cached(key, lambda: serialize(net, fmt))
    headers = {"Content-Disposition": f'inline; filename="network.{fmt}"'} if fmt != "json" else {}
    return cached_body_response(request, svc.cached, key, body, media_type=NETWORK_MEDIA[fmt], headers=headers)


@router.get("/polarisation", summary="How polarised the groups are", response_class=Response, responses=_RESPONSES)
def polarisation(request: Request, level: Level = Level.group, theme: Theme = None, document: Document = None,
                 method: Method = None, kind: Kind = None, date_from: DateFrom = None, date_to: DateTo = None,
                 seed: Annotated[int, Query(ge=0, le=2**31 - 1, description="Seed of the camp search.")] = 0,
                 format: Format = None) -> Response:
    """Polarisation of the whole graph and of each theme (score and DNA's normalised Q)."""
    filters = _filters(theme=theme, document=document, method=method, kind=kind, date_from=date_from, date_to=date_to)
    return answer(request, "polarisation", filters, {"level": level.value, "seed": seed}, format=format)
