"""The stancegraph web app: REST resources, analysis, SPARQL and Graph Store protocols, exports,
visualisations and the explorer page, over one embedded store.

``create_app(settings)`` builds the app; the store is opened at start-up and closed at shutdown
(the lifespan), so one process owns it. Run it with ``stancegraph serve``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline
from fastapi.middleware.cors import CORSMiddleware

from ...graph.model.settings import Settings, get_settings
from . import problems
from .limits import BodySizeLimit
from .service import Service

DESCRIPTION = """A knowledge graph of stakeholder positions: who wants what, where groups agree and
clash, and the evidence.

* **Resources** (`/stakeholders`, `/groups`, `/claims`, `/themes`, `/sources`, `/documents`,
  `/positions`): paged lists (`limit`, `offset`, `total`, `next`) with filters, items with their
  evidence; JSON, CSV (`Accept: text/csv` or `?format=csv`) and JSON-LD (`Accept: application/ld+json`,
  context at `/context.jsonld`).
* **Analysis** (`/analysis/...`): convergence, conflicts, tension clusters, consensus, networks.
* **SPARQL 1.1 Protocol** at `/sparql` and **Graph Store Protocol** at `/rdf-graphs`.
* **Visualisations** at `/viz/tensions`, `/viz/graph` and `/viz/heatmap.png`.

Errors are RFC 9457 problem documents (`application/problem+json`). Writes (uploads, SPARQL
updates, Graph Store writes) need `Authorization: Bearer <write token>`.

Stability: documented paths, parameters and JSON keys are kept; new keys may be added.
"""

TAGS = [
    {"name": "resources", "description": "Stakeholders, groups, claims, themes, sources, documents, positions."},
    {"name": "analysis", "description": "Convergence, conflicts, tensions, consensus and networks."},
    {"name": "sparql", "description": "SPARQL 1.1 Protocol endpoint (query; update with the write token)."},
    {"name": "graph store", "description": "SPARQL 1.1 Graph Store HTTP Protocol."},
    {"name": "ingest", "description": "Upload documents and coding sheets (write token)."},
    {"name": "export", "description": "The whole graph in RDF, JSON and network formats."},
    {"name": "viz", "description": "Self-contained interactive maps and static charts."},
    {"name": "pages", "description": "The explorer page and the JSON-LD context."},
]


def create_app(settings: Settings | None = None) -> FastAPI:
    """The FastAPI app over the store named in `settings` (default: the process settings)."""
    settings = settings if settings is not None else get_settings()
    service = Service(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        service.open()
        if settings.warm_cache:
            from .routes_analysis import warm_caches

            if not service.restore_snapshot():  # (a valid snapshot beside the store is read back instead)
                service.warm(lambda: warm_caches(service))
        try:
            yield
        finally:
            service.close()

    from importlib.metadata import PackageNotFoundError, version

    try:
        app_version = version("stancegraph")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        app_version = "0"
    # /docs (Swagger UI) and /redoc with their assets served from the fastapi-offline package, not a CDN
    app = FastAPIOffline(title="stancegraph", version=app_version, description=DESCRIPTION, openapi_tags=TAGS,
                         lifespan=lifespan)
    app.state.service = service
    problems.install(app)

    from . import (routes_analysis, routes_cypher, routes_export, routes_graph_store, routes_ingest, routes_pages,
                   routes_resources, routes_sparql, routes_viz)

    for module in (routes_pages, routes_resources, routes_analysis, routes_sparql, routes_cypher, routes_graph_store,
                   routes_ingest, routes_export, routes_viz):
        app.include_router(module.router)

    origins = [o.strip() for o in settings.cors_origins.split(",") if o.strip()]
    if origins:
        app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST", "HEAD", "OPTIONS"],
                           allow_headers=["Accept", "Content-Type", "Authorization"])
    app.add_middleware(BodySizeLimit, max_bytes=settings.upload_limit_mb * 1024 * 1024, timeout=settings.body_timeout)
    return app


def service_of(app: Any) -> Service:
    return app.state.service  # type: ignore[no-any-return]
