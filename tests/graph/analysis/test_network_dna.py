"""DNA's own sample database: our networks must equal what the Discourse Network Analyzer computes.

The oracle below reads ``sample.dna`` with sqlite3 and applies DNA's definitions (Exporter.computeOneModeMatrix:
X[i][j][k] statement counts per organisation i, concept j, agreement k; congruence / conflict / subtract /
ignore; normalisation no / average / jaccard / cosine) with plain Python loops over every pair, as DNA does.
Our side goes through a Bundle (organisation -> Stakeholder kind organisation, person -> Stakeholder kind person
member_of its organisation, concept -> Claim, agreement 1/0 -> support/oppose, statement -> Passage) and the
scipy implementation, so the two share no code.
"""

from __future__ import annotations

import functools
import itertools
import sqlite3
from pathlib import Path

import pytest

from stancegraph.graph.analysis.matrix import build_matrix
from stancegraph.graph.model.records import Bundle, Passage, new_claim, new_document, new_position, new_stakeholder
from stancegraph.graph.analysis.network import ONE_MODE_MODES, ONE_MODE_NORMALIZATIONS, compute_network


_STATEMENTS = """
SELECT s.ID, s.DocumentId, s.Start, s.Stop,
  (SELECT e.Value FROM DATASHORTTEXT t JOIN ENTITIES e ON e.ID = t.Entity JOIN VARIABLES v ON v.ID = t.VariableId
     WHERE t.StatementId = s.ID AND v.Variable = 'person'),
  (SELECT e.Value FROM DATASHORTTEXT t JOIN ENTITIES e ON e.ID = t.Entity JOIN VARIABLES v ON v.ID = t.VariableId
     WHERE t.StatementId = s.ID AND v.Variable = 'organization'),
  (SELECT e.Value FROM DATASHORTTEXT t JOIN ENTITIES e ON e.ID = t.Entity JOIN VARIABLES v ON v.ID = t.VariableId
     WHERE t.StatementId = s.ID AND v.Variable = 'concept'),
  (SELECT b.Value FROM DATABOOLEAN b JOIN VARIABLES v ON v.ID = b.VariableId
     WHERE b.StatementId = s.ID AND v.Variable = 'agreement')
FROM STATEMENTS s JOIN STATEMENTTYPES st ON st.ID = s.StatementTypeId
WHERE st.Label = 'DNA Statement'
"""


def read_statements(path: Path) -> list[tuple]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
        return con.execute(_STATEMENTS).fetchall()


# ---------------------------------------------------------------------- oracle: DNA's definitions, loops

def dna_one_mode(path: Path, variable: str, mode: str, normalize: str) -> dict[tuple[str, str], float]:
    rows = read_statements(path)
    col = {"person": 4, "organization": 5}[variable]
    kept = [r for r in rows if r[col] and r[6]]  # DNA drops statements with an empty variable 1 or 2
    names1 = sorted({r[col] for r in kept})
    names2 = sorted({r[6] for r in kept})
    levels = [0, 1]
    x = {(i, j, k): 0 for i in names1 for j in names2 for k in levels}
    for r in kept:
        x[(r[col], r[6], int(r[7]))] += 1
    rng = 1.0  # max - min of the boolean qualifier
    out = {}
    for i1, i2 in itertools.product(names1, names1):
        if i1 == i2:
            continue
        y = 0.0
        for j in names2:
            if mode == "ignore":
                y += sum(x[(i1, j, k)] for k in levels) * sum(x[(i2, j, k)] for k in levels)
                continue
            for k1 in levels:
                for k2 in levels:
                    dist = abs(k1 - k2) / rng
                    prod = x[(i1, j, k1)] * x[(i2, j, k2)]
                    if mode == "congruence":
                        y += prod * (1 - dist)
                    elif mode == "conflict":
                        y += prod * dist
                    else:
                        y += prod * (1 - dist) - prod * dist
        n1 = sum(x[(i1, j, k)] for j in names2 for k in levels)
        n2 = sum(x[(i2, j, k)] for j in names2 for k in levels)
        if normalize == "no":
            norm = 1.0
        elif normalize == "average":
            norm = (n1 + n2) / 2
        elif normalize == "cosine":
            norm = (n1 * n1) ** 0.5 * (n2 * n2) ** 0.5
        else:
            m10 = m01 = m11 = 0.0
            for j in names2:
                for k in levels:
                    a, b = x[(i1, j, k)], x[(i2, j, k)]
                    if b == 0:
                        m10 += a
                    if a == 0:
                        m01 += b
                    if a > 0 and b > 0:
                        m11 += a * b
            norm = m10 + m01 + m11
        out[(i1, i2)] = 0.0 if norm == 0 else y / norm
    return out


