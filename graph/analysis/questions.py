"""Researcher questions, each written once in SPARQL (embedded store) and once in Cypher (Neo4j).

The two texts of a question give the same answer on the same data; the consistency suite
(``tests/graph/test_consistency.py``) holds them to that, and the README shows them side by side.
Parameters are written ``$name`` in both languages: Cypher takes them as query parameters,
and :meth:`Question.sparql_for` writes them into the SPARQL text as IRIs. A parameter is a
record id, or a list of record ids for the ones named in :attr:`Question.list_params`.

Conventions shared by every question:

* a stakeholder belongs to group ``G`` when it is ``G`` or a direct member of ``G``
  (``sg:memberOf?`` in SPARQL, ``-[:MEMBER_OF*0..1]->`` in Cypher);
* answers are record ids, numbers and stance names (``support``, ``oppose``, ``neutral``);
  :func:`answer_from_sparql` and :func:`answer_from_rows` turn both results into the same
  sorted list of tuples.

>>> QUESTIONS["supporters_of_claim"].params
('claim',)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ...ontology import names as N
from ..model.errors import UsageError

_SAFE_ID = re.compile(r"^[A-Za-z0-9._~:-]+$")
_PARAM = re.compile(r"\$([A-Za-z_]\w*)")


@dataclass(frozen=True)
class Question:
    """One researcher question: its name, the question in words, and the SPARQL and Cypher that answer it."""

    name: str
    text: str
    sparql: str
    cypher: str
    params: tuple[str, ...] = ()
    list_params: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()

    def sparql_for(self, base: str = N.DEFAULT_BASE, **params: Any) -> str:
        """The SPARQL text with each ``$param`` replaced by the IRI(s) of the given record id(s)."""
        self._check(params)

        def iri(value: str) -> str:
            if not isinstance(value, str) or not _SAFE_ID.match(value):
                raise UsageError(f"not a record id: {value!r}")
            return f"<{base}{value}>"

        def sub(m: re.Match[str]) -> str:
            name = m.group(1)
            if name not in params:
                return m.group(0)  # a SPARQL variable written with $, not a parameter
            value = params[name]
            return " ".join(iri(v) for v in value) if name in self.list_params else iri(value)

        return _PARAM.sub(sub, self.sparql)

    def cypher_params(self, **params: Any) -> dict[str, Any]:
        """The Cypher parameters (lists for list parameters)."""
        self._check(params)
        return {k: list(v) if k in self.list_params else v for k, v in params.items()}

    def _check(self, params: dict[str, Any]) -> None:
        if set(params) != set(self.params):
            raise UsageError(f"question {self.name} takes parameters {', '.join(self.params) or 'none'}, "
                             f"not {', '.join(sorted(params)) or 'none'}")


def _stance_name(var: str, out: str) -> str:
    return f'BIND (LCASE(STRAFTER(STR({var}), "#")) AS {out})'


_QUESTIONS: tuple[Question, ...] = (
    Question(
        "position_count", "How many positions does the graph hold?",
        sparql="SELECT (COUNT(DISTINCT ?p) AS ?positions) WHERE { ?p a sg:Position }",
        cypher="MATCH (p:Position) RETURN count(p) AS positions",
        columns=("positions",)),
    Question(
        "supporters_of_claim", "Who supports claim X?",
        sparql="""SELECT DISTINCT ?stakeholder WHERE {
  ?p a sg:Position ; sg:onClaim $claim ; sg:stance sg:Support ; sg:heldBy ?stakeholder .
}""",
        cypher="""MATCH (s:Stakeholder)-[:SUPPORTS]->(:Claim {id: $claim})
RETURN DISTINCT s.id AS stakeholder""",
        params=("claim",), columns=("stakeholder",)),
    Question(
        "contested_claims", "Which claims are contested, and by how many stakeholders on each side?",
        sparql="""SELECT ?claim (COUNT(DISTINCT ?s) AS ?supporters) (COUNT(DISTINCT ?o) AS ?opponents) WHERE {
  ?ps sg:onClaim ?claim ; sg:stance sg:Support ; sg:heldBy ?s .
  ?po sg:onClaim ?claim ; sg:stance sg:Oppose ; sg:heldBy ?o .
} GROUP BY ?claim""",
        cypher="""MATCH (s:Stakeholder)-[:SUPPORTS]->(c:Claim)<-[:OPPOSES]-(o:Stakeholder)
