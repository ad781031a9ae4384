"""`/cypher`: read-only Cypher against the configured Neo4j, as JSON or CSV.

The query logic (READ access mode, the write refusal, time and row limits, error translation)
is :func:`stancegraph.graph.neo4j.client.run_read_query`; this router only reads the request and
shapes the answer. Errors are raised as :mod:`stancegraph.graph.model.errors` classes for the app's
one problem-document handler: 400 for a refused or invalid query, 503 when Neo4j is not
configured or down (the message says how to start it), 503 for a timeout.
"""

from __future__ import annotations

import json
from enum import Enum
from typing import Annotated, Any, Optional

from fastapi import APIRouter, Body, Query, Request, Response
from pydantic import BaseModel, Field

from ...graph.model.errors import UsageError
from ...graph.export.formats import query_csv
from ...graph.model.settings import get_settings

router = APIRouter(tags=["cypher"])


class CypherFormat(str, Enum):
    json = "json"
    csv = "csv"


class CypherRequest(BaseModel):
    """A read-only Cypher query with its parameters."""

    query: str = Field(..., description="Cypher, read-only (what Neo4j Browser accepts, minus writes).",
                       examples=["MATCH (s:Stakeholder)-[:SUPPORTS]->(c:Claim) RETURN s.label, c.text LIMIT 10"])
    parameters: dict[str, Any] = Field(default_factory=dict, description="Query parameters ($name in the query).")


class CypherResult(BaseModel):
    columns: list[str]
    rows: list[list[Any]]


_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}}},
          "description": "Columns and rows (JSON), or CSV with a header row."},
    400: {"description": "The query is invalid, writes, or returns more rows than the limit."},
    503: {"description": "Neo4j is not configured, not reachable, or the query ran past its time limit."},
}

QUERY_HELP = "A read-only Cypher query."
LIMIT_HELP = "Most rows to return (at most the query_row_limit setting); more is an error, not a truncation."
FORMAT_HELP = "json or csv; default from the Accept header, else json."


def _wants_csv(request: Request, format: CypherFormat | None) -> bool:
    if format is not None:
        return format is CypherFormat.csv
    accept = request.headers.get("accept", "")
    return "text/csv" in accept and "application/json" not in accept


def answer_cypher(request: Request, query: str, parameters: dict[str, Any], *, limit: int | None,
                  format: CypherFormat | None) -> Response:
    """Run the query through the read-only path and render the result."""
    from ...graph.neo4j.client import run_read_query

    settings = get_settings()
    if not query.strip():
        raise UsageError("give a Cypher query: ?query=... or a JSON body {\"query\": ...}")
    row_limit = settings.query_row_limit if limit is None else min(limit, settings.query_row_limit)
    columns, rows = run_read_query(query, timeout=settings.query_timeout, row_limit=row_limit, parameters=parameters)
    if _wants_csv(request, format):
        return Response(query_csv(columns, rows).encode("utf-8"), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'inline; filename="cypher.csv"'})
    body = json.dumps({"columns": columns, "rows": rows}, ensure_ascii=False, separators=(",", ":"))
    return Response(body.encode("utf-8"), media_type="application/json")


@router.get("/cypher", summary="Read-only Cypher query (GET)", response_model=CypherResult, responses=_RESPONSES)
def cypher_get(
    request: Request,
    query: Annotated[str, Query(description=QUERY_HELP)],
    limit: Annotated[Optional[int], Query(ge=1, description=LIMIT_HELP)] = None,
    format: Annotated[Optional[CypherFormat], Query(description=FORMAT_HELP)] = None,
) -> Response:
    """Run a read-only Cypher query on Neo4j: `{"columns": [...], "rows": [[...]]}`, or CSV.
    Writes (CREATE, MERGE, SET, DELETE, REMOVE, DROP, LOAD CSV, writing procedures) are refused."""
    return answer_cypher(request, query, {}, limit=limit, format=format)


@router.post("/cypher", summary="Read-only Cypher query with parameters (POST)", response_model=CypherResult,
             responses=_RESPONSES)
def cypher_post(
    request: Request,
    body: Annotated[CypherRequest, Body()],
    limit: Annotated[Optional[int], Query(ge=1, description=LIMIT_HELP)] = None,
    format: Annotated[Optional[CypherFormat], Query(description=FORMAT_HELP)] = None,
) -> Response:
    """The same as GET, with the query and its parameters in a JSON body."""
    return answer_cypher(request, body.query, body.parameters, limit=limit, format=format)
