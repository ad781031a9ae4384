"""`stancegraph extract`: the coding sheet with rule and confidence, and the review round trip through ingest."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import yaml

from stancegraph.api.cli.main import main
from stancegraph.graph.rdf.store import Store

DOC = """Library services review

Workshop findings

There was broad agreement that libraries need stable funding. Some participants doubted that stable funding would
ever materialise. Councils argued that opening hours should be cut.
"""


def run(args: list[str]) -> int:
    with pytest.raises(SystemExit) as info:
        main(args)
    return int(info.value.code or 0)


def read_sheet(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_extract_writes_a_sheet_that_ingest_reads_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    doc = docs / "libraries.txt"
    doc.write_text(DOC, encoding="utf-8")
    sheet = tmp_path / "review" / "sheet.csv"
    assert run(["extract", str(doc), "-o", str(sheet), "-q"]) == 0
    rows = read_sheet(sheet)
    assert {r["document"] for r in rows} == {"../docs/libraries.txt"}  # relative to the sheet, so ingest finds it
    assert all(r["rule"] and 0 < float(r["confidence"]) <= 1 for r in rows)
    found = {(r["stakeholder"], r["stance"], r["claim"]) for r in rows}
    assert ("Workshop participants", "support", "Libraries need stable funding") in found
    assert ("Some participants", "oppose", "Libraries need stable funding") in found
    assert ("Local authorities", "support", "Opening hours should be cut") in found
    for r in rows:
        assert DOC[int(r["start"]):int(r["end"])] == r["quote"]

    store = tmp_path / "store"
    assert run(["ingest", str(doc), "--store", str(store), "-q"]) == 0
    with Store(store) as st:
        assert st.stats()["positions"] == len(found)

    # the reviewer corrects the sheet: councils actually opposed the cut, and one row is deleted
    fixed = []
    for r in rows:
        if r["stakeholder"] == "Local authorities":
            r["stance"] = "oppose"
            r["coder"] = "reviewer"
        if r["stakeholder"] == "Some participants":
            continue
        fixed.append(r)
    with sheet.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(fixed)
    assert run(["ingest", str(sheet), "--store", str(store), "-q"]) == 0
    with Store(store) as st:
        b = st.bundle()
    assert len(b.documents) == 1  # the corrected sheet replaced the document's extraction
    got = {(b.stakeholders[p.stakeholder].label, p.stance.value, b.claims[p.claim].text) for p in b.positions.values()}
    assert got == {("Workshop participants", "support", "Libraries need stable funding"),
                   ("Local authorities", "oppose", "Opening hours should be cut")}


def test_extract_to_stdout_and_yaml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "libraries.md"
    doc.write_text(DOC, encoding="utf-8")
    assert run(["extract", str(doc), "-o", "-", "-f", "yaml", "-q"]) == 0
    data = yaml.safe_load(capsys.readouterr().out)
    assert data["positions"] and all("rule" in p and "quote" in p for p in data["positions"])


def test_extract_bad_document_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"not a zip at all")
    assert run(["extract", str(bad), "-o", str(tmp_path / "s.csv")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "broken.docx" in err[0]
