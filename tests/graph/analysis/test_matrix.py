"""The stance matrix: statement counts, groups, and every filter (theme with narrower themes, document,
source method, stakeholder kind, date range)."""

from __future__ import annotations

import pytest

from stancegraph.graph.model.errors import NotFound, UsageError
from stancegraph.graph.analysis.matrix import build_matrix
from stancegraph.graph.model.records import (
    Bundle, Passage, new_claim, new_document, new_position, new_source, new_stakeholder, new_theme,
)


@pytest.fixture
def bundle() -> Bundle:
    b = Bundle()
    d1 = new_document("report.txt", title="Report", date="2023-03-01")
    d2 = new_document("notes.txt", title="Workshop notes", date="2024-06-15")
    lit = new_source("Literature review", "literature review", d1.id)
    ws = new_source("Workshop 1", "workshop", d1.id)
    workforce = new_theme("Workforce")
    pay = new_theme("Pay and conditions", broader=[workforce.id])
    tech = new_theme("Technology")
    union = new_stakeholder("Unions", kind="group")
    alice = new_stakeholder("Alice", kind="person", member_of=[union.id])
    loner = new_stakeholder("Bob", kind="person")
    acme = new_stakeholder("Acme Care", kind="organisation")
    pay_c = new_claim("Pay must improve", themes=[pay.id])
    tech_c = new_claim("Use more technology", themes=[tech.id])
    b.add(d1, d2, lit, ws, workforce, pay, tech, union, alice, loner, acme, pay_c, tech_c)
    p_lit = Passage(document=d1.id, source=lit.id, quote="pay", start=0, end=3)
    p_ws = Passage(document=d1.id, source=ws.id, quote="wages", start=10, end=15)
    b.add(new_position(alice, pay_c, "support", document=d1.id, evidence=[p_lit, p_ws]),  # 2 statements
          new_position(acme, pay_c, "oppose", document=d1.id, evidence=[p_ws]),
          new_position(loner, tech_c, "support", document=d2.id),  # no passage: 1 statement
          new_position(acme, tech_c, "neutral", document=d2.id, date="2024-07-01"))
    return b


def _cells(m) -> dict[tuple[str, str, str], float]:
    out = {}
    for name, mat in (("support", m.support), ("oppose", m.oppose), ("neutral", m.neutral)):
        coo = mat.tocoo()
        for i, j, v in zip(coo.row, coo.col, coo.data):
            out[(m.label(m.stakeholders[i]), m.claim_text(m.claims[j]), name)] = v
    return out


def test_counts_and_groups(bundle: Bundle) -> None:
    m = build_matrix(bundle)
    assert _cells(m) == {("Alice", "Pay must improve", "support"): 2, ("Acme Care", "Pay must improve", "oppose"): 1,
                         ("Bob", "Use more technology", "support"): 1, ("Acme Care", "Use more technology", "neutral"): 1}
    assert m.signed.sum() == 2 + 1 - 1
    # Alice counts in Unions; Acme Care (no group) is its own group; Bob, a lone person, is in none
    assert [m.label(g) for g in m.groups] == ["Acme Care", "Unions"]
    bob = next(s for s in m.stakeholders if m.label(s) == "Bob")
    assert m.group_of[bob] == ()
    assert m.grouped(m.support).sum() == 2  # Bob's support drops out at group level


def test_theme_filter_includes_narrower_themes(bundle: Bundle) -> None:
    by_label = build_matrix(bundle, theme="Workforce")  # Pay and conditions is narrower
    assert [by_label.claim_text(c) for c in by_label.claims] == ["Pay must improve"]
    assert build_matrix(bundle, theme="pay and conditions").claims == by_label.claims
    with pytest.raises(NotFound):
        build_matrix(bundle, theme="Astronomy")


def test_document_method_kind_and_date_filters(bundle: Bundle) -> None:
    assert set(_cells(build_matrix(bundle, document="Workshop notes"))) == {
        ("Bob", "Use more technology", "support"), ("Acme Care", "Use more technology", "neutral")}
    # only workshop passages count: Alice keeps 1 of her 2, Acme its one; positions without passages drop out
    assert _cells(build_matrix(bundle, method="workshop")) == {
        ("Alice", "Pay must improve", "support"): 1, ("Acme Care", "Pay must improve", "oppose"): 1}
    assert set(k[0] for k in _cells(build_matrix(bundle, kind="organisation"))) == {"Acme Care"}
    # dates: a position's own date, else its document's; bounds inclusive, compared on the given precision
    assert set(_cells(build_matrix(bundle, date_from="2024-07"))) == {("Acme Care", "Use more technology", "neutral")}
    assert set(_cells(build_matrix(bundle, date_to="2023"))) == {
        ("Alice", "Pay must improve", "support"), ("Acme Care", "Pay must improve", "oppose")}
    with pytest.raises(UsageError):
        build_matrix(bundle, kind="robot")
    with pytest.raises(NotFound):
        build_matrix(bundle, document="nowhere")
