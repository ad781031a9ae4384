"""REST resources against a real server: paging, filters, items with evidence, CSV and JSON-LD.

Expected numbers come from the sheet in conftest.py (counted by hand there).
"""

from __future__ import annotations

import csv
import io

import httpx
import pytest
import rdflib

from api_fixtures import FORMULA_CLAIM, LIVING_WAGE, REGISTER, SCRIPT_NAME, TRAINING

pytestmark = pytest.mark.server


def test_counts_of_each_kind(client: httpx.Client) -> None:
    totals = {kind: client.get(f"/{kind}").json()["total"]
              for kind in ("stakeholders", "groups", "claims", "sources", "documents", "positions")}
    # 4 organisations + 3 groups; 3 groups; 4 claims; sources Workshop 1 and Literature review in
    # consultation.txt, Oral evidence in hearing.txt; 2 documents; 11 sheet rows
    assert totals == {"stakeholders": 7, "groups": 3, "claims": 4, "sources": 3, "documents": 2, "positions": 11}


def test_paging_follows_next_links_to_the_end(client: httpx.Client) -> None:
    seen, url = [], "/positions?limit=4"
    while url:
        page = client.get(url).json()
        assert page["total"] == 11 and page["limit"] == 4
        seen += [p["id"] for p in page["items"]]
        url = page["next"]
    assert len(seen) == 11 == len(set(seen))
    last = client.get("/positions?limit=4&offset=8").json()
    assert last["next"] is None and len(last["items"]) == 3 and last["prev"].endswith("offset=4")


@pytest.mark.parametrize(("query", "expected"), [
    ("stakeholder=UNISON", {LIVING_WAGE, REGISTER, TRAINING}),
    ("stakeholder=unison&stance=oppose", set()),
    ("stance=oppose", {LIVING_WAGE, REGISTER}),  # Care England opposes both
    ("group=Providers&stance=support", {LIVING_WAGE, TRAINING}),  # the script org on pay, Care England on training
    ("theme=Pay and conditions", {LIVING_WAGE}),
    ("theme=Workforce", {LIVING_WAGE, REGISTER, TRAINING, FORMULA_CLAIM}),  # every theme here is narrower than Workforce
    ("document=hearing", {REGISTER}),
    ("q=REGISTER", {REGISTER}),
])
def test_claim_filters(client: httpx.Client, query: str, expected: set[str]) -> None:
    page = client.get(f"/claims?{query}").json()
    assert {c["text"] for c in page["items"]} == expected
    assert page["total"] == len(expected)


def test_stakeholders_of_a_group_and_stakeholders_on_a_theme(client: httpx.Client) -> None:
    members = {s["label"] for s in client.get("/stakeholders", params={"group": "Providers"}).json()["items"]}
    assert members == {"Providers", "Care England", SCRIPT_NAME}
    on_register = {s["label"] for s in client.get("/stakeholders", params={"theme": "Regulation and registration"}).json()["items"]}
    assert on_register == {"UNISON", "Care England", "Carers UK"}
    groups_opposing = {g["label"] for g in client.get("/groups", params={"stance": "oppose"}).json()["items"]}
    assert groups_opposing == {"Providers"}


def test_unknown_filter_value_is_a_404_problem(client: httpx.Client) -> None:
    r = client.get("/claims", params={"theme": "no such theme"})
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/problem+json"
    assert "no such theme" in r.json()["detail"]


def test_claim_item_lists_supporters_and_opponents_with_quotes(client: httpx.Client) -> None:
    claim_id = client.get("/claims", params={"q": "living wage"}).json()["items"][0]["id"]
    c = client.get(f"/claims/{claim_id}").json()
    assert c["text"] == LIVING_WAGE and c["theme_labels"] == ["Pay and conditions"]
    assert {p["stakeholder_label"] for p in c["supporters"]} == {"UNISON", "Carers UK", SCRIPT_NAME}
    [opponent] = c["opponents"]
    assert opponent["stakeholder_label"] == "Care England"
    assert opponent["evidence"][0]["quote"] == "Providers cannot afford it without new funding."
    assert opponent["evidence"][0]["source_label"] == "Literature review"
    assert c["links"]["self"] == f"/claims/{claim_id}"
    assert c["iri"].endswith("/" + claim_id)
    # the link works and lists exactly the 4 positions on the claim
    assert client.get(c["links"]["positions"]).json()["total"] == 4


