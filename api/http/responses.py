"""Building responses: JSON, CSV (formula-guarded), JSON-LD with the published context, and paging links."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Hashable, Iterable
from typing import Any
from urllib.parse import urlencode

from fastapi import Request, Response

from ...graph.export.formats import write_csv
from .negotiation import choose

JSON = "application/json"
CSV = "text/csv"
JSONLD = "application/ld+json"
CONTEXT_PATH = "/context.jsonld"
JSONLD_CONTEXT_REL = "http://www.w3.org/ns/json-ld#context"


def dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


#: bodies smaller than this go out as they are (gzip would not save a packet)
GZIP_MIN_BYTES = 1400


def accepts_gzip(request: Request) -> bool:
    """Whether the request's Accept-Encoding allows gzip (``gzip`` or ``*`` with a q-value above 0)."""
    for part in request.headers.get("accept-encoding", "").split(","):
        coding, *params = (p.strip() for p in part.split(";"))
        if coding.lower() not in ("gzip", "x-gzip", "*"):
            continue
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    return float(value) > 0
                except ValueError:
                    return False
        return True
    return False


def cached_body_response(request: Request, cached: Callable[[Hashable, Callable[[], bytes]], bytes], key: Hashable,
                         body: bytes, *, media_type: str, headers: dict[str, str] | None = None) -> Response:
    """`body` (already cached under `key`), sent gzip-compressed when the client accepts it and it is large.

    The compressed bytes are cached too (under ``("gzip", key)``), so a large cached analysis costs
    one compression per store generation, not one per request; the transfer is 5-20x smaller.
    """
    h = {**(headers or {}), "Vary": "Accept, Accept-Encoding"}
    if len(body) >= GZIP_MIN_BYTES and accepts_gzip(request):
        body = cached(("gzip", key), lambda: gzip_body(body))
        h["Content-Encoding"] = "gzip"
    return Response(body, media_type=media_type, headers=h)


def gzip_body(body: bytes) -> bytes:
    """`body` gzip-compressed as responses send it (level 6, no timestamp: the same bytes every time)."""
    return gzip.compress(body, compresslevel=6, mtime=0)


def negotiate(request: Request, offered: list[str], format: str | None = None) -> str:
    return choose(request.headers.get("accept"), offered, format=format)


def context_url(request: Request) -> str:
    return str(request.base_url).rstrip("/") + CONTEXT_PATH


def json_response(request: Request, data: Any, *, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """JSON with a Link header to the JSON-LD context (JSON-LD 1.1, "Interpreting JSON as JSON-LD")."""
    h = {"Link": f'<{context_url(request)}>; rel="{JSONLD_CONTEXT_REL}"; type="{JSONLD}"', **(headers or {})}
    return Response(dumps(data), status_code=status, media_type=JSON, headers=h)


def csv_response(rows: Iterable[dict[str, Any]], columns: list[str] | tuple[str, ...], *, filename: str) -> Response:
    """CSV with a header row; cells starting with = + - @ are guarded against formula injection."""
    return Response(write_csv(rows, columns).encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'inline; filename="{filename}.csv"'})


def jsonld_response(request: Request, data: Any, *, base: str) -> Response:
    """A resource (or a list under ``@graph``) with the published context and instance ids resolved against `base`."""
    context = [context_url(request), {"@base": base}]
    body = {"@context": context, **data} if isinstance(data, dict) else {"@context": context, "@graph": data}
    return Response(dumps(body), media_type=JSONLD)


def page_links(request: Request, *, total: int, limit: int | None, offset: int) -> dict[str, str | None]:
    """Absolute ``next`` and ``prev`` URLs of a paged list (None at the ends)."""

    def url(new_offset: int) -> str:
        params = [(k, v) for k, v in request.query_params.multi_items() if k != "offset"]
        params.append(("offset", str(new_offset)))
        return str(request.url.replace(query=urlencode(params)))

    if limit is None:
        return {"next": None, "prev": None}
    nxt = url(offset + limit) if offset + limit < total else None
    prev = url(max(0, offset - limit)) if offset > 0 else None
    return {"next": nxt, "prev": prev}
