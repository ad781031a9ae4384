"""Survey shares in consultation reports (loaders/extract/survey.py): the respondents' positions, largest share first.

The text is fictional, written for these tests in the layout of a council's consultation report.
"""

from __future__ import annotations

from stancegraph.loaders.extract import extract_text

REPORT = """FICTIONAL EXAMPLE. Invented for stancegraph's tests.

Riverside Libraries: consultation report

3. Survey results

3.1 Overall, 58 per cent of respondents opposed closing the Mill Lane branch on Saturdays and 71% supported a mobile library for the outlying villages.

3.2 In the staff survey, 35% agreed with self-service kiosks, 52% disagreed and 13% were unsure.

3.3 In 2019, 12% of staff were on fixed-term contracts.
"""


def test_each_share_is_the_respondents_position_on_its_object() -> None:
    b = extract_text(REPORT, name="consultation.txt")
    got = {(b.stakeholders[p.stakeholder].label, b.claims[p.claim].text, p.stance.value) for p in b.positions.values()}
    assert ("Survey respondents", "Closing the Mill Lane branch on Saturdays", "oppose") in got, got
    assert ("Survey respondents", "A mobile library for the outlying villages", "support") in got, got
    # the staff survey: its own respondents, with the stance of the largest share (52% disagreed)
    assert ("Staff survey respondents", "Self-service kiosks", "oppose") in got, got
    # a share that is a statistic, not a verdict, is nobody's position
    assert not any("fixed-term" in c for _, c, _ in got)
    quantifiers = {b.claims[p.claim].text: p.quantifier for p in b.positions.values()
                   if b.stakeholders[p.stakeholder].label == "Staff survey respondents"}
    assert quantifiers == {"Self-service kiosks": "52%"}
