"""REST resources: paged, filterable lists and items with evidence, in JSON, CSV and JSON-LD.

The query logic lives in :mod:`stancegraph.graph.model.catalog`; this module pages, negotiates and links.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any, Callable

from fastapi import APIRouter, Query, Request, Response

from ...graph.model.catalog import CSV_COLUMNS, KINDS, csv_rows
from ...graph.model.interchange import record_json
from ...graph.model.records import Bundle
from ...ontology import names as N
from .responses import CSV, JSON, JSONLD, csv_response, json_response, jsonld_response, negotiate, page_links
from .service import Service

router = APIRouter(tags=["resources"])


class ListFormat(str, Enum):
    json = "json"
    csv = "csv"
    jsonld = "jsonld"


class StanceName(str, Enum):
    support = "support"
    oppose = "oppose"
    neutral = "neutral"


FILTER_HELP = {
    "theme": "Theme id or label (narrower themes included).",
    "stakeholder": "Stakeholder id or label.",
    "group": "Group id or label: the group and all its members.",
    "claim": "Claim id or exact text.",
    "stance": "support, oppose or neutral.",
    "document": "Document id or title.",
    "q": "Case-insensitive text search in labels, claim text and quotes.",
}

_CLASS = {"documents": "Document", "sources": "Source", "themes": "Theme", "claims": "Claim", "positions": "Position"}
_KIND_CLASS = {"group": "StakeholderGroup", "organisation": "Organisation", "person": "Person"}


def service(request: Request) -> Service:
    return request.app.state.service  # type: ignore[no-any-return]


def jsonld_record(bundle: Bundle, kind: str, record_id: str) -> dict[str, Any]:
    """A record in its interchange shape with a JSON-LD ``type`` (keys the published context maps)."""
    table = bundle.stakeholders if kind in ("stakeholders", "groups") else getattr(bundle, kind)
    record = table[record_id]
    data = record_json(record)
    if kind in ("stakeholders", "groups"):
        data["type"] = ["Stakeholder", _KIND_CLASS.get(record.kind, "Stakeholder")]
        data.pop("attributes", None)
    else:
        data["type"] = _CLASS[kind]
    if kind == "documents":
        data.pop("kind", None)  # the context's "kind" is the stakeholder kind
    if kind == "positions":
        for e in data.get("evidence", []):
            e["type"] = "Passage"
    return {k: v for k, v in data.items() if v not in (None, [], {})}


def item_links(kind: str, record_id: str) -> dict[str, str]:
    links = {"self": f"/{kind}/{record_id}"}
    if kind in ("stakeholders", "groups"):
        key = "group" if kind == "groups" else "stakeholder"
        links.update(positions=f"/positions?{key}={record_id}", claims=f"/claims?{key}={record_id}")
    elif kind == "claims":
        links["positions"] = f"/positions?claim={record_id}"
    elif kind == "themes":
        links.update(claims=f"/claims?theme={record_id}", positions=f"/positions?theme={record_id}",
                     convergence=f"/analysis/convergence?theme={record_id}",
                     conflicts=f"/analysis/conflicts?theme={record_id}")
    elif kind == "documents":
        links.update(positions=f"/positions?document={record_id}", stakeholders=f"/stakeholders?document={record_id}",
                     claims=f"/claims?document={record_id}")
    return links


def _list_endpoint(kind: str) -> Callable[..., Response]:
    def list_records(
        request: Request,
        theme: Annotated[str | None, Query(description=FILTER_HELP["theme"])] = None,
        stakeholder: Annotated[str | None, Query(description=FILTER_HELP["stakeholder"])] = None,
        group: Annotated[str | None, Query(description=FILTER_HELP["group"])] = None,
        claim: Annotated[str | None, Query(description=FILTER_HELP["claim"])] = None,
        stance: Annotated[StanceName | None, Query(description=FILTER_HELP["stance"])] = None,
        document: Annotated[str | None, Query(description=FILTER_HELP["document"])] = None,
        q: Annotated[str | None, Query(description=FILTER_HELP["q"], max_length=500)] = None,
        limit: Annotated[int, Query(ge=1, le=1000, description="Rows per page.")] = 50,
        offset: Annotated[int, Query(ge=0, description="Rows to skip.")] = 0,
        format: Annotated[ListFormat | None, Query(description="json, csv or jsonld; overrides Accept.")] = None,
    ) -> Response:
        svc = service(request)
        media = negotiate(request, [JSON, CSV, JSONLD], format.value if format else None)
        catalog = svc.catalog()
        page = catalog.list_page(kind, theme=theme, stakeholder=stakeholder, group=group, claim=claim,
                            stance=stance.value if stance else None, document=document, q=q, limit=limit, offset=offset)
        if media == CSV:
            return csv_response(csv_rows(kind, page["items"]), CSV_COLUMNS[kind], filename=kind)
        if media == JSONLD:
            items = [jsonld_record(catalog.bundle, kind, row["id"]) for row in page["items"]]
            return jsonld_response(request, items, base=svc.store.base)
        links = page_links(request, total=page["total"], limit=limit, offset=offset)
        body = {"total": page["total"], "limit": limit, "offset": offset, **links, "items": page["items"]}
        return json_response(request, body)

    list_records.__name__ = f"list_{kind}"
    list_records.__doc__ = (f"List {kind}, paged (limit, offset; total and next link) and filtered. "
                            "JSON by default; CSV with Accept: text/csv or ?format=csv; JSON-LD with Accept: application/ld+json.")
    return list_records


def _item_endpoint(kind: str) -> Callable[..., Response]:
    def get_record(
        request: Request,
        record_id: str,
        format: Annotated[ListFormat | None, Query(description="json or jsonld (csv is for lists); overrides Accept.")] = None,
    ) -> Response:
        svc = service(request)
        media = negotiate(request, [JSON, JSONLD], format.value if format else None)
        catalog = svc.catalog()
        data = catalog.item(kind, record_id)
        if media == JSONLD:
            return jsonld_response(request, jsonld_record(catalog.bundle, kind, record_id), base=svc.store.base)
        data["iri"] = svc.store.base + record_id
        data["links"] = item_links(kind, record_id)
        return json_response(request, data)

    get_record.__name__ = f"get_{kind[:-1]}"
    get_record.__doc__ = f"One {kind[:-1]} with its links and the evidence behind it (positions with quotes)."
    return get_record


_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {JSON: {}, CSV: {}, JSONLD: {}}},
    404: {"description": "No such record, or a filter names an unknown record.",
          "content": {"application/problem+json": {}}},
    406: {"description": "No acceptable representation.", "content": {"application/problem+json": {}}},
}


@router.get("/themes/tree", summary="The SKOS theme tree")
def theme_tree(request: Request) -> Response:
    """Top themes with their narrower themes nested under ``narrower``, each with its claim count."""
    return json_response(request, {"scheme": N.SG + "defaultThemes", "themes": service(request).catalog().theme_tree()})


for _kind in KINDS:
    router.add_api_route(f"/{_kind}", _list_endpoint(_kind), methods=["GET"], summary=f"List {_kind}",
                         responses=_RESPONSES, response_class=Response)
    router.add_api_route(f"/{_kind}/{{record_id}}", _item_endpoint(_kind), methods=["GET"],
                         summary=f"One {_kind[:-1]}", responses=_RESPONSES, response_class=Response)
