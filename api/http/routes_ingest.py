"""Uploads: ``POST /documents`` runs the loader pipeline on one file and stores the result;
``DELETE /documents/{id}`` removes a document. Both need the write token."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile as StarletteUpload

from ...graph.model.errors import PayloadTooLarge, StancegraphError, UnsupportedFormat, UsageError
from .responses import json_response
from .service import Service

router = APIRouter(tags=["ingest"])
_PROBLEM: dict[str, Any] = {"content": {"application/problem+json": {}}}
_UNSAFE = re.compile(r"[^\w.\- ]+")


def safe_name(filename: str | None) -> str:
    """The base name of an uploaded file with path parts and odd characters removed."""
    name = _UNSAFE.sub("_", Path((filename or "").replace("\\", "/")).name).strip(" .")
    return name or "upload"


def ingest_file(svc: Service, path: Path) -> dict[str, Any]:
    """Read one file with the loaders and load it into the store; what was loaded, as plain data."""
    from ..ingest import read_inputs

    store = svc.store

    def find_document(doc_id: str):  # noqa: ANN202 - Document | None
        return store.bundle(doc_id).documents.get(doc_id) if store.has_document(doc_id) else None

    [(_, outcome)] = list(read_inputs([path], workers=1, find_document=find_document, read_files=False))
    if isinstance(outcome, StancegraphError):
        raise outcome
    report = store.load(outcome, label=path.name)
    return {"file": path.name, "documents": sorted(report.documents), "replaced": sorted(report.replaced),
            "counts": report.counts, "quads_before": report.quads_before, "quads_after": report.quads_after}


_UPLOAD_BODY: dict[str, Any] = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"],
    "properties": {"file": {"type": "string", "format": "binary",
                            "description": "A document, coding sheet or coded-data export."}}}}}}}


@router.post("/documents", summary="Upload and ingest a file (write token)", status_code=201,
             response_class=Response, openapi_extra=_UPLOAD_BODY,
             responses={201: {"description": "What was loaded"}, 403: _PROBLEM, 408: _PROBLEM, 413: _PROBLEM,
                        415: _PROBLEM, 422: _PROBLEM})
async def upload_document(request: Request) -> Response:
    """Run the loader pipeline on the uploaded file (its format detected from content and name) and
    store the result in one transaction; answers the documents loaded and the record counts.

    The write token is checked before any of the body is read; a body over the upload limit is refused
    with 413 as soon as the limit is passed (the rest is not read)."""
    svc: Service = request.app.state.service
    svc.check_token(request.headers.get("authorization"))
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != "multipart/form-data":
        raise UnsupportedFormat("send the file as multipart/form-data, in a field named 'file'")
    limit = svc.settings.upload_limit_mb * 1024 * 1024
    form = await request.form(max_files=1, max_fields=8)
    folder = Path(tempfile.mkdtemp(prefix="stancegraph-upload-"))
    try:
        upload = form.get("file")
        if not isinstance(upload, StarletteUpload):
            raise UsageError("send the file in a multipart/form-data field named 'file'")
        path = folder / safe_name(upload.filename)
        size = 0
        with path.open("wb") as out:
            while chunk := await upload.read(1 << 20):
                size += len(chunk)
                if size > limit:
                    raise PayloadTooLarge(f"the file is larger than the limit of {svc.settings.upload_limit_mb} MB")
                out.write(chunk)
        result = await run_in_threadpool(ingest_file, svc, path)
    finally:
        await form.close()
        shutil.rmtree(folder, ignore_errors=True)
    return json_response(request, result, status=201)


@router.delete("/documents/{record_id}", summary="Remove a document (write token)", status_code=204,
               response_class=Response, responses={204: {"description": "Removed"}, 403: _PROBLEM, 404: _PROBLEM})
async def delete_document(request: Request, record_id: str) -> Response:
    """Drop the document's graph; records other documents still use stay."""
    svc: Service = request.app.state.service
    svc.check_token(request.headers.get("authorization"))
    await run_in_threadpool(svc.store.remove_document, record_id)
    return Response(status_code=204)