def test_group_item_gathers_its_members_positions(client: httpx.Client) -> None:
    gid = client.get("/groups", params={"q": "providers"}).json()["items"][0]["id"]
    g = client.get(f"/groups/{gid}").json()
    assert {m["label"] for m in g["members"]} == {"Care England", SCRIPT_NAME}
    # Care England: 3 positions (pay, register, training); the script org: 1
    assert len(g["positions"]) == 4
    assert client.get(f"/groups/{client.get('/stakeholders', params={'q': 'unison'}).json()['items'][0]['id']}").status_code == 404


def test_themes_tree_nests_narrower_themes(client: httpx.Client) -> None:
    tree = client.get("/themes/tree").json()["themes"]
    workforce = next(t for t in tree if t["label"] == "Workforce")
    children = {t["label"]: t["claims"] for t in workforce["narrower"]}
    assert children["Pay and conditions"] == 1 and children["Training"] == 2


def test_csv_has_a_header_and_guards_formulas(client: httpx.Client) -> None:
    r = client.get("/claims", headers={"Accept": "text/csv"})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 4 and list(rows[0])[:3] == ["id", "text", "themes"]
    formula = next(row for row in rows if "HYPERLINK" in row["text"])
    assert formula["text"] == "'" + FORMULA_CLAIM  # a spreadsheet shows text, it does not run the formula
    same = client.get("/claims?format=csv")
    assert same.text == r.text
    positions = list(csv.DictReader(io.StringIO(client.get("/positions?format=csv&limit=1000").text)))
    assert {row["quotes"] for row in positions if row["claim_text"].startswith("'=")} == {"'=1+1"}


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")  # inside rdflib's JSON-LD parser
def test_jsonld_resource_reads_as_the_stored_triples(server, client: httpx.Client) -> None:
    sid = client.get("/stakeholders", params={"q": "care england"}).json()["items"][0]["id"]
    r = client.get(f"/stakeholders/{sid}", headers={"Accept": "application/ld+json"})
    assert r.headers["content-type"] == "application/ld+json"
    g = rdflib.Graph().parse(data=r.text, format="json-ld", base=server.url + "/")
    store = rdflib.Graph().parse(data=client.get(f"/sparql?query=DESCRIBE <{r.json()['@context'][1]['@base']}{sid}>",
                                                 headers={"Accept": "text/turtle"}).text, format="turtle")
    subject = rdflib.URIRef(r.json()["@context"][1]["@base"] + sid)
    sg = rdflib.Namespace("https://w3id.org/stancegraph/ns#")
    for p in (rdflib.RDFS.label, sg.memberOf, rdflib.RDF.type):
        assert set(g.objects(subject, p)) == set(store.objects(subject, p)) != set(), p


def test_jsonld_list_and_context(client: httpx.Client) -> None:
    data = client.get("/claims?format=jsonld").json()
    assert len(data["@graph"]) == 4 and data["@graph"][0]["type"] == "Claim"
    ctx = client.get("/context.jsonld")
    assert ctx.headers["content-type"] == "application/ld+json" and "@context" in ctx.json()
    link = client.get("/claims").headers["link"]
    assert "/context.jsonld>" in link and 'rel="http://www.w3.org/ns/json-ld#context"' in link


def test_not_acceptable_and_unknown_items(client: httpx.Client) -> None:
    r = client.get("/claims", headers={"Accept": "image/png"})
    assert r.status_code == 406 and r.json()["status"] == 406
    assert client.get("/claims/cl-nope-0000000000").status_code == 404
    assert client.get("/positions", params={"limit": 0}).status_code == 422
