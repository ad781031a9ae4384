"""The Pol.is loader against three real conversations (../shared/fixtures/polis, CC BY 4.0, read in place).

Expected counts come from the export itself, computed here independently of the loader with
the csv module: participants and comments from ``summary.csv`` (``voters``, ``comments``),
votes as the latest row per (voter, comment) of ``votes.csv``, cross-checked against the
non-blank cells of ``participants-votes.csv``. Research note polis.md section 1.2 lists the
same numbers (e.g. Seattle 2,872 unique pairs: 1,358 agree / 922 disagree / 592 pass).
"""

from __future__ import annotations

import csv
import math
import time
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

from stancegraph.graph.model.errors import MalformedSource
from stancegraph.graph.model.records import Bundle, Stance
from stancegraph.loaders import detect_loader, load_path
from stancegraph.loaders.formats import polis

CONVERSATIONS = ["15-per-hour-seattle", "scoop-hivemind.ubi", "bg2050-volunteers"]


@lru_cache(maxsize=None)
def _loaded(folder: Path) -> Bundle:
    return polis.load(folder)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _latest_votes(folder: Path) -> dict[tuple[str, str], str]:
    latest: dict[tuple[str, str], tuple[int, str]] = {}
    for row in _rows(folder / "votes.csv"):
        key = (row["voter-id"], row["comment-id"])
        ts = int(row["timestamp"])
        if key not in latest or ts >= latest[key][0]:
            latest[key] = (ts, row["vote"])
    return {k: v for k, (_, v) in latest.items()}


@pytest.fixture(params=CONVERSATIONS)
def folder(request, fixtures_dir: Path) -> Path:
    return fixtures_dir / "polis" / request.param


def test_counts_match_the_export(folder):
    b = _loaded(folder)
    summary = polis.read_summary(folder / "summary.csv")
    people = [s for s in b.stakeholders.values() if s.kind == "person"]
    groups = [s for s in b.stakeholders.values() if s.kind == "group"]
    voted = {p.claim for p in b.positions.values()}
    latest = _latest_votes(folder)
    matrix = _rows(folder / "participants-votes.csv")
    comment_columns = [c for c in matrix[0] if c.isdigit()]
    cells = sum(1 for row in matrix for c in comment_columns if row[c].strip())

    assert len(people) == int(summary["voters"])
    assert len(voted) == int(summary["comments"])
    assert len(groups) == int(summary["groups"])
    assert len(b.claims) == len(_rows(folder / "comments.csv"))
    assert len(b.positions) == len(latest) == cells
    want = Counter({"1": "support", "-1": "oppose", "0": "neutral"}[v] for v in latest.values())
    assert Counter(p.stance.value for p in b.positions.values()) == want


def test_group_membership_is_the_exported_group_id(folder):
    b = _loaded(folder)
    by_id = b.stakeholders
    sizes = Counter(dict(by_id[m].attributes)["polis-group-id"]
                    for s in by_id.values() if s.kind == "person" for m in s.member_of)
    exported = Counter(r["group-id"] for r in _rows(folder / "participants-votes.csv") if r["group-id"].strip())
    assert sizes == exported


def test_moderated_out_comments_are_flagged(folder):
    b = _loaded(folder)
    out = sum(1 for r in _rows(folder / "comments.csv") if r["moderated"].strip() == "-1")
    assert sum("moderated-out" in c.flags for c in b.claims.values()) == out
    assert out > 0


def test_every_vote_quotes_its_comment(folder):
    b = _loaded(folder)
    doc = next(iter(b.documents.values()))
    assert doc.kind == "dataset" and doc.uri and doc.uri.startswith("https://pol.is/")
    source = next(iter(b.sources.values()))
    assert source.method == "vote"
    for p in list(b.positions.values())[:500]:
        (passage,) = p.evidence
        assert doc.text[passage.start:passage.end] == passage.quote
        assert " ".join(passage.quote.split()) == b.claims[p.claim].text


def test_group_informed_consensus_reproduces_polis(fixtures_dir):
    """bg2050's comments.csv carries Pol.is's own GIC: prod over groups (A_g + 1) / (S_g + 2)."""
    folder = fixtures_dir / "polis" / "bg2050-volunteers"
    b = _loaded(folder)
    group_of = {s.id: s.member_of[0] for s in b.stakeholders.values() if s.kind == "person" and s.member_of}
    groups = sorted(set(group_of.values()))
    counts: dict[tuple[str, str], list[int]] = {}
    for p in b.positions.values():
        g = group_of.get(p.stakeholder)
        if g is None:
            continue
        agree_total = counts.setdefault((p.claim, g), [0, 0])
        agree_total[0] += p.stance is Stance.SUPPORT
        agree_total[1] += 1
    by_comment = {int(r["comment-id"]): float(r["group-informed-consensus"]) for r in _rows(folder / "comments.csv")}
    worst = 0.0
    for c in b.claims.values():
        cid = _comment_id(b, c.id)
        gic = math.prod((counts.get((c.id, g), [0, 0])[0] + 1) / (counts.get((c.id, g), [0, 0])[1] + 2) for g in groups)
        worst = max(worst, abs(gic - by_comment[cid]))
    assert worst < 1e-12


def _comment_id(b: Bundle, claim_id: str) -> int:
    """The Pol.is comment id of a claim: the ``[comment N]`` label before its passage in the document."""
    doc = next(iter(b.documents.values()))
    position = next(p for p in b.positions.values() if p.claim == claim_id)
    start = position.evidence[0].start
    line = doc.text[doc.text.rfind("\n", 0, start) + 1:start]
    return int(line.removeprefix("[comment ").rstrip("] "))


