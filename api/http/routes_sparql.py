"""The SPARQL 1.1 Protocol endpoint at ``/sparql``.

* Query: ``GET ?query=``, ``POST`` form-encoded (``query=``) or ``POST application/sparql-query``;
  ``default-graph-uri`` and ``named-graph-uri`` (repeatable) replace the query's dataset.
* Update: ``POST`` form-encoded (``update=``) or ``POST application/sparql-update``, only with the
  write token (``Authorization: Bearer <token>``); 403 otherwise, and nothing changes.
  ``using-graph-uri`` / ``using-named-graph-uri`` (repeatable) give the dataset of its WHERE clauses.
* A POST carries its query or update in the body only (the protocol puts every parameter of a form
  POST there): ``query=`` or ``update=`` in the URL of a POST is refused (400). Dataset parameters
  may be in the URL or the form.
* Results by content negotiation: SPARQL JSON, XML, CSV and TSV for SELECT and ASK (written by
  pyoxigraph's serialisers); Turtle, N-Triples, JSON-LD and RDF/XML for CONSTRUCT and DESCRIBE;
  ``?format=`` overrides ``Accept``. ``SELECT *`` lists its variables in the order the query names them.
* Malformed requests and queries get 400, wrong media types 415, unacceptable ``Accept`` 406, a
  query over the time limit 503 and one over the row limit 400, all as problem documents.
* ``GET /sparql`` without a query: the query editor for browsers, the service description otherwise.

The default graph is the union of all named graphs (one per document): the store rebuilds it
after every update, so write into named graphs (``INSERT DATA { GRAPH <g> { ... } }``).
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import parse_qs

from fastapi import APIRouter, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from ...graph.model.errors import UnsupportedFormat, UsageError
from ...graph.export.formats import serialize_triples
from ...graph.rdf.store import QueryOutcome, is_repeatable
from .negotiation import choose, prefers_html
from .routes_pages import page

router = APIRouter(tags=["sparql"])

SRJ = "application/sparql-results+json"
SRX = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
TURTLE = "text/turtle"
NT = "application/n-triples"
JSONLD = "application/ld+json"
RDFXML = "application/rdf+xml"

RESULT_TYPES = {SRJ: "json", SRX: "xml", CSV: "csv", TSV: "tsv"}
GRAPH_TYPES = {TURTLE: "ttl", NT: "nt", JSONLD: "jsonld", RDFXML: "rdfxml"}
EQUIVALENTS = {"application/json": SRJ, "application/xml": SRX, "text/xml": SRX}
GRAPH_EQUIVALENTS = {"application/x-turtle": TURTLE, "text/plain": NT, "application/json": JSONLD,
                     "application/xml": RDFXML, "text/xml": RDFXML}
FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"

_QUERY_RESPONSES: dict[int | str, dict[str, object]] = {
    200: {"description": "Query results", "content": {t: {} for t in [*RESULT_TYPES, *GRAPH_TYPES]}},
    400: {"description": "Malformed query or request", "content": {"application/problem+json": {}}},
    406: {"description": "No acceptable result format", "content": {"application/problem+json": {}}},
    503: {"description": "The query ran past the time limit", "content": {"application/problem+json": {}}},
}


def _one(values: list[str], name: str) -> str | None:
    if len(values) > 1:
        raise UsageError(f"give one {name} parameter, not {len(values)}")
    return values[0] if values else None


def _endpoint_iri(request: Request) -> str:
    return str(request.url.replace(query="", fragment="")).rstrip("?")


def _media_type(request: Request) -> tuple[str, str | None]:
    """The request's media type and charset (lower case)."""
    raw = request.headers.get("content-type", "")
    parts = [p.strip() for p in raw.split(";")]
    charset = None
    for p in parts[1:]:
        name, _, value = p.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return parts[0].lower(), charset


