"""The ParlaMint TEI loader: the ParlaMint-GB samples in ../shared (CC BY 4.0, read in place) and small fictional TEI.

Expected values on the samples come from outside the loader: the utterances, their speakers and their
agenda items from the sitting files parsed here with xml.etree; the party of every utterance's speaker
from ParlaMint's own metadata (the ``-meta.tsv`` files of the 2017 and 2022 sittings, column
``Speaker_party_name``); for the 2020 Lords sitting, which has no TSV, from reading listPerson by hand
(Peter Fowler: ``party.CON`` to 2016-09-01, ``party.I`` from 2016-09-01, ``party.CB`` from 2021-05-01,
so Independent on 2020-02-12; James Touhig and Leslie Griffiths Labour, Diana Barran Conservative).
Government membership (``#GoGB``) on the sitting's date, read by hand: David Davis (2016-07-13 to
2018-07-08), Marcus Jones (2015-05-08 to 2018-01-08), Diana Barran (from 2018-11-22), David Rutley
(2017-06-15 to 2022-09-20). ParlaMint's TSV column ``Speaker_minister`` says ``notMinister`` for all of
them: it counts only ``role="minister"``, which ParlaMint-GB does not use.
"""

from __future__ import annotations

import csv
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from samples import (
    parlamint_sample, tei_affiliation, tei_corpus_root, tei_div, tei_list_org, tei_list_person, tei_org, tei_person,
    tei_sitting, tei_u,
)
from stancegraph.api.cli.main import main
from stancegraph.graph.model.errors import MalformedSource, UnsupportedFormat
from stancegraph.graph.rdf.store import Store
from stancegraph.loaders import detect_loader, load_path
from stancegraph.loaders.documents.reader import DocumentText
from stancegraph.loaders.extract.pipeline import Extractor
from stancegraph.loaders.formats import parlamint
from stancegraph.loaders.formats.parlamint import Sitting, read_sittings

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SITTINGS = ["2017/ParlaMint-GB_2017-09-07-commons.xml", "2020/ParlaMint-GB_2020-02-12-lords.xml",
            "2022/ParlaMint-GB_2022-07-21-commons.xml"]
PARTY_2020 = {"PeterFowler": "Independent", "JamesTouhig": "Labour", "LeslieGriffiths": "Labour", "DianaBarran": "Conservative"}
GOVERNMENT = {"DavidDavis", "MarcusJones", "DianaBarran", "DavidRutley"}


@pytest.fixture
def gb(fixtures_dir: Path) -> Path:
    return fixtures_dir / "parlamint-gb"


def utterances(path: Path) -> list[dict]:
    """Every <u> of a sitting file, read with xml.etree: id, who, ana, its segments' words, its agenda item."""
    out = []
    section = None
    for div in ET.parse(path).getroot().iterfind(".//tei:body/tei:div", NS):
        head = div.find("tei:head", NS)
        if head is not None:
            section = head.text
        elif section is not None:
            section = "Untitled debate section"
        for u in div.iterfind("tei:u", NS):
            segs = [" ".join("".join(s.itertext()).split()) for s in u.iterfind("tei:seg", NS)]
            out.append({"id": u.get(XML_ID), "who": u.get("who").lstrip("#"), "ana": u.get("ana"), "segs": segs,
                        "section": section})
    return out


def tsv_parties(path: Path) -> dict[str, str]:
    """Utterance id -> Speaker_party_name, from a ParlaMint -meta.tsv file."""
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["ID"]: row["Speaker_party_name"] for row in csv.DictReader(fh, delimiter="\t")}


def blocks_of(sitting: Sitting):  # noqa: ANN201
    """The extractor's reading of a sitting: its structure and the member whose turn each block is."""
    ex = Extractor(DocumentText(sitting.document, "parlamint", sitting.hints), roster=sitting.roster)
    return ex


# --------------------------------------------------------------------------- the samples

