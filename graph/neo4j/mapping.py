"""How records map to Neo4j: node properties, and the Cypher that writes them.

Every name comes from ``ontology/names.py``. Each kind of record has two write statements,
both of the form ``UNWIND $rows AS row ...``:

* ``create`` for records Neo4j does not hold yet: ``CREATE`` the node and its relationships
  (no existence checks, so a first push runs at full speed);
* ``update`` for records it holds: ``MERGE`` the node, ``SET`` its properties (a field that
  became empty is removed) and bring its outgoing relationships to exactly what the record says.

A position's id fixes its stakeholder, claim, stance and document, so a known position's
``HELD_BY``, ``ON_CLAIM``, ``IN_DOCUMENT`` and ``SUPPORTS``/``OPPOSES`` relationships never
change; its update refreshes the edge properties, its evidence and its source.
"""

from __future__ import annotations

from typing import Any

from ...ontology import names as N
from ..model.records import Claim, Document, Passage, Position, Source, Stakeholder, Theme

LABELS = {kind: N.neo4j(kind) for kind in ("Document", "Source", "Stakeholder", "Theme", "Claim", "Position", "Passage")}
KIND_LABELS = {"group": N.neo4j("StakeholderGroup"), "organisation": N.neo4j("Organisation"), "person": N.neo4j("Person")}
REL = {name: N.neo4j(name) for name in (
    "heldBy", "onClaim", "evidence", "inDocument", "fromSource", "memberOf", "subject", "broader", "contradicts",
    "refines")}
STANCE_REL = {"support": N.neo4j("Support"), "oppose": N.neo4j("Oppose")}
#: property holding a hash of the node's other properties, so a push skips records that did not change
HASH = "content_hash"


# --------------------------------------------------------------------------- properties

def document_props(d: Document, base: str) -> dict[str, Any]:
    return {"id": d.id, "iri": base + d.id, N.neo4j("title"): d.title, N.neo4j("uri"): d.uri,
            N.neo4j("publisher"): d.publisher, N.neo4j("date"): d.date, N.neo4j("documentKind"): d.kind,
            N.neo4j("sha256"): d.sha256, N.neo4j("documentText"): d.text}


def source_props(s: Source, base: str) -> dict[str, Any]:
    return {"id": s.id, "iri": base + s.id, N.neo4j("label"): s.label, N.neo4j("method"): s.method,
            "document": s.document}


def stakeholder_props(s: Stakeholder, base: str) -> dict[str, Any]:
    return {"id": s.id, "iri": base + s.id, N.neo4j("label"): s.label, N.neo4j("stakeholderKind"): s.kind,
            N.neo4j("altLabel"): list(s.aliases), "member_of": list(s.member_of),
            "attributes": [f"{k}={v}" for k, v in s.attributes]}


def theme_props(t: Theme, base: str) -> dict[str, Any]:
    return {"id": t.id, "iri": base + t.id, N.neo4j("prefLabel"): t.label, N.neo4j("altLabel"): list(t.alt_labels),
            "broader": list(t.broader)}


def claim_props(c: Claim, base: str) -> dict[str, Any]:
    return {"id": c.id, "iri": base + c.id, N.neo4j("text"): c.text, "themes": list(c.themes),
            "contradicts": list(c.contradicts), "refines": list(c.refines), N.neo4j("flag"): list(c.flags)}


def passage_props(p: Passage, base: str) -> dict[str, Any]:
    return {"id": p.id, "iri": base + p.id, "document": p.document, N.neo4j("exact"): p.quote,
            N.neo4j("start"): p.start, N.neo4j("end"): p.end, "source": p.source,
            N.neo4j("sectionPath"): list(p.section)}


#: the property keys of a Position node, in the order :func:`position_props` gives them
POSITION_KEYS = ("id", "iri", "stakeholder", "claim", "stance", "document", N.neo4j("strength"), N.neo4j("quantifier"),
                 N.neo4j("rule"), N.neo4j("confidence"), N.neo4j("coder"), N.neo4j("date"), N.neo4j("note"), "source",
                 "evidence")


def position_props(p: Position, base: str) -> dict[str, Any]:
    """A position's properties, provenance included (rule, confidence, coder, document)."""
    return dict(zip(POSITION_KEYS, (p.id, base + p.id, p.stakeholder, p.claim, p.stance.value, p.document,
                                    float(p.strength), p.quantifier, p.rule, p.confidence, p.coder, p.date, p.note,
                                    p.source, [e.id for e in p.evidence])))


