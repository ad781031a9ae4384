"""``/analysis/...``: convergence, conflicts, tension clusters, consensus, networks and polarisation.

Thin views over :mod:`stancegraph.graph.analysis` (and :mod:`stancegraph.graph.network`): each
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

from ..graph.errors import BackendUnavailable
from ..graph.export import write_csv
from .responses import CSV, JSON, dumps, negotiate

router = APIRouter(prefix="/analysis", tags=["analysis"])


class Mode(str, Enum):
    congruence = "congruence"
    conflict = "conflict"
    subtract = "subtract"
    ignore = "ignore"


class Level(str, Enum):
    stakeholder = "stakeholder"
    group = "group"


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

_PROBLEM = {"content": {"application/problem+json": {}}}
_RESPONSES: dict[int | str, dict[str, Any]] = {200: {"content": {JSON: {}, CSV: {}}}, 400: _PROBLEM, 404: _PROBLEM,
                                               406: _PROBLEM, 503: _PROBLEM}


def analysis_function(name: str) -> Callable[..., Any]:
    """The analysis function `name` from graph.analysis or graph.network."""
    for module in ("analysis", "network"):
        try:
            mod = importlib.import_module(f"stancegraph.graph.{module}")
        except ImportError:
            continue
        fn = getattr(mod, name, None)
        if fn is not None:
            return fn  # type: ignore[no-any-return]
    raise BackendUnavailable(f"the analysis {name} is not available in this build")


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


def answer(request: Request, name: str, params: dict[str, Any], *, limit: int | None, offset: int,
           format: TableFormat | None) -> Response:
    """Compute (or fetch from the cache) `name`(bundle, **params) and encode it as asked."""
    svc = request.app.state.service
    media = negotiate(request, [JSON, CSV], format.value if format else None)
    key = ("analysis", name, tuple(sorted((k, str(v)) for k, v in params.items())))
    result = svc.cached(key, lambda: analysis_function(name)(svc.bundle(), **params))

    def encode() -> tuple[bytes, int]:
        rows = result
        total = len(rows) if isinstance(rows, list) else 1
        if isinstance(rows, list):
            rows = rows[offset: None if limit is None else offset + limit]
        if media == CSV:
            if isinstance(rows, dict):
                rows = network_rows(rows)
            return table_csv(rows), total
        return dumps(rows), total

    body, total = svc.cached(key + (media, limit, offset), encode)
    headers = {"X-Total-Count": str(total)}
    if media == CSV:
        headers["Content-Disposition"] = f'inline; filename="{name}.csv"'
        return Response(body, media_type="text/csv; charset=utf-8", headers=headers)
    return Response(body, media_type=JSON, headers=headers)


def network_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    """A network result as rows: its edge list when it has one, else its items."""
    for key in ("edges", "links", "rows"):
        if isinstance(result.get(key), list):
            return result[key]  # type: ignore[no-any-return]
    return [result]


@router.get("/convergence", summary="Claims many groups back and none oppose", response_class=Response,
            responses=_RESPONSES)
def convergence(request: Request, theme: Theme = None, document: Document = None, method: Method = None,
                kind: Kind = None, date_from: DateFrom = None, date_to: DateTo = None,
                limit: Limit = None, offset: Offset = 0, format: Format = None) -> Response:
    """``[{"claim", "text", "themes", "groups", "support", "oppose", "score"}]``, best first."""
    params = _filters(theme=theme, document=document, method=method, kind=kind, date_from=date_from, date_to=date_to)
    return answer(request, "find_convergence", params, limit=limit, offset=offset, format=format)


@router.get("/conflicts", summary="Claims some groups back and others oppose", response_class=Response,
            responses=_RESPONSES)
def conflicts(request: Request, theme: Theme = None, document: Document = None, method: Method = None,
              kind: Kind = None, date_from: DateFrom = None, date_to: DateTo = None,
              group_a: Annotated[str | None, Query(description="Only conflicts between this group...")] = None,
              group_b: Annotated[str | None, Query(description="...and this one.")] = None,
              limit: Limit = None, offset: Offset = 0, format: Format = None) -> Response:
    """``[{"claim", "text", "themes", "support", "oppose", "score", "evidence"}]``, sharpest first."""
    params = _filters(theme=theme, document=document, method=method, kind=kind, date_from=date_from, date_to=date_to,
                      group_a=group_a, group_b=group_b)
    return answer(request, "find_conflicts", params, limit=limit, offset=offset, format=format)


@router.get("/tensions", summary="Tension clusters", response_class=Response, responses=_RESPONSES)
def tensions(request: Request, theme: Theme = None, document: Document = None, method: Method = None,
             kind: Kind = None, date_from: DateFrom = None, date_to: DateTo = None,
             seed: Annotated[int, Query(ge=0, le=2**31 - 1, description="Seed of the community detection.")] = 0,
             limit: Limit = None, offset: Offset = 0, format: Format = None) -> Response:
    """``[{"id", "label", "themes", "claims", "sides", "bridges", "evidence"}]``: knots of contested claims."""
    params = _filters(theme=theme, document=document, method=method, kind=kind, date_from=date_from, date_to=date_to)
    params["seed"] = seed
    return answer(request, "find_tensions", params, limit=limit, offset=offset, format=format)


@router.get("/consensus", summary="Per-claim consensus and divisiveness across groups", response_class=Response,
            responses=_RESPONSES)
def consensus(request: Request, theme: Theme = None, document: Document = None, method: Method = None,
              kind: Kind = None, date_from: DateFrom = None, date_to: DateTo = None,
              limit: Limit = None, offset: Offset = 0, format: Format = None) -> Response:
    """Every claim with per-group counts, group-informed ``consensus`` and ``divisiveness``."""
    params = _filters(theme=theme, document=document, method=method, kind=kind, date_from=date_from, date_to=date_to)
    return answer(request, "compute_consensus", params, limit=limit, offset=offset, format=format)


@router.get("/network", summary="One-mode congruence or conflict network", response_class=Response,
            responses=_RESPONSES)
def network(request: Request, mode: Mode = Mode.congruence, level: Level = Level.stakeholder,
            normalize: Normalize = Normalize.no, theme: Theme = None, document: Document = None,
            method: Method = None, kind: Kind = None, date_from: DateFrom = None, date_to: DateTo = None,
            format: Format = None) -> Response:
    """A network in the Discourse Network Analyzer's sense (weights count statements)."""
    params = _filters(theme=theme, document=document, method=method, kind=kind, date_from=date_from, date_to=date_to)
    params.update(mode=mode.value, level=level.value, normalize=normalize.value)
    return answer(request, "compute_network", params, limit=None, offset=0, format=format)


@router.get("/polarisation", summary="How polarised the groups are", response_class=Response, responses=_RESPONSES)
def polarisation(request: Request, theme: Theme = None, document: Document = None, method: Method = None,
                 kind: Kind = None, date_from: DateFrom = None, date_to: DateTo = None,
                 format: Format = None) -> Response:
    """Polarisation of the group-level stance structure."""
    params = _filters(theme=theme, document=document, method=method, kind=kind, date_from=date_from, date_to=date_to)
    return answer(request, "compute_polarisation", params, limit=None, offset=0, format=format)
