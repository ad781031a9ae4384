"""``/export``: the whole graph (or one document) in RDF, interchange JSON, the coding sheet, or network formats."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from ...graph.export import formats as ex
from ...graph.model.errors import UsageError

router = APIRouter(tags=["export"])

FORMAT_HELP = "ttl, nt, jsonld, nq, trig, rdfxml, json (interchange), sheet (coding sheet CSV), graphml, gexf."


def export_bytes(svc, fmt: str, document: str | None) -> tuple[bytes, str]:  # noqa: ANN001
    """The export in `fmt` and its media type (cached per store generation)."""
    store = svc.store

    def build() -> bytes:
        if fmt in ("nq", "trig"):
            quads = list(store.quads())  # the named graphs (the union is their merge; the meta graph left out)
            return ex.serialize_triples(quads, fmt, base=store.base)
        if fmt in ex.RDF_FORMATS:
            return ex.serialize_triples(store.triples(document), fmt, base=store.base)
        bundle = svc.bundle() if document is None else store.bundle(document)
        if fmt == "json":
            return ex.bundle_json_bytes(bundle)
        if fmt == "sheet":
            from ...loaders.formats.coding_sheet import ALL_COLUMNS, rows_from_bundle

            return ex.write_csv(rows_from_bundle(bundle), ALL_COLUMNS).encode("utf-8")
        if fmt in ex.EXTRA_FORMATS:
            return ex.EXTRA_FORMATS[fmt](bundle)
        known = [*ex.RDF_FORMATS, "json", "sheet", *ex.EXTRA_FORMATS]
        raise UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(known)}")

    data = svc.cached(("export", fmt, document), build)
    media = "text/csv" if fmt == "sheet" else ex.MEDIA_TYPES.get(fmt, "application/octet-stream")
    return data, media


@router.get("/export", summary="Export the graph", response_class=Response,
            responses={200: {"content": {m: {} for m in ex.MEDIA_TYPES.values()}},
                       400: {"content": {"application/problem+json": {}}},
                       404: {"content": {"application/problem+json": {}}}})
def export(request: Request,
           format: Annotated[str, Query(description=FORMAT_HELP, max_length=20)] = "ttl",
           document: Annotated[str | None, Query(description="Only this document (id).")] = None,
           download: Annotated[bool, Query(description="Ask the browser to save the file.")] = False) -> Response:
    """The whole graph, or one document's graph, in the format asked for."""
    data, media = export_bytes(request.app.state.service, format, document)
    ext = {"sheet": "csv", "rdfxml": "rdf"}.get(format, format)
    disposition = "attachment" if download else "inline"
    text_like = media.startswith("text/") or media.endswith(("xml", "triples", "quads", "trig"))
    return Response(data, media_type=f"{media}; charset=utf-8" if text_like else media,
                    headers={"Content-Disposition": f'{disposition}; filename="stancegraph.{ext}"'})