def test_the_samples_hold_twelve_utterances_of_eleven_speakers_in_three_parties(gb: Path) -> None:
    sittings = read_sittings(gb)
    expected = [u for f in SITTINGS for u in utterances(gb / f)]
    assert [s.document.date for s in sittings] == ["2017-09-07", "2020-02-12", "2022-07-21"]
    assert len(expected) == 12 and len({u["who"] for u in expected}) == 11  # Robert Blackman speaks in 2017 and 2022
    turns = [t for s in sittings for t in s.turns]
    assert [t.utterance for t in turns] == [u["id"] for u in expected]
    assert sum(len(t.paragraphs) for t in turns) == sum(len(u["segs"]) for u in expected) == 51
    assert {t.speaker.party.name for t in turns if t.speaker.party} == {"Conservative", "Labour", "Independent"}
    assert all(s.skipped == 0 for s in sittings)


def test_each_sitting_is_a_document_with_its_title_date_and_source_uri(gb: Path) -> None:
    by_date = {s.document.date: s.document for s in read_sittings(gb / "ParlaMint-GB.xml")}
    doc = by_date["2017-09-07"]
    assert doc.title == "Great Britain parliamentary corpus ParlaMint-GB, Commons, 2017-09-07 [ParlaMint SAMPLE]"
    assert doc.uri == "https://hansard-api.parliament.uk/debates/debate/15a060cc-c0b2-438d-a86a-72f6bd4a6e93.xml"
    assert doc.kind == "debate"
    assert doc.sha256 == "a4dcbe639461b0a2ce48619fec06f803d37abb1a1c76a56ce55cacb2e073ba2c"  # SOURCES.txt
    assert by_date["2020-02-12"].title.startswith("Great Britain parliamentary corpus ParlaMint-GB, Lords, 2020-02-12")


def test_every_utterance_is_its_speakers_turn_with_the_party_of_that_date(gb: Path) -> None:
    tsv = {**tsv_parties(gb / "2017" / "ParlaMint-GB_2017-09-07-commons-meta-en.tsv"),
           **tsv_parties(gb / "2022" / "ParlaMint-GB_2022-07-21-commons-meta.tsv")}
    checked = 0
    for sitting, f in zip(read_sittings(gb), SITTINGS):
        ex = blocks_of(sitting)
        text = sitting.document.text or ""
        for turn, u in zip(sitting.turns, utterances(gb / f)):
            assert turn.speaker.id == u["who"]
            want = tsv.get(u["id"]) or PARTY_2020[u["who"]]
            assert turn.speaker.party is not None and turn.speaker.party.name == want, turn.utterance
            assert (turn.speaker.office is not None) == (u["who"] in GOVERNMENT), turn.utterance
            assert turn.chair == (u["ana"] == "#chair")
            for start, end in turn.paragraphs:  # the extractor reads every paragraph as this speaker's (none from the chair)
                (block,) = [b for b in ex.structure.blocks if b.start <= start < b.end]
                assert (block.start, block.end) == (start, end), text[start:end][:60]
                if block.kind == "procedure":  # "Question put and agreed to." is procedure, not speech
                    assert text[start:end] == "Question put and agreed to."
                    continue
                member = ex.reader.reading.speaker_of.get(block.index)
                assert member is (None if turn.chair else turn.member), (turn.utterance, text[start:end][:60])
                checked += 1
    assert checked == 51 - 2  # all but the two procedure lines ("Question put and agreed to.")


def test_parties_and_offices_reach_the_roster_and_the_holders(gb: Path) -> None:
    sittings = {s.document.date: s for s in read_sittings(gb)}
    davis = sittings["2017-09-07"].roster.find("David Davis")
    assert (davis.party, davis.office, davis.government) == ("Conservative Party", "Minister", True)
    fowler = sittings["2020-02-12"].roster.find("Peter Fowler")
    # (ParlaMint's "Independent" under the label the Hansard reader gives "(Ind)": one holder whichever loader read it)
    assert (fowler.party, fowler.office, fowler.government) == ("Independent members", "Speaker, House of Lords", False)
    hoyle = [t for t in sittings["2022-07-21"].turns if t.speaker.id == "LindsayHoyle"][0]
    assert hoyle.chair and (sittings["2022-07-21"].document.text or "")[slice(*hoyle.line)] == "Speaker (Lindsay Hoyle)"
    b = parlamint.load(gb)
    labels = {s.id: s.label for s in b.stakeholders.values()}
    rutley = next(s for s in b.stakeholders.values() if s.label == "David Rutley")
    assert sorted(labels[m] for m in rutley.member_of) == ["Conservative Party", "Government"]
    assert dict(rutley.attributes) == {"parlamint-id": "DavidRutley", "party": "Conservative Party", "office": "Minister"}
    assert "David Henry Rutley" in rutley.aliases
    con = next(s for s in b.stakeholders.values() if s.label == "Conservative Party")
    assert (con.kind, dict(con.attributes), set(con.aliases)) == ("organisation", {"parlamint-id": "party.CON"},
                                                                {"Conservative", "CON"})