def _decode(body: bytes, charset: str | None) -> str:
    if charset not in (None, "utf-8", "utf8"):
        raise UsageError(f"the SPARQL protocol needs UTF-8 request bodies, not {charset}")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError("the request body is not valid UTF-8") from None


async def _run(request: Request, *, query: str | None, update: str | None, params: dict[str, list[str]],
               format: str | None) -> Response:
    if query is not None and update is not None:
        raise UsageError("give either query or update, not both")
    _one(params.get("version", []), "version")  # SPARQL 1.2 Protocol: at most one version parameter
    svc = request.app.state.service
    if update is not None:
        svc.check_token(request.headers.get("authorization"))
        if params.get("default-graph-uri") or params.get("named-graph-uri"):
            raise UsageError("an update takes its dataset from using-graph-uri and using-named-graph-uri, "
                             "not default-graph-uri or named-graph-uri")
        await run_in_threadpool(svc.store.update, update, base_iri=_endpoint_iri(request),
                                using=params.get("using-graph-uri") or None,
                                using_named=params.get("using-named-graph-uri") or None)
        return Response(status_code=204)
    if query is None or not query.strip():
        raise UsageError("no query: pass query= (GET or form POST) or POST the query as application/sparql-query")
    if params.get("using-graph-uri") or params.get("using-named-graph-uri"):
        raise UsageError("a query takes its dataset from default-graph-uri and named-graph-uri, "
                         "not using-graph-uri or using-named-graph-uri")
    settings = svc.settings
    default = params.get("default-graph-uri") or None
    named = params.get("named-graph-uri") or None
    base_iri = _endpoint_iri(request)

    def evaluate() -> QueryOutcome:
        return svc.store.query(query, timeout=settings.query_timeout, row_limit=settings.query_row_limit,
                               default_graph=default, named_graphs=named, base_iri=base_iri)

    if is_repeatable(query):  # the same query on the same data: evaluated once per store generation
        key = ("sparql", query, tuple(default or ()), tuple(named or ()), base_iri)
        outcome: QueryOutcome = await run_in_threadpool(svc.cached, key, evaluate, keep=_small)
    else:
        outcome = await run_in_threadpool(evaluate)
    return render_outcome(request, outcome, format=format, base=svc.store.base)


#: results up to this many rows or triples are kept for reuse (open reads must not fill the memory)
CACHED_RESULT_ROWS = 1_000


def _small(outcome: QueryOutcome) -> bool:
    return outcome.count <= CACHED_RESULT_ROWS


def render_outcome(request: Request, outcome: QueryOutcome, *, format: str | None, base: str) -> Response:
    """A query outcome in the media type the client prefers."""
    accept = request.headers.get("accept")
    if outcome.kind == "graph":
        media = choose(accept, list(GRAPH_TYPES), format=format, equivalents=GRAPH_EQUIVALENTS)
        body = serialize_triples(outcome.triples, GRAPH_TYPES[media], base=base)
    else:
        media = choose(accept, list(RESULT_TYPES), format=format, equivalents=EQUIVALENTS)
        body = outcome.serialize(RESULT_TYPES[media])
    content_type = media if media in (SRJ, JSONLD) else f"{media}; charset=utf-8"
    return Response(body, media_type=content_type, headers={"Vary": "Accept"})


@router.get("/sparql", summary="SPARQL query (GET), editor page or service description",
            response_class=Response, responses=_QUERY_RESPONSES)
