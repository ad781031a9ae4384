"""The question catalogue without a server: parameters, the SPARQL texts on the sample data, the generated docs."""

from __future__ import annotations

import pytest
from conftest import ROOT
from samples import sample_bundle

from stancegraph.graph.model.errors import UsageError
from stancegraph.graph.analysis.questions import QUESTIONS, answer_from_sparql, questions_markdown
from stancegraph.graph.rdf.store import Store
from stancegraph.ontology.names import DEFAULT_BASE


def test_parameters_become_iris_and_bad_ids_are_refused():
    q = QUESTIONS["cluster_stakeholders"]
    text = q.sparql_for(DEFAULT_BASE, claims=["cl-a-1", "cl-b-2"])
    assert f"VALUES ?claim {{ <{DEFAULT_BASE}cl-a-1> <{DEFAULT_BASE}cl-b-2> }}" in text
    assert q.cypher_params(claims=("cl-a-1",)) == {"claims": ["cl-a-1"]}
    with pytest.raises(UsageError, match="not a record id"):
        QUESTIONS["supporters_of_claim"].sparql_for(claim="x> } ; DROP ALL ; <y")
    with pytest.raises(UsageError, match="takes parameters claim"):
        QUESTIONS["supporters_of_claim"].sparql_for()


def test_sparql_answers_on_the_sample_data(tmp_path):
    """By hand from tests/samples.py: Providers support and Commissioners oppose the one claim, 'pay must rise'."""
    b = sample_bundle()
    claim = next(iter(b.claims))
    providers = next(s.id for s in b.stakeholders.values() if s.label == "Providers")
    commissioners = next(s.id for s in b.stakeholders.values() if s.label == "Commissioners")
    theme = next(iter(b.themes))
    with Store(tmp_path / "s") as st:
        st.load(b)

        def ask(name: str, **kw: object) -> list[tuple]:
            return answer_from_sparql(st.query(QUESTIONS[name].sparql_for(st.base, **kw)), st.base)

        assert ask("position_count") == [(2,)]
        assert ask("supporters_of_claim", claim=claim) == [(providers,)]
        assert ask("contested_claims") == [(claim, 1, 1)]
        assert ask("contested_claim_count") == [(1,)]
        # Providers (a group) and Commissioners (a group) clash on the claim
        assert ask("group_conflicts", group=providers) == [(commissioners, claim)]
        # Providers' support counts for Providers; Acme holds no position
        assert ask("theme_positions_by_group", theme=theme) == sorted(
            [(commissioners, "oppose", 1), (providers, "support", 1)], key=repr)
        assert ask("claims_backed_by_every_group") == []  # Commissioners do not back it
        assert ask("claims_per_theme") == [(theme, 1)]
        assert ask("cluster_stakeholders", claims=[claim]) == sorted(
            [(commissioners, "oppose"), (providers, "support")], key=repr)


def test_docs_questions_md_is_generated_from_the_module():
    assert (ROOT / "docs" / "questions.md").read_text(encoding="utf-8") == questions_markdown(), \
        "regenerate: python -m stancegraph.graph.analysis.questions > docs/questions.md"
