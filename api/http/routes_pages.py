"""The explorer page, its static files, the JSON-LD context and a health check."""

from __future__ import annotations

from importlib import resources

from fastapi import APIRouter, Request, Response

from ...graph.model.errors import NotFound
from .responses import JSONLD, json_response

router = APIRouter(tags=["pages"])

STATIC_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png"}
#: pages are self-contained: scripts and styles only from this server, nothing from other hosts
PAGE_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'")


def static_bytes(name: str) -> bytes:
    """A file shipped in ``api/http/static`` (only plain names; NotFound otherwise)."""
    if "/" in name or "\\" in name or name.startswith(".") or not any(name.endswith(e) for e in STATIC_TYPES):
        raise NotFound(f"no static file {name!r}")
    path = resources.files(__package__).joinpath("static", name)
    if not path.is_file():
        raise NotFound(f"no static file {name!r}")
    return path.read_bytes()


def page(name: str) -> Response:
    return Response(static_bytes(name), media_type="text/html; charset=utf-8", headers={"Content-Security-Policy": PAGE_CSP})


@router.get("/", summary="Explorer page", response_class=Response,
            responses={200: {"content": {"text/html": {}}}})
def explorer() -> Response:
    """Search claims and stakeholders, see supporters and opponents with quotes, jump to the maps."""
    return page("explorer.html")


@router.get("/static/{name}", summary="Static files of the pages", response_class=Response, include_in_schema=False)
def static_file(name: str) -> Response:
    suffix = "." + name.rsplit(".", 1)[-1] if "." in name else ""
    return Response(static_bytes(name), media_type=STATIC_TYPES.get(suffix, "application/octet-stream"),
                    headers={"Cache-Control": "max-age=300"})


@router.get("/context.jsonld", summary="The published JSON-LD context", response_class=Response,
            responses={200: {"content": {JSONLD: {}}}})
def jsonld_context() -> Response:
    """The context that maps the API's JSON keys to the stancegraph ontology (ontology/context.jsonld)."""
    data = resources.files("stancegraph.ontology").joinpath("context.jsonld").read_bytes()
    return Response(data, media_type=JSONLD, headers={"Access-Control-Allow-Origin": "*", "Cache-Control": "max-age=3600"})


@router.get("/health", summary="Health and store counts")
def health(request: Request) -> Response:
    """``{"ok": true, "generation", "counts", "warm", "snapshot", "writing"}``: the store is open and answers;
    ``warm`` says whether the start-up warm-up of the analysis caches is off, warming, ready or failed;
    ``snapshot`` whether the caches were read from the snapshot beside the store at start-up (loaded), rebuilt and
    saved there (saved), or neither (none); ``writing`` whether a write (an upload being stored, an update, a
    removal) is in progress."""
    svc = request.app.state.service
    counts = svc.cached(("stats",), svc.store.stats)
    return json_response(request, {"ok": True, "generation": svc.store.generation, "counts": counts,
                                   "warm": svc.warm_state, "snapshot": svc.snapshot_state,
                                   "writing": svc.store.writing})
