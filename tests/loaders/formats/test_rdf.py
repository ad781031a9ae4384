"""The RDF and interchange-JSON loaders: what they accept, and the one-line errors for what they do not."""

from __future__ import annotations

import json

import pytest

from stancegraph.graph.export import exchange
from stancegraph.graph.model.errors import MalformedSource, ValidationFailed
from stancegraph.graph.export.formats import bundle_json_bytes, serialize_triples
from stancegraph.graph.model.records import Bundle, Passage, new_claim, new_document, new_position, new_stakeholder
from stancegraph.graph.rdf.mapping import bundle_triples
from stancegraph.loaders import detect_loader, load_path
from stancegraph.loaders.formats import interchange, rdf

SG = "https://w3id.org/stancegraph/ns#"


def small_bundle() -> Bundle:
    b = Bundle()
    doc = new_document("hearing.txt", title="Hearing", text="Unions: pay must rise.")
    group = new_stakeholder("Labour movement", kind="group")
    unions = new_stakeholder("Unions", kind="organisation", member_of=[group.id], aliases=["TUC"],
                             attributes=[("type", "NGO")])
    claim = new_claim("Pay must rise", flags=["seed"])
    b.add(doc, group, unions, claim,
          new_position(unions, claim, "support", document=doc.id, strength=0.75,
                       evidence=[Passage(document=doc.id, quote="pay must rise", start=8, end=21)]))
    return b


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld", "rdfxml"])
def test_each_rdf_format_reads_back(fmt, tmp_path):
    b = small_bundle()
    path = tmp_path / ("data." + {"rdfxml": "rdf"}.get(fmt, fmt))
    path.write_bytes(serialize_triples(bundle_triples(b), fmt))
    assert detect_loader(path) is rdf
    assert load_path(path) == b


def test_other_instance_base(tmp_path):
    base = "https://example.org/research/"
    path = tmp_path / "data.ttl"
    path.write_bytes(serialize_triples(bundle_triples(small_bundle(), base), "ttl", base=base))
    assert load_path(path) == small_bundle()


def test_jsonld_is_compacted_with_the_published_context():
    data = json.loads(exchange.jsonld_bytes(bundle_triples(small_bundle())))
    assert data["@context"] == exchange.published_context()["@context"]
    position = next(n for n in data["@graph"] if n.get("type") == "Position")
    assert position["stance"] == "support" and position["stakeholder"].endswith("sh-unions-f6eb01b0fd")
    passage = next(n for n in data["@graph"] if n.get("type") == "Passage")
    assert passage["quote"] == "pay must rise"


def test_jsonld_naming_the_published_context_reads_without_network(tmp_path):
    data = json.loads(exchange.jsonld_bytes(bundle_triples(small_bundle())))
    data["@context"] = exchange.CONTEXT_IRI
    path = tmp_path / "data.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert detect_loader(path) is rdf
    assert load_path(path) == small_bundle()


def test_other_remote_contexts_are_not_fetched(tmp_path):
    path = tmp_path / "remote.jsonld"
    path.write_text('{"@context": "https://example.org/ctx.jsonld", "@id": "https://example.org/x"}', encoding="utf-8")
    with pytest.raises(MalformedSource, match=r"remote\.jsonld: bad JSON-LD: remote contexts are not fetched"):
        load_path(path)


def test_syntax_error_names_the_line(tmp_path):
    path = tmp_path / "bad.ttl"
    path.write_text("@prefix sg: <https://w3id.org/stancegraph/ns#> .\n\n<a> sg:label \"x\" .\n", encoding="utf-8")
    with pytest.raises(MalformedSource) as err:
        load_path(path)
    assert str(err.value).startswith(f"{path}:3: bad Turtle: Parser error at line 3")
    assert "\n" not in str(err.value)


def test_file_without_records(tmp_path):
    path = tmp_path / "other.nt"
    path.write_text("<https://example.org/a> <https://example.org/p> \"x\" .\n", encoding="utf-8")
    with pytest.raises(MalformedSource, match=r"other\.nt: no stancegraph records"):
        load_path(path)


def test_shapes_name_the_failing_node(tmp_path):
    b = small_bundle()
    position = next(iter(b.positions.values()))
    lines = serialize_triples(bundle_triples(b), "nt").decode().splitlines()
    kept = [line for line in lines if not (position.id in line.split(" ")[0] and f"<{SG}heldBy>" in line)]
    path = tmp_path / "orphan.nt"
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    with pytest.raises(ValidationFailed, match=rf"orphan\.nt: node <\S*{position.id}> fails shape <{SG}PositionShape>"):
        load_path(path)


# --------------------------------------------------------------------------- interchange JSON

def test_interchange_json_with_text_reads_back(tmp_path):
    path = tmp_path / "graph.json"
    path.write_bytes(bundle_json_bytes(small_bundle()))
    assert detect_loader(path) is interchange
    assert load_path(path) == small_bundle()


def test_interchange_missing_field_is_named(tmp_path):
    data = json.loads(bundle_json_bytes(small_bundle()))
    del data["positions"][0]["stakeholder"]
    path = tmp_path / "graph.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(MalformedSource) as err:
        load_path(path)
    assert str(err.value) == f"{path} [positions[0]]: missing field 'stakeholder'"


def test_interchange_bad_json_names_the_line(tmp_path):
    path = tmp_path / "graph.json"
    path.write_text('{"documents": [\n  {"id": "doc-x",}\n]}', encoding="utf-8")
    with pytest.raises(MalformedSource, match=r"graph\.json:2: bad JSON"):
        load_path(path)


def test_unrelated_json_is_not_claimed(tmp_path):
    path = tmp_path / "package.json"
    path.write_text('{"name": "x", "version": "1"}', encoding="utf-8")
    assert not interchange.sniff(path, path.read_bytes()) and not rdf.sniff(path, path.read_bytes())
