"""The DNA loader against DNA's own sample database (../shared/fixtures/dna/sample.dna, read in place).

Expected numbers were read by hand from the sample's tables (sqlite3 shell): 7 DOCUMENTS;
41 STATEMENTS of which 40 are of type 1 "DNA Statement" (statement 5 is an Annotation);
ENTITIES of variable 2 (organization) are 7 non-empty names, of variable 3 (concept) 6;
DATABOOLEAN agreement is 0 for statements 1, 2, 3, 6, 8, 9, 17, 38, 39, 40, 41 (11 oppose) and
1 for the other 29.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from stancegraph.graph.model.errors import MalformedSource
from stancegraph.graph.model.records import Stance, stakeholder_id
from stancegraph.loaders import detect_loader, load_path
from stancegraph.loaders.formats import dna



@pytest.fixture
def sample(fixtures_dir: Path) -> Path:
    return fixtures_dir / "dna" / "sample.dna"


@pytest.fixture
def bundle(sample: Path):
    return dna.load(sample)


def test_sample_counts(bundle):
    people = [s for s in bundle.stakeholders.values() if s.kind == "person"]
    orgs = [s for s in bundle.stakeholders.values() if s.kind == "organisation"]
    passages = {e for p in bundle.positions.values() for e in p.evidence}
    assert len(bundle.documents) == 7
    assert len(passages) == 40  # one passage per statement
    assert sum(len(p.evidence) for p in bundle.positions.values()) == 40
    assert len(orgs) == 7
    assert len(people) == 7
    assert len(bundle.claims) == 6


def test_every_quote_is_the_document_text_at_its_span(bundle):
    for position in bundle.positions.values():
        for passage in position.evidence:
            text = bundle.documents[passage.document].text
            assert passage.start is not None and passage.end is not None
            assert text[passage.start:passage.end] == passage.quote
            assert passage.document == position.document


def test_stances_follow_the_agreement_qualifier(bundle):
    evidence = {s: sum(len(p.evidence) for p in bundle.positions.values() if p.stance is s) for s in Stance}
    assert evidence == {Stance.SUPPORT: 29, Stance.OPPOSE: 11, Stance.NEUTRAL: 0}


def test_persons_hold_positions_and_belong_to_their_organisation(bundle):
    whitman = bundle.stakeholders[stakeholder_id("Christine Todd Whitman")]
    assert whitman.kind == "person"
    assert whitman.member_of == (stakeholder_id("Environmental Protection Agency"),)
    # statements 11-16 and 18-21: Whitman agrees that "There should be legislation to regulate emissions."
    held = [p for p in bundle.positions.values() if p.stakeholder == whitman.id]
    support = [p for p in held if bundle.claims[p.claim].text == "There should be legislation to regulate emissions."]
    assert len(support) == 1 and support[0].stance is Stance.SUPPORT and len(support[0].evidence) == 10
    assert support[0].coder == "Coder 1"
    assert support[0].date == "2005-02-02"  # DOCUMENTS.Date 1107302400 (epoch seconds)


def test_entity_attributes_and_colours_are_kept(bundle):
    sierra = bundle.stakeholders[stakeholder_id("Sierra Club")]
    assert dict(sierra.attributes) == {"type": "NGO", "colour": "#00cc00"}  # ENTITIES row 13: RGB 0, 204, 0
    voinovich = bundle.stakeholders[stakeholder_id("George Voinovich")]
    assert dict(voinovich.attributes)["type"] == "Congress-Republican"


def test_documents_keep_metadata(bundle):
    doc = next(d for d in bundle.documents.values() if d.title.startswith("109-876"))
    assert doc.date == "2005-01-26" and doc.publisher == "109" and len(doc.text or "") == 11705


def test_detected_by_extension_and_content(tmp_path, sample):
    assert detect_loader(sample) is dna
    renamed = tmp_path / "coded.sqlite"
    shutil.copyfile(sample, renamed)
    assert detect_loader(renamed) is dna


@pytest.mark.parametrize("size", [100, 8192, 200_000])
def test_truncated_database_is_one_line_error(tmp_path, sample, size):
    broken = tmp_path / "broken.dna"
    broken.write_bytes(sample.read_bytes()[:size])
    with pytest.raises(MalformedSource) as err:
        load_path(broken)
    message = str(err.value)
    assert "\n" not in message and message.startswith(str(broken))
    assert "malformed" in message or "not a database" in message


def test_not_sqlite_at_all(tmp_path):
    bad = tmp_path / "notes.dna"
    bad.write_text("just some notes", encoding="utf-8")
    with pytest.raises(MalformedSource, match=r"notes\.dna .*not a readable SQLite database"):
        load_path(bad)


def test_dna2_database_is_refused_with_advice(tmp_path):
    legacy = tmp_path / "old.dna"
    con = sqlite3.connect(legacy)
    con.executescript("CREATE TABLE DOCUMENTS(ID INTEGER); CREATE TABLE STATEMENTS(ID INTEGER);"
                      "CREATE TABLE STATEMENTTYPES(ID INTEGER); CREATE TABLE ATTRIBUTES(ID INTEGER);")
    con.close()
    with pytest.raises(MalformedSource, match="DNA 2 database.*import"):
        load_path(legacy)


def test_statement_outside_its_document_names_the_statement(tmp_path, sample):
    damaged = tmp_path / "damaged.dna"
    shutil.copyfile(sample, damaged)
    damaged.chmod(0o644)
    con = sqlite3.connect(damaged)
    con.execute("UPDATE STATEMENTS SET Stop = 999999 WHERE ID = 7")
    con.commit()
    con.close()
    with pytest.raises(MalformedSource, match=r"damaged\.dna \[STATEMENTS\.ID=7\]: statement 7 spans"):
        load_path(damaged)


def test_integer_qualifier_gives_signed_stances(tmp_path):
    """A minimal DNA 3 schema built here, with an integer agreement scale (-1, 0, 1)."""
    path = tmp_path / "scale.dna"
    con = sqlite3.connect(path)
    con.executescript("""
        CREATE TABLE DOCUMENTS(ID INTEGER PRIMARY KEY, Title TEXT, Text TEXT, Coder INTEGER, Author TEXT,
            Source TEXT, Section TEXT, Notes TEXT, Type TEXT, Date INTEGER);
        CREATE TABLE STATEMENTTYPES(ID INTEGER PRIMARY KEY, Label TEXT, Red INT, Green INT, Blue INT);
        CREATE TABLE VARIABLES(ID INTEGER PRIMARY KEY, Variable TEXT, DataType TEXT, StatementTypeId INTEGER);
        CREATE TABLE STATEMENTS(ID INTEGER PRIMARY KEY, StatementTypeId INTEGER, DocumentId INTEGER,
            Start INTEGER, Stop INTEGER, Coder INTEGER);
        CREATE TABLE ENTITIES(ID INTEGER PRIMARY KEY, VariableId INTEGER, Value TEXT, Red INT, Green INT,
            Blue INT, ChildOf INTEGER);
        CREATE TABLE DATASHORTTEXT(ID INTEGER PRIMARY KEY, StatementId INTEGER, VariableId INTEGER, Entity INTEGER);
        CREATE TABLE DATAINTEGER(ID INTEGER PRIMARY KEY, StatementId INTEGER, VariableId INTEGER, Value INTEGER);
        CREATE TABLE DATABOOLEAN(ID INTEGER PRIMARY KEY, StatementId INTEGER, VariableId INTEGER, Value INTEGER);
        INSERT INTO DOCUMENTS VALUES (1, 'Debate', 'Pay must rise. Pay must not rise. Who knows.', NULL,
            '', '', '', '', '', 1700000000);
        INSERT INTO STATEMENTTYPES VALUES (1, 'DNA Statement', 0, 0, 0);
        INSERT INTO VARIABLES VALUES (1, 'organization', 'short text', 1), (2, 'concept', 'short text', 1),
            (3, 'agreement', 'integer', 1);
        INSERT INTO ENTITIES VALUES (1, 1, 'Unions', NULL, NULL, NULL, NULL), (2, 1, 'Employers', 1, 2, 3, NULL),
            (3, 2, 'Pay', NULL, NULL, NULL, NULL);
        INSERT INTO STATEMENTS VALUES (1, 1, 1, 0, 14, NULL), (2, 1, 1, 15, 33, NULL), (3, 1, 1, 34, 44, NULL);
        INSERT INTO DATASHORTTEXT VALUES (1, 1, 1, 1), (2, 1, 2, 3), (3, 2, 1, 2), (4, 2, 2, 3), (5, 3, 1, 1),
            (6, 3, 2, 3);
        INSERT INTO DATAINTEGER VALUES (1, 1, 3, 1), (2, 2, 3, -1), (3, 3, 3, 0);
    """)
    con.close()
    b = load_path(path)
    got = sorted((b.stakeholders[p.stakeholder].label, p.stance.value, p.evidence[0].quote) for p in b.positions.values())
    assert got == [("Employers", "oppose", "Pay must not rise."), ("Unions", "neutral", "Who knows."),
                   ("Unions", "support", "Pay must rise.")]
    assert dict(b.stakeholders[stakeholder_id("Employers")].attributes) == {"colour": "#010203"}
    assert next(iter(b.documents.values())).date == "2023-11-14T22:13:20Z"


def test_loading_never_writes_next_to_the_file(tmp_path, sample):
    copy = tmp_path / "sample.dna"
    shutil.copyfile(sample, copy)
    before = sorted(p.name for p in tmp_path.iterdir())
    dna.load(copy)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
