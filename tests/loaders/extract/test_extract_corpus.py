"""The development corpus (../shared/corpus): what seed-expected.md says a careful reader extracts, checked
position by position; the hearing and the committee report by their genre's rules; exact offsets everywhere."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from stancegraph.graph.model.records import Bundle
from stancegraph.loaders import load_path
from stancegraph.loaders.extract import extract_path



_CACHE: dict[str, Bundle] = {}


def bundle_of(path: Path) -> Bundle:
    if str(path) not in _CACHE:
        _CACHE[str(path)] = extract_path(path)
    return _CACHE[str(path)]


def rows(b: Bundle) -> list[tuple[str, str, str, str]]:
    """(holder, stance, claim, source method) for every position and passage."""
    out = []
    for p in b.positions.values():
        for ev in p.evidence:
            out.append((b.stakeholders[p.stakeholder].label, p.stance.value, b.claims[p.claim].text,
                        b.sources[ev.source].method if ev.source else ""))
    return out


def has(b: Bundle, holder: str, stance: str, *words: str, method: str | None = None) -> bool:
    return any(h == holder and s == stance and all(w.casefold() in c.casefold() for w in words) and
               (method is None or m == method) for h, s, c, m in rows(b))


@pytest.fixture
def seed(seed_doc: Path) -> Bundle:
    return bundle_of(seed_doc)


def test_seed_evidence_strands(seed: Bundle) -> None:
    methods = {s.method for s in seed.sources.values()}
    assert {"literature review", "strategy analysis", "plan analysis", "interview", "workshop"} <= methods
    labels = {s.label for s in seed.sources.values()}
    assert "Integrated care board strategies" in labels and "Local authority market sustainability plans" in labels
    # every position names its strand, and the strand is the one its section belongs to
    assert all(ev.source for p in seed.positions.values() for ev in p.evidence)
    assert has(seed, "Integrated care boards", "support", "digitally enabled", method="strategy analysis")
    assert has(seed, "Workshop participants", "support", "funding", method="workshop")


def test_seed_stakeholders(seed: Bundle) -> None:
    labels = {s.label for s in seed.stakeholders.values()}
    expected = {
        "A wide range of stakeholders", "Several stakeholders", "Some stakeholders", "Providers", "Policymakers",
        "Commissioners", "Integrated care boards", "Integrated care systems", "Local authorities",
        "People who employ their own personal assistants", "Workshop participants", "Some participants",
        # named as the workshops' participants (no positions of their own)
        "People who draw on care and support", "Workforce representatives", "Charities", "NHS", "Academics", "Think tanks",
    }
    assert expected <= labels, expected - labels
    assert any(label.startswith("Supporters of regulation") for label in labels)
    # aliases merged: 'provider representatives' and 'providers' are one stakeholder
    assert not any(label.casefold() == "provider representatives" for label in labels)
    some = next(s for s in seed.stakeholders.values() if s.label == "Some participants")
    assert [seed.stakeholders[g].label for g in some.member_of] == ["Workshop participants"]
    wide = next(s for s in seed.stakeholders.values() if s.label == "A wide range of stakeholders")
    assert max(p.strength for p in seed.positions.values() if p.stakeholder == wide.id) >= 0.9


def test_seed_themes(seed: Bundle) -> None:
    used = {seed.themes[t].label for c in seed.claims.values() for t in c.themes}
    expected = {"Pay and conditions", "Training", "Career development", "Regulation and registration",
                "Equality, diversity and inclusion", "Mental and physical health", "Personalisation and co-production",
                "Strengths-based approaches", "Care in the community", "Integration", "Prevention", "Technology and data",
                "Funding", "Workforce numbers", "Commissioning", "Pragmatism and proportionality", "Sector diversity",
                "Specialised skills"}
    assert expected <= used, expected - used


@pytest.mark.parametrize("holder,stance,words", [
    ("A wide range of stakeholders", "support", ("pay and conditions",)),
    ("Some stakeholders", "support", ("Agenda for Change",)),
    ("Several stakeholders", "support", ("collective pay bargaining",)),
    ("Providers", "support", ("training",)),
    ("Policymakers", "support", ("training",)),
    ("Commissioners", "support", ("training",)),
    ("People who employ their own personal assistants", "oppose", ("regulation",)),
    ("Some participants", "support", ("different parts of the sector",)),
    ("Local authorities", "support", ("residential to domiciliary",)),
    ("Integrated care boards", "support", ("digitally enabled workforce",)),
    ("Workshop participants", "support", ("more care workers",)),
    ("Workshop participants", "support", ("pay",)),
    ("Workshop participants", "support", ("terms and conditions",)),
    ("Workshop participants", "support", ("wellbeing and safety",)),
    ("Workshop participants", "support", ("training and development",)),
    ("Workshop participants", "support", ("diversity",)),
    ("Workshop participants", "support", ("funding",)),
    ("Some participants", "support", ("pragmatic assumptions",)),
])
def test_seed_positions_table(seed: Bundle, holder: str, stance: str, words: tuple[str, ...]) -> None:
    assert has(seed, holder, stance, *words), f"{holder} {stance} {words}"


def test_seed_regulation_tension(seed: Bundle) -> None:
    """Supporters in the literature and the workshops back regulation/registration; PA employers oppose the same claim."""
    claim_support = {c for h, s, c, _m in rows(seed) if h.startswith("Supporters of regulation") and s == "support"}
    claim_oppose = {c for h, s, c, _m in rows(seed) if h == "People who employ their own personal assistants" and s == "oppose"}
    assert claim_support & claim_oppose
    methods = {m for h, s, c, m in rows(seed) if h.startswith("Supporters of regulation")}
    assert {"literature review", "workshop"} <= methods


def test_seed_doubts_land_on_the_aims(seed: Bundle) -> None:
    """'Some participants' doubt funding, integration, the shift to home care and worker numbers: oppose positions on
    claims that others support, so the analysis sees the ambition-versus-pragmatism tension."""
    supported = {c for h, s, c, _m in rows(seed) if s == "support" and h != "Some participants"}
    doubted = {c for h, s, c, _m in rows(seed) if s == "oppose" and h == "Some participants"}
    contested = supported & doubted
    assert any("funding" in c.casefold() for c in contested)
    assert any("integration" in c.casefold() for c in contested)
    assert any(w in c.casefold() for c in contested for w in ("domiciliary", "home/community"))
    assert any("care workers" in c.casefold() for c in contested)


def test_seed_is_fast(seed_doc: Path) -> None:
    start = time.perf_counter()
    load_path(seed_doc)
    assert time.perf_counter() - start < 2.0


def test_offsets_exact_in_every_corpus_document(corpus_dir: Path) -> None:
    docs = sorted(p for p in corpus_dir.iterdir() if p.suffix in (".txt", ".rst") and p.name != "SOURCES.txt")
    assert len(docs) >= 3
    for path in docs:
        b = bundle_of(path)
        (doc,) = b.documents.values()
        n = 0
        for p in b.positions.values():
            assert p.evidence, p
            for ev in p.evidence:
                assert doc.text[ev.start:ev.end] == ev.quote
                n += 1
        assert n > 20, path.name


def test_hearing_organisations_hold_positions_not_counsel(corpus_dir: Path) -> None:
    b = bundle_of(corpus_dir / "covid-inquiry-module6-2024-03-19-preliminary-hearing.rst")
    (doc,) = b.documents.values()
    assert doc.kind == "transcript"
    holders = {b.stakeholders[p.stakeholder].label for p in b.positions.values()}
    for org in ("Covid Bereaved Families for Justice UK", "National Care Forum", "Homecare Association", "Care England",
                "John's Campaign", "Patients Association", "Care Rights UK", "Royal College of Nursing",
                "Trades Union Congress", "Welsh Government", "Disabled people's organisations",
                "Frontline Migrant Health Workers Group", "National Association of Care and Support Workers"):
        assert org in holders, org
    for counsel in ("Ms Morris", "Anna Morris", "Mr Friedman", "Ms Campbell", "Mr Jacobs", "Ms Curtain", "Mr Payter"):
        assert counsel not in holders
    assert {s.method for s in b.sources.values()} == {"hearing"}


def test_committee_report_conclusions_and_witnesses(corpus_dir: Path) -> None:
    b = bundle_of(corpus_dir / "hc-st-responsible-use-of-data-2014.txt")
    conclusions = [(h, s, c) for h, s, c, m in rows(b) if m == "conclusions"]
    assert conclusions and all(h in ("Science and Technology Committee",) or h for h, _s, _c in conclusions)
    assert sum(h == "Science and Technology Committee" for h, _s, _c in conclusions) >= 5
    holders = {b.stakeholders[p.stakeholder].label for p in b.positions.values()}
    assert {"techUK", "Big Brother Watch", "Information Commissioner's Office", "Emma Carr", "Liesbet van Zoonen"} & holders
    assert has(b, "techUK", "oppose", "GDPR")
    carr = next((s for s in b.stakeholders.values() if s.label == "Emma Carr"), None)
    assert carr is not None and carr.kind == "person"
    assert "Big Brother Watch" in [b.stakeholders[m].label for m in carr.member_of]
