"""The one table of names: each term of the model with its RDF IRI, Neo4j label or type, and JSON key.

Every name that leaves Python comes from here, so the RDF store, Neo4j and the JSON
interchange format agree. The JSON keys of the interchange format are a contract
(see DESIGN.md) and are never renamed.
"""

from __future__ import annotations

from dataclasses import dataclass

SG = "https://w3id.org/stancegraph/ns#"
PROV = "http://www.w3.org/ns/prov#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
FOAF = "http://xmlns.com/foaf/0.1/"
SCHEMA = "https://schema.org/"
DCTERMS = "http://purl.org/dc/terms/"
OA = "http://www.w3.org/ns/oa#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SH = "http://www.w3.org/ns/shacl#"

#: prefixes used in Turtle output and offered to every SPARQL query
PREFIXES: dict[str, str] = {
    "sg": SG, "prov": PROV, "skos": SKOS, "foaf": FOAF, "schema": SCHEMA, "dcterms": DCTERMS,
    "oa": OA, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL,
}

DEFAULT_BASE = "https://w3id.org/stancegraph/id/"


@dataclass(frozen=True)
class Term:
    """One model term. `kind` is class, relation (node to node) or attribute (node to literal)."""

    name: str
    kind: str
    iri: str
    neo4j: str | None  # label for classes, relationship type for relations, property for attributes
    json: str | None  # key in the interchange JSON, where it appears there


def _t(name: str, kind: str, iri: str, neo4j: str | None, json: str | None = None) -> Term:
    return Term(name, kind, iri, neo4j, json)


TERMS: tuple[Term, ...] = (
    # classes
    _t("Document", "class", SG + "Document", "Document", "documents"),
    _t("Source", "class", SG + "Source", "Source", "sources"),
    _t("Stakeholder", "class", SG + "Stakeholder", "Stakeholder", "stakeholders"),
    _t("StakeholderGroup", "class", SG + "StakeholderGroup", "StakeholderGroup"),
    _t("Organisation", "class", SG + "Organisation", "Organisation"),
    _t("Person", "class", SG + "Person", "Person"),
    _t("Theme", "class", SG + "Theme", "Theme", "themes"),
    _t("Claim", "class", SG + "Claim", "Claim", "claims"),
    _t("Position", "class", SG + "Position", "Position", "positions"),
    _t("Passage", "class", SG + "Passage", "Passage", "evidence"),
    # stance values
    _t("Support", "value", SG + "Support", "SUPPORTS", "support"),
    _t("Oppose", "value", SG + "Oppose", "OPPOSES", "oppose"),
    _t("Neutral", "value", SG + "Neutral", None, "neutral"),
    # relations
    _t("heldBy", "relation", SG + "heldBy", "HELD_BY", "stakeholder"),
    _t("onClaim", "relation", SG + "onClaim", "ON_CLAIM", "claim"),
    _t("stance", "relation", SG + "stance", "stance", "stance"),
    _t("evidence", "relation", SG + "evidence", "EVIDENCED_BY", "evidence"),
    _t("inDocument", "relation", SG + "inDocument", "IN_DOCUMENT", "document"),
    _t("fromSource", "relation", SG + "fromSource", "FROM_SOURCE", "source"),
    _t("memberOf", "relation", SG + "memberOf", "MEMBER_OF", "member_of"),
    _t("subject", "relation", DCTERMS + "subject", "HAS_THEME", "themes"),
    _t("broader", "relation", SKOS + "broader", "BROADER", "broader"),
    _t("contradicts", "relation", SG + "contradicts", "CONTRADICTS", "contradicts"),
    _t("refines", "relation", SG + "refines", "REFINES", "refines"),
    _t("inScheme", "relation", SKOS + "inScheme", None),
    # attributes
    _t("label", "attribute", RDFS + "label", "label", "label"),
    _t("prefLabel", "attribute", SKOS + "prefLabel", "label", "label"),
    _t("altLabel", "attribute", SKOS + "altLabel", "aliases", "aliases"),
    _t("text", "attribute", SCHEMA + "text", "text", "text"),
    _t("documentText", "attribute", SG + "documentText", "text", None),
    _t("title", "attribute", DCTERMS + "title", "title", "title"),
    _t("publisher", "attribute", DCTERMS + "publisher", "publisher", "publisher"),
    _t("date", "attribute", DCTERMS + "date", "date", "date"),
    _t("uri", "attribute", SCHEMA + "url", "uri", "uri"),
    _t("documentKind", "attribute", SG + "documentKind", "kind", "kind"),
    _t("sha256", "attribute", SG + "sha256", "sha256", "sha256"),
    _t("method", "attribute", SG + "method", "method", "method"),
    _t("stakeholderKind", "attribute", SG + "stakeholderKind", "kind", "kind"),
    _t("attribute", "attribute", SG + "attribute", None, "attributes"),
    _t("strength", "attribute", SG + "strength", "strength", "strength"),
    _t("quantifier", "attribute", SG + "quantifier", "quantifier", "quantifier"),
    _t("rule", "attribute", SG + "rule", "rule", "rule"),
    _t("confidence", "attribute", SG + "confidence", "confidence", "confidence"),
    _t("coder", "attribute", SG + "coder", "coder", "coder"),
    _t("note", "attribute", RDFS + "comment", "note", "note"),
    _t("flag", "attribute", SG + "flag", "flags", "flags"),
    _t("exact", "attribute", OA + "exact", "quote", "quote"),
    _t("start", "attribute", OA + "start", "start", "start"),
    _t("end", "attribute", OA + "end", "end", "end"),
    _t("sectionPath", "attribute", SG + "sectionPath", "section", "section"),
    # the store's own bookkeeping (its meta graph), not data
    _t("writeCount", "attribute", SG + "writeCount", None),
    _t("storeId", "attribute", SG + "storeId", None),
)

BY_NAME: dict[str, Term] = {t.name: t for t in TERMS}


def iri(name: str) -> str:
    """The RDF IRI of a model term, e.g. ``iri("heldBy")``."""
    return BY_NAME[name].iri


def neo4j(name: str) -> str:
    """The Neo4j label, relationship type or property of a model term."""
    value = BY_NAME[name].neo4j
    if value is None:
        raise KeyError(f"{name} has no Neo4j name")
    return value


STANCE_IRIS = {"support": SG + "Support", "oppose": SG + "Oppose", "neutral": SG + "Neutral"}
KIND_CLASSES = {"group": SG + "StakeholderGroup", "organisation": SG + "Organisation", "person": SG + "Person"}
