"""The tension view in headless chromium at 1400x1000, on the corpus and on a synthetic store of 2,000
stakeholders: every cluster's claims, side captions and stakeholders are inside the map at default zoom
with labels of 12 px or more; two loads draw the same picture; clicking a stakeholder (or group) node
shows its quotes; the filters act on the map and the cards alike; no JavaScript error, no foreign request.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from api_fixtures import Server, base_env, cli, start_server, stop_server
from benchmark_data import synthetic
from browser_tools import DevTools, problems_in, visit
from conftest import CORPUS, need_shared

pytestmark = [pytest.mark.browser, pytest.mark.server, pytest.mark.slow]
WIDTH, HEIGHT = 1400, 1000
READY = "document.body.dataset.ready === '1'"

#: every node the page script put on the map: its kind, cluster, label size on screen and box in the map
NODES_JS = """(function () {
  var v = window.tensionView, net = v.network, scale = net.getScale();
  var out = [];
  v.nodes.forEach(function (n) {
    var m = v.state.meta[n.id];
    if (!m) { return; }
    var bb = net.getBoundingBox(n.id);
    var a = net.canvasToDOM({ x: bb.left, y: bb.top }), b = net.canvasToDOM({ x: bb.right, y: bb.bottom });
    out.push({ id: n.id, kind: m.kind, t: m.t, px: ((n.font && n.font.size) || 14) * scale,
               left: a.x, top: a.y, right: b.x, bottom: b.y, label: n.label });
  });
  var r = document.getElementById("map").getBoundingClientRect();
  return { width: r.width, height: r.height, page: v.state.page, pages: v.state.pages.length,
           shown: v.state.clusters.slice(), nodes: out };
})()"""


@pytest.fixture(scope="module")
def corpus_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The three corpus documents (../shared/corpus), extracted and served."""
    docs = sorted(p for p in need_shared(CORPUS).iterdir() if p.suffix in (".txt", ".rst") and "expected" not in p.name
                  and not p.name.startswith("SOURCES"))
    tmp = tmp_path_factory.mktemp("corpus")
    done = cli("ingest", *map(str, docs), "--store", str(tmp / "store"), "--quiet", env=base_env(tmp), cwd=tmp)
    assert done.returncode == 0, done.stderr
    server = start_server(tmp, token=None, load=False)
    yield server
    stop_server(server)


@pytest.fixture(scope="module")
def synthetic_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """benchmarks/synthetic.py's disputes: 2,000 stakeholders in 40 groups, every one holding a position."""
    from stancegraph.graph.rdf.store import Store

    tmp = tmp_path_factory.mktemp("synthetic")
    bundle = synthetic().disputes_bundle(2000, seed=0)
    assert len({p.stakeholder for p in bundle.positions.values()}) == 2000
    with Store(tmp / "store") as st:
        st.bulk_load(bundle)
    server = start_server(tmp, token=None, load=False)
    yield server
    stop_server(server)


@pytest.fixture(params=["corpus", "synthetic"])
def served(request: pytest.FixtureRequest) -> Server:
    return request.getfixturevalue(f"{request.param}_server")  # type: ignore[no-any-return]


def open_view(browser: DevTools, server: Server, shot: str) -> list[dict[str, Any]]:
    browser.page("Emulation.setDeviceMetricsOverride", {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1,
                                                        "mobile": False})
    return visit(browser, server.url + "/viz/tensions", READY, shot)


def turn_page(browser: DevTools, button: str = "next") -> None:
    browser.evaluate(f"document.getElementById('{button}').click()")
    time.sleep(0.3)  # the map redraws on the next animation frame


def every_page(browser: DevTools) -> list[dict[str, Any]]:
    pages = [browser.evaluate(NODES_JS)]
    for _ in range(pages[0]["pages"] - 1):
        turn_page(browser)
        pages.append(browser.evaluate(NODES_JS))
    return pages


def test_every_cluster_reads_at_default_zoom(served: Server, browser: DevTools, request: pytest.FixtureRequest) -> None:
    name = request.node.callspec.id
    events = open_view(browser, served, f"tension-view-{name}.png")
    pages = every_page(browser)
    errors, foreign = problems_in(events + browser.events, served)
    assert errors == [] and foreign == []
    shown = pages[0]["shown"]
    assert shown, "the view has tension clusters"
    seen: set[int] = set()
    for page in pages:
        assert page["nodes"]
        clusters = {n["t"] for n in page["nodes"]}
        seen |= clusters
        for t in clusters:  # each cluster on the page: its claims and both side captions
            kinds = [n["kind"] for n in page["nodes"] if n["t"] == t]
            assert kinds.count("claim") >= 1 and kinds.count("caption") >= 2 and "title" in kinds
        for n in page["nodes"]:
            where = f"{name} page {page['page'] + 1}: {n['kind']} {n['label']!r}"
            assert n["px"] >= 12, where
            assert n["left"] >= 0 and n["top"] >= 0, where
            assert n["right"] <= page["width"] and n["bottom"] <= page["height"], where
    assert seen == set(shown)  # every cluster is on some page
    # the cards list the same clusters, in the same order
    card_order = browser.evaluate("Array.from(document.querySelectorAll('article.card:not([hidden])')).map(c => +c.dataset.t)")
    assert card_order == shown


