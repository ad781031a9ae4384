"""The SPARQL 1.1 Graph Store HTTP Protocol at ``/rdf-graphs``.

``?default`` names the default graph (the union of all named graphs: readable, not writable) and
``?graph=IRI`` a named graph (one per loaded document, or any graph written here). GET and HEAD
are open; PUT (replace), POST (merge) and DELETE need the write token. PUT and POST answer 201
when they create the graph and 204 otherwise; POST to ``/rdf-graphs`` with neither parameter
creates a new graph and answers 201 with its IRI in ``Location``.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any, NoReturn

from fastapi import APIRouter, Query, Request, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from ...graph.rdf import graph_store as gs
from ...graph.model.errors import UsageError
from ...graph.export.formats import serialize_triples
from .negotiation import choose
from .routes_sparql import GRAPH_EQUIVALENTS, GRAPH_TYPES

router = APIRouter(tags=["graph store"])

GraphParam = Annotated[str | None, Query(description="IRI of a named graph.")]
DefaultParam = Annotated[str | None, Query(description="Present (any value) to name the default graph.")]
_PROBLEM: dict[str, Any] = {"content": {"application/problem+json": {}}}


def _target(request: Request, graph: str | None) -> str | None:
    """The named graph IRI, or None for the default graph; 400 when both or neither are given."""
    has_default = "default" in request.query_params
    if has_default and graph is not None:
        raise UsageError("give either ?default or ?graph=IRI, not both")
    if not has_default and graph is None:
        raise UsageError("name a graph: ?default or ?graph=IRI")
    return graph


@router.api_route("/rdf-graphs", methods=["GET", "HEAD"], summary="Read a graph", response_class=Response,
                  responses={200: {"content": {t: {} for t in GRAPH_TYPES}}, 404: _PROBLEM, 406: _PROBLEM})
async def read_graph(request: Request, graph: GraphParam = None, default: DefaultParam = None) -> Response:
    """The triples of ``?graph=IRI`` or of ``?default``, in Turtle, N-Triples, JSON-LD or RDF/XML."""
    svc = request.app.state.service
    iri = _target(request, graph)
    media = choose(request.headers.get("accept"), list(GRAPH_TYPES), equivalents=GRAPH_EQUIVALENTS)
    triples = await run_in_threadpool(gs.read_graph, svc.store, iri)
    body = serialize_triples(triples, GRAPH_TYPES[media], base=svc.store.base)
    return Response(b"" if request.method == "HEAD" else body, media_type=media,
                    headers={"Content-Length": str(len(body))} if request.method == "HEAD" else None)


async def _payload(request: Request, base_iri: str) -> list:  # list[ox.Triple]
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    return gs.parse_payload(await request.body(), media, base_iri=base_iri)


def _refuse_default() -> NoReturn:
    raise HTTPException(405, detail="the default graph is the union of the named graphs and cannot be written; "
                                    "write a named graph with ?graph=IRI", headers={"Allow": "GET, HEAD"})


_WRITE_RESPONSES: dict[int | str, dict[str, Any]] = {
    201: {"description": "Graph created"}, 204: {"description": "Done"}, 400: _PROBLEM, 403: _PROBLEM,
    405: _PROBLEM, 415: _PROBLEM}


@router.put("/rdf-graphs", summary="Replace a named graph (write token)", response_class=Response,
            responses=_WRITE_RESPONSES, status_code=204)
async def put_graph(request: Request, graph: GraphParam = None, default: DefaultParam = None) -> Response:
    """Replace ``?graph=IRI`` with the RDF in the body (Turtle, N-Triples, RDF/XML or JSON-LD)."""
    svc = request.app.state.service
    svc.check_token(request.headers.get("authorization"))
    iri = _target(request, graph)
    if iri is None:
        _refuse_default()
    triples = await _payload(request, iri)
    created = await run_in_threadpool(gs.replace_graph, svc.store, iri, triples)
    return Response(status_code=201 if created else 204)


@router.post("/rdf-graphs", summary="Add to a named graph, or create one (write token)", response_class=Response,
             responses=_WRITE_RESPONSES, status_code=204)
async def post_graph(request: Request, graph: GraphParam = None, default: DefaultParam = None) -> Response:
    """Merge the RDF in the body into ``?graph=IRI``; without parameters, create a new graph (201, Location)."""
    svc = request.app.state.service
    svc.check_token(request.headers.get("authorization"))
    if graph is None and "default" not in request.query_params:
        new_iri = f"{svc.store.base}graph/{uuid.uuid4().hex}"
        await run_in_threadpool(gs.merge_graph, svc.store, new_iri, await _payload(request, new_iri))
        location = str(request.url.include_query_params(graph=new_iri))
        return Response(status_code=201, headers={"Location": location})
    iri = _target(request, graph)
    if iri is None:
        _refuse_default()
    triples = await _payload(request, iri)
    created = await run_in_threadpool(gs.merge_graph, svc.store, iri, triples)
    return Response(status_code=201 if created else 204)


@router.delete("/rdf-graphs", summary="Delete a named graph (write token)", response_class=Response,
               responses={204: {"description": "Deleted"}, 403: _PROBLEM, 404: _PROBLEM, 405: _PROBLEM},
               status_code=204)
async def delete_graph(request: Request, graph: GraphParam = None, default: DefaultParam = None) -> Response:
    """Drop ``?graph=IRI`` (404 if there is no such graph)."""
    svc = request.app.state.service
    svc.check_token(request.headers.get("authorization"))
    iri = _target(request, graph)
    if iri is None:
        _refuse_default()
    await run_in_threadpool(gs.drop_graph, svc.store, iri)
    return Response(status_code=204)