async def sparql_get(
    request: Request,
    query: Annotated[list[str] | None, Query(description="A SPARQL 1.1 query (prefixes sg:, skos:, dcterms:... are predeclared).")] = None,
    default_graph_uri: Annotated[list[str] | None, Query(alias="default-graph-uri", description="Graph IRIs forming the default graph.")] = None,
    named_graph_uri: Annotated[list[str] | None, Query(alias="named-graph-uri", description="Graph IRIs usable in GRAPH.")] = None,
    format: Annotated[str | None, Query(description="json, xml, csv, tsv (SELECT/ASK) or ttl, nt, jsonld, rdfxml (CONSTRUCT/DESCRIBE); overrides Accept.")] = None,
) -> Response:
    """Run a read-only query given as ``?query=``. Without a query, browsers get the query editor
    and other clients the SPARQL 1.1 service description (Turtle)."""
    if "update" in request.query_params:
        raise UsageError("updates must be sent with POST (form update= or application/sparql-update)")
    text = _one(query or [], "query")
    if text is None:
        if prefers_html(request.headers.get("accept")) and not format:
            return page("sparql.html")
        return service_description(request)
    params = {k: request.query_params.getlist(k) for k in request.query_params.keys()}
    return await _run(request, query=text, update=None, params=params, format=format)


@router.post("/sparql", summary="SPARQL query or update (POST)", response_class=Response,
             responses={**_QUERY_RESPONSES, 204: {"description": "Update done"},
                        403: {"description": "Update without the write token", "content": {"application/problem+json": {}}},
                        415: {"description": "Unsupported request media type", "content": {"application/problem+json": {}}}},
             openapi_extra={"requestBody": {"required": True, "content": {
                 FORM: {"schema": {"type": "object", "properties": {
                     "query": {"type": "string"}, "update": {"type": "string"},
                     "default-graph-uri": {"type": "array", "items": {"type": "string"}},
                     "named-graph-uri": {"type": "array", "items": {"type": "string"}},
                     "using-graph-uri": {"type": "array", "items": {"type": "string"}},
                     "using-named-graph-uri": {"type": "array", "items": {"type": "string"}}}}}}}})
async def sparql_post(request: Request) -> Response:
    """A query or update in the body: form-encoded (``query=`` or ``update=``), or the text itself as
    ``application/sparql-query`` or ``application/sparql-update``. Dataset parameters may be in the URL."""
    media, charset = _media_type(request)
    params = {k: request.query_params.getlist(k) for k in request.query_params.keys()}
    for name in ("query", "update"):
        if name in params:
            raise UsageError(f"a POST carries {name}= in its body, not in the URL (SPARQL 1.1 Protocol 2.1.2, 2.2.1)")
    body = await request.body()
    query = update = None
    if media == FORM:
        form = parse_qs(_decode(body, charset), keep_blank_values=True, strict_parsing=False)
        for k, v in form.items():
            params[k] = params.get(k, []) + v
        query = _one(params.get("query", []), "query")
        update = _one(params.get("update", []), "update")
        if query is None and update is None:
            raise UsageError("the form has neither query= nor update=")
    elif media == SPARQL_QUERY:
        query = _decode(body, charset)
    elif media == SPARQL_UPDATE:
        update = _decode(body, charset)
    else:
        raise UnsupportedFormat(f"send {FORM}, {SPARQL_QUERY} or {SPARQL_UPDATE}, not {media or 'no media type'}")
    fmt = _one(params.get("format", []), "format")
    return await _run(request, query=query, update=update, params=params, format=fmt)


def service_description(request: Request) -> Response:
    """The SPARQL 1.1 Service Description of this endpoint, in Turtle."""
    svc = request.app.state.service
    endpoint = _endpoint_iri(request)
    languages = "sd:SPARQL11Query" + (", sd:SPARQL11Update" if svc.settings.write_token else "")
    formats = ", ".join(f"<http://www.w3.org/ns/formats/{f}>" for f in
                        ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                         "Turtle", "N-Triples", "JSON-LD", "RDF_XML"))
    ttl = f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

<{endpoint}> a sd:Service ;
    sd:endpoint <{endpoint}> ;
    sd:supportedLanguage {languages} ;
    sd:resultFormat {formats} ;
    sd:feature sd:UnionDefaultGraph ;
    dcterms:description "stancegraph: stakeholder positions. The default graph is the union of the named graphs, one per document." .
"""
    return Response(ttl.encode("utf-8"), media_type="text/turtle; charset=utf-8")
