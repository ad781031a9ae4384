"""The W3C result formats written by graph.sparql_results read back with rdflib's parsers."""

from __future__ import annotations

import io

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.query import Result

from stancegraph.graph.rdf.sparql_results import serialize_outcome
from stancegraph.graph.rdf.store import Store


@pytest.fixture(scope="module")
def outcome():
    st = Store()
    st.update('INSERT DATA { GRAPH <http://g> { <http://a> <http://p> "x,\\"y\\"\\n\\tz"@en . '
              '<http://a> <http://q> 42 . _:b <http://p> "plain" } }')
    yield st.query("SELECT ?s ?p ?o ?unbound WHERE { ?s ?p ?o } ORDER BY ?p ?o")
    st.close()


@pytest.mark.parametrize("fmt", ["json", "xml", "tsv"])
def test_terms_survive_a_round_trip(outcome, fmt: str) -> None:
    rows = list(Result.parse(io.BytesIO(serialize_outcome(outcome, fmt)), format=fmt))
    assert len(rows) == 3
    by_o = {str(r[2]): r for r in rows}
    lit = by_o['x,"y"\n\tz'][2]
    assert isinstance(lit, Literal) and lit.language == "en"
    assert by_o["42"][2].datatype == URIRef("http://www.w3.org/2001/XMLSchema#integer")
    assert isinstance(by_o["plain"][0], BNode) and all(r[3] is None for r in rows)


def test_csv_has_plain_values_and_crlf(outcome) -> None:
    data = serialize_outcome(outcome, "csv").decode()
    assert data.startswith("s,p,o,unbound\r\n")
    rows = list(Result.parse(io.BytesIO(data.encode()), format="csv"))
    assert {str(r[2]) for r in rows} == {'x,"y"\n\tz', "42", "plain"}


def test_ask_in_each_format() -> None:
    st = Store()
    yes = st.query("ASK {}")
    assert serialize_outcome(yes, "json") == b'{"head":{},"boolean":true}'
    assert b"<boolean>true</boolean>" in serialize_outcome(yes, "xml")
    st.close()


@pytest.mark.parametrize("fmt", ["json", "xml", "tsv"])
def test_a_datatype_ending_in_string_is_kept(fmt: str) -> None:
    # the XML writer used to drop any datatype whose IRI ended in '#string', not only xsd:string
    st = Store()
    st.update('INSERT DATA { GRAPH <http://g> { <http://a> <http://p> "s"^^<http://example.org/t#string> , "plain" } }')
    data = serialize_outcome(st.query("SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o"), fmt)
    st.close()
    datatypes = {str(r[0]): r[0].datatype for r in Result.parse(io.BytesIO(data), format=fmt)}
    assert datatypes == {"plain": None, "s": URIRef("http://example.org/t#string")}


def test_select_star_lists_variables_in_the_order_the_query_names_them() -> None:
    st = Store()
    st.update('INSERT DATA { GRAPH <http://g> { <http://a> <http://p> "o" } }')
    assert st.query("SELECT * WHERE { ?s ?p ?o }").variables == ["s", "p", "o"]  # the engine lists o, p, s
    assert st.query("SELECT DISTINCT * WHERE { ?zed ?p ?a }").variables == ["zed", "p", "a"]
    assert st.query("SELECT ?o ?s WHERE { ?s ?p ?o }").variables == ["o", "s"]
    csv_header = serialize_outcome(st.query("SELECT * WHERE { ?s ?p ?o }"), "csv").split(b"\r\n")[0]
    st.close()
    assert csv_header == b"s,p,o"