RETURN c.id AS claim, count(DISTINCT s) AS supporters, count(DISTINCT o) AS opponents""",
        columns=("claim", "supporters", "opponents")),
    Question(
        "contested_claim_count", "How many claims are contested (someone supports them, someone opposes them)?",
        sparql="""SELECT (COUNT(DISTINCT ?claim) AS ?claims) WHERE {
  ?ps a sg:Position ; sg:onClaim ?claim ; sg:stance sg:Support .
  ?po a sg:Position ; sg:onClaim ?claim ; sg:stance sg:Oppose .
}""",
        cypher="""MATCH (:Stakeholder)-[:SUPPORTS]->(c:Claim)<-[:OPPOSES]-(:Stakeholder)
RETURN count(DISTINCT c) AS claims""",
        columns=("claims",)),
    Question(
        "group_conflicts", "Which groups conflict with group G, and on which claims?",
        sparql="""SELECT DISTINCT ?group ?claim WHERE {
  $group a sg:StakeholderGroup .
  ?a sg:memberOf? $group .
  ?pa sg:heldBy ?a ; sg:onClaim ?claim ; sg:stance ?sa .
  ?pb sg:heldBy ?b ; sg:onClaim ?claim ; sg:stance ?sb .
  ?b sg:memberOf? ?group .
  ?group a sg:StakeholderGroup .
  FILTER (?group != $group)
  FILTER ((?sa = sg:Support && ?sb = sg:Oppose) || (?sa = sg:Oppose && ?sb = sg:Support))
}""",
        cypher="""MATCH (g:StakeholderGroup {id: $group})<-[:MEMBER_OF*0..1]-(:Stakeholder)-[ra:SUPPORTS|OPPOSES]->(c:Claim)
      <-[rb:SUPPORTS|OPPOSES]-(:Stakeholder)-[:MEMBER_OF*0..1]->(h:StakeholderGroup)
WHERE type(ra) <> type(rb) AND h <> g
RETURN DISTINCT h.id AS group, c.id AS claim""",
        params=("group",), columns=("group", "claim")),
    Question(
        "theme_positions_by_group", "What positions do the groups take on theme T (positions per group and stance)?",
        sparql=f"""SELECT ?group ?stance (COUNT(DISTINCT ?p) AS ?positions) WHERE {{
  ?claim dcterms:subject $theme .
  ?p sg:onClaim ?claim ; sg:heldBy ?s ; sg:stance ?st .
  ?s sg:memberOf? ?group .
  ?group a sg:StakeholderGroup .
  {_stance_name("?st", "?stance")}
}} GROUP BY ?group ?stance""",
        cypher="""MATCH (:Theme {id: $theme})<-[:HAS_THEME]-(:Claim)<-[:ON_CLAIM]-(p:Position)
      -[:HELD_BY]->(:Stakeholder)-[:MEMBER_OF*0..1]->(g:StakeholderGroup)
RETURN g.id AS group, p.stance AS stance, count(DISTINCT p) AS positions""",
        params=("theme",), columns=("group", "stance", "positions")),
    Question(
        "claims_backed_by_every_group", "Which claims does every group back (a supporter in each group)?",
        sparql="""SELECT ?claim WHERE {
  { SELECT (COUNT(DISTINCT ?g) AS ?groups) WHERE { ?g a sg:StakeholderGroup } }
  { SELECT ?claim (COUNT(DISTINCT ?group) AS ?backers) WHERE {
      ?p sg:onClaim ?claim ; sg:stance sg:Support ; sg:heldBy ?s .
      ?s sg:memberOf? ?group .
      ?group a sg:StakeholderGroup .
    } GROUP BY ?claim }
  FILTER (?backers = ?groups)
}""",
        cypher="""MATCH (g:StakeholderGroup) WITH count(g) AS groups
MATCH (g:StakeholderGroup)<-[:MEMBER_OF*0..1]-(:Stakeholder)-[:SUPPORTS]->(c:Claim)
WITH c, groups, count(DISTINCT g) AS backers WHERE backers = groups
RETURN c.id AS claim""",
        columns=("claim",)),
    Question(
        "evidence_for_position", "What is the evidence for position P (document, offsets, quote)?",
        sparql="""SELECT ?document ?start ?end ?quote WHERE {
  $position sg:evidence ?passage .
  ?passage sg:inDocument ?document ; oa:exact ?quote .
  OPTIONAL { ?passage oa:start ?start }
  OPTIONAL { ?passage oa:end ?end }
}""",
        cypher="""MATCH (:Position {id: $position})-[:EVIDENCED_BY]->(e:Passage)-[:IN_DOCUMENT]->(d:Document)