# ---------------------------------------------------------------------- our side: a Bundle

def bundle_from_dna(path: Path) -> Bundle:
    """A test-local reader of the DNA tables into the canonical model (the loaders package has the real one)."""
    bundle = Bundle()
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
        docs = {i: (title, text, date) for i, title, text, date in con.execute("SELECT ID, Title, Text, Date FROM DOCUMENTS")}
    records = {}
    for doc_id, (title, text, date) in docs.items():
        records[doc_id] = new_document(f"dna-test:{doc_id}", title=title, text=text)
        bundle.add(records[doc_id])
    for sid, doc_id, start, stop, person, org, concept, agree in read_statements(path):
        if not concept or not (person or org):
            continue
        org_sh = new_stakeholder(org, kind="organisation") if org else None
        holder = new_stakeholder(person, kind="person", member_of=[org_sh.id] if org_sh else []) if person else org_sh
        claim = new_claim(concept)
        doc = records[doc_id]
        passage = Passage(document=doc.id, quote=docs[doc_id][1][start:stop], start=start, end=stop)
        bundle.add(*(r for r in (org_sh, holder, claim) if r is not None))
        bundle.add(new_position(holder, claim, "support" if agree else "oppose", document=doc.id, evidence=[passage]))
    return bundle


@pytest.fixture
def sample(fixtures_dir: Path) -> Path:
    return fixtures_dir / "dna" / "sample.dna"


@pytest.fixture
def dna_bundle(sample: Path) -> Bundle:
    return _cached_bundle(sample)


@functools.lru_cache(maxsize=2)
def _cached_bundle(path: Path) -> Bundle:
    return bundle_from_dna(path)


def test_sample_shape(dna_bundle: Bundle) -> None:
    # 40 coded DNA statements, 7 organisations, 7 persons, 6 concepts; one passage per statement
    assert sum(len(p.evidence) for p in dna_bundle.positions.values()) == 40
    m = build_matrix(dna_bundle)
    assert len(m.groups) == 7 and len(m.stakeholders) == 7 and len(m.claims) == 6
    assert m.total.sum() == 40


@pytest.mark.parametrize("mode", ONE_MODE_MODES)
@pytest.mark.parametrize("normalize", ONE_MODE_NORMALIZATIONS)
@pytest.mark.parametrize("level,variable", [("group", "organization"), ("stakeholder", "person")])
def test_networks_equal_dna(sample: Path, dna_bundle: Bundle, mode: str, normalize: str, level: str, variable: str) -> None:
    expected = dna_one_mode(sample, variable, mode, normalize)
    net = compute_network(dna_bundle, mode=mode, level=level, normalize=normalize)
    assert sorted(net.labels) == sorted({a for a, _ in expected})
    for (a, b), value in expected.items():
        assert net.weight(a, b) == pytest.approx(value, abs=1e-12), (a, b)
    assert all(net.weight(a, a) == 0 for a in net.labels)


def test_known_dna_quirks(dna_bundle: Bundle) -> None:
    # average-normalised ignore weights exceed 1 with duplicates included (DNA issue #248): EPA has 12 statements,
    # 11 on "There should be legislation...", and Sierra Club 6 with 1 on it and 2 on "CO2 legislation will not hurt"
    net = compute_network(dna_bundle, mode="ignore", level="group", normalize="average")
    assert max(net.dense().ravel()) > 1
    # the identity congruence + conflict = ignore holds cell by cell for a boolean qualifier
    parts = [compute_network(dna_bundle, mode=mo, level="group", normalize="no").dense() for mo in ("congruence", "conflict", "ignore")]
    assert (parts[0] + parts[1] == parts[2]).all()


def test_through_the_dna_loader(sample: Path) -> None:
    """The same equality through the real loader, once the interop branch has landed it."""
    pytest.importorskip("stancegraph.loaders.formats.dna")
    from stancegraph.loaders import load_path

    bundle = load_path(sample)
    for mode, normalize in itertools.product(ONE_MODE_MODES, ONE_MODE_NORMALIZATIONS):
        expected = dna_one_mode(sample, "organization", mode, normalize)
        net = compute_network(bundle, mode=mode, level="group", normalize=normalize)
        assert sorted(net.labels) == sorted({a for a, _ in expected})
        for (a, b), value in expected.items():
            assert net.weight(a, b) == pytest.approx(value, abs=1e-12), (mode, normalize, a, b)
