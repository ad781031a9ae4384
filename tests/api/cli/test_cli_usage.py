"""What a new user meets first: the version, usage errors, a mistyped --store, queries from standard input, and
CSV from `query` (W3C SPARQL CSV, the projection's column order, values exactly, as /sparql?format=csv)."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

EXE = str(Path(sys.executable).parent / "stancegraph")
SHEET = """document,source,stakeholder,group,stance,claim,themes,quantifier,quote
consult.txt,Workshops,Care providers,Providers,support,-x pay must rise,Pay and conditions,,=1+1
"""


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EXE, *args], capture_output=True, text=True, timeout=120, input=stdin)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("usage")
    (folder / "sheet.csv").write_text(SHEET, encoding="utf-8")
    done = run("ingest", str(folder / "sheet.csv"), "--store", str(folder / "st"), "--quiet")
    assert done.returncode == 0, done.stderr
    return folder / "st"


def test_version() -> None:
    done = run("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"stancegraph {version('stancegraph')}"


@pytest.mark.parametrize("args", [["ingest"], ["frobnicate"], ["stats", "--nope"], ["query", "--format", "xml"],
                                  ["export", "--format"], ["analyse", "nothing"], ["--nope"], []])
def test_usage_errors_exit_2_with_the_usage(args: list[str]) -> None:
    done = run(*args)
    assert done.returncode == 2, done.stderr
    assert "Usage: stancegraph" in done.stderr or "Error: Option '--format' requires an argument" in done.stderr
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("args", [["stats"], ["query", "--sparql", "ASK {}"], ["export", "--format", "ttl"],
                                  ["analyse", "conflicts", "--json"], ["validate"]])
def test_reading_commands_refuse_a_store_that_does_not_exist(tmp_path: Path, args: list[str]) -> None:
    typo = tmp_path / "stroe"
    done = run(*args, "--store", str(typo))
    assert done.returncode == 2 and f"no store at {typo}" in done.stderr, done.stderr
    assert not typo.exists()  # nothing created behind the user's back


def test_query_from_standard_input(store: Path) -> None:
    done = run("query", "--sparql", "@-", "--format", "csv", "--store", str(store),
               stdin="SELECT (COUNT(*) AS ?n) WHERE { ?p a sg:Position }")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["n", "1"]


def test_query_csv_keeps_the_projection_order_and_the_values(store: Path) -> None:
    done = run("query", "--sparql", "SELECT * WHERE { ?s schema:text ?o }", "--format", "csv", "--store", str(store))
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(done.stdout, newline="")))
    assert rows[0] == ["s", "o"]  # SELECT * in the order the query names its variables, not o, s
    assert rows[1][1] == "-x pay must rise"  # query results are data: no spreadsheet guard (as /sparql?format=csv)
    raw = subprocess.run([EXE, "query", "--sparql", "SELECT * WHERE { ?s schema:text ?o }", "--format", "csv",
                          "--store", str(store)], capture_output=True, timeout=120).stdout
    assert raw.startswith(b"s,o\r\n")  # W3C SPARQL CSV


def test_a_rejected_ingest_into_a_new_store_leaves_nothing_behind(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("document,stakeholder,stance,claim\nx.txt,Providers,maybe,Pay must rise\n", encoding="utf-8")
    done = run("ingest", str(bad), "--store", str(tmp_path / "new"))
    assert done.returncode == 1 and "unknown stance" in done.stderr
    assert not (tmp_path / "new").exists()  # (it used to hold the theme scheme: 694 quads)
    (tmp_path / "empty").mkdir()
    assert run("ingest", str(bad), "--store", str(tmp_path / "empty")).returncode == 1
    assert list((tmp_path / "empty").iterdir()) == []
