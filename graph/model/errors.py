"""Every error stancegraph raises on purpose, in one tree.

::

    StancegraphError                 base; `str(err)` is one line meant for a user
    ├── LoaderError                  an input could not be read
    │   ├── UnsupportedFormat        extension or content not recognised
    │   └── MalformedSource          bad content; carries path, line and field
    ├── ValidationFailed             SHACL shapes rejected a load; carries the report
    ├── BackendError                 a store or server failed
    │   ├── BackendUnavailable       cannot reach or open it (Neo4j down, store locked)
    │   ├── QueryRejected            the query is invalid or not allowed (a write on a read path)
    │   └── QueryTimeout             the query ran past its time limit
    ├── Forbidden                    a write without the write token
    ├── NotFound                     no such document, stakeholder, claim...
    └── UsageError                   options that do not fit together
        ├── NotAcceptable            no representation the client accepts (HTTP 406)
        ├── PayloadTooLarge          a request body over the size limit (HTTP 413)
        └── BodyTimeout              a request body that stopped arriving (HTTP 408)

Errors from libraries underneath (rdflib, pyoxigraph, neo4j, pypdf...) are translated
into these at the boundary where they are called; the CLI and the API each map this
tree in one place (exit codes 1 and 2; RFC 9457 problem documents).
"""

from __future__ import annotations

from pathlib import Path


class StancegraphError(Exception):
    """Base class. The message is a single line a user can act on."""

    #: exit code for the CLI: 1 for rejected data, 2 for usage or runtime errors
    exit_code: int = 2
    #: HTTP status for the API
    http_status: int = 500
    #: short title for RFC 9457 problem documents
    title: str = "stancegraph error"


class LoaderError(StancegraphError):
    exit_code = 1
    http_status = 422
    title = "input rejected"


class UnsupportedFormat(LoaderError):
    http_status = 415
    title = "unsupported format"


class MalformedSource(LoaderError):
    """Bad content in an input, located as precisely as the format allows."""

    title = "malformed input"

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.path = str(path) if path is not None else None
        self.line = line
        self.field = field
        self.detail = message
        super().__init__(self._format())

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle with the location, so errors from worker processes still name their file."""
        return (_rebuild_malformed, (type(self), self.detail, self.path, self.line, self.field))

    def _format(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where += f":{self.line}"
        if self.field:
            where += f" [{self.field}]"
        return f"{where}: {self.detail}"


def _rebuild_malformed(cls: type[MalformedSource], detail: str, path: str | None, line: int | None,
                       field: str | None) -> MalformedSource:
    return cls(detail, path=path, line=line, field=field)


class ValidationFailed(StancegraphError):
    """The SHACL shapes rejected the data; `report` holds the full text report."""

    exit_code = 1
    http_status = 422
    title = "validation failed"

    def __init__(self, message: str, *, report: str = "", results: list[dict[str, str]] | None = None) -> None:
        self.report = report
        self.results = results or []
        super().__init__(message)

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (str(self),), {"report": self.report, "results": self.results})


class BackendError(StancegraphError):
    http_status = 502
    title = "backend error"


class BackendUnavailable(BackendError):
    http_status = 503
    title = "backend unavailable"


class QueryRejected(BackendError):
    exit_code = 2
    http_status = 400
    title = "query rejected"


class QueryTimeout(BackendError):
    http_status = 503
    title = "query timed out"


class Forbidden(StancegraphError):
    http_status = 403
    title = "forbidden"


class NotFound(StancegraphError):
    http_status = 404
    title = "not found"


class UsageError(StancegraphError):
    http_status = 400
    title = "bad request"


class NotAcceptable(UsageError):
    http_status = 406
    title = "not acceptable"


class PayloadTooLarge(UsageError):
    http_status = 413
    title = "payload too large"


class BodyTimeout(UsageError):
    http_status = 408
    title = "request timeout"