# --------------------------------------------------------------------------- schema

def schema_statements() -> list[str]:
    """Uniqueness constraints on ``id`` for every label, and indexes for per-document replacement."""
    out = [f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
           for label in LABELS.values()]
    for kind in ("Position", "Passage", "Source"):
        label = LABELS[kind]
        out.append(f"CREATE INDEX {label.lower()}_document IF NOT EXISTS FOR (n:{label}) ON (n.document)")
    return out


# --------------------------------------------------------------------------- statements

def _links(var: str, label: str, rel: str, field: str, target: str) -> str:
    """Bring `var`'s outgoing `rel` relationships to exactly the ids in ``row.<field>``."""
    return f"""
            WITH {var}, row
            CALL ({var}, row) {{
              OPTIONAL MATCH ({var})-[old:{rel}]->(x) WHERE NOT x.id IN row.{field}
              DELETE old
            }}
            CALL ({var}, row) {{
              UNWIND row.{field} AS ref
              MATCH (t:{target} {{id: ref}})
              MERGE ({var})-[:{rel}]->(t)
            }}"""


def _create_links(var: str, rel: str, field: str, target: str) -> str:
    return f"""
            WITH {var}, row
            CALL ({var}, row) {{
              UNWIND row.{field} AS ref
              MATCH (t:{target} {{id: ref}})
              CREATE ({var})-[:{rel}]->(t)
            }}"""


