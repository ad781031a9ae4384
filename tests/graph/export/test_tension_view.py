"""The tension view (cards beside a map that reads like them), read the way a researcher reads it.

The cards are server-rendered HTML, parsed here with BeautifulSoup; the map's data is the JSON the page
script lays out (its layout is tested in the browser: tests/api/http/test_tension_view_browser.py).
Expected lists are read off the coding sheets written in each test.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from benchmark_data import synthetic
from bs4 import BeautifulSoup

from stancegraph.graph.analysis.tensions import find_tensions
from stancegraph.graph.export.tension_view import GROUP_LEVEL_ABOVE, tension_map_html, tension_view
from stancegraph.graph.export.viz import THEME_PALETTE, external_urls, theme_colour
from stancegraph.graph.model.records import Bundle, Passage, new_claim, new_document, new_position, new_stakeholder
from stancegraph.loaders.formats.coding_sheet import load as load_sheet

EVIL = "<script>alert(1)</script>"
REG = "Care workers should be on a professional register"
HEADER = ["document", "source", "stakeholder", "group", "stance", "claim", "themes", "quantifier", "quote", "section"]


def sheet(tmp_path: Path, rows: list[tuple[str, ...]], name: str = "sheet.csv") -> Bundle:
    """A coding sheet of `rows` (a tenth column, the section, is optional), loaded by the real loader."""
    path = tmp_path / name
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        w.writerows(row if len(row) == 10 else (*row, "") for row in rows)
    return load_sheet(path)


def cards(html: str) -> list:
    return BeautifulSoup(html, "html.parser").select("article.card")


def camps_of(question) -> dict[str, dict[str, list[str]]]:  # noqa: ANN001
    """camp title -> stakeholder label -> the quotes shown when it is opened."""
    out: dict[str, dict[str, list[str]]] = {}
    for camp in question.select("div.camp"):
        title = camp.h4.get_text(" ", strip=True).split(" (")[0]
        out[title] = {li.select_one(".who").get_text(): [b.get_text() for b in li.select("blockquote")]
                      for li in camp.select("li.entry")}
    return out


# two camps disagree on one claim (the register); elsewhere in the same workshop, other people back other
# claims: the case, where those backers used to be counted on the register's support side
ROWS = [
    ("consultation.txt", "Workshop 2", "UNISON", "Unions", "support", REG, "Regulation and registration", "",
     "A register would professionalise the workforce.", "4 Findings > Registration"),
    ("consultation.txt", "Workshop 2", "GMB", "Unions", "support", REG, "Regulation and registration", "strongly",
     "Registration is overdue."),
    ("consultation.txt", "Workshop 2", "Care England", "Providers", "oppose", REG, "Regulation and registration", "",
     "Registration fees would fall on low-paid staff."),
    ("consultation.txt", "Workshop 2", "Homecare Association", "Providers", "oppose", REG,
     "Regulation and registration", "", "A register adds cost without adding quality."),
    ("consultation.txt", "Workshop 2", "Carers UK", "", "support", "Respite care should be funded nationally",
     "Carers", "", "Carers need breaks."),
    ("consultation.txt", "Workshop 2", "Age UK", "", "support", "Visiting rules should be the same everywhere",
     "Rights and safeguarding", "", "Rules differ from home to home."),
]


def test_the_card_shows_exactly_the_two_camps_of_the_claim_each_with_its_quotes(tmp_path: Path) -> None:
    bundle = sheet(tmp_path, ROWS)
    tensions = find_tensions(bundle, seed=0)
    html = tension_map_html(bundle, tensions)
    [card] = cards(html)
    [question] = card.select("section.question")
    assert question.h3.get_text() == REG
    camps = camps_of(question)
    assert camps == {
        "For": {"GMB": ["“Registration is overdue.”"], "UNISON": ["“A register would professionalise the workforce.”"]},
        "Against": {"Care England": ["“Registration fees would fall on low-paid staff.”"],
                    "Homecare Association": ["“A register adds cost without adding quality.”"]},
    }
    # grouped by their group, with counts; each quote cites its document and source
    for_camp = question.select_one("div.camp.support")
    assert [s.get_text() for s in for_camp.select("details.group > summary")] == ["Unions (2)"]
    cites = [c.get_text() for c in for_camp.select("li.entry .cite")]
    assert cites == ["consultation · Workshop 2", "consultation — 4 Findings › Registration · Workshop 2"]
    assert "(strongly)" in for_camp.get_text()  # GMB's quantifier
    # the map's data draws the same camps: support on the claim from the two unions, opposition from the providers
    data = page_data(html)
    who = {(data["stakeholders"][e[2]]["text"], e[3]) for e in data["entries"]}
    assert who == {("UNISON", 1), ("GMB", 1), ("Care England", -1), ("Homecare Association", -1)}


def page_data(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="view-data">(.*?)</script>', html, re.S)
    assert m
    return json.loads(m.group(1))


def test_a_one_sided_cluster_says_so_and_lists_nobody_for_it(tmp_path: Path) -> None:
    rows = [("report.txt", "", "Some participants", "", "oppose", "The projected workforce increase will be achieved",
             "Workforce numbers", "some", "Some doubted the numbers."),
            ("report.txt", "", "Workshop participants", "", "support", "More care workers are needed",
             "Workforce numbers", "broad agreement", "Everyone agreed more workers are needed.")]
    bundle = sheet(tmp_path, rows)
    [card] = cards(tension_map_html(bundle, find_tensions(bundle)))
    assert "One camp only" in card.select_one("p.note").get_text()
    camps = camps_of(card.select_one("section.question"))
    assert camps == {"For": {}, "Against": {"Some participants": ["“Some doubted the numbers.”"]}}
    assert card.select_one("div.camp.support .none").get_text() == "nobody states this"


def test_same_label_stakeholders_from_different_documents_are_told_apart() -> None:
    """The extractor scopes an unnamed collective to its document: two stakeholders, one label."""
    b = Bundle()
    claim = new_claim(REG)
    b.add(claim)
    for name, stance in (("a.txt", "support"), ("b.txt", "oppose")):
        doc = new_document(name, title=f"Report {name[0].upper()}")
        who = new_stakeholder("Workshop participants", scope=doc.id)
        b.add(doc, who, new_position(who, claim, stance, document=doc.id,
                                     evidence=[Passage(doc.id, f"As said in {name}.", 0, 17)]))
    [card] = cards(tension_map_html(b, find_tensions(b)))
    names = sorted(w.get_text() for w in card.select(".who"))
    assert names == ["Workshop participants (Report A)", "Workshop participants (Report B)"]


def test_document_text_stays_text(tmp_path: Path) -> None:
    rows = [("<b>doc</b>.txt", "<i>src</i>", EVIL, "<img src=x onerror=alert(1)>", "support", REG + " " + EVIL,
             "<u>theme</u>", "", "quote </script><script>alert(2)</script>"),
            ("<b>doc</b>.txt", "", "Care England", "", "oppose", REG + " " + EVIL, "<u>theme</u>", "", "no & <no>")]
    bundle = sheet(tmp_path, rows)
    html = tension_map_html(bundle, find_tensions(bundle), title="Map <i>")
    assert external_urls(html) == []
    assert EVIL not in html and "<img src=x" not in html and "</script><script>" not in html
    assert "<title>Map &lt;i&gt;</title>" in html
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.select("img, iframe, u, i, b") and not [t for t in soup.find_all(True) if any(a.startswith("on") for a in t.attrs)]
    # ...and the strings arrive intact, as text
    [card] = soup.select("article.card")
    assert EVIL in card.get_text() and "quote </script><script>alert(2)</script>" in card.get_text()
    data = page_data(html)
    assert any(EVIL in s["text"] for s in data["stakeholders"])
    page_script = html.rsplit("<script>", 1)[1]
    assert "textContent" in page_script and "innerHTML" not in page_script


def test_theme_colours_come_from_the_theme_id_and_the_legend_names_each_theme_once(tmp_path: Path) -> None:
    bundle = sheet(tmp_path, ROWS)
    data = page_data(tension_map_html(bundle, find_tensions(bundle)))
    reg_theme = next(t for t in data["themes"] if t["label"] == "Regulation and registration")
    assert reg_theme["colour"] == theme_colour(reg_theme["id"]) and reg_theme["colour"] in THEME_PALETTE
    # loading more themes (another sheet, loaded first) changes no colour
    more = sheet(tmp_path, [("x.txt", "", f"Org {k}", "", "oppose", f"Claim {k}", f"Theme number {k}", "", "q")
                            for k in range(15)], "more.csv")
    more.update(bundle)
    data2 = page_data(tension_map_html(more, find_tensions(more)))
    again = next(t for t in data2["themes"] if t["id"] == reg_theme["id"])
    assert again["colour"] == reg_theme["colour"]
    legend = [data2["themes"][i]["id"] for i in data2["legend"]]
    assert len(legend) == len(set(legend))


@pytest.fixture(scope="module")
def big() -> tuple[Bundle, list[dict]]:
    bundle = synthetic().disputes_bundle(2000, seed=0)
    return bundle, find_tensions(bundle, seed=0)


def test_at_two_thousand_stakeholders_the_view_starts_at_group_level(big: tuple[Bundle, list[dict]]) -> None:
    bundle, tensions = big
    assert len({p.stakeholder for p in bundle.positions.values()}) == 2000
    view = tension_view(bundle, tensions)
    assert view["people"] > GROUP_LEVEL_ABOVE and view["level"] == "groups" and view["data"]["level"] == "groups"
    # groups of more than three fold in the cards (individuals one click away); counts are shown
    blocks = [b for c in view["cards"] for q in c["questions"] for camp in q["camps"] for b in camp["blocks"]]
    assert any(not b["open"] for b in blocks) and all(b["open"] for b in blocks if len(b["entries"]) <= 3)
    assert all(g["members"] > 0 for g in view["groups"])
    small = tension_view(bundle, tensions[:1], level="individuals")
    assert small["level"] == "individuals"
