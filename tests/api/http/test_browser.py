"""Headless chromium opens the explorer and the tension map with no network beyond loopback,
sees no console error and no request to another host, and saves screenshots for CI.

Chromium is driven over the DevTools protocol (a websocket); other hosts are unreachable:
every name but 127.0.0.1 fails to resolve and everything else goes to a dead proxy.
"""

from __future__ import annotations

import pytest

from api_fixtures import SCRIPT_NAME, Server
from browser_tools import DevTools, problems_in, visit

pytestmark = [pytest.mark.browser, pytest.mark.server]


def test_the_checks_catch_console_errors_and_foreign_requests(server: Server, browser: DevTools) -> None:
    """The two checks below can fail: a page with an error and a request to another host trips both."""
    bad = "<img src='http://example.invalid/x.png'><script>console.error('boom'); undefinedFunction();</script>"
    events = visit(browser, "data:text/html," + bad, "document.readyState === 'complete'", "checker.png")
    errors, foreign = problems_in(events, server)
    assert any("boom" in e for e in errors) and any("undefinedFunction" in e for e in errors)
    assert foreign == ["http://example.invalid/x.png"]


def test_explorer_page_works_offline(server: Server, browser: DevTools) -> None:
    events = visit(browser, server.url + "/", "document.querySelectorAll('#claims li').length > 0", "explorer.png")
    errors, foreign = problems_in(events, server)
    assert errors == [] and foreign == []
    # the most contested claim is listed first; pick it and see supporters and opponents with quotes
    first = browser.evaluate("document.querySelector('#claims li span').textContent")
    assert first == "Care workers should be paid at least the real living wage"
    browser.evaluate("document.querySelector('#claims li').click()")
    browser.wait_for("document.querySelectorAll('#detail blockquote').length >= 4")
    detail = browser.evaluate("document.getElementById('detail').textContent")
    assert "Providers cannot afford it without new funding." in detail and SCRIPT_NAME in detail
    assert browser.evaluate("document.querySelectorAll('#detail script').length") == 0  # the name stayed text
    browser.page("Page.captureScreenshot", {"format": "png"})
    errors, foreign = problems_in(browser.events, server)
    assert errors == [] and foreign == []


def test_tension_map_works_offline(server: Server, browser: DevTools) -> None:
    events = visit(browser, server.url + "/viz/tensions", "document.body.dataset.ready === '1'", "tension-map.png")
    errors, foreign = problems_in(events, server)
    assert errors == [] and foreign == []
    assert browser.evaluate("typeof vis !== 'undefined' && document.querySelector('#map canvas') !== null")
    assert browser.evaluate("document.querySelectorAll('script:not([type])').length") == 2  # vis-network and ours
    themes = browser.evaluate("Array.from(document.querySelectorAll('#f-theme option')).map(o => o.textContent)")
    assert "Pay and conditions" in themes and "Regulation and registration" in themes
    # the hostile name is on the card as text, not as an element
    assert SCRIPT_NAME in browser.evaluate("document.getElementById('cards').textContent")
    assert browser.evaluate("document.querySelectorAll('#cards script').length") == 0


def test_whole_graph_works_offline(server: Server, browser: DevTools) -> None:
    events = visit(browser, server.url + "/viz/graph", "document.body.dataset.ready === '1'", "graph-map.png")
    errors, foreign = problems_in(events, server)
    assert errors == [] and foreign == []
    legend = browser.evaluate("document.getElementById('legend').textContent")
    assert "● stakeholder" in legend and "■ claim" in legend


def test_sparql_editor_runs_a_query_offline(server: Server, browser: DevTools) -> None:
    events = visit(browser, server.url + "/sparql", "document.getElementById('query') !== null", "sparql-editor.png")
    browser.evaluate("document.querySelector('#sparql-form button[type=submit]').click()")
    browser.wait_for("document.querySelectorAll('#results tr').length > 1")
    errors, foreign = problems_in(events + browser.events, server)
    assert errors == [] and foreign == []


def test_api_docs_render_offline(server: Server, browser: DevTools) -> None:
    events = visit(browser, server.url + "/docs", "document.querySelectorAll('.opblock').length > 10", "api-docs.png")
    errors, foreign = problems_in(events, server)
    assert errors == [] and foreign == []
