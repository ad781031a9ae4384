"""Tests of the quality scorer (tests/quality/scorer.py) and of the gold files it reads.

The scorer logic is tested on a small made-up document and hand-made bundles, with the expected
numbers worked out in each test. The last tests run the real extractor on the corpus documents
and hold it to floors; they xfail (never pass silently) while ``load_path`` cannot read the format.
"""

from __future__ import annotations

import csv
import doctest
import hashlib
import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest
import yaml

from stancegraph.graph.model.records import Bundle, Passage, new_claim, new_document, new_position, new_source, new_stakeholder
from stancegraph.graph.model.themes import resolve_theme
from stancegraph.loaders import load_path

from conftest import CORPUS, need_shared  # tests/ is on pytest's pythonpath

HERE = Path(__file__).resolve().parent


def _import_scorer():
    spec = importlib.util.spec_from_file_location("stancegraph_quality_scorer", HERE / "scorer.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


scorer = _import_scorer()
GOLD_FILES = sorted((HERE / "gold").glob("*.yaml"))


def gold_document(gold) -> Path:
    """The gold's document: the project's own examples are always here; the corpus needs ../shared."""
    path = scorer.document_path(gold, CORPUS)
    return path if path.parent == scorer.EXAMPLES_DIR else need_shared(path)

# ---------------------------------------------------------------- a small made-up document

TEXT = (
    "Care providers want higher pay for care staff. "          # 0..46
    "Unions oppose a compulsory register of care workers. "     # 47..99
    "Some carers call for more respite breaks. "                # 100..141
    "Councils mention budgets in passing."                      # 142..177
)
GOLD_YAML = {
    "document": "toy.txt",
    "complete": True,
    "sources": [{"key": "ws", "label": "workshops", "method": "workshop", "match": ["workshop"]},
                {"key": "lit", "label": "literature", "method": "literature review", "match": ["literature"]}],
    "stakeholders": [
        {"key": "providers", "label": "care providers", "aliases": ["providers", "provider representatives"]},
        {"key": "unions", "label": "trade unions", "aliases": ["unions"]},
        {"key": "carers", "label": "unpaid carers", "aliases": ["carers"]},
        {"key": "councils", "label": "councils", "optional": True},
    ],
    "themes": [{"label": "Pay and conditions"}, {"label": "Regulation and registration"}, {"label": "Carers"},
               {"label": "Funding", "optional": True}],
    "positions": [
        {"key": "pay", "stakeholder": "providers", "stance": "support", "claim": "raise care staff pay",
         "keywords": ["pay", "higher|raise"], "themes": ["Pay and conditions"], "source": "ws", "start": 0, "end": 46},
        {"key": "register", "stakeholder": "unions", "stance": "oppose", "claim": "a mandatory register",
         "keywords": ["regist"], "themes": ["Regulation and registration"], "source": "ws", "start": 47, "end": 99},
        {"key": "respite", "stakeholder": "carers", "stance": "support", "claim": "more respite",
         "keywords": ["respite"], "themes": ["Carers"], "source": "ws", "start": 100, "end": 141},
        {"key": "budgets", "stakeholder": "councils", "stance": "neutral", "claim": "budgets",
         "keywords": ["budget"], "themes": ["Funding"], "start": 142, "end": 177, "optional": True},
    ],
}


@pytest.fixture
def toy_gold(tmp_path):
    path = tmp_path / "toy.yaml"
    path.write_text(yaml.safe_dump(GOLD_YAML), encoding="utf-8")
    return scorer.read_gold(path)


def _bundle(rows, *, document="toy.txt", source=("workshops", "workshop")):
    """rows: (stakeholder label, stance, claim, theme labels, start, end); offsets None for a quote-only passage."""
    doc = new_document(document, text=TEXT)
    src = new_source(source[0], source[1], doc.id)
    b = Bundle()
    b.add(doc, src)
    for label, stance, claim_text, themes, start, end, *rest in rows:
        ths = [resolve_theme(t) for t in themes]
        sh = new_stakeholder(label)
        claim = new_claim(claim_text, themes=[t.id for t in ths])
        quote = rest[0] if rest else TEXT[start:end]
        passage = Passage(document=doc.id, quote=quote, start=start, end=end, source=src.id)
        b.add(sh, *ths, claim, new_position(sh, claim, stance, document=doc.id, evidence=[passage]))
    return b


PERFECT = [
    ("Care providers", "support", "Providers want higher pay for staff", ["Pay and conditions"], 0, 46),
    ("Unions", "oppose", "a compulsory register of care workers", ["Regulation and registration"], 47, 99),
    ("Some carers", "support", "more respite breaks", ["Carers"], 100, 141),
]


def test_perfect_extraction_scores_one(toy_gold):
    result = scorer.score_bundle(_bundle(PERFECT), toy_gold, TEXT)
    s = result["scores"]
    for name in ("positions", "positions_any_stance"):
        assert (s[name]["precision"], s[name]["recall"], s[name]["f1"]) == (1.0, 1.0, 1.0)
    assert s["stance_accuracy"]["accuracy"] == 1.0 and s["stance_accuracy"]["pairs"] == 3
    assert s["theme_accuracy"]["accuracy"] == 1.0
    assert s["source_accuracy"]["accuracy"] == 1.0
    assert (s["stakeholders"]["precision"], s["stakeholders"]["recall"]) == (1.0, 1.0)
    assert (s["themes"]["precision"], s["themes"]["recall"]) == (1.0, 1.0)
    # one extracted source ("workshops") matches gold "ws"; "lit" (required) is missed: P 1/1, R 1/2
    assert (s["sources"]["precision"], s["sources"]["recall"]) == (1.0, 0.5)
    assert result["missed_positions"] == []


def test_wrong_stance_lowers_stance_accuracy_and_strict_scores(toy_gold):
    rows = list(PERFECT)
    rows[1] = ("Unions", "support", *rows[1][2:])
    s = scorer.score_bundle(_bundle(rows), toy_gold, TEXT)["scores"]
    # with stance: 2 of 3 extracted match, 2 of 3 gold found -> P = R = F1 = 2/3
    assert s["positions"]["tp"] == 2
    assert s["positions"]["precision"] == round(2 / 3, 4) and s["positions"]["recall"] == round(2 / 3, 4)
    # without stance all three still pair up; 2 of the 3 pairs agree on stance
    assert s["positions_any_stance"]["f1"] == 1.0
    assert s["stance_accuracy"] == {"accuracy": round(2 / 3, 4), "agree": 2, "pairs": 3}


def test_unmatched_extra_position_lowers_precision_only(toy_gold):
    rows = [*PERFECT, ("Care providers", "support", "longer opening hours", [], 100, 141)]
    result = scorer.score_bundle(_bundle(rows), toy_gold, TEXT)
    s = result["scores"]["positions"]
    # the extra one overlaps the respite span but its holder (providers) is not the gold holder (carers)
    # P = 3/4, R = 3/3, F1 = 2 * 0.75 * 1 / 1.75 = 0.857142...
    assert (s["tp"], s["predicted"], s["expected"]) == (3, 4, 3)
    assert (s["precision"], s["recall"], s["f1"]) == (0.75, 1.0, 0.8571)
    assert [u["claim"] for u in result["unmatched_extracted"]] == ["longer opening hours"]


def test_missing_position_lowers_recall(toy_gold):
    s = scorer.score_bundle(_bundle(PERFECT[:2]), toy_gold, TEXT)["scores"]["positions"]
    # P = 2/2, R = 2/3, F1 = 2 * 1 * (2/3) / (5/3) = 0.8
    assert (s["precision"], s["recall"], s["f1"]) == (1.0, 0.6667, 0.8)


def test_optional_gold_is_neither_a_hit_nor_a_miss(toy_gold):
    rows = [*PERFECT, ("Councils", "neutral", "budgets", ["Funding"], 142, 177)]
    result = scorer.score_bundle(_bundle(rows), toy_gold, TEXT)
    s = result["scores"]
    # 4 extracted, 1 matches optional gold -> precision over 3, recall over the 3 required
    assert (s["positions"]["tp"], s["positions"]["predicted"], s["positions"]["expected"]) == (3, 3, 3)
    # the councils stakeholder and the Funding theme match optional gold only: not counted as predicted
    assert s["stakeholders"]["predicted"] == 3 and s["themes"]["predicted"] == 3


def test_one_broad_passage_claims_one_gold_position_only(toy_gold):
    rows = [("Unions", "oppose", "everything at once", [], 0, 141)]
    s = scorer.score_bundle(_bundle(rows), toy_gold, TEXT)["scores"]["positions"]
    # the span overlaps all three gold spans fully (100% of the shorter), but the holder fits "register" only
    assert (s["tp"], s["precision"], s["recall"]) == (1, 1.0, 0.3333)
    rows = [("Unions", "oppose", "everything at once", [], 0, 141), ("Unions", "oppose", "other", [], 0, 141)]
    s = scorer.score_bundle(_bundle(rows), toy_gold, TEXT)["scores"]["positions"]
    # two extracted positions, one gold position for unions: one-to-one -> tp 1, P 1/2
    assert (s["tp"], s["precision"]) == (1, 0.5)


def test_claim_keywords_match_without_a_passage_overlap(toy_gold):
    # evidence elsewhere in the text (the councils sentence), but the claim names the register: keyword match
    rows = [("Trade unions", "oppose", "Registration of care workers", [], 142, 177)]
    s = scorer.score_bundle(_bundle(rows), toy_gold, TEXT)["scores"]["positions"]
    assert s["tp"] == 1
    # neither keywords nor overlap: no match
    rows = [("Trade unions", "oppose", "longer breaks", [], 142, 177)]
    assert scorer.score_bundle(_bundle(rows), toy_gold, TEXT)["scores"]["positions"]["tp"] == 0


def test_passages_without_offsets_are_located_by_quote(toy_gold):
    rows = [("Unions", "oppose", "unrelated words", [], None, None, "a compulsory register of care workers")]
    assert scorer.score_bundle(_bundle(rows), toy_gold, TEXT)["scores"]["positions"]["tp"] == 1


def test_partial_gold_counts_only_positions_inside_its_regions(tmp_path):
    data = dict(GOLD_YAML, complete=False, regions=[[0, 99]])
    data["positions"] = GOLD_YAML["positions"][:2]
    path = tmp_path / "partial.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    gold = scorer.read_gold(path)
    rows = [*PERFECT, ("Councils", "support", "more buses", [], 142, 177)]
    s = scorer.score_bundle(_bundle(rows), gold, TEXT)["scores"]["positions"]
    # carers (100..141) and councils (142..177) lie outside the coded region: 2 counted, both right
    assert (s["tp"], s["predicted"], s["expected"]) == (2, 2, 2)


@pytest.mark.parametrize(("name", "expected"), [
    ("Some care providers", {"providers"}),
    ("provider representatives", {"providers"}),
    ("A wide range of unions", {"unions"}),
    ("carers' groups", {"carers"}),
    ("Councils and unions", {"councils", "unions"}),
    ("charities", set()),
])
def test_stakeholder_alias_matching(toy_gold, name, expected):
    assert scorer.gold_stakeholders_of([name], toy_gold) == expected


def test_member_of_group_is_tried_when_the_label_fits_nothing(toy_gold):
    doc = new_document("toy.txt", text=TEXT)
    group = new_stakeholder("trade unions")
    member = new_stakeholder("GMB", member_of=[group.id])
    claim = new_claim("no register")
    b = Bundle()
    b.add(doc, group, member, claim, new_position(member, claim, "oppose", document=doc.id,
                                                   evidence=[Passage(doc.id, TEXT[47:99], 47, 99)]))
    assert scorer.score_bundle(b, toy_gold, TEXT)["scores"]["positions"]["tp"] == 1


def test_tension_clusters_are_found_by_claims_on_both_sides(tmp_path):
    data = dict(GOLD_YAML, tensions=[{"key": "reg", "support": ["pay"], "oppose": ["register"], "bridges": ["respite"]}])
    path = tmp_path / "t.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    gold = scorer.read_gold(path)
    found = [{"claims": [{"text": "higher pay"}, {"text": "a register"}], "bridges": [{"text": "respite care"}]}]
    assert scorer.score_tensions({"tensions": found}, gold) == {
        "clusters": [{"key": "reg", "minor": False, "found": True, "bridge_found": True}], "recall": 1.0}
    one_side = [{"claims": [{"text": "higher pay"}], "bridges": []}]
    assert scorer.score_tensions(one_side, gold)["recall"] == 0.0


def test_a_tension_claim_stands_for_the_gold_position_found_on_it(tmp_path):
    """"Will vote against the motion" is found on the motion, whose text shares none of its keywords."""
    data = dict(GOLD_YAML, tensions=[{"key": "reg", "support": ["pay"], "oppose": ["register"]}])
    path = tmp_path / "t.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    gold = scorer.read_gold(path)
    found = [{"claims": [{"id": "c1", "text": "higher pay"}, {"id": "c2", "text": "This House notes the motion"}]}]
    assert scorer.score_tensions(found, gold)["recall"] == 0.0
    assert scorer.score_tensions(found, gold, {"register": "c2"})["recall"] == 1.0
    assert scorer.score_tensions(found, gold, {"register": "c9"})["recall"] == 0.0


def test_a_stance_on_the_part_a_tension_is_about_stands_for_its_side_the_right_way_round(tmp_path):
    """A tension on "Section 4: ..." is found where one holder is for Section 4 and another against it, each stance
    resting on a passage coded for its side; a part held the wrong way round stands for nothing."""
    data = dict(GOLD_YAML, tensions=[{"key": "reg", "label": "Section 4: a register of care workers",
                                      "support": ["pay"], "oppose": ["register"]}])
    path = tmp_path / "t.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    gold = scorer.read_gold(path)
    found = [{"claims": [{"id": "c4", "text": "Section 4 of the Care Bill"}]}]
    assert scorer.score_tensions(found, gold)["recall"] == 0.0
    right = {"pay": [("c4", "section 4", "support")], "register": [("c4", "section 4", "oppose")]}
    assert scorer.score_tensions(found, gold, parts=right)["recall"] == 1.0
    backwards = {"pay": [("c4", "section 4", "oppose")], "register": [("c4", "section 4", "support")]}
    assert scorer.score_tensions(found, gold, parts=backwards)["recall"] == 0.0
    other_part = {"pay": [("c4", "section 5", "support")], "register": [("c4", "section 5", "oppose")]}
    assert scorer.score_tensions(found, gold, parts=other_part)["recall"] == 0.0
    assert scorer.part_of("Section 4 of the Care Bill") == scorer.part_of("section 4: a register") == "section 4"
    assert scorer.part_of("Clause 20 of Bill C-61, which would raise the levy", named=True) == "clause 20"
    assert scorer.part_of("Clause 20 be replaced by an actuarial review", named=True) is None


def test_scorer_doctests():
    assert doctest.testmod(scorer).failed == 0


# ---------------------------------------------------------------- the gold files themselves


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_file_is_valid_and_holds_no_report_text(gold_path):
    gold = scorer.read_gold(gold_path)
    doc = gold_document(gold)
    data = doc.read_bytes()
    assert hashlib.sha256(data).hexdigest() == gold.sha256, "the corpus file changed: re-check the offsets"
    text = scorer.document_text(gold, CORPUS)
    assert len(text) == gold.characters
    for g in gold.positions:
        assert g.end <= len(text) and text[g.start:g.end].strip(), g.key
        assert text[g.start] not in " \n" and text[g.end - 1] not in " \n", f"{g.key}: span not trimmed"
    if doc.parent == scorer.EXAMPLES_DIR:
        return  # our own fictional document: its text is ours to quote
    # own words only (the corpus is third-party text): no claim, keyword or tension label shares a run of 7 words
    # with the document; names (stakeholder and source labels, aliases) may be the document's own, but are short
    flat_doc = " " + " ".join(re.findall(r"[a-z0-9']+", text.casefold())) + " "
    raw = gold_path.read_text(encoding="utf-8")
    data = yaml.safe_load(raw)
    prose = [p["claim"] for p in data["positions"]] + [" ".join(p["keywords"]) for p in data["positions"]]
    prose += [t.get("label", "") for t in data.get("tensions", [])]
    for s in prose:
        words = re.findall(r"[a-z0-9']+", s.casefold())
        for i in range(len(words) - 6):
            run = " ".join(words[i:i + 7])
            assert f" {run} " not in flat_doc, f"{gold_path.name}: copies {run!r}"
    names = [n for s in data["stakeholders"] for n in [s["label"], *s.get("aliases", [])]]
    names += [n for s in data["sources"] for n in [s["label"], *s.get("match", [])]]
    assert all(len(n.split()) <= 8 for n in names), [n for n in names if len(n.split()) > 8]


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_a_sheet_made_from_the_gold_scores_perfectly(gold_path, tmp_path):
    """The CSV path end to end: write the gold as a coding sheet, load it with load_path, score it."""
    gold = scorer.read_gold(gold_path)
    doc = gold_document(gold)
    text = scorer.document_text(gold, CORPUS)
    labels = {s.key: s.label for s in gold.stakeholders}
    sources = {s.key: s for s in gold.sources}
    sheet = tmp_path / "sheet.csv"
    with sheet.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["document", "source", "method", "stakeholder", "stance", "claim", "themes", "quote", "start", "end"])
        for g in gold.positions:
            src = sources.get(g.source)
            w.writerow([str(doc), src.label if src else "", src.method if src else "", labels[g.stakeholder], g.stance,
                        g.claim, ";".join(g.themes), text[g.start:g.end], g.start, g.end])
    result = scorer.score_bundle(load_path(sheet), gold, text)
    s = result["scores"]
    assert s["positions"]["recall"] == 1.0 and s["positions"]["precision"] == 1.0, result["missed_positions"]
    assert s["stance_accuracy"]["accuracy"] == 1.0
    assert s["stakeholders"]["recall"] == 1.0 and s["themes"]["recall"] == 1.0
    assert s["source_accuracy"]["accuracy"] == 1.0 or s["source_accuracy"]["pairs"] == 0


