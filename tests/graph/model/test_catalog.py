"""The catalog behind the REST resources: filters, paging and items on a hand-built bundle."""

from __future__ import annotations

import pytest

from stancegraph.graph.model.catalog import Catalog, csv_rows
from stancegraph.graph.model.errors import NotFound, UsageError
from stancegraph.graph.model.records import Bundle, Passage, new_claim, new_document, new_position, new_source, new_stakeholder, new_theme


@pytest.fixture
def catalog() -> Catalog:
    """Workforce > Pay; union (in Workers) supports pay, employer (in Employers) opposes it and supports training."""
    b = Bundle()
    doc = new_document("d.txt", title="Report")
    src = new_source("Workshop", "workshop", doc.id)
    workforce = new_theme("Workforce")
    pay = new_theme("Pay", broader=[workforce.id])
    workers, employers = new_stakeholder("Workers"), new_stakeholder("Employers")
    union = new_stakeholder("Union", kind="organisation", member_of=[workers.id], aliases=["The Union"])
    employer = new_stakeholder("Employer", kind="organisation", member_of=[employers.id])
    c_pay = new_claim("Pay should rise", themes=[pay.id])
    c_train = new_claim("Training should be free", themes=[workforce.id])
    q = Passage(document=doc.id, quote="we need more pay", source=src.id)
    b.add(doc, src, workforce, pay, workers, employers, union, employer, c_pay, c_train,
          new_position(union, c_pay, "support", document=doc.id, evidence=[q]),
          new_position(employer, c_pay, "oppose", document=doc.id),
          new_position(employer, c_train, "support", document=doc.id))
    return Catalog(b)


def texts(page: dict) -> set[str]:
    return {r.get("text") or r.get("label") for r in page["items"]}


def test_theme_filter_includes_narrower_themes(catalog: Catalog) -> None:
    assert texts(catalog.list_page("claims", theme="Workforce")) == {"Pay should rise", "Training should be free"}
    assert texts(catalog.list_page("claims", theme="pay")) == {"Pay should rise"}


def test_group_filter_reaches_members(catalog: Catalog) -> None:
    assert texts(catalog.list_page("claims", group="Employers")) == {"Pay should rise", "Training should be free"}
    assert texts(catalog.list_page("claims", group="Employers", stance="oppose")) == {"Pay should rise"}
    assert texts(catalog.list_page("stakeholders", group="Workers")) == {"Workers", "Union"}
    assert texts(catalog.list_page("groups", stance="support")) == {"Workers", "Employers"}


def test_labels_aliases_and_unknown_values(catalog: Catalog) -> None:
    assert texts(catalog.list_page("claims", stakeholder="the union")) == {"Pay should rise"}
    with pytest.raises(NotFound):
        catalog.list_page("claims", stakeholder="nobody")
    with pytest.raises(UsageError):
        catalog.list_page("claims", stance="maybe")


def test_paging_and_text_search(catalog: Catalog) -> None:
    page = catalog.list_page("positions", limit=2, offset=0)
    assert page["total"] == 3 and len(page["items"]) == 2
    assert len(catalog.list_page("positions", limit=2, offset=2)["items"]) == 1
    assert texts(catalog.list_page("positions", q="MORE PAY")) == {None} and catalog.list_page("positions", q="more pay")["total"] == 1


def test_items_carry_evidence_and_links(catalog: Catalog) -> None:
    claim_id = catalog.list_page("claims", q="pay")["items"][0]["id"]
    item = catalog.item("claims", claim_id)
    assert [p["stakeholder_label"] for p in item["supporters"]] == ["Union"]
    assert [p["stakeholder_label"] for p in item["opponents"]] == ["Employer"]
    assert item["supporters"][0]["evidence"][0]["source_label"] == "Workshop"
    workers = catalog.list_page("groups", q="workers")["items"][0]["id"]
    assert [m["label"] for m in catalog.item("groups", workers)["members"]] == ["Union"]
    with pytest.raises(NotFound):
        catalog.item("groups", catalog.list_page("stakeholders", q="union")["items"][0]["id"])


def test_theme_tree_and_csv_rows(catalog: Catalog) -> None:
    [top] = catalog.theme_tree()
    assert top["label"] == "Workforce" and [t["label"] for t in top["narrower"]] == ["Pay"]
    rows = csv_rows("claims", catalog.list_page("claims")["items"])
    assert rows[0]["theme_labels"] in ("Pay", "Workforce") and set(rows[0]) >= {"id", "text", "support", "oppose"}
