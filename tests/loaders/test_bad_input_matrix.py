"""Every loader against hostile input (tests/bad_inputs.py), through ``stancegraph ingest``.

A rejected input gives one line on stderr naming the file (and the line, field or archive member
where the format has one), exit code 1, no traceback, and the store exactly as it was (same
quads). An input that is still valid (a truncated plain text, a 5 MB line of words) loads whole,
in bounded time. test_malformed.py holds the loader-specific cases (DNA, Pol.is, REFI-QDA);
this matrix crosses every extension with every kind of damage.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bad_inputs import CASES, PLAIN, Case, sheet_csv
from conftest import FIXTURES, need_shared
from stancegraph.api.cli.main import main
from stancegraph.graph.model.records import new_document
from stancegraph.graph.rdf.store import Store
from stancegraph.loaders import load_path

EXE = str(Path(sys.executable).parent / "stancegraph")

#: where the error must point, for inputs whose format has lines, fields or members (a regex after the file name)
PLACES: dict[str, str] = {
    "truncated.csv": r":2:", "truncated.yaml": r":\d+:", "truncated.ttl": r":\d+:", "truncated.nt": r":\d+:",
    "truncated.jsonld": r":\d+:", "truncated.json": r":\d+:", "truncated.dna": r" \[sqlite_master\]",
    "garbage.ttl": r":1:", "garbage.nt": r":1:", "garbage.dna": r" \[sqlite_master\]",
    "utf16-no-bom.ttl": r":1:", "utf16-no-bom.nt": r":1:",
    "huge-line.ttl": r":1:", "huge-line.nt": r":1:", "huge-line.json": r":1:",
    "huge-line.jsonld": r":1:",
    "zip-bomb.docx": r" \[media/zeros\.bin\]", "zip-bomb.qdpx": r" \[media/zeros\.bin\]",
    "zip-traversal.docx": r" \[\.\./\.\./outside\.txt\]", "zip-traversal.qdpx": r" \[\.\./\.\./outside\.txt\]",
    "zip-absolute.docx": r" \[/etc/cron\.d/x\]", "zip-absolute.qdpx": r" \[/etc/cron\.d/x\]",
    "xml-entities.docx": r" \[word/document\.xml\]", "xml-entities.qdpx": r"!project\.qde",
    "missing-columns.csv": r":1 \[claim\]", "extra-cells.csv": r":5:", "short-row.csv": r":5 \[stakeholder\]",
    "unbalanced-quote.csv": r":5:", "not-json.json": r":1:", "offsets-past-text.json": r" \[pos-oppose-",
    "json-lone-surrogate.json": r":1 \[stakeholders\[0\]\.label\]",
    "yaml-lone-surrogate.yaml": r":2 \[stakeholder\]",
    "xml-entities-utf16.docx": r" \[word/document\.xml\]", "xml-entities-utf16.qdpx": r"!project\.qde",
    "control-char-in-name.csv": r":2 \[stakeholder\]", "control-char-in-name.json": r": stakeholder 'sh-x' field label",
}
#: seconds each case may take (the 5 MB line is extracted, about 25 s on one core; the rest is refused at once)
BOUND = {"huge-line": 120.0, "deep-nesting": 8.0}


def state(store: Path) -> set[str]:
    with Store(store) as st:
        return {str(q) for q in st._ox}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding one good coding sheet, which every rejected input must leave as it is."""
    folder = tmp_path_factory.mktemp("matrix")
    (folder / "seed.csv").write_bytes(sheet_csv())
    with pytest.raises(SystemExit) as done:
        main(["ingest", str(folder / "seed.csv"), "--store", str(folder / "store"), "--quiet"])
    assert done.value.code == 0
    return folder / "store"


def params() -> list:
    out = []
    for case in CASES:
        marks = [pytest.mark.slow] if case.id in ("huge-line", "zip-bomb") else []
        out.append(pytest.param(case, id=case.name, marks=marks))
    return out


@pytest.mark.parametrize("case", params())
def test_bad_input_is_one_located_line_and_changes_nothing(case: Case, store: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    if case.needs_shared:
        need_shared(FIXTURES / "dna" / "sample.dna")
    path = tmp_path / case.name
    path.write_bytes(case.build())
    target = store if case.expect == "reject" else tmp_path / "store"  # loads go to a store of their own
    before = state(target)
    capsys.readouterr()
    started = time.monotonic()
    with pytest.raises(SystemExit) as done:
        main(["ingest", str(path), "--store", str(target), "--quiet"])
    elapsed = time.monotonic() - started
    err = capsys.readouterr().err
    assert elapsed < BOUND.get(case.id, 15.0), f"{case.name} took {elapsed:.1f} s"
    assert "Traceback" not in err and "internal error" not in err, err
    if case.expect == "load":
        assert done.value.code == 0, err
        with Store(target) as st:  # landed whole: the document with all of its text, or every position read
            if case.ext in PLAIN:
                (doc,) = st.bundle(new_document(path.name).id).documents.values()
                visible = re.sub(r"<[^>]*>?", "", path.read_text(encoding="utf-8"))
                assert len((doc.text or "").strip()) >= 0.75 * len(visible.strip())
            else:
                read = load_path(path)
                for doc_id in read.documents:
                    assert set(st.bundle(doc_id).positions) == {p.id for p in read.positions.values() if p.document == doc_id}
        return
    assert done.value.code == 1, err
    assert err.count("\n") == 1 and err.startswith(f"error: {path}"), err
    place = PLACES.get(case.name)
    if place:
        assert re.match(re.escape(f"error: {path}") + place, err), err
    assert state(store) == before


def test_the_installed_command_rejects_the_whole_matrix_in_one_run(tmp_path: Path) -> None:
    """The console script itself, on every rejected input at once: exit 1, one line per file, no traceback."""
    folder = tmp_path / "bad"
    folder.mkdir()
    cases = [c for c in CASES if c.expect == "reject" and not c.needs_shared and c.id not in ("huge-line", "zip-bomb")]
    for case in cases:
        (folder / case.name).write_bytes(case.build())
    store = tmp_path / "store"
    (tmp_path / "seed.csv").write_bytes(sheet_csv())
    seeded = subprocess.run([EXE, "ingest", str(tmp_path / "seed.csv"), "--store", str(store), "-q"],
                            capture_output=True, text=True, timeout=120)
    assert seeded.returncode == 0, seeded.stderr
    before = state(store)
    done = subprocess.run([EXE, "ingest", *sorted(str(p) for p in folder.iterdir()), "--store", str(store), "-q"],
                          capture_output=True, text=True, timeout=240)
    lines = done.stderr.splitlines()
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    named = sorted(re.match(r"error: (\S+?)(?::\d+)?(?: \[.*?\])?(?::|!)", line).group(1) for line in lines)
    assert named == sorted(str(folder / c.name) for c in cases)
    assert state(store) == before
