"""Choosing a media type from Accept (q values, wildcards, server order on ties)."""

from __future__ import annotations

import pytest

from stancegraph.api.http.negotiation import choose, prefers_html
from stancegraph.graph.model.errors import NotAcceptable, UsageError

OFFERED = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv"]


@pytest.mark.parametrize(("accept", "expected"), [
    (None, "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("text/*", "text/csv"),
    ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
    ("application/sparql-results+json;q=0, */*;q=0.1", "application/sparql-results+xml"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/sparql-results+xml"),
])
def test_choose(accept: str | None, expected: str) -> None:
    assert choose(accept, OFFERED, equivalents={"application/xml": "application/sparql-results+xml"}) == expected


def test_nothing_acceptable_and_format_override() -> None:
    with pytest.raises(NotAcceptable):
        choose("image/png", OFFERED)
    assert choose("image/png", OFFERED, format="csv") == "text/csv"
    with pytest.raises(UsageError):
        choose(None, OFFERED, format="pdf")


def test_prefers_html() -> None:
    assert prefers_html("text/html,application/xhtml+xml,*/*;q=0.8")
    assert not prefers_html("application/sparql-results+json")
    assert not prefers_html("*/*") and not prefers_html(None)
