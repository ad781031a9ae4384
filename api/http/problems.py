"""Errors as RFC 9457 problem documents (``application/problem+json``), from one handler.

Every failure a client can see goes through :func:`handle_exception`: our own error tree
(:mod:`stancegraph.graph.model.errors`, each class with ``http_status`` and ``title``), FastAPI's
request validation errors (422), Starlette's HTTP errors (404 for unknown paths, 405...) and
anything unexpected (500, with no stack trace and no exception text in the body).

Body shape: ``{"type", "title", "status", "detail", "instance"}`` plus, where there is more to
say, ``errors`` (a list of ``{"loc", "msg"}`` or SHACL results) and the location fields of a
malformed input (``path``, ``line``, ``field``).
"""

from __future__ import annotations

import logging
import re
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ...graph.model.errors import MalformedSource, StancegraphError, ValidationFailed

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_BASE = "https://w3id.org/stancegraph/problems/"
log = logging.getLogger("stancegraph.api")

_HTTP_TITLES = {400: "bad request", 401: "unauthorized", 403: "forbidden", 404: "not found",
                405: "method not allowed", 406: "not acceptable", 409: "conflict", 413: "payload too large",
                415: "unsupported media type", 422: "unprocessable content", 500: "internal server error"}


def _slug(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def problem_response(status: int, title: str, detail: str, *, type_: str = "about:blank",
                     instance: str | None = None, extra: dict[str, Any] | None = None,
                     headers: dict[str, str] | None = None) -> JSONResponse:
    """The one way a problem document is built."""
    body: dict[str, Any] = {"type": type_, "title": title, "status": status, "detail": detail}
    if instance:
        body["instance"] = instance
    body.update(extra or {})
    return JSONResponse(body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


async def handle_exception(request: Request, exc: Exception) -> JSONResponse:
    """Map any exception to a problem document (registered for every exception class the app sees)."""
    instance = request.url.path
    if isinstance(exc, StancegraphError):
        extra: dict[str, Any] = {}
        if isinstance(exc, MalformedSource):
            extra = {k: v for k, v in (("path", exc.path), ("line", exc.line), ("field", exc.field)) if v is not None}
            if exc.path:  # uploads live in temporary folders: show the file name only
                extra["path"] = exc.path.replace("\\", "/").rsplit("/", 1)[-1]
        if isinstance(exc, ValidationFailed) and exc.results:
            extra["errors"] = exc.results
        detail = _strip_tmp(str(exc))
        return problem_response(exc.http_status, exc.title, detail, type_=PROBLEM_BASE + _slug(type(exc).__name__),
                                instance=instance, extra=extra)
    if isinstance(exc, RequestValidationError):
        errors = [{"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", ""))} for e in exc.errors()]
        detail = "; ".join(f"{'.'.join(e['loc'])}: {e['msg']}" for e in errors) or "invalid request"
        return problem_response(422, "invalid request", detail, type_=PROBLEM_BASE + "invalid-request",
                                instance=instance, extra={"errors": errors})
    if isinstance(exc, StarletteHTTPException):
        status = exc.status_code
        title = _HTTP_TITLES.get(status, "error")
        detail = exc.detail if isinstance(exc.detail, str) else title
        if status == 404 and detail == "Not Found":
            detail = f"no resource at {instance}"
        elif status == 405 and detail == "Method Not Allowed":
            detail = f"{request.method} is not allowed on {instance}"
        return problem_response(status, title, detail, instance=instance, headers=getattr(exc, "headers", None))
    log.exception("unexpected error on %s %s", request.method, instance, exc_info=exc)
    return problem_response(500, "internal server error",
                            "the server failed to answer this request; the error is in the server log",
                            type_=PROBLEM_BASE + "internal-error", instance=instance)


def _strip_tmp(text: str) -> str:
    """Hide server-side temporary folders in messages about uploaded files."""
    return re.sub(r"(/[^\s:'\"]*)?/stancegraph-upload-[^/\s]+/", "", text)


def install(app: Any) -> None:
    """Register :func:`handle_exception` for every kind of exception."""
    for cls in (StancegraphError, RequestValidationError, StarletteHTTPException, Exception):
        app.add_exception_handler(cls, handle_exception)
