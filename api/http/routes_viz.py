"""``/viz/...``: the interactive tension map and whole-graph view (self-contained HTML) and the
group x theme agreement heatmap (PNG, SVG)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from ...graph.model.errors import BackendUnavailable
from ...graph.export.heatmap import heatmap_image
from ...graph.export.tension_view import tension_map_html
from ...graph.export.viz import graph_map_html
from .routes_analysis import run_analysis

router = APIRouter(prefix="/viz", tags=["viz"])

#: the maps inline everything they need: no request may leave for another host
VIZ_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
           "base-uri 'none'; form-action 'none'; frame-ancestors 'self'")
_HTML: dict[int | str, dict[str, Any]] = {200: {"content": {"text/html": {}}}, 404: {"content": {"application/problem+json": {}}}}


def tension_clusters(svc: Any, *, theme: str | None, seed: int) -> list[dict[str, Any]] | None:
    """find_tensions output (shared with /analysis/tensions); None when the analysis is not installed."""
    try:
        return run_analysis(svc, "tensions", {"theme": theme} if theme else {}, {"seed": seed})  # type: ignore[no-any-return]
    except BackendUnavailable:
        return None


def html_page(html: str) -> Response:
    return Response(html.encode("utf-8"), media_type="text/html; charset=utf-8",
                    headers={"Content-Security-Policy": VIZ_CSP, "X-Content-Type-Options": "nosniff"})


@router.get("/tensions", summary="Interactive tension map (HTML)", response_class=Response, responses=_HTML)
def tension_map(request: Request,
                theme: Annotated[str | None, Query(description="Only claims on this theme (id or label).")] = None,
                seed: Annotated[int, Query(ge=0, le=2**31 - 1, description="Seed of the clustering.")] = 0) -> Response:
    """Groups and contested claims; green supports, red opposes; colours are tension clusters; hover for quotes."""
    svc = request.app.state.service

    def build() -> str:
        clusters = tension_clusters(svc, theme=theme, seed=seed)
        return tension_map_html(svc.bundle(), clusters, theme=theme)

    return html_page(svc.cached(("viz", "tensions", theme, seed), build))


@router.get("/graph", summary="Whole-graph view (HTML)", response_class=Response, responses=_HTML)
def graph_map(request: Request,
              max_nodes: Annotated[int, Query(ge=10, le=2000, description="Aggregate to groups x themes above this many nodes.")] = 300) -> Response:
    """Stakeholders, claims and themes; groups and themes only when the graph is large."""
    svc = request.app.state.service
    return html_page(svc.cached(("viz", "graph", max_nodes), lambda: graph_map_html(svc.bundle(), max_nodes=max_nodes)))


@router.get("/heatmap.png", summary="Group x theme agreement heatmap (PNG)", response_class=Response,
            responses={200: {"content": {"image/png": {}}}})
def heatmap_png(request: Request) -> Response:
    """Net stance of each group on each theme, for reports."""
    svc = request.app.state.service
    return Response(svc.cached(("viz", "heatmap", "png"), lambda: heatmap_image(svc.bundle(), fmt="png")),
                    media_type="image/png")


@router.get("/heatmap.svg", summary="Group x theme agreement heatmap (SVG)", response_class=Response,
            responses={200: {"content": {"image/svg+xml": {}}}})
def heatmap_svg(request: Request) -> Response:
    """Net stance of each group on each theme, as SVG."""
    svc = request.app.state.service
    return Response(svc.cached(("viz", "heatmap", "svg"), lambda: heatmap_image(svc.bundle(), fmt="svg")),
                    media_type="image/svg+xml", headers={"Content-Security-Policy": VIZ_CSP})