def test_sections_are_the_agenda_items(gb: Path) -> None:
    for sitting, f in zip(read_sittings(gb), SITTINGS):
        ex = blocks_of(sitting)
        heads = [u["section"] for u in utterances(gb / f)]
        assert [t.section for t in sitting.turns] == [(h,) for h in heads]
        for turn in sitting.turns:
            for start, _end in turn.paragraphs:
                (block,) = [b for b in ex.structure.blocks if b.start == start]
                assert block.section == turn.section
    assert read_sittings(gb / SITTINGS[1])[0].turns[1].section == ("Disability Employment Gap",)


def test_offsets_are_exact(gb: Path) -> None:
    b = parlamint.load(gb)
    sittings = {s.document.id: s for s in read_sittings(gb)}
    assert len(b.documents) == 3 and len(b.positions) > 0
    for sitting, f in zip(sittings.values(), SITTINGS):
        text = sitting.document.text or ""
        assert b.documents[sitting.document.id].text == text
        for turn, u in zip(sitting.turns, utterances(gb / f)):
            assert [text[a:e] for a, e in turn.paragraphs] == u["segs"]
    for p in b.positions.values():
        sitting = sittings[p.document]
        text = sitting.document.text or ""
        holder = b.stakeholders[p.stakeholder].label
        for e in p.evidence:
            assert text[e.start:e.end] == e.quote
            turn = next(t for t in sitting.turns if any(a <= e.start and e.end <= z for a, z in t.paragraphs))
            if holder in {t.member.name for t in sitting.turns}:  # a speaker's position rests on their own words
                assert turn.member.name == holder, (holder, e.quote)


def test_a_corpus_root_a_folder_and_a_sitting_file_load_the_same_sitting(gb: Path) -> None:
    by_root = parlamint.load(gb / "ParlaMint-GB.xml")
    by_folder = parlamint.load(gb)
    by_year = parlamint.load(gb / "2017")
    by_file = parlamint.load(gb / SITTINGS[0])
    assert by_root.counts() == by_folder.counts()
    doc_id = next(iter(by_file.documents))
    assert set(by_year.positions) == set(by_file.positions) == set(by_root.for_document(doc_id).positions)
    for path in (gb, gb / "2017", gb / SITTINGS[0], gb / "ParlaMint-GB.xml"):
        assert detect_loader(path) is parlamint


def state(store: Path) -> set[str]:
    """Every quad of the store but its meta graph (the write counter, which every load bumps, even a reload)."""
    from stancegraph.graph.rdf.store import META_GRAPH

    with Store(store) as st:
        meta = st.base + META_GRAPH
        return {str(q) for q in st._ox if getattr(q.graph_name, "value", None) != meta}