def test_cli_scores_a_sheet_and_writes_json(tmp_path):
    gold_path = HERE / "gold" / "social-care-workforce.yaml"
    gold = scorer.read_gold(gold_path)
    doc = need_shared(CORPUS / gold.document)
    text = scorer.document_text(gold, CORPUS)
    g = gold.positions[0]
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("document,stakeholder,stance,claim,quote,start,end\n"
                     f"{doc},stakeholders,support,{g.claim},\"{text[g.start:g.end]}\",{g.start},{g.end}\n", encoding="utf-8")
    out = tmp_path / "quality.json"
    assert scorer.main(["--input", str(sheet), "--json", str(out)]) == 0
    result = json.loads(out.read_text())["results"]
    assert [r["gold"] for r in result] == ["social-care-workforce.yaml"]
    s = result[0]["scores"]["positions"]
    required = gold.sizes()["positions"]
    assert (s["tp"], s["predicted"], s["expected"]) == (1, 1, required)


# ---------------------------------------------------------------- the real extractor, held to floors

#: floors per gold file, just under what the extractor measures (benchmarks/score_extraction.py writes the table
#: to benchmarks/results/extraction-history.md); raise them as the extractor improves, never lower them quietly.
#: 2026-12-06: the hearing and the committee report were re-coded in full (they were slices before), and five
#: fictional development documents of other genres joined, so every floor was set again from this day's numbers.
FLOORS = {
    # written and coded by coders who never saw the extractor; floors at their first-sight scores (2026-12-06)
    "heldout-bill-committee-sitting": {"positions_recall": 0.38, "positions_precision": 0.85, "stance_accuracy": 0.88},
    "heldout-committee-report": {"positions_recall": 0.68, "positions_precision": 0.87, "stance_accuracy": 0.9},
    "heldout-engagement-report": {"positions_recall": 0.55, "positions_precision": 0.85, "stance_accuracy": 0.9},
    "heldout-inquiry-hearing": {"positions_recall": 0.4, "positions_precision": 0.72, "stance_accuracy": 0.83},
    # two more held out (2026-12-07), floors at their first-sight scores (code 47c5ddd): a regulator's summary of
    # responses and decision 0.55 / 0.43, 6/7; a Senedd plenary debate 0.54 / 0.26, 2/6 (0.88 / 0.59, 5/6 after the
    # sixth session read the Record's layout, its misses still unread)
    # four more written and coded the same way (2026-12-07, sixth session), first sight at 6750883 (precision / recall,
    # tensions): a second Senedd plenary debate 0.30 / 0.18, 3/9; a US Senate committee hearing (GPO layout) 0.04 /
    # 0.16, 6/10; an Oireachtas joint committee meeting 0.59 / 0.30, 3/8; a Commission-style factual summary of a
    # public consultation 0.92 / 0.43, 5/9
    # ... then development documents: Senedd 0.91 / 0.67 when bare-name turns, tabled motions and the Senedd's
    # decisions were read; US hearing 0.85 / 0.76 with the GPO's tags, statement headings and letters; Oireachtas
    # 0.87 / 0.64 with witnesses' bodies in brackets; summary 0.93 / 0.48 with every organisation a sentence lists
    "senedd-plenary-debate": {"positions_recall": 0.63, "positions_precision": 0.86, "stance_accuracy": 0.86},
    "us-senate-committee-hearing": {"positions_recall": 0.72, "positions_precision": 0.8, "stance_accuracy": 0.92},
    "oireachtas-committee-debate": {"positions_recall": 0.6, "positions_precision": 0.82, "stance_accuracy": 0.93},
    "eu-consultation-factual-summary": {"positions_recall": 0.45, "positions_precision": 0.88, "stance_accuracy": 0.9},
    # three more held out from the start (2026-12-07, sixth session; misses never read). First sight at bb360cf, before
    # that session's work on congressional, Senedd and committee-meeting layouts: a Canadian Commons committee's
    # Evidence 0.05 / 0.02, 1/7; a Dail private members' motion 0.56 / 0.26, 4/7; a US House subcommittee hearing
    # 0.19 / 0.38, 5/8. Floors just under their scores at the session's end (0.91 / 0.52; 0.79 / 0.65; 0.76 / 0.45)
    # (eighth session: read as a sitting since its members' inline tags give seat and party, recall 0.55 -> 0.72 and
    # precision 0.91 -> 0.85; the floors follow: recall up, precision down)
    "heldout-canada-committee-evidence": {"positions_recall": 0.68, "positions_precision": 0.82, "stance_accuracy": 0.95},
    "heldout-dail-debate": {"positions_recall": 0.6, "positions_precision": 0.74, "stance_accuracy": 0.92},
    "heldout-us-house-hearing": {"positions_recall": 0.42, "positions_precision": 0.71, "stance_accuracy": 0.93},
    # three more held out from the start, scored once at first sight at the sixth session's final code (64b18b4; misses
    # never read): a Holyrood committee's Official Report of evidence 0.83 / 0.40, 2/7; a Northern Ireland Assembly
    # debate 0.82 / 0.48, 4/7; a US state legislature committee hearing 0.85 / 0.28, 3/7. Floors at those scores
    "heldout-holyrood-committee-evidence": {"positions_recall": 0.37, "positions_precision": 0.78, "stance_accuracy": 0.9},
    "heldout-ni-assembly-debate": {"positions_recall": 0.45, "positions_precision": 0.77, "stance_accuracy": 0.9},
    # ... then, after development on a second state hearing (never on this one), rescored once: 0.74 / 0.50, 3/7
    # (precision -0.11, recall +0.22: a state legislature's APPEARANCES, "REP." tags and committee motion are read)
    "heldout-state-legislature-hearing": {"positions_recall": 0.47, "positions_precision": 0.7, "stance_accuracy": 0.88},
    # a development state house committee hearing (written and coded the same way, 2026-12-07): first sight at 8fadfcb
    # 0.83 / 0.30, 1/6; 0.87 / 0.55, 2/6 with the APPEARANCES list, "REP." tags, and the committee's motion and result
    "state-house-committee-hearing": {"positions_recall": 0.6, "positions_precision": 0.85, "stance_accuracy": 0.94},
    # three more written and coded the same way (2026-12-07, seventh session), then development documents: first sight
    # at d7a9f93 (precision / recall, tensions) a Holyrood committee's evidence session 0.66 / 0.39, 4/8; a Canadian
    # committee's Evidence 1.00 / 0.04, 0/8 (its tags stand on lines of their own); an NI Assembly motion debate
    # 0.89 / 0.38, 1/8. Floors just under their scores once witnesses' "Name (Body):" tags and own-line tags were read
    "holyrood-committee-evidence-session": {"positions_recall": 0.49, "positions_precision": 0.8, "stance_accuracy": 0.9},
    "canada-standing-committee-meeting": {"positions_recall": 0.47, "positions_precision": 0.84, "stance_accuracy": 0.83},
    "ni-assembly-motion-debate": {"positions_recall": 0.35, "positions_precision": 0.85, "stance_accuracy": 0.86},
    # and NHS board minutes, written after the rule that minutes' reported speech runs on past its verb (developed on the
    # council minutes): 0.73 / 0.39, 1/7 at first sight (d7a9f93); 0.74 / 0.44 with that rule, before its misses were read
    "board-meeting-minutes": {"positions_recall": 0.41, "positions_precision": 0.7, "stance_accuracy": 0.85},
    # two more written and coded the same way (eighth session, 2026-12-07): first sight at a3c02aa a Canadian committee's
    # Evidence on a study, no bill (nothing at all: its witness list's headings swallowed the transcript), an Australian
    # Senate committee hearing 0.65 / 0.25, 0/8 (its "SURNAME, Mr Given, Role, Body" witness entries unread)
    "canada-committee-study-evidence": {"positions_recall": 0.7, "positions_precision": 0.86, "stance_accuracy": 0.94},
    "australian-senate-committee-hearing": {"positions_recall": 0.56, "positions_precision": 0.75, "stance_accuracy": 0.93},
    # held out from the start (eighth session): a New Zealand select committee hearing of submissions on a bill, scored
    # once at first sight at 03b76d7 (0.59 / 0.47, 0/7); floors at that score
    "heldout-nz-select-committee-hearing": {"positions_recall": 0.45, "positions_precision": 0.56, "stance_accuracy": 0.94},
    # and an Australian Senate committee report (first sight at 287725e 0.79 / 0.35, 7/8; its dissenting report and the
    # Greens' additional comments were the committee's until such headings opened their authors' sections)
    # (thirteenth session: a minority's report argues, recall 0.43 -> 0.49; the floor follows)
    "australian-senate-committee-report": {"positions_recall": 0.45, "positions_precision": 0.85, "stance_accuracy": 0.87},
    # two more written and coded the same way (ninth session, 2026-12-07): first sight at 8d03a7a a Commons Public Bill
    # Committee's oral evidence 0.30 / 0.12, 1/8 (tags on lines of their own, the witness list under its heading
    # unread), Ontario committee public hearings 0.73 / 0.21, 1/7 (each presenter's body a heading in capitals)
    "commons-bill-committee-oral-evidence": {"positions_recall": 0.48, "positions_precision": 0.72, "stance_accuracy": 0.85},
    "ontario-committee-public-hearings": {"positions_recall": 0.54, "positions_precision": 0.78, "stance_accuracy": 0.9},
    # and a New Zealand select committee hearing of oral submissions (first sight at cfec539 0.82 / 0.53, 2/8: its
    # submitters, listed by body with the witness in brackets, were read as persons)
    # 0.78 / 0.66 -> 0.82 / 0.68 (twelfth session): members' party tags ("Name (ACT):") open their own turns, the
    # Chairperson's housekeeping holds nothing
    "nz-select-committee-submissions": {"positions_recall": 0.65, "positions_precision": 0.79, "stance_accuracy": 0.9},
    # and a British Columbia committee's public hearings (first sight at 8333eeb 0.07 / 0.03, 1/8: "G. Feddersen:" tags,
    # the one-line "Present:" and "Witnesses: Name (Role, Body); ..." lists unread)
    "bc-committee-hearings": {"positions_recall": 0.57, "positions_precision": 0.82, "stance_accuracy": 0.9},
    # and an Alberta committee's public hearings (first sight at 224d1ba 0.80 / 0.35, 1/7: the presenters listed one
    # a line with no blank line between them, "Bill 31, Water Licence Transfer and Allocation Act" unread)
    "alberta-committee-hearings": {"positions_recall": 0.55, "positions_precision": 0.76, "stance_accuracy": 0.86},
    # held out from the start (ninth session): a Commons Public Bill Committee's oral evidence and an Alberta committee's
    # public hearings, scored once at first sight at 7b69389 (0.84 / 0.62, 3/8; 0.87 / 0.28, 3/6); floors at that score
    "heldout-commons-bill-committee-evidence": {"positions_recall": 0.58, "positions_precision": 0.8, "stance_accuracy": 0.92},
    "heldout-provincial-committee-hearings": {"positions_recall": 0.36, "positions_precision": 0.8, "stance_accuracy": 0.88},
    # held out from the start (tenth session): a Senate of Canada committee's proceedings on a bill (first sight at d13c94b
    # 0.48 / 0.26, 4/8; its layout, as the prompt that had it written gives it, then read from two fictional sittings of
    # the tests' own: 0.80 / 0.49) and an Oireachtas joint committee's pre-legislative scrutiny (first sight at e6b5b88
    # 0.94 / 0.36, 5/8); floors below today's score
    "heldout-senate-canada-committee-proceedings": {"positions_recall": 0.44, "positions_precision": 0.72, "stance_accuracy": 0.9},
    # (thirteenth session: one party table, 0.88 / 0.60 -> 0.95 / 0.65 unread; the floors follow)
    "heldout-oireachtas-joint-committee-scrutiny": {"positions_recall": 0.58, "positions_precision": 0.9, "stance_accuracy": 0.93},
    # and a Canadian Commons committee's report on a study, PDF layout (first sight at bedaadb 0.74 / 0.40, 5/6)
    "heldout-canada-committee-report": {"positions_recall": 0.36, "positions_precision": 0.68, "stance_accuracy": 0.92},
    # held out from the start (eleventh session): a Canadian Commons second-reading debate (first sight at 97837d2
    # 0.75 / 0.33, 3/7; its layout, as the prompt that had it written gives it, then read from a fictional sitting of the
    # tests' own: 0.80 / 0.34), a Lords select committee's oral evidence (0.89 / 0.47, 3/8) and a Senedd committee's
    # Stage 1 report in PDF layout (0.91 / 0.58, 6/8); floors below today's score
    "heldout-canada-commons-debate": {"positions_recall": 0.29, "positions_precision": 0.7, "stance_accuracy": 0.83},
    # and a development document of the same genre, written after it (first sight at 1c44802 0.93 / 0.49, 3/8)
    "canada-commons-debate": {"positions_recall": 0.44, "positions_precision": 0.88, "stance_accuracy": 0.88},
    "heldout-lords-committee-evidence": {"positions_recall": 0.42, "positions_precision": 0.84, "stance_accuracy": 0.86},
    "heldout-senedd-committee-report": {"positions_recall": 0.53, "positions_precision": 0.86, "stance_accuracy": 0.9},
    "heldout-regulator-responses": {"positions_recall": 0.4, "positions_precision": 0.5, "stance_accuracy": 0.9},
    "heldout-senedd-debate": {"positions_recall": 0.55, "positions_precision": 0.83, "stance_accuracy": 0.9},
    # written and coded the same way (2026-12-06, later), then development documents: at first sight 0.24 / 0.14 and
    # 0.09 / 0.06 (precision / recall), when the questions' "Q12 Name:" and "Q." / "A." turns were not read
    "oral-evidence-session": {"positions_recall": 0.76, "positions_precision": 0.86, "stakeholders_recall": 0.85,
                              "stance_accuracy": 0.9},
    # witness day stance 0.98 -> 0.94 when a witness's "I don't accept that." became a stance on the proposition the
    # question put (the gold codes the reasons that follow, with their own stance, on the same span)
    "inquiry-witness-day": {"positions_recall": 0.8, "positions_precision": 0.86, "stance_accuracy": 0.92},
    # 2026-12-07: recall 0.53 -> 0.84 and 0.51 -> 0.81 when a witness's statements of fact became positions
    # four more written and coded the same way (2026-12-07), then development documents; floors at their first-sight
    # scores (precision / recall, tensions): Lords second reading 0.80 / 0.34, 1/8; Westminster Hall petition debate
    # 0.80 / 0.50, 2/8; government consultation response 0.84 / 0.41, 3/8; Holyrood Stage 1 report 0.96 / 0.61, 5/8
    "lords-second-reading": {"positions_recall": 0.32, "positions_precision": 0.76, "stance_accuracy": 0.84},
    "westminster-hall-petition-debate": {"positions_recall": 0.47, "positions_precision": 0.76, "stance_accuracy": 0.94},
    "government-consultation-response": {"positions_recall": 0.38, "positions_precision": 0.8, "stance_accuracy": 0.8},
    "holyrood-stage1-report": {"positions_recall": 0.58, "positions_precision": 0.92, "stance_accuracy": 0.94},
    # four more (2026-12-07, later), first sight at code a4f40f0 (precision / recall, tensions): Commons Second Reading
    # 0.90 / 0.43, 2/9; workshop notes in Markdown 0.65 / 0.11, 4/7, one cluster reversed; written evidence submissions
    # 0.25 / 0.10, 5/8; Holyrood chamber debate (Official Report layout) 0.35 / 0.14, 3/8
    "commons-second-reading": {"positions_recall": 0.62, "positions_precision": 0.88, "stance_accuracy": 0.87},
    # workshop notes 0.65 / 0.11 (one cluster reversed) -> 0.79 / 0.53, 5/7, none reversed when a late "Summary" stopped
    # hiding the body, each table's notes became its group's and a note's "Carers: ..." its named holder's
    "stakeholder-workshop-notes": {"positions_recall": 0.5, "positions_precision": 0.74, "stance_accuracy": 0.9},
    # written evidence 0.25 / 0.10 -> 0.89 / 0.75 when "Written evidence submitted by X (ABC0012)" opened X's section
    # (sub-headings and all) and the submitter's statements became theirs
    "written-evidence-submissions": {"positions_recall": 0.7, "positions_precision": 0.84, "stance_accuracy": 0.85},
    # chamber debate 0.35 / 0.14 -> 0.85 / 0.53, 5/8 when its inline speaker tags, motions and amendments were read
    # three more written and coded the same way, first sight at 3dae127 (precision / recall, tensions): an interview
    # study report 0.67 / 0.37, 2/7; council committee minutes 0.69 / 0.30, 2/8; written closing submissions to an
    # inquiry 0.39 / 0.11, 1/8
    "interview-study-report": {"positions_recall": 0.35, "positions_precision": 0.62, "stance_accuracy": 0.9},
    # minutes 0.69 / 0.30 -> 0.82 / 0.44 when motions, resolutions and speakers for or against the item were read
    "council-committee-minutes": {"positions_recall": 0.41, "positions_precision": 0.78, "stance_accuracy": 0.9},
    # closing submissions 0.39 / 0.11 -> 0.76 / 0.61 when a title "CLOSING SUBMISSIONS ON BEHALF OF X" held to the next
    "inquiry-closing-submissions": {"positions_recall": 0.57, "positions_precision": 0.72, "stance_accuracy": 0.9},
    "holyrood-chamber-debate": {"positions_recall": 0.5, "positions_precision": 0.8, "stance_accuracy": 0.85},
    # two more written and coded the same way, then development documents; floors at their first-sight scores:
    # 0.71 / 0.43 and 0.65 / 0.39 (precision / recall)
    # preliminary hearing 0.71 / 0.43 -> 0.90 / 0.54 when a submission heading naming many clients became a heading;
    # stance 0.97 -> 0.93 (more of its passages paired)
    "preliminary-hearing-submissions": {"positions_recall": 0.52, "positions_precision": 0.88, "stance_accuracy": 0.9},
    # consultation report recall 0.39 -> 0.36, precision 0.65 -> 0.71: with several proposals a section is about one only
    # when its heading names it (the written responses section had taken the last one matched, and sides were wrong)
    "consultation-what-we-heard": {"positions_recall": 0.34, "positions_precision": 0.69, "stance_accuracy": 0.84},
    "social-care-workforce": {"positions_recall": 0.74, "positions_precision": 0.94, "stakeholders_recall": 0.9,
                              "themes_recall": 0.88, "stance_accuracy": 0.96},
    "hc-st-responsible-use-of-data": {"positions_recall": 0.63, "positions_precision": 0.71, "stance_accuracy": 0.89},
    # stakeholder recall 1.0 -> 0.947 when the chair's turns stopped holding positions (the gold codes one ruling)
    "covid-inquiry-module6-preliminary-hearing": {"positions_recall": 0.73, "positions_precision": 0.8,
                                                  "stakeholders_recall": 0.94, "stance_accuracy": 0.91},
    # debates: recall 0.57 -> 0.62 and 0.50 -> 0.56, precision 0.81 -> 0.77 and 0.75 -> 0.70, stance 0.89 -> 0.86 and
    # 0.80 -> 0.77 when a member's uncued criticisms became their positions (F1 up on both)
    # 2026-12-07: recall 0.72 -> 0.77 and 0.63 -> 0.69, precision 0.82 -> 0.69 and 0.77 -> 0.67 when every uncued
    # argument of a member became theirs (F1 down 0.04 and 0.01 on these two golds, which code fewer of a member's
    # arguments; up 0.05 to 0.09 on the bill sitting, the Lords, Westminster Hall and the Second Reading)
    # (stance 0.86 -> 0.83, seventh session: a figure a member cites became a position; the Minister's "estimate of £3
    # for every £1 is right" now pairs with a gold reason on the next sentence that it does not state, coded oppose)
    "hansard-committee-sitting": {"positions_recall": 0.74, "positions_precision": 0.65, "stakeholders_recall": 0.9,
                                  "stance_accuracy": 0.82},
    # (stance 0.75 -> 0.746, 2026-12-07: "I will vote against the motion" no longer also votes against the amendment
    # in hand, which its gold paired with that sentence)
    "hansard-commons-debate": {"positions_recall": 0.65, "positions_precision": 0.63, "stakeholders_recall": 0.9,
                               "stance_accuracy": 0.74},
    "inquiry-opening-statements": {"positions_recall": 0.62, "positions_precision": 0.49, "stakeholders_recall": 0.95,
                                   "stance_accuracy": 0.86},
    # stance accuracy 0.79 -> 0.72 when positions on the proposals joined (recall 0.21 -> 0.30): a concern now yields
    # two positions on one passage (support the concern, oppose the proposal) and the stance-blind pairing can take
    # the first, which the gold codes as the second
    "public-engagement-report": {"positions_recall": 0.58, "positions_precision": 0.53, "stance_accuracy": 0.7},
    # recall 0.61 -> 0.66, stance 0.78 -> 0.76 with acronyms and responses ("Larkspur disputed this", "the ROA agreed")
    # precision 0.74 -> 0.71, stance 0.76 -> 0.745 with coordinated reports: the Minister "did not accept that the Pledge
    # had failed" is now read, as opposing "the Pledge had failed", which the gold codes as support for "the Pledge has
    # not failed" (the scorer does not equate the two), and "I want the EPR fees to bite", which the gold leaves out
    "select-committee-report": {"positions_recall": 0.63, "positions_precision": 0.7, "stakeholders_recall": 0.9,
                                "stance_accuracy": 0.73},
}


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_extractor_meets_the_floors(gold_path):
    gold = scorer.read_gold(gold_path)
    doc = gold_document(gold)
    bundle = load_path(doc)
    text = scorer.document_text(gold, CORPUS)
    s = scorer.score_bundle(bundle, gold, text)["scores"]
    floors = FLOORS[gold_path.stem]
    measured = {"positions_recall": s["positions"]["recall"], "positions_precision": s["positions"]["precision"],
                "stakeholders_recall": s["stakeholders"]["recall"], "themes_recall": s["themes"]["recall"],
                "stance_accuracy": s["stance_accuracy"]["accuracy"]}
    low = {k: (measured[k], v) for k, v in floors.items() if (measured[k] or 0.0) < v}
    assert not low, f"below the floor (measured, floor): {low}"


def test_a_holder_s_stance_from_their_passage_stands_for_their_side_relative_to_a_position_found_there(tmp_path):
    """The insurers' "an allowance for everyone would pay households twice", coded as the statement it makes, is also
    their stance against the allowance the municipalities propose: on the side against it, relative to the
    municipalities' support found on that claim; the same stance as theirs, or no position found there, stands for
    nothing."""
    data = dict(GOLD_YAML, tensions=[{"key": "reg", "support": ["pay"], "oppose": ["register"]}])
    path = tmp_path / "t.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    gold = scorer.read_gold(path)
    found = [{"claims": [{"id": "c1", "text": "An allowance paid to households"}]}]
    against = {"pay": [("c1", "support")], "register": [("c1", "oppose"), ("c7", "support")]}
    assert scorer.score_tensions(found, gold, {"pay": "c1"})["recall"] == 0.0
    assert scorer.score_tensions(found, gold, {"pay": "c1"}, held=against)["recall"] == 1.0
    alike = {"pay": [("c1", "support")], "register": [("c1", "support")]}
    assert scorer.score_tensions(found, gold, {"pay": "c1"}, held=alike)["recall"] == 0.0
    assert scorer.score_tensions(found, gold, {}, held=against)["recall"] == 0.0