def test_largest_fixture_loads_quickly(fixtures_dir):
    folder = fixtures_dir / "polis" / "bg2050-volunteers"
    started = time.perf_counter()
    b = polis.load(folder)
    elapsed = time.perf_counter() - started
    assert len(b.positions) == 14283
    assert elapsed < 5.0  # measured about 0.5 s on 2 cores


def test_folder_is_detected(fixtures_dir):
    assert detect_loader(fixtures_dir / "polis" / "15-per-hour-seattle") is polis


# --------------------------------------------------------------------------- small exports built here

COMMENTS_OLD = (
    "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
    "1600000000000,x,0,0,1,0,1,Parks need more trees\n"
    "1600000100000,x,1,1,0,1,-1,\"Spam, spam\"\n"
    "1600000200000,x,2,1,1,0,1,Parks need more trees\n"
)
VOTES_OLD = (
    "timestamp,datetime,comment-id,voter-id,vote\n"
    "1600000300000,x,0,0,1\n"
    "1600000400000,x,0,1,-1\n"
    "1600000500000,x,0,1,1\n"  # re-vote: participant 1 now agrees with comment 0
    "1600000600000,x,1,1,0\n"
    "1600000700000,x,2,0,-1\n"
)
MATRIX = (
    "participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,2\n"
    "0,0,1,2,1,1,1,,-1\n"
    "1,,2,2,1,0,1,0,\n"
)
SUMMARY = "topic,Parks\nurl,https://pol.is/parks\nvoters,2\ncomments,3\ngroups,1\n"


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_latest_vote_wins_and_duplicate_texts_stay_apart(tmp_path):
    b = load_path(_write(tmp_path / "old", {"comments.csv": COMMENTS_OLD, "votes.csv": VOTES_OLD,
                                            "participants-votes.csv": MATRIX, "summary.csv": SUMMARY}))
    assert len(b.claims) == 3  # comments 0 and 2 have the same words but are two claims
    label = {s.id: s.label for s in b.stakeholders.values()}
    got = sorted((label[p.stakeholder], p.stance.value, p.date) for p in b.positions.values())
    assert got == [
        ("Pol.is participant 0 (parks)", "oppose", "2020-09-13T12:38:20Z"),
        ("Pol.is participant 0 (parks)", "support", "2020-09-13T12:31:40Z"),
        ("Pol.is participant 1 (parks)", "neutral", "2020-09-13T12:36:40Z"),
        ("Pol.is participant 1 (parks)", "support", "2020-09-13T12:35:00Z"),
    ]
    p0 = next(s for s in b.stakeholders.values() if s.label == "Pol.is participant 0 (parks)")
    assert [label[g] for g in p0.member_of] == ["Pol.is group 0 (parks)"]
    assert sorted(f for c in b.claims.values() for f in c.flags) == ["moderated-out"]


def test_newer_export_in_seconds_gives_the_same_graph(tmp_path):
    old = load_path(_write(tmp_path / "old", {"comments.csv": COMMENTS_OLD, "votes.csv": VOTES_OLD,
                                              "participants-votes.csv": MATRIX, "summary.csv": SUMMARY}))
    seconds = lambda text: "\n".join(  # noqa: E731 - drop the last three digits of every millisecond timestamp
        line[:10] + line[13:] if line[:1].isdigit() else line for line in text.splitlines()) + "\n"
    new = load_path(_write(tmp_path / "new", {
        "comments.csv": seconds(COMMENTS_OLD), "votes.csv": seconds(VOTES_OLD),
        "participant-votes.csv": MATRIX, "summary.csv": SUMMARY}))
    assert new == old


def test_matrix_alone_gives_the_latest_votes(tmp_path):
    b = load_path(_write(tmp_path / "m", {"comments.csv": COMMENTS_OLD, "participants-votes.csv": MATRIX,
                                          "summary.csv": SUMMARY}))
    assert sorted(p.stance.value for p in b.positions.values()) == ["neutral", "oppose", "support", "support"]
    assert all(p.date is None for p in b.positions.values())


def test_missing_column_is_named(tmp_path):
    folder = _write(tmp_path / "bad", {"comments.csv": COMMENTS_OLD.replace("comment-body", "body"),
                                       "votes.csv": VOTES_OLD})
    with pytest.raises(MalformedSource) as err:
        load_path(folder)
    assert str(err.value) == f"{folder / 'comments.csv'}:1 [comment-body]: missing column 'comment-body' " \
                             "(a Pol.is export has comment-id, comment-body)"


def test_bad_vote_names_its_line(tmp_path):
    folder = _write(tmp_path / "bad", {"comments.csv": COMMENTS_OLD, "votes.csv": VOTES_OLD.replace(",x,1,1,0", ",x,1,1,7")})
    with pytest.raises(MalformedSource, match=r"votes\.csv:5 \[vote\]: vote must be 1, -1 or 0, not 7"):
        load_path(folder)


def test_vote_on_unknown_comment_names_its_line(tmp_path):
    folder = _write(tmp_path / "bad", {"comments.csv": COMMENTS_OLD, "votes.csv": VOTES_OLD + "1600000800000,x,9,0,1\n"})
    with pytest.raises(MalformedSource, match=r"votes\.csv:7 \[comment-id\]: a vote on comment 9"):
        load_path(folder)


def test_folder_without_votes_is_refused(tmp_path):
    folder = _write(tmp_path / "half", {"comments.csv": COMMENTS_OLD})
    with pytest.raises(MalformedSource, match=r"half: not a Pol.is export: expected comments.csv and votes.csv"):
        polis.load(folder)