def _build() -> dict[str, dict[str, str]]:
    L, R, S = LABELS, REL, STANCE_REL
    kinds = ":".join(KIND_LABELS.values())
    out: dict[str, dict[str, str]] = {
        "documents": {
            "create": f"UNWIND $rows AS row CREATE (n:{L['Document']}) SET n = row",
            "update": f"UNWIND $rows AS row MERGE (n:{L['Document']} {{id: row.id}}) SET n += row",
        },
        "sources": {
            "create": f"""
            UNWIND $rows AS row
            MATCH (d:{L['Document']} {{id: row.document}})
            CREATE (n:{L['Source']}) SET n = row
            CREATE (n)-[:{R['inDocument']}]->(d)""",
            "update": f"""
            UNWIND $rows AS row
            MATCH (d:{L['Document']} {{id: row.document}})
            MERGE (n:{L['Source']} {{id: row.id}}) SET n += row
            MERGE (n)-[:{R['inDocument']}]->(d)""",
        },
        "themes": {
            "create": f"UNWIND $rows AS row CREATE (n:{L['Theme']}) SET n = row",
            "update": f"UNWIND $rows AS row MERGE (n:{L['Theme']} {{id: row.id}}) SET n += row",
        },
        # links between records of one kind are written once all of that kind exist
        "theme_links": {"update": f"UNWIND $rows AS row MATCH (n:{L['Theme']} {{id: row.id}})"
                                  + _links("n", L["Theme"], R["broader"], "broader", L["Theme"])},
        "stakeholder_links": {"update": f"UNWIND $rows AS row MATCH (n:{L['Stakeholder']} {{id: row.id}})"
                                        + _links("n", L["Stakeholder"], R["memberOf"], "member_of", L["Stakeholder"])},
        "claims": {
            "create": f"UNWIND $rows AS row CREATE (n:{L['Claim']}) SET n = row"
                      + _create_links("n", R["subject"], "themes", L["Theme"]),
            "update": f"UNWIND $rows AS row MERGE (n:{L['Claim']} {{id: row.id}}) SET n += row"
                      + _links("n", L["Claim"], R["subject"], "themes", L["Theme"]),
        },
        "claim_links": {"update": f"UNWIND $rows AS row MATCH (n:{L['Claim']} {{id: row.id}})"
                                  + _links("n", L["Claim"], R["contradicts"], "contradicts", L["Claim"])
                                  + _links("n", L["Claim"], R["refines"], "refines", L["Claim"])},
        "passages": {
            "create": f"""
            UNWIND $rows AS row
            MATCH (d:{L['Document']} {{id: row.document}})
            CREATE (n:{L['Passage']}) SET n = row
            CREATE (n)-[:{R['inDocument']}]->(d)
            WITH n, row WHERE row.source IS NOT NULL
            MATCH (s:{L['Source']} {{id: row.source}})
            CREATE (n)-[:{R['fromSource']}]->(s)""",
            "update": f"""
            UNWIND $rows AS row
            MATCH (d:{L['Document']} {{id: row.document}})
            MERGE (n:{L['Passage']} {{id: row.id}}) SET n += row
            MERGE (n)-[:{R['inDocument']}]->(d)
            WITH n, row, CASE WHEN row.source IS NULL THEN [] ELSE [row.source] END AS sources
            CALL (n, sources) {{
              OPTIONAL MATCH (n)-[old:{R['fromSource']}]->(x) WHERE NOT x.id IN sources
              DELETE old
            }}
            CALL (n, sources) {{
              UNWIND sources AS ref
              MATCH (s:{L['Source']} {{id: ref}})
              MERGE (n)-[:{R['fromSource']}]->(s)
            }}""",
        },
        "position_sources": {"update": f"""
            UNWIND $rows AS row
            MATCH (p:{L['Position']} {{id: row.id}})
            WITH p, CASE WHEN row.source IS NULL THEN [] ELSE [row.source] END AS sources
            CALL (p, sources) {{
              OPTIONAL MATCH (p)-[old:{R['fromSource']}]->(x) WHERE NOT x.id IN sources
              DELETE old
            }}
            CALL (p, sources) {{
              UNWIND sources AS ref
              MATCH (s:{L['Source']} {{id: ref}})
              MERGE (p)-[:{R['fromSource']}]->(s)
            }}"""},
        "positions": {
            "update": f"""
            UNWIND $rows AS row
            MATCH (s:{L['Stakeholder']} {{id: row.stakeholder}})
            MERGE (p:{L['Position']} {{id: row.id}}) SET p += row
            WITH s, p, row
            CALL (s, row) {{
              OPTIONAL MATCH (s)-[r:{S['support']}|{S['oppose']}]->() WHERE r.position = row.id
              SET r.strength = row.strength, r.quantifier = row.quantifier
            }}
""" + _links("p", L["Position"], R["evidence"], "evidence", L["Passage"]),
        },
    }
    for kind, label in KIND_LABELS.items():
        out[f"stakeholders_{kind}"] = {
            "create": f"UNWIND $rows AS row CREATE (n:{L['Stakeholder']}:{label}) SET n = row",
            "update": f"UNWIND $rows AS row MERGE (n:{L['Stakeholder']} {{id: row.id}}) SET n += row "
                      f"REMOVE n:{kinds} SET n:{label}",
        }
    # the properties written inline: `SET p = row` after CREATE makes the planner add two Eager
    # operators (a read/set conflict on `id` with the MATCHes), which buffer every row of a batch
    position_map = "{" + ", ".join(f"{k}: row.{k}" for k in (*POSITION_KEYS, HASH)) + "}"
    for stance in ("support", "oppose", "neutral"):
        direct = "" if stance not in S else (
            f", (s)-[:{S[stance]} {{position: row.id, {N.neo4j('strength')}: row.strength, "
            f"{N.neo4j('quantifier')}: row.quantifier, document: row.document}}]->(c)")
        out[f"positions_{stance}"] = {"create": f"""
            UNWIND $rows AS row
            MATCH (s:{L['Stakeholder']} {{id: row.stakeholder}})
            MATCH (c:{L['Claim']} {{id: row.claim}})
            MATCH (d:{L['Document']} {{id: row.document}})
            CREATE (p:{L['Position']} {position_map})
            CREATE (p)-[:{R['heldBy']}]->(s), (p)-[:{R['onClaim']}]->(c), (p)-[:{R['inDocument']}]->(d){direct}
            WITH p, row
            UNWIND row.evidence AS ref
            MATCH (e:{L['Passage']} {{id: ref}})
            CREATE (p)-[:{R['evidence']}]->(e)"""}
    return out


STATEMENTS = _build()

#: per-document replacement: delete what a pushed document no longer holds, by id
DELETE_STATEMENTS = {
    "positions": f"""
        UNWIND $ids AS ref
        MATCH (p:{LABELS['Position']} {{id: ref}})
        OPTIONAL MATCH (:{LABELS['Stakeholder']} {{id: p.stakeholder}})-[r:{STANCE_REL['support']}|{STANCE_REL['oppose']}]->()
        WHERE r.position = p.id
        DELETE r
        DETACH DELETE p""",
    "passages": f"UNWIND $ids AS ref MATCH (n:{LABELS['Passage']} {{id: ref}}) DETACH DELETE n",
    "sources": f"UNWIND $ids AS ref MATCH (n:{LABELS['Source']} {{id: ref}}) DETACH DELETE n",
}