RETURN d.id AS document, e.start AS start, e.end AS end, e.quote AS quote""",
        params=("position",), columns=("document", "start", "end", "quote")),
    Question(
        "cluster_stakeholders", "Which stakeholders take sides in tension cluster K (given its claims), and which side?",
        sparql=f"""SELECT DISTINCT ?stakeholder ?stance WHERE {{
  VALUES ?claim {{ $claims }}
  ?p sg:onClaim ?claim ; sg:heldBy ?stakeholder ; sg:stance ?st .
  FILTER (?st != sg:Neutral)
  {_stance_name("?st", "?stance")}
}}""",
        cypher="""MATCH (s:Stakeholder)-[r:SUPPORTS|OPPOSES]->(c:Claim) WHERE c.id IN $claims
RETURN DISTINCT s.id AS stakeholder, CASE type(r) WHEN 'SUPPORTS' THEN 'support' ELSE 'oppose' END AS stance""",
        params=("claims",), list_params=("claims",), columns=("stakeholder", "stance")),
    Question(
        "claims_per_theme", "How many claims does each theme have?",
        sparql="""SELECT ?theme (COUNT(DISTINCT ?claim) AS ?claims) WHERE {
  ?claim a sg:Claim ; dcterms:subject ?theme .
} GROUP BY ?theme""",
        cypher="""MATCH (c:Claim)-[:HAS_THEME]->(t:Theme)
RETURN t.id AS theme, count(DISTINCT c) AS claims""",
        columns=("theme", "claims")),
    Question(
        "opponents_by_group", "How many stakeholders of each group oppose at least one claim?",
        sparql="""SELECT ?group (COUNT(DISTINCT ?s) AS ?opponents) WHERE {
  ?p sg:heldBy ?s ; sg:stance sg:Oppose .
  ?s sg:memberOf? ?group .
  ?group a sg:StakeholderGroup .
} GROUP BY ?group""",
        cypher="""MATCH (s:Stakeholder)-[:OPPOSES]->(:Claim), (s)-[:MEMBER_OF*0..1]->(g:StakeholderGroup)
RETURN g.id AS group, count(DISTINCT s) AS opponents""",
        columns=("group", "opponents")),
)

#: every question by name, in the order the README shows them
QUESTIONS: dict[str, Question] = {q.name: q for q in _QUESTIONS}


def plain(value: Any, base: str = N.DEFAULT_BASE) -> Any:
    """A value as both backends' answers agree on it: ids for IRIs, numbers for numeric literals."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float, Decimal)):
        return round(float(value), 6) if not float(value).is_integer() else int(value)
    if isinstance(value, str):
        return value[len(base):] if value.startswith(base) else value
    return value


def answer_from_rows(rows: Sequence[Sequence[Any]], base: str = N.DEFAULT_BASE) -> list[tuple[Any, ...]]:
    """Rows of plain values (Cypher results, CSV or JSON from the API) as a sorted list of tuples."""
    return sorted((tuple(plain(v, base) for v in row) for row in rows), key=repr)


def answer_from_sparql(outcome: Any, base: str = N.DEFAULT_BASE) -> list[tuple[Any, ...]]:
    """A :class:`stancegraph.graph.rdf.store.QueryOutcome` as a sorted list of tuples (numeric literals as numbers)."""
    import pyoxigraph as ox

    numeric = {N.XSD + t for t in ("integer", "decimal", "double", "float", "long", "int", "nonNegativeInteger")}

    def value(term: Any) -> Any:
        if term is None:
            return None
        if isinstance(term, ox.Literal) and term.datatype.value in numeric:
            return plain(Decimal(term.value), base)
        return plain(term.value, base)

    return sorted((tuple(value(t) for t in row) for row in outcome.rows), key=repr)


def questions_markdown() -> str:
    """Every question as Markdown: the question, then its SPARQL and its Cypher (docs/questions.md is this text)."""
    out = ["# Researcher questions in SPARQL and Cypher", "",
           "Generated from `graph/analysis/questions.py` (`python -m stancegraph.graph.analysis.questions > docs/questions.md`);",
           "the consistency suite (`tests/graph/test_consistency.py`) checks that both texts of each question give",
           "the same answer. `$name` is a parameter: a record id (a Cypher parameter; written into the SPARQL as",
           "an IRI). SPARQL runs with `stancegraph query --sparql` (prefixes `sg:`, `dcterms:`, `oa:`... are",
           "predeclared); Cypher with `stancegraph query --cypher` after `stancegraph push neo4j`, or at `/cypher`.", ""]
    for q in QUESTIONS.values():
        out += [f"## {q.text}", "", f"`{q.name}`" + (f", parameters: {', '.join('$' + p for p in q.params)}"
                                                     if q.params else ""), "",
                "```sparql", q.sparql.strip(), "```", "", "```cypher", q.cypher.strip(), "```", ""]
    return "\n".join(out)


if __name__ == "__main__":  # pragma: no cover
    print(questions_markdown(), end="")
