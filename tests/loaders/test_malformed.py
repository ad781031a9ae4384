"""Malformed inputs through `stancegraph ingest`: one line on stderr naming the file and the place,
exit code 1, and the store exactly as it was (same statistics, same triples)."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from stancegraph.api.cli.main import main
from stancegraph.graph.rdf.store import Store


def truncated_dna(tmp_path: Path, fixtures: Path) -> tuple[Path, str]:
    path = tmp_path / "truncated.dna"
    path.write_bytes((fixtures / "dna" / "sample.dna").read_bytes()[:100_000])
    return path, "truncated.dna [sqlite_master]: not a readable SQLite database"


def polis_missing_column(tmp_path: Path, fixtures: Path) -> tuple[Path, str]:
    folder = tmp_path / "conversation"
    shutil.copytree(fixtures / "polis" / "15-per-hour-seattle", folder)
    votes = folder / "votes.csv"
    votes.chmod(0o644)
    lines = votes.read_text(encoding="utf-8").splitlines()
    votes.write_text("\n".join(",".join(line.split(",")[:4]) for line in lines) + "\n", encoding="utf-8")
    return folder, "votes.csv:1 [vote]: missing column 'vote'"


def zip_not_qdpx(tmp_path: Path, fixtures: Path) -> tuple[Path, str]:
    path = tmp_path / "notes.qdpx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("notes.txt", "hello")
    return path, "notes.qdpx [project.qde]: not a REFI-QDA project"


def traversal(tmp_path: Path, fixtures: Path) -> tuple[Path, str]:
    path = tmp_path / "evil.qdpx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("project.qde", "<Project/>")
        zf.writestr("../../outside.txt", "x")
    return path, "evil.qdpx [../../outside.txt]: refused: member '../../outside.txt' has a path that climbs out"


def _state(store: Path) -> tuple[dict[str, int], set[str]]:
    with Store(store) as st:
        return st.stats(), {str(q) for q in st._ox}


@pytest.mark.parametrize("make", [truncated_dna, polis_missing_column, zip_not_qdpx, traversal])
def test_bad_input_is_one_line_and_changes_nothing(make, tmp_path, fixtures_dir, capsys):
    store = tmp_path / "store"
    with pytest.raises(SystemExit) as done:
        main(["ingest", str(fixtures_dir / "dna" / "sample.dna"), "--store", str(store), "--quiet"])
    assert done.value.code == 0
    before = _state(store)
    capsys.readouterr()
    bad, expected = make(tmp_path, fixtures_dir)
    with pytest.raises(SystemExit) as done:
        main(["ingest", str(bad), "--store", str(store), "--quiet"])
    err = capsys.readouterr().err
    assert done.value.code == 1
    assert err.count("\n") == 1 and expected in err
    assert _state(store) == before


def test_folder_of_exports_is_walked_to_each_export(tmp_path, fixtures_dir):
    """`ingest exports/` finds the Pol.is folders and the DNA file inside it, not the CSV files one by one."""
    from stancegraph.api.cli.main import expand_inputs

    root = tmp_path / "exports"
    (root / "polis").mkdir(parents=True)
    shutil.copytree(fixtures_dir / "polis" / "15-per-hour-seattle", root / "polis" / "seattle")
    shutil.copyfile(fixtures_dir / "dna" / "sample.dna", root / "sample.dna")
    assert expand_inputs([root]) == [root / "polis" / "seattle", root / "sample.dna"]