def positions(browser: DevTools) -> dict[str, Any]:
    return browser.evaluate("(function () { var v = window.tensionView; return v.network.getPositions(); })()")


def test_two_loads_draw_the_same_picture(served: Server, browser: DevTools) -> None:
    open_view(browser, served, "tension-view-first-load.png")
    first = positions(browser)
    turn_page(browser)
    first_p2 = positions(browser)
    open_view(browser, served, "tension-view-second-load.png")
    assert positions(browser) == first and first
    turn_page(browser)
    assert positions(browser) == first_p2


def click_node(browser: DevTools, node_id: str) -> None:
    """A real mouse click (pressed, released) on the centre of a node."""
    x, y = browser.evaluate(
        "(function () { var v = window.tensionView, p = v.network.canvasToDOM(v.network.getPositions(['%s'])['%s']);"
        " var r = document.getElementById('map').getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; })()"
        % (node_id, node_id))
    for kind in ("mousePressed", "mouseReleased"):
        browser.page("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})


def first_node(browser: DevTools, kind: str) -> str:
    nodes = browser.evaluate(NODES_JS)["nodes"]
    return next(n["id"] for n in nodes if n["kind"] == kind)


def test_clicking_a_stakeholder_node_shows_its_quotes(served: Server, browser: DevTools) -> None:
    events = open_view(browser, served, "tension-view-click.png")
    level = browser.evaluate("window.tensionView.filters.level")
    if level == "groups":  # 2,000 stakeholders: the map starts with groups; a group node lists its members' quotes
        click_node(browser, first_node(browser, "group"))
        browser.wait_for("document.querySelectorAll('#details blockquote').length >= 1")
        browser.evaluate("document.getElementById('f-level').value = 'individuals';"
                         "document.getElementById('f-level').dispatchEvent(new Event('change'))")
        time.sleep(0.3)
        browser.evaluate("document.getElementById('details').hidden = true")
    node = first_node(browser, "stakeholder")
    click_node(browser, node)
    browser.wait_for("!document.getElementById('details').hidden && document.querySelectorAll('#details blockquote').length >= 1")
    label = browser.evaluate(f"window.tensionView.nodes.get('{node}').title.split('\\n')[0]")
    assert browser.evaluate("document.querySelector('#details h2').textContent") == label
    cite = browser.evaluate("document.querySelector('#details .cite').textContent")
    assert cite  # the document (and section, source) the quote comes from
    browser.page("Page.captureScreenshot", {"format": "png"})
    errors, foreign = problems_in(events + browser.events, served)
    assert errors == [] and foreign == []


def test_filters_act_on_the_map_and_the_cards(corpus_server: Server, browser: DevTools) -> None:
    open_view(browser, corpus_server, "tension-view-filtered.png")
    before = browser.evaluate("window.tensionView.state.clusters.length")
    values = browser.evaluate("Array.from(document.querySelectorAll('#f-document option')).map(o => o.value)")
    assert len(values) >= 3  # all documents, and the corpus documents that have clusters
    counts = {}
    for value in values[1:]:
        browser.evaluate(f"var s = document.getElementById('f-document'); s.value = '{value}';"
                         "s.dispatchEvent(new Event('change'))")
        time.sleep(0.3)
        counts[value] = browser.evaluate(NODES_JS)
    value, after = next((v, a) for v, a in counts.items() if 0 < len(a["shown"]) < before)
    browser.evaluate(f"var s = document.getElementById('f-document'); s.value = '{value}';"
                     "s.dispatchEvent(new Event('change'))")
    time.sleep(0.3)
    # every visible stakeholder entry of every visible card comes from that document
    docs = browser.evaluate("Array.from(document.querySelectorAll('article.card:not([hidden]) li.entry:not([hidden])'))"
                            ".map(li => li.dataset.docs.split(' '))")
    assert docs and all(value in d for d in docs)
    cards = browser.evaluate("Array.from(document.querySelectorAll('article.card:not([hidden])')).map(c => +c.dataset.t)")
    assert cards == after["shown"]
    assert {n["t"] for n in after["nodes"]} <= set(after["shown"])