def test_ingest_twice_into_a_store_changes_nothing(gb: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    first: set[str] = set()
    for path in (gb, gb, gb / "ParlaMint-GB.xml", gb / SITTINGS[2]):  # again, then the same sittings by other routes
        with pytest.raises(SystemExit) as done:
            main(["ingest", str(path), "--store", str(store), "--quiet"])
        assert done.value.code == 0
        first = first or state(store)
        assert state(store) == first
    with Store(store) as st:
        assert len(st.document_ids()) == 3


def test_a_damaged_sitting_is_refused_with_file_and_line_and_the_store_keeps_what_it_had(
        gb: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "gb"
    shutil.copytree(gb, corpus)
    store = tmp_path / "store"
    with pytest.raises(SystemExit):
        main(["ingest", str(corpus), "--store", str(store), "--quiet"])
    before = state(store)
    sitting = corpus / SITTINGS[1]
    lines = sitting.read_text(encoding="utf-8").splitlines(keepends=True)
    k = next(k for k, line in enumerate(lines) if k > 100 and "</seg>" in line)
    lines[k] = lines[k].replace("</seg>", "</sag>", 1)
    sitting.write_text("".join(lines), encoding="utf-8")
    capsys.readouterr()
    with pytest.raises(SystemExit) as done:
        main(["ingest", str(corpus), "--store", str(store), "--quiet"])
    err = capsys.readouterr().err
    assert done.value.code == 1
    assert err.startswith(f"error: {sitting}:{k + 1}: bad XML: mismatched tag"), err
    assert state(store) == before


def test_a_speaker_missing_from_list_person_is_named_with_the_line(gb: Path, tmp_path: Path) -> None:
    for f in ("ParlaMint-GB-listOrg.xml", "ParlaMint-GB-listPerson.xml"):
        shutil.copy(gb / f, tmp_path / f)
    text = (gb / SITTINGS[0]).read_text(encoding="utf-8").replace('who="#MarcusJones"', 'who="#NoSuchPerson"')
    (tmp_path / "sitting.xml").write_text(text, encoding="utf-8")
    line = text[:text.index("#NoSuchPerson")].count("\n") + 1
    with pytest.raises(MalformedSource, match=rf"sitting\.xml:{line} \[who\]: the speaker #NoSuchPerson is not in"):
        load_path(tmp_path / "sitting.xml")
    with pytest.raises(MalformedSource, match="a ParlaMint listPerson holds no sitting"):
        load_path(tmp_path / "ParlaMint-GB-listPerson.xml")


# --------------------------------------------------------------------------- small fictional TEI

ORGS = [tei_org("party.A", "politicalParty", "Alpha Party", "A"), tei_org("party.B", "politicalParty", "Beta Party", "B"),
        tei_org("group.X", "parliamentaryGroup", "Group X"), tei_org("GOV", "government", "Government of Testland"),
        tei_org("parliament.L", "parliament", "Lower House")]


def write_corpus(folder: Path, persons: list[str], sittings: dict[str, str], *, root: bool = False) -> Path:
    """Lists and sitting files in `folder` (ParlaMint-XX naming); with `root`, a corpus root XIncluding them all."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ParlaMint-XX-listPerson.xml").write_text(tei_list_person(*persons), encoding="utf-8")
    (folder / "ParlaMint-XX-listOrg.xml").write_text(tei_list_org(*ORGS), encoding="utf-8")
    for name, xml in sittings.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(xml, encoding="utf-8")
    if not root:
        return folder
    inc = '<xi:include href="{}"/>'
    lists = inc.format("ParlaMint-XX-listOrg.xml") + inc.format("ParlaMint-XX-listPerson.xml")
    (folder / "ParlaMint-XX.xml").write_text(tei_corpus_root("ParlaMint-XX", lists, "".join(inc.format(n) for n in sittings)),
                                             encoding="utf-8")
    return folder / "ParlaMint-XX.xml"


ANNA = tei_person("AnnaBrown", "Anna Maria", "Brown", tei_affiliation("party.A", start="2015", end="2019-06-30"),
                  tei_affiliation("party.B", start="2019-07-01"), tei_affiliation("group.X", start="2015"),
                  tei_affiliation("GOV", "minister", "2020-01-01", "2020-12-31", role_name="Minister of Health"))
OWEN = tei_person("OwenGray", "Owen", "Gray", tei_affiliation("group.X", start="2010"),
                  tei_affiliation("parliament.L", "head", "2018-01-01"))


def sitting_on(date: str, *divs: str) -> str:
    return tei_sitting(f"ParlaMint-XX_{date}", date, *divs)


def test_party_and_office_are_those_of_the_sittings_date(tmp_path: Path) -> None:
    words = tei_div("Health", tei_u("AnnaBrown", "Hospitals should get more money."))
    path = write_corpus(tmp_path, [ANNA, OWEN], {f"{d}.xml": sitting_on(d, words)
                                                 for d in ("2018-05-01", "2019-07-01", "2020-06-01")}, root=True)
    got = [(s.document.date, s.turns[0].member.party, s.turns[0].member.office) for s in read_sittings(path)]
    # a party beats a parliamentary group; a gYear 'from' covers that whole year; the later party wins from its first day
    assert got == [("2018-05-01", "Alpha Party", None), ("2019-07-01", "Beta Party", None),
                   ("2020-06-01", "Beta Party", "Minister of Health")]
    third = read_sittings(path)[2]
    assert (third.document.text or "")[slice(*third.turns[0].line)] == "Minister of Health (Anna Brown)"
    b = parlamint.load(path.parent / "2020-06-01.xml")
    anna = next(s for s in b.stakeholders.values() if s.label == "Anna Brown")
    assert {b.stakeholders[m].label for m in anna.member_of} == {"Beta Party", "Government"}
    assert "Anna Maria Brown" in anna.aliases
    # memberships carry no dates in the model: over the three sittings she is a member of both parties
    whole = parlamint.load(path)
    anna = next(s for s in whole.stakeholders.values() if s.label == "Anna Brown")
    assert {whole.stakeholders[m].label for m in anna.member_of} == {"Alpha Party", "Beta Party", "Government"}


def test_a_member_of_a_parliamentary_group_only_is_read_with_the_group(tmp_path: Path) -> None:
    path = write_corpus(tmp_path, [OWEN], {"s.xml": sitting_on("2021-01-01", tei_div("Item", tei_u("OwenGray", "Yes.")))})
    (sitting,) = read_sittings(path / "s.xml")
    assert (sitting.turns[0].member.party, sitting.turns[0].member.office) == ("Group X", "Speaker, Lower House")
    assert (sitting.document.text or "")[slice(*sitting.turns[0].line)] == "Owen Gray (Group X)"


def test_chair_turns_are_marked_and_hold_no_position(tmp_path: Path) -> None:
    xml = sitting_on("2021-01-01", tei_div("Item",
                                           tei_u("OwenGray", "I call Anna Brown. The House must come to order.", ana="#chair"),
                                           tei_u("AnnaBrown", "Hospitals should get more money.")))
    path = write_corpus(tmp_path, [ANNA, OWEN], {"s.xml": xml})
    (sitting,) = read_sittings(path / "s.xml")
    assert [(t.chair, (sitting.document.text or "")[slice(*t.line)]) for t in sitting.turns] == [
        (True, "Speaker (Owen Gray)"), (False, "Anna Brown (Beta Party)")]
    b = parlamint.load(path)
    holders = {b.stakeholders[p.stakeholder].label for p in b.positions.values()}
    assert "Anna Brown" in holders and "Owen Gray" not in holders


def test_a_motion_and_the_ministers_reply_become_positions_on_one_question(tmp_path: Path) -> None:
    path = tmp_path / "corpus.xml"
    path.write_bytes(parlamint_sample())
    b = load_path(path)
    stances = sorted((b.stakeholders[p.stakeholder].label, p.stance.value, p.rule, b.claims[p.claim].text)
                     for p in b.positions.values() if p.rule and p.rule.startswith("debate:"))
    motion = "This House calls on the Government to raise pay for care workers"
    assert stances == [("Jane Smith", "support", "debate:moved", motion), ("Mark Jones", "oppose", "debate:says", motion)]
    jones = next(s for s in b.stakeholders.values() if s.label == "Mark Jones")
    assert {b.stakeholders[m].label for m in jones.member_of} == {"Conservative", "Government"}  # not -GB: listOrg's name


def test_speech_text_leaves_comments_out_and_joins_ana_tokens() -> None:
    seg = ET.fromstring(f'<seg xmlns="{NS["tei"]}">Yes <note>(laughter)</note> indeed, <vocal type="noise"><desc>Noise'
                        "</desc></vocal>we do.</seg>")
    assert parlamint.speech_text(seg) == "Yes indeed, we do."
    ana = ET.fromstring(f'<seg xmlns="{NS["tei"]}">\n <s>\n  <w>We</w>\n  <name><w join="right">do</w></name>\n'
                        '  <pc>.</pc>\n  <w join="right">Really</w>\n  <pc>?</pc>\n </s>\n <s><w>Yes</w></s>\n'
                        "<linkGrp><link ana='x'/></linkGrp></seg>")
    assert parlamint.speech_text(ana) == "We do. Really? Yes"


def test_short_and_unfinished_paragraphs_stay_their_speakers_words(tmp_path: Path) -> None:
    """'Will the Minister give way?' looks like a heading; a paragraph ending in 'the' like a page break: neither is."""
    xml = sitting_on("2021-01-01", tei_div("Item",
                                           tei_u("AnnaBrown", "Will the Minister give way?", "The point is that the",
                                                 "Hospitals should get more money"),
                                           tei_u("OwenGray", "No")))
    path = write_corpus(tmp_path, [ANNA, OWEN], {"s.xml": xml})
    (sitting,) = read_sittings(path / "s.xml")
    ex = blocks_of(sitting)
    for turn in sitting.turns:
        for start, end in turn.paragraphs:
            (block,) = [b for b in ex.structure.blocks if b.start == start]
            assert (block.kind, block.end, ex.reader.reading.speaker_of.get(block.index)) == ("paragraph", end, turn.member)
    assert [b.section for b in ex.structure.blocks if b.kind == "paragraph"] == [("Item",)] * 4


def test_agenda_heads_nest_and_untitled_sections_are_named_as_such(tmp_path: Path) -> None:
    xml = sitting_on("2021-01-01", tei_div(None, tei_u("AnnaBrown", "Before any item.")),
                     tei_div(["Bills", "Health Bill"], tei_u("AnnaBrown", "Second reading.")),
                     tei_div(None, tei_u("OwenGray", "After a gap.")))
    path = write_corpus(tmp_path, [ANNA, OWEN], {"s.xml": xml})
    (sitting,) = read_sittings(path / "s.xml")
    assert [t.section for t in sitting.turns] == [(), ("Bills", "Health Bill"), ("Untitled debate section",)]
    ex = blocks_of(sitting)
    assert [b.section for b in ex.structure.blocks if b.kind == "paragraph"] == [
        (), ("Bills", "Health Bill"), ("Untitled debate section",)]


def test_two_speakers_of_one_name_are_told_apart(tmp_path: Path) -> None:
    twins = [tei_person("JohnSmith1", "John Paul", "Smith", tei_affiliation("party.A")),
             tei_person("JohnSmith2", "John Peter", "Smith", tei_affiliation("party.B")),
             tei_person("JohnSmith3", "John Peter", "Smith", tei_affiliation("party.B"))]
    xml = sitting_on("2021-01-01", tei_div("Item", tei_u("JohnSmith1", "One."), tei_u("JohnSmith2", "Two."),
                                           tei_u("JohnSmith3", "Three.")))
    path = write_corpus(tmp_path, twins, {"s.xml": xml})
    (sitting,) = read_sittings(path / "s.xml")
    assert [t.member.name for t in sitting.turns] == ["John Paul Smith", "John Peter Smith [JohnSmith2]",
                                                      "John Peter Smith [JohnSmith3]"]
    ex = blocks_of(sitting)
    assert [ex.reader.reading.speaker_of[b.index].name for b in ex.structure.blocks if b.kind == "paragraph"] == \
        [t.member.name for t in sitting.turns]


def test_a_folder_of_sittings_finds_the_lists_in_the_folder_above(tmp_path: Path) -> None:
    write_corpus(tmp_path, [ANNA], {"2021/a.xml": sitting_on("2021-01-01", tei_div("Item", tei_u("AnnaBrown", "Yes.")))})
    assert detect_loader(tmp_path / "2021") is parlamint
    (sitting,) = read_sittings(tmp_path / "2021")
    assert sitting.turns[0].member.party == "Beta Party"
    (tmp_path / "ParlaMint-XX-listOrg.xml").unlink()
    with pytest.raises(MalformedSource, match=r"a\.xml: no ParlaMint-XX-listPerson\.xml and ParlaMint-XX-listOrg\.xml"):
        read_sittings(tmp_path / "2021" / "a.xml")


def test_a_folder_that_also_holds_other_documents_is_not_read_as_parlamint_alone(tmp_path: Path) -> None:
    """Claiming it would skip the report in it; the command line walks it file by file instead."""
    write_corpus(tmp_path, [ANNA], {"a.xml": sitting_on("2021-01-01", tei_div("Item", tei_u("AnnaBrown", "Yes.")))})
    (tmp_path / "SOURCES.txt").write_text("Where the files come from.\n", encoding="utf-8")
    assert detect_loader(tmp_path) is parlamint  # ParlaMint files and a note only
    (tmp_path / "report.txt").write_text("Pay\n\nProviders argue that pay must rise.\n", encoding="utf-8")
    with pytest.raises(UnsupportedFormat):
        detect_loader(tmp_path)
    assert detect_loader(tmp_path / "a.xml") is parlamint and len(load_path(tmp_path / "a.xml").documents) == 1


def test_utterances_without_speaker_are_left_out_and_counted(tmp_path: Path) -> None:
    xml = sitting_on("2021-01-01", tei_div("Item", tei_u(None, "Hon. Members: Hear, hear!"), tei_u("AnnaBrown", "Yes.")))
    path = write_corpus(tmp_path, [ANNA], {"s.xml": xml})
    (sitting,) = read_sittings(path / "s.xml")
    assert (len(sitting.turns), sitting.skipped) == (1, 1)
    assert "Hear, hear" not in (sitting.document.text or "")


@pytest.mark.parametrize(("xml", "message"), [
    (sitting_on("2021-01-01", tei_div("Item", tei_u("Nobody", "Yes."))), r"s\.xml:1 \[who\]: the speaker #Nobody"),
    (tei_sitting("ParlaMint-XX_x", "", tei_div("Item", tei_u("AnnaBrown", "Yes."))), r"s\.xml:1 \[date\]: the sitting has no date"),
    (sitting_on("2021-01-01", tei_div("Item")), r"s\.xml:1: the sitting has no utterance"),
    (tei_sitting("ParlaMint-XX_x", "2021-01-01", namespace=False), r"s\.xml:1: not a ParlaMint TEI document"),
    ('<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<TEI/>',
     r"s\.xml:2: refused: the XML declares a DOCTYPE"),
    ('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<teiHeader>\n</TEI>', r"s\.xml:3: bad XML: mismatched tag"),
])
def test_bad_sittings_are_refused_with_file_and_line(tmp_path: Path, xml: str, message: str) -> None:
    path = write_corpus(tmp_path, [ANNA], {"s.xml": xml})
    with pytest.raises(MalformedSource, match=message):
        load_path(path / "s.xml")


def test_xincludes_outside_the_corpus_folder_are_refused(tmp_path: Path) -> None:
    root = write_corpus(tmp_path / "c", [ANNA], {"s.xml": sitting_on("2021-01-01", tei_div("I", tei_u("AnnaBrown", "Yes.")))},
                        root=True)
    (tmp_path / "outside.xml").write_text(sitting_on("2021-01-02", tei_div("I", tei_u("AnnaBrown", "No."))), encoding="utf-8")
    for href, message in (("../outside.xml", "refused: xi:include href '../outside.xml'"),
                          ("https://example.org/s.xml", "refused: xi:include href 'https://example.org/s.xml'"),
                          ("missing.xml", "the included file missing.xml is missing")):
        root.write_text(root.read_text(encoding="utf-8").replace('href="s.xml"', f'href="{href}"'), encoding="utf-8")
        with pytest.raises(MalformedSource, match=rf"ParlaMint-XX\.xml:1 \[href\]: {message}"):
            load_path(root)
        root.write_text(root.read_text(encoding="utf-8").replace(f'href="{href}"', 'href="s.xml"'), encoding="utf-8")


def test_content_is_sniffed_whatever_the_name(tmp_path: Path) -> None:
    path = tmp_path / "sitting.tei"
    path.write_bytes(parlamint_sample())
    assert detect_loader(path) is parlamint
    assert len(load_path(path).documents) == 1
    other = tmp_path / "notes.txt"
    other.write_text("Plain notes about TEI.\n", encoding="utf-8")
    assert detect_loader(other) is not parlamint
